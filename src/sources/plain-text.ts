/**
 * The plain-text adapter: today's importer (DESIGN §1), unchanged — plain-text works keep every byte and offset.
 */
import { importText } from '../model/import-text.ts';
import type { ImportedText } from '../model/imported-text.ts';
import type { SourceOptions } from './source-options.ts';

/** Imports a text in the plain-text shape. @throws ImportError as `importText` does. */
export function importPlainText(input: string | Uint8Array, options: SourceOptions = {}): ImportedText {
  return importText(input, options.language === undefined ? {} : { language: options.language });
}
