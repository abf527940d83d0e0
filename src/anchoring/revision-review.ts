/**
 * The revision review (issue 10): where each note went when a work was opened on a newer revision, and how a note
 * is carried onto it.
 *
 * Every note with a text target gets one outcome, from its anchoring result on the new text and the order of the
 * notes:
 * - `unchanged`: its words stand verbatim (anchored `exact`) and in the same order among the other notes as before;
 * - `moved`: its words stand verbatim, but out of that order — their passage moved (a paragraph moved elsewhere).
 *   The order is the longest run of notes whose new places keep their old order (a longest non-decreasing
 *   subsequence); notes outside it moved. When a passage moves past a longer one, the longer one keeps its place;
 * - `reanchored`: anchored `fuzzy`, on changed words (the view shows them with a word-level diff, word-diff.ts, made
 *   only for the items it draws: a book's review has thousands);
 * - `orphan`: not found well enough on the new text; it keeps its old quote, context and position.
 * Nothing is dropped: every note with a text target has exactly one item; replies follow their parent.
 *
 * Pure: plain data in and out; no DOM, no editor.
 */
import type { AnchorResult, AnchorStatus } from './anchor-result.ts';
import type { Annotation, TextTarget } from './annotation-types.ts';
import { describe } from './describe.ts';
import { withRevision, type RevisionRef } from './revision-state.ts';
import { positionSelectorOf, quoteSelectorOf, textTargetOf } from './target-selectors.ts';
import { longestSubsequence } from './longest-subsequence.ts';

/** What happened to a note's words in the newer revision. */
export type ReviewOutcome = 'unchanged' | 'moved' | 'reanchored' | 'orphan';

/** Every outcome, in the order the review lists them (what needs the reader's eye first). */
export const REVIEW_OUTCOMES: readonly ReviewOutcome[] = ['orphan', 'reanchored', 'moved', 'unchanged'];

/** One note as the classifier sees it: where it was (null: unknown) and how and where it landed. */
export interface Landing {
  /** The old start (any measure that keeps the old text's order; null when the note stored no position). */
  before: number | null;
  status: AnchorStatus;
  /** The new start (any measure that keeps the new text's order; ignored for orphans). */
  after: number;
}

/** The outcome of each landing, in the same order (see the module comment). */
export function classifyLandings(landings: readonly Landing[]): ReviewOutcome[] {
  const placed = landings
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => l.status !== 'orphan' && l.before !== null)
    .sort((x, y) => x.l.before! - y.l.before! || x.i - y.i);
  const inOrder = new Set(longestNonDecreasing(placed.map(({ l }) => l.after)).map((k) => placed[k]!.i));
  return landings.map((l, i) => {
    if (l.status === 'orphan') return 'orphan';
    if (l.status === 'fuzzy') return 'reanchored';
    return l.before === null || inOrder.has(i) ? 'unchanged' : 'moved';
  });
}

/** Indexes of a longest non-decreasing subsequence of `values` (see `longestSubsequence`). */
export function longestNonDecreasing(values: readonly number[]): number[] {
  return longestSubsequence(values, false);
}

/** One note in the review. */
export interface ReviewItem {
  id: string;
  outcome: ReviewOutcome;
  /** What the note was about: its stored quote and context. */
  before: { quote: string; prefix: string; suffix: string };
  /** Where it landed in the new text (UTF-16 offsets, quote and context there); null for an orphan. */
  after: { start: number; end: number; quote: string; prefix: string; suffix: string } | null;
  score: number;
}

/**
 * The review of `annotations` anchored on the newer text (`results`, by id, as `anchorAll` gives them): one item per
 * note with a text target, in the annotations' order. A note without a result is an orphan (never dropped).
 */
export function reviewRevision(annotations: readonly Annotation[], results: ReadonlyMap<string, AnchorResult>): ReviewItem[] {
  const notes = annotations.flatMap((a) => {
    const target = textTargetOf(a);
    return target ? [{ a, target, result: results.get(a.id) }] : [];
  });
  const outcomes = classifyLandings(
    notes.map(({ target, result }) => ({ before: positionSelectorOf(target)?.start ?? null, status: result?.status ?? 'orphan', after: result?.start ?? 0 })),
  );
  return notes.map(({ a, target, result }, i) => {
    const quote = quoteSelectorOf(target);
    const before = { quote: quote?.exact ?? '', prefix: quote?.prefix ?? '', suffix: quote?.suffix ?? '' };
    const outcome = outcomes[i]!;
    const after = result && outcome !== 'orphan' ? { start: result.start, end: result.end, quote: result.quote, prefix: result.prefix, suffix: result.suffix } : null;
    return { id: a.id, outcome, before, after, score: result?.score ?? 0 };
  });
}

/** How many items have each outcome. */
export function countOutcomes(items: readonly { outcome: ReviewOutcome }[]): Record<ReviewOutcome, number> {
  const counts: Record<ReviewOutcome, number> = { unchanged: 0, moved: 0, reanchored: 0, orphan: 0 };
  for (const item of items) counts[item.outcome]++;
  return counts;
}

/**
 * `target` carried onto the newer revision: its selectors describe `newText[start, end)` (UTF-16 offsets), its State
 * names `revision`; its `source` and every other field (`via`, …) are kept. What accepting a note, or re-attaching an
 * orphan to words chosen in the new text, writes.
 * @throws RangeError when [start, end) is not a range of `newText`.
 */
export function carriedTarget(target: TextTarget, newText: string, start: number, end: number, revision: RevisionRef): TextTarget {
  const described = describe(newText, start, end, target.source);
  return withRevision({ ...target, selector: described.selector }, revision);
}

/** `target` left on the older revision it was made on (`revision`): its selectors as they are, marked as kept there. */
export function keptTarget(target: TextTarget, revision: RevisionRef): TextTarget {
  return withRevision(target, revision, true);
}
