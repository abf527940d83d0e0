import { describe, expect, test } from 'vitest';
import { backoffDelay, BACKOFF_BASE_MS, BACKOFF_CAP_MS } from '../../../src/sync/backoff.ts';

describe('backoff', () => {
  test('doubles per attempt, drawn in [half, whole] of the ceiling', () => {
    expect(backoffDelay(0, 0)).toBe(BACKOFF_BASE_MS / 2);
    expect(backoffDelay(0, 0.999999)).toBe(BACKOFF_BASE_MS);
    expect(backoffDelay(3, 0)).toBe((BACKOFF_BASE_MS * 8) / 2);
    for (let attempt = 0; attempt < 8; attempt++) {
      const d = backoffDelay(attempt, 0.5);
      expect(d).toBeGreaterThanOrEqual(Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt) / 2);
      expect(d).toBeLessThanOrEqual(Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
    }
  });

  test('never waits longer than the cap, even after very many attempts', () => {
    expect(backoffDelay(10_000, 0.999)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    expect(backoffDelay(10_000, 0)).toBe(BACKOFF_CAP_MS / 2);
  });

  test('jitter spreads clients that failed together', () => {
    expect(new Set([0, 0.25, 0.5, 0.75].map((r) => backoffDelay(4, r))).size).toBe(4);
  });

  test('bad input is an error naming the parameter', () => {
    expect(() => backoffDelay(-1, 0)).toThrow(/attempt/);
    expect(() => backoffDelay(1.5, 0)).toThrow(/attempt/);
    expect(() => backoffDelay(1, 1)).toThrow(/random/);
    expect(() => backoffDelay(1, Number.NaN)).toThrow(/random/);
  });
});
