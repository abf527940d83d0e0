/**
 * Anchoring: from a stored target (quote + position selectors) to where the annotated words are in a text that
 * may have been revised — `exact`, `fuzzy` or `orphan` (anchor-result.ts) — and back (`describe`, describe.ts).
 *
 * The verified fast path: the stored position, accepted only when the text there equals the quote and at least
 * one stored context side still matches verbatim. Otherwise the quote matcher (match-quote.ts) scores candidates
 * by quote, context and position; a best score below `ORPHAN_THRESHOLD` makes an orphan, which keeps its stored
 * quote, context and position — it is never dropped and never attached to other words.
 *
 * Pure: strings and numbers; never throws for a well-formed target.
 */
import { foundAt as found, type AnchorResult } from './anchor-result.ts';
import type { Annotation, TextPositionSelector, TextQuoteSelector, TextTarget } from './annotation-types.ts';
import { CodePointOffsets } from './code-points.ts';
import { matchCaret } from './match-caret.ts';
import { matchQuote, type QuoteContext } from './match-quote.ts';
import { ORPHAN_THRESHOLD as THRESHOLD, positionScale } from './match-score.ts';
import { positionSelectorOf, quoteSelectorOf, textTargetOf } from './selectors.ts';

/**
 * Below this score (0.55) a candidate is not the annotated passage and the annotation is an orphan. Scores are
 * weighted means of quote similarity (0.35), prefix and suffix similarity (0.2 each) and position proximity
 * (0.25), discounted when neither context side agrees. 0.55 accepts a verbatim quote with one side of its context
 * far away (a moved paragraph's first words) and an edited quote in its context near its old place, and rejects
 * the same words in unrelated context — see match-score.ts for the weights' reasons and the worked cases.
 */
export const ORPHAN_THRESHOLD: number = THRESHOLD;

export { CONTEXT_LENGTH, describe } from './describe.ts';

/**
 * Where `target`'s words are in `text`.
 * - `exact` (score 1): the quote verbatim, at its stored position or where quote, context and position score best;
 *   for an empty quote (a caret), the place where every stored context side stands verbatim around it;
 * - `fuzzy` (score in [ORPHAN_THRESHOLD, 1)): an edited version of the quote scoring best (for a caret: the place
 *   its edited context scores best); or — for a target that cannot be verified (a position selector without a
 *   quote) — the stored position when it lies in the text (score = ORPHAN_THRESHOLD);
 * - `orphan` (score = the best candidate's, 0 when none): `start`/`end` are the stored position (0, 0 without
 *   one), `quote`/`prefix`/`suffix` the stored ones — what the annotation was about, kept for the reader.
 *
 * An empty `prefix` or `suffix` is no constraint (as in the W3C model), not "the quote began (ended) the text".
 * The stored `TextPositionSelector` counts Unicode code points (W3C); `start`/`end` of the result are UTF-16
 * offsets of `text`, as everything in the engine (an orphan's: the stored position converted as if measured on
 * `text`). A position that fits the quote only when read as UTF-16 code units (written by a client that counts
 * them) is accepted so read: the quote decides.
 */
export function anchor(text: string, target: TextTarget, id: string): AnchorResult {
  return anchorNear(text, CodePointOffsets.of(text), target, id, 0);
}

/** A stored position in UTF-16 offsets of the text (`offsets` measures it; see `positionInUnits`). */
function inUnits(offsets: CodePointOffsets, p: TextPositionSelector): Range {
  return offsets.identity ? { start: p.start, end: p.end } : { start: offsets.toUnits(p.start), end: offsets.toUnits(p.end) };
}

interface Range {
  start: number;
  end: number;
}

/** `anchor`, told that passages nearby moved by `shift` characters (0: nothing known). */
function anchorNear(text: string, offsets: CodePointOffsets, target: TextTarget, id: string, shift: number): AnchorResult {
  const quote = quoteSelectorOf(target);
  const stored = positionSelectorOf(target);
  const position = stored ? inUnits(offsets, stored) : null;
  const inText = (r: Range): boolean => r.start <= r.end && r.end <= text.length;
  if (!quote) {
    if (position && inText(position)) return found(text, id, 'fuzzy', ORPHAN_THRESHOLD, position.start, position.end);
    return orphan(id, 0, position?.start ?? 0, position?.end ?? 0, '', '', '');
  }
  const fits = (r: Range): boolean => inText(r) && quoteFits(text, quote, r);
  if (position && fits(position)) return found(text, id, 'exact', 1, position.start, position.end);
  // The same numbers read as UTF-16 code units: a position written by a client that counts them.
  if (stored && !offsets.identity && fits(stored)) return found(text, id, 'exact', 1, stored.start, stored.end);
  const context: QuoteContext = {
    ...(quote.prefix !== undefined ? { prefix: quote.prefix } : {}),
    ...(quote.suffix !== undefined ? { suffix: quote.suffix } : {}),
    ...(position ? { hint: position.start } : {}),
    ...(position && shift !== 0 ? { estimate: position.start + shift } : {}),
  };
  const keep = (score: number) => orphan(id, score, position?.start ?? 0, position?.end ?? 0, quote.exact, quote.prefix ?? '', quote.suffix ?? '');
  if (quote.exact === '') {
    // A caret is placed by its context, and only where its context holds well enough.
    const caret = matchCaret(text, context);
    if (!caret || caret.score < ORPHAN_THRESHOLD) return keep(caret?.score ?? 0);
    if (contextHoldsAll(text, caret.start, quote.prefix, quote.suffix)) return found(text, id, 'exact', 1, caret.start, caret.end);
    return found(text, id, 'fuzzy', Math.min(caret.score, BELOW_EXACT), caret.start, caret.end);
  }
  const match = matchQuote(text, quote.exact, context);
  if (match && match.score >= ORPHAN_THRESHOLD) {
    const verbatim = text.slice(match.start, match.end) === quote.exact;
    return found(text, id, verbatim ? 'exact' : 'fuzzy', verbatim ? 1 : match.score, match.start, match.end);
  }
  return keep(match?.score ?? 0);
}

