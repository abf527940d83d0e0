import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe as group, expect, test } from 'vitest';
import { anchor, anchorAll, CONTEXT_LENGTH, describe, ORPHAN_THRESHOLD } from '../../../src/anchoring/anchor.ts';
import type { Annotation, Selector, TextTarget } from '../../../src/anchoring/annotation-types.ts';
import { BLOCK_SEPARATOR, canonicalText } from '../../../src/anchoring/doc-text.ts';
import { importText } from '../../../src/model/import-text.ts';

const SOURCE = 'urn:test:work';
const corporaDir = process.env['APPARATUS_CORPORA'] ?? new URL('../../../../shared/corpora/', import.meta.url).pathname;
let corpusFiles: string[] = [];
try {
  corpusFiles = readdirSync(corporaDir).filter((f) => f.endsWith('.txt'));
} catch {
  corpusFiles = [];
}
const works = [
  { name: 'kavbiuro', path: new URL('../../../corpus/kavbiuro/text.txt', import.meta.url).pathname },
  ...corpusFiles.map((f) => ({ name: f, path: `${corporaDir}/${f}` })),
];

group('describe', () => {
  test('writes both selectors with 32 characters of context (fewer at the edges)', () => {
    const text = 'x'.repeat(40) + 'QUOTE' + 'y'.repeat(10);
    expect(describe(text, 40, 45, SOURCE)).toEqual({
      source: SOURCE,
      selector: [
        { type: 'TextQuoteSelector', exact: 'QUOTE', prefix: 'x'.repeat(CONTEXT_LENGTH), suffix: 'y'.repeat(10) },
        { type: 'TextPositionSelector', start: 40, end: 45 },
      ],
    });
  });

  test.each([
    [-1, 2],
    [3, 2],
    [0, 99],
    [0.5, 2],
  ])('throws RangeError for [%d, %d) of a 10-character text', (start, end) => {
    expect(() => describe('0123456789', start, end, SOURCE)).toThrow(RangeError);
  });
});

group('describe → anchor round trip on every claim of every text', () => {
  test.each(works)('$name', ({ path }) => {
    const imported = importText(readFileSync(path));
    const text = canonicalText(imported.blocks, imported.references);
    const blockStarts: number[] = [];
    let offset = 0;
    for (const b of imported.blocks) {
      blockStarts.push(offset);
      offset += b.text.length + BLOCK_SEPARATOR.length;
    }
    expect(imported.claims.length).toBeGreaterThan(0);
    const annotations: Annotation[] = imported.claims.map((c) => {
      const start = blockStarts[c.block]! + c.start;
      return { id: `urn:test:${c.id}`, type: 'Annotation', motivation: 'assessing', created: '2026-01-01T00:00:00Z', target: describe(text, start, start + (c.end - c.start), SOURCE) };
    });
    const all = anchorAll(text, annotations);
    imported.claims.forEach((c, i) => {
      const start = blockStarts[c.block]! + c.start;
      const r = anchor(text, annotations[i]!.target as TextTarget, annotations[i]!.id);
      expect(r).toMatchObject({ status: 'exact', score: 1, start, end: start + c.end - c.start, quote: c.text });
      expect(all.get(annotations[i]!.id)).toEqual(r);
    });
  });
});

