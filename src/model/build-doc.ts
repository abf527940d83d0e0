/**
 * ImportedText → ProseMirror document (schema.ts): blocks with marker atoms, claim marks, link marks and the flag
 * marks of claims the source flags, then the references. Markers are placed where the import's citation list says
 * (labels such as `a` or `n 1` included), never by scanning the text.
 */
import { type Attrs, Fragment, Mark, type MarkType, Node as PMNodeClass, type NodeType, type Node as PMNode } from 'prosemirror-model';
import { claimSignals } from './claim-signals.ts';
import type { Block, Citation, ImportedText } from './imported-text.ts';
import { markerEnd } from './marker-runs.ts';
import { schema } from './schema.ts';

/** A mark over `[start, end)` of a block's text other than a claim's (a link, a flag). */
export interface SpanMark {
  start: number;
  end: number;
  mark: Mark;
}

/**
 * What a block has besides its text and claims: its index (headings without a source id are named by it), its
 * markers (from the citation list, in order) and its link and flag marks.
 */
export interface BlockParts {
  index: number;
  markers: readonly Citation[];
  spans: readonly SpanMark[];
}

const NO_MARKERS: readonly Citation[] = [];
const NO_SPANS: readonly SpanMark[] = [];

/**
 * The parts of each body block of `imported` (`of(i)` for block i): markers from `citations`, link marks from
 * `links`, flag marks over the claims `signals` fall on (claim-signals.ts). One pass over each list.
 */
export function blockPartsOf(imported: Pick<ImportedText, 'citations' | 'claims'> & Partial<Pick<ImportedText, 'links' | 'signals'>>): (index: number) => BlockParts {
  const markers = new Map<number, Citation[]>();
  for (const c of imported.citations) {
    const list = markers.get(c.block);
    if (list) list.push(c);
    else markers.set(c.block, [c]);
  }
  const spans = new Map<number, SpanMark[]>();
  const addSpan = (block: number, span: SpanMark) => {
    const list = spans.get(block);
    if (list) list.push(span);
    else spans.set(block, [span]);
  };
  for (const l of imported.links ?? []) {
    addSpan(l.block, { start: l.start, end: l.end, mark: linkType.create({ href: l.href, kind: l.kind, title: l.title ?? null }) });
  }
  const flagged = claimSignals(imported.claims, imported.signals ?? []);
  for (const [i, signals] of flagged.byClaim) {
    const c = imported.claims[i]!;
    const kinds = [...new Set(signals.map((s) => s.kind))].join(' ');
    addSpan(c.block, { start: c.start, end: c.end, mark: flagType.create({ signals: kinds }) });
  }
  for (const list of spans.values()) list.sort((a, b) => a.start - b.start);
  return (index) => ({ index, markers: markers.get(index) ?? NO_MARKERS, spans: spans.get(index) ?? NO_SPANS });
}

// Scratch space of `inlineContent`, reused from block to block (a block's cut points, its claims' ends, its nodes):
// the document is built without per-block temporary arrays. Offsets are exact in a Float64Array.
let markerCuts: Float64Array = new Float64Array(64);
let claimCuts: Float64Array = new Float64Array(64);
let points: Float64Array = new Float64Array(128);
let activeEnds: Float64Array = new Float64Array(16);
const activeMarks: Mark[] = [];
const pieces: PMNode[] = [];

function grown(buffer: Float64Array, size: number): Float64Array {
  if (size <= buffer.length) return buffer;
  const bigger = new Float64Array(Math.max(size, buffer.length * 2));
  bigger.set(buffer);
  return bigger;
}

const claimType = schema.marks['claim']!;
const linkType = schema.marks['link']!;
const flagType = schema.marks['flag']!;
const markerType = schema.nodes['marker']!;
const textType = schema.nodes['text']!;
const referenceType = schema.nodes['reference']!;
const sample = schema.text('.');
/** The attributes of every text node (its type's defaults, one object). */
const textAttrs = sample.attrs;
/**
 * prosemirror-model's constructors, as `NodeType.create`, `Schema.text`, `MarkType.create` and `Node.mark` call
 * them (their types are internal; TextNode is not exported).
 */
const TextNode = sample.constructor as new (type: NodeType, attrs: Attrs, text: string, marks: readonly Mark[]) => PMNode;
const NodeOf = PMNodeClass as unknown as new (type: NodeType, attrs: Attrs, content: Fragment, marks: readonly Mark[]) => PMNode;
const MarkOf = Mark as unknown as new (type: MarkType, attrs: Attrs) => Mark;

/**
 * An attribute object as prosemirror-model's `computeAttrs` makes it for an attribute spec whose values are all
 * given and valid: no prototype, the spec's keys in the spec's order. Made from a literal, it keeps V8's fast
 * properties (~50 bytes); `Object.create(null)` plus assignments makes a dictionary (~190 bytes).
 */
