/**
 * The one anchor type of the session (anchoring/placement.ts): an anchoring result placed on the document and
 * read back gives the same canonical range, quote and context; the worker's positions (DocText.fromImported) are
 * the page's (DocText.fromDoc); orphans keep what they stored.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { anchorAll } from '../../../src/anchoring/anchor.ts';
import type { AnchorResult } from '../../../src/anchoring/anchor-result.ts';
import { parseAnnotationFile } from '../../../src/anchoring/annotation-file.ts';
import { DocText } from '../../../src/anchoring/doc-text.ts';
import { anchorResultOf, placementOf } from '../../../src/anchoring/placement.ts';
import { buildDoc } from '../../../src/model/build-doc.ts';
import { importText } from '../../../src/model/import-text.ts';

const imported = importText(readFileSync(new URL('../../../corpus/kavbiuro/text.txt', import.meta.url), 'utf8'));
const docText = DocText.fromDoc(buildDoc(imported));
const curated = parseAnnotationFile(readFileSync(new URL('../../../annotations/kavbiuro.jsonld', import.meta.url), 'utf8'), 'kavbiuro.jsonld').annotations;

describe('Placement: canonical offsets ↔ document positions', () => {
  const anchors = anchorAll(docText.text, curated);

  test('every curated note, placed and read back, reports the range it was anchored at (rounded inward only over markers and entry numbers)', () => {
    let placed = 0;
    let same = 0;
    for (const a of curated) {
      const result = anchors.get(a.id);
      const placement = placementOf(docText, a, result);
      const back = anchorResultOf(docText, a, placement);
      if (!result) {
        expect(placement.status).toBe('reply');
        expect(back).toBeNull();
        continue;
      }
      placed++;
      if (back!.start === result.start && back!.end === result.end) {
        expect(back).toEqual(result);
        same++;
        continue;
      }
      // A quote that begins in a reference entry's synthetic "N. " (it has no document positions) starts after it.
      expect(back!.start).toBeGreaterThanOrEqual(result.start);
      expect(back!.end).toBeLessThanOrEqual(result.end);
      expect(/^\d+\. $/.test(docText.text.slice(result.start, back!.start)) || back!.start === result.start).toBe(true);
      expect(back!.quote).toBe(docText.text.slice(back!.start, back!.end));
    }
    expect(placed).toBeGreaterThan(20);
    expect(same).toBeGreaterThan(placed - 3);
  });

  test('the worker places notes where the page does', () => {
    const worker = DocText.fromImported(imported);
    for (const a of curated) expect(placementOf(worker, a, anchors.get(a.id))).toEqual(placementOf(docText, a, anchors.get(a.id)));
  });

  test('a quote inside a footnote marker is widened to the marker, not lost', () => {
    const at = docText.text.indexOf('[2]');
    const a = curated.find((x) => typeof x.target !== 'string')!;
    const inside: AnchorResult = { id: a.id, status: 'exact', score: 1, start: at + 1, end: at + 2, quote: '2', prefix: '', suffix: '' };
    const { range } = placementOf(docText, a, inside);
    expect(range!.to).toBeGreaterThan(range!.from);
  });

  test('an orphan has no range and reads back as what it stored', () => {
    const a = curated.find((x) => typeof x.target !== 'string')!;
    const placement = placementOf(docText, a, { ...anchors.get(a.id)!, status: 'orphan', score: 0.2 });
    expect(placement).toEqual({ range: null, status: 'orphan', score: 0.2 });
    const back = anchorResultOf(docText, a, placement)!;
    const target = a.target as { selector: { type: string; exact?: string; start?: number }[] };
    expect(back.status).toBe('orphan');
    expect(back.quote).toBe(target.selector.find((s) => s.type === 'TextQuoteSelector')!.exact);
    expect(back.start).toBe(target.selector.find((s) => s.type === 'TextPositionSelector')!.start);
  });
});

describe('Placement: an orphan on a text with characters outside the BMP', () => {
  test('its stored W3C position (code points) reads back as UTF-16 offsets of the canonical text', () => {
    const astral = importText('The 𝔄 ward 🦆 met 𠀀 twice.\n\nA second paragraph follows here.\n');
    const text = DocText.fromDoc(buildDoc(astral));
    // "met" begins after two astral characters: code point 13, UTF-16 offset 15.
    const points = { start: 13, end: 16 };
    expect(text.text.slice(15, 18)).toBe('met');
    const note = {
      id: 'urn:test:astral-orphan',
      type: 'Annotation' as const,
      motivation: 'commenting' as const,
      created: '2026-12-03T00:00:00Z',
      creator: { type: 'Person' as const, name: 'A. Reader' },
      body: [{ type: 'TextualBody' as const, value: 'gone', format: 'text/plain' as const }],
      target: {
        source: 'urn:test:work',
        selector: [
          { type: 'TextQuoteSelector' as const, exact: 'met once', prefix: '', suffix: '' },
          { type: 'TextPositionSelector' as const, ...points },
        ],
      },
    };
    const back = anchorResultOf(text, note, { range: null, status: 'orphan', score: 0.1 })!;
    expect([back.start, back.end]).toEqual([15, 18]);
  });
});
