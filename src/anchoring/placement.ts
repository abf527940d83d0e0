/**
 * Where an annotation lies in the reader's document — the one anchor type of the reading session — and both ways
 * between the two coordinate systems: canonical offsets (what W3C selectors and `AnchorResult` measure) and
 * document positions (ProseMirror positions of `buildDoc(imported)`), through `DocText`.
 *
 * - `placementOf`: canonical → document, for an anchoring result (load worker, import, page fallback);
 * - `anchorResultOf`: document → canonical, for a placed note (exports, which report where each note is now).
 *
 * Pure: numbers and strings (the document is read through `DocText`). Does not load the anchoring engine.
 */
import { foundAt, type AnchorResult, type AnchorStatus } from './anchor-result.ts';
import type { Annotation } from './annotation-types.ts';
import { positionInUnits } from './describe.ts';
import type { DocText } from './doc-text.ts';
import { positionSelectorOf, quoteSelectorOf, textTargetOf } from './target-selectors.ts';

/** A range of document positions, `from` ≤ `to`. */
export interface DocumentRange {
  from: number;
  to: number;
}

/**
 * Where one annotation lies in the document: `range` in document positions, null for an orphan (its passage was
 * not found) and for a reply (it hangs off its parent); `status` how it was anchored (`reply` for replies);
 * `score` as in `AnchorResult` (1 for replies).
 */
export interface Placement {
  status: AnchorStatus | 'reply';
  score: number;
  range: DocumentRange | null;
}

/**
 * The placement of `annotation` from its anchoring result on `docText.text` (canonical → document). Replies, and
 * annotations without a result, are replies; orphans have no range. A range rounds inward over a footnote marker
 * the quote cuts; when that leaves nothing (the quote lies inside a marker, e.g. the "2" of "[2]") it rounds
 * outward, so that the note still has a passage to show.
 */
export function placementOf(docText: DocText, annotation: Annotation, result: AnchorResult | undefined): Placement {
  if (typeof annotation.target === 'string' || !result) return { range: null, status: 'reply', score: 1 };
  if (result.status === 'orphan') return { range: null, status: 'orphan', score: result.score };
  let from = docText.toPos(result.start, 1);
  let to = Math.max(from, docText.toPos(result.end, -1));
  if (to <= from && result.end > result.start) {
    from = docText.toPos(result.start, -1);
    to = Math.max(from, docText.toPos(result.end, 1));
  }
  return { range: { from, to }, status: result.status, score: result.score };
}

/**
 * The anchoring result of a placed `annotation` (document → canonical): a placed note reports its range now, in
 * canonical offsets, with the quote and context there now; an orphan keeps its stored position, quote and context
 * (0 and '' where it stored none; the position converted from code points to UTF-16 units). Null for a reply (it has no text target).
 */
export function anchorResultOf(docText: DocText, annotation: Annotation, placement: Placement): AnchorResult | null {
  const target = textTargetOf(annotation);
  if (!target) return null;
  const { id } = annotation;
  if (placement.range) {
    const start = docText.toOffset(placement.range.from);
    const end = docText.toOffset(placement.range.to);
    return foundAt(docText.text, id, placement.status === 'fuzzy' ? 'fuzzy' : 'exact', placement.score, start, end);
  }
  const quote = quoteSelectorOf(target);
  const stored = positionSelectorOf(target);
  // The stored W3C position counts code points; an AnchorResult counts UTF-16 units of the canonical text.
  const position = stored ? positionInUnits(docText.text, stored) : { start: 0, end: 0 };
  return {
    id,
    status: 'orphan',
    score: placement.score,
    start: position.start,
    end: position.end,
    quote: quote?.exact ?? '',
    prefix: quote?.prefix ?? '',
    suffix: quote?.suffix ?? '',
  };
}
