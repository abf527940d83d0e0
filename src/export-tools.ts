/**
 * The reader's export menu and import control, wired to the exporters (loaded lazily, one module per format, so
 * the first page stays small; the import pipeline likewise) and to the import pipeline (W3C JSON-LD or Hypothesis → merge → anchor → undoable
 * put). Import never replaces a note silently: duplicates are skipped and conflicts kept beside, as the report says;
 * what cannot be read is listed under "Could not be read" (the annotations state's `addUnreadable`).
 */
import { addUnreadable, docTextOf, entriesFromAnchors, putNotes } from './editor/annotation-commands.ts';
import { annotationsOf } from './editor/annotation-plugin.ts';
import type { ReaderEditor } from './editor/reader-view.ts';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, exportFormat } from './export/formats.ts';
import type { ImportedText } from './model/imported-text.ts';
import type { WorkMeta } from './model/work.ts';
import './panels/ap-export-menu.ts';
import type { ApReader } from './panels/ap-reader.ts';
import { ExportRequestEvent, ImportRequestEvent } from './panels/events.ts';

export interface ExportToolsOptions {
  editor: ReaderEditor;
  meta: WorkMeta;
  imported: ImportedText;
}

function download(name: string, mediaType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Adds `<ap-export-menu>` to the reader's toolbar and handles its events. */
export function mountExportTools(reader: ApReader, options: ExportToolsOptions): void {
  const { editor, meta, imported } = options;
  const menu = document.createElement('ap-export-menu');
  menu.slot = 'tools';
  menu.formats = EXPORT_FORMAT_NAMES.map((n) => EXPORT_FORMATS[n]);
  reader.append(menu);

  reader.addEventListener(ExportRequestEvent.type, async (e) => {
    const format = exportFormat(e.detail.format);
    if (!format) return;
    try {
      // The exporter and what gathers its input are loaded on first use: the first page stays small.
      const [writer, { exportInputOf }] = await Promise.all([format.load(), import('./editor/export-input-of.ts')]);
      const text = writer(exportInputOf(editor.view.state, meta, imported, new Date().toISOString()));
      download(`${meta.id}.${format.extension}`, format.mediaType, text);
      reader.announce(`Exported ${format.label}.`);
    } catch (err) {
      reader.announce(`Export failed: ${(err as Error).message}`);
    }
  });

  reader.addEventListener(ImportRequestEvent.type, async (e) => {
    const file = e.detail.file;
    let value: unknown;
    try {
      value = JSON.parse(await file.text());
    } catch (err) {
      reader.announce(`${file.name} is not JSON: ${(err as Error).message}. Nothing was imported.`);
      editor.run(addUnreadable([{ origin: file.name, key: file.name, reason: `not JSON: ${(err as Error).message}`, raw: null }]));
      return;
    }
    // The import pipeline (Hypothesis reader, merge, anchoring) is loaded on first use, like the exporters.
    const { importAnnotations } = await import('./anchoring/import-annotations.ts');
    const state = editor.view.state;
    const existing = [...annotationsOf(state).byId.values()].map((x) => x.annotation);
    const result = importAnnotations(value, docTextOf(state.doc).text, existing, { source: meta.iri, where: file.name });
    const added = result.annotations.slice(existing.length);
    editor.run(putNotes(entriesFromAnchors(state.doc, added, result.anchors)));
    const r = result.report;
    editor.run(addUnreadable(r.rejected.map((x) => ({ origin: file.name, key: x.id ?? x.where, reason: x.reason, raw: null }))));
    const parts = [
      `Imported ${plural(added.length, 'note')} from ${file.name} (${r.format === 'hypothesis' ? 'Hypothesis' : 'W3C'})`,
      `${r.anchors.exact.length} exact, ${r.anchors.fuzzy.length} fuzzy, ${r.anchors.orphan.length} unanchored`,
    ];
    if (r.duplicates.length) parts.push(`${plural(r.duplicates.length, 'duplicate')} skipped`);
    if (r.conflicts.length) parts.push(`${plural(r.conflicts.length, 'conflict')} kept beside the existing note`);
    if (r.rejected.length) parts.push(`${r.rejected.length} could not be read (listed under Notes)`);
    reader.announce(`${parts.join('; ')}.`);
  });
}
