import fc from 'fast-check';
import { expect, test } from 'vitest';
import { alignEnd, alignStart, approximateEnds, editDistance, PatternMasks } from '../../../src/anchoring/edit-distance.ts';

/** Textbook dynamic programming: the reference the bit-parallel code must agree with. */
function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length]!;
}

/** For each end e of text[from, to), the fewest errors of the pattern against any text[s, e) with from ≤ s ≤ e. */
function semiGlobal(pattern: string, text: string, from: number, to: number): number[] {
  let col = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const out: number[] = [];
  for (let j = from; j < to; j++) {
    const next = [0];
    for (let i = 1; i <= pattern.length; i++) next.push(Math.min(col[i]! + 1, next[i - 1]! + 1, col[i - 1]! + (pattern[i - 1] === text[j] ? 0 : 1)));
    col = next;
    out.push(col[pattern.length]!);
  }
  return out;
}

// A small alphabet makes near matches common; lengths past 32 and 64 exercise several blocks.
const word = (max: number) => fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é', '水'), minLength: 1, maxLength: max });

test('editDistance agrees with the textbook algorithm', () => {
  fc.assert(fc.property(word(90), fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: 90 }), (a, b) => {
    expect(editDistance(a, b)).toBe(levenshtein(a, b));
  }), { numRuns: 400 });
  expect(editDistance('', 'abc')).toBe(3);
  expect(editDistance('Karabagh', 'Karabakh')).toBe(1);
});

test('approximateEnds reports exactly the local minima within the allowance, with their errors', () => {
  fc.assert(fc.property(word(70), word(160), fc.nat(20), fc.nat(10), (pattern, text, k, from) => {
    const start = Math.min(from, text.length);
    const d = semiGlobal(pattern, text, start, text.length);
    const expected: { end: number; errors: number }[] = [];
    // The first position of each run of equal values that is lower than what precedes and what follows it.
    for (let j = 0; j < d.length; j++) {
      if (d[j]! > k || (j > 0 && d[j - 1]! <= d[j]!)) continue;
      let r = j;
      while (r + 1 < d.length && d[r + 1] === d[j]) r++;
      if (r + 1 === d.length || d[r + 1]! > d[j]!) expected.push({ end: start + j + 1, errors: d[j]! });
    }
    expect(approximateEnds(new PatternMasks(pattern), text, start, text.length, k)).toEqual(expected);
  }), { numRuns: 400 });
});

test('alignStart and alignEnd find the best alignment anchored at one end', () => {
  fc.assert(fc.property(word(70), word(160), fc.nat(20), fc.nat(160), (pattern, text, k, at) => {
    const p = Math.min(at, text.length);
    const back = alignStart(new PatternMasks(pattern, true), text, p, k);
    let best = Number.POSITIVE_INFINITY;
    for (let s = Math.max(0, p - pattern.length - k); s <= p; s++) best = Math.min(best, levenshtein(pattern, text.slice(s, p)));
    expect(back.errors).toBe(best);
    expect(levenshtein(pattern, text.slice(back.start, p))).toBe(best);
    const ahead = alignEnd(new PatternMasks(pattern), text, p, k);
    best = Number.POSITIVE_INFINITY;
    for (let e = p; e <= Math.min(text.length, p + pattern.length + k); e++) best = Math.min(best, levenshtein(pattern, text.slice(p, e)));
    expect(ahead.errors).toBe(best);
    expect(levenshtein(pattern, text.slice(p, ahead.end))).toBe(best);
  }), { numRuns: 400 });
});
