/**
 * PLACEHOLDER until its adapter lands (issue 9): the tei source adapter. Refuses every input with a clear error.
 */
import { ImportError } from '../model/import-error.ts';
import type { ImportedText } from '../model/imported-text.ts';
import type { SourceOptions } from './source-options.ts';

/** Imports a tei source. */
export function importTei(_input: string | Uint8Array, _options: SourceOptions = {}): ImportedText {
  throw new ImportError('unsupported', 'This format (tei) cannot be read yet', 1, 1);
}
