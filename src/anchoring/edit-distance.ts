/**
 * Edit distance (Levenshtein: substitutions, insertions, deletions each cost 1) computed bit-parallel, after
 * Myers (1999) with Hyyrö's blocks of 32 pattern characters: one text character costs one step per block, so
 * searching a window of n characters for a pattern of m costs O(n · ⌈m/32⌉), not O(n · m).
 *
 * Pure: strings and numbers. Offsets are UTF-16 code units.
 */

const HIGH = 0x80000000 | 0;

/** A pattern prepared for bit-parallel search: per character, the bit mask of where it occurs, block by block. */
export class PatternMasks {
  /** number of 32-character blocks */
  readonly blocks: number;
  /** the bit of the pattern's last character in the last block */
  readonly lastBit: number;
  /** the occurrence words of every distinct character: slot × blocks + block */
  readonly eq: Int32Array;
  /** slot of each Latin-1 code unit, −1 when the pattern lacks it (typed arrays: cheap to make many patterns) */
  private readonly latin = new Int16Array(256).fill(-1);
  /** slot of every other code unit the pattern has */
  private readonly other = new Map<number, number>();

  /** Prepares `pattern` (read backwards when `reversed`). `pattern` must not be empty. */
  constructor(readonly pattern: string, readonly reversed = false) {
    const m = pattern.length;
    this.blocks = Math.max(1, Math.ceil(m / 32));
    this.lastBit = (1 << ((m - 1) & 31)) | 0;
    let slots = 0;
    const slotOf = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      const c = pattern.charCodeAt(reversed ? m - 1 - i : i);
      let slot = this.slot(c);
      if (slot < 0) {
        slot = slots++;
        if (c < 256) this.latin[c] = slot;
        else this.other.set(c, slot);
      }
      slotOf[i] = slot;
    }
    this.eq = new Int32Array(Math.max(1, slots) * this.blocks);
    for (let i = 0; i < m; i++) this.eq[slotOf[i]! * this.blocks + (i >> 5)]! |= 1 << (i & 31);
  }

  /** The slot of code unit `c` in `eq`, or −1 when the pattern does not contain it. */
  slot(c: number): number {
    return c < 256 ? this.latin[c]! : (this.other.get(c) ?? -1);
  }
}

/** What `anchoredScan` found: the best span's last index and errors, and the whole stretch's errors. */
interface ScanResult {
  index: number;
  errors: number;
  final: number;
}

/**
 * Runs the bit-parallel recurrence over text[i] for i = first, first+step, … until `stop` (exclusive), with the
 * alignment anchored at `first` (a global alignment on that side). Returns the span [first … index] with the
 * fewest errors against the whole pattern — ties going to the length closest to `target`; index = first − step
 * for the empty span — and the errors of the whole stretch. No allocation per character: this is a hot loop.
 */
function anchoredScan(masks: PatternMasks, text: string, first: number, stop: number, step: 1 | -1, target: number): ScanResult {
  const nb = masks.blocks;
  const last = nb - 1;
  const lastBit = masks.lastBit;
  const P = new Int32Array(nb).fill(-1);
  const M = new Int32Array(nb);
  const EQ = masks.eq;
  let score = masks.pattern.length;
  let bestIndex = first - step;
  let bestErrors = score;
  let bestGap = target;
  let length = 0;
  for (let i = first; i !== stop; i += step) {
    const slot = masks.slot(text.charCodeAt(i));
    const base = slot * nb;
    let hin = 1;
    for (let b = 0; b < nb; b++) {
      let eq = slot >= 0 ? EQ[base + b]! : 0;
      const pv = P[b]!;
      const mv = M[b]!;
      const xv = eq | mv;
      if (hin < 0) eq |= 1;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const high = b === last ? lastBit : HIGH;
      const hout = ph & high ? 1 : mh & high ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      P[b] = mh | ~(xv | ph);
      M[b] = ph & xv;
      hin = hout;
    }
    score += hin;
    length++;
    const gap = Math.abs(length - target);
    if (score < bestErrors || (score === bestErrors && gap < bestGap)) {
      bestIndex = i;
      bestErrors = score;
      bestGap = gap;
    }
  }
  return { index: bestIndex, errors: bestErrors, final: score };
}

/** The Levenshtein distance between two whole strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  return anchoredScan(new PatternMasks(a), b, 0, b.length, 1, a.length).final;
}

/** An approximate occurrence's end (exclusive offset) and its number of errors. */
export interface ApproximateEnd {
  end: number;
  errors: number;
}

