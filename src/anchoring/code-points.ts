/**
 * Offsets in Unicode code points ↔ offsets in UTF-16 code units, for one text.
 *
 * The W3C Web Annotation model measures a `TextPositionSelector` in code points ("not in terms of code units");
 * JavaScript strings, ProseMirror and the anchoring engine count UTF-16 code units. They differ only after a
 * character outside the Basic Multilingual Plane (an emoji, 𝔄, a CJK extension B ideograph), which is one code
 * point and two code units (a surrogate pair). So annotations as stored and exchanged carry code points, and the
 * engine converts where it reads a position selector (anchor.ts) and where it writes one (describe.ts).
 *
 * A text without surrogate pairs converts by identity (no table, no work). Otherwise the table is the sorted
 * UTF-16 offsets of the pairs, and a conversion is one binary search. A lone surrogate (not half of a pair) counts
 * as one code point and one code unit, as `String.prototype.codePointAt` and `Array.from` count it.
 *
 * Pure: strings and numbers. The table of the last text asked for is kept (anchoring many annotations on one text,
 * or writing many selectors, converts against the same text).
 */

const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

export class CodePointOffsets {
  private static last: CodePointOffsets | null = null;

  private constructor(
    /** the text the offsets measure */
    readonly text: string,
    /** UTF-16 offset of the first unit of every surrogate pair, ascending; empty when there is none */
    private readonly pairs: Int32Array,
  ) {}

  /** The offsets of `text` (the last text's are reused). */
  static of(text: string): CodePointOffsets {
    const last = CodePointOffsets.last;
    if (last !== null && last.text === text) {
      // Equal text, perhaps another string object: keep this one, so the next comparison is by reference (a
      // comparison of two equal but distinct strings reads them whole).
      return (CodePointOffsets.last = new CodePointOffsets(text, last.pairs));
    }
    const made = new CodePointOffsets(text, findPairs(text));
    CodePointOffsets.last = made;
    return made;
  }

  /** True when code points and code units agree everywhere in the text (no surrogate pair). */
  get identity(): boolean {
    return this.pairs.length === 0;
  }

  /** The text's length in code points. */
  get length(): number {
    return this.text.length - this.pairs.length;
  }

  /**
   * The UTF-16 offset of code-point offset `points`. Offsets past the end of the text (a stored position of a
   * longer text) keep their distance from the end, so `toPoints(toUnits(p)) === p` for every p ≥ 0.
   */
  toUnits(points: number): number {
    const pairs = this.pairs;
    if (pairs.length === 0) return points;
    // The k-th pair (0-based) begins at code point pairs[k] − k; count the pairs that begin before `points`.
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[mid]! - mid < points) lo = mid + 1;
      else hi = mid;
    }
    return points + lo;
  }

  /**
   * The code-point offset of UTF-16 offset `units`. An offset between the two halves of a pair counts as the
   * start of that character. Offsets past the end keep their distance from the end.
   */
  toPoints(units: number): number {
    const pairs = this.pairs;
    if (pairs.length === 0) return units;
    // Count the pairs whose first unit lies before `units` (a pair `units` splits counts: its start is kept).
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[mid]! < units) lo = mid + 1;
      else hi = mid;
    }
    return units - lo;
  }
}

function findPairs(text: string): Int32Array {
  PAIR.lastIndex = 0;
  if (!PAIR.test(text)) return new Int32Array(0);
  const found: number[] = [];
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(text); m !== null; m = PAIR.exec(text)) found.push(m.index);
  return Int32Array.from(found);
}
