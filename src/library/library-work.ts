/**
 * A work kept in this browser's library (DESIGN §6 "Work metadata"): the text bytes as received and the metadata a
 * `work.json` would hold, derived from the source (`ImportedText.meta`) or, failing that, from the file name.
 * Pure: no DOM globals; the IndexedDB half is `store/library-store.ts`.
 *
 * Identity: a library work's id is a slug of lower-case letters, digits and hyphens like a project work's, but its
 * notes are kept under `library:<id>` (`libraryStorageKey`), which no project work id can equal (ids have no colon):
 * opening a file called `kavbiuro.txt` never reads or replaces the project's Kavbiuro notes.
 * Revisions: opening bytes of a work the library already has (`sameWork`), with another SHA-256, never replaces them —
 * the new bytes become a new revision (newest last) and the older revisions keep their bytes. A different work whose
 * title makes the same id (two articles called "Mercury", two files whose text is titled "Introduction") is kept
 * beside it under the next free id (`mercury-2`, `libraryIdCandidates`), never as a revision of it.
 */
import type { SourceMeta } from '../model/imported-text.ts';
import type { WorkMeta } from '../model/work.ts';
import type { SourceFormat } from '../sources/source-format.ts';

/** One revision of a library work: its bytes as received and where/when they came from. */
export interface LibraryRevision {
  /** `r1`, `r2`, … in the order they were opened. */
  id: string;
  sha256: string;
  /** Where these bytes came from: the permanent URL the source names, else the URL or file name opened. */
  source: string;
  /** The source's own revision id, when it gives one (Wikipedia: the `oldid`). */
  revision: string | null;
  /** ISO 8601 time these bytes were opened. */
  date: string;
  bytes: Uint8Array;
}

/** A record of the library (format 1). The current text is the last revision. */
export interface LibraryWork {
  v: 1;
  id: string;
  title: string;
  language: string;
  /** Permanent URL of the source (Wikipedia: the `?oldid=` link), else the URL or file name it was opened from. */
  source: string;
  licence: { name: string; url: string };
  attribution: string;
  format: SourceFormat;
  /** ISO 8601 time the work was last opened. */
  opened: string;
  revisions: LibraryRevision[];
}

/** The prefix of the notes keys of library works. */
export const LIBRARY_KEY_PREFIX = 'library:';

/** What a library id looks like (the same shape as a project work's id). */
export const LIBRARY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Where a library work's notes are kept in this browser. */
export function libraryStorageKey(id: string): string {
  return `${LIBRARY_KEY_PREFIX}${id}`;
}

/** `text` as a library id: lower-case ASCII letters and digits joined by single hyphens (at most 64), or `work`. */
export function slugOf(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || 'work';
}

/** The file name of `origin` (a path or URL) without its extension. */
function baseName(origin: string): string {
  const last = origin.split(/[\\/]/).filter(Boolean).pop() ?? origin;
  let name: string;
  try {
    name = decodeURIComponent(last);
  } catch {
    name = last;
  }
  return name.replace(/\.[A-Za-z0-9]{1,8}$/, '').replace(/_/g, ' ').trim();
}

/** What `deriveLibraryWork` takes. */
export interface OpenedSource {
  bytes: Uint8Array;
  sha256: string;
  format: SourceFormat;
  /** The file name or URL the bytes were opened from. */
  origin: string;
  /** What the source says about itself, when its adapter read it. */
  meta?: SourceMeta;
  /** The id to use; default: a slug of the title. */
  id?: string;
  /** ISO 8601 time of opening. */
  date: string;
}

/** The licence recorded when the source names none: said plainly, never invented. */
export const UNKNOWN_LICENCE = { name: 'Unknown — the source did not say; check it before sharing', url: '' } as const;

/**
 * A new library record for `opened`: metadata from `opened.meta` where the source gives it, else from the file name
 * (title), `en` (language), the origin (source) and an unknown licence.
 */
export function deriveLibraryWork(opened: OpenedSource): LibraryWork {
  const meta = opened.meta ?? {};
  const title = meta.title?.trim() || baseName(opened.origin) || 'Untitled';
  const source = meta.source ?? opened.origin;
  const id = opened.id ?? slugOf(title);
  if (!LIBRARY_ID.test(id)) throw new Error(`"${id}" is not a work name (lower-case letters, digits and hyphens)`);
  return {
    v: 1,
    id,
    title,
    language: meta.language ?? 'en',
    source,
    licence: meta.licence ?? { ...UNKNOWN_LICENCE },
    attribution: meta.attribution ?? '',
    format: opened.format,
    opened: opened.date,
    revisions: [{ id: 'r1', sha256: opened.sha256, source, revision: meta.revision ?? null, date: meta.date ?? opened.date, bytes: opened.bytes }],
  };
}

/**
 * What makes two records one work, whatever their bytes: for a source with an http(s) address, that address without
 * what names one revision (`oldid`, `diff`, `curid`, the fragment; host in lower case, `title=` with `_` as spaces)
 * — every revision of a Wikipedia article has one key, two articles never share it; for a file (no address), its
 * file name and the title its text gives, so another file, or the same file now titled differently, is another work.
 */
