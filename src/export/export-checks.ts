/**
 * The checks of an export's claims (verification.ts), tied to the claims they lie on in canonical offsets: what
 * the reports and editions print about verification. Pure.
 */
import { claimCheckOf, isCheck, type ClaimCheck } from '../anchoring/verification.ts';
import { BLOCK_SEPARATOR } from '../anchoring/doc-text.ts';
import type { Claim } from '../model/claim-types.ts';
import type { ExportInput } from './export-input.ts';

/** Each claim with a check, in text order, with its checks oldest first. */
export function exportChecks(input: ExportInput): { claim: Claim; checks: ClaimCheck[] }[] {
  const starts: number[] = [];
  let offset = 0;
  for (const b of input.text.blocks) {
    starts.push(offset);
    offset += b.text.length + BLOCK_SEPARATOR.length;
  }
  const spans = input.text.claims.map((claim) => ({ claim, from: starts[claim.block]! + claim.start, to: starts[claim.block]! + claim.end }));
  const byClaim = new Map<Claim, ClaimCheck[]>();
  for (const a of input.annotations) {
    const anchor = input.anchors.get(a.id);
    if (!isCheck(a) || !anchor || anchor.status === 'orphan') continue;
    const span = spans.find((s) => s.from <= anchor.start && anchor.start < s.to) ?? spans.find((s) => s.from >= anchor.start && s.from < anchor.end);
    if (!span) continue;
    byClaim.set(span.claim, [...(byClaim.get(span.claim) ?? []), claimCheckOf(a)]);
  }
  return input.text.claims
    .filter((c) => byClaim.has(c))
    .map((claim) => ({ claim, checks: byClaim.get(claim)!.sort((x, y) => x.date.localeCompare(y.date)) }));
}
