/**
 * The notes-import worker (a module worker bundled by Vite): reads, merges and anchors an imported notes file off
 * the page's thread, so the page never freezes while a large file is imported. No ProseMirror here. Messages are
 * handled strictly in order (`notes-import-messages.ts`); the page ends the worker to cancel an import.
 */
import type { FromImportWorker, ToImportWorker } from './notes-import-messages.ts';
import { NotesImporter } from './notes-importer.ts';

const scope = globalThis as unknown as { postMessage(m: FromImportWorker): void; onmessage: ((e: MessageEvent<ToImportWorker>) => void) | null };
const importer = new NotesImporter((m) => scope.postMessage(m));
scope.onmessage = (e) => importer.handle(e.data);
