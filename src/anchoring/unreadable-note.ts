/**
 * Something stored or loaded that could not be read as an annotation: a rejected item of a notes file, a record
 * of the browser's storage, a row of an import. It is kept and listed, never dropped.
 *
 * Pure: a plain data type.
 */

/** A record that could not be read as an annotation, with where it came from and why. */
export interface UnreadableNote {
  /** where it came from ("annotations/kavbiuro.jsonld", "this browser’s storage", an imported file's name) */
  origin: string;
  /** its id when it had one, else a description of its place */
  key: string;
  /** why it could not be read, in words a user can act on */
  reason: string;
  /** the record as it was read (null when nothing could be kept) */
  raw: unknown;
}
