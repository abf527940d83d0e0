/**
 * Issue 10's figures: opening a newer revision of the 1 MB book with its 10,000 notes until the review's items are
 * ready (`revision_review_ms`), against re-anchoring alone measured in the same run (alternating, so that both see
 * the same machine), and how often the review's classification (unchanged / moved / re-anchored / orphan) is the
 * one the ground truth of `make-revision.ts` implies (`review_accuracy`).
 *
 * "Until the review is shown" is measured in Node: importing the revision's bytes (`importText`, as the load worker
 * does), its canonical text, `anchorAll` and `reviewRevision` (the classification). Drawing the list
 * (`<ap-revision-review>`, 50 items at a time, with the word diffs of the items it draws) is not in the figure.
 */
import type { AnchorResult } from '../src/anchoring/anchor-result.ts';
import type { Annotation } from '../src/anchoring/annotation-types.ts';
import { canonicalText } from '../src/anchoring/doc-text.ts';
import { reviewRevision, type ReviewItem, type ReviewOutcome } from '../src/anchoring/revision-review.ts';
import { importText } from '../src/model/import-text.ts';
import type { Truth } from './make-revision.ts';
import { median, round } from './measure.ts';
import { isRight } from './score-anchors.ts';

type AnchorAll = (text: string, annotations: readonly Annotation[]) => Map<string, AnchorResult>;

/** The review's figures. */
export interface ReviewFigures {
  revision_review_ms: number;
  revision_reanchor_ms: number;
  revision_review_ratio: number;
  review_accuracy: number;
  /** right/total per expected outcome */
  review_by_outcome: Record<ReviewOutcome, { right: number; total: number }>;
  review_wrong_examples: { id: string; expected: string; got: ReviewOutcome }[];
  review_runs_ms: number[];
  reanchor_runs_ms: number[];
  /** The parts of one review, timed apart after the runs: importing the revision, and classifying. */
  review_import_ms: number;
  review_classify_ms: number;
}

/**
 * The outcomes the truth allows for a note: an orphan where it must be one; where it may be either, an orphan or
 * re-anchored; where it must anchor, `unchanged` for words intact in place, `moved` for words intact in the moved
 * paragraph, `reanchored` for edited words.
 */
export function expectedOutcomes(truth: Truth): ReviewOutcome[] {
  if (truth.expect === 'orphan') return ['orphan'];
  if (truth.expect === 'either') return ['orphan', 'reanchored'];
  if (truth.editRatio > 0) return ['reanchored'];
  return [truth.kind === 'moved' ? 'moved' : 'unchanged'];
}

/** Judges the review: an item is right when its outcome is allowed and, unless an orphan, it lies on the right words. */
export function scoreReview(items: readonly ReviewItem[], truth: readonly Truth[]): Pick<ReviewFigures, 'review_accuracy' | 'review_by_outcome' | 'review_wrong_examples'> {
  const byOutcome: Record<ReviewOutcome, { right: number; total: number }> = { unchanged: { right: 0, total: 0 }, moved: { right: 0, total: 0 }, reanchored: { right: 0, total: 0 }, orphan: { right: 0, total: 0 } };
  const wrong: ReviewFigures['review_wrong_examples'] = [];
  let right = 0;
  items.forEach((item, i) => {
    const t = truth[i]!;
    const allowed = expectedOutcomes(t);
    const landed = item.after ? { status: 'exact' as const, start: item.after.start, end: item.after.end } : { status: 'orphan' as const, start: 0, end: 0 };
    const ok = allowed.includes(item.outcome) && isRight(t, landed);
    const bucket = byOutcome[allowed[allowed.length - 1]!];
    bucket.total++;
    if (ok) {
      right++;
      bucket.right++;
    } else if (wrong.length < 20) wrong.push({ id: item.id, expected: allowed.join('|'), got: item.outcome });
  });
  return { review_accuracy: items.length ? right / items.length : 1, review_by_outcome: byOutcome, review_wrong_examples: wrong };
}

/** Measures the review of `revisionFile` (the revision's bytes as text) for `annotations`, `runs` times each way. */
export function measureRevisionReview(revisionFile: string, annotations: readonly Annotation[], truth: readonly Truth[], anchorAll: AnchorAll, runs: number): ReviewFigures {
  const bytes = new TextEncoder().encode(revisionFile);
  const review = () => {
    const t = importText(bytes, { language: 'en' });
    const text = canonicalText(t.blocks, t.references);
    return reviewRevision(annotations, anchorAll(text, annotations));
  };
  const canonical = (() => {
    const t = importText(bytes, { language: 'en' });
    return canonicalText(t.blocks, t.references);
  })();
  let items = review(); // warm-up
  anchorAll(canonical, annotations);
  const reviewRuns: number[] = [];
  const reanchorRuns: number[] = [];
  for (let r = 0; r < Math.max(1, runs); r++) {
    let t0 = performance.now();
    anchorAll(canonical, annotations);
    reanchorRuns.push(performance.now() - t0);
    t0 = performance.now();
    items = review();
    reviewRuns.push(performance.now() - t0);
  }
  let t0 = performance.now();
  importText(bytes, { language: 'en' });
  const importMs = performance.now() - t0;
  const anchors = anchorAll(canonical, annotations);
  t0 = performance.now();
  reviewRevision(annotations, anchors);
  const classifyMs = performance.now() - t0;
  const reviewMs = median(reviewRuns);
  const reanchorMs = median(reanchorRuns);
  return {
    revision_review_ms: round(reviewMs),
    revision_reanchor_ms: round(reanchorMs),
    revision_review_ratio: round(reviewMs / reanchorMs, 2),
    ...scoreReview(items, truth),
    review_runs_ms: reviewRuns.map((v) => round(v)),
    reanchor_runs_ms: reanchorRuns.map((v) => round(v)),
    review_import_ms: round(importMs),
    review_classify_ms: round(classifyMs),
  };
}
