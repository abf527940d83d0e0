import { describe, expect, test } from 'vitest';
import { followedRecordId, metaOnRevision, pickRevision, projectRecord, revisionNotice, revisionRef } from '../../../src/library/followed-revisions.ts';
import { mergeIntoLibrary, type LibraryRevision, type LibraryWork } from '../../../src/library/library-work.ts';
import { workLocation } from '../../../src/load/work-location.ts';
import type { WorkMeta } from '../../../src/model/work.ts';

const at = (search: string) => workLocation({ href: `http://127.0.0.1:5173/${search}` });
const meta: WorkMeta = {
  id: 'kavbiuro',
  title: 'Kavbiuro',
  language: 'en',
  source: 'https://en.wikipedia.org/wiki/Kavbiuro',
  iri: 'https://en.wikipedia.org/wiki/Kavbiuro',
  licence: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  attribution: 'Wikipedia contributors',
  sha256: 'c'.repeat(64),
};
const bytes = new Uint8Array([1, 2, 3]);
const r2: LibraryRevision = { id: 'r1', sha256: 'd'.repeat(64), source: 'https://en.wikipedia.org/w/index.php?title=Kavbiuro&oldid=1234567890', revision: '1234567890', date: '2026-12-01T09:30:00.000Z', bytes };

describe('the revisions followed of a work', () => {
  test('&revision= names a revision of a project or library work; anything else is refused', () => {
    expect(at('?work=kavbiuro&revision=r2')).toMatchObject({ kind: 'project', id: 'kavbiuro', revision: 'r2' });
    expect(at('?library=dog&revision=r1')).toEqual({ kind: 'library', id: 'dog', storageKey: 'library:dog', revision: 'r1' });
    expect(at('?work=kavbiuro')).not.toHaveProperty('revision');
    expect(() => at('?work=kavbiuro&revision=2')).toThrow('"2" is not a revision (r1, r2, …)');
    expect(() => at('?work=kavbiuro&revision=r0')).toThrow(/not a revision/);
  });

  test('a project work follows its revisions under project-<id>, a library work in its own record, a link in none', () => {
    expect(followedRecordId(at('?work=kavbiuro'))).toBe('project-kavbiuro');
    expect(followedRecordId(at('?library=dog'))).toBe('dog');
    expect(followedRecordId(at('?text=/a.txt'))).toBeNull();
  });

  test("a project record starts with the project's own text as r1; a newer revision is appended as r2, r1 kept", () => {
    const record = projectRecord('project-kavbiuro', meta, bytes, 'text', '2026-12-06T02:00:00.000Z');
    expect(record.revisions).toEqual([{ id: 'r1', sha256: meta.sha256, source: meta.source, revision: null, date: '2026-12-06T02:00:00.000Z', bytes }]);
    const merged = mergeIntoLibrary(record, { ...record, revisions: [r2] });
    expect(merged.kind).toBe('new-revision');
    const work: LibraryWork = merged.work;
    expect(work.revisions.map((r) => [r.id, r.sha256])).toEqual([['r1', meta.sha256], ['r2', r2.sha256]]);
    expect(pickRevision(work, null).id).toBe('r2');
    expect(pickRevision(work, 'r1').sha256).toBe(meta.sha256);
    expect(() => pickRevision(work, 'r3')).toThrow('“Kavbiuro” has no revision “r3” in this browser; it has r1, r2.');
  });

  test("a Wikipedia revision is recorded with its oldid link and date; a file's with its date only", () => {
    expect(revisionRef(r2)).toEqual({ sha256: r2.sha256, date: r2.date, url: 'https://en.wikipedia.org/w/index.php?oldid=1234567890' });
    expect(revisionRef({ ...r2, source: 'kavbiuro-revised.txt', revision: null })).toEqual({ sha256: r2.sha256, date: r2.date, url: null });
  });

  test('the page on a revision names it; the newest of one revision needs no sentence', () => {
    expect(metaOnRevision(meta, r2)).toMatchObject({ sha256: r2.sha256, revision: '1234567890', title: 'Kavbiuro' });
    expect(metaOnRevision(meta, { ...r2, revision: null, id: 'r2', source: 'kavbiuro-revised.txt' }).revision).toBe('r2 (opened 2026-12-01 from kavbiuro-revised.txt)');
    const first = { ...r2, id: 'r1' };
    const second = { ...r2, id: 'r2' };
    expect(revisionNotice('Kavbiuro', first, [first])).toBeNull();
    expect(revisionNotice('Kavbiuro', second, [first, second])).toMatch(/^You are reading the newest revision r2 of 2 of “Kavbiuro”/);
    expect(revisionNotice('Kavbiuro', first, [first, second])).toMatch(/^You are reading revision r1 of 2 of “Kavbiuro” .*, not the newest \(r2\)\.$/);
  });
});
