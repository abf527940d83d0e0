import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe as group, expect, test } from 'vitest';
import { anchor, anchorAll, describe, withPositionInCodePoints } from '../../../src/anchoring/anchor.ts';
import { parseAnnotationFile } from '../../../src/anchoring/annotation-file.ts';
import type { Annotation, TextPositionSelector, TextTarget } from '../../../src/anchoring/annotation-types.ts';
import { CodePointOffsets } from '../../../src/anchoring/code-points.ts';
import { positionInCodePoints, positionInUnits } from '../../../src/anchoring/describe.ts';
import { canonicalText } from '../../../src/anchoring/doc-text.ts';
import { parseAnnotations, positionSelectorOf } from '../../../src/anchoring/selectors.ts';
import type { CliIo } from '../../../src/cli/cli-io.ts';
import { main } from '../../../src/cli/main.ts';
import { buildExportInput } from '../../../src/export/build-export-input.ts';
import { exportJsonLd } from '../../../src/export/jsonld.ts';
import { importText } from '../../../src/model/import-text.ts';

const SOURCE = 'urn:test:astral';
/** Code points before UTF-16 offset `units`, counted the slow, obvious way. */
const pointsBefore = (text: string, units: number) => Array.from(text.slice(0, units)).length;

// Characters outside the Basic Multilingual Plane: an emoji, mathematical Fraktur capitals (common in Wikipedia's
// mathematics articles) and a CJK Unified Ideographs Extension B character — each one code point, two code units.
const ASTRAL_WORK = [
  'Let \u{1D504} be an algebra \u{1F600} and let its unit act first.[1] The glyph \u{20000} stands for the root.',
  '',
  'A second paragraph names \u{1D505}\u{1D506} again and then the unit acts once more.[2]',
  '',
  'References',
  '1. A first source on \u{1D504}, 2020.',
  '2. A second source \u{1F600}, 2021.',
  '',
].join('\n');

group('CodePointOffsets', () => {
  test('identity on a text without surrogate pairs (a lone surrogate counts once either way)', () => {
    const o = CodePointOffsets.of('plain text é \uD800 end');
    expect(o.identity).toBe(true);
    expect([o.toUnits(7), o.toPoints(7), o.toUnits(500), o.toPoints(500)]).toEqual([7, 7, 500, 500]);
  });

  test('converts around astral characters both ways', () => {
    const text = 'a\u{1F600}b\u{1D504}c\u{20000}';
    const o = CodePointOffsets.of(text);
    expect(o.identity).toBe(false);
    expect(o.length).toBe(6);
    expect([0, 1, 2, 3, 4, 5, 6].map((p) => o.toUnits(p))).toEqual([0, 1, 3, 4, 6, 7, 9]);
    expect([0, 1, 3, 4, 6, 7, 9].map((u) => o.toPoints(u))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Between the halves of a pair: the character's start.
    expect(o.toPoints(2)).toBe(1);
    // Past the end (a stored position of a longer text): the distance from the end is kept.
    expect(o.toUnits(10)).toBe(13);
    expect(o.toPoints(13)).toBe(10);
  });

  test('agrees with counting code points one by one, at every character boundary', () => {
    const chars = fc.constantFrom('a', ' ', 'é', '\u{1F600}', '\u{1D504}', '\u{20000}', '\n');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 200 }), (cs) => {
        const text = cs.join('');
        const o = CodePointOffsets.of(text);
        let units = 0;
        for (let i = 0; i <= cs.length; i++) {
          expect(o.toPoints(units)).toBe(i);
          expect(o.toUnits(i)).toBe(units);
          expect(pointsBefore(text, units)).toBe(i);
          units += cs[i]?.length ?? 0;
        }
      }),
      { numRuns: 100 },
    );
  });
});

