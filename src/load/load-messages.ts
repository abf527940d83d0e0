/**
 * The messages between the page and the load worker (`load-worker.ts`): plain data only (structured clone).
 * Large arrays travel in parts so that no single message takes long to deserialize on the page.
 */
import type { Placement } from '../anchoring/placement.ts';
import type { UnreadableNote } from '../anchoring/unreadable-note.ts';
import type { Annotation } from '../anchoring/annotation-types.ts';
import type { ImportErrorCode } from '../model/import-error.ts';
import type { ImportedText } from '../model/imported-text.ts';
import type { WorkMeta } from '../model/work.ts';
import type { SourceFormat } from '../sources/source-format.ts';

/**
 * What to read: absolute URLs of the text and of the notes file (null: none), and the work's metadata. With `bytes`
 * (a work from the library, or a text the page already fetched) those are the text and `textUrl` only names it.
 */
export interface ReadRequest {
  textUrl: string;
  bytes?: Uint8Array;
  notesUrl: string | null;
  meta: WorkMeta;
}

/** A note the notes file holds but that could not be read. */
export type UnreadableRecord = UnreadableNote;

/**
 * The notes file's annotations, and what it holds that could not be read (kept, reported). `sha256` (set on the
 * page, `WorkLoader.notes`) names the file's version: the hex SHA-256 of its bytes, null when there is no file,
 * absent when it could not be loaded or read as a whole (then nothing may be concluded from it).
 */
export interface FileNotes {
  annotations: Annotation[];
  unreadable: UnreadableRecord[];
  sha256?: string | null;
}

export type { Placement } from '../anchoring/placement.ts';

/** Why reading failed: the text could not be fetched, could not be imported (with where), or something else. */
export type LoadFailure =
  | { kind: 'fetch'; message: string }
  | { kind: 'import'; message: string; code: ImportErrorCode; line: number; column: number }
  | { kind: 'other'; message: string };

/** The arrays that travel in parts. */
export type PartField = 'blocks' | 'claims' | 'citations' | 'references' | 'problems' | 'links' | 'signals' | 'annotations';

/** page → worker */
export type ToWorker =
  /** read the text (the notes file is fetched once the text has arrived, and sent on `notes`) */
  | { type: 'read'; request: ReadRequest }
  /** read the notes file fetched by the page (its bytes are transferred): its annotations in parts, then `notes` */
  | { type: 'notes'; file: FetchedNotes }
  /** part of the annotations to anchor (when they are not the notes file's) */
  | { type: 'anchor-part'; items: Annotation[] }
  /** anchor the notes file's annotations (`file`) or the parts sent since the last `anchor` */
  | { type: 'anchor'; source: 'file' | 'sent' };

/**
 * The notes file as fetched by the page (which is idle while the worker imports the text, so the download is not
 * held up): its bytes, or that there is none (no URL, or 404), or why it could not be loaded.
 */
export type FetchedNotes =
  | { url: string; bytes: ArrayBuffer }
  | { url: string | null; none: true }
  | { url: string; failed: string };

/** A stage of reading, for progress: `fraction` of the reading done so far, in [0, 1]. */
export interface ReadProgress {
  stage: 'fetched' | 'hashed' | 'imported';
  fraction: number;
}

/** worker → page */
export type FromWorker =
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'part'; field: PartField; items: unknown[] }
  /** a part as JSON text (notes: plain JSON data, which `JSON.parse` reads faster than a structured clone of objects) */
  | { type: 'json-part'; field: PartField; json: string }
  /**
   * the end of reading the text: everything of it not sent in parts — the format it was read as, its import report
   * and what the source says about itself (both absent for plain text)
   */
  | {
      type: 'read';
      referencesHeading: ImportedText['referencesHeading'];
      warning: string | null;
      format: SourceFormat;
      report?: ImportedText['report'];
      meta?: ImportedText['meta'];
    }
  /** the end of reading the notes file: what it holds that could not be read (its annotations came in parts) */
  | { type: 'notes'; unreadable: UnreadableRecord[] }
  | { type: 'failed'; failure: LoadFailure }
  | { type: 'placed'; placements: Placement[] };
