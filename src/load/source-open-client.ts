/**
 * The page's side of opening a source: hands the bytes to the source-open worker (or runs the same
 * `openSourceBytes` on the page when `Worker` is unavailable) and answers with a promise. `cancel` ends the worker
 * at once; nothing it did reaches the page (and so nothing reaches the library).
 */
import type { SourceFormat } from '../sources/source-format.ts';
import type { FromOpenWorker, OpenedSummary, OpenProgress, OpenRequest } from './source-open-messages.ts';

/** Rejected with when opening was cancelled. */
export class OpenCancelled extends Error {
  override readonly name = 'OpenCancelled';
  constructor(origin: string) {
    super(`Opening ${origin} was cancelled. Nothing was added to the library.`);
  }
}

/** Rejected with when the source cannot be opened; the message says what and where. */
export class OpenFailed extends Error {
  override readonly name = 'OpenFailed';
}

/** A running open: its outcome (the summary and the bytes, back from the worker), and a way to cancel it. */
export interface OpenJob {
  readonly inWorker: boolean;
  readonly outcome: Promise<{ summary: OpenedSummary; bytes: Uint8Array }>;
  cancel(): void;
}

type Channel = { send(m: OpenRequest, transfer: Transferable[]): void; close(): void };

function jobOver(open: (receive: (m: FromOpenWorker) => void) => Channel, inWorker: boolean, bytes: ArrayBuffer, origin: string, onProgress?: (p: OpenProgress) => void, format?: SourceFormat): OpenJob {
  let settle: { resolve: (o: { summary: OpenedSummary; bytes: Uint8Array }) => void; reject: (e: Error) => void } | null = null;
  const outcome = new Promise<{ summary: OpenedSummary; bytes: Uint8Array }>((resolve, reject) => (settle = { resolve, reject }));
  const finish = (f: (s: NonNullable<typeof settle>) => void) => {
    const s = settle;
    settle = null;
    channel.close();
    if (s) f(s);
  };
  const receive = (m: FromOpenWorker) => {
    if (!settle) return;
    if (m.type === 'progress') onProgress?.(m.progress);
    else if (m.type === 'failed') finish((s) => s.reject(new OpenFailed(m.message)));
    else finish((s) => s.resolve({ summary: m.summary, bytes: new Uint8Array(m.bytes) }));
  };
  const channel = open(receive);
  channel.send({ type: 'open', bytes, origin, ...(format ? { format } : {}) }, inWorker ? [bytes] : []);
  return { inWorker, outcome, cancel: () => finish((s) => s.reject(new OpenCancelled(origin))) };
}

/** Opening on this thread (a page without workers, or tests in Node): the same answers, no parallelism. */
export function inlineSourceOpen(bytes: ArrayBuffer, origin: string, onProgress?: (p: OpenProgress) => void, format?: SourceFormat): OpenJob {
  return jobOver(
    (receive) => {
      let closed = false;
      return {
        send: (m) => {
          void import('./source-opener.ts').then(({ openSourceBytes }) => openSourceBytes(m, (answer) => closed || receive(answer)));
        },
        close: () => {
          closed = true;
        },
      };
    },
    false,
    bytes,
    origin,
    onProgress,
    format,
  );
}

/**
 * Checks and imports `bytes` (opened from `origin`; transferred to the worker and back) in the source-open worker
 * when the platform has module workers, else on this thread; `format` overrides detection.
 */
export function startSourceOpen(bytes: ArrayBuffer, origin: string, onProgress?: (p: OpenProgress) => void, format?: SourceFormat): OpenJob {
  if (typeof Worker === 'undefined') return inlineSourceOpen(bytes, origin, onProgress, format);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./source-open-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return inlineSourceOpen(bytes, origin, onProgress, format);
  }
  return jobOver(
    (receive) => {
      worker.onmessage = (e: MessageEvent<FromOpenWorker>) => receive(e.data);
      // A worker that fails to start or dies answers with a failure instead of hanging.
      worker.onerror = (e) => {
        e.preventDefault();
        receive({ type: 'failed', message: `The worker that opens sources failed: ${e.message || 'unknown error'}. Nothing was added to the library.` });
      };
      return { send: (m, transfer) => worker.postMessage(m, transfer), close: () => worker.terminate() };
    },
    true,
    bytes,
    origin,
    onProgress,
    format,
  );
}
