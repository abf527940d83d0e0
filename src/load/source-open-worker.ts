/**
 * The source-open worker (a module worker bundled by Vite): checks and imports a source opened with "Open…" off the
 * page's thread, so a large file or article never freezes the page (`source-opener.ts`). One request per worker; the
 * page ends the worker to cancel.
 */
import type { FromOpenWorker, OpenRequest } from './source-open-messages.ts';
import { openSourceBytes } from './source-opener.ts';

const scope = globalThis as unknown as { postMessage(m: FromOpenWorker, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<OpenRequest>) => void) | null };
scope.onmessage = (e) => void openSourceBytes(e.data, (m, transfer = []) => scope.postMessage(m, transfer));