group('orphans and targets that cannot be verified', () => {
  const text = 'The committee met in Tiflis in July and reversed its decision two days later.';

  test('an orphan keeps its stored quote, context and position', () => {
    const target: TextTarget = {
      source: SOURCE,
      selector: [
        { type: 'TextQuoteSelector', exact: 'Ottoman intervention', prefix: 'first through the ', suffix: ', and following' },
        { type: 'TextPositionSelector', start: 500, end: 520 },
      ],
    };
    expect(anchor(text, target, 'urn:x')).toEqual({ id: 'urn:x', status: 'orphan', score: 0, start: 500, end: 520, quote: 'Ottoman intervention', prefix: 'first through the ', suffix: ', and following' });
  });

  test('a quote without a position selector is searched for', () => {
    const r = anchor(text, { source: SOURCE, selector: [{ type: 'TextQuoteSelector', exact: 'reversed its decision' }] }, 'urn:x');
    expect(r).toMatchObject({ status: 'exact', start: text.indexOf('reversed'), quote: 'reversed its decision' });
  });

  test('a position without a quote is unverifiable: fuzzy at the threshold inside the text, orphan outside', () => {
    const inside = anchor(text, { source: SOURCE, selector: [{ type: 'TextPositionSelector', start: 4, end: 13 }] }, 'urn:x');
    expect(inside).toMatchObject({ status: 'fuzzy', score: ORPHAN_THRESHOLD, start: 4, end: 13, quote: 'committee' });
    const outside = anchor(text, { source: SOURCE, selector: [{ type: 'TextPositionSelector', start: 400, end: 413 }] }, 'urn:x');
    expect(outside).toMatchObject({ status: 'orphan', start: 400, end: 413, quote: '' });
  });

  test('a huge quote that is not in the text is an orphan, found quickly (only looked for verbatim)', () => {
    const huge = 'abcdefghij'.repeat(20_000);
    const r = anchor(text, { source: SOURCE, selector: [{ type: 'TextQuoteSelector', exact: huge, prefix: 'x', suffix: 'y' }, { type: 'TextPositionSelector', start: 3, end: 200_003 }] }, 'urn:x');
    expect(r).toMatchObject({ status: 'orphan', start: 3, end: 200_003 });
    expect(r.quote).toBe(huge);
    const inside = `${text} ${huge} ${text}`;
    const found = anchor(inside, { source: SOURCE, selector: [{ type: 'TextQuoteSelector', exact: huge }] }, 'urn:x');
    expect(found).toMatchObject({ status: 'exact', start: text.length + 1, end: text.length + 1 + huge.length });
  });

  test('a stored position holding the quote in changed surroundings is not trusted blindly', () => {
    // "July" at the stored offset, but both context sides changed: the search decides, and finds the "July"
    // whose context matches.
    const revised = 'In July it rained. The committee met in Tiflis in July and reversed its decision two days later.';
    const at = text.indexOf('July');
    const r = anchor(revised, describe(text, at, at + 4, SOURCE), 'urn:x');
    expect(r).toMatchObject({ status: 'exact', start: revised.lastIndexOf('July') });
  });
});

group('empty context is no constraint (the W3C reading)', () => {
  const text = 'lorem ipsum dolor amet yada yada';
  const at = text.indexOf('dolor am');
  const target = (exact: string, prefix: string, suffix: string, start: number): TextTarget => ({
    source: SOURCE,
    selector: [
      { type: 'TextQuoteSelector', exact, prefix, suffix },
      { type: 'TextPositionSelector', start, end: start + exact.length },
    ],
  });

  test.each([-3, 3])('a quote with empty prefix and suffix and a position %d characters stale lands on its own words', (stale) => {
    const r = anchor(text, target('dolor am', '', '', at + stale), 'urn:x');
    expect(r).toMatchObject({ status: 'exact', start: at, end: at + 8, quote: 'dolor am' });
  });

  test('an empty prefix still agrees with a quote at the very start of the text (nothing stands before it)', () => {
    // The suffix was destroyed by an insertion: the verbatim words at the start still win over a look-alike span
    // whose only merit is the old suffix.
    const r = anchor('ab-xyz', target('ab', '', 'xyz', 0), 'urn:x');
    expect(r).toMatchObject({ status: 'exact', start: 0, end: 2 });
  });

  test('an empty quote with context is placed by its context, not taken from a stale position', () => {
    const caret = text.indexOf('dolor');
    const r = anchor(text, target('', 'ipsum ', 'dolor', caret + 3), 'urn:x');
    expect(r).toMatchObject({ status: 'exact', score: 1, start: caret, end: caret, quote: '' });
  });

  test('an empty quote with one context side edited: fuzzy where the other side holds', () => {
    const caret = text.indexOf('dolor');
    const r = anchor(text, target('', 'IPSUM ', 'dolor', caret + 5), 'urn:x');
    expect(r).toMatchObject({ status: 'fuzzy', start: caret, end: caret });
    expect(r.score).toBeGreaterThanOrEqual(ORPHAN_THRESHOLD);
    expect(r.score).toBeLessThan(1);
  });

  test('an empty quote whose context is gone is an orphan, not attached at its stored position unverified', () => {
    const r = anchor(text, target('', 'quick brown ', 'fox jumps', 6), 'urn:x');
    expect(r).toMatchObject({ status: 'orphan', start: 6, end: 6, quote: '', prefix: 'quick brown ', suffix: 'fox jumps' });
  });
});

