/**
 * The annotation model: W3C Web Annotations (JSON-LD) with Apparatus's scholarly fields (DESIGN §1).
 *
 * Every annotation Apparatus writes:
 * - has `@context` (on the collection, or on the annotation when it stands alone) with the W3C context first and
 *   the Apparatus context (`APPARATUS_CONTEXT`) second;
 * - has an `id` that is an IRI (`urn:uuid:…` for notes made in the reader, `urn:apparatus:<work>:<slug>` for
 *   curated notes), `type: "Annotation"`, a W3C `motivation`, `created` (ISO 8601), and a `creator`;
 * - targets the work (`source` = the work's IRI) with BOTH a `TextQuoteSelector` (exact + 32-character
 *   prefix/suffix) and a `TextPositionSelector` (canonical offsets), or — for a reply — the IRI of the annotation
 *   it replies to (motivation `replying`);
 * - carries its note as a `TextualBody` (`format` text/plain or text/markdown), tags as `TextualBody` with
 *   `purpose: "tagging"`, and links to sources as `SpecificResource` bodies (`purpose: "linking"`,
 *   `relation` a CiTO term, `source` the reference's or the external work's IRI).
 * Scholarly fields (`verdict`, `certainty`, `evidence`, `positions`, `correctedDate`) are Apparatus's own, defined by
 * the context.
 */

/** Namespace of Apparatus's own JSON-LD terms. `.invalid` (RFC 6761) so that it can never name anything else. */
export const APPARATUS_NS = 'https://apparatus.invalid/ns#';
/** The W3C Web Annotation context IRI. */
export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** CiTO, the Citation Typing Ontology: the relations of source links. */
export const CITO_NS = 'http://purl.org/spar/cito/';

/** Apparatus's JSON-LD context: maps the scholarly fields to IRIs. */
export const APPARATUS_CONTEXT = {
  apparatus: APPARATUS_NS,
  cito: CITO_NS,
  verdict: { '@id': 'apparatus:verdict', '@type': '@vocab' },
  certainty: { '@id': 'apparatus:certainty', '@type': '@vocab' },
  evidence: { '@id': 'apparatus:evidence' },
  positions: { '@id': 'apparatus:positions', '@container': '@list' },
  holder: { '@id': 'apparatus:holder' },
  view: { '@id': 'apparatus:view' },
  citation: { '@id': 'apparatus:citation' },
  correctedDate: { '@id': 'apparatus:correctedDate' },
  verification: { '@id': 'apparatus:verification' },
  status: { '@id': 'apparatus:status', '@type': '@vocab' },
  locator: { '@id': 'apparatus:locator' },
  passage: { '@id': 'apparatus:passage' },
  perspective: { '@id': 'apparatus:perspective' },
  keptOnRevision: { '@id': 'apparatus:keptOnRevision' },
  relation: { '@id': 'apparatus:relation', '@type': '@vocab' },
  supports: 'cito:supports',
  disputes: 'cito:disputes',
  citesAsEvidence: 'cito:citesAsEvidence',
  citesAsAuthority: 'cito:citesAsAuthority',
  qualifies: 'cito:qualifies',
  corrects: 'cito:corrects',
  discusses: 'cito:discusses',
  citesForInformation: 'cito:citesForInformation',
  isCitedBy: 'cito:isCitedBy',
} as const;

/** The `@context` value Apparatus writes. */
export const ANNOTATION_CONTEXT = [W3C_CONTEXT, APPARATUS_CONTEXT] as const;

/**
 * The W3C motivations (Web Annotation Data Model §3.3.5): all thirteen are read, so that others' files load.
 * Apparatus itself writes the ones in `NOTE_MOTIVATIONS` (and `replying`, `linking` for replies and claim links).
 */
export type Motivation =
  | 'commenting'
  | 'questioning'
  | 'assessing'
  | 'linking'
  | 'tagging'
  | 'replying'
  | 'editing'
  | 'highlighting'
  | 'bookmarking'
  | 'classifying'
  | 'describing'
  | 'identifying'
  | 'moderating';
