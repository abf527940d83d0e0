/**
 * "Save to project" that never loses a note (Node, the dev server): the reader sends its notes together with the
 * version of the project file they started from (the base), and the server merges three-way with the file as it is
 * now, so a colleague's save or a `git pull` in between is kept.
 *
 * **Design: the base travels with the request.** The reader keeps, beside its working copy, the SHA-256 of the
 * project file's bytes it started from and that file's notes (IndexedDB, `ProjectBase`); a save sends both. The
 * server keeps no history: when the file's hash is still the base's, the file is the base; when it is not, the
 * base's notes in the request are the base. A request without a base (an older reader, or a working copy that never
 * recorded one) merges with an empty base: nothing on either side is deleted, a note both sides hold differently is
 * a conflict.
 *
 * The request body (JSON):
 * `{ "base": { "sha256": "<hex>" | null, "items": [<annotation>…] } | null, "notes": <AnnotationCollection> }`.
 *
 * What is written: the file's own collection (its `id`, `label`, `creator`, `created` and anything else kept as they
 * are; `modified` from the request) holding the merged notes (`mergeThreeWay`: the request's notes are ours, the
 * file's are theirs; ours keep the id in a conflict), then every item of the file the validator could not read
 * (an unknown motivation, a newer format), unchanged. No file yet: the request's collection with the merged notes.
 * Nothing is written when the merged notes are exactly the file's (same bytes, same mtime). A file on disk that
 * cannot be read as a collection is not merged with and not overwritten (409).
 */
import { readFile } from 'node:fs/promises';
import type { Annotation } from '../anchoring/annotation-types.ts';
import { describeThreeWay, mergeThreeWay, type ThreeWayReport } from '../anchoring/merge-three-way.ts';
import { parseAnnotationFile } from '../anchoring/annotation-file.ts';
import { AnnotationFileError, parseAnnotations } from '../anchoring/selectors.ts';
import { annotationFileProblems } from './annotation-file-problems.ts';
import {
  MAX_ANNOTATION_FILE_BYTES,
  ProjectFileError,
  describeProblems,
  notesFileLocation,
  sha256Hex,
  sourceProblems,
  workIri,
  writeIfChanged,
} from './project-file.ts';

/** The version of the project file a working copy started from: its bytes' SHA-256 (null: no file) and its notes. */
export interface ProjectBase {
  sha256: string | null;
  annotations: Annotation[];
}

/** A merging save, as the reader sends it (see the module comment). */
export interface SaveProjectRequest {
  base: { sha256: string | null; items: unknown[] } | null;
  notes: unknown;
}

/** What a merging save did. */
export interface SavedProjectNotes {
  path: string;
  /** Items in the file now (notes and unreadable items kept). */
  count: number;
  /** SHA-256 of the file now. */
  sha256: string;
  /** False when the file already held these notes and was left alone. */
  written: boolean;
  /** True when the file now holds exactly the notes sent (nothing came from the file): the reader's new base. */
  upToDate: boolean;
  /** What the merge took from the file and what it kept side by side. */
  report: ThreeWayReport;
  /** Items of the file the reader could not read, written back unchanged. */
  keptUnreadable: number;
  /** The readable notes of the file now, when it holds anything the request did not send (`upToDate` false). */
  annotations?: Annotation[];
  /**
   * One sentence for the user: "Saved: 25 notes, 1 note added from the file, 1 conflict kept beside", or — nothing
   * written — "Already saved: annotations/<work>.jsonld holds 25 notes, …".
   */
  message: string;
}

/** True when `value` looks like a merging save's body (a `notes` member and no `type`), not a bare collection. */
export function isSaveProjectRequest(value: unknown): value is SaveProjectRequest {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'notes' in value && !('type' in value);
}

/**
 * Merges `request` into `annotations/<workId>.jsonld` and writes the result atomically (see the module comment).
 * @throws ProjectFileError — 400 the request or its notes are invalid (annotation and field named), 403 the file
 *   is a link out of `annotations/`, 404 no such work, 409 the file on disk cannot be read, 413 the result is too
 *   large, 500 the disk failed. Nothing is changed then.
 */
