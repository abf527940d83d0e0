/**
 * Round trip (issue 9 §4): Apparatus's own TEI export of Kavbiuro (the fixed export fixture, as the golden tests
 * produce tests/golden/kavbiuro.tei.xml) imports back with `importTei` to the same text, claims, references and
 * notes. The text is compared with the plain-text import of the seed (../shared/seed/kavbiuro.txt).
 *
 * How notes come back: the export's scholarly notes (W3C annotations) live in `back/div[@type="notes"]` and
 * `div[@type="unanchored-notes"]`, apart from the text; `importTeiDocument` returns them beside the imported text as
 * `TeiAnnotationNote`s, each with the passage between its anchor milestones, so a caller can re-create the
 * annotations; they are not references (the text's reference list is unchanged by them).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportTei } from '../../../src/export/tei.ts';
import { importText } from '../../../src/model/import-text.ts';
import { importTeiDocument } from '../../../src/sources/tei.ts';
import { kavbiuroExportInput } from '../../fixtures/export/kavbiuro-export-input.ts';

const seed = readFileSync(new URL('../../../../shared/seed/kavbiuro.txt', import.meta.url));
const golden = readFileSync(new URL('../../golden/kavbiuro.tei.xml', import.meta.url), 'utf8');

describe('TEI export → importTei round trip (Kavbiuro)', () => {
  const input = kavbiuroExportInput();
  const exported = exportTei(input);
  const plain = importText(seed);

  it('starts from the golden export', () => {
    expect(exported).toBe(golden);
  });

  it('gives back the text: the same blocks as the plain-text import of the seed', () => {
    const { imported } = importTeiDocument(exported);
    expect(imported.blocks).toEqual(plain.blocks);
    expect(imported.citations).toEqual(plain.citations);
  });

  it('gives back the same claims with the same sources and support', () => {
    const { imported } = importTeiDocument(exported);
    const shape = (c: (typeof plain.claims)[number]) => ({ block: c.block, start: c.start, end: c.end, text: c.text, sources: c.sources, support: c.support });
    expect(imported.claims.map(shape)).toEqual(plain.claims.map(shape));
    expect(imported.claims).toHaveLength(14);
  });

  it('gives back the same references: labels, texts, identifiers and CSL', () => {
    const { imported } = importTeiDocument(exported);
    expect(imported.references.map(({ anchor: _anchor, ...rest }) => rest)).toEqual(plain.references);
    expect(imported.references.map((r) => r.anchor)).toEqual(['ref-1', 'ref-2']);
    // The seed has no heading before its list; the export writes its default one, which comes back.
    expect(plain.referencesHeading).toBeNull();
    expect(imported.referencesHeading).toBe('References');
    expect(imported.problems).toEqual(plain.problems);
  });

  it('gives back the work metadata', () => {
    const { imported } = importTeiDocument(exported);
    expect(imported.meta).toEqual({
      title: input.work.title,
      language: input.work.language,
      licence: input.work.licence,
      attribution: input.work.attribution,
      source: input.work.source,
      revision: input.work.revision,
    });
  });

  it('gives back every note, each placed one on the very passage its annotation selected', () => {
    const { imported, notes } = importTeiDocument(exported);
    const top = input.annotations.filter((a) => !notes.some((n) => n.replies.some((r) => r.corresp === a.id)));
    expect(notes.map((n) => n.corresp).sort()).toEqual(top.map((a) => a.id).sort());
    let placed = 0;
    for (const a of top) {
      const note = notes.find((n) => n.corresp === a.id)!;
      const anchored = input.anchors.get(a.id)?.status === 'exact';
      if (!anchored || typeof a.target === 'string') {
        expect(note.type, a.id).toBe('orphan');
        expect(note.quote).toBeUndefined();
        continue;
      }
      placed++;
      const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
      expect(note.quote, a.id).toBe(quote && 'exact' in quote ? quote.exact : undefined);
      expect(note.type).toBe(a.motivation);
      const words = (a.body ?? []).find((b) => b.type === 'TextualBody' && b.purpose !== 'tagging');
      if (words && words.type === 'TextualBody') expect(note.paragraphs).toContain(words.value);
    }
    expect(placed).toBe(5);
    // The note on reference 1 points into the reference list, not the body.
    expect(notes.find((n) => n.corresp?.endsWith('test-altstadt'))!.start).toEqual({ reference: '1', offset: 0 });
    // A reply comes back inside its note.
    const stalin = notes.find((n) => n.corresp?.endsWith('test-stalin'))!;
    expect(stalin.replies.map((r) => [r.corresp, r.paragraphs])).toEqual([['urn:apparatus:kavbiuro:test-stalin-reply', ['Hasanli reaches the same conclusion for other reasons.']]]);
    expect(imported.report!.notes).toEqual(['7 scholarly notes of the back matter (5 on a passage of the text, 2 without one) read apart from the text, not as references']);
    expect(imported.report!.omitted).toEqual({});
  });
});
