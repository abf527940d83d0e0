/**
 * Words for the outcomes of a check (verification.ts), as the panels and the claim list show them.
 */
import type { VerificationStatus } from '../anchoring/verification.ts';

export { VERIFICATION_LABEL as CHECK_LABEL } from '../anchoring/verification.ts';

/** A one-character sign for each outcome, shown beside it (never alone: the label is always there too). */
export const CHECK_SIGN: Record<VerificationStatus, string> = {
  verified: '✓',
  'partly-supported': '◐',
  'not-supported': '✗',
  'source-inaccessible': '⊘',
  'page-needed': '¶',
  'needs-source': '?',
};
