/**
 * Writing `annotations/<workId>.jsonld` into the project (Node): the dev server's "Save to project", so that
 * scholars can commit their notes. Validated first; written atomically; never half a file, never a stray temp file,
 * never a change to the existing file when the new one is refused.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Annotation } from '../anchoring/annotation-types.ts';
import { annotationFileProblems } from './annotation-file-problems.ts';
import type { AnnotationProblem } from './annotation-problems.ts';
import { containedRealPath } from './project-paths.ts';

/** Work ids the project accepts: lower-case letters, digits and hyphens, 1–64, not starting with a hyphen. */
export const WORK_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** The largest annotation file the dev server writes (20 MiB). */
export const MAX_ANNOTATION_FILE_BYTES = 20 * 1024 * 1024;
/** How many problems an error message lists before "and N more". */
const LISTED_PROBLEMS = 5;

/**
 * Why a file was not written. `status` is the HTTP status the dev server answers with (400 bad input, 403 the
 * notes file is a link leading out of `annotations/`, 404 unknown work, 409 the file on disk cannot be read and so
 * cannot be merged with, 413 too large, 500 the disk failed); `problems` lists what is wrong with each annotation
 * (may be empty).
 */
export class ProjectFileError extends Error {
  override readonly name = 'ProjectFileError';
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 500,
    message: string,
    readonly problems: AnnotationProblem[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A file saved: `path` relative to the project root (`annotations/<workId>.jsonld`), `absolutePath` where the bytes
 * are (the real path: a link's target), how many annotations, its size, the SHA-256 (hex) of its bytes, and whether
 * it was written (false when the file already held exactly these bytes: it is left alone, mtime included).
 */
export interface SavedAnnotationFile {
  path: string;
  absolutePath: string;
  count: number;
  bytes: number;
  sha256: string;
  written: boolean;
}

/** The SHA-256 of `bytes`, lower-case hex: how a version of a notes file is named between the reader and the server. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Where the notes of `workId` are really written: `annotations/<workId>.jsonld`, or — when that is a symbolic link
 * whose real target lies inside the project's real `annotations/` folder — the target (written through, so the link
 * stays a link). `exists` says whether a file is there now.
 * @throws ProjectFileError 400 for a bad id, 403 when the name is a link leading out of `annotations/`.
 */
export async function notesFileLocation(projectRoot: string, workId: string): Promise<{ target: string; real: string; exists: boolean }> {
  const target = annotationFilePath(projectRoot, workId);
  const where = await containedRealPath(join(resolve(projectRoot), 'annotations'), target);
  if (!where.ok) {
    throw new ProjectFileError(403, `annotations/${workId}.jsonld was not written: it is a symbolic link and ${where.reason}; the dev server writes only inside the project's annotations/ folder.`);
  }
  return { target, real: where.real, exists: where.exists };
}

/**
 * The absolute path of `annotations/<workId>.jsonld` under `projectRoot`.
 * @throws ProjectFileError 400 when `workId` does not match `WORK_ID_PATTERN` (which rules out path traversal).
 */
export function annotationFilePath(projectRoot: string, workId: string): string {
  if (typeof workId !== 'string' || !WORK_ID_PATTERN.test(workId)) {
    throw new ProjectFileError(400, `${JSON.stringify(String(workId))} is not a work id: use 1–64 lower-case letters, digits and hyphens, starting with a letter or digit.`);
  }
  return join(resolve(projectRoot), 'annotations', `${workId}.jsonld`);
}

/**
 * Validates `body` (the UTF-8 JSON-LD text of an `AnnotationCollection`) and writes it, byte for byte, to
 * `<projectRoot>/annotations/<workId>.jsonld`: first to `annotations/.<workId>.jsonld.<pid>.<random>.tmp`, fsynced,
 * then renamed over the old file (atomic on POSIX), then the folder fsynced. Concurrent saves each rename a whole
 * file; the last rename wins. The work must exist (`corpus/<workId>/work.json`), and every text target must name
 * its IRI as `source`. This replaces the file whole (the dev server's answer to a bare collection); the reader's
 * "Save to project" merges instead (`saveProjectNotes`). A file that already holds exactly these bytes is not
 * rewritten. A symbolic link is written through to its target when that lies inside `annotations/`, else refused
 * (`notesFileLocation`).
 * Validation is `parseAnnotationFile` (src/anchoring/selectors.ts) plus: the top level is an AnnotationCollection.
 * @throws ProjectFileError — 400 bad id, not UTF-8, not JSON, or not a valid collection (the message names the
 *   annotation and field; `problems` lists all), 403 a link out of `annotations/`, 404 no such work, 413 over `MAX_ANNOTATION_FILE_BYTES`, 500 the
 *   write failed (the old file is untouched and no temp file is left).
 */
export async function saveAnnotationFile(projectRoot: string, workId: string, body: string | Uint8Array): Promise<SavedAnnotationFile> {
  annotationFilePath(projectRoot, workId); // refuses a bad id before anything else
  const name = `annotations/${workId}.jsonld`;
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (bytes.byteLength > MAX_ANNOTATION_FILE_BYTES) {
    throw new ProjectFileError(413, `${name}: ${bytes.byteLength} bytes is over the limit of ${MAX_ANNOTATION_FILE_BYTES} bytes.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ProjectFileError(400, `${name}: the body is not valid UTF-8.`);
  }
  const { annotations, problems } = annotationFileProblems(text, name);
  const iri = await workIri(projectRoot, workId);
  problems.push(...sourceProblems(workId, iri, annotations));
  if (problems.length > 0) {
    throw new ProjectFileError(400, `${name} was not written: ${describeProblems(problems)}.`, problems);
  }
  const where = await notesFileLocation(projectRoot, workId);
  const written = await writeIfChanged(where.real, bytes);
  return { path: name, absolutePath: where.real, count: annotations.length, bytes: bytes.byteLength, sha256: sha256Hex(bytes), written };
}

/**
 * Writes `bytes` atomically to `file` (a real path) unless it already holds exactly them; true when written.
 * @throws ProjectFileError 500 when the write fails (the old file untouched, no temp file left).
 */
export async function writeIfChanged(file: string, bytes: Uint8Array): Promise<boolean> {
  const current = await readFile(file).catch(() => null);
  if (current && Buffer.compare(current, bytes) === 0) return false;
  await writeAtomically(file, bytes);
  return true;
}

/** The IRI of the work, from `corpus/<workId>/work.json`. @throws ProjectFileError 404 when there is no such work. */
export async function workIri(projectRoot: string, workId: string): Promise<string> {
  const metaPath = join(resolve(projectRoot), 'corpus', workId, 'work.json');
  let iri: unknown;
  try {
    iri = (JSON.parse(await readFile(metaPath, 'utf8')) as { iri?: unknown }).iri;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ProjectFileError(404, `There is no work "${workId}" in this project (corpus/${workId}/work.json is missing).`);
    }
    throw new ProjectFileError(500, `corpus/${workId}/work.json cannot be read: ${(error as Error).message}`, [], { cause: error });
  }
  if (typeof iri !== 'string') throw new ProjectFileError(500, `corpus/${workId}/work.json has no "iri".`);
  return iri;
}

/** Every text target must be on this work: a note saved into another work's file would float free. */
export function sourceProblems(workId: string, iri: string, annotations: { index: number; annotation: Annotation }[]): AnnotationProblem[] {
  const problems: AnnotationProblem[] = [];
  for (const { index, annotation: a } of annotations) {
    if (typeof a.target !== 'object' || a.target.source === iri) continue;
    problems.push({ index, id: a.id, field: 'target.source', message: `is ${JSON.stringify(a.target.source)}, but the work "${workId}" is ${iri}` });
  }
  return problems;
}

/** The problems in one message: the first few named (annotation, field, what is wrong), then "and N more". */
export function describeProblems(problems: readonly AnnotationProblem[]): string {
  const listed = problems.slice(0, LISTED_PROBLEMS).map(describeProblem).join('; ');
  return problems.length > LISTED_PROBLEMS ? `${listed}; and ${problems.length - LISTED_PROBLEMS} more` : listed;
}

function describeProblem(p: AnnotationProblem): string {
  if (p.field === '(file)') return p.message;
  const which = p.index === null ? 'the collection' : `annotation #${p.index}${p.id ? ` (${p.id})` : ''}`;
  return `${which}, ${p.field}: ${p.message}`;
}

async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const dir = resolve(target, '..');
  const base = target.slice(dir.length + 1);
  const temp = join(dir, `.${base}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new ProjectFileError(500, `Writing ${target} failed: ${(error as Error).message}`, [], { cause: error });
  }
  // Make the rename itself durable. Best effort: some file systems refuse to fsync a directory.
  const folder = await open(dir, 'r').catch(() => null);
  if (folder) {
    await folder.sync().catch(() => undefined);
    await folder.close();
  }
}
