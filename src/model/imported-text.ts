/**
 * The result of importing a source text: the contract printed by `apparatus import --json` (DESIGN §1).
 */
import type { Claim } from './claim-types.ts';
import type { Reference } from './reference-types.ts';

/**
 * A body block. `text` is trimmed, soft wraps joined by one space, markers kept literally (`[1]`).
 * Blocks of every kind are joined by `\n\n` in the canonical text (DESIGN §6), so plain-text works — which have
 * only paragraphs and block quotations — keep every offset.
 * - `heading`: a section heading (`level` 2–6; 1 is the work's title and never a block). It starts a section;
 *   it has no markers and no claims, so no claim crosses it.
 * - `list_item`: one item of a list the source has (`level` is its nesting depth from 1, `ordered` true for a
 *   numbered list). It holds claims like a paragraph.
 * `anchor` keeps the source's own id of the block (TEI `xml:id`, an HTML section id) where it has one.
 * Fields other than `type` and `text` are absent for plain-text works.
 */
export interface Block {
  type: 'paragraph' | 'blockquote' | 'heading' | 'list_item';
  text: string;
  level?: number;
  ordered?: boolean;
  anchor?: string;
}

/**
 * One footnote marker in the body: `offset` is where its `[` stands in block `block`'s text; the marker's text
 * is `[label]`. Plain text knows only `[N]`; other formats may have labels such as `a` or `n 1` (Wikipedia's
 * explanatory-note groups), which is why the marker list, not a scan of the text, says where markers are.
 */
export interface Citation {
  label: string;
  block: number;
  offset: number;
}

/**
 * A link in the source, as a span of a block's text (`start`/`end` UTF-16 offsets, never covering a marker).
 * `kind` is `wiki` for a link to another article of the same wiki (a person, place, organisation…), `external`
 * otherwise. `title` is the linked article's title where the source gives it. Links are marks, never characters
 * of the canonical text.
 */
export interface Link {
  block: number;
  start: number;
  end: number;
  href: string;
  kind: 'wiki' | 'external';
  title?: string;
}

/**
 * A signal the source itself attaches to a claim, such as Wikipedia's inline `[citation needed]`: not kept as
 * text; `offset` is the position in block `block` where the tag stood (the claim ending there, or containing it,
 * carries the signal). `kind` is the template's meaning; `text` is the tag as the source showed it.
 */
export interface Signal {
  kind: 'citation-needed' | 'dubious' | 'failed-verification' | 'better-source-needed' | 'clarification-needed' | 'other';
  block: number;
  offset: number;
  text: string;
}

/**
 * What an import left out, counted and shown, never silent: `omitted` maps a kind (`table`, `infobox`,
 * `navbox`, `hatnote`, `figure`, `maintenance`, `edit-link`, `script`, …) to how many were left out; `notes`
 * are sentences for anything else the reader should know ("3 explanatory notes kept apart from references").
 */
export interface ImportReport {
  format: string;
  omitted: Record<string, number>;
  notes: string[];
}

/**
 * What the source says about itself (absent fields unknown): used to derive `work.json` when there is none.
 * `source` is a permanent URL where the format gives one (Wikipedia: the `?oldid=` link); `revision` the source's
 * revision id; `date` ISO 8601.
 */
export interface SourceMeta {
  title?: string;
  language?: string;
  source?: string;
  revision?: string;
  date?: string;
  licence?: { name: string; url: string };
  attribution?: string;
}

/**
 * Something wrong with the input that did not stop the import. Nothing is dropped because of it.
 * - `missing-reference`: a marker whose label has no entry (`block`, `offset` say where);
 * - `uncited-reference`: an entry no marker cites;
 * - `duplicate-reference`: a second entry with a label already used (`line` says where; it is kept, unlinked);
 * - `reference-order`: an entry whose number is not one more than the one before it (kept as written).
 */
export type Problem =
  | { kind: 'missing-reference'; label: string; block: number; offset: number; message: string }
  | { kind: 'uncited-reference'; label: string; message: string }
  | { kind: 'duplicate-reference'; label: string; line: number; message: string }
  | { kind: 'reference-order'; label: string; line: number; message: string };

/** Everything the importer read from a text. */
export interface ImportedText {
  blocks: Block[];
  references: Reference[];
  /** The heading line before the reference list (`References`, `Notes`, …), or null when there was none. */
  referencesHeading: string | null;
  citations: Citation[];
  claims: Claim[];
  problems: Problem[];
  /** Links of the source (formats other than plain text). */
  links?: Link[];
  /** Claim-level signals of the source (formats other than plain text). */
  signals?: Signal[];
  /** What was left out, and other things to tell the reader (formats other than plain text). */
  report?: ImportReport;
  /** What the source says about itself (formats other than plain text). */
  meta?: SourceMeta;
}
