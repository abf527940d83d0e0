/**
 * Types of a parsed reference-list entry: its identifiers and its CSL-JSON item.
 */

/** Identifiers found in a reference entry; every list is present (empty when none), values as written but normalised (ISBN without hyphens, DOI lower-cased prefix kept). */
export interface ReferenceIds {
  isbn: string[];
  oclc: string[];
  ol: string[];
  hdl: string[];
  doi: string[];
  url: string[];
}

/** A CSL-JSON name. */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

/** A CSL-JSON date (`date-parts` with one part). */
export interface CslDate {
  'date-parts': [[number, ...number[]]];
}

/**
 * A CSL-JSON item (the subset Apparatus fills). Valid against `csl-data.json` (CSL 1.0.2 data schema).
 * `id` is `ref-N`; `type` is `book`, `article-journal`, `chapter`, `webpage`, `article-newspaper` or `document`.
 */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  'container-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  publisher?: string;
  'publisher-place'?: string;
  issued?: CslDate;
  accessed?: CslDate;
  ISBN?: string;
  ISSN?: string;
  DOI?: string;
  URL?: string;
  note?: string;
}

/**
 * One entry of the reference list. `label` is the number written before the entry ("1" for `1. …`), or the
 * marker's label in formats that have others (`a`, `n 1`). Optional fields are absent for plain-text works:
 * `group` names an explanatory-note group (Wikipedia `group="n"`), kept apart from references; `parent` is the
 * label of the reference a sub-reference details; `anchor` is the source's own id (TEI `xml:id`, `cite_note-…`).
 */
export interface Reference {
  label: string;
  text: string;
  ids: ReferenceIds;
  csl: CslItem;
  group?: string;
  parent?: string;
  anchor?: string;
}
