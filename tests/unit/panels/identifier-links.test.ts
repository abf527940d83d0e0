import { describe, expect, test } from 'vitest';
import { identifierLinks } from '../../../src/panels/identifier-links.ts';
import type { ReferenceIds } from '../../../src/model/reference-types.ts';

const ids = (fields: Partial<ReferenceIds>): ReferenceIds => ({ isbn: [], oclc: [], ol: [], hdl: [], doi: [], url: [], ...fields });

describe('identifierLinks', () => {
  test('each kind links to its resolver, in the order ISBN, OCLC, OL, hdl, DOI, URL', () => {
    const links = identifierLinks(
      ids({ url: ['https://example.org/a'], doi: ['10.1000/182'], hdl: ['2027/mdp.39015'], ol: ['OL45M'], oclc: ['123'], isbn: ['9780300138139'] }),
    );
    expect(links).toEqual([
      { kind: 'ISBN', value: '9780300138139', href: 'https://openlibrary.org/isbn/9780300138139' },
      { kind: 'OCLC', value: '123', href: 'https://www.worldcat.org/oclc/123' },
      { kind: 'OL', value: 'OL45M', href: 'https://openlibrary.org/books/OL45M' },
      { kind: 'hdl', value: '2027/mdp.39015', href: 'https://hdl.handle.net/2027/mdp.39015' },
      { kind: 'DOI', value: '10.1000/182', href: 'https://doi.org/10.1000/182' },
      { kind: 'URL', value: 'https://example.org/a', href: 'https://example.org/a' },
    ]);
  });

  test('a DOI or handle is encoded segment by segment: its slashes stay, nothing else can change the URL', () => {
    const [doi] = identifierLinks(ids({ doi: ['10.1002/(SICI)1097?x=1#frag'] }));
    expect(doi!.href).toBe('https://doi.org/10.1002/(SICI)1097%3Fx%3D1%23frag');
    const [hdl] = identifierLinks(ids({ hdl: ['1234/a b'] }));
    expect(hdl!.href).toBe('https://hdl.handle.net/1234/a%20b');
  });

  test('only http(s) URLs become links', () => {
    const links = identifierLinks(ids({ url: ['javascript:alert(1)', 'data:text/html,x', 'HTTP://EXAMPLE.ORG/', 'ftp://example.org/f'] }));
    expect(links.map((l) => l.href)).toEqual(['HTTP://EXAMPLE.ORG/']);
  });

  test('no identifiers: no links', () => {
    expect(identifierLinks(ids({}))).toEqual([]);
  });
});
