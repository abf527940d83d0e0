/**
 * Where the page's work is and under which key its notes are kept: project works under their id; texts opened from
 * a link under a key of their own (never a work id), and only from this site.
 */
import { describe, expect, test } from 'vitest';
import { LINK_KEY_PREFIX, workLocation } from '../../../src/load/work-location.ts';

const at = (search: string) => workLocation({ href: `http://127.0.0.1:5173/${search}` });

describe('workLocation', () => {
  test('a project work: its corpus files and notes file, by id (kavbiuro by default)', () => {
    expect(at('')).toEqual({
      kind: 'project',
      id: 'kavbiuro',
      text: 'http://127.0.0.1:5173/corpus/kavbiuro/text.txt',
      meta: 'http://127.0.0.1:5173/corpus/kavbiuro/work.json',
      annotations: 'http://127.0.0.1:5173/annotations/kavbiuro.jsonld',
    });
    expect(at('?work=other-work')).toMatchObject({ kind: 'project', id: 'other-work' });
    expect(() => at('?work=../etc')).toThrow('"../etc" is not a work name');
  });

  test("a link to the project's own files keeps its notes under a key that is no work id", () => {
    const linked = at('?text=/corpus/kavbiuro/text.txt&meta=corpus/kavbiuro/work.json&annotations=/x/notes.jsonld');
    expect(linked).toEqual({
      kind: 'link',
      text: 'http://127.0.0.1:5173/corpus/kavbiuro/text.txt',
      meta: 'http://127.0.0.1:5173/corpus/kavbiuro/work.json',
      annotations: 'http://127.0.0.1:5173/x/notes.jsonld',
      storageKey: `${LINK_KEY_PREFIX}/corpus/kavbiuro/text.txt /corpus/kavbiuro/work.json /x/notes.jsonld`,
    });
    if (linked.kind !== 'link') throw new Error('unreachable');
    expect(linked.storageKey).not.toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
    // Other notes, another key: two links never share a working copy.
    const other = at('?text=/corpus/kavbiuro/text.txt&meta=/corpus/kavbiuro/work.json');
    expect(other).toMatchObject({ kind: 'link', annotations: null, storageKey: `${LINK_KEY_PREFIX}/corpus/kavbiuro/text.txt /corpus/kavbiuro/work.json` });
  });

  test.each([
    ['annotations', 'data:application/ld+json,{}'],
    ['annotations', 'blob:http://127.0.0.1:5173/0b1c'],
    ['meta', 'http://127.0.0.1:9999/work.json'],
    ['text', 'https://example.org/text.txt'],
    ['text', '//example.org/text.txt'],
    ['text', 'javascript:alert(1)'],
  ])('refuses a %s that is not a file of this site: %s', (name, url) => {
    const params = { text: '/t.txt', meta: '/w.json', annotations: '/n.jsonld', [name]: url };
    const search = `?${new URLSearchParams(params).toString()}`;
    expect(() => at(search)).toThrow(`The link's "${name}" is not a file of this site (http://127.0.0.1:5173)`);
  });

  test('a text without meta: its metadata is derived (meta null), under a link key naming no meta', () => {
    const linked = at('?text=/texts/essay.txt');
    expect(linked).toEqual({ kind: 'link', text: 'http://127.0.0.1:5173/texts/essay.txt', meta: null, annotations: null, storageKey: `${LINK_KEY_PREFIX}/texts/essay.txt` });
  });

  test('meta without text says what is missing', () => {
    expect(() => at('?meta=/w.json')).toThrow('The link gives "meta" but no "text"');
  });

  test('a library work: notes under library:<id>, never the project id', () => {
    expect(at('?library=kavbiuro')).toEqual({ kind: 'library', id: 'kavbiuro', storageKey: 'library:kavbiuro' });
    expect(() => at('?library=../x')).toThrow('"../x" is not the name of a work in the library');
  });
});
