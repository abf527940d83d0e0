import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Mark, type Node as PMNode } from 'prosemirror-model';
import { describe, expect, test } from 'vitest';
import { buildDoc } from '../../../src/model/build-doc.ts';
import type { Claim } from '../../../src/model/claim-types.ts';
import { importText } from '../../../src/model/import-text.ts';
import type { ImportedText } from '../../../src/model/imported-text.ts';
import { findMarkers } from '../../../src/model/marker-runs.ts';
import { schema } from '../../../src/model/schema.ts';
import { claim, doc, marker, p, reference, references } from '../../support/reader-builders.ts';

/**
 * buildDoc as it was written before it made its nodes and attributes without prosemirror-model's `create`:
 * cut points in arrays, `MarkType.create`, `NodeType.create`, `Schema.text` and `Node.mark`.
 */
function referenceDoc(imported: ImportedText): PMNode {
  const content = imported.blocks.map((block, index) => {
    const text = block.text;
    const markers = findMarkers(text);
    const claims = imported.claims.filter((c) => c.block === index).sort((a, b) => a.start - b.start);
    const cuts = new Set<number>([0, text.length]);
    for (const m of markers) cuts.add(m.start).add(m.end);
    for (const c of claims) cuts.add(c.start).add(c.end);
    const points = [...cuts].sort((a, b) => a - b);
    const out: PMNode[] = [];
    let active: { end: number; mark: Mark }[] = [];
    let next = 0;
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i]!;
      const to = points[i + 1]!;
      active = active.filter((a) => a.end >= to);
      while (next < claims.length && claims[next]!.start <= from) {
        const c = claims[next++]!;
        if (c.end >= to) active.push({ end: c.end, mark: schema.marks['claim']!.create({ id: c.id, sources: c.sources, support: c.support }) });
      }
      const marks = Mark.setFrom(active.map((a) => a.mark));
      const marker = markers.find((m) => m.start === from);
      if (marker && marker.end === to) out.push(schema.nodes['marker']!.create({ label: marker.label }, null, marks));
      else if (to > from) out.push(schema.text(text.slice(from, to), marks));
    }
    return schema.nodes[block.type]!.create(null, out);
  });
  if (imported.references.length > 0) {
    const refs = imported.references.map((r) =>
      schema.nodes['reference']!.create({ label: r.label, ids: r.ids, csl: r.csl }, r.text ? schema.text(r.text) : null),
    );
    content.push(schema.nodes['references']!.create({ heading: imported.referencesHeading ?? 'References' }, refs));
  }
  return schema.nodes['doc']!.create(null, content);
}

/** Every attribute object of the document has no prototype, as prosemirror-model's own have. */
function attrsWithPrototype(doc: PMNode): number {
  let found = 0;
  doc.descendants((node) => {
    if (Object.getPrototypeOf(node.attrs) !== null) found++;
    for (const m of node.marks) if (Object.getPrototypeOf(m.attrs) !== null) found++;
    return true;
  });
  return found;
}

const kavbiuro = readFileSync(new URL('../../../corpus/kavbiuro/text.txt', import.meta.url), 'utf8');

describe('buildDoc', () => {
  test('the Kavbiuro text: the same document as made by prosemirror-model create, attributes without prototype', () => {
    const imported = importText(kavbiuro);
    const doc = buildDoc(imported);
    const expected = referenceDoc(imported);
    expect(doc.eq(expected)).toBe(true);
    expect(JSON.stringify(doc.toJSON())).toBe(JSON.stringify(expected.toJSON()));
    expect(attrsWithPrototype(doc)).toBe(0);
    doc.check();
  });

  test('overlapping, nested, empty and unordered claims, claims cutting markers', () => {
    const text = 'One two.[1] Three[2][3] four five.[12] Six [x] seven.';
    const claim = (id: string, start: number, end: number): Claim => ({ id, block: 0, start, end, text: text.slice(start, end), sources: ['1'], support: 'direct' });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length)), { maxLength: 8 }),
        (spans) => {
          const claims = spans.map(([a, b], i) => claim(`c${i}`, Math.min(a, b), Math.max(a, b)));
          const imported: ImportedText = {
            blocks: [{ type: 'paragraph', text }],
            references: [],
            referencesHeading: null,
            // The citation list says where markers are (imported-text.ts), as every importer gives it.
            citations: findMarkers(text).map((m) => ({ label: m.label, block: 0, offset: m.start })),
            claims,
            problems: [],
          };
          const doc = buildDoc(imported);
          expect(JSON.stringify(doc.toJSON())).toBe(JSON.stringify(referenceDoc(imported).toJSON()));
          expect(attrsWithPrototype(doc)).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('buildDoc on a short text, the document written out with the test builders', () => {
  test('claims are marks over their words and markers; a marker is an atom; the reference list follows the body', () => {
    const imported = importText('Alpha rose.[1] Beta fell. Gamma stayed.[2][3]\n\nReferences\n\n1. One.\n2. Two.\n3. Three.\n');
    const [alpha, beta, gamma] = imported.claims;
    expect([alpha, beta, gamma].map((c) => [c!.text, c!.support])).toEqual([
      ['Alpha rose.[1]', 'direct'],
      ['Beta fell.', 'inherited'],
      ['Gamma stayed.[2][3]', 'direct'],
    ]);
    const [one, two, three] = imported.references;
    const expected = doc(
      p(
        claim(alpha!.id, 'direct', ['1'], 'Alpha rose.', marker('1')),
        ' ',
        claim(beta!.id, 'inherited', ['2', '3'], 'Beta fell.'),
        ' ',
        claim(gamma!.id, 'direct', ['2', '3'], 'Gamma stayed.', marker('2'), marker('3')),
      ),
      references(
        'References',
        reference('1', 'One.', one!.ids, one!.csl),
        reference('2', 'Two.', two!.ids, two!.csl),
        reference('3', 'Three.', three!.ids, three!.csl),
      ),
    );
    expect(buildDoc(imported).toJSON()).toEqual(expected.toJSON());
    expect(buildDoc(imported).eq(expected)).toBe(true);
  });

  test('a claim mark ends where its claim ends: text between claims carries no mark', () => {
    const imported = importText('One.[1]   Two.\n\nReferences\n\n1. Ref.\n');
    const built = buildDoc(imported);
    // "<a>" marks the white space between the two claims.
    const expected = doc(p(claim(imported.claims[0]!.id, 'direct', ['1'], 'One.', marker('1')), '<a>   ', claim(imported.claims[1]!.id, 'none', [], 'Two.')));
    expect(built.firstChild!.eq(expected.firstChild!)).toBe(true);
    const gap = built.resolve(expected.tag['a']! + 1);
    expect(gap.marks()).toEqual([]);
  });
});
