import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { longestSubsequence } from '../../../src/anchoring/longest-subsequence.ts';

describe('longestSubsequence', () => {
  test('strict: equal values do not extend a run; non-decreasing: they do', () => {
    expect(longestSubsequence([3, 3, 3], true)).toHaveLength(1);
    expect(longestSubsequence([3, 3, 3], false)).toEqual([0, 1, 2]);
    expect(longestSubsequence([5, 1, 2, 0, 3], true)).toEqual([1, 2, 4]);
    expect(longestSubsequence([], true)).toEqual([]);
  });

  test('property: in both modes, a valid subsequence as long as the quadratic answer', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 40 }), fc.boolean(), (values, strict) => {
        const picked = longestSubsequence(values, strict);
        const ok = (a: number, b: number) => (strict ? a < b : a <= b);
        for (let k = 1; k < picked.length; k++) {
          expect(picked[k]!).toBeGreaterThan(picked[k - 1]!);
          expect(ok(values[picked[k - 1]!]!, values[picked[k]!]!)).toBe(true);
        }
        const best = values.map(() => 1);
        for (let i = 0; i < values.length; i++) for (let j = 0; j < i; j++) if (ok(values[j]!, values[i]!)) best[i] = Math.max(best[i]!, best[j]! + 1);
        expect(picked.length).toBe(Math.max(0, ...best));
      }),
    );
  });
});
