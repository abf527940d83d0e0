/**
 * ImportedText → ProseMirror document (schema.ts): blocks with marker atoms and claim marks, then the references.
 */
import { Mark, type Node as PMNode } from 'prosemirror-model';
import type { Block, ImportedText } from './imported-text.ts';
import { findMarkers } from './marker-runs.ts';
import { schema } from './schema.ts';

/**
 * The inline content of one block: text and marker atoms, each piece carrying the claim marks over it.
 * Linear in the block: claims are swept in order of their start, each claim's mark is made once.
 */
function inlineContent(text: string, claimsOfBlock: ImportedText['claims']): PMNode[] {
  const markers = findMarkers(text);
  // Cut points: marker edges and claim edges. The importer's claims come in order of their start already.
  const claims = isSortedByStart(claimsOfBlock) ? claimsOfBlock : [...claimsOfBlock].sort((a, b) => a.start - b.start);
  const markerCuts = [0];
  for (const m of markers) markerCuts.push(m.start, m.end);
  markerCuts.push(text.length);
  const claimCuts: number[] = [];
  for (const c of claims) claimCuts.push(c.start, c.end);
  // Claims are usually disjoint and ordered, so their edges are too; sort only when they are not.
  if (claimCuts.some((x, i) => i > 0 && x < claimCuts[i - 1]!)) claimCuts.sort((a, b) => a - b);
  const points = mergeSorted(markerCuts, claimCuts);
  const claimMark = schema.marks['claim']!;
  let next = 0;
  let nextMarker = 0;
  let active: { end: number; mark: Mark }[] = [];
  // The mark set of `active` (Mark.setFrom: a sorted copy), made only when `active` changes. Nodes are made without
  // marks and given this set with `mark`, which shares it, instead of copying and sorting an array per node.
  let marks: readonly Mark[] = Mark.none;
  const out: PMNode[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    let changed = false;
    if (active.some((a) => a.end < to)) {
      active = active.filter((a) => a.end >= to);
      changed = true;
    }
    while (next < claims.length && claims[next]!.start <= from) {
      const c = claims[next++]!;
      if (c.end >= to) {
        active.push({ end: c.end, mark: claimMark.create({ id: c.id, sources: c.sources, support: c.support }) });
        changed = true;
      }
    }
    if (changed) marks = Mark.setFrom(active.map((a) => a.mark));
    // Markers are in order and `from` only grows: the one starting at `from`, if any, is the next unpassed one.
    while (nextMarker < markers.length && markers[nextMarker]!.start < from) nextMarker++;
    const marker = markers[nextMarker]?.start === from ? markers[nextMarker] : undefined;
    let node: PMNode;
    if (marker && marker.end === to) node = schema.nodes['marker']!.create({ label: marker.label });
    else if (to > from) node = schema.text(text.slice(from, to));
    else continue;
    out.push(marks.length > 0 ? node.mark(marks) : node);
  }
  return out;
}

/** The union of two ascending lists of offsets, ascending, without repeats. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out.length === 0 || out[out.length - 1] !== x) out.push(x);
  }
  return out;
}

function isSortedByStart(claims: ImportedText['claims']): boolean {
  for (let i = 1; i < claims.length; i++) if (claims[i]!.start < claims[i - 1]!.start) return false;
  return true;
}

/** The claims of each body block (by block index), in the importer's order. */
export function claimsByBlock(claims: ImportedText['claims']): Map<number, ImportedText['claims']> {
  const byBlock = new Map<number, ImportedText['claims']>();
  for (const c of claims) {
    const list = byBlock.get(c.block);
    if (list) list.push(c);
    else byBlock.set(c.block, [c]);
  }
  return byBlock;
}

/**
 * One body block's node (`paragraph` or `blockquote`) with its marker atoms and the claim marks of `claims` (the
 * claims whose `block` is this block). `buildDoc`'s body is exactly these nodes, so a document may be built a slice
 * of blocks at a time.
 */
export function blockNode(block: Block, claims: ImportedText['claims']): PMNode {
  return schema.nodes[block.type]!.create(null, inlineContent(block.text, claims));
}

/** The reference list's node (entries with their ids and CSL), or null when there are no references. */
export function referencesNode(references: ImportedText['references'], heading: string | null): PMNode | null {
  if (references.length === 0) return null;
  const refs = references.map((r) =>
    schema.nodes['reference']!.create({ label: r.label, ids: r.ids, csl: r.csl }, r.text ? schema.text(r.text) : null),
  );
  return schema.nodes['references']!.create({ heading: heading ?? 'References' }, refs);
}

/** Builds the document. The result's canonical text (anchoring/doc-text.ts) equals `canonicalText(imported)`. */
export function buildDoc(imported: ImportedText): PMNode {
  const byBlock = claimsByBlock(imported.claims);
  const content = imported.blocks.map((block, i) => blockNode(block, byBlock.get(i) ?? []));
  const references = referencesNode(imported.references, imported.referencesHeading);
  if (references) content.push(references);
  return schema.nodes['doc']!.create(null, content);
}
