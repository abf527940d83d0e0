/**
 * How much of a text is backed by sources: the claim counts per support level.
 */
import type { Claim } from './claim-types.ts';

export interface Coverage {
  total: number;
  direct: number;
  inherited: number;
  none: number;
}

/** Counts `claims` by support. */
export function coverageOf(claims: readonly Claim[]): Coverage {
  const c: Coverage = { total: claims.length, direct: 0, inherited: 0, none: 0 };
  for (const claim of claims) c[claim.support]++;
  return c;
}
