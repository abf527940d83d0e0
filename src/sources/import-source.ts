/**
 * The entrance of every import: detect the format (or take the one given), run its pure adapter.
 * Pure: no DOM globals; runs in the load worker, on the page and in Node alike.
 */
import type { ImportedText } from '../model/imported-text.ts';
import { detectFormat } from './detect-format.ts';
import { importMarkdown } from './markdown.ts';
import { importPlainText } from './plain-text.ts';
import type { SourceFormat } from './source-format.ts';
import type { SourceOptions } from './source-options.ts';
import { importTei } from './tei.ts';
import { importWikipediaPage } from './wikipedia-page.ts';
import { importWikipediaParsoid } from './wikipedia-parsoid.ts';

const ADAPTERS: Record<SourceFormat, (input: string | Uint8Array, options: SourceOptions) => ImportedText> = {
  text: importPlainText,
  'wikipedia-parsoid': importWikipediaParsoid,
  'wikipedia-page': importWikipediaPage,
  markdown: importMarkdown,
  tei: importTei,
};

/** Options of `importSource`: the adapters' options, and `format` to override detection (`--format`). */
export interface ImportSourceOptions extends SourceOptions {
  format?: SourceFormat;
}

/** The imported source and the format it was read as. */
export interface ImportedSource {
  format: SourceFormat;
  imported: ImportedText;
}

/**
 * Imports `input` in its format (detected from content unless `options.format` says).
 * @throws ImportError saying what is wrong and where, as each adapter does.
 */
export function importSource(input: string | Uint8Array, options: ImportSourceOptions = {}): ImportedSource {
  const format = options.format ?? detectFormat(input, options.origin ?? '');
  return { format, imported: ADAPTERS[format](input, options) };
}
