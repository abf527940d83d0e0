/**
 * The reader's export menu and import control, wired to the exporters (loaded lazily, one module per format, so
 * the first page stays small; the import pipeline likewise) and to the import pipeline (W3C JSON-LD or Hypothesis → merge → anchor → undoable
 * put). Import never replaces a note silently: duplicates are skipped and conflicts kept beside, as the report says;
 * what cannot be read is listed under "Could not be read" (the annotations state's `addUnreadable`).
 */
import type { ReaderEditor } from './editor/reader-view.ts';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, exportFormat } from './export/formats.ts';
import type { ImportedText } from './model/imported-text.ts';
import type { WorkMeta } from './model/work.ts';
import { NotesImportTools } from './import-tools.ts';
import './panels/ap-export-menu.ts';
import type { ApReader } from './panels/ap-reader.ts';
import { ExportRequestEvent, ImportRequestEvent } from './panels/events.ts';

export interface ExportToolsOptions {
  editor: ReaderEditor;
  meta: WorkMeta;
  imported: ImportedText;
}

/** Offers `text` as a file called `name` (a download the browser saves). */
export function download(name: string, mediaType: string, text: string): void {
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

  // The import runs in a worker, with progress and cancel (import-tools.ts).
  const importTools = new NotesImportTools(reader, options);
  reader.addEventListener(ImportRequestEvent.type, (e) => void importTools.importFile(e.detail.file));
}