/**
 * Where `masks.pattern` occurs in text[from, to) with at most `maxErrors` errors: one end per local minimum of
 * the distance (the first end of a run of equal minima), in text order. Empty when there is none.
 */
export function approximateEnds(masks: PatternMasks, text: string, from: number, to: number, maxErrors: number): ApproximateEnd[] {
  // The recurrence of `scan`, inlined without a callback or allocation per character: this is the hot loop.
  const found: ApproximateEnd[] = [];
  const first = Math.max(0, from);
  const stop = Math.min(text.length, to);
  const nb = masks.blocks;
  const last = nb - 1;
  const lastBit = masks.lastBit;
  const P = new Int32Array(nb).fill(-1);
  const M = new Int32Array(nb);
  let score = masks.pattern.length;
  let prev = Number.POSITIVE_INFINITY;
  let pendingEnd = -1;
  let pendingErrors = 0;
  if (nb === 1) {
    // One block (patterns up to 32 characters, most quotes of a few words): all in registers.
    let pv = -1;
    let mv = 0;
    const EQ = masks.eq;
    for (let i = first; i < stop; i++) {
      const slot = masks.slot(text.charCodeAt(i));
      const eq = slot >= 0 ? EQ[slot]! : 0;
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & lastBit) score++;
      else if (mh & lastBit) score--;
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      const d = score;
      if (pendingEnd >= 0 && d !== pendingErrors) {
        if (d > pendingErrors) found.push({ end: pendingEnd, errors: pendingErrors });
        pendingEnd = -1;
      }
      if (d <= maxErrors && d < prev) {
        pendingEnd = i + 1;
        pendingErrors = d;
      }
      prev = d;
    }
    if (pendingEnd >= 0) found.push({ end: pendingEnd, errors: pendingErrors });
    return found;
  }
  const EQ = masks.eq;
  for (let i = first; i < stop; i++) {
    const slot = masks.slot(text.charCodeAt(i));
    const base = slot * nb;
    let hin = 0;
    for (let b = 0; b < nb; b++) {
      let eq = slot >= 0 ? EQ[base + b]! : 0;
      const pv = P[b]!;
      const mv = M[b]!;
      const xv = eq | mv;
      if (hin < 0) eq |= 1;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const high = b === last ? lastBit : HIGH;
      const hout = ph & high ? 1 : mh & high ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      P[b] = mh | ~(xv | ph);
      M[b] = ph & xv;
      hin = hout;
    }
    const d = (score += hin);
    if (pendingEnd >= 0 && d !== pendingErrors) {
      if (d > pendingErrors) found.push({ end: pendingEnd, errors: pendingErrors });
      pendingEnd = -1;
    }
    if (d <= maxErrors && d < prev) {
      pendingEnd = i + 1;
      pendingErrors = d;
    }
    prev = d;
  }
  if (pendingEnd >= 0) found.push({ end: pendingEnd, errors: pendingErrors });
  return found;
}

/**
 * The start of the best alignment of the pattern ending exactly at `end`, looking back at most
 * `pattern.length + maxErrors` characters and not before `floor`. `reversedMasks` is the pattern prepared with
 * `reversed = true`. Among equally good starts, the one giving a span closest to the pattern's length wins.
 */
export function alignStart(reversedMasks: PatternMasks, text: string, end: number, maxErrors: number, floor = 0): { start: number; errors: number } {
  const m = reversedMasks.pattern.length;
  const lowest = Math.max(floor, 0, end - m - maxErrors);
  const r = anchoredScan(reversedMasks, text, end - 1, Math.min(end, lowest) - 1, -1, m);
  return { start: r.index, errors: r.errors };
}

/**
 * The end of the best alignment of the pattern starting exactly at `start`, looking ahead at most
 * `pattern.length + maxErrors` characters and not past `ceiling`. `masks` is the pattern prepared forwards.
 * Among equally good ends, the one giving a span closest to the pattern's length wins.
 */
export function alignEnd(masks: PatternMasks, text: string, start: number, maxErrors: number, ceiling = text.length): { end: number; errors: number } {
  const m = masks.pattern.length;
  const highest = Math.min(ceiling, text.length, start + m + maxErrors);
  const r = anchoredScan(masks, text, start, Math.max(start, highest), 1, m);
  return { end: r.index + 1, errors: r.errors };
}
