/**
 * Words for support levels, one place for the legend, the panel and the claim list.
 */
import type { Support } from '../model/claim-types.ts';

export const SUPPORT_LABEL: Record<Support, string> = {
  direct: 'Cited',
  inherited: 'Covered by a later citation',
  none: 'No source',
};

export const SUPPORT_EXPLANATION: Record<Support, string> = {
  direct: 'A footnote marker follows this claim directly.',
  inherited: 'No marker follows this claim; a later citation in the same paragraph is taken to cover it.',
  none: 'Nothing in this paragraph after the claim cites a source.',
};
