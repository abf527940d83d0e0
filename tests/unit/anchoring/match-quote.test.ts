import { readFileSync } from 'node:fs';
import { describe as group, expect, test } from 'vitest';
import { anchor, describe, ORPHAN_THRESHOLD } from '../../../src/anchoring/anchor.ts';
import { canonicalText } from '../../../src/anchoring/doc-text.ts';
import { matchQuote } from '../../../src/anchoring/match-quote.ts';
import { combineScore, MAX_ERROR_RATE } from '../../../src/anchoring/match-score.ts';
import { importText } from '../../../src/model/import-text.ts';
import { matchCases } from './match-quote-cases.ts';
import { nth } from './nth-occurrence.ts';

const corpora = process.env['APPARATUS_CORPORA'] ?? new URL('../../../../shared/corpora/', import.meta.url).pathname;
let duck: string | null = null;
try {
  const t = importText(readFileSync(`${corpora}/duck.txt`));
  duck = canonicalText(t.blocks, t.references);
} catch {
  duck = null;
}


group.skipIf(duck === null)('matcher case table on the Duck article (skipped: ../shared/corpora/duck.txt absent)', () => {
  test.each(matchCases)('$kind: $name', (c) => {
    const base = c.prepare ? c.prepare(duck!) : duck!;
    const start = nth(base, c.passage, c.occurrence ?? 0);
    const target = describe(base, start, start + c.passage.length, 'urn:test:duck');
    const revised = c.revise(base);
    const result = anchor(revised, target, 'urn:test:note');
    if (c.expected === null) {
      expect(result.status).toBe('orphan');
      expect(result).toMatchObject({ start, end: start + c.passage.length, quote: c.passage });
      return;
    }
    const at = nth(revised, c.expected, c.expectedOccurrence ?? 0);
    expect({ status: result.status, text: revised.slice(result.start, result.end), start: result.start }).toEqual({
      status: c.expected === c.passage ? 'exact' : 'fuzzy',
      text: c.expected,
      start: at,
    });
    // The matcher alone, given the same context and hint, finds the same span.
    const q = target.selector[0]!;
    if (q.type !== 'TextQuoteSelector') throw new Error('describe writes the quote selector first');
    const m = matchQuote(revised, q.exact, { prefix: q.prefix!, suffix: q.suffix!, hint: start });
    expect(m && [m.start, m.end]).toEqual([at, at + c.expected.length]);
    expect(m!.score).toBeGreaterThanOrEqual(ORPHAN_THRESHOLD);
  });
});

group('matchQuote', () => {
  const text = 'The quick brown fox jumps over the lazy dog. The quick brown cat sleeps under the warm sun.';

  test('an empty quote matches nothing', () => {
    expect(matchQuote(text, '', { hint: 3 })).toBeNull();
  });

  test('nothing within the error allowance: null', () => {
    expect(matchQuote(text, 'zebra crossing', {})).toBeNull();
  });

  test('not "first exact match wins": context and hint pick the second occurrence', () => {
    const second = text.lastIndexOf('The quick brown');
    const m = matchQuote(text, 'The quick brown', { prefix: 'lazy dog. ', suffix: ' cat sleeps', hint: second });
    expect(m).toMatchObject({ start: second, end: second + 'The quick brown'.length });
    // Without context or hint, the first of equal candidates.
    expect(matchQuote(text, 'The quick brown', {})!.start).toBe(0);
  });

  test('the hint alone breaks a tie between identical copies', () => {
    const second = text.lastIndexOf('The quick brown');
    expect(matchQuote(text, 'The quick brown', { hint: second + 3 })!.start).toBe(second);
    expect(matchQuote(text, 'The quick brown', { hint: 2 })!.start).toBe(0);
  });

  test('an estimate counts like the hint: the nearer of the two', () => {
    const second = text.lastIndexOf('The quick brown');
    expect(matchQuote(text, 'The quick brown', { hint: 20, estimate: second })!.start).toBe(second);
    expect(matchQuote(text, 'The quick brown', { hint: second - 20, estimate: 0 })!.start).toBe(0);
  });

  test('a fuzzy match: approximately the quote, with its score from quote, context and position', () => {
    const m = matchQuote(text, 'jumps ovr the lazy dgo', { prefix: 'quick brown fox ', suffix: '. The quick', hint: 20 })!;
    expect(text.slice(m.start, m.end)).toBe('jumps over the lazy dog');
    expect(m.score).toBeLessThan(1);
    expect(m.score).toBeGreaterThan(ORPHAN_THRESHOLD);
  });

  test('more errors than MAX_ERROR_RATE of the quote: not found', () => {
    const quote = 'jumps over the lazy dog';
    const tooMany = Math.floor(quote.length * MAX_ERROR_RATE) + 1;
    const mangled = 'X'.repeat(tooMany) + quote.slice(tooMany);
    expect(matchQuote('some unrelated words, none of them similar', mangled, {})).toBeNull();
  });

  test('the score is a weighted mean: all evidence perfect is 1, and missing evidence is left out', () => {
    expect(combineScore({ quote: 1, prefix: 1, suffix: 1, position: 1 })).toBe(1);
    expect(combineScore({ quote: 1 })).toBe(1);
    expect(combineScore({ quote: 0.5 })).toBe(0.5);
    expect(combineScore({ quote: 1, prefix: 0, suffix: 1, position: 0 })).toBeLessThan(combineScore({ quote: 1, prefix: 1, suffix: 1, position: 0 }));
  });
});