function nullPrototype<T extends object>(attrs: T): T {
  return Object.setPrototypeOf(attrs, null) as T;
}

/** `claimType.create({ id, sources, support })`, with the same attributes, in a smaller object. */
function claimMark(c: ImportedText['claims'][number]): Mark {
  const { id, sources, support } = c;
  // Anything computeAttrs would default or refuse takes its path.
  if (typeof id !== 'string' || sources === undefined || typeof support !== 'string') {
    return claimType.create({ id, sources, support });
  }
  return new MarkOf(claimType, nullPrototype({ id, sources, support }));
}

/** `markerType.create({ label }, null, marks)` (`marks` shared, as `Node.mark` shares them). */
function markerNode(label: string, marks: readonly Mark[]): PMNode {
  return new NodeOf(markerType, nullPrototype({ label }), Fragment.empty, marks);
}

/** The markers of a block given by its citation list as cut points, as `markerCutsOf` makes them; returns the count. */
function markerCutsFrom(markers: readonly Citation[], length: number): number {
  let count = 1;
  markerCuts = grown(markerCuts, 2 * markers.length + 2);
  for (const m of markers) {
    markerCuts[count++] = m.offset;
    markerCuts[count++] = m.offset + m.label.length + 2;
  }
  markerCuts[0] = 0;
  markerCuts[count++] = length;
  return count;
}

/**
 * The markers of a plain-text block, for callers without a citation list (`blockNode` without parts): each match of `/\[(\d{1,9})\]/g`, as `findMarkers` finds them) as cut points: the
 * start and end of each, in order, after `at` (= 1), ended by the text's length; returns the count.
 */
function markerCutsOf(text: string): number {
  const n = text.length;
  let count = 1;
  let open = text.indexOf('[');
  while (open >= 0) {
    const end = markerEnd(text, open);
    if (end > 0) {
      markerCuts = grown(markerCuts, count + 3);
      markerCuts[count++] = open;
      markerCuts[count++] = end;
      open = text.indexOf('[', end);
    } else {
      open = text.indexOf('[', open + 1);
    }
  }
  markerCuts = grown(markerCuts, count + 1);
  markerCuts[0] = 0;
  markerCuts[count++] = n;
  return count;
}

/**
 * The inline content of one block: text and marker atoms, each piece carrying the claim marks over it.
 * Linear in the block: claims are swept in order of their start, each claim's mark is made once.
 * Pieces are cut at marker edges and claim edges; a piece that is exactly a marker is a marker atom.
 */
