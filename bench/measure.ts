/**
 * Timing: one warm-up, then the median of several runs, each timed with `performance.now()`.
 */

/** Median of a non-empty list (mean of the middle two for an even count). @throws Error on an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The `q`-quantile (0..1) of a non-empty list, nearest-rank. @throws Error on an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('quantile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** A timed task's result: the median in milliseconds, every run, and the last run's value. */
export interface Timed<T> {
  ms: number;
  runs: number[];
  value: T;
}

/**
 * Runs `task` once to warm up, then `runs` times; returns the median time and the last value.
 * With `runs` 0, or when the warm-up alone took longer than `slowMs` (a task so slow that repeating it would only
 * stall the benchmark), the warm-up is the only (cold) run and its time is returned.
 */
export function timeMedian<T>(task: () => T, runs: number, slowMs = Infinity): Timed<T> {
  const w0 = performance.now();
  let value = task();
  const warmUp = performance.now() - w0;
  if (runs < 1 || warmUp > slowMs) return { ms: warmUp, runs: [warmUp], value };
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = task();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), runs: times, value };
}

/** Rounds to `digits` decimals (for printing). */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
