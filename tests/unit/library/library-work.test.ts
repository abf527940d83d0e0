import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  currentRevision,
  deriveLibraryWork,
  libraryStorageKey,
  libraryWorkMeta,
  LibraryRecordError,
  mergeIntoLibrary,
  sameWork,
  workKey,
  libraryIdCandidates,
  MAX_ID_CANDIDATES,
  LIBRARY_ID,
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

  it('tells works apart by their source, not their id: every revision of an article is one work, two articles or two texts are two', () => {
    const wiki = (title: string, oldid: string, shown = title) =>
      deriveLibraryWork({ bytes: new Uint8Array([1]), sha256: '1'.repeat(64), format: 'wikipedia-parsoid', origin: 'x', meta: { title: shown, source: `https://en.wikipedia.org/w/index.php?title=${title}&oldid=${oldid}` }, date });
    expect(sameWork(wiki('Mercury_(planet)', '1', 'Mercury'), wiki('Mercury_(planet)', '2', 'Mercury'))).toBe(true);
    expect(sameWork(wiki('Mercury_(planet)', '1', 'Mercury'), wiki('Mercury (planet)', '1', 'Mercury'))).toBe(true);
    // Two articles titled alike make the same id, but are different works.
    const planet = wiki('Mercury_(planet)', '1', 'Mercury');
    const element = wiki('Mercury_(element)', '1', 'Mercury');
    expect(planet.id).toBe(element.id);
    expect(sameWork(planet, element)).toBe(false);
    expect(sameWork(wiki('Dog', '1'), { ...wiki('Dog', '1'), source: 'https://de.wikipedia.org/w/index.php?title=Dog&oldid=1' })).toBe(false);
    // Files: the file name and the title its text gives.
    const file = (origin: string, title: string) => deriveLibraryWork({ bytes: new Uint8Array([1]), sha256: '1'.repeat(64), format: 'markdown', origin, meta: { title }, date });
    expect(sameWork(file('notes.md', 'Introduction'), file('notes.md', 'Introduction'))).toBe(true);
    expect(sameWork(file('notes.md', 'Introduction'), file('notes.md', 'Conclusion'))).toBe(false);
    expect(sameWork(file('a/notes.md', 'Introduction'), file('b/other.md', 'Introduction'))).toBe(false);
    expect(workKey(file('Notes.md', 'Introduction'))).toBe('file:notes|introduction');
  });

  it('offers the next free ids for a work whose id is taken, each a valid id', () => {
    const ids = libraryIdCandidates('mercury');
    expect(ids.slice(0, 3)).toEqual(['mercury', 'mercury-2', 'mercury-3']);
    expect(ids).toHaveLength(MAX_ID_CANDIDATES);
    const long = libraryIdCandidates('x'.repeat(64));
    expect(long[1]).toBe(`${'x'.repeat(62)}-2`);
    for (const id of long) expect(LIBRARY_ID.test(id)).toBe(true);
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
