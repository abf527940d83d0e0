/**
 * ImportedText → ProseMirror document (schema.ts): blocks with marker atoms and claim marks, then the references.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import type { ImportedText } from './imported-text.ts';
import { mergeSorted } from './claims.ts';
import { findMarkers } from './marker-runs.ts';
import { schema } from './schema.ts';

/**
 * The inline content of one block: text and marker atoms, each piece carrying the claim marks over it.
 * Linear in the block: claims are swept in order of their start, each claim's mark is made once.
 */
function inlineContent(text: string, claimsOfBlock: ImportedText['claims']): PMNode[] {
  const markers = findMarkers(text);
  // Cut points: marker edges and claim edges.
  const claims = [...claimsOfBlock].sort((a, b) => a.start - b.start);
  const markerCuts = [0];
  for (const m of markers) markerCuts.push(m.start, m.end);
  markerCuts.push(text.length);
  const claimCuts: number[] = [];
  for (const c of claims) claimCuts.push(c.start, c.end);
  // Claims are usually disjoint and ordered, so their edges are too; sort only when they are not.
  if (claimCuts.some((x, i) => i > 0 && x < claimCuts[i - 1]!)) claimCuts.sort((a, b) => a - b);
  const points = mergeSorted(markerCuts, claimCuts);
  const markerAt = new Map(markers.map((m) => [m.start, m]));
  const claimMark = schema.marks['claim']!;
  let next = 0;
  let active: { end: number; mark: Mark }[] = [];
  const out: PMNode[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    if (active.some((a) => a.end < to)) active = active.filter((a) => a.end >= to);
    while (next < claims.length && claims[next]!.start <= from) {
      const c = claims[next++]!;
      if (c.end >= to) active.push({ end: c.end, mark: claimMark.create({ id: c.id, sources: c.sources, support: c.support }) });
    }
    const claimMarks = active.map((a) => a.mark);
    const marker = markerAt.get(from);
    if (marker && marker.end === to) {
      out.push(schema.nodes['marker']!.create({ label: marker.label }, null, claimMarks));
    } else if (to > from) {
      out.push(schema.text(text.slice(from, to), claimMarks));
    }
  }
  return out;
}

/** Builds the document. The result's canonical text (anchoring/doc-text.ts) equals `canonicalText(imported)`. */
export function buildDoc(imported: ImportedText): PMNode {
  const byBlock = new Map<number, ImportedText['claims']>();
  for (const c of imported.claims) {
    const list = byBlock.get(c.block) ?? [];
    list.push(c);
    byBlock.set(c.block, list);
  }
  const body = imported.blocks.map((block, i) =>
    schema.nodes[block.type]!.create(null, inlineContent(block.text, byBlock.get(i) ?? [])),
  );
  const content = [...body];
  if (imported.references.length > 0) {
    const refs = imported.references.map((r) =>
      schema.nodes['reference']!.create({ label: r.label, ids: r.ids, csl: r.csl }, r.text ? schema.text(r.text) : null),
    );
    content.push(schema.nodes['references']!.create({ heading: imported.referencesHeading ?? 'References' }, refs));
  }
  return schema.nodes['doc']!.create(null, content);
}
