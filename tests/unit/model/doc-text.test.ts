import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Node as PMNode } from 'prosemirror-model';
import { describe, expect, test } from 'vitest';
import { canonicalText, DocText } from '../../../src/anchoring/doc-text.ts';
import { buildDoc } from '../../../src/model/build-doc.ts';
import { importText } from '../../../src/model/import-text.ts';

const leaf = (node: PMNode) => (node.type.spec.leafText ? node.type.spec.leafText(node) : '');

const texts: Record<string, string> = {
  kavbiuro: readFileSync(new URL('../../../corpus/kavbiuro/text.txt', import.meta.url), 'utf8'),
  shapes: '"Quoted.[1] More."[2][3]\n\n[1] Start. Middle.[citation needed] End.[2]\n\nNo markers.\n\nReferences\n\n  1. One.\n  2. Two.\n  3. Three.\n',
  'no references': 'Alpha.[1] Beta.\n\nGamma.',
};

describe.each(Object.entries(texts))('DocText on the imported %s text', (_name, input) => {
  const imported = importText(input);
  const doc = buildDoc(imported);
  const docText = DocText.fromDoc(doc);
  const canonical = canonicalText(imported.blocks, imported.references);

  test('its text is the canonical text, its block starts where the blocks start', () => {
    expect(docText.text).toBe(canonical);
    let at = 0;
    const starts: number[] = [];
    for (const t of [...imported.blocks.map((b) => b.text), ...imported.references.map((r) => `${r.label}. ${r.text}`)]) {
      starts.push(at);
      at += t.length + 2;
    }
    expect(docText.blockStarts).toEqual(starts);
  });

  test('every claim maps to positions whose document text is the claim', () => {
    for (const c of imported.claims) {
      const start = docText.blockStarts[c.block]! + c.start;
      const end = docText.blockStarts[c.block]! + c.end;
      const text = doc.textBetween(docText.toPos(start, 1), docText.toPos(end, -1), '\n\n', leaf);
      expect(text).toBe(c.text);
    }
  });

  test('every offset outside markers and reference numbers survives offset → position → offset', () => {
    const markerOffsets = new Set<number>();
    for (const c of imported.citations) {
      const base = docText.blockStarts[c.block]! + c.offset;
      for (let k = 1; k < c.label.length + 2; k++) markerOffsets.add(base + k);
    }
    for (let o = 0; o <= canonical.length; o++) {
      if (markerOffsets.has(o)) continue;
      // Between the two line breaks of a separator no position exists.
      if (canonical.slice(o - 1, o + 1) === '\n\n') continue;
      const blockIndex = docText.blockStarts.findLastIndex((s) => s <= o);
      const isReference = blockIndex >= imported.blocks.length;
      if (isReference) {
        const prefix = `${imported.references[blockIndex - imported.blocks.length]!.label}. `;
        if (o - docText.blockStarts[blockIndex]! < prefix.length) continue;
      }
      expect(docText.toOffset(docText.toPos(o, 1)), `offset ${o}`).toBe(o);
    }
  });

  test('a marker is one position wide: its "[" and the end of its "]" map to the positions around the atom', () => {
    for (const c of imported.citations) {
      const at = docText.blockStarts[c.block]! + c.offset;
      const before = docText.toPos(at, 1);
      const after = docText.toPos(at + c.label.length + 2, -1);
      expect(after - before).toBe(1);
      expect(doc.nodeAt(before)?.type.name).toBe('marker');
      expect(doc.nodeAt(before)?.attrs['label']).toBe(c.label);
    }
  });
});

describe('DocText edges at a reference entry', () => {
  const imported = importText(readFileSync(new URL('../../../corpus/kavbiuro/text.txt', import.meta.url)));
  const dt = DocText.fromDoc(buildDoc(imported));
  const entry2 = dt.text.indexOf('2. Suny');

  test('an end just before an entry\'s "N. " prefix stays in the block before it', () => {
    const pos = dt.toPos(entry2, -1);
    expect(dt.toOffset(pos)).toBe(entry2 - 2); // end of entry 1, before the "\n\n" separator
  });

  test('a start there goes to the entry\'s text, after its prefix', () => {
    expect(dt.toOffset(dt.toPos(entry2, 1))).toBe(entry2 + 3);
  });
});

describe('DocText.fromImported (without building the document) is DocText.fromDoc(buildDoc(…))', () => {
  const corpora = process.env['APPARATUS_CORPORA'] ?? '/work/shared/corpora';
  const samples: [string, string][] = [
    ...Object.entries(texts),
    ...readdirSync(corpora)
      .filter((f) => f.endsWith('.txt'))
      .map((f): [string, string] => [f, readFileSync(join(corpora, f), 'utf8')]),
    ['empty entry and adjacent markers', 'A.[1][2] B[3].\n\n[sic] [n 3] [1234567890] [ 1 ] end.\n\nReferences\n\n  1.\n  2. Two.\n  3. Three.\n'],
  ];

  /** Every offset and every position mapped both ways gives the same answer. */
  const sameMaps = (input: string) => {
    const imported = importText(input);
    const doc = buildDoc(imported);
    const built = DocText.fromDoc(doc);
    const plain = DocText.fromImported(imported);
    expect(plain.text).toBe(built.text);
    expect(plain.blockStarts).toEqual(built.blockStarts);
    for (let o = 0; o <= built.text.length + 1; o++) {
      if (plain.toPos(o, 1) !== built.toPos(o, 1) || plain.toPos(o, -1) !== built.toPos(o, -1)) {
        expect([o, plain.toPos(o, 1), plain.toPos(o, -1)]).toEqual([o, built.toPos(o, 1), built.toPos(o, -1)]);
      }
    }
    for (let p = 0; p <= doc.content.size + 1; p++) {
      if (plain.toOffset(p) !== built.toOffset(p)) expect([p, plain.toOffset(p)]).toEqual([p, built.toOffset(p)]);
    }
  };

  test.each(samples)('%s', (_name, input) => sameMaps(input));

  test('any text that imports', () => {
    const unit = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('a', 'Z', 'é', '1', ' ', '.', '[', ']', '\n', '\n\n', '\t', '\u00A0') },
      { weight: 2, arbitrary: fc.constantFrom('[1]', '[12]', '[3][4]', '[n 3]', '[sic]', '\n\n  1. ', '\n  2.', '\nReferences\n\n', '\uD83D\uDE00') },
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 200 }), (input) => {
        try {
          importText(input);
        } catch {
          return;
        }
        sameMaps(input);
      }),
    );
  });
});
