/**
 * ImportedText → ProseMirror document (schema.ts): blocks with marker atoms and claim marks, then the references.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import type { ImportedText } from './imported-text.ts';
import { findMarkers } from './marker-runs.ts';
import { schema } from './schema.ts';

/** The inline content of one block: text and marker atoms, each piece carrying the claim marks over it. */
function inlineContent(text: string, claimsOfBlock: ImportedText['claims']): PMNode[] {
  const markers = findMarkers(text);
  // Cut points: marker edges and claim edges.
  const cuts = new Set<number>([0, text.length]);
  for (const m of markers) cuts.add(m.start).add(m.end);
  for (const c of claimsOfBlock) cuts.add(c.start).add(c.end);
  const points = [...cuts].sort((a, b) => a - b);
  const markerAt = new Map(markers.map((m) => [m.start, m]));
  const out: PMNode[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const claimMarks: Mark[] = claimsOfBlock
      .filter((c) => c.start <= from && c.end >= to)
      .map((c) => schema.marks['claim']!.create({ id: c.id, sources: c.sources, support: c.support }));
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
