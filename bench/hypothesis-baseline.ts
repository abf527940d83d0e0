/**
 * The baseline: anchoring the way the Hypothesis client does it (hypothesis/client
 * `src/annotator/anchoring/`), re-implemented here from its description, for a side-by-side comparison.
 *
 * 1. The TextPositionSelector is tried first and accepted when the text at that position equals the quote.
 * 2. Otherwise the quote is searched in the whole text: every exact occurrence (`indexOf`) if there is one,
 *    else every approximate match of `approx-string-match` with at most min(256, quote.length / 2) errors.
 * 3. Each candidate is scored 50 × quote similarity + 20 × prefix similarity + 20 × suffix similarity
 *    + 2 × closeness to the position hint, normalised to [0, 1]; the best wins, however low its score.
 *    Context similarity is 1 − (edit distance of the best approximate occurrence) / context length.
 * Only when nothing matches at all is the annotation an orphan.
 */
import search, { type Match } from 'approx-string-match';
import type { Annotation, TextPositionSelector, TextQuoteSelector } from '../src/anchoring/annotation-types.ts';
import type { AnchorResult } from '../src/anchoring/anchor-result.ts';

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

/** Exact occurrences of `needle` when there are any, else approximate ones within `maxErrors`. */
function candidates(text: string, needle: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    exact.push({ start: at, end: at + needle.length, errors: 0 });
  }
  return exact.length > 0 ? exact : search(text, needle, maxErrors);
}

/** 1 − (fewest errors of `pattern` anywhere in `window`) / pattern length; 0 when either is empty. */
function similarity(window: string, pattern: string): number {
  if (pattern.length === 0 || window.length === 0) return 0;
  const best = candidates(window, pattern, pattern.length)[0];
  return best ? 1 - best.errors / pattern.length : 0;
}

/** The best match of `quote` in `text` by the Hypothesis score, or null when there is no candidate. */
export function baselineMatch(text: string, quote: string, context: { prefix?: string; suffix?: string; hint?: number }): { start: number; end: number; score: number } | null {
  if (quote.length === 0) return null;
  const found = candidates(text, quote, Math.min(256, quote.length / 2));
  let best: { start: number; end: number; score: number } | null = null;
  for (const m of found) {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = context.prefix ? similarity(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix) : 1;
    const suffixScore = context.suffix ? similarity(text.slice(m.end, m.end + context.suffix.length), context.suffix) : 1;
    const positionScore = context.hint === undefined ? 1 : 1 - Math.abs(m.start - context.hint) / text.length;
    const score =
      (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore) /
      (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT);
    if (!best || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best;
}

/** Anchors one annotation on `text` the Hypothesis way. An annotation without a quote selector is an orphan. */
export function baselineAnchor(text: string, annotation: Annotation): AnchorResult {
  const selectors = typeof annotation.target === 'string' ? [] : annotation.target.selector;
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  const result = (status: AnchorResult['status'], score: number, start: number, end: number): AnchorResult => ({
    id: annotation.id,
    status,
    score,
    start,
    end,
    quote: status === 'orphan' ? (quote?.exact ?? '') : text.slice(start, end),
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
  });
  if (!quote) return result('orphan', 0, position?.start ?? 0, position?.end ?? 0);
  if (position && text.slice(position.start, position.end) === quote.exact) return result('exact', 1, position.start, position.end);
  const context: { prefix?: string; suffix?: string; hint?: number } = {};
  if (quote.prefix !== undefined) context.prefix = quote.prefix;
  if (quote.suffix !== undefined) context.suffix = quote.suffix;
  if (position) context.hint = position.start;
  const match = baselineMatch(text, quote.exact, context);
  if (!match) return result('orphan', 0, position?.start ?? 0, position?.end ?? 0);
  return result(match.score === 1 ? 'exact' : 'fuzzy', match.score, match.start, match.end);
}

/** Anchors every annotation the Hypothesis way, by id. */
export function baselineAnchorAll(text: string, annotations: readonly Annotation[]): Map<string, AnchorResult> {
  return new Map(annotations.map((a) => [a.id, baselineAnchor(text, a)]));
}
