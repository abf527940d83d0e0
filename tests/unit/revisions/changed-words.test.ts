import { describe, expect, test } from 'vitest';
import { changedWords } from '../../../src/revisions/changed-words.ts';

describe('changedWords', () => {
  test('the common first and last words are kept; the middle is the change on each side', () => {
    expect(changedWords('endorsed on 3 July 1920, only to be reversed two days later', 'endorsed on 4 July 1921, only to be reversed the next day')).toEqual({
      head: 'endorsed on ',
      was: '3 July 1920, only to be reversed two days later',
      now: '4 July 1921, only to be reversed the next day',
      tail: '',
    });
    expect(changedWords('Some Armenian historians have attributed this to Stalin.', 'Several Armenian historians attribute this to Stalin.')).toEqual({
      head: '',
      was: 'Some Armenian historians have attributed ',
      now: 'Several Armenian historians attribute ',
      tail: 'this to Stalin.',
    });
  });

  test('every character is kept: head + was + tail is the old text, head + now + tail the new', () => {
    const pairs: [string, string][] = [['a b c', 'a b c'], ['a b', 'a x b'], ['', 'new words'], ['same start, old end.', 'same start, new end.']];
    for (const [x, y] of pairs) {
      const c = changedWords(x, y);
      expect(c.head + c.was + c.tail).toBe(x);
      expect(c.head + c.now + c.tail).toBe(y);
    }
  });
});

describe('similarity', () => {
  test('is 1 − Levenshtein distance ÷ the longer length, with or without a common prefix and suffix', async () => {
    const { similarity } = await import('../../../src/revisions/reference-matching.ts');
    const { editDistance } = await import('../../../src/anchoring/edit-distance.ts');
    const pairs: [string, string][] = [
      ['on 3 July 1920, only', 'on 4 July 1921, only'],
      ['kitten sitting', 'sitting kitten'],
      ['abcabc', 'abc'],
      ['aaaa', 'aaab'],
      ['the same', 'the same'],
    ];
    for (const [a, b] of pairs) expect(similarity(a, b)).toBeCloseTo(1 - editDistance(a, b) / Math.max(a.length, b.length), 12);
  });
});
