/**
 * The evidence codes a note's `evidence` carries: the confidence tags of the research brief behind the curated
 * notes. Every place that prints a code explains it (panels and exports), so a reader never meets a bare "V-p".
 */

/** What each code means, in a few words. */
export const EVIDENCE_LABEL: Readonly<Record<string, string>> = {
  V: 'verified',
  'V-p': 'verified through a partisan source',
  T: 'tertiary source only',
  G: 'general knowledge, unchecked',
  N: 'not checked',
};

/** `codes` printed with their meanings: "V (verified), T (tertiary source only)"; unknown codes stay bare. */
export function explainedEvidence(codes: readonly string[]): string {
  return codes.map((c) => (EVIDENCE_LABEL[c] ? `${c} (${EVIDENCE_LABEL[c]})` : c)).join(', ');
}