/** True when `quote` stands verbatim at `r` (UTF-16 offsets inside the text) with its context holding. */
function quoteFits(text: string, quote: TextQuoteSelector, r: Range): boolean {
  return r.end - r.start === quote.exact.length && text.startsWith(quote.exact, r.start) && contextHolds(text, r.start, r.end, quote.prefix, quote.suffix);
}

/**
 * `target` with its position in code points, for an importer to store: when the position fits the quote only when
 * read as UTF-16 code units (written by a client that counts them), the same range counted in code points;
 * otherwise `target` itself (unchanged, the same object). Never changes which words the target means.
 */
export function withPositionInCodePoints(text: string, target: TextTarget): TextTarget {
  const offsets = CodePointOffsets.of(text);
  const quote = quoteSelectorOf(target);
  const stored = positionSelectorOf(target);
  if (offsets.identity || !quote || !stored || stored.end > text.length) return target;
  const asPoints = inUnits(offsets, stored);
  if (asPoints.end <= text.length && quoteFits(text, quote, asPoints)) return target;
  if (!quoteFits(text, quote, stored)) return target;
  const inPoints: TextPositionSelector = { ...stored, start: offsets.toPoints(stored.start), end: offsets.toPoints(stored.end) };
  return { ...target, selector: target.selector.map((s) => (s === stored ? inPoints : s)) };
}

/** The highest score of a `fuzzy` anchor (1 is `exact`'s). */
const BELOW_EXACT = 0.999;

/**
 * True when at least one stored context side is verbatim around [start, end), or no side has text. An empty side is
 * no constraint: it holds only at the text's edge (nothing before the start, nothing after the end) and otherwise
 * neither holds nor fails.
 */
function contextHolds(text: string, start: number, end: number, prefix: string | undefined, suffix: string | undefined): boolean {
  if (!prefix && !suffix) return true;
  if (prefix !== undefined && (prefix === '' ? start === 0 : text.endsWith(prefix, start))) return true;
  return suffix !== undefined && (suffix === '' ? end === text.length : text.startsWith(suffix, end));
}

/** True when every non-empty stored context side is verbatim around the caret at `at`. */
function contextHoldsAll(text: string, at: number, prefix: string | undefined, suffix: string | undefined): boolean {
  return (!prefix || text.endsWith(prefix, at)) && (!suffix || text.startsWith(suffix, at));
}

function orphan(id: string, score: number, start: number, end: number, quote: string, prefix: string, suffix: string): AnchorResult {
  return { id, status: 'orphan', score, start, end, quote, prefix, suffix };
}


/**
 * Anchors every annotation with a text target (replies, whose target is another annotation, are skipped); the
 * map is keyed by id, in the annotations' order (a repeated id keeps the last).
 *
 * Each lands where `anchor` would put it, found faster: passages are visited in the order of their old positions,
 * and the shift of the last verified anchor (quote and context verbatim) estimates where the next one is now — a
 * revision shifts everything after an insertion by the same amount. The matcher looks near the estimate first and
 * measures proximity to the nearer of estimate and stored position, so a score may be higher than `anchor`'s; a
 * wrong estimate (just after a moved paragraph) costs time, not accuracy.
 */
export function anchorAll(text: string, annotations: readonly Annotation[]): Map<string, AnchorResult> {
  const entries = annotations.flatMap((a, index) => {
    const target = textTargetOf(a);
    return target ? [{ a, index, target, position: positionSelectorOf(target) }] : [];
  });
  const oldStart = (e: (typeof entries)[number]) => e.position?.start ?? Number.MAX_SAFE_INTEGER;
  const visit = [...entries].sort((x, y) => oldStart(x) - oldStart(y));
  const offsets = CodePointOffsets.of(text);
  let shift = 0;
  const byIndex = new Map<number, AnchorResult>();
  for (const e of visit) {
    // A shift larger than the position scale is not a local correction (a moved paragraph, or a verbatim copy
    // elsewhere): trusting it would send the next passages to copies of themselves.
    const result = anchorNear(text, offsets, e.target, e.a.id, Math.abs(shift) <= positionScale(text.length) ? shift : 0);
    byIndex.set(e.index, result);
    const quote = quoteSelectorOf(e.target);
    if (e.position && quote && result.status === 'exact' && contextHolds(text, result.start, result.end, quote.prefix, quote.suffix)) {
      shift = result.start - inUnits(offsets, e.position).start;
    }
  }
  const results = new Map<string, AnchorResult>();
  for (const e of entries) results.set(e.a.id, byIndex.get(e.index)!);
  return results;
}
