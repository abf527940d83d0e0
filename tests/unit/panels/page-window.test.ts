import { describe, expect, test } from 'vitest';
import { pageWindow } from '../../../src/panels/page-window.ts';

describe('pageWindow (which items of a long list a panel renders)', () => {
  test('the first page, and the rest hidden behind "Show more"', () => {
    expect(pageWindow(20_000, 50, -1, 50)).toEqual({ head: 50, extra: null, hidden: 19_950 });
    expect(pageWindow(30, 50, -1, 50)).toEqual({ head: 30, extra: null, hidden: 0 });
    expect(pageWindow(0, 50, -1, 50)).toEqual({ head: 0, extra: null, hidden: 0 });
  });

  test('an active item already rendered changes nothing', () => {
    expect(pageWindow(1000, 100, 42, 50)).toEqual({ head: 100, extra: null, hidden: 900 });
  });

  test('an active item further on is rendered with its page, apart from the head', () => {
    expect(pageWindow(20_000, 50, 19_123, 50)).toEqual({ head: 50, extra: { from: 19_100, to: 19_150 }, hidden: 19_900 });
    // the last page can be short
    expect(pageWindow(20_010, 50, 20_005, 50)).toEqual({ head: 50, extra: { from: 20_000, to: 20_010 }, hidden: 19_950 });
  });

  test('an active item in the page right after the head extends the head', () => {
    expect(pageWindow(1000, 50, 70, 50)).toEqual({ head: 100, extra: null, hidden: 900 });
  });

  test('an active index out of range is ignored', () => {
    expect(pageWindow(10, 5, 10, 5)).toEqual({ head: 5, extra: null, hidden: 5 });
  });
});
