/**
 * Test support: where the `n`-th (0-based) occurrence of `needle` starts in `text`.
 * @throws Error when there are fewer occurrences (a case table that no longer matches its text).
 */
export function nth(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`occurrence ${n} of ${JSON.stringify(needle)} not found`);
  }
  return at;
}
