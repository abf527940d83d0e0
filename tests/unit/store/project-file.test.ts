import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ANNOTATION_FILE_BYTES, ProjectFileError, saveAnnotationFile, sha256Hex } from '../../../src/store/project-file.ts';
import { sampleAnnotation, sampleAnnotations, sampleCollection } from './sample-annotations.ts';

const WORK_JSON = new URL('../../../corpus/kavbiuro/work.json', import.meta.url);
const CURATED = new URL('../../../annotations/kavbiuro.jsonld', import.meta.url);

/** A temporary project with the Kavbiuro work and an existing annotation file. */
async function makeProject(): Promise<{ root: string; file: string; original: Buffer }> {
  const root = await mkdtemp(join(tmpdir(), 'apparatus-project-'));
  await mkdir(join(root, 'corpus', 'kavbiuro'), { recursive: true });
  await writeFile(join(root, 'corpus', 'kavbiuro', 'work.json'), await readFile(WORK_JSON));
  await mkdir(join(root, 'annotations'));
  const file = join(root, 'annotations', 'kavbiuro.jsonld');
  const original = Buffer.from(`${JSON.stringify(sampleCollection('kavbiuro', sampleAnnotations(2)), null, 2)}\n`);
  await writeFile(file, original);
  return { root, file, original };
}

async function failure(promise: Promise<unknown>): Promise<ProjectFileError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ProjectFileError);
  return error as ProjectFileError;
}

describe('saveAnnotationFile', () => {
  let root: string;
  let file: string;
  let original: Buffer;
  beforeEach(async () => ({ root, file, original } = await makeProject()));
  afterEach(async () => rm(root, { recursive: true, force: true }));

  const tempFiles = async () => (await readdir(join(root, 'annotations'))).filter((n) => n.endsWith('.tmp'));

  it('writes a valid collection byte for byte and says where and how many', async () => {
    const text = `${JSON.stringify(sampleCollection('kavbiuro', sampleAnnotations(5)), null, 2)}\n`;
    const saved = await saveAnnotationFile(root, 'kavbiuro', text);
    expect(saved).toMatchObject({ path: 'annotations/kavbiuro.jsonld', absolutePath: file, count: 5, bytes: Buffer.byteLength(text) });
    expect(await readFile(file, 'utf8')).toBe(text);
    expect(await tempFiles()).toEqual([]);
  });

  it.skipIf(!existsSync(CURATED))('accepts the project\'s own curated notes (what "Save to project" must round-trip)', async () => {
    const bytes = await readFile(CURATED);
    const saved = await saveAnnotationFile(root, 'kavbiuro', bytes);
    expect(saved.count).toBeGreaterThan(0);
    expect(await readFile(file)).toEqual(bytes);
  });

  it('leaves a file that already holds exactly these bytes alone (same mtime) and says it did not write', async () => {
    const before = await stat(file);
    const saved = await saveAnnotationFile(root, 'kavbiuro', original);
    expect(saved).toMatchObject({ written: false, sha256: sha256Hex(original) });
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
    expect(await readFile(file)).toEqual(original);
  });

  it('creates annotations/ when the project has none yet', async () => {
    await rm(join(root, 'annotations'), { recursive: true });
    const bytes = new TextEncoder().encode(JSON.stringify(sampleCollection('kavbiuro', [sampleAnnotation(1)])));
    await saveAnnotationFile(root, 'kavbiuro', bytes);
    expect(new Uint8Array(await readFile(file))).toEqual(bytes);
  });

  it('refuses an invalid annotation, naming it and the field, and leaves the old file byte-identical', async () => {
    const broken = sampleAnnotation(2) as unknown as Record<string, unknown>;
    delete broken['target'];
    const text = JSON.stringify(sampleCollection('kavbiuro', [sampleAnnotation(1), broken as never]));
    const error = await failure(saveAnnotationFile(root, 'kavbiuro', text));
    expect(error.status).toBe(400);
    expect(error.message).toContain(`annotation #1 (${sampleAnnotation(2).id})`);
    expect(error.message).toMatch(/target/);
    expect(error.problems.map((p) => [p.index, p.field.split(/[.[]/)[0]])).toEqual([[1, 'target']]);
    expect(await readFile(file)).toEqual(original);
    expect(await tempFiles()).toEqual([]);
  });

  it('refuses notes that target another work', async () => {
    const stray = sampleAnnotation(3);
    (stray.target as { source: string }).source = 'https://en.wikipedia.org/wiki/Something_else';
    const error = await failure(saveAnnotationFile(root, 'kavbiuro', JSON.stringify(sampleCollection('kavbiuro', [stray]))));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/annotation #0 .*target\.source.*Something_else/);
    expect(await readFile(file)).toEqual(original);
  });

  it.each([
    ['not JSON', '{"type": "AnnotationCollection",', /was not written: annotations\/kavbiuro\.jsonld:1:33: not JSON/],
    ['not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), /not valid UTF-8/],
    ['not a collection', JSON.stringify(sampleAnnotation(1)), /AnnotationCollection/],
  ])('refuses a body that is %s, leaving the old file alone', async (_, body, message) => {
    const error = await failure(saveAnnotationFile(root, 'kavbiuro', body));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
    expect(await readFile(file)).toEqual(original);
  });

  it.each(['../kavbiuro', '..', 'a/b', 'a\\b', '', '.kavbiuro', '-x', 'Kavbiuro', 'kav biuro', 'x'.repeat(65), 'kav%2fbiuro', '/etc/passwd'])(
    'rejects the work id %j without touching the disk',
    async (id) => {
      const before = await readdir(root, { recursive: true });
      const error = await failure(saveAnnotationFile(join(root, 'corpus'), id, JSON.stringify(sampleCollection('kavbiuro', []))));
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/is not a work id/);
      expect(await readdir(root, { recursive: true })).toEqual(before);
    },
  );

  it('answers 404 for a work the project does not have', async () => {
    const error = await failure(saveAnnotationFile(root, 'no-such-work', JSON.stringify(sampleCollection('no-such-work', []))));
    expect(error.status).toBe(404);
    expect(await readdir(join(root, 'annotations'))).toEqual(['kavbiuro.jsonld']);
  });

  it('refuses a body over the size limit with 413', async () => {
    const error = await failure(saveAnnotationFile(root, 'kavbiuro', new Uint8Array(MAX_ANNOTATION_FILE_BYTES + 1)));
    expect(error.status).toBe(413);
    expect(await readFile(file)).toEqual(original);
  });

  it('leaves no temp file and the old content when the write itself fails', async () => {
    // The target is a non-empty folder: writing the temp file works, the rename over it cannot.
    await rm(file);
    await mkdir(join(file, 'inside'), { recursive: true });
    const error = await failure(saveAnnotationFile(root, 'kavbiuro', JSON.stringify(sampleCollection('kavbiuro', []))));
    expect(error.status).toBe(500);
    expect(await readdir(join(root, 'annotations'))).toEqual(['kavbiuro.jsonld']);
    expect(await readdir(file)).toEqual(['inside']);
  });

  it('ends concurrent saves with exactly one of the complete files and no temp files', async () => {
    const texts = Array.from({ length: 24 }, (_, i) => JSON.stringify(sampleCollection('kavbiuro', sampleAnnotations(i + 1)), null, i % 3));
    const results = await Promise.allSettled(texts.map((t) => saveAnnotationFile(root, 'kavbiuro', t)));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const final = await readFile(file, 'utf8');
    expect(texts).toContain(final);
    expect(await tempFiles()).toEqual([]);
  });
});