function inlineContent(text: string, claimsOfBlock: ImportedText['claims'], parts?: BlockParts): PMNode[] {
  // The importer's claims come in order of their start already.
  const claims = isSortedByStart(claimsOfBlock) ? claimsOfBlock : [...claimsOfBlock].sort((a, b) => a.start - b.start);
  const markerCount = parts ? markerCutsFrom(parts.markers, text.length) : markerCutsOf(text);
  const spans = parts?.spans ?? NO_SPANS;
  // Markers, as (start, end) pairs, sit at markerCuts[1..markerCount-1).
  const claimCount = claims.length * 2;
  claimCuts = grown(claimCuts, claimCount);
  let sorted = true;
  for (let k = 0; k < claims.length; k++) {
    const c = claims[k]!;
    claimCuts[2 * k] = c.start;
    claimCuts[2 * k + 1] = c.end;
  }
  for (let k = 1; k < claimCount; k++) {
    if (claimCuts[k]! < claimCuts[k - 1]!) {
      sorted = false;
      break;
    }
  }
  // Claims are usually disjoint and ordered, so their edges are too; sort only when they are not.
  if (!sorted) claimCuts.subarray(0, claimCount).sort();
  // The union of both ascending lists, ascending, without repeats.
  points = grown(points, markerCount + claimCount);
  let pointCount = 0;
  {
    let i = 0;
    let j = 0;
    while (i < markerCount || j < claimCount) {
      const x = j >= claimCount || (i < markerCount && markerCuts[i]! <= claimCuts[j]!) ? markerCuts[i++]! : claimCuts[j++]!;
      if (pointCount === 0 || points[pointCount - 1] !== x) points[pointCount++] = x;
    }
  }
  // Links and flags cut the text too (blocks of plain text have none, and skip this).
  if (spans.length > 0) {
    const all = new Set<number>(points.subarray(0, pointCount));
    for (const sp of spans) all.add(Math.max(0, Math.min(text.length, sp.start))).add(Math.max(0, Math.min(text.length, sp.end)));
    const sortedPoints = [...all].sort((a, b) => a - b);
    points = grown(points, sortedPoints.length);
    points.set(sortedPoints);
    pointCount = sortedPoints.length;
  }
  let next = 0;
  let nextMarker = 1;
  let activeCount = 0;
  // The mark set of the active claims, made only when they change and shared by the pieces under it. It is what
  // `Mark.setFrom` makes of them: every mark has the one mark type, so its stable sort by rank keeps their order.
  let marks: readonly Mark[] = Mark.none;
  let pieceCount = 0;
  for (let i = 0; i + 1 < pointCount; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    let changed = false;
    // Claims that end before `to` leave, the others keep their order.
    let kept = 0;
    for (let a = 0; a < activeCount; a++) {
      if (activeEnds[a]! >= to) {
        activeEnds[kept] = activeEnds[a]!;
        activeMarks[kept++] = activeMarks[a]!;
      }
    }
    if (kept !== activeCount) {
      activeCount = kept;
      changed = true;
    }
    while (next < claims.length && claims[next]!.start <= from) {
      const c = claims[next++]!;
      if (c.end >= to) {
        activeEnds = grown(activeEnds, activeCount + 1);
        activeEnds[activeCount] = c.end;
        activeMarks[activeCount++] = claimMark(c);
        changed = true;
      }
    }
    if (changed) marks = activeCount === 0 ? Mark.none : activeMarks.slice(0, activeCount);
    let pieceMarks = marks;
    if (spans.length > 0) {
      const over: Mark[] = [];
      for (const sp of spans) if (sp.start <= from && sp.end >= to && sp.end > sp.start) over.push(sp.mark);
      // Claims, then links, then flags: the schema's mark order.
      if (over.length > 0) pieceMarks = Mark.setFrom([...marks, ...over]);
    }
    // Markers are in order and `from` only grows: the one starting at `from`, if any, is the next unpassed one.
    while (nextMarker + 2 < markerCount && markerCuts[nextMarker]! < from) nextMarker += 2;
    let node: PMNode;
    if (nextMarker + 2 < markerCount && markerCuts[nextMarker] === from && markerCuts[nextMarker + 1] === to) {
      node = markerNode(text.slice(from + 1, to - 1), pieceMarks);
    } else if (to > from) {
      node = new TextNode(textType, textAttrs, text.slice(from, to), pieceMarks);
    } else continue;
    pieces[pieceCount++] = node;
  }
  const out = pieces.slice(0, pieceCount);
  // Let go of this block's nodes and marks.
  pieces.fill(null as unknown as PMNode, 0, pieceCount);
  activeMarks.fill(null as unknown as Mark);
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

/** The attributes of a block's node: a heading's level and anchor, a list item's level and kind; none otherwise. */
function blockAttrs(block: Block, index: number | undefined): Attrs | null {
  if (block.type === 'heading') return { level: block.level ?? 2, anchor: block.anchor ?? (index === undefined ? null : String(index + 1)) };
  if (block.type === 'list_item') return { level: block.level ?? 1, ordered: block.ordered ?? false };
  return null;
}

/**
 * One body block's node (`paragraph`, `blockquote`, `heading` or `list_item`) with its marker atoms, the claim
 * marks of `claims` (the claims whose `block` is this block) and the link and flag marks of `parts` (from
 * `blockPartsOf(imported)(index)`). `buildDoc`'s body is exactly these nodes, so a document may be built a slice of
 * blocks at a time. Without `parts` the block is read as plain text (markers are its `[N]`s; no links, no flags).
 */
export function blockNode(block: Block, claims: ImportedText['claims'], parts?: BlockParts): PMNode {
  return schema.nodes[block.type]!.create(blockAttrs(block, parts?.index), inlineContent(block.text, claims, parts));
}

/** `referenceType.create({ label, ids, csl }, text)`, with the same attributes, in a smaller object. */
function referenceNode(r: ImportedText['references'][number]): PMNode {
  const { label, ids, csl } = r;
  const content = r.text ? schema.text(r.text) : null;
  // Anything computeAttrs would default or refuse takes its path.
  if (typeof label !== 'string' || ids === undefined || csl === undefined) {
    return referenceType.create({ label, ids, csl }, content);
  }
  return new NodeOf(referenceType, nullPrototype({ label, ids, csl }), Fragment.from(content), Mark.none);
}

/** The reference list's node (entries with their ids and CSL), or null when there are no references. */
export function referencesNode(references: ImportedText['references'], heading: string | null): PMNode | null {
  if (references.length === 0) return null;
  const refs = references.map((r) => referenceNode(r));
  return schema.nodes['references']!.create({ heading: heading ?? 'References' }, refs);
}

/** Builds the document. The result's canonical text (anchoring/doc-text.ts) equals `canonicalText(imported)`. */
export function buildDoc(imported: ImportedText): PMNode {
  const byBlock = claimsByBlock(imported.claims);
  const partsOf = blockPartsOf(imported);
  const content = imported.blocks.map((block, i) => blockNode(block, byBlock.get(i) ?? [], partsOf(i)));
  const references = referencesNode(imported.references, imported.referencesHeading);
  if (references) content.push(references);
  return schema.nodes['doc']!.create(null, content);
}
