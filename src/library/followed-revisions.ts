/**
 * The revisions of a work followed in this browser (issue 10): which record of the library keeps them, which
 * revision a page reads, and what a note records of a revision.
 *
 * A library work keeps its revisions in its own record (`library-work.ts`). A project work (`corpus/<id>/`) pins one
 * revision in `work.json`; when the reader opens a newer one, the project's revision (r1) and the newer ones are kept
 * in the library under `project-<id>`, and the page at `?work=<id>` reads the newest of them (with a sentence saying
 * so), `?work=<id>&revision=r1` the project's own. Its notes stay under the project work's key.
 *
 * Pure: plain data in and out.
 */
import type { RevisionRef } from '../anchoring/revision-state.ts';
import type { WorkLocation } from '../load/work-location.ts';
import type { WorkMeta } from '../model/work.ts';
import type { SourceFormat } from '../sources/source-format.ts';
import { currentRevision, type LibraryRevision, type LibraryWork } from './library-work.ts';

/** The library record keeping the revisions of the work at `where` (null: a text opened from a link has none). */
export function followedRecordId(where: WorkLocation): string | null {
  if (where.kind === 'library') return where.id;
  if (where.kind === 'project') return `project-${where.id}`;
  return null;
}

/**
 * The revision `wanted` (`r2`; null: the newest) of `work`.
 * @throws Error naming the revisions there are when `work` has no revision `wanted`.
 */
export function pickRevision(work: LibraryWork, wanted: string | null): LibraryRevision {
  if (wanted === null) return currentRevision(work);
  const found = work.revisions.find((r) => r.id === wanted);
  if (!found) throw new Error(`“${work.title}” has no revision “${wanted}” in this browser; it has ${work.revisions.map((r) => r.id).join(', ')}.`);
  return found;
}

/** What a note records of `revision` (revision-state.ts): its SHA-256, its date, and its permanent URL when known. */
export function revisionRef(revision: LibraryRevision): RevisionRef {
  const wiki = /^https:\/\/([a-z-]+)\.wikipedia\.org\//.exec(revision.source);
  const url = wiki && revision.revision && /^\d+$/.test(revision.revision) ? `https://${wiki[1]}.wikipedia.org/w/index.php?oldid=${revision.revision}` : null;
  return { sha256: revision.sha256, date: revision.date, url };
}

/** The page's `WorkMeta` when it reads `revision` of a work whose metadata is `meta`. */
export function metaOnRevision(meta: WorkMeta, revision: LibraryRevision): WorkMeta {
  return { ...meta, sha256: revision.sha256, revision: revision.revision ?? `${revision.id} (opened ${revision.date.slice(0, 10)} from ${revision.source})` };
}

/**
 * The library record that starts following project work `meta` (its text `bytes`, read as `format`): one revision,
 * the project's own, as r1. Keeping a newer revision then appends it (`mergeIntoLibrary`).
 */
export function projectRecord(id: string, meta: WorkMeta, bytes: Uint8Array, format: SourceFormat, date: string): LibraryWork {
  return {
    v: 1,
    id,
    title: meta.title,
    language: meta.language,
    source: meta.source,
    licence: meta.licence,
    attribution: meta.attribution,
    format,
    opened: date,
    revisions: [{ id: 'r1', sha256: meta.sha256, source: meta.source, revision: meta.revision ?? null, date, bytes }],
  };
}

/** A sentence for the top of a page reading `revision` of a work with `revisions` (null when it reads the newest of one). */
export function revisionNotice(title: string, revision: LibraryRevision, revisions: readonly LibraryRevision[]): string | null {
  if (revisions.length < 2) return null;
  const newest = revisions[revisions.length - 1]!;
  const what = `revision ${revision.id} of ${revisions.length} of “${title}” (${revision.revision ? `source revision ${revision.revision}, ` : ''}from ${revision.source}, ${revision.date.slice(0, 10)})`;
  return revision === newest ? `You are reading the newest ${what}. Older revisions stay readable: add &revision=r1 to the address.` : `You are reading ${what}, not the newest (${newest.id}).`;
}
