/**
 * PLACEHOLDER until its adapter lands (issue 9): the markdown source adapter. Refuses every input with a clear error.
 */
import { ImportError } from '../model/import-error.ts';
import type { ImportedText } from '../model/imported-text.ts';
import type { SourceOptions } from './source-options.ts';

/** Imports a markdown source. */
export function importMarkdown(_input: string | Uint8Array, _options: SourceOptions = {}): ImportedText {
  throw new ImportError('unsupported', 'This format (markdown) cannot be read yet', 1, 1);
}
