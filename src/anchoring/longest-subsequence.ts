/**
 * Indexes (ascending) of one longest increasing subsequence of `values` — strictly increasing, or non-decreasing when
 * `strict` is false (equal values then extend a run). Patience sorting, O(n log n). Pure.
 */
export function longestSubsequence(values: ArrayLike<number>, strict: boolean): number[] {
  const tails: number[] = []; // tails[k]: index of the smallest last value of a run of length k + 1
  const previous = new Int32Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    // The first run that v cannot extend: its last value is ≥ v (strict) or > v (non-decreasing).
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const last = values[tails[mid]!]!;
      if (strict ? last < v : last <= v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) out.push(k);
  return out.reverse();
}
