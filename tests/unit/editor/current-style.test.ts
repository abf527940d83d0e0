import { describe, expect, test } from 'vitest';
import { currentStyle } from '../../../src/editor/highlight-plugin.ts';

// A stand-in for CSS.escape (Node has no CSS object): escapes quotes and backslashes, enough for these ids.
const escape = (s: string) => s.replace(/["\\]/g, (c) => `\\${c}`);

describe('the highlight stylesheet', () => {
  test('names the current claim and the focused note, scoped to the text', () => {
    const css = currentStyle({ claim: 'c1234abcd', annotation: 'urn:uuid:1' }, escape);
    expect(css).toContain('.ap-text [data-claim="c1234abcd"]');
    expect(css).toContain('.ap-text [data-annotation="urn:uuid:1"]');
  });

  test('is empty when nothing is current', () => {
    expect(currentStyle({ claim: null, annotation: null }, escape)).toBe('');
  });

  test('an id cannot break out of its attribute selector', () => {
    const css = currentStyle({ claim: null, annotation: 'x"] body { display: none } [a="' }, escape);
    // Every quote of the id is escaped, so the selector's string runs to the closing quote the rule puts there.
    expect(css).toContain('[data-annotation="x\\"] body { display: none } [a=\\""]');
  });
});
