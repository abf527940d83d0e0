/**
 * The page's side of importing a notes file: sends the work's existing notes and the file's bytes to the
 * notes-import worker (or runs the same `NotesImporter` on the page when `Worker` is unavailable), puts the parts
 * back together and answers with a promise. `cancel` ends the worker at once; nothing it did reaches the page.
 */
import type { Annotation } from '../anchoring/annotation-types.ts';
import type { FromImportWorker, ImportedNote, NotesImportFailure, NotesImportProgress, NotesImportReport, NotesImportRequest, ToImportWorker } from './notes-import-messages.ts';
import { yieldToPage } from './work-loader.ts';

/** Rejected with when the import was cancelled. */
export class ImportCancelled extends Error {
  override readonly name = 'ImportCancelled';
  constructor(name: string) {
    super(`The import of ${name} was cancelled. Nothing was imported.`);
  }
}

/** Rejected with when the import was refused or failed; `failure.message` says what and why. */
export class NotesImportError extends Error {
  override readonly name = 'NotesImportError';
  constructor(readonly failure: NotesImportFailure) {
    super(failure.message);
  }
}

/** What an import gave: the new notes with their anchors (in the file's order, after the merge), and the report. */
export interface NotesImportOutcome {
  notes: ImportedNote[];
  report: NotesImportReport;
}

/** A running import: its outcome, and a way to cancel it (the outcome then rejects with `ImportCancelled`). */
export interface NotesImportJob {
  readonly inWorker: boolean;
  readonly outcome: Promise<NotesImportOutcome>;
  cancel(): void;
}

/** How many existing notes go in one message to the worker. */
const EXISTING_PART = 1000;

type Channel = { send(m: ToImportWorker, transfer?: Transferable[]): void; close(): void };

function jobOver(
  open: (receive: (m: FromImportWorker) => void) => Channel,
  inWorker: boolean,
  bytes: ArrayBuffer,
  request: NotesImportRequest,
  existing: readonly Annotation[],
  onProgress?: (p: NotesImportProgress) => void,
): NotesImportJob {
  const notes: ImportedNote[] = [];
  let settle: { resolve: (o: NotesImportOutcome) => void; reject: (e: Error) => void } | null = null;
  const outcome = new Promise<NotesImportOutcome>((resolve, reject) => (settle = { resolve, reject }));
  const finish = (f: (s: NonNullable<typeof settle>) => void) => {
    const s = settle;
    settle = null;
    channel.close();
    if (s) f(s);
  };
  const receive = (m: FromImportWorker) => {
    if (!settle) return;
    if (m.type === 'progress') onProgress?.(m.progress);
    else if (m.type === 'notes-part') for (const n of JSON.parse(m.json) as ImportedNote[]) notes.push(n);
    else if (m.type === 'failed') finish((s) => s.reject(new NotesImportError(m.failure)));
    else finish((s) => s.resolve({ notes, report: m.report }));
  };
  const channel = open(receive);
  void (async () => {
    for (let i = 0; i < existing.length && settle; i += EXISTING_PART) {
      channel.send({ type: 'existing-part', items: existing.slice(i, i + EXISTING_PART) });
      if (inWorker) await yieldToPage();
    }
    if (settle) channel.send({ type: 'import', request, bytes }, inWorker ? [bytes] : []);
  })();
  return {
    inWorker,
    outcome,
    cancel: () => finish((s) => s.reject(new ImportCancelled(request.name))),
  };
}

/** An import running `NotesImporter` on this thread (Node, or a page without workers): same answers, no parallelism. */
export function inlineNotesImport(bytes: ArrayBuffer, request: NotesImportRequest, existing: readonly Annotation[], onProgress?: (p: NotesImportProgress) => void): NotesImportJob {
  return jobOver(
    (receive) => {
      const importer = import('./notes-importer.ts').then(({ NotesImporter }) => new NotesImporter(receive));
      let queue: Promise<unknown> = importer;
      return {
        send: (m) => {
          queue = queue.then(async () => (await importer).handle(m));
        },
        close: () => {},
      };
    },
    false,
    bytes,
    request,
    existing,
    onProgress,
  );
}

/**
 * Imports `bytes` (the file's content; transferred to the worker) onto the work described by `request`, whose notes
 * are `existing`: in the notes-import worker when the platform has module workers, else on this thread.
 */
export function startNotesImport(bytes: ArrayBuffer, request: NotesImportRequest, existing: readonly Annotation[], onProgress?: (p: NotesImportProgress) => void): NotesImportJob {
  if (typeof Worker === 'undefined') return inlineNotesImport(bytes, request, existing, onProgress);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./notes-import-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return inlineNotesImport(bytes, request, existing, onProgress);
  }
  return jobOver(
    (receive) => {
      worker.onmessage = (e: MessageEvent<FromImportWorker>) => receive(e.data);
      // A worker that fails to start or dies answers with a failure instead of hanging.
      worker.onerror = (e) => {
        e.preventDefault();
        receive({ type: 'failed', failure: { kind: 'other', message: `The import worker failed: ${e.message || 'unknown error'}. Nothing was imported.`, reason: e.message || 'the import worker failed' } });
      };
      return { send: (m, transfer = []) => worker.postMessage(m, transfer), close: () => worker.terminate() };
    },
    true,
    bytes,
    request,
    existing,
    onProgress,
  );
}
