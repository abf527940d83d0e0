/**
 * Headings, list items, links, group markers and signals in the document and the canonical text (DESIGN §6): every
 * block is joined by `\n\n`; links and flags are marks, never characters; markers are placed from the citation list
 * (labels `a`, `n 1`); the worker's maps (DocText.fromImported) equal the page's (DocText.fromDoc(buildDoc)).
 */
import fc from 'fast-check';
import type { Node as PMNode } from 'prosemirror-model';
import { DOMSerializer } from 'prosemirror-model';
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { DocText, canonicalText } from '../../../src/anchoring/doc-text.ts';
import { buildDoc } from '../../../src/model/build-doc.ts';
import type { Block, Citation, Link } from '../../../src/model/imported-text.ts';
import { parseReference } from '../../../src/model/references.ts';
import { finishImport } from '../../../src/sources/finish-import.ts';
import { sectionedText } from '../../support/sectioned-text.ts';

/** Every offset and every position mapped both ways gives the same answer. */
function expectSameMaps(imported: Parameters<typeof DocText.fromImported>[0], doc: PMNode): void {
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
}

describe('a sectioned work (headings, a list, links, group markers, a signal)', () => {
  const imported = sectionedText();
  const doc = buildDoc(imported);

  test('the document is valid and has the blocks of the import, in order, with their attributes', () => {
    doc.check();
    const types: string[] = [];
    doc.forEach((n) => types.push(n.type.name));
    expect(types).toEqual(['paragraph', 'heading', 'paragraph', 'heading', 'list_item', 'list_item', 'heading', 'blockquote', 'references']);
    expect(doc.child(1).attrs).toEqual({ level: 2, anchor: 'History' });
    // A heading without a source id is named by its block's number.
    expect(doc.child(3).attrs).toEqual({ level: 3, anchor: '4' });
    expect(doc.child(5).attrs).toEqual({ level: 2, ordered: true });
  });

  test('the canonical text is every block joined by a blank line: headings and list items too, no link or flag adds a character', () => {
    const text = DocText.fromDoc(doc).text;
    expect(text).toBe(canonicalText(imported.blocks, imported.references));
    expect(text.split('\n\n').slice(0, 8)).toEqual(imported.blocks.map((b) => b.text));
  });

  test('markers stand where the citation list says, whatever their label', () => {
    const labels: string[] = [];
    doc.descendants((n) => {
      if (n.type.name === 'marker') labels.push(n.attrs['label'] as string);
      return true;
    });
    expect(labels).toEqual(imported.citations.map((c) => c.label));
    expect(labels).toContain('n 1');
    expect(labels).toContain('a');
  });

  test('links are marks over their words; an address that is not http(s) is kept as data, never as a link', () => {
    const linked: [string, string][] = [];
    doc.descendants((n) => {
      const link = n.marks.find((m) => m.type.name === 'link');
      if (n.isText && link) linked.push([n.text!, link.attrs['href'] as string]);
      return true;
    });
    expect(linked).toEqual(imported.links!.map((l) => [imported.blocks[l.block]!.text.slice(l.start, l.end), l.href]));
    const window = new Window();
    const dom = DOMSerializer.fromSchema(doc.type.schema).serializeFragment(doc.content, { document: window.document as unknown as Document });
    const box = window.document.createElement('div');
    box.append(dom as unknown as Node as never);
    const anchors = [...box.querySelectorAll('a.ap-link')].map((a) => a.getAttribute('href'));
    expect(anchors).toContain('https://en.wikipedia.org/wiki/Tbilisi');
    expect(anchors.some((h) => h?.startsWith('javascript'))).toBe(false);
    expect(box.querySelector('span.ap-link[data-href="javascript:alert(1)"]')?.textContent).toBe('Stalin');
    expect(box.querySelector('h2#section-History')?.textContent).toBe('History');
    expect(box.querySelector('h3#section-4')?.textContent).toBe('Members');
    expect(box.querySelector('[role="list"] > [role="listitem"]')?.textContent).toBe('Sergo Ordzhonikidze, chairman.\u2060[2]');
    window.close();
  });

  test('the claim the source flags carries a flag mark over its words, and no other claim does', () => {
    const flagged = new Set<string>();
    doc.descendants((n) => {
      if (n.marks.some((m) => m.type.name === 'flag' && m.attrs['signals'] === 'citation-needed')) {
        for (const m of n.marks) if (m.type.name === 'claim') flagged.add(m.attrs['id'] as string);
      }
      return true;
    });
    const claim = imported.claims.find((c) => c.text.includes('Stalin attended'))!;
    expect([...flagged]).toEqual([claim.id]);
  });

  test('no claim is in a heading, and none crosses one', () => {
    for (const c of imported.claims) expect(imported.blocks[c.block]!.type).not.toBe('heading');
  });

  test('the worker\'s maps (fromImported) are the page\'s (fromDoc of buildDoc)', () => {
    expectSameMaps(imported, doc);
  });
});

