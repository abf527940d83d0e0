import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import type { UnreadableNote } from '../../../src/anchoring/unreadable-note.ts';
import type { FileNotes } from '../../../src/load/load-messages.ts';
import type { AnnotationRepository } from '../../../src/store/annotation-repository.ts';
import { MemoryAnnotationRepository } from '../../../src/store/memory-repository.ts';
import type { OpenedRepository } from '../../../src/store/open-annotation-repository.ts';
import { STORAGE_ORIGIN, startingNotes as startingNotesOf } from '../../../src/store/starting-notes.ts';
import { StoreError } from '../../../src/store/store-error.ts';
import { sampleAnnotation, sampleAnnotations } from './sample-annotations.ts';

const file = (annotations: Annotation[], sha256: string | null | undefined = `sha-${annotations.length}`): FileNotes => ({
  annotations,
  unreadable: [],
  ...(sha256 !== undefined ? { sha256 } : {}),
});
/** The entry point with the work's id as storage key and an opened repository with no warning. */
const startingNotes = (storageKey: string, f: FileNotes, repository: AnnotationRepository) =>
  startingNotesOf({ file: f, opened: { repository, warning: null, error: null } as OpenedRepository, storageKey });
const bodies = (list: readonly Annotation[]) => list.map((a) => (a.body?.[0] as { value: string }).value);

describe('startingNotes: where the reader starts', () => {
  it('starts from the file while this browser has no working copy, and records the file version as the base', async () => {
    const repo = new MemoryAnnotationRepository();
    const v0 = file(sampleAnnotations(2), 'v0');
    const start = await startingNotes('kavbiuro', v0, repo);
    expect(start).toMatchObject({ annotations: v0.annotations, from: 'file', warnings: [], conflicts: [], base: { sha256: 'v0', annotations: v0.annotations } });
    expect(await repo.load('kavbiuro')).toEqual({ annotations: [], unreadable: [], saved: false, base: { sha256: 'v0', annotations: v0.annotations } });
  });

  it('keeps the working copy as it is while the file is the version it started from', async () => {
    const repo = new MemoryAnnotationRepository();
    const v0 = file(sampleAnnotations(2), 'v0');
    await startingNotes('kavbiuro', v0, repo);
    await repo.save('kavbiuro', [sampleAnnotation(1)]); // the reader deleted note 2
    const start = await startingNotes('kavbiuro', v0, repo);
    expect(start).toMatchObject({ annotations: [sampleAnnotation(1)], from: 'browser', warnings: [] });
  });

  it('brings in what changed in the file since (three-way): upstream changes merged, local changes kept, conflicts shown', async () => {
    const repo = new MemoryAnnotationRepository();
    await startingNotes('kavbiuro', file(sampleAnnotations(3), 'v0'), repo);
    // Here: note 1 edited, note 4 added. There (git pull): note 1 edited differently, note 3 deleted, note 9 added.
    await repo.save('kavbiuro', [sampleAnnotation(1, 'mine'), sampleAnnotation(2), sampleAnnotation(3), sampleAnnotation(4)]);
    const v1 = file([sampleAnnotation(1, 'theirs'), sampleAnnotation(2), sampleAnnotation(9, 'colleague')], 'v1');
    const start = await startingNotes('kavbiuro', v1, repo);
    expect(bodies(start.annotations)).toEqual(['mine', 'theirs', 'Note 2', 'Note 4', 'colleague']);
    expect(start.conflicts).toEqual([expect.objectContaining({ id: sampleAnnotation(1).id })]);
    expect(start.warnings[0]).toBe('The project’s notes file changed since this browser’s copy was made: 1 note added from the project file, 1 note deleted in the project file removed, 1 conflict kept beside.');
    expect(start.base).toEqual({ sha256: 'v1', annotations: v1.annotations });
    // Stored at once, with the new base: the next load changes nothing and says nothing.
    const stored = await repo.load('kavbiuro');
    expect(stored.annotations).toEqual(start.annotations);
    expect(stored.base?.sha256).toBe('v1');
    expect(await startingNotes('kavbiuro', v1, repo)).toMatchObject({ annotations: start.annotations, warnings: [], conflicts: [] });
  });

  it('a working copy with no recorded base (older version) removes nothing: notes only the file has are brought in', async () => {
    const repo = new MemoryAnnotationRepository([{ workId: 'kavbiuro', annotations: [sampleAnnotation(1)] }]);
    const start = await startingNotes('kavbiuro', file(sampleAnnotations(2), 'v0'), repo);
    expect(start.annotations.map((a) => a.id)).toEqual(sampleAnnotations(2).map((a) => a.id));
    expect(start.warnings[0]).toMatch(/did not record which version .* so nothing was removed: 1 note added/);
  });

  it('a file that could not be read changes nothing: the working copy stands', async () => {
    const repo = new MemoryAnnotationRepository();
    await startingNotes('kavbiuro', file(sampleAnnotations(2), 'v0'), repo);
    await repo.save('kavbiuro', sampleAnnotations(2));
    const broken: FileNotes = { annotations: [], unreadable: [{ origin: 'x', key: 'x', reason: 'not JSON', raw: '' }] };
    const start = await startingNotes('kavbiuro', broken, repo);
    expect(start.annotations).toEqual(sampleAnnotations(2));
    expect(start.unreadable).toHaveLength(1);
    expect((await repo.load('kavbiuro')).base?.sha256).toBe('v0');
  });

  it('lists the file\'s unreadable items and the storage\'s, and starts from the file when storage fails', async () => {
    const failing: AnnotationRepository = {
      load: () => Promise.reject(new StoreError('failed', 'the disk is on fire')),
      save: () => Promise.reject(new Error('no')),
      recordBase: () => Promise.reject(new Error('no')),
    };
    const withBad: FileNotes = { ...file(sampleAnnotations(1)), unreadable: [{ origin: 'f', key: 'item 1', reason: 'motivation', raw: {} }] };
    const start = await startingNotes('kavbiuro', withBad, failing);
    expect(start).toMatchObject({ annotations: sampleAnnotations(1), from: 'file', warnings: ['Stored notes could not be read: the disk is on fire'] });
    expect(start.unreadable.map((u) => u.key)).toEqual(['item 1']);
    const repo = new MemoryAnnotationRepository([{ workId: 'kavbiuro', unreadable: [{ key: 'kavbiuro/urn:x', raw: { v: 9 }, reason: 'unknown record format 9' }] }]);
    const mixed = await startingNotes('kavbiuro', withBad, repo);
    expect(mixed.unreadable.map((u) => [u.origin, u.key])).toEqual([['f', 'item 1'], [STORAGE_ORIGIN, 'kavbiuro/urn:x']]);
  });
});

