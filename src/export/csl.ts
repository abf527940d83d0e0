/**
 * CSL-JSON export of the reference list: an array of CSL items valid against `csl-data.json` (CSL 1.0.2), one
 * per reference entry, in list order. Ids are the export's reference ids (`ref-N`, unique even when the text
 * repeats a label); the entry as written goes in `note` when the importer could not parse a title from it, so
 * nothing written in the entry is lost.
 *
 * Pure: `(input) => string` (pretty-printed JSON with a final newline).
 */
import type { CslItem } from '../model/reference-types.ts';
import type { ExportInput } from './export-input.ts';
import { referenceKeys } from './reference-keys.ts';

/** The CSL items of `input`'s reference list (see the module comment). */
export function cslItems(input: ExportInput): CslItem[] {
  const keys = referenceKeys(input.text.references);
  return input.text.references.map((ref, i) => {
    const item: CslItem = { ...ref.csl, id: keys.byIndex[i]! };
    if (!item.title && !item.note && ref.text) item.note = ref.text;
    return item;
  });
}

/** Writes the CSL-JSON of `input` (see the module comment). */
export function exportCsl(input: ExportInput): string {
  return `${JSON.stringify(cslItems(input), null, 2)}\n`;
}
