import { readFileSync } from 'node:fs';
import { describe as group, expect, test } from 'vitest';
import { anchor, anchorAll, describe, ORPHAN_THRESHOLD } from '../../../src/anchoring/anchor.ts';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { canonicalText } from '../../../src/anchoring/doc-text.ts';
import { importText } from '../../../src/model/import-text.ts';
import { revisionCases } from './kavbiuro-revision-cases.ts';
import { nth } from './nth-occurrence.ts';

const canonicalOf = (path: string) => {
  const t = importText(readFileSync(new URL(path, import.meta.url)));
  return canonicalText(t.blocks, t.references);
};
const original = canonicalOf('../../../corpus/kavbiuro/text.txt');
const revised = canonicalOf('../../fixtures/anchoring/kavbiuro-revised.txt');
const SOURCE = 'https://en.wikipedia.org/wiki/Kavbiuro';


group('anchoring the Kavbiuro notes on a revised text', () => {
  test.each(revisionCases)('$kind: $name', (c) => {
    const start = nth(original, c.quote, c.occurrence ?? 0);
    const target = describe(original, start, start + c.quote.length, SOURCE);
    const result = anchor(revised, target, 'urn:test');
    expect(result.status).toBe(c.status);
    if (c.expected === null) {
      // An orphan keeps what it was about: the stored quote, context and position.
      expect(result).toMatchObject({ quote: c.quote, start, end: start + c.quote.length });
      expect(result.score).toBeLessThan(ORPHAN_THRESHOLD);
    } else {
      const at = nth(revised, c.expected, c.expectedOccurrence ?? 0);
      expect(revised.slice(result.start, result.end)).toBe(c.expected);
      expect([result.start, result.end]).toEqual([at, at + c.expected.length]);
      expect(result.quote).toBe(c.expected);
      expect(result.prefix).toBe(revised.slice(Math.max(0, at - 32), at));
      expect(result.suffix).toBe(revised.slice(at + c.expected.length, at + c.expected.length + 32));
      if (c.status === 'fuzzy') {
        expect(result.score).toBeGreaterThanOrEqual(ORPHAN_THRESHOLD);
        expect(result.score).toBeLessThan(1);
      } else expect(result.score).toBe(1);
    }
  });

  test('anchorAll lands where anchor does, keyed by id in file order, and skips replies', () => {
    const annotations: Annotation[] = revisionCases.map((c, i) => {
      const start = nth(original, c.quote, c.occurrence ?? 0);
      return { id: `urn:test:${i}`, type: 'Annotation', motivation: 'commenting', created: '2026-01-01T00:00:00Z', target: describe(original, start, start + c.quote.length, SOURCE) };
    });
    annotations.splice(3, 0, { id: 'urn:test:reply', type: 'Annotation', motivation: 'replying', created: '2026-01-01T00:00:00Z', target: 'urn:test:0' });
    const all = anchorAll(revised, annotations);
    expect([...all.keys()]).toEqual(annotations.filter((a) => a.id !== 'urn:test:reply').map((a) => a.id));
    for (const a of annotations) {
      if (typeof a.target === 'string') continue;
      // Same words and status; the score may differ: anchorAll also measures proximity to the estimated shift.
      const { score: _s, ...alone } = anchor(revised, a.target, a.id);
      const { score: _t, ...together } = all.get(a.id)!;
      expect(together).toEqual(alone);
    }
  });

  test('on the unchanged text every case is exact where it was described', () => {
    for (const c of revisionCases) {
      const start = nth(original, c.quote, c.occurrence ?? 0);
      const r = anchor(original, describe(original, start, start + c.quote.length, SOURCE), 'urn:test');
      expect(r).toMatchObject({ status: 'exact', score: 1, start, end: start + c.quote.length, quote: c.quote });
    }
  });
});
