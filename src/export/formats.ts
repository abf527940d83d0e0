/**
 * The export formats: name → file extension, media type and a lazy `load()` of the writer, so that the reader
 * and the CLI load only the exporter they use. Every writer is a pure `(input: ExportInput) => string`.
 */
import type { ExportInput } from './export-input.ts';

/** A writer: a pure function of the snapshot. */
export type ExportWriter = (input: ExportInput) => string;

/** The names accepted by `apparatus export --format` and the reader's export menu. */
export type ExportFormatName = 'jsonld' | 'tei' | 'md' | 'html' | 'csl' | 'bibtex' | 'wikipedia-report';

/** One format. `extension` has no dot; `load` resolves to the writer (it rejects only if the module fails to load). */
export interface ExportFormat {
  name: ExportFormatName;
  /** For people: "TEI P5 XML". */
  label: string;
  extension: string;
  mediaType: string;
  load: () => Promise<ExportWriter>;
}

/** Every format, in the order menus list them. */
export const EXPORT_FORMATS: Readonly<Record<ExportFormatName, ExportFormat>> = {
  jsonld: {
    name: 'jsonld',
    label: 'W3C Web Annotations (JSON-LD)',
    extension: 'jsonld',
    mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    load: async () => (await import('./jsonld.ts')).exportJsonLd,
  },
  tei: {
    name: 'tei',
    label: 'TEI P5 XML',
    extension: 'tei.xml',
    mediaType: 'application/tei+xml',
    load: async () => (await import('./tei.ts')).exportTei,
  },
  md: {
    name: 'md',
    label: 'Markdown (Pandoc)',
    extension: 'md',
    mediaType: 'text/markdown; charset=utf-8; variant=pandoc',
    load: async () => (await import('./markdown.ts')).exportMarkdown,
  },
  html: {
    name: 'html',
    label: 'Standalone HTML',
    extension: 'html',
    mediaType: 'text/html; charset=utf-8',
    load: async () => (await import('./html.ts')).exportHtml,
  },
  csl: {
    name: 'csl',
    label: 'CSL-JSON (reference list)',
    extension: 'csl.json',
    mediaType: 'application/vnd.citationstyles.csl+json',
    load: async () => (await import('./csl.ts')).exportCsl,
  },
  bibtex: {
    name: 'bibtex',
    label: 'BibTeX (reference list)',
    extension: 'bib',
    mediaType: 'application/x-bibtex; charset=utf-8',
    load: async () => (await import('./bibtex.ts')).exportBibtex,
  },
  'wikipedia-report': {
    name: 'wikipedia-report',
    label: 'Report for Wikipedia editors (wikitext)',
    extension: 'wiki.txt',
    mediaType: 'text/plain; charset=utf-8',
    load: async () => (await import('./wikipedia-report.ts')).exportWikipediaReport,
  },
};

/** The format names, in menu order. */
export const EXPORT_FORMAT_NAMES: readonly ExportFormatName[] = Object.keys(EXPORT_FORMATS) as ExportFormatName[];

/** True when `name` is a format name (exact, lower case). */
export function isExportFormatName(name: string): name is ExportFormatName {
  return Object.hasOwn(EXPORT_FORMATS, name);
}

/** The format called `name`, or null when there is none. */
export function exportFormat(name: string): ExportFormat | null {
  return isExportFormatName(name) ? EXPORT_FORMATS[name] : null;
}
