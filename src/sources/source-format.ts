/**
 * The formats Apparatus reads (DESIGN §6): one pure adapter each in `src/sources/`, all yielding `ImportedText`.
 */

/** A source format. `text` is today's plain-text shape (DESIGN §1). */
export type SourceFormat = 'text' | 'wikipedia-parsoid' | 'wikipedia-page' | 'markdown' | 'tei';

/** Every format, in the order `--format` lists them. */
export const SOURCE_FORMATS: readonly SourceFormat[] = ['text', 'wikipedia-parsoid', 'wikipedia-page', 'markdown', 'tei'];

/** True when `value` names a format. */
export function isSourceFormat(value: string): value is SourceFormat {
  return (SOURCE_FORMATS as readonly string[]).includes(value);
}
