/**
 * What the legend says: one entry for every mark the editor can put on the text. Each entry has a sample (words
 * drawn with the text's own classes, styled by src/styles/marks.ts) and the classes it explains; a test runs the
 * editor's mark and decoration code and holds every class it emits to these entries.
 */
import { MOTIVATIONS, VERDICTS } from '../anchoring/annotation-types.ts';
import { CHECK_SIGN, VERIFICATION_LABEL, VERIFICATION_STATUSES } from '../anchoring/verification.ts';
import { CURRENT_CLAIM_HIGHLIGHT, CURRENT_UNSOURCED_CLAIM_HIGHLIGHT } from '../editor/claim-highlight.ts';

export interface LegendEntry {
  /** which group of the legend the entry is listed in */
  group: 'Claims' | 'Notes' | 'Checks' | 'The source';
  /** the classes of the sample (the text's own) and its words */
  sample: { classes: string; text: string; current?: boolean };
  /** what the mark means */
  label: string;
  /** every class (or CSS highlight name) the editor emits that this entry explains */
  explains: readonly string[];
}

/** Verdicts drawn with a colour of their own; the others are drawn as any note. */
const ATTENTION_VERDICTS = ['contested', 'likely-erroneous'] as const;

export const LEGEND_ENTRIES: readonly LegendEntry[] = [
  { group: 'Claims', sample: { classes: 'ap-claim ap-claim--direct', text: 'A claim' }, label: 'Claim with a source (cited, or covered by a later citation): plain text',
    explains: ['ap-claim', 'ap-claim--direct', 'ap-claim--inherited'] },
  { group: 'Claims', sample: { classes: 'ap-claim ap-claim--direct', text: 'A claim', current: true }, label: 'The claim at the caret (shown in the provenance panel)',
    explains: [CURRENT_CLAIM_HIGHLIGHT, CURRENT_UNSOURCED_CLAIM_HIGHLIGHT] },
  { group: 'Claims', sample: { classes: 'ap-claim ap-claim--none', text: 'A claim' }, label: 'No source cited', explains: ['ap-claim--none'] },
  { group: 'Notes', sample: { classes: 'ap-note ap-note--commenting', text: 'noted words' }, label: 'A note (comment, question, assessment, check …)',
    explains: ['ap-note', ...MOTIVATIONS.map((m) => `ap-note--${m}`), ...VERDICTS.filter((v) => !(ATTENTION_VERDICTS as readonly string[]).includes(v)).map((v) => `ap-note--verdict-${v}`)] },
  { group: 'Notes', sample: { classes: 'ap-note ap-note--assessing ap-note--verdict-contested', text: 'noted words' }, label: 'A note contests the claim', explains: ['ap-note--verdict-contested'] },
  { group: 'Notes', sample: { classes: 'ap-note ap-note--assessing ap-note--verdict-likely-erroneous', text: 'noted words' }, label: 'A note finds the claim likely wrong',
    explains: ['ap-note--verdict-likely-erroneous'] },
  { group: 'Notes', sample: { classes: 'ap-note ap-note--commenting ap-note--fuzzy', text: 'noted words' }, label: 'A note placed by a near match of its quote', explains: ['ap-note--fuzzy'] },
  { group: 'Notes', sample: { classes: 'ap-note ap-note--more', text: 'many notes' }, label: 'More notes overlap here than are drawn (see the Notes tab)', explains: ['ap-note--more'] },
  ...VERIFICATION_STATUSES.map((s): LegendEntry => ({
    group: 'Checks', sample: { classes: `ap-check-sign ap-check-sign--${s}`, text: CHECK_SIGN[s] }, label: `Checked: ${VERIFICATION_LABEL[s]}`, explains: ['ap-check-sign', `ap-check-sign--${s}`],
  })),
  { group: 'The source', sample: { classes: 'ap-marker', text: '[1]' }, label: 'Footnote marker: click or press Enter for the reference', explains: ['ap-marker'] },
  { group: 'The source', sample: { classes: 'ap-reference is-focused', text: '1. A reference' }, label: 'The reference of the marker chosen', explains: ['ap-reference', 'is-focused'] },
  { group: 'The source', sample: { classes: 'ap-flag', text: 'flagged words' }, label: 'The source flags this claim (e.g. citation needed)', explains: ['ap-flag'] },
  { group: 'The source', sample: { classes: 'ap-link ap-link--wiki', text: 'linked words' }, label: 'A link of the source (listed in the provenance panel)', explains: ['ap-link', 'ap-link--wiki', 'ap-link--external'] },
];

/** Every class the legend explains. */
export function explainedClasses(entries: readonly LegendEntry[] = LEGEND_ENTRIES): Set<string> {
  return new Set(entries.flatMap((e) => e.explains));
}
