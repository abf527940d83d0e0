/**
 * The page's side of reading a work: sends the request to the load worker (or runs the same `WorkReader` on the
 * page when `Worker` is unavailable), puts the parts back together and answers with promises.
 */
import type { Annotation } from '../anchoring/annotation-types.ts';
import { ImportError } from '../model/import-error.ts';
import type { ImportedText } from '../model/imported-text.ts';
import { sha256Hex } from '../model/work.ts';
import type { FetchedNotes, FileNotes, FromWorker, LoadFailure, PartField, Placement, ReadProgress, ReadRequest, ToWorker } from './load-messages.ts';
import { fetchNotesFile } from './notes-file.ts';
import type { SourceFormat } from '../sources/source-format.ts';

export type { FileNotes } from './load-messages.ts';

/**
 * What reading gave: the imported text (with its links, signals, import report and source metadata when its format
 * has them), the format it was read as, and the hash warning (null when the text is the one work.json names).
 */
export interface ReadWork {
  imported: ImportedText;
  format: SourceFormat;
  warning: string | null;
}


/** Thrown (rejected) when the text cannot be fetched or read. `cause` is the ImportError when importing failed. */
export class LoadError extends Error {
  override readonly name = 'LoadError';
  constructor(
    readonly failure: LoadFailure,
    readonly importError: ImportError | null = failure.kind === 'import' ? new ImportError(failure.code, failure.message, failure.line, failure.column) : null,
  ) {
    super(importError ? importError.message : failure.message);
  }
}

/**
 * Reads one work, one request at a time: `read` first; then `notes` and `place` (as often as needed); `close` ends
 * the worker.
 */
export interface WorkLoader {
  /** Whether the work is read in a worker (false: on the page). */
  readonly inWorker: boolean;
  /**
   * Reads the text. The notes file is fetched on this thread once the text has arrived: this thread is idle while
   * the worker imports, and the text does not share the connection with a (often larger) notes file. Rejects with
   * LoadError.
   */
  read(request: ReadRequest, onProgress?: (p: ReadProgress) => void): Promise<ReadWork>;
  /** The notes file of the work read (none: empty). Never rejects for a missing or unreadable file: it is reported. */
  notes(): Promise<FileNotes>;
  /** Where `annotations` (or the notes file's, `'file'`) land on the document, one placement per annotation in order. */
  place(annotations: readonly Annotation[] | 'file'): Promise<Placement[]>;
  close(): void;
}

type Channel = { send(m: ToWorker, transfer?: Transferable[]): void; close(): void };

