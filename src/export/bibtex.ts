/**
 * BibTeX of the reference list, written by citation-js (@citation-js/core with @citation-js/plugin-bibtex) from
 * the CSL items of the CSL-JSON export (`cslItems`), in list order. Keys are citation-js's author-year-title keys
 * (`Altstadt1992Azerbaijani`; the entry's export id, e.g. `ref3`, when it has none of these); where two entries
 * would share a key, the later ones get `b`, `c`, … appended, so every key is unique (an entry citation-js cannot
 * make a key for gets its export id without punctuation, e.g. `ref4`). An entry the importer could
 * not parse keeps its text in `note`, as in CSL-JSON. URLs and DOIs, which citation-js writes verbatim, are
 * percent-encoded where they hold a character that could end the field (`bibtexSafeIdentifier`), so no text of a
 * reference can add a field of its own.
 *
 * Pure: `(input) => string`.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { CslItem } from '../model/reference-types.ts';
import { cslItems } from './csl.ts';
import type { ExportInput } from './export-input.ts';

/** The entry keys of a BibTeX text, in order. */
function keysOf(bibtex: string): string[] {
  return [...bibtex.matchAll(/^@[A-Za-z]+\{([^,\n]*),$/gm)].map((m) => m[1]!);
}

/** A letter suffix for the n-th repeat of a key (n ≥ 1): b, c, …, z, ba, bb, … */
function suffix(n: number): string {
  let out = '';
  let k = n;
  do {
    out = String.fromCharCode(97 + (k % 26)) + out;
    k = Math.floor(k / 26);
  } while (k > 0);
  return out;
}

const percentEscape = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * `value` safe in a BibTeX field that citation-js writes verbatim (`url`, `doi`): `{`, `}` and `\` (which could end
 * the field and open another) are percent-encoded, and so is a `%` that does not begin a percent-escape. In a URL
 * the first `#` (the fragment) is kept and any later one encoded; in a DOI every `#` is encoded.
 */
export function bibtexSafeIdentifier(value: string, kind: 'url' | 'doi'): string {
  let hashes = kind === 'url' ? 0 : 1;
  return value.replace(/[{}\\#]|%(?![0-9A-Fa-f]{2})/g, (c) => (c === '#' && hashes++ === 0 ? c : percentEscape(c)));
}

/** Writes the BibTeX of `input`'s reference list (see the module comment). Empty text when there is none. */
export function exportBibtex(input: ExportInput): string {
  const items: (CslItem & { 'citation-key'?: string })[] = cslItems(input).map((item) => {
    const safe = { ...item };
    if (safe.URL !== undefined) safe.URL = bibtexSafeIdentifier(safe.URL, 'url');
    if (safe.DOI !== undefined) safe.DOI = bibtexSafeIdentifier(safe.DOI, 'doi');
    return safe;
  });
  if (items.length === 0) return '';
  let bibtex = new Cite(items).format('bibtex', { format: 'text' });
  const keys = keysOf(bibtex);
  const seen = new Map<string, number>();
  const used = new Set(keys);
  let repeats = false;
  keys.forEach((key, i) => {
    // citation-js writes "undefined" into a key when the title has no word to take (e.g. "???").
    if (key === '' || key.includes('undefined')) {
      key = items[i]!.id.replace(/[^A-Za-z0-9]/g, '');
      items[i]!['citation-key'] = key;
      repeats = true;
    }
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    if (n === 0) return;
    let k = n;
    while (used.has(key + suffix(k))) k++;
    items[i]!['citation-key'] = key + suffix(k);
    used.add(key + suffix(k));
    repeats = true;
  });
  if (repeats) bibtex = new Cite(items).format('bibtex', { format: 'text' });
  return bibtex;
}
