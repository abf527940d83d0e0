import { describe, expect, it } from 'vitest';
import { cslFromTemplate, isCitationTemplate, plainWikitext } from '../../../src/sources/citation-template-csl.ts';
import { cslFromCoins } from '../../../src/sources/coins-csl.ts';
import { labelOfMarkerText, shownLabel } from '../../../src/sources/wikipedia-labels.ts';
import { cslMissing, validateCsl } from '../export/export-validators.ts';

describe('citation template parameters → CSL', () => {
  const journal = cslFromTemplate('7', 'cite journal', {
    last1: 'Thalmann',
    first1: 'O.',
    last2: 'Shapiro',
    first2: 'B.',
    'editor-last': 'Smith',
    'editor-first': 'Jo',
    title: "''Complete'' mitochondrial genomes",
    journal: '[[Science (journal)|Science]]',
    volume: '342',
    issue: '6160',
    pages: '871–874',
    date: '15 November 2013',
    doi: '10.1126/science.1243650',
    issn: '0036-8075',
    url: 'https://example.org/paper',
    'access-date': '2017-02-11',
    'archive-url': 'https://web.archive.org/web/2017/https://example.org/paper',
    publisher: 'AAAS',
    location: 'Washington',
  });

  it('reads every field the brief names', () => {
    expect(journal.csl).toEqual({
      id: 'ref-7',
      type: 'article-journal',
      author: [{ family: 'Thalmann', given: 'O.' }, { family: 'Shapiro', given: 'B.' }],
      editor: [{ family: 'Smith', given: 'Jo' }],
      title: 'Complete mitochondrial genomes',
      'container-title': 'Science',
      volume: '342',
      issue: '6160',
      page: '871–874',
      publisher: 'AAAS',
      'publisher-place': 'Washington',
      issued: { 'date-parts': [[2013, 11, 15]] },
      accessed: { 'date-parts': [[2017, 2, 11]] },
      ISSN: '0036-8075',
      DOI: '10.1126/science.1243650',
      URL: 'https://example.org/paper',
      note: 'Archived at https://web.archive.org/web/2017/https://example.org/paper',
    });
    expect(journal.ids.url).toEqual(['https://example.org/paper', 'https://web.archive.org/web/2017/https://example.org/paper']);
  });

  it('reads a book chapter, ISBN, OCLC and handle, and refuses a javascript: URL', () => {
    const book = cslFromTemplate('1', 'Cite book', { author: 'Anon', chapter: 'Dogs', title: 'Animals', isbn: '978-0-8018-8221-0', oclc: '62265494', hdl: '2027/abc', url: 'javascript:alert(1)' });
    expect(book.csl).toMatchObject({ type: 'chapter', title: 'Dogs', 'container-title': 'Animals', ISBN: '9780801882210', author: [{ literal: 'Anon' }] });
    expect(book.ids).toMatchObject({ isbn: ['9780801882210'], oclc: ['62265494'], hdl: ['2027/abc'], url: [] });
    expect(book.csl.URL).toBe('https://hdl.handle.net/2027/abc');
  });

  it.skipIf(cslMissing() !== null)('gives valid CSL-JSON', () => {
    expect(validateCsl([journal.csl]).errors).toBeNull();
  });

  it('knows citation templates and plain wikitext', () => {
    expect(['cite web', 'Cite_news', 'Citation', 'cite journal '].every(isCitationTemplate)).toBe(true);
    expect(['convert', 'efn', 'citation needed'].some(isCitationTemplate)).toBe(false);
    expect(plainWikitext("[[Don E. Wilson|Wilson]]'s [https://x.org ''book'']")).toBe("Wilson's book");
  });
});

describe('COinS → CSL', () => {
  it('reads OpenURL pairs, Windows-1252 escapes included', () => {
    const { csl, ids } = cslFromCoins(
      '3',
      'ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal&rft.genre=article&rft.atitle=OkCupid%99s+stunt&rft.jtitle=Salon&rft.aulast=Eidelson&rft.aufirst=Josh&rft.date=2014-04-04&rft.volume=3&rft.spage=10&rft.epage=12&rft_id=info%3Adoi%2F10.1000%2Fxyz&rft_id=http%3A%2F%2Fwww.salon.com%2Fa',
    );
    expect(csl).toMatchObject({ type: 'article-journal', title: 'OkCupid™s stunt', 'container-title': 'Salon', author: [{ family: 'Eidelson', given: 'Josh' }], volume: '3', page: '10–12', issued: { 'date-parts': [[2014, 4, 4]] }, DOI: '10.1000/xyz', URL: 'http://www.salon.com/a' });
    expect(ids.doi).toEqual(['10.1000/xyz']);
  });
});

describe('labels as Wikipedia shows them', () => {
  it('maps CSS counter groups to letters and keeps named groups', () => {
    expect(labelOfMarkerText('[lower-alpha 1]')).toEqual({ label: 'a', group: 'lower-alpha' });
    expect(shownLabel('lower-alpha', '28')).toBe('ab');
    expect(shownLabel('upper-roman', '4')).toBe('IV');
    expect(labelOfMarkerText('[n 3]')).toEqual({ label: 'n 3', group: 'n' });
    expect(labelOfMarkerText('[12]')).toEqual({ label: '12', group: '' });
    expect(labelOfMarkerText('[group 1.1]', 'group')).toEqual({ label: 'group 1.1', group: 'group' });
    expect(labelOfMarkerText('[a]')).toEqual({ label: 'a', group: 'lower-alpha' });
  });
});
