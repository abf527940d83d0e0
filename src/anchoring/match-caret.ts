/**
 * Where an empty quote (a caret: a note on a point between two characters) now is, found by its stored context.
 * An empty quote cannot be searched for itself, so its context is what places it: the candidates are the places
 * right after a verbatim occurrence of the stored prefix, right before one of the stored suffix, and the position
 * hints themselves (for a caret whose context was edited on both sides but stayed put); each is scored like a
 * quote match (match-score.ts) with the quote itself agreeing fully, by prefix and suffix similarity and position.
 *
 * Pure: strings and numbers. Offsets are UTF-16 code units.
 */
import { withoutEmptyContext, type QuoteContext, type QuoteMatch } from './match-quote.ts';
import { combineScore, positionScale, prefixEvidence, proximity, suffixEvidence, type ContextMasks, type MatchEvidence } from './match-score.ts';

/** Occurrences of each context side looked at, at most (a very common short context). */
const MAX_PLACES = 10_000;

/**
 * The best-scoring place for an empty quote with this context, as an empty span; null when the context has no
 * non-empty side (nothing says where the caret is) or no candidate exists. Among equal scores the place nearer a
 * hint, then the earlier one, wins. The score may be below `ORPHAN_THRESHOLD`: accepting it is the caller's call.
 */
export function matchCaret(text: string, stored: QuoteContext): QuoteMatch | null {
  const context = withoutEmptyContext(stored);
  const { prefix, suffix } = context;
  if (prefix === undefined && suffix === undefined) return null;
  const hints = [context.estimate, context.hint].filter((h): h is number => h !== undefined && Number.isFinite(h));
  const places = new Set<number>();
  const occurrences = (needle: string, shift: number) => {
    for (let i = text.indexOf(needle), n = 0; i >= 0 && n < MAX_PLACES; i = text.indexOf(needle, i + 1), n++) places.add(i + shift);
  };
  if (prefix !== undefined) occurrences(prefix, prefix.length);
  if (suffix !== undefined) occurrences(suffix, 0);
  for (const h of hints) places.add(Math.max(0, Math.min(text.length, Math.round(h))));
  const scale = positionScale(text.length);
  const distance = (at: number) => Math.min(...hints.map((h) => Math.abs(at - h)));
  const masks: ContextMasks = {};
  let best: QuoteMatch | null = null;
  for (const at of [...places].sort((x, y) => x - y)) {
    const evidence: MatchEvidence = { quote: 1 };
    const p = prefixEvidence(text, at, stored.prefix ?? '', masks);
    const s = suffixEvidence(text, at, stored.suffix ?? '', masks);
    if (stored.prefix !== undefined && p !== undefined) evidence.prefix = p;
    if (stored.suffix !== undefined && s !== undefined) evidence.suffix = s;
    if (hints.length > 0) evidence.position = proximity(distance(at), scale);
    const score = combineScore(evidence);
    if (!best || score > best.score || (score === best.score && hints.length > 0 && distance(at) < distance(best.start))) {
      best = { start: at, end: at, score };
    }
  }
  return best;
}