/**
 * Yields to the event loop so the page can paint and handle input. A timer, not `scheduler.yield`: Chromium runs
 * yield continuations before other queued tasks, so a long chain of them starved the page's own timers (measured:
 * a 20 ms heartbeat waited 65 s while a 10 MB work mounted).
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}

function loaderOver(open: (receive: (m: FromWorker) => void) => Channel, inWorker: boolean): WorkLoader {
  const parts: Record<PartField, unknown[]> = { blocks: [], claims: [], citations: [], references: [], problems: [], links: [], signals: [], annotations: [] };
  let pending: { resolve: (m: FromWorker) => void; reject: (e: Error) => void; wants: FromWorker['type']; onProgress?: (p: ReadProgress) => void } | null = null;
  const receive = (m: FromWorker) => {
    if (m.type === 'part' || m.type === 'json-part') {
      // Parts are small on purpose: each is one short task on the page.
      for (const item of m.type === 'part' ? m.items : (JSON.parse(m.json) as unknown[])) parts[m.field].push(item);
      return;
    }
    if (m.type === 'progress') {
      pending?.onProgress?.(m.progress);
      return;
    }
    const p = pending;
    pending = null;
    if (!p) return;
    if (m.type === 'failed') p.reject(new LoadError(m.failure));
    else p.resolve(m);
  };
  const channel = open(receive);
  let notesUrl: string | null = null;
  let fetchingNotes: Promise<FetchedNotes> | null = null;
  const startNotes = () => (fetchingNotes ??= fetchNotesFile(notesUrl));
  const ask = (wants: FromWorker['type'], onProgress?: (p: ReadProgress) => void) =>
    new Promise<FromWorker>((resolve, reject) => {
      if (pending) throw new Error('one request at a time');
      pending = { resolve, reject, wants, onProgress };
    });
  return {
    inWorker,
    async read(request, onProgress) {
      notesUrl = request.notesUrl;
      const answer = ask('read', (p) => {
        if (p.stage === 'fetched') startNotes();
        onProgress?.(p);
      });
      channel.send({ type: 'read', request });
      const m = (await answer.finally(startNotes)) as Extract<FromWorker, { type: 'read' }>;
      const imported: ImportedText = {
        blocks: parts.blocks as ImportedText['blocks'],
        references: parts.references as ImportedText['references'],
        referencesHeading: m.referencesHeading,
        citations: parts.citations as ImportedText['citations'],
        claims: parts.claims as ImportedText['claims'],
        problems: parts.problems as ImportedText['problems'],
      };
      // Plain text has no links, signals, report or source metadata: its ImportedText stays exactly as before.
      if (m.format !== 'text' || parts.links.length > 0) imported.links = parts.links as NonNullable<ImportedText['links']>;
      if (m.format !== 'text' || parts.signals.length > 0) imported.signals = parts.signals as NonNullable<ImportedText['signals']>;
      if (m.report) imported.report = m.report;
      if (m.meta) imported.meta = m.meta;
      return { imported, format: m.format, warning: m.warning };
    },
    async notes() {
      const file = await startNotes();
      // The file's version, hashed before its bytes are handed to the worker (starting-notes.ts compares it with
      // the one the working copy started from): null when there is none.
      const sha256 = 'bytes' in file ? await sha256Hex(new Uint8Array(file.bytes)) : 'none' in file ? null : undefined;
      const answer = ask('notes');
      channel.send({ type: 'notes', file }, 'bytes' in file && inWorker ? [file.bytes] : []);
      const m = (await answer) as Extract<FromWorker, { type: 'notes' }>;
      const annotations = parts.annotations as Annotation[];
      parts.annotations = [];
      // A file unreadable as a whole is reported under its URL (readNotesFile): it has no usable version.
      const unusable = 'url' in file && m.unreadable.some((u) => u.key === file.url);
      return { annotations, unreadable: m.unreadable, ...(sha256 !== undefined && !unusable ? { sha256 } : {}) };
    },
    async place(annotations) {
      const answer = ask('placed');
      if (annotations === 'file') channel.send({ type: 'anchor', source: 'file' });
      else {
        for (let i = 0; i < annotations.length; i += 200) {
          channel.send({ type: 'anchor-part', items: annotations.slice(i, i + 200) });
          if (inWorker) await yieldToPage();
        }
        channel.send({ type: 'anchor', source: 'sent' });
      }
      return ((await answer) as Extract<FromWorker, { type: 'placed' }>).placements;
    },
    close: () => channel.close(),
  };
}

/** A loader running `WorkReader` on this thread (Node, or a page without workers): no parallelism, same answers. */
export function inlineWorkLoader(): WorkLoader {
  return loaderOver((receive) => {
    // Loaded on first use: with workers (every current browser) the page never needs the importer itself.
    const reader = import('./work-reader.ts').then(({ WorkReader }) => new WorkReader(receive));
    let queue: Promise<unknown> = reader;
    return {
      send: (m) => {
        queue = queue.then(async () => (await reader).handle(m));
      },
      close: () => {},
    };
  }, false);
}

/** The load worker when the platform has module workers, else `inlineWorkLoader()`. */
export function openWorkLoader(): WorkLoader {
  if (typeof Worker === 'undefined') return inlineWorkLoader();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./load-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return inlineWorkLoader();
  }
  return loaderOver((receive) => {
    worker.onmessage = (e: MessageEvent<FromWorker>) => receive(e.data);
    // A worker that fails to start or dies answers the pending request with a failure instead of hanging.
    worker.onerror = (e) => {
      e.preventDefault();
      receive({ type: 'failed', failure: { kind: 'other', message: `The load worker failed: ${e.message || 'unknown error'}` } });
    };
    return { send: (m, transfer = []) => worker.postMessage(m, transfer), close: () => worker.terminate() };
  }, true);
}
