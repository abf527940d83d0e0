/**
 * Words and signs for the outcomes of a check (verification.ts), as the panels show them.
 */
export { VERIFICATION_LABEL as CHECK_LABEL, CHECK_SIGN } from '../anchoring/verification.ts';