group('properties', () => {
  const characters = fc.constantFrom('a', 'b', 'c', ' ', '.', '\n', 'é', '😀');
  const textArb = fc.string({ unit: characters, maxLength: 300 });
  // Ranges between whole characters (a range splitting '😀' cannot be written in code points; describe widens it).
  const textAndRange = fc.array(characters, { maxLength: 300 }).chain((chars) =>
    fc.tuple(fc.constant(chars), fc.nat(chars.length), fc.nat(chars.length)).map(([cs, a, b]) => {
      const at = (i: number) => cs.slice(0, i).join('').length;
      return { text: cs.join(''), start: at(Math.min(a, b)), end: at(Math.max(a, b)) };
    }),
  );

  test('describe → anchor is exact and identical on the same text', () => {
    fc.assert(
      fc.property(textAndRange, ({ text, start, end }) => {
        const r = anchor(text, describe(text, start, end, SOURCE), 'urn:p');
        expect(r).toEqual({
          id: 'urn:p',
          status: 'exact',
          score: 1,
          start,
          end,
          quote: text.slice(start, end),
          prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
          suffix: text.slice(end, end + CONTEXT_LENGTH),
        });
      }),
      { numRuns: 500 },
    );
  });

  const selectorArb: fc.Arbitrary<Selector> = fc.oneof(
    fc.record({ type: fc.constant('TextQuoteSelector' as const), exact: fc.string({ maxLength: 60 }), prefix: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }), suffix: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }) }, { requiredKeys: ['type', 'exact'] }),
    fc.tuple(fc.nat(400), fc.nat(400)).map(([a, b]) => ({ type: 'TextPositionSelector' as const, start: Math.min(a, b), end: Math.max(a, b) })),
  );
  const targetArb = fc.array(selectorArb, { minLength: 1, maxLength: 3 }).map((selector) => ({ source: SOURCE, selector }));
  const revisedArb = fc.tuple(textAndRange, fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '.'), maxLength: 20 }), fc.nat(300), fc.nat(30));

  test('for any well-formed target: never throws, stays inside the text, and an exact anchor is its quote verbatim', () => {
    fc.assert(
      fc.property(fc.oneof(textArb, fc.constant('')), targetArb, (text, target) => {
        const r = anchor(text, target, 'urn:p');
        if (r.status !== 'orphan') {
          expect(0 <= r.start && r.start <= r.end && r.end <= text.length).toBe(true);
          expect(r.quote).toBe(text.slice(r.start, r.end));
        }
        if (r.status === 'exact') {
          const q = target.selector.find((s) => s.type === 'TextQuoteSelector');
          if (q) expect(r.quote).toBe(q.exact);
          expect(r.score).toBe(1);
        }
        if (r.status === 'fuzzy') expect(r.score).toBeGreaterThanOrEqual(ORPHAN_THRESHOLD);
        if (r.status === 'orphan') expect(r.score).toBeLessThan(ORPHAN_THRESHOLD);
      }),
      { numRuns: 500 },
    );
  });

  test('after an edit elsewhere, describe → anchor still lands on the same words', () => {
    fc.assert(
      fc.property(revisedArb, ([{ text, start, end }, insert, at, cut]) => {
        // Edit outside the annotated range: insert some text and delete a little, before or after it.
        const p = at % (text.length + 1);
        const q = Math.min(text.length, p + (cut % 5));
        // An empty range has no words to follow; an edit must be wholly before or after the range.
        if (start === end || !(q <= start || p >= end)) return;
        const revised = text.slice(0, p) + insert + text.slice(q);
        const shift = q <= start ? insert.length - (q - p) : 0;
        const r = anchor(revised, describe(text, start, end, SOURCE), 'urn:p');
        if (r.status === 'orphan') return; // tiny random texts may leave too little to go on; never wrong words
        expect(r.quote).toBe(text.slice(start, end));
        if (r.status === 'exact' && revised.indexOf(r.quote) === revised.lastIndexOf(r.quote)) expect(r.start).toBe(start + shift);
      }),
      { numRuns: 500 },
    );
  });
});
