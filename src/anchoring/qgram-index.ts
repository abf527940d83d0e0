/**
 * A q-gram index of a text: where each 8-character string occurs (sampled every 4th offset). It finds the few
 * places where a quote that moved far away — and may have been edited — could now be, so that only those places
 * are verified with the edit distance instead of the whole text.
 *
 * Guarantee: a stretch of Q + STEP − 1 = 11 characters of the quote that survives unedited in the text produces at
 * least one hit. Built once per text (the last one is cached: anchoring many annotations reuses it).
 *
 * Pure: strings and numbers.
 */

const Q = 8;
const STEP = 4;
/** A q-gram found at more places than this says little about where the quote is (e.g. "        "). */
const FREQUENT = 64;
/** Votes are counted per band of this many implied start offsets (edits shift the diagonal a little). */
const BAND = 32;

function hashAt(s: string, i: number): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < Q; k++) h = Math.imul(h ^ s.charCodeAt(i + k), 0x01000193);
  return h;
}

/** Positions of sampled q-grams in a text, chained by hash (compact typed arrays). */
export class QgramIndex {
  private readonly mask: number;
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly hashes: Int32Array;

  private constructor(readonly text: string) {
    const count = text.length >= Q ? Math.floor((text.length - Q) / STEP) + 1 : 0;
    let size = 1;
    while (size < count * 2) size <<= 1;
    this.mask = size - 1;
    this.head = new Int32Array(size).fill(-1);
    this.next = new Int32Array(count);
    this.hashes = new Int32Array(count);
    for (let n = 0; n < count; n++) {
      const h = hashAt(text, n * STEP);
      this.hashes[n] = h;
      const bucket = h & this.mask;
      this.next[n] = this.head[bucket]!;
      this.head[bucket] = n;
    }
  }

  private static last: QgramIndex | null = null;

  /** The index of `text` (the previous one when asked again for the same text). */
  static of(text: string): QgramIndex {
    if (QgramIndex.last?.text !== text) QgramIndex.last = new QgramIndex(text);
    return QgramIndex.last;
  }

  /**
   * Likely start offsets of `quote` in the text, best supported first, at most `limit`. Empty when the quote is
   * shorter than 8 characters or shares no informative q-gram with the text.
   */
  likelyStarts(quote: string, limit: number): number[] {
    return this.vote(quote)
      .votes.sort((a, b) => b.count - a.count)
      .slice(0, limit)
      .map((v) => Math.round(v.sum / v.count));
  }

  /**
   * Every place where `quote` might occur verbatim — a superset of its exact occurrences, as offsets within
   * `BAND` characters of where one would start — or null when the index cannot tell (a short or repetitive
   * quote, or more than `limit` places): then the text must be scanned.
   */
  verbatimCandidates(quote: string, limit: number): number[] | null {
    const { votes, perResidue } = this.vote(quote);
    // An occurrence starting at s is sampled at the quote offsets i ≡ −s (mod STEP), and every informative q-gram
    // of that class votes for exactly s: it gets at least as many votes as the poorest class has q-grams.
    const least = Math.min(...perResidue);
    if (least === 0) return null;
    const places = votes.filter((v) => v.count >= least);
    if (places.length > limit) return null;
    return places.map((v) => Math.round(v.sum / v.count));
  }

  private vote(quote: string): { votes: { count: number; sum: number }[]; perResidue: number[] } {
    const votes = new Map<number, { count: number; sum: number }>();
    const perResidue = new Array<number>(STEP).fill(0);
    for (let i = 0; i + Q <= quote.length; i++) {
      const h = hashAt(quote, i);
      const hits: number[] = [];
      for (let n = this.head[h & this.mask]!; n >= 0; n = this.next[n]!) {
        if (this.hashes[n] !== h) continue;
        hits.push(n * STEP);
        if (hits.length > FREQUENT) break;
      }
      if (hits.length > FREQUENT) continue;
      perResidue[i % STEP]!++;
      for (const p of hits) {
        const start = p - i;
        const band = Math.floor(start / BAND);
        const v = votes.get(band);
        if (v) {
          v.count++;
          v.sum += start;
        } else votes.set(band, { count: 1, sum: start });
      }
    }
    return { votes: [...votes.values()], perResidue };
  }
}
