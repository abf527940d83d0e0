/**
 * Types of "what changed in the evidence" between two revisions of a work (issue 10 §4): the report computed by
 * evidence-diff.ts and printed by the Markdown, HTML and JSON renderers, the CLI's `apparatus diff` and the
 * reader's `<ap-evidence-diff>`. Plain data (JSON as it stands).
 */
import type { Coverage } from '../model/coverage.ts';

/**
 * A span of one revision's canonical text (anchoring/doc-text.ts): `from`/`to` are UTF-16 offsets, `block` the
 * body block it lies in (null for a reference entry). A UI jumps to a change by mapping `from`/`to` to its document.
 */
export interface Place {
  from: number;
  to: number;
  block: number | null;
}

/** A claim of one revision as a change names it: its id, text (markers included), place and section. */
export interface ClaimSide {
  id: string;
  text: string;
  place: Place;
  /** The heading text of the section it is in; null in the lead (before the first heading). */
  section: string | null;
}

/** A reference entry of one revision: label, text, place of its entry in the canonical text. */
export interface ReferenceSide {
  label: string;
  text: string;
  place: Place;
}

/** One structured field of a reference entry that differs: `before`/`after` null when absent on that side. */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/**
 * One change. `old`/`new` are the claim on each side (absent where the claim does not exist on that side).
 * - `claim-added` / `claim-removed`: a claim with no counterpart (new only / old only);
 * - `claim-reworded`: the same claim with other words (`similarity` in [0.5, 1), 1 − edit distance ÷ length);
 * - `claim-moved`: the same words standing elsewhere, out of the order of the claims around them;
 * - `citation-lost` / `citation-gained`: a claim (same or reworded) no longer cites / now cites `reference`;
 * - `signal-added` / `signal-removed`: a claim-level signal such as `[citation needed]` (`signal` is its kind);
 * - `reference-changed`: an entry found on both sides whose structured fields differ (`fields`); `citations` are
 *   the places of the markers citing it in the new revision;
 * - `reference-added` / `reference-removed`: an entry with no counterpart.
 * What exists only in the old text has `near`: the place in the new text of the claim (or entry) it followed, where
 * it would have stood (null when it came first).
 */
export type EvidenceChange =
  | { kind: 'claim-added'; new: ClaimSide }
  | { kind: 'claim-removed'; old: ClaimSide; near: Place | null }
  | { kind: 'claim-reworded'; old: ClaimSide; new: ClaimSide; similarity: number }
  | { kind: 'claim-moved'; old: ClaimSide; new: ClaimSide }
  | { kind: 'citation-lost'; old: ClaimSide; new: ClaimSide; reference: ReferenceSide }
  | { kind: 'citation-gained'; old: ClaimSide; new: ClaimSide; reference: ReferenceSide }
  | { kind: 'signal-added'; old?: ClaimSide; new: ClaimSide; signal: string }
  | { kind: 'signal-removed'; old: ClaimSide; new?: ClaimSide; near?: Place | null; signal: string }
  | { kind: 'reference-changed'; oldReference: ReferenceSide; newReference: ReferenceSide; fields: FieldChange[]; citations: Place[] }
  | { kind: 'reference-added'; newReference: ReferenceSide }
  | { kind: 'reference-removed'; oldReference: ReferenceSide; near: Place | null };

/** The kinds of change, in the order reports list them. */
export const CHANGE_KINDS = [
  'claim-added',
  'claim-removed',
  'claim-reworded',
  'claim-moved',
  'citation-lost',
  'citation-gained',
  'signal-added',
  'signal-removed',
  'reference-changed',
  'reference-added',
  'reference-removed',
] as const satisfies readonly EvidenceChange['kind'][];

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One section's coverage (model/coverage.ts) in each revision; null where the section does not exist. */
export interface SectionCoverage {
  /** Heading text; null for the lead. */
  title: string | null;
  before: Coverage | null;
  after: Coverage | null;
  /** Where its heading (or, for the lead, its first block) stands in each revision. */
  oldPlace: Place | null;
  newPlace: Place | null;
}

/** A note sitting on a change (evidence-notes.ts): its id, a short text, and the changes (indexes) it touches. */
export interface NoteOnChange {
  id: string;
  label: string;
  changes: number[];
}

/** The whole report. `changes` are in the order of the new text (old-only changes where they stood). */
export interface EvidenceReport {
  /** Names of the two revisions as the caller gave them (file names, revision ids). */
  oldName: string;
  newName: string;
  changes: EvidenceChange[];
  /** Number of changes of each kind (every kind present, 0 when none). */
  counts: Record<ChangeKind, number>;
  /** Claims matched with the same words in both revisions (moved ones included). */
  unchangedClaims: number;
  claimsBefore: number;
  claimsAfter: number;
  coverageBefore: Coverage;
  coverageAfter: Coverage;
  sections: SectionCoverage[];
  /** Present when notes were given: the notes that sit on changed claims. */
  notes?: NoteOnChange[];
}
