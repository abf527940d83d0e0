/**
 * The messages between the page and the source-open worker (`source-open-worker.ts`), which checks and imports a
 * source opened with "Open…" off the page's thread: plain data only (structured clone). The bytes go to the worker
 * and come back with the answer (transferred both ways, never copied), so the page can keep them in the library.
 */
import type { ImportReport, SourceMeta } from '../model/imported-text.ts';
import type { SourceFormat } from '../sources/source-format.ts';

/** page → worker: check and import `bytes` (transferred), opened from `origin` (a file name or URL). */
export interface OpenRequest {
  type: 'open';
  bytes: ArrayBuffer;
  origin: string;
  /** The format to read it as (a project work's work.json may say); default: detected from the content. */
  format?: SourceFormat;
}

/** A stage of opening, for progress: `fraction` of the work done so far, in [0, 1]. */
export interface OpenProgress {
  stage: 'checked' | 'imported' | 'hashed';
  fraction: number;
}

/**
 * What the page needs of an opened source to keep it and report on it: the format read, its SHA-256, what it says
 * about itself, how much it holds, and its import report (what was left out, notes, problems as sentences).
 */
export interface OpenedSummary {
  format: SourceFormat;
  sha256: string;
  meta?: SourceMeta;
  blocks: number;
  claims: number;
  references: number;
  /** The claims by support (model/coverage.ts): the share with a source is (direct + inherited) / total. */
  coverage: { direct: number; inherited: number; none: number };
  /** How many sections (heading blocks) the text has. */
  sections: number;
  report?: ImportReport;
  problems: string[];
}

/** worker → page */
export type FromOpenWorker =
  | { type: 'progress'; progress: OpenProgress }
  /** the end: the summary, and the bytes back (transferred) */
  | { type: 'done'; summary: OpenedSummary; bytes: ArrayBuffer }
  /** the source cannot be opened: `message` says what and where (and that nothing was added to the library) */
  | { type: 'failed'; message: string };
