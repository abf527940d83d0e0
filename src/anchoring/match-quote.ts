/**
 * The quote matcher: where in a text a `TextQuoteSelector`'s words now are, found approximately and scored by
 * quote, context and position together (match-score.ts) — never "the first exact occurrence wins".
 *
 * Search order (each stage runs only while something farther or fuzzier could still beat the best so far):
 * 1. exact occurrences near the position hint (± 1024, then ± max(4096, the position scale)), all of them scored
 *    (and near the estimate when one is given: every "near" below means near either);
 * 2. approximate occurrences (bit-parallel edit distance, edit-distance.ts) where the passage most likely is:
 *    right after the stored prefix / right before the stored suffix wherever those occur verbatim near the hint
 *    (an edited passage usually keeps one side of its context), then — if that found nothing acceptable — around
 *    the hint itself (± 64 + errors); the stored hint only when the estimate found nothing acceptable;
 * 3. exact occurrences anywhere (a moved passage), unless the best so far is better than any could be — in a
 *    long text only where a q-gram index of the text (qgram-index.ts) says the quote may stand verbatim, when it
 *    can tell;
 * 4. only when nothing acceptable was found: approximate occurrences anywhere — the whole text when it is small,
 *    else the few places the q-gram index points to (a moved and edited passage).
 * So the usual cases (unchanged, shifted, edited in place) never scan a large text with the edit distance.
 * Heuristic limits: a fuzzy span far from the hints is only looked for when nothing near is acceptable; in a long
 * text, far spans are found only where at least 11 characters of the quote survive verbatim; quotes longer than
 * 4096 characters are only found verbatim.
 *
 * Pure: strings and numbers. Offsets are UTF-16 code units.
 */
import { alignEnd, alignStart, approximateEnds, PatternMasks } from './edit-distance.ts';
import {
  combineScore,
  distanceForProximity,
  MAX_ERROR_RATE,
  ORPHAN_THRESHOLD,
  positionScale,
  prefixEvidence,
  proximity,
  quoteSimilarity,
  scoreBound,
  suffixEvidence,
  type ContextMasks,
  type MatchEvidence,
} from './match-score.ts';
import { QgramIndex } from './qgram-index.ts';

/** A span of the text and how well it fits (`score` in [0, 1], see match-score.ts). */
export interface QuoteMatch {
  start: number;
  end: number;
  score: number;
}

/**
 * What else is known: the stored context, the old start offset (`hint`), and optionally `estimate` — where the
 * passage is expected now (e.g. the old offset moved by the shift neighbouring passages showed). Position proximity
 * counts the nearer of the two, and the search looks around both (the estimate first). An empty `prefix` or
 * `suffix` is no constraint (the W3C model's reading): it never counts against a span, and agrees only with a span
 * at the very start (end) of the text (`prefixEvidence` in match-score.ts).
 */
export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  hint?: number;
  estimate?: number;
}

/** Least radius around the hint of stages 1 and 2 (the position scale when larger). */
const NEAR_RADIUS = 4096;
/** Radius of the first, cheap look for the quote verbatim around each hint. */
const FIRST_EXACT_RADIUS = 1024;
/** Radius of stage 2's window around the hint (plus the quote's error allowance). */
const HINT_RADIUS = 64;
/** Radius around the hint where stage 2 first looks for the stored context (then the near radius). */
const AFFIX_RADIUS = 2048;
/** Decisive (stops the search): a verbatim quote within one position scale of a hint whose stored context sides
 *  are each at least this similar — only a passage right beside it with better context could beat it. */
const DECISIVE_CONTEXT = 0.75;
/** Characters of stored context used to find where the passage is now (stage 2). */
const AFFIX_PROBE = 16;
/** Shorter context than this is too common to locate anything. */
const MIN_AFFIX_PROBE = 6;
/** Places per context side verified in stage 2, nearest to the hint first. */
const AFFIX_PLACES = 2;
/** Above this length, stage 3 asks the q-gram index where the quote may be instead of scanning the text. */
const INDEXED_TEXT = 200_000;
/** More places than this and stage 3 scans the text after all. */
const MAX_VERBATIM_PLACES = 64;
/** How far from an index place an occurrence may start (the index groups starts in bands of 32). */
const BAND_SLACK = 64;
/** Stage 4 scans the whole text when it costs at most this many block steps (≈ a millisecond). */
const FULL_SCAN_STEPS = 300_000;
/** Approximate ends verified per window, fewest errors first. */
const ENDS_PER_WINDOW = 32;
/** Places the q-gram index proposes for verification. */
const FAR_PLACES = 8;
/** Exact occurrences scored at most (a very common short quote). */
const MAX_EXACT = 10_000;
/** Longer quotes are only looked for verbatim: an approximate search costs the square of the quote's length. */
const MAX_FUZZY_QUOTE = 4096;

