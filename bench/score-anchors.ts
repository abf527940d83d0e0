/**
 * How the benchmark judges an anchor against the ground truth.
 *
 * "Right" means: an orphan where the truth expects an orphan; where it expects an anchor, an anchor whose range
 * overlaps the true range by at least half of their union (intersection / union ≥ 0.5), so a match that is off by
 * a few edge characters still counts and one on other words does not; where it allows either (words edited by
 * 30–70%), an orphan or such an anchor.
 */
import type { Truth, TruthKind } from './make-revision.ts';

/** The part of an anchor the judge reads. */
export interface JudgedAnchor {
  status: 'exact' | 'fuzzy' | 'orphan';
  start: number;
  end: number;
}

/** Minimal intersection-over-union for an anchor to be on the right words. */
export const MIN_OVERLAP = 0.5;

/** True when `anchor` is right for `truth` (see the module comment). A missing anchor is wrong. */
export function isRight(truth: Truth, anchor: JudgedAnchor | undefined): boolean {
  if (!anchor) return false;
  if (anchor.status === 'orphan') return truth.expect !== 'anchor';
  if (truth.expect === 'orphan' || truth.range === null) return false;
  const inter = Math.min(anchor.end, truth.range.end) - Math.max(anchor.start, truth.range.start);
  if (inter <= 0) return false;
  const union = Math.max(anchor.end, truth.range.end) - Math.min(anchor.start, truth.range.start);
  return inter / union >= MIN_OVERLAP;
}

/** Accuracy over all annotations, and per kind of change (`right/total`). */
export interface Accuracy {
  accuracy: number;
  right: number;
  total: number;
  byKind: Record<TruthKind, { right: number; total: number }>;
  /** Up to 20 ids of wrong anchors per kind, for diagnosis. */
  wrong: Partial<Record<TruthKind, string[]>>;
}

/** Judges `anchors` (by annotation id) against `truth` (same order as `ids`). */
export function scoreAnchors(ids: readonly string[], truth: readonly Truth[], anchors: ReadonlyMap<string, JudgedAnchor>): Accuracy {
  const kinds: TruthKind[] = ['unchanged', 'edited', 'copied', 'moved', 'rewritten', 'deleted'];
  const byKind = Object.fromEntries(kinds.map((k) => [k, { right: 0, total: 0 }])) as Accuracy['byKind'];
  const wrong: Accuracy['wrong'] = {};
  let right = 0;
  truth.forEach((t, i) => {
    const id = ids[i]!;
    const ok = isRight(t, anchors.get(id));
    byKind[t.kind].total++;
    if (ok) {
      right++;
      byKind[t.kind].right++;
    } else {
      const list = (wrong[t.kind] ??= []);
      if (list.length < 20) list.push(id);
    }
  });
  return { accuracy: truth.length ? right / truth.length : 1, right, total: truth.length, byKind, wrong };
}