export async function saveProjectNotes(projectRoot: string, workId: string, request: SaveProjectRequest): Promise<SavedProjectNotes> {
  const name = `annotations/${workId}.jsonld`;
  const location = await notesFileLocation(projectRoot, workId);
  const base = request.base;
  if (base !== null && (typeof base !== 'object' || (base.sha256 !== null && typeof base.sha256 !== 'string') || !Array.isArray(base.items))) {
    throw new ProjectFileError(400, `${name} was not written: "base" must be null or { "sha256": <hex or null>, "items": [<annotations>] }.`);
  }
  // Ours: the request's collection, checked as a whole file would be.
  const oursText = JSON.stringify(request.notes);
  const checked = annotationFileProblems(oursText ?? 'null', `${name} (sent)`);
  const iri = await workIri(projectRoot, workId);
  checked.problems.push(...sourceProblems(workId, iri, checked.annotations));
  if (checked.problems.length > 0) throw new ProjectFileError(400, `${name} was not written: ${describeProblems(checked.problems)}.`, checked.problems);
  const sentCollection = request.notes as Record<string, unknown>;
  const raw = new Map<Annotation, unknown>();
  const sentItems = itemsOf(sentCollection) ?? [];
  for (const { index, annotation } of checked.annotations) raw.set(annotation, sentItems[index]);
  const ours = checked.annotations.map((x) => x.annotation);

  // Theirs: the file as it is now.
  const current = await readCurrent(location.real, name);
  const theirs = current?.annotations ?? [];
  for (const { annotation, raw: item } of current?.items ?? []) raw.set(annotation, item);
  const baseNotes = current && base?.sha256 === current.sha256 ? theirs : base ? parseAnnotations(base.items, `${name} (base)`).annotations : [];

  const merged = mergeThreeWay(baseNotes, ours, theirs);
  const unreadable = current?.unreadable ?? [];
  const items = [...merged.annotations.map((a) => (raw.has(a) ? raw.get(a) : a)), ...unreadable];
  const upToDate = !merged.changedOurs;
  const describe = (count: number) => [`${count} note${count === 1 ? '' : 's'}`, describeThreeWay(merged.report), unreadable.length ? `${unreadable.length} unreadable note${unreadable.length === 1 ? '' : 's'} of the file kept unchanged` : ''].filter(Boolean).join(', ');

  if (current && merged.sameAsTheirs) {
    return { path: name, count: current.count, sha256: current.sha256, written: false, upToDate, report: merged.report, keptUnreadable: unreadable.length, ...(upToDate ? {} : { annotations: merged.annotations }), message: `Already saved: ${name} holds ${describe(current.count)}` };
  }
  const collection: Record<string, unknown> = current ? { ...current.collection } : { ...sentCollection };
  const modified = sentCollection['modified'];
  if (current && typeof modified === 'string') collection['modified'] = modified;
  collection['total'] = items.length;
  if (Array.isArray(collection['items']) && !collection['first']) collection['items'] = items;
  else collection['first'] = { type: 'AnnotationPage', startIndex: 0, ...(collection['first'] as Record<string, unknown> | undefined), items };
  const text = `${JSON.stringify(collection, null, 2)}\n`;
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.byteLength > MAX_ANNOTATION_FILE_BYTES) {
    throw new ProjectFileError(413, `${name} was not written: merged with the file it would be ${bytes.byteLength} bytes, over the limit of ${MAX_ANNOTATION_FILE_BYTES} bytes.`);
  }
  const written = await writeIfChanged(location.real, bytes);
  return { path: name, count: items.length, sha256: sha256Hex(bytes), written, upToDate, report: merged.report, keptUnreadable: unreadable.length, ...(upToDate ? {} : { annotations: merged.annotations }), message: `Saved: ${describe(items.length)}` };
}

/** The notes file on disk now: its collection, hash, readable notes (with their raw items) and unreadable items. */
async function readCurrent(file: string, name: string): Promise<{
  collection: Record<string, unknown>;
  sha256: string;
  annotations: Annotation[];
  items: { annotation: Annotation; raw: unknown }[];
  unreadable: unknown[];
  count: number;
} | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ProjectFileError(500, `${name} cannot be read: ${(error as Error).message}`, [], { cause: error });
  }
  const refuse = (why: string) =>
    new ProjectFileError(409, `${name} was not written: the file on disk cannot be read (${why}), so it cannot be merged with and would be lost if overwritten. Repair it (or move it away) and save again.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse('it is not UTF-8');
  }
  let parsed;
  try {
    parsed = parseAnnotationFile(text, name);
  } catch (error) {
    if (error instanceof AnnotationFileError) throw refuse(error.message);
    throw error;
  }
  const collection = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Record<string, unknown>;
  const rawItems = itemsOf(collection);
  if (!rawItems || typeof collection !== 'object' || Array.isArray(collection)) throw refuse('it is not an AnnotationCollection with its items inline');
  const rejectedAt = new Set(parsed.rejected.map((r) => r.index));
  const items: { annotation: Annotation; raw: unknown }[] = [];
  for (let index = 0, next = 0; next < parsed.annotations.length; index++) {
    if (!rejectedAt.has(index)) items.push({ annotation: parsed.annotations[next++]!, raw: rawItems[index] });
  }
  return {
    collection,
    sha256: sha256Hex(bytes),
    annotations: parsed.annotations,
    items,
    unreadable: parsed.rejected.map((r) => r.raw),
    count: rawItems.length,
  };
}

/** The items of a collection (`first.items`), of a page (`items`), or null when it holds none inline. */
function itemsOf(value: unknown): unknown[] | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const first = v['first'];
  if (typeof first === 'object' && first !== null && Array.isArray((first as Record<string, unknown>)['items'])) return (first as { items: unknown[] }).items;
  if (Array.isArray(v['items'])) return v['items'];
  return v['type'] === 'AnnotationCollection' && first === undefined ? [] : null;
}