/**
 * The best-scoring span for `quote`, or null when the quote is empty or nothing in the text is within
 * `MAX_ERROR_RATE` errors of it. The result may score below `ORPHAN_THRESHOLD`: accepting it is the caller's call.
 * Among equal scores the span nearer the hint, then the earlier one, wins.
 */
export function matchQuote(text: string, quote: string, context: QuoteContext): QuoteMatch | null {
  if (quote.length === 0) return null;
  return new QuoteSearch(text, quote, context).run();
}

/** The context with empty sides left out (an empty side is no evidence either way). */
export function withoutEmptyContext(context: QuoteContext): QuoteContext {
  if (context.prefix !== '' && context.suffix !== '') return context;
  const { prefix, suffix, ...rest } = context;
  return { ...rest, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
}

class QuoteSearch {
  private readonly m: number;
  private readonly maxErrors: number;
  /** where to look first: the estimate, then the stored hint (finite values only, distinct) */
  private readonly hints: number[];
  private readonly scale: number;
  private readonly hasPrefix: boolean;
  private readonly hasSuffix: boolean;
  private masks: PatternMasks | null = null;
  private reversed: PatternMasks | null = null;
  private readonly seen = new Set<number>();
  private readonly contextMasks: ContextMasks = {};
  private best: QuoteMatch | null = null;
  /** the best-scoring verbatim occurrence seen */
  private bestVerbatim: QuoteMatch | null = null;
  /** the best is the quote verbatim in its recognisable context near a hint (see DECISIVE_CONTEXT) */
  private decisive = false;

  constructor(
    private readonly text: string,
    private readonly quote: string,
    private readonly context: QuoteContext,
  ) {
    this.m = quote.length;
    this.maxErrors = Math.floor(this.m * MAX_ERROR_RATE);
    this.hints = [context.estimate, context.hint].filter((h): h is number => h !== undefined && Number.isFinite(h));
    if (this.hints.length === 2 && this.hints[0] === this.hints[1]) this.hints.pop();
    this.scale = positionScale(text.length);
    this.hasPrefix = context.prefix !== undefined;
    this.hasSuffix = context.suffix !== undefined;
  }

  run(): QuoteMatch | null {
    const { text, m, maxErrors } = this;
    const n = text.length;
    const nearRadius = Math.max(NEAR_RADIUS, Math.ceil(this.scale));
    const centres = this.hints.map((h) => Math.max(0, Math.min(n, Math.round(h))));
    // Most passages are verbatim close to where they were (or to the estimate): look there first.
    for (const h of centres) if (!this.decisive) this.exactIn(h - FIRST_EXACT_RADIUS, h + m + FIRST_EXACT_RADIUS);
    // Verbatim occurrences farther out can only win if the best so far is below what they could reach.
    const beyondFirst = scoreBound(1, proximity(FIRST_EXACT_RADIUS, this.scale), this.hasPrefix, this.hasSuffix);
    if (!this.best || this.best.score < beyondFirst) {
      for (const h of centres) if (!this.decisive) this.exactIn(h - nearRadius, h + m + nearRadius);
    }
    // Whether stage 2 found an acceptable span: then the rest of it is skipped (the estimate, searched first, is
    // usually right; the hint window only matters when the context did not lead anywhere).
    const acceptedHere = (before: QuoteMatch | null) => this.best !== before && this.best !== null && this.best.score >= ORPHAN_THRESHOLD;
    for (const h of centres) {
      let reach = this.decisive ? -1 : this.fuzzyReach();
      if (reach < 0) break;
      const before = this.best;
      let places = this.affixPlaces(h, Math.min(AFFIX_RADIUS, reach));
      if (places.length === 0 && reach > AFFIX_RADIUS) places = this.affixPlaces(h, Math.min(nearRadius, reach));
      for (const place of places) this.alignedAt(place.side, place.at);
      if (acceptedHere(before)) break;
      // Both context sides edited next to the quote: the words may still be where the hint says.
      reach = this.fuzzyReach();
      const r = Math.min(HINT_RADIUS + maxErrors, reach);
      if (r >= 0) this.fuzzyIn(h - r, h + r + m + maxErrors);
      if (acceptedHere(before)) break;
    }
    const exactFar = scoreBound(1, centres.length ? proximity(nearRadius, this.scale) : undefined, this.hasPrefix, this.hasSuffix);
    if (!this.decisive && (!this.best || this.best.score < exactFar)) this.exactAnywhere();
    if (!this.best || this.best.score < ORPHAN_THRESHOLD) {
      const blocks = Math.ceil(m / 32);
      if (n * blocks <= FULL_SCAN_STEPS) {
        this.fuzzyIn(0, n, Number.POSITIVE_INFINITY);
      } else {
        for (const s of QgramIndex.of(text).likelyStarts(this.quote, FAR_PLACES)) {
          this.fuzzyIn(s - maxErrors - 32, s + m + maxErrors + 32);
        }
      }
    }
    // A fuzzy span overlapping a verbatim occurrence by more than half differs from it only by edits around the
    // quote that it swallowed (gaining context similarity for them): the words themselves are intact, so the
    // verbatim occurrence stands when it is acceptable on its own.
    const best = this.best;
    const verbatim = this.bestVerbatim;
    if (best && verbatim && best !== verbatim && verbatim.score >= ORPHAN_THRESHOLD) {
      const overlap = Math.min(best.end, verbatim.end) - Math.max(best.start, verbatim.start);
      if (overlap * 2 > best.end - best.start) return verbatim;
    }
    return best;
  }

  /**
   * Where the stored context occurs verbatim within `radius` of `h`: the offset right after a prefix probe
   * (the passage should start there) or right before a suffix probe (it should end there), nearest first.
   */
  private affixPlaces(h: number, radius: number): { side: 'prefix' | 'suffix'; at: number }[] {
    const places: { side: 'prefix' | 'suffix'; at: number }[] = [];
    const a = Math.max(0, h - radius);
    const window = this.text.slice(a, Math.min(this.text.length, h + this.m + radius));
    const probe = (side: 'prefix' | 'suffix', needle: string, shift: number) => {
      if (needle.length < MIN_AFFIX_PROBE) return;
      const found: number[] = [];
      for (let i = window.indexOf(needle); i >= 0 && found.length < 64; i = window.indexOf(needle, i + 1)) found.push(a + i + shift);
      found.sort((x, y) => Math.abs(x - h) - Math.abs(y - h));
      for (const at of found.slice(0, AFFIX_PLACES)) places.push({ side, at });
    };
    const { prefix, suffix } = this.context;
    if (prefix) {
      const p = prefix.slice(-AFFIX_PROBE);
      probe('prefix', p, p.length);
    }
    if (suffix) probe('suffix', suffix.slice(0, AFFIX_PROBE), 0);
    return places;
  }

  /**
   * How far from a hint a fuzzy span could still beat the best so far: −1 when none could, Infinity when the
   * best is still beatable from anywhere.
   */
  private fuzzyReach(): number {
    if (!this.best) return Number.POSITIVE_INFINITY;
    const atHint = scoreBound(1 - 1 / this.m, 1, this.hasPrefix, this.hasSuffix);
    const far = scoreBound(1 - 1 / this.m, 0, this.hasPrefix, this.hasSuffix);
    if (this.best.score >= atHint) return -1;
    if (this.best.score <= far) return Number.POSITIVE_INFINITY;
    // The bound is linear in proximity: solve for the proximity at which it equals the best score.
    const p = (this.best.score - far) / (atHint - far);
    return Math.ceil(distanceForProximity(p, this.scale)) + 1;
  }

  /** Distance of `start` from the nearest hint (Infinity without hints). */
  private distance(start: number): number {
    let d = Number.POSITIVE_INFINITY;
    for (const h of this.hints) d = Math.min(d, Math.abs(start - h));
    return d;
  }

  /**
   * Scores the best alignment of the quote starting exactly at `at` (after a verbatim prefix) or ending exactly
   * there (before a verbatim suffix).
   */
  private alignedAt(side: 'prefix' | 'suffix', at: number): void {
    if (this.m > MAX_FUZZY_QUOTE) return;
    if (side === 'prefix') {
      this.masks ??= new PatternMasks(this.quote);
      const { end, errors } = alignEnd(this.masks, this.text, at, this.maxErrors);
      if (errors <= this.maxErrors) this.consider(at, end, errors);
    } else {
      this.reversed ??= new PatternMasks(this.quote, true);
      const { start, errors } = alignStart(this.reversed, this.text, at, this.maxErrors);
      if (errors <= this.maxErrors) this.consider(start, at, errors);
    }
  }

  /**
   * Scores every exact occurrence in the text: in a long text only at the places the q-gram index says the quote
   * may stand verbatim (when it can tell), else by scanning.
   */
  private exactAnywhere(): void {
    const places = this.text.length > INDEXED_TEXT ? QgramIndex.of(this.text).verbatimCandidates(this.quote, MAX_VERBATIM_PLACES) : null;
    if (places === null) return this.exactIn(0, this.text.length);
    for (const s of places) this.exactIn(s - BAND_SLACK, s + this.m + BAND_SLACK);
  }

  /** Scores every exact occurrence starting in [from, to − m]. */
  private exactIn(from: number, to: number): void {
    const a = Math.max(0, from);
    const window = this.text.slice(a, Math.min(this.text.length, to));
    let count = 0;
    for (let i = window.indexOf(this.quote); i >= 0 && count < MAX_EXACT; i = window.indexOf(this.quote, i + 1), count++) {
      this.consider(a + i, a + i + this.m, 0);
    }
  }

  /** Scores the best approximate occurrences (at most `limit`, fewest errors first) lying within [from, to). */
  private fuzzyIn(from: number, to: number, limit = ENDS_PER_WINDOW): void {
    if (this.maxErrors === 0 || this.m > MAX_FUZZY_QUOTE) return void this.exactIn(from, to);
    this.masks ??= new PatternMasks(this.quote);
    this.reversed ??= new PatternMasks(this.quote, true);
    const a = Math.max(0, from);
    let ends = approximateEnds(this.masks, this.text, a, to, this.maxErrors);
    if (ends.length > limit) ends = ends.sort((x, y) => x.errors - y.errors).slice(0, limit);
    for (const e of ends) {
      const { start, errors } = alignStart(this.reversed, this.text, e.end, this.maxErrors, a);
      if (errors <= this.maxErrors) this.consider(start, e.end, errors);
    }
  }

  private consider(start: number, end: number, errors: number): void {
    // One number per span (unique for spans shorter than 2^26 characters; the importer caps texts at 10 MiB).
    const key = start * 2 ** 26 + (end - start);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const { text, context } = this;
    const evidence: MatchEvidence = { quote: quoteSimilarity(errors, this.m) };
    const prefix = context.prefix !== undefined ? prefixEvidence(text, start, context.prefix, this.contextMasks) : undefined;
    const suffix = context.suffix !== undefined ? suffixEvidence(text, end, context.suffix, this.contextMasks) : undefined;
    if (prefix !== undefined) evidence.prefix = prefix;
    if (suffix !== undefined) evidence.suffix = suffix;
    if (this.hints.length > 0) evidence.position = proximity(this.distance(start), this.scale);
    const score = combineScore(evidence);
    if (errors === 0 && (!this.bestVerbatim || score > this.bestVerbatim.score)) this.bestVerbatim = { start, end, score };
    const best = this.best;
    const nearer = best !== null && this.distance(start) < this.distance(best.start);
    if (!best || score > best.score || (score === best.score && nearer)) {
      this.best = { start, end, score };
      this.decisive =
        errors === 0 &&
        !!(context.prefix || context.suffix) &&
        (evidence.prefix ?? 1) >= DECISIVE_CONTEXT &&
        (evidence.suffix ?? 1) >= DECISIVE_CONTEXT &&
        (evidence.position ?? 1) >= 0.5;
    }
  }
}
