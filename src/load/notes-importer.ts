/**
 * The heavy, DOM-free half of importing a notes file (W3C JSON-LD or a Hypothesis export): decode, check the
 * limits, parse, merge and anchor with `importAnnotations`, and answer with plain messages
 * (`notes-import-messages.ts`). It runs in the notes-import worker, or on the page when workers are unavailable
 * (and in Node tests) — the same code either way. No ProseMirror here: the page turns the anchors into document
 * ranges (`entriesFromAnchors`).
 *
 * The limits (`notes-import-limits.ts`) are checked before anything is imported: a file over either is refused
 * whole — never half imported.
 */
import type { Annotation } from '../anchoring/annotation-types.ts';
import { importAnnotations } from '../anchoring/import-annotations.ts';
import { countProblem, importItemCount, MAX_IMPORT_BYTES, MAX_IMPORT_NOTES, sizeProblem } from './notes-import-limits.ts';
import type { FromImportWorker, ImportedNote, NotesImportFailure, NotesImportRequest, ToImportWorker } from './notes-import-messages.ts';

/** How many imported notes go in one message to the page. */
export const NOTES_PART_SIZE = 200;


/**
 * One import's worker side. `handle` takes the page's messages in order (the existing notes in parts, then
 * `import`); `post` receives the answers in order. A failure is posted as `failed` (never thrown).
 */
export class NotesImporter {
  private existing: Annotation[] = [];

  constructor(
    private readonly post: (m: FromImportWorker) => void,
    private readonly limits: { bytes: number; notes: number } = { bytes: MAX_IMPORT_BYTES, notes: MAX_IMPORT_NOTES },
  ) {}

  /** Handles one message from the page. */
  handle(m: ToImportWorker): void {
    if (m.type === 'existing-part') {
      for (const a of m.items) this.existing.push(a);
      return;
    }
    const existing = this.existing;
    this.existing = [];
    try {
      this.run(m.request, m.bytes, existing);
    } catch (e) {
      this.fail({ kind: 'other', message: `${m.request.name} could not be imported: ${(e as Error).message}. Nothing was imported.`, reason: (e as Error).message });
    }
  }

  private fail(failure: NotesImportFailure): void {
    this.post({ type: 'failed', failure });
  }

  private run(request: NotesImportRequest, bytes: ArrayBuffer, existing: readonly Annotation[]): void {
    const { name } = request;
    const tooLarge = sizeProblem(name, bytes.byteLength, this.limits.bytes);
    if (tooLarge) return this.fail({ kind: 'too-large', message: tooLarge, reason: 'over the size limit' });
    this.post({ type: 'progress', progress: { stage: 'reading', fraction: 0 } });
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8').decode(bytes));
    } catch (e) {
      return this.fail({ kind: 'not-json', message: `${name} is not JSON: ${(e as Error).message}. Nothing was imported.`, reason: `not JSON: ${(e as Error).message}` });
    }
    const tooMany = countProblem(name, importItemCount(value), this.limits.notes);
    if (tooMany) return this.fail({ kind: 'too-large', message: tooMany, reason: 'over the limit of notes per import' });
    this.post({ type: 'progress', progress: { stage: 'anchoring', fraction: 0.2 } });
    const result = importAnnotations(value, request.text, existing, { source: request.source, where: name });
    const added = result.annotations.slice(existing.length);
    for (let i = 0; i < added.length; i += NOTES_PART_SIZE) {
      const part: ImportedNote[] = added.slice(i, i + NOTES_PART_SIZE).map((a) => [a, result.anchors.get(a.id) ?? null]);
      this.post({ type: 'progress', progress: { stage: 'sending', fraction: 0.8 + (0.2 * i) / added.length } });
      this.post({ type: 'notes-part', json: JSON.stringify(part) });
    }
    this.post({ type: 'done', report: result.report });
  }
}
