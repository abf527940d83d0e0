/**
 * Words for motivations, verdicts, certainty and the CiTO relations of sources, one place for the form, the cards and the filters.
 */
import type { Certainty, CitoRelation, Motivation, Verdict } from '../anchoring/annotation-types.ts';

export const MOTIVATION_LABEL: Record<Motivation, string> = {
  commenting: 'Comment',
  questioning: 'Question',
  assessing: 'Assessment',
  linking: 'Link',
  tagging: 'Tags',
  replying: 'Reply',
  editing: 'Editorial',
  highlighting: 'Highlight',
  bookmarking: 'Bookmark',
  classifying: 'Classification',
  describing: 'Description',
  identifying: 'Identification',
  moderating: 'Moderation',
};

export const VERDICT_LABEL: Record<Verdict, string> = {
  supported: 'Supported',
  'supported-with-caveats': 'Supported with caveats',
  contested: 'Contested',
  'likely-erroneous': 'Likely erroneous',
  unsourced: 'Unsourced',
  'not-checked': 'Not checked',
};

export const CERTAINTY_LABEL: Record<Certainty, string> = { high: 'high certainty', medium: 'medium certainty', low: 'low certainty' };

/** Confidence tags of the research brief (one table, shared with the exports). */
export { EVIDENCE_LABEL } from '../anchoring/evidence-codes.ts';

/** Only http(s) URLs become links (the one rule, `src/model/http-url.ts`); re-exported for the panels that import it from here. */
export { safeHref } from '../model/http-url.ts';

/** The CiTO relations in words, as the form offers them and the card prints them. */
export const RELATION_LABEL: Readonly<Record<CitoRelation, string>> = {
  supports: 'supports',
  disputes: 'disputes',
  qualifies: 'qualifies',
  corrects: 'corrects',
  discusses: 'discusses',
  citesAsEvidence: 'cited as evidence',
  citesAsAuthority: 'cited as authority',
  citesForInformation: 'cited for information',
};

/** The relations the note form offers, the most used first. */
export const NOTE_RELATIONS: readonly CitoRelation[] = [
  'supports', 'disputes', 'qualifies', 'corrects', 'discusses', 'citesAsEvidence', 'citesAsAuthority', 'citesForInformation',
];
