/**
 * The load worker (a module worker bundled by Vite): reads, imports and anchors off the page's thread so the page
 * never freezes while a large work loads. Messages are handled strictly in order (`load-messages.ts`).
 */
import type { FromWorker, ToWorker } from './load-messages.ts';
import { WorkReader } from './work-reader.ts';

const scope = globalThis as unknown as { postMessage(m: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };
const reader = new WorkReader((m) => scope.postMessage(m));
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (e) => {
  queue = queue.then(() => reader.handle(e.data));
};
