/**
 * Words for the outcomes of a check (verification.ts), as the panels and the claim list show them.
 */
import type { VerificationStatus } from '../anchoring/verification.ts';

export const CHECK_LABEL: Record<VerificationStatus, string> = {
  verified: 'Verified',
  'partly-supported': 'Partly supported',
  'not-supported': 'Not supported by the source',
  'source-inaccessible': 'Source not accessible',
  'page-needed': 'Page needed',
  'needs-source': 'Needs a source',
};

/** A one-character sign for each outcome, shown beside it (never alone: the label is always there too). */
export const CHECK_SIGN: Record<VerificationStatus, string> = {
  verified: '✓',
  'partly-supported': '◐',
  'not-supported': '✗',
  'source-inaccessible': '⊘',
  'page-needed': '¶',
  'needs-source': '?',
};
