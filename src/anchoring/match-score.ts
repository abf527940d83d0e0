/**
 * How well a candidate span fits an annotation's quote selector and position hint: one number in [0, 1].
 *
 * score = weighted mean of the evidence that is present:
 *   quote similarity   0.35  — 1 − (edit distance ÷ quote length): the words themselves;
 *   prefix similarity  0.20  — the stored prefix against the text ending where the span starts (edit distance,
 *                              the far end of the context free, so a word dropped from it costs only its length);
 *   suffix similarity  0.20  — the same for the stored suffix and the text after the span;
 *   position proximity 0.25  — 1 ÷ (1 + |start − hint| ÷ scale), scale = max(1000, 1 % of the text's length):
 *                              1 at the hint, ½ at one scale away. A revision that edits 1 % of a long text
 *                              shifts later offsets by a few thousand characters, so "near" grows with the text.
 * Evidence that the selector does not carry (no prefix stored, no position hint) is left out and the remaining
 * weights are renormalised, so a score means the same whatever was stored.
 *
 * Why these weights: a book repeats itself (quotations, formulae, boilerplate), so the old wording of an edited
 * passage — often with its context too — may stand verbatim far away. Exactness must not win by itself: an edited
 * passage near its old place (proximity ≥ 0.75) beats a verbatim copy with perfect context far away (≤ 0.15)
 * as long as the quote kept 60 % of its characters (0.25 × 0.6 > 0.35 × 0.4). Context (40 %) separates a passage
 * from other occurrences of the same words.
 *
 * Words found with neither neighbour recognisable are most likely the same words used elsewhere, so the mean is
 * then discounted (CONTEXT_DISCOUNT): × 1 when one context side agrees fully, × 0.65 when both are unrelated.
 *
 * `ORPHAN_THRESHOLD` (0.55): a span scoring below it is not the annotated passage. Worked through (unrelated
 * 32-character contexts still share letters: their similarity is typically 0.2–0.35, taken as 0.3):
 *   - verbatim, both contexts agree, anywhere (inside a moved paragraph)                 ≥ 0.75 — anchored;
 *   - verbatim, one context agrees, far away (first or last words of a moved paragraph)  ≈ 0.61 — anchored;
 *   - half its characters edited, both contexts agree, near its old place (proximity 0.75) ≈ 0.76 — anchored;
 *   - verbatim at its old place, both contexts half edited                              ≈ 0.60 — anchored;
 *   - verbatim at its old place in unrelated context (the same words used elsewhere)    ≈ 0.47 — orphan;
 *   - verbatim far away in unrelated context                                              ≈ 0.31 — orphan.
 * Candidates are only looked for up to `MAX_ERROR_RATE` of the quote's length in errors: a span differing by more
 * than half its characters is other words, whatever its context (a passage rewritten in place is an orphan).
 */
import { alignEnd, alignStart, PatternMasks } from './edit-distance.ts';

/** Weight of quote similarity in the score (see the module comment for why). */
export const QUOTE_WEIGHT = 0.35;
/** Weight of prefix similarity. */
export const PREFIX_WEIGHT = 0.2;
/** Weight of suffix similarity. */
export const SUFFIX_WEIGHT = 0.2;
/** Weight of position proximity. */
export const POSITION_WEIGHT = 0.25;
/** The least distance from the hint at which position proximity has fallen to ½. */
export const MIN_POSITION_SCALE = 1000;
/** Below this score a candidate is not accepted and the annotation is an orphan (see the module comment). */
export const ORPHAN_THRESHOLD = 0.55;
/** The most errors a candidate may have, as a share of the quote's length (so quote similarity ≥ 0.5). */
export const MAX_ERROR_RATE = 0.5;
/** Context longer than this is compared only over its characters nearest the quote (keeps scoring cheap). */
const CONTEXT_COMPARED = 64;

/** The evidence about one candidate; absent fields were not stored in the selector. */
export interface MatchEvidence {
  quote: number;
  prefix?: number;
  suffix?: number;
  position?: number;
}

/**
 * How much a candidate loses when neither context side is recognisable: the score is multiplied by
 * 1 − 0.5 × (1 − the better context similarity) — × 1 with one side intact, × 0.65 with both unrelated.
 */
export const CONTEXT_DISCOUNT = 0.5;

