import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  currentRevision,
  deriveLibraryWork,
  libraryStorageKey,
  libraryWorkMeta,
  LibraryRecordError,
  mergeIntoLibrary,
  readLibraryWork,
  slugOf,
  UNKNOWN_LICENCE,
} from '../../../src/library/library-work.ts';
import { sha256Hex } from '../../../src/model/work.ts';

const kavbiuro = new Uint8Array(readFileSync(new URL('../../../corpus/kavbiuro/text.txt', import.meta.url)));
const date = '2026-12-05T23:00:00.000Z';

describe('library works', () => {
  it('derives metadata from the file name when the source says nothing, with an unknown licence said plainly', async () => {
    const work = deriveLibraryWork({ bytes: kavbiuro, sha256: await sha256Hex(kavbiuro), format: 'text', origin: 'Notes_on Kavbiuro.txt', date });
    expect(work).toMatchObject({ id: 'notes-on-kavbiuro', title: 'Notes on Kavbiuro', language: 'en', source: 'Notes_on Kavbiuro.txt', format: 'text', opened: date });
    expect(work.licence).toEqual(UNKNOWN_LICENCE);
    expect(work.revisions).toHaveLength(1);
    expect(currentRevision(work)).toMatchObject({ id: 'r1', sha256: await sha256Hex(kavbiuro), revision: null, date });
    expect(currentRevision(work).bytes).toBe(kavbiuro);
  });

  it('takes what the source says about itself (title, language, permanent source, revision, licence)', () => {
    const work = deriveLibraryWork({
      bytes: new Uint8Array([65]),
      sha256: 'a'.repeat(64),
      format: 'wikipedia-parsoid',
      origin: 'https://en.wikipedia.org/w/rest.php/v1/page/Dog/html',
      meta: { title: 'Dog', language: 'en', source: 'https://en.wikipedia.org/w/index.php?title=Dog&oldid=123', revision: '123', date: '2025-01-01T00:00:00Z', licence: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' } },
      date,
    });
    expect(work).toMatchObject({ id: 'dog', title: 'Dog', source: 'https://en.wikipedia.org/w/index.php?title=Dog&oldid=123', licence: { name: 'CC BY-SA 4.0' } });
    expect(currentRevision(work)).toMatchObject({ revision: '123', date: '2025-01-01T00:00:00Z', source: work.source });
    const meta = libraryWorkMeta(work);
    expect(meta).toMatchObject({ id: 'dog', iri: work.source, revision: '123', sha256: 'a'.repeat(64) });
  });

  it('keeps notes under a key no project work id can equal', () => {
    expect(libraryStorageKey('kavbiuro')).toBe('library:kavbiuro');
    expect(libraryStorageKey('kavbiuro')).not.toBe('kavbiuro');
  });

  it('slugs titles of any script into ids, never empty', () => {
    expect(slugOf('Église Saint-Étienne (Caen)')).toBe('eglise-saint-etienne-caen');
    expect(slugOf('Москва')).toBe('work');
    expect(slugOf('x'.repeat(100))).toHaveLength(64);
  });

  it('refuses an id that is not a work name', () => {
    expect(() => deriveLibraryWork({ bytes: kavbiuro, sha256: 'a'.repeat(64), format: 'text', origin: 'a.txt', id: 'Bad Id', date })).toThrow(/"Bad Id" is not a work name/);
  });

  it('never replaces bytes: same bytes update the opening time, other bytes become a new revision, newest last', () => {
    const first = deriveLibraryWork({ bytes: new Uint8Array([1]), sha256: '1'.repeat(64), format: 'text', origin: 'a.txt', date });
    const again = deriveLibraryWork({ bytes: new Uint8Array([1]), sha256: '1'.repeat(64), format: 'text', origin: 'a.txt', date: '2026-12-06T00:00:00.000Z' });
    const same = mergeIntoLibrary(first, again);
    expect(same.kind).toBe('same');
    expect(same.work.revisions).toEqual(first.revisions);
    expect(same.work.opened).toBe('2026-12-06T00:00:00.000Z');

    const changed = deriveLibraryWork({ bytes: new Uint8Array([2]), sha256: '2'.repeat(64), format: 'text', origin: 'a.txt', date: '2026-12-06T00:00:00.000Z' });
    const merged = mergeIntoLibrary(first, changed);
    expect(merged.kind).toBe('new-revision');
    expect(merged.work.revisions.map((r) => [r.id, r.sha256, r.bytes[0]])).toEqual([
      ['r1', '1'.repeat(64), 1],
      ['r2', '2'.repeat(64), 2],
    ]);
    expect(libraryWorkMeta(merged.work).sha256).toBe('2'.repeat(64));
    // Reopening the older bytes adds nothing.
    expect(mergeIntoLibrary(merged.work, again).kind).toBe('same');
  });

  it('reads back a stored record and names what is wrong with a bad one', () => {
    const work = deriveLibraryWork({ bytes: new Uint8Array([1]), sha256: '1'.repeat(64), format: 'text', origin: 'a.txt', date });
    expect(readLibraryWork(structuredClone(work))).toEqual(work);
    expect(() => readLibraryWork(null)).toThrow(LibraryRecordError);
    expect(() => readLibraryWork({ ...work, v: 2 })).toThrow(/"a": "v"/);
    expect(() => readLibraryWork({ ...work, revisions: [] })).toThrow(/"revisions"/);
    expect(() => readLibraryWork({ ...work, licence: null })).toThrow(/"licence"/);
  });
});