group('positions in code points at the W3C boundary', () => {
  const text = 'The \u{1F600} sign and \u{1D504} letter, then plain words.';
  const start = text.indexOf('plain words');
  const end = start + 'plain words'.length;

  test('describe takes UTF-16 offsets and writes the position in code points', () => {
    const position = positionSelectorOf(describe(text, start, end, SOURCE))!;
    expect(position).toEqual({ type: 'TextPositionSelector', start: pointsBefore(text, start), end: pointsBefore(text, end) });
    expect(position.start).toBe(start - 2);
  });

  test('describe widens a range that splits a surrogate pair to the whole character (a caret moves before it)', () => {
    const at = text.indexOf('\u{1F600}');
    const target = describe(text, at + 1, at + 1, SOURCE);
    expect(positionSelectorOf(target)).toMatchObject({ start: pointsBefore(text, at), end: pointsBefore(text, at) });
    const wide = describe(text, at + 1, at + 6, SOURCE);
    expect(wide.selector[0]).toMatchObject({ exact: '\u{1F600} sig' });
  });

  test('anchor reads the position as code points: exact at the fast path, result in UTF-16 offsets', () => {
    const target: TextTarget = { source: SOURCE, selector: [{ type: 'TextPositionSelector', start: start - 2, end: end - 2 }] };
    expect(anchor(text, target, 'urn:x')).toMatchObject({ status: 'fuzzy', start, end, quote: 'plain words' });
    expect(anchor(text, describe(text, start, end, SOURCE), 'urn:x')).toMatchObject({ status: 'exact', start, end });
  });

  test('a position written in UTF-16 code units (another client, or an older Apparatus) is accepted when the quote says so', () => {
    const legacy: TextTarget = {
      source: SOURCE,
      selector: [
        // No context: the quote alone decides, and "words" stands twice, so the position matters.
        { type: 'TextQuoteSelector', exact: 'words' },
        { type: 'TextPositionSelector', start: text.indexOf('words'), end: text.indexOf('words') + 5 },
      ],
    };
    const twice = `${text} More words.`;
    expect(anchor(twice, legacy, 'urn:x')).toMatchObject({ status: 'exact', start: text.indexOf('words'), end: text.indexOf('words') + 5 });
  });

  test('an importer can store such a position in code points: same words, W3C numbers; anything else is left alone', () => {
    const at = text.indexOf('plain words');
    const legacy: TextTarget = { source: SOURCE, selector: [{ type: 'TextQuoteSelector', exact: 'plain words', prefix: 'letter, then ' }, { type: 'TextPositionSelector', start: at, end: at + 11 }] };
    const fixed = withPositionInCodePoints(text, legacy);
    // Two astral characters stand before the words: the code-point position is 2 less.
    expect(fixed).toEqual({ source: SOURCE, selector: [legacy.selector[0], { type: 'TextPositionSelector', start: at - 2, end: at + 9 }] });
    expect(anchor(text, fixed, 'urn:x')).toMatchObject({ status: 'exact', start: at, end: at + 11 });
    const current = describe(text, at, at + 11, SOURCE);
    expect(withPositionInCodePoints(text, current)).toBe(current);
    const plain = 'no astral characters here, plain words';
    const onPlain = describe(plain, 27, 38, SOURCE);
    expect(withPositionInCodePoints(plain, onPlain)).toBe(onPlain);
  });

  test('an orphan keeps its stored position: converted to UTF-16 offsets, and back to the same code points', () => {
    const target: TextTarget = { source: SOURCE, selector: [{ type: 'TextQuoteSelector', exact: 'nowhere to be seen at all' }, { type: 'TextPositionSelector', start: 30, end: 55 }] };
    const r = anchor(text, target, 'urn:x');
    const o = CodePointOffsets.of(text);
    expect(r.status).toBe('orphan');
    expect([o.toPoints(r.start), o.toPoints(r.end)]).toEqual([30, 55]);
    // What the editor uses to report an orphan's stored place without loading the matcher.
    expect(positionInUnits(text, { start: 30, end: 55 })).toEqual({ start: r.start, end: r.end });
    expect(positionInUnits(text, { start: 30, end: 55 })).toEqual({ start: 32, end: 57 });
  });
});

