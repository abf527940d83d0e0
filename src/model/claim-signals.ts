/**
 * Which claim carries each claim-level signal of the source (Wikipedia's inline `[citation needed]`): the claim
 * ending where the tag stood, else the one containing that place, else the nearest claim before it in the same
 * block. A signal in a block without claims (a heading) has no claim: it stays in the import's `signals` and is
 * listed with the import report, never dropped. Pure.
 */
import type { Claim } from './claim-types.ts';
import type { Signal } from './imported-text.ts';

/** The signals of each claim (by claim index in `claims`), in the order of `signals`; and those with no claim. */
export interface ClaimSignals {
  byClaim: Map<number, Signal[]>;
  unplaced: Signal[];
}

/** Ties each of `signals` to a claim of `claims` (the importer's claims, in block order). */
export function claimSignals(claims: readonly Claim[], signals: readonly Signal[]): ClaimSignals {
  const byClaim = new Map<number, Signal[]>();
  const unplaced: Signal[] = [];
  if (signals.length === 0) return { byClaim, unplaced };
  const byBlock = new Map<number, number[]>();
  claims.forEach((c, i) => {
    const list = byBlock.get(c.block);
    if (list) list.push(i);
    else byBlock.set(c.block, [i]);
  });
  for (const s of signals) {
    const inBlock = byBlock.get(s.block) ?? [];
    const pick =
      inBlock.find((i) => claims[i]!.end === s.offset) ??
      inBlock.find((i) => claims[i]!.start <= s.offset && s.offset < claims[i]!.end) ??
      [...inBlock].reverse().find((i) => claims[i]!.end <= s.offset);
    if (pick === undefined) unplaced.push(s);
    else {
      const list = byClaim.get(pick);
      if (list) list.push(s);
      else byClaim.set(pick, [s]);
    }
  }
  return { byClaim, unplaced };
}
