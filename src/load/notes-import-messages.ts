/**
 * The messages between the page and the notes-import worker (`notes-import-worker.ts`): plain data only
 * (structured clone). The imported notes travel back in parts of JSON text, so that no single message takes long
 * to read on the page.
 */
import type { AnchorResult } from '../anchoring/anchor-result.ts';
import type { Annotation } from '../anchoring/annotation-types.ts';
import type { ImportReport } from '../anchoring/import-annotations.ts';

/** What to import onto: the work's canonical text and IRI, and the file's name (for messages). */
export interface NotesImportRequest {
  /** the file's name, used in every message about it */
  name: string;
  /** the work's canonical text (the one `docTextOf(doc).text` gives) */
  text: string;
  /** the work's IRI: imported notes target it */
  source: string;
}

/** One imported note and where it anchored (null for a reply or a note without a text target). */
export type ImportedNote = [Annotation, AnchorResult | null];

/** A stage of an import, for progress: `fraction` of the work done so far, in [0, 1]. */
export interface NotesImportProgress {
  stage: 'reading' | 'anchoring' | 'sending';
  fraction: number;
}

/** page → worker */
export type ToImportWorker =
  /** part of the work's existing notes (the import merges into them: duplicates skipped, conflicts kept beside) */
  | { type: 'existing-part'; items: Annotation[] }
  /** import the file's bytes (transferred) onto the existing notes sent so far */
  | { type: 'import'; request: NotesImportRequest; bytes: ArrayBuffer };

/** Why an import was refused: the file is over a limit, is not JSON, or something else went wrong. */
export interface NotesImportFailure {
  kind: 'too-large' | 'not-json' | 'other';
  /** the sentence for the status line: what, where, and that nothing was imported */
  message: string;
  /** why, in a few words (for the "Could not be read" list) */
  reason: string;
}

/** The report as it travels: `ImportReport` (its arrays are plain data). */
export type NotesImportReport = ImportReport;

/** worker → page */
export type FromImportWorker =
  | { type: 'progress'; progress: NotesImportProgress }
  /** a part of the imported notes, as JSON text of `ImportedNote[]` */
  | { type: 'notes-part'; json: string }
  /** the end: the import's report (the notes came in parts before it) */
  | { type: 'done'; report: NotesImportReport }
  | { type: 'failed'; failure: NotesImportFailure };
