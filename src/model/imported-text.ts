/**
 * The result of importing a source text: the contract printed by `apparatus import --json` (DESIGN §1).
 */
import type { Claim } from './claim-types.ts';
import type { Reference } from './reference-types.ts';

/** A body block. `text` is trimmed, soft wraps joined by one space, markers kept literally (`[1]`). */
export interface Block {
  type: 'paragraph' | 'blockquote';
  text: string;
}

/** One footnote marker in the body: `offset` is where its `[` stands in block `block`'s text. */
export interface Citation {
  label: string;
  block: number;
  offset: number;
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
}