export const MOTIVATIONS: readonly Motivation[] = [
  'commenting', 'questioning', 'assessing', 'linking', 'tagging', 'replying', 'editing',
  'highlighting', 'bookmarking', 'classifying', 'describing', 'identifying', 'moderating',
];
/** What a scholar chooses from when writing a note (replies have their own form). */
export const NOTE_MOTIVATIONS: readonly Motivation[] = ['commenting', 'questioning', 'assessing', 'linking', 'tagging', 'editing'];

/** A scholar's verdict on a claim. */
export type Verdict = 'supported' | 'supported-with-caveats' | 'contested' | 'likely-erroneous' | 'unsourced' | 'not-checked';
export const VERDICTS: readonly Verdict[] = ['supported', 'supported-with-caveats', 'contested', 'likely-erroneous', 'unsourced', 'not-checked'];

/** How sure the note is (TEI `@cert`). */
export type Certainty = 'high' | 'medium' | 'low';
export const CERTAINTIES: readonly Certainty[] = ['high', 'medium', 'low'];

/** CiTO relations a source link may carry. */
export type CitoRelation =
  | 'supports'
  | 'disputes'
  | 'citesAsEvidence'
  | 'citesAsAuthority'
  | 'qualifies'
  | 'corrects'
  | 'discusses'
  | 'citesForInformation';
export const CITO_RELATIONS: readonly CitoRelation[] = [
  'supports', 'disputes', 'citesAsEvidence', 'citesAsAuthority', 'qualifies', 'corrects', 'discusses', 'citesForInformation',
];

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Canonical-text offsets (UTF-16 code units), `start` ≤ `end`. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/** A target on the work's text. Apparatus always writes both selectors. */
export interface TextTarget {
  source: string;
  selector: Selector[];
  /** The revision of the work the note was made or last confirmed on (a W3C State; revision-state.ts). */
  state?: unknown;
}

/** A person or program. */
export interface Agent {
  id?: string;
  type: 'Person' | 'Organization' | 'Software';
  name: string;
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  format?: 'text/plain' | 'text/markdown';
  language?: string;
  purpose?: Motivation;
}

/** A link to a source: the work's reference (`<work iri>#ref-N`) or an external work's URL. */
export interface SourceLink {
  type: 'SpecificResource';
  source: string;
  purpose: 'linking';
  relation: CitoRelation;
  /** How the source is cited, for people (`Hasanli 2011, part 4`). */
  citation?: string;
  /** Where in the source (page, section, folio, archival reference such as fond/opis/delo); Apparatus's `locator`. */
  locator?: string;
}

export type Body = TextualBody | SourceLink;

/** One side in a dispute: who holds which view, with where they say it. */
export interface Position {
  holder: string;
  view: string;
  citation: string;
  url?: string;
  /** The holder's standpoint as the brief describes it (e.g. "Azerbaijani historian", "Armenian-side accounts"). */
  perspective?: string;
}

/**
 * An annotation. `target` is one text target, or for replies the IRI of the parent annotation.
 * `evidence` is the research brief's confidence tag(s) for the evidence behind the note (`V`, `V-p`, `T`, `G`, `N`).
 */
export interface Annotation {
  '@context'?: unknown;
  id: string;
  type: 'Annotation';
  motivation: Motivation;
  created: string;
  modified?: string;
  creator?: Agent;
  body?: Body[];
  target: TextTarget | string;
  verdict?: Verdict;
  certainty?: Certainty;
  evidence?: string[];
  positions?: Position[];
  /**
   * The date the note gives in place of the date its words state, ISO 8601: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or an
   * interval `start/end` of those (`1921-07-04/1921-07-05`). Shown on the timeline beside the text's date, with the
   * note's certainty.
   */
  correctedDate?: string;
  /** A check of the claim against its source (verification.ts): status, locator and the source's passage. */
  verification?: import('./verification.ts').Verification;
}

/** An `AnnotationCollection` holding its items inline in one page (`first.items`). */
export interface AnnotationCollection {
  '@context': unknown;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: number; items: Annotation[] };
  creator?: Agent;
  created?: string;
  modified?: string;
}
