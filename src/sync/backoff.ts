/**
 * When the outbox tries again after a failed delivery: exponential backoff with jitter (pure; the randomness is a
 * parameter). Attempt 0 waits about `base`, each further attempt twice as long, never more than `cap`; the wait is
 * drawn in [half, whole] of that so that many clients that failed together do not all come back together.
 */

/** Default first wait and ceiling, in ms. */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 30_000;

/**
 * The wait in ms before attempt `attempt + 1` (`attempt` ≥ 0 failed attempts so far), given `random` in [0, 1).
 * @throws RangeError when `attempt` is negative or not an integer, or `random` is outside [0, 1).
 */
export function backoffDelay(attempt: number, random: number, base = BACKOFF_BASE_MS, cap = BACKOFF_CAP_MS): number {
  if (!Number.isInteger(attempt) || attempt < 0) throw new RangeError(`backoffDelay: attempt must be a whole number ≥ 0, got ${attempt}`);
  if (!(random >= 0 && random < 1)) throw new RangeError(`backoffDelay: random must be in [0, 1), got ${random}`);
  // 2^attempt overflows to Infinity for large attempts; min() keeps the cap.
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 60));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
