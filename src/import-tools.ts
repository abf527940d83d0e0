/**
 * Importing a notes file into the reader (W3C JSON-LD or a Hypothesis export), without freezing the page: the file
 * is read, merged and anchored in the notes-import worker (`load/notes-import-client.ts`), with its progress in
 * the status line and a "Cancel import" button beside it; only when the worker is done are the new notes put in,
 * in one undoable step. A file over the limits (`MAX_IMPORT_BYTES`, `MAX_IMPORT_NOTES`) is refused with a message
 * saying which limit and by how much; a refused, failed or cancelled import changes nothing.
 * Import never replaces a note silently: duplicates are skipped and conflicts kept beside, as the report says;
 * what cannot be read is listed under "Could not be read".
 */
import type { AnchorResult } from './anchoring/anchor-result.ts';
import { addUnreadable, docTextOf, entriesFromAnchors, putNotes } from './editor/annotation-commands.ts';
import { annotationsOf } from './editor/annotation-plugin.ts';
import type { ReaderEditor } from './editor/reader-view.ts';
import type { UnreadableNote } from './anchoring/unreadable-note.ts';
import { ImportCancelled, NotesImportError, startNotesImport, type NotesImportJob } from './load/notes-import-client.ts';
import type { NotesImportProgress } from './load/notes-import-messages.ts';
import { MAX_IMPORT_BYTES, sizeProblem } from './load/notes-import-limits.ts';
import type { WorkMeta } from './model/work.ts';
import type { ApReader } from './panels/ap-reader.ts';

export interface ImportToolsOptions {
  editor: ReaderEditor;
  meta: WorkMeta;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

const STAGE: Record<NotesImportProgress['stage'], string> = { reading: 'reading', anchoring: 'anchoring', sending: 'receiving' };

/** The status line while importing `name`. */
export function progressMessage(name: string, p: NotesImportProgress): string {
  return `Importing notes from ${name}: ${STAGE[p.stage]}… ${Math.round(p.fraction * 100)}%`;
}

/** The import control's page side: one import at a time, with its cancel button in the reader's toolbar. */
export class NotesImportTools {
  private job: NotesImportJob | null = null;
  private readonly cancelButton: HTMLButtonElement;

  constructor(
    private readonly reader: ApReader,
    private readonly options: ImportToolsOptions,
  ) {
    const button = document.createElement('button');
    button.type = 'button';
    button.slot = 'tools';
    button.className = 'ap-tool ap-cancel-import';
    button.textContent = 'Cancel import';
    button.hidden = true;
    button.addEventListener('click', () => this.cancel());
    reader.append(button);
    this.cancelButton = button;
  }

  /** Keeps what an import could not read in the annotations state, so the notes list shows it. */
  private keepUnreadable(list: UnreadableNote[]): void {
    if (list.length) this.options.editor.run(addUnreadable(list));
  }

  /** Whether an import is running. */
  get busy(): boolean {
    return this.job !== null;
  }

  /** Cancels the running import (nothing of it is put in). */
  cancel(): void {
    this.job?.cancel();
  }

  /** Imports `file` (see the module comment). Resolves when it is done, refused, failed or cancelled; never rejects. */
  async importFile(file: File): Promise<void> {
    const { reader, options } = this;
    if (this.job) {
      reader.announce(`An import is already running; wait for it or cancel it before importing ${file.name}.`);
      return;
    }
    const tooLarge = sizeProblem(file.name, file.size, MAX_IMPORT_BYTES);
    if (tooLarge) {
      reader.announce(tooLarge);
      return;
    }
    const { editor, meta } = options;
    const startState = editor.view.state;
    const existing = [...annotationsOf(startState).byId.values()].map((x) => x.annotation);
    reader.announce(progressMessage(file.name, { stage: 'reading', fraction: 0 }));
    this.cancelButton.hidden = false;
    let shown = '';
    try {
      const bytes = await file.arrayBuffer();
      const request = { name: file.name, text: docTextOf(startState.doc).text, source: meta.iri };
      this.job = startNotesImport(bytes, request, existing, (p) => {
        const message = progressMessage(file.name, p);
        if (message !== shown) reader.announce((shown = message));
      });
      const { notes, report: r } = await this.job.outcome;
      this.job = null;
      this.cancelButton.hidden = true;
      // Marked for tests and benchmarks: the worker's part is over; putting the notes in is one task on the page.
      const applying = performance.now();
      const anchors = new Map<string, AnchorResult>();
      for (const [a, anchor] of notes) if (anchor) anchors.set(a.id, anchor);
      const state = editor.view.state;
      editor.run(putNotes(entriesFromAnchors(state.doc, notes.map(([a]) => a), anchors)));
      performance.measure('apparatus:import-put', { start: applying, detail: notes.length });
      if (r.rejected.length) {
        this.keepUnreadable(r.rejected.map((x) => ({ origin: file.name, key: x.id ?? x.where, reason: x.reason, raw: x.raw ?? null })));
      }
      const parts = [
        `Imported ${plural(notes.length, 'note')} from ${file.name} (${r.format === 'hypothesis' ? 'Hypothesis' : 'W3C'})`,
        `${r.anchors.exact.length} exact, ${r.anchors.fuzzy.length} fuzzy, ${r.anchors.orphan.length} unanchored`,
      ];
      if (r.duplicates.length) parts.push(`${plural(r.duplicates.length, 'duplicate')} skipped`);
      if (r.conflicts.length) parts.push(`${plural(r.conflicts.length, 'conflict')} kept beside the existing note`);
      if (r.rejected.length) parts.push(`${r.rejected.length} could not be read (listed under Notes)`);
      reader.announce(`${parts.join('; ')}.`);
    } catch (err) {
      this.job = null;
      this.cancelButton.hidden = true;
      if (err instanceof ImportCancelled) reader.announce(err.message);
      else if (err instanceof NotesImportError) {
        reader.announce(err.message);
        if (err.failure.kind === 'not-json') {
          this.keepUnreadable([{ origin: file.name, key: file.name, reason: err.failure.reason, raw: null }]);
        }
      } else reader.announce(`${file.name} could not be imported: ${(err as Error).message}. Nothing was imported.`);
    }
  }
}
