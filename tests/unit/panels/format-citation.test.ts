import { describe, expect, test } from 'vitest';
import { authorLine, publicationLine, shortCitation } from '../../../src/panels/format-citation.ts';
import type { CslItem } from '../../../src/model/reference-types.ts';

const item = (fields: Partial<CslItem>): CslItem => ({ id: 'ref-1', type: 'book', ...fields });
const year = (y: number) => ({ 'date-parts': [[y]] as [[number]] });

describe('shortCitation: the heading of a source', () => {
  test.each([
    ['one author', item({ author: [{ family: 'Altstadt', given: 'Audrey L.' }], issued: year(1992) }), 'Altstadt (1992)'],
    ['two authors', item({ author: [{ family: 'Davis' }, { family: 'Solomon' }], issued: year(2009) }), 'Davis and Solomon (2009)'],
    ['three or more authors', item({ author: [{ family: 'Moodley' }, { family: 'B' }, { family: 'C' }], issued: year(2009) }), 'Moodley et al. (2009)'],
    ['an organisation', item({ author: [{ literal: 'Statistics New Zealand' }], issued: year(2013) }), 'Statistics New Zealand (2013)'],
    ['no author: the title', item({ title: 'Duckling', issued: year(2006) }), 'Duckling (2006)'],
    ['no year', item({ author: [{ family: 'Suny' }] }), 'Suny'],
    ['neither author nor title: the id', item({}), 'ref-1'],
  ])('%s', (_name, csl, expected) => {
    expect(shortCitation(csl)).toBe(expected);
  });
});

describe('authorLine: every author in full', () => {
  test('family, given; literal names as they are; joined by "; "', () => {
    expect(authorLine(item({ author: [{ family: 'Altstadt', given: 'Audrey L.' }, { family: 'Suny' }, { literal: 'Ministry for Culture' }] }))).toBe(
      'Altstadt, Audrey L.; Suny; Ministry for Culture',
    );
  });
  test('no authors: empty', () => {
    expect(authorLine(item({}))).toBe('');
  });
});

describe('publicationLine: where it appeared', () => {
  test('container with volume, issue and pages, then place: publisher', () => {
    expect(publicationLine(item({ 'container-title': 'Slavic Review', volume: '59', issue: '4', page: '5–16', 'publisher-place': 'Cambridge', publisher: 'CUP' }))).toBe(
      'Slavic Review 59 (4): 5–16. Cambridge: CUP',
    );
  });
  test('pages without a container', () => {
    expect(publicationLine(item({ page: '89' }))).toBe('p. 89');
  });
  test('a publisher without a place', () => {
    expect(publicationLine(item({ publisher: 'Hoover Press' }))).toBe('Hoover Press');
  });
  test('nothing given: empty', () => {
    expect(publicationLine(item({ title: 'Only a title' }))).toBe('');
  });
});