export function workKey(work: Pick<LibraryWork, 'source' | 'title'>): string {
  let url: URL | null = null;
  if (/^https?:\/\//i.test(work.source)) {
    try {
      url = new URL(work.source);
    } catch {
      url = null;
    }
  }
  if (url) {
    for (const p of ['oldid', 'diff', 'curid', 'action']) url.searchParams.delete(p);
    const title = url.searchParams.get('title');
    if (title !== null) url.searchParams.set('title', title.replace(/_/g, ' '));
    url.hash = '';
    const path = url.pathname.replace(/_/g, ' ');
    return `url:${url.protocol}//${url.host.toLowerCase()}${decodeSafely(path)}${url.search}`;
  }
  return `file:${baseName(work.source).toLowerCase()}|${work.title.trim().toLowerCase()}`;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Whether `a` and `b` are the same work (revisions of one another): the same `workKey`. */
export function sameWork(a: Pick<LibraryWork, 'source' | 'title'>, b: Pick<LibraryWork, 'source' | 'title'>): boolean {
  return workKey(a) === workKey(b);
}

/** How many ids `libraryIdCandidates` tries before giving up (a hundred works of one title). */
export const MAX_ID_CANDIDATES = 100;

/** The ids a work derived as `id` may take, in order: `id`, then `id-2`, `id-3`, … (each at most 64 characters). */
export function libraryIdCandidates(id: string): string[] {
  const out = [id];
  for (let n = 2; n <= MAX_ID_CANDIDATES; n++) {
    const suffix = `-${n}`;
    out.push(`${id.slice(0, 64 - suffix.length).replace(/-+$/, '')}${suffix}`);
  }
  return out;
}

/** The revision the work opens on: the newest. */
export function currentRevision(work: LibraryWork): LibraryRevision {
  const last = work.revisions[work.revisions.length - 1];
  if (!last) throw new Error(`Library work "${work.id}" has no revision`);
  return last;
}

/** What keeping `incoming` under an id the library has did: nothing new, or a new revision appended. */
export type Merged = { kind: 'same'; work: LibraryWork } | { kind: 'new-revision'; work: LibraryWork; previous: LibraryRevision };

/**
 * `existing` with `incoming` (a record derived for the same id) kept: the same bytes (SHA-256 of any revision) only
 * update the opening time; other bytes are appended as a new revision, newest last, and the work's metadata becomes
 * the incoming one's. No revision's bytes are ever dropped or replaced.
 */
export function mergeIntoLibrary(existing: LibraryWork, incoming: LibraryWork): Merged {
  const next = currentRevision(incoming);
  const previous = currentRevision(existing);
  if (existing.revisions.some((r) => r.sha256 === next.sha256)) return { kind: 'same', work: { ...existing, opened: incoming.opened } };
  const revision = { ...next, id: `r${existing.revisions.length + 1}` };
  return { kind: 'new-revision', previous, work: { ...incoming, revisions: [...existing.revisions, revision] } };
}

/** The reader's `WorkMeta` of a library work (its current revision). */
export function libraryWorkMeta(work: LibraryWork): WorkMeta {
  const current = currentRevision(work);
  const iri = /^https?:\/\//.test(work.source) ? work.source : `urn:apparatus:library:${work.id}`;
  return {
    id: work.id,
    title: work.title,
    language: work.language,
    source: work.source,
    iri,
    licence: work.licence,
    attribution: work.attribution,
    sha256: current.sha256,
    ...(current.revision ? { revision: current.revision } : {}),
  };
}

/** Thrown by `readLibraryWork` for a record that is not a library work of a format this code reads. */
export class LibraryRecordError extends Error {
  override readonly name = 'LibraryRecordError';
}

/**
 * Checks a stored value is a `LibraryWork` (format 1) and returns it.
 * @throws LibraryRecordError naming the field that is wrong.
 */
export function readLibraryWork(value: unknown): LibraryWork {
  const o = value as Partial<LibraryWork> | null;
  const fail = (field: string) => {
    throw new LibraryRecordError(`Library record ${typeof o?.id === 'string' ? `"${o.id}"` : '(no id)'}: "${field}" is missing or malformed`);
  };
  if (typeof o !== 'object' || o === null) throw new LibraryRecordError('Library record: not an object');
  if (o.v !== 1) fail('v');
  if (typeof o.id !== 'string' || !LIBRARY_ID.test(o.id)) fail('id');
  for (const f of ['title', 'language', 'source', 'format', 'opened'] as const) if (typeof o[f] !== 'string') fail(f);
  if (typeof o.licence?.name !== 'string' || typeof o.licence.url !== 'string') fail('licence');
  if (!Array.isArray(o.revisions) || o.revisions.length === 0) fail('revisions');
  for (const r of o.revisions!) {
    if (typeof r?.sha256 !== 'string' || !(r.bytes instanceof Uint8Array) || typeof r.date !== 'string') fail('revisions');
  }
  return o as LibraryWork;
}
