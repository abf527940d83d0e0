/**
 * A fast path for sentence segmentation: the Unicode sentence-boundary rules (UAX #29, the rules `Intl.Segmenter`
 * implements through ICU) written out for texts in Latin script whose characters all belong to a small set — ASCII,
 * Latin-1 and Latin Extended-A letters, typographic quotes and dashes, no-break spaces. For such a text the result
 * is exactly the segmenter's (a property test compares them); for any other text it returns null and the caller
 * uses `Intl.Segmenter`. Why: V8's segmenter costs several microseconds per sentence, which made it most of the
 * import time; this is a single linear scan.
 */

/** Sentence_Break classes of UAX #29 that occur in the supported set. */
const enum C {
  Other,
  Sp,
  Lower,
  Upper,
  Numeric,
  ATerm,
  STerm,
  Close,
  SContinue,
}

/** Class of each code unit up to U+017F (Latin Extended-A); -1 where the fast path does not apply. */
const TABLE = new Int8Array(0x180).fill(-1);
/** Class of each code unit in General Punctuation, currency, letterlike and mathematical symbols (U+2000–U+22FF). */
const EXTRA = new Int8Array(0x300).fill(-1);
const EXTRA_BASE = 0x2000;

function init(): void {
  for (let u = 0x20; u < 0x7f; u++) TABLE[u] = C.Other;
  TABLE[0x09] = C.Sp;
  TABLE[0x20] = C.Sp;
  TABLE[0xa0] = C.Sp;
  for (let u = 0x30; u <= 0x39; u++) TABLE[u] = C.Numeric;
  for (let u = 0x41; u <= 0x5a; u++) TABLE[u] = C.Upper;
  for (let u = 0x61; u <= 0x7a; u++) TABLE[u] = C.Lower;
  TABLE[0x2e] = C.ATerm;
  TABLE[0x21] = C.STerm;
  TABLE[0x3f] = C.STerm;
  for (const ch of `"'()[]{}`) TABLE[ch.charCodeAt(0)] = C.Close;
  for (const ch of ',-:;') TABLE[ch.charCodeAt(0)] = C.SContinue;
  // Latin-1 Supplement: symbols are Other; « » are Close; letters by case. The soft hyphen (Format) is not supported.
  for (let u = 0xa1; u <= 0xbf; u++) TABLE[u] = C.Other;
  TABLE[0xad] = -1;
  TABLE[0xab] = C.Close;
  TABLE[0xbb] = C.Close;
  TABLE[0xaa] = C.Lower;
  TABLE[0xb5] = C.Lower;
  TABLE[0xba] = C.Lower;
  for (let u = 0xc0; u <= 0xde; u++) TABLE[u] = C.Upper;
  for (let u = 0xdf; u <= 0xff; u++) TABLE[u] = C.Lower;
  TABLE[0xd7] = C.Other;
  TABLE[0xf7] = C.Other;
  // Latin Extended-A alternates upper and lower case, with a few exceptions.
  for (let u = 0x100; u <= 0x17f; u++) {
    const ch = String.fromCharCode(u);
    TABLE[u] = ch !== ch.toLowerCase() ? C.Upper : ch !== ch.toUpperCase() || /\p{Ll}/u.test(ch) ? C.Lower : -1;
  }
  const set = (u: number, c: C) => (EXTRA[u - EXTRA_BASE] = c);
  for (const u of [0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2039, 0x203a]) set(u, C.Close);
  for (const u of [0x2013, 0x2014]) set(u, C.SContinue);
  for (const u of [0x2026, 0x2010, 0x2022, 0x2032, 0x2033, 0x20ac, 0x2116, 0x2122, 0x2212]) set(u, C.Other);
  set(0x202f, C.Sp);
  for (let u = 0x2000; u <= 0x200a; u++) set(u, C.Sp);
}
init();

/** Reused by `classify` for texts up to this length, so that a block costs no allocation. */
const SCRATCH_LIMIT = 1 << 16;
let scratch = new Int8Array(4096);

/**
 * The class of code units 0 to n - 1 of a text — `text` itself, or with `at` the text whose k-th unit is
 * text[at[k]] — in a buffer that may be longer and is only valid until the next call; null when one is outside the
 * supported set.
 */
function classify(text: string, at: Int32Array | null, n: number): Int8Array | null {
  let out = scratch;
  if (n > out.length) {
    if (n > SCRATCH_LIMIT) out = new Int8Array(n);
    else out = scratch = new Int8Array(SCRATCH_LIMIT);
  }
  for (let k = 0; k < n; k++) {
    const u = text.charCodeAt(at === null ? k : at[k]!);
    const c = u < 0x180 ? TABLE[u]! : u >= EXTRA_BASE && u < EXTRA_BASE + 0x300 ? EXTRA[u - EXTRA_BASE]! : -1;
    if (c < 0) return null;
    out[k] = c;
  }
  return out;
}

/**
 * The sentence boundaries `Intl.Segmenter` would report for `text` (offsets where a sentence after the first
 * starts, ascending), or null when `text` has a character outside the supported set.
 */
export function latinSentenceBreaks(text: string): number[] | null {
  const cls = classify(text, null, text.length);
  return cls && breaksOf(cls, text.length);
}

/**
 * `latinSentenceBreaks` of the text of n code units whose k-th is text[at[k]] (a text with parts left out), read
 * in place; offsets are in that text.
 */
export function latinSentenceBreaksAt(text: string, at: Int32Array, n: number): number[] | null {
  const cls = classify(text, at, n);
  return cls && breaksOf(cls, n);
}

/** The boundaries of a text of `n` code units from their classes. */
function breaksOf(cls: Int8Array, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = cls[i]!;
    if (t !== C.ATerm && t !== C.STerm) continue;
    // SATerm Close* Sp*: the break candidate is after them (SB9, SB10, SB11).
    let k = i + 1;
    while (k < n && cls[k] === C.Close) k++;
    while (k < n && cls[k] === C.Sp) k++;
    if (k >= n) break;
    const next = cls[k]!;
    // SB8a: SATerm Close* Sp* × (SContinue | SATerm) — a following terminator is handled from there.
    if (next === C.SContinue || next === C.ATerm || next === C.STerm) continue;
    if (t === C.ATerm) {
      // SB6: ATerm × Numeric. SB7: (Upper | Lower) ATerm × Upper.
      if (k === i + 1 && next === C.Numeric) continue;
      if (k === i + 1 && next === C.Upper && i > 0 && (cls[i - 1] === C.Upper || cls[i - 1] === C.Lower)) continue;
      // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower.
      let j = k;
      while (j < n) {
        const c = cls[j]!;
        if (c === C.Upper || c === C.Lower || c === C.ATerm || c === C.STerm) break;
        j++;
      }
      if (j < n && cls[j] === C.Lower) continue;
    }
    out.push(k);
    i = k - 1;
  }
  return out;
}
