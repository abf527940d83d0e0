/**
 * The one error the importer throws: the input is not a text it can read. `line` and `column` are 1-based and
 * say where (column counts UTF-16 code units for text, bytes for undecodable input); `code` says what.
 */
export type ImportErrorCode =
  | 'empty'
  | 'binary'
  | 'encoding'
  | 'too-large'
  | 'no-body'
  | 'not-text'
  /** Well-formed, but not an article (a search page, a redirect, a talk page…). */
  | 'not-article'
  /** Not well-formed in its own format (XML that does not parse, …). */
  | 'malformed'
  /** A format Apparatus recognises but whose variant it does not read (TEI in another namespace, …). */
  | 'unsupported';

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
  }
}

/** Largest input the importer accepts, in bytes (UTF-8) or UTF-16 code units for strings: 10 MiB. */
export const MAX_TEXT_BYTES = 10 * 1024 * 1024;