describe('fromImported equals fromDoc(buildDoc) on any sectioned text', () => {
  const unit = fc.constantFrom('a', 'Z', 'é', ' ', '.', '[', ']', '\uD83D\uDE00', 'word ', 'Stalin. ');
  const blockArb = fc.record({
    type: fc.constantFrom<Block['type']>('paragraph', 'blockquote', 'heading', 'list_item'),
    parts: fc.array(fc.tuple(fc.string({ unit, minLength: 1, maxLength: 12 }), fc.option(fc.constantFrom('1', '2', 'a', 'n 1', 'lower-alpha 3'), { nil: null })), { minLength: 1, maxLength: 5 }),
    link: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: null }),
  });

  test('random blocks of every kind, markers with any label, links', () => {
    fc.assert(
      fc.property(fc.array(blockArb, { minLength: 1, maxLength: 6 }), (drawn) => {
        const blocks: Block[] = [];
        const citations: Citation[] = [];
        const links: Link[] = [];
        drawn.forEach((d, index) => {
          let text = '';
          for (const [words, label] of d.parts) {
            text += words;
            if (label !== null && d.type !== 'heading') {
              citations.push({ label, block: index, offset: text.length });
              text += `[${label}]`;
            }
          }
          const trimmed = text.trim() || 'x';
          // Citations were placed in the untrimmed text: shift them by what trimming took from the start.
          const cut = text.length - text.trimStart().length;
          for (const c of citations) if (c.block === index) c.offset -= cut;
          blocks.push({ type: d.type, text: trimmed, ...(d.type === 'heading' ? { level: 2 + (index % 4) } : {}), ...(d.type === 'list_item' ? { level: 1 + (index % 2), ordered: index % 2 === 0 } : {}) });
          if (d.link) {
            // A link over plain words (never over a marker).
            const free: number[] = [];
            for (let i = 0; i < trimmed.length; i++) if (!citations.some((c) => c.block === index && c.offset <= i && i < c.offset + c.label.length + 2)) free.push(i);
            const a = free[d.link[0] % Math.max(1, free.length)];
            if (a !== undefined) {
              let end = a + 1;
              while (end < trimmed.length && free.includes(end) && end - a < 1 + (d.link[1] % 8)) end++;
              links.push({ block: index, start: a, end, href: 'https://example.org/x', kind: 'wiki' });
            }
          }
        });
        // Citations whose marker was trimmed away cannot be (the parts are built so that none is).
        const valid = citations.filter((c) => c.offset >= 0 && blocks[c.block]!.text.slice(c.offset, c.offset + c.label.length + 2) === `[${c.label}]`);
        const labels = [...new Set(valid.map((c) => c.label))];
        const imported = finishImport({
          blocks,
          citations: valid,
          references: labels.map((l) => parseReference(l, `Entry ${l}.`)),
          referencesHeading: null,
          links,
          signals: [],
          report: { format: 'test', omitted: {}, notes: [] },
          meta: {},
        });
        const doc = buildDoc(imported);
        doc.check();
        expectSameMaps(imported, doc);
      }),
      { numRuns: 150 },
    );
  });
});