group('whole round trip on a text with astral characters: describe → JSON-LD export → read → anchor', () => {
  const bytes = new TextEncoder().encode(ASTRAL_WORK);
  const imported = importText(bytes);
  const canonical = canonicalText(imported.blocks, imported.references);
  const passages = ['be an algebra', 'stands for the root', 'again and then the unit', '\u{1F600}', 'A second source \u{1F600}'];
  const notes: Annotation[] = passages.map((p, i) => {
    const at = canonical.indexOf(p);
    return { id: `urn:test:note-${i}`, type: 'Annotation', motivation: 'commenting', created: '2026-12-01T00:00:00Z', target: describe(canonical, at, at + p.length, 'urn:apparatus:work:astral') };
  });

  test('every exported position counts code points, and every note and claim link anchors exactly where it was', async () => {
    expect(CodePointOffsets.of(canonical).identity).toBe(false);
    const { input, rejected } = await buildExportInput({ text: bytes, textName: 'astral/text.txt', workJson: null, annotationsJson: JSON.stringify(notes), exportedAt: '2026-12-01T00:00:00Z' });
    expect(rejected).toEqual([]);
    const exported = exportJsonLd(input);
    const read = parseAnnotationFile(exported, 'export.jsonld');
    expect(read.rejected).toEqual([]);
    const claimLinks = read.annotations.filter((a) => a.motivation === 'linking');
    expect(claimLinks.length).toBe(2);
    const anchors = anchorAll(canonical, read.annotations);
    for (const a of read.annotations) {
      if (typeof a.target === 'string') continue;
      const position = positionSelectorOf(a.target) as TextPositionSelector;
      const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
      const r = anchors.get(a.id)!;
      expect(r).toMatchObject({ status: 'exact', quote: quote.type === 'TextQuoteSelector' ? quote.exact : '' });
      // The W3C position is the anchored range counted in code points.
      expect([position.start, position.end]).toEqual([pointsBefore(canonical, r.start), pointsBefore(canonical, r.end)]);
    }
    for (const [i, p] of passages.entries()) expect(anchors.get(`urn:test:note-${i}`)).toMatchObject({ start: canonical.indexOf(p), end: canonical.indexOf(p) + p.length });
  });

  test('apparatus anchor --json prints start/end in code points', async () => {
    let stdout = '';
    const files: Record<string, string> = { 'text.txt': ASTRAL_WORK, 'notes.jsonld': JSON.stringify(notes) };
    const io: CliIo = {
      stdout: (t) => void (stdout += t),
      stderr: () => undefined,
      readFile: async (p) => new TextEncoder().encode(files[p]),
      writeFile: async () => undefined,
      readStdin: async () => {
        throw new Error('the anchor command reads no standard input');
      },
    };
    expect(await main(['anchor', 'text.txt', 'notes.jsonld', '--json'], io)).toBe(0);
    const results = (JSON.parse(stdout) as { results: { start: number; end: number; quote: string }[] }).results;
    expect(results.map((r) => [r.start, r.end])).toEqual(
      passages.map((p) => [pointsBefore(canonical, canonical.indexOf(p)), pointsBefore(canonical, canonical.indexOf(p) + p.length)]),
    );
    expect(results.map((r) => r.quote)).toEqual(passages);
  });
});

group('works without astral characters are unchanged', () => {
  test('the curated Kavbiuro notes: code points are UTF-16 offsets there, so describing each anchor writes the stored numbers', () => {
    const imported = importText(readFileSync(new URL('../../../corpus/kavbiuro/text.txt', import.meta.url)));
    const text = canonicalText(imported.blocks, imported.references);
    const notes = parseAnnotations(JSON.parse(readFileSync(new URL('../../../annotations/kavbiuro.jsonld', import.meta.url), 'utf8')), 'kavbiuro.jsonld').annotations;
    expect(CodePointOffsets.of(text).identity).toBe(true);
    const anchors = anchorAll(text, notes);
    let checked = 0;
    for (const a of notes) {
      if (typeof a.target === 'string') continue;
      const stored = positionSelectorOf(a.target)!;
      const r = anchors.get(a.id)!;
      expect(r.status).toBe('exact');
      expect(positionInCodePoints(text, r.start, r.end)).toEqual({ start: stored.start, end: stored.end });
      expect(describe(text, r.start, r.end, a.target.source)).toEqual({ source: a.target.source, selector: a.target.selector.filter((s) => s.type === 'TextQuoteSelector' || s.type === 'TextPositionSelector') });
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});
