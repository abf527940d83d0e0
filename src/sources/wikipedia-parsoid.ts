/**
 * PLACEHOLDER until its adapter lands (issue 9): the wikipedia-parsoid source adapter. Refuses every input with a clear error.
 */
import { ImportError } from '../model/import-error.ts';
import type { ImportedText } from '../model/imported-text.ts';
import type { SourceOptions } from './source-options.ts';

/** Imports a wikipedia-parsoid source. */
export function importWikipediaParsoid(_input: string | Uint8Array, _options: SourceOptions = {}): ImportedText {
  throw new ImportError('unsupported', 'This format (wikipedia-parsoid) cannot be read yet', 1, 1);
}