const fileBad: UnreadableNote = { origin: 'annotations/w.jsonld', key: 'item 3', reason: 'no target', raw: {} };
const aFile: FileNotes = { annotations: sampleAnnotations(3), unreadable: [fileBad], sha256: 'f0' };
const opened = (repository: OpenedRepository['repository'], warning: string | null = null): OpenedRepository => ({ repository, warning, error: null });

describe('startingNotes: the working copy and its storage key', () => {
  it('the project file while nothing was saved for the work', async () => {
    const start = await startingNotesOf({ file: aFile, opened: opened(new MemoryAnnotationRepository()), storageKey: 'w' });
    expect(start).toMatchObject({ from: 'file', annotations: aFile.annotations, unreadable: [fileBad], warnings: [], conflicts: [] });
  });

  it('the working copy once saved, even empty; the file’s unreadable items still listed', async () => {
    const repository = new MemoryAnnotationRepository();
    // As after a first load from the file: the working copy's base is the file's version.
    await repository.recordBase('w', { sha256: 'f0', annotations: aFile.annotations });
    await repository.save('w', []);
    expect(await startingNotesOf({ file: aFile, opened: opened(repository), storageKey: 'w' })).toMatchObject({ from: 'browser', annotations: [], unreadable: [fileBad] });
    const one = sampleAnnotations(1);
    await repository.save('w', one);
    expect((await startingNotesOf({ file: aFile, opened: opened(repository), storageKey: 'w' })).annotations).toEqual(one);
    // Another key is another working copy.
    expect((await startingNotesOf({ file: aFile, opened: opened(repository), storageKey: 'link:/t /m' })).from).toBe('file');
  });

  it('records set aside in storage make a working copy and are listed as from this browser', async () => {
    const repository = new MemoryAnnotationRepository([{ workId: 'w', unreadable: [{ key: 'w / urn:x', raw: 1, reason: 'not a record' }] }]);
    await repository.recordBase('w', { sha256: 'f0', annotations: aFile.annotations });
    const start = await startingNotesOf({ file: aFile, opened: opened(repository, 'No durable storage.'), storageKey: 'w' });
    expect(start.from).toBe('browser');
    expect(start.unreadable).toEqual([fileBad, { origin: STORAGE_ORIGIN, key: 'w / urn:x', reason: 'not a record', raw: 1 }]);
    expect(start.warnings).toEqual(['No durable storage.']);
  });

  it('a working copy that cannot be read is a warning, and the session starts from the file', async () => {
    const failing = { load: () => Promise.reject(new Error('disk on fire')), save: () => Promise.resolve(), recordBase: () => Promise.resolve() };
    const start = await startingNotesOf({ file: aFile, opened: opened(failing), storageKey: 'w' });
    expect(start).toMatchObject({ from: 'file', annotations: aFile.annotations, warnings: ['Stored notes could not be read: disk on fire'] });
  });
});
