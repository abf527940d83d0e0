/**
 * Which notes a session starts from (store/starting-notes.ts): the project's file while this browser has saved
 * nothing for the work, the working copy from the first save on (even empty), unreadable records from both.
 */
import { describe, expect, test } from 'vitest';
import type { UnreadableNote } from '../../../src/anchoring/unreadable-note.ts';
import { MemoryAnnotationRepository } from '../../../src/store/memory-repository.ts';
import type { OpenedRepository } from '../../../src/store/open-annotation-repository.ts';
import { STORAGE_ORIGIN, startingNotes } from '../../../src/store/starting-notes.ts';
import { sampleAnnotations } from './sample-annotations.ts';

const fileBad: UnreadableNote = { origin: 'annotations/w.jsonld', key: 'item 3', reason: 'no target', raw: {} };
const file = { annotations: sampleAnnotations(3), unreadable: [fileBad] };
const opened = (repository: OpenedRepository['repository'], warning: string | null = null): OpenedRepository => ({ repository, warning, error: null });

describe('startingNotes', () => {
  test('the project file while nothing was saved for the work', async () => {
    const start = await startingNotes({ file, opened: opened(new MemoryAnnotationRepository()), storageKey: 'w' });
    expect(start).toEqual({ from: 'file', annotations: file.annotations, unreadable: [fileBad], warnings: [] });
  });

  test('the working copy once saved, even empty; the file’s unreadable items still listed', async () => {
    const repository = new MemoryAnnotationRepository();
    await repository.save('w', []);
    expect(await startingNotes({ file, opened: opened(repository), storageKey: 'w' })).toMatchObject({ from: 'browser', annotations: [], unreadable: [fileBad] });
    const one = sampleAnnotations(1);
    await repository.save('w', one);
    expect((await startingNotes({ file, opened: opened(repository), storageKey: 'w' })).annotations).toEqual(one);
    // Another key is another working copy.
    expect((await startingNotes({ file, opened: opened(repository), storageKey: 'link:/t /m' })).from).toBe('file');
  });

  test('records set aside in storage make a working copy and are listed as from this browser', async () => {
    const repository = new MemoryAnnotationRepository([{ workId: 'w', unreadable: [{ key: 'w / urn:x', raw: 1, reason: 'not a record' }] }]);
    const start = await startingNotes({ file, opened: opened(repository, 'No durable storage.'), storageKey: 'w' });
    expect(start.from).toBe('browser');
    expect(start.unreadable).toEqual([fileBad, { origin: STORAGE_ORIGIN, key: 'w / urn:x', reason: 'not a record', raw: 1 }]);
    expect(start.warnings).toEqual(['No durable storage.']);
  });

  test('a working copy that cannot be read is a warning, and the session starts from the file', async () => {
    const failing = { load: () => Promise.reject(new Error('disk on fire')), save: () => Promise.resolve() };
    const start = await startingNotes({ file, opened: opened(failing), storageKey: 'w' });
    expect(start).toMatchObject({ from: 'file', annotations: file.annotations, warnings: ['Stored notes could not be read: disk on fire'] });
  });
});