/** The weighted mean of the evidence present, in [0, 1], discounted when no context side agrees (CONTEXT_DISCOUNT). */
export function combineScore(e: MatchEvidence): number {
  let sum = QUOTE_WEIGHT * e.quote;
  let weight = QUOTE_WEIGHT;
  if (e.prefix !== undefined) {
    sum += PREFIX_WEIGHT * e.prefix;
    weight += PREFIX_WEIGHT;
  }
  if (e.suffix !== undefined) {
    sum += SUFFIX_WEIGHT * e.suffix;
    weight += SUFFIX_WEIGHT;
  }
  if (e.position !== undefined) {
    sum += POSITION_WEIGHT * e.position;
    weight += POSITION_WEIGHT;
  }
  const context = Math.max(e.prefix ?? 0, e.suffix ?? 0);
  const factor = e.prefix === undefined && e.suffix === undefined ? 1 : 1 - CONTEXT_DISCOUNT * (1 - context);
  return (sum / weight) * factor;
}

/** The distance from the hint at which proximity is ½, for a text of `length` characters. */
export function positionScale(length: number): number {
  return Math.max(MIN_POSITION_SCALE, length / 100);
}

/** Position proximity of a candidate `distance` characters from the hint: 1 at the hint, → 0 far away. */
export function proximity(distance: number, scale: number): number {
  return 1 / (1 + Math.abs(distance) / scale);
}

/** The distance from the hint at which proximity falls to `p` (0 < p ≤ 1). */
export function distanceForProximity(p: number, scale: number): number {
  return scale * (1 / p - 1);
}

/** Quote similarity of a span with `errors` edits against a quote of `length` characters. */
export function quoteSimilarity(errors: number, length: number): number {
  return length === 0 ? 1 : Math.max(0, 1 - errors / length);
}

/**
 * Similarity of a stored prefix to the text ending at `start`: 1 − (edit distance ÷ its length), where the text
 * compared must end at `start` but may begin anywhere within reach (so an edit inside the context costs only its
 * own size). An empty stored prefix: 1 (nothing disagrees; but see `prefixEvidence`, which the matchers use).
 */
export function prefixSimilarity(text: string, start: number, stored: string, cache?: ContextMasks): number {
  if (stored.length === 0) return 1;
  const wanted = stored.length > CONTEXT_COMPARED ? stored.slice(-CONTEXT_COMPARED) : stored;
  if (text.endsWith(wanted, start)) return 1;
  const masks = cache ? (cache.prefix ??= new PatternMasks(wanted, true)) : new PatternMasks(wanted, true);
  const { errors } = alignStart(masks, text, start, wanted.length);
  return 1 - errors / wanted.length;
}

/**
 * The prefix evidence for a span starting at `start`: its similarity (`prefixSimilarity`) — except that an empty
 * stored prefix is no constraint (the W3C model's reading): it never counts against a span (undefined: left out of
 * the evidence), and at the very start of the text it agrees (1: the text before the quote is indeed empty).
 */
export function prefixEvidence(text: string, start: number, stored: string, cache?: ContextMasks): number | undefined {
  if (stored.length === 0) return start === 0 ? 1 : undefined;
  return prefixSimilarity(text, start, stored, cache);
}

/** The suffix evidence for a span ending at `end` (see `prefixEvidence`; an empty suffix agrees at the text's end). */
export function suffixEvidence(text: string, end: number, stored: string, cache?: ContextMasks): number | undefined {
  if (stored.length === 0) return end === text.length ? 1 : undefined;
  return suffixSimilarity(text, end, stored, cache);
}

/** Prepared context patterns, reused across the candidates of one search (filled in on first use). */
export interface ContextMasks {
  prefix?: PatternMasks;
  suffix?: PatternMasks;
}

/** Similarity of a stored suffix to the text starting at `end` (see `prefixSimilarity`). */
export function suffixSimilarity(text: string, end: number, stored: string, cache?: ContextMasks): number {
  if (stored.length === 0) return 1;
  const wanted = stored.length > CONTEXT_COMPARED ? stored.slice(0, CONTEXT_COMPARED) : stored;
  if (text.startsWith(wanted, end)) return 1;
  const masks = cache ? (cache.suffix ??= new PatternMasks(wanted)) : new PatternMasks(wanted);
  const { errors } = alignEnd(masks, text, end, wanted.length);
  return 1 - errors / wanted.length;
}

/**
 * The best score any candidate could reach whose quote similarity is at most `quote` and whose proximity is at
 * most `position` — with perfect context. Used to stop searching farther once nothing there could win.
 */
export function scoreBound(quote: number, position: number | undefined, hasPrefix: boolean, hasSuffix: boolean): number {
  return combineScore({
    quote,
    ...(hasPrefix ? { prefix: 1 } : {}),
    ...(hasSuffix ? { suffix: 1 } : {}),
    ...(position !== undefined ? { position } : {}),
  });
}
