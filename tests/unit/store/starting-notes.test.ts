import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import type { FileNotes } from '../../../src/load/load-messages.ts';
import type { AnnotationRepository } from '../../../src/store/annotation-repository.ts';
import { MemoryAnnotationRepository } from '../../../src/store/memory-repository.ts';
import { startingNotes } from '../../../src/store/starting-notes.ts';
import { StoreError } from '../../../src/store/store-error.ts';
import { sampleAnnotation, sampleAnnotations } from './sample-annotations.ts';

const file = (annotations: Annotation[], sha256: string | null | undefined = `sha-${annotations.length}`): FileNotes => ({
  annotations,
  unreadable: [],
  ...(sha256 !== undefined ? { sha256 } : {}),
});
const bodies = (list: readonly Annotation[]) => list.map((a) => (a.body?.[0] as { value: string }).value);

describe('startingNotes: where the reader starts', () => {
  it('starts from the file while this browser has no working copy, and records the file version as the base', async () => {
    const repo = new MemoryAnnotationRepository();
    const v0 = file(sampleAnnotations(2), 'v0');
    const start = await startingNotes('kavbiuro', v0, repo);
    expect(start).toMatchObject({ annotations: v0.annotations, fromFile: true, messages: [], conflicts: [], base: { sha256: 'v0', annotations: v0.annotations } });
    expect(await repo.load('kavbiuro')).toEqual({ annotations: [], unreadable: [], saved: false, base: { sha256: 'v0', annotations: v0.annotations } });
  });

  it('keeps the working copy as it is while the file is the version it started from', async () => {
    const repo = new MemoryAnnotationRepository();
    const v0 = file(sampleAnnotations(2), 'v0');
    await startingNotes('kavbiuro', v0, repo);
    await repo.save('kavbiuro', [sampleAnnotation(1)]); // the reader deleted note 2
    const start = await startingNotes('kavbiuro', v0, repo);
    expect(start).toMatchObject({ annotations: [sampleAnnotation(1)], fromFile: false, messages: [] });
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
    expect(start.messages[0]).toBe('The project’s notes file changed since this browser’s copy was made: 1 note added from the project file, 1 note deleted in the project file removed, 1 conflict kept beside.');
    expect(start.base).toEqual({ sha256: 'v1', annotations: v1.annotations });
    // Stored at once, with the new base: the next load changes nothing and says nothing.
    const stored = await repo.load('kavbiuro');
    expect(stored.annotations).toEqual(start.annotations);
    expect(stored.base?.sha256).toBe('v1');
    expect(await startingNotes('kavbiuro', v1, repo)).toMatchObject({ annotations: start.annotations, messages: [], conflicts: [] });
  });

  it('a working copy with no recorded base (older version) removes nothing: notes only the file has are brought in', async () => {
    const repo = new MemoryAnnotationRepository([{ workId: 'kavbiuro', annotations: [sampleAnnotation(1)] }]);
    const start = await startingNotes('kavbiuro', file(sampleAnnotations(2), 'v0'), repo);
    expect(start.annotations.map((a) => a.id)).toEqual(sampleAnnotations(2).map((a) => a.id));
    expect(start.messages[0]).toMatch(/did not record which version .* so nothing was removed: 1 note added/);
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
    expect(start).toMatchObject({ annotations: sampleAnnotations(1), fromFile: true, messages: ['Stored notes could not be read: the disk is on fire'] });
    expect(start.unreadable.map((u) => u.key)).toEqual(['item 1']);
    const repo = new MemoryAnnotationRepository([{ workId: 'kavbiuro', unreadable: [{ key: 'kavbiuro/urn:x', raw: { v: 9 }, reason: 'unknown record format 9' }] }]);
    const mixed = await startingNotes('kavbiuro', withBad, repo);
    expect(mixed.unreadable.map((u) => [u.origin, u.key])).toEqual([['f', 'item 1'], ['this browser’s storage', 'kavbiuro/urn:x']]);
  });
});
