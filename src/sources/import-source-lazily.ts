/**
 * `importSource` for the load worker: the same detection and adapters, but each format's adapter (and its parser)
 * is loaded only when a source in that format is opened, so plain-text works — the reader's first page — never
 * download an HTML, XML or Markdown parser.
 */
import type { ImportedText } from '../model/imported-text.ts';
import { detectFormat } from './detect-format.ts';
import type { ImportedSource, ImportSourceOptions } from './import-source.ts';
import { importPlainText } from './plain-text.ts';
import type { SourceFormat } from './source-format.ts';
import type { SourceOptions } from './source-options.ts';

type Adapter = (input: string | Uint8Array, options: SourceOptions) => ImportedText;

/** The adapter of `format`, loaded on first use. */
async function adapterOf(format: SourceFormat): Promise<Adapter> {
  switch (format) {
    case 'text':
      return importPlainText;
    case 'wikipedia-parsoid':
      return (await import('./wikipedia-parsoid.ts')).importWikipediaParsoid;
    case 'wikipedia-page':
      return (await import('./wikipedia-page.ts')).importWikipediaPage;
    case 'markdown':
      return (await import('./markdown.ts')).importMarkdown;
    case 'tei':
      return (await import('./tei.ts')).importTei;
  }
}

/**
 * Imports `input` as `importSource` does (same result for the same input and options), loading the adapter first.
 * @throws ImportError as the adapter does.
 */
export async function importSourceLazily(input: string | Uint8Array, options: ImportSourceOptions = {}): Promise<ImportedSource> {
  const format = options.format ?? detectFormat(input, options.origin ?? '');
  const adapter = await adapterOf(format);
  return { format, imported: adapter(input, options) };
}
