import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { importText } from '../../../src/model/import-text.ts';
import { parseDate, parseIdentifiers, parseReference } from '../../../src/model/references.ts';
import { cslSchema, validateCsl } from '../export/export-validators.ts';
import { referenceCases } from './reference-cases.ts';

describe('parseReference on entries from the corpora', () => {
  test.each(referenceCases)('$source', ({ text, ids, csl, absent }) => {
    const ref = parseReference('7', text);
    expect(ref.text).toBe(text);
    if (ids) expect(ref.ids).toMatchObject(ids);
    expect(ref.csl).toMatchObject({ id: 'ref-7', ...csl });
    for (const field of absent ?? []) expect(ref.csl, field).not.toHaveProperty(field);
  });
});

describe('huge fields', () => {
  test('an enormous entry keeps its whole text; its CSL item is read from its start', () => {
    const text = 'Smith, John (1990). "A Title". ' + 'Retrieved , , , '.repeat(60_000) + 'ISBN 978-0-8018-8792-5';
    const ref = parseReference('1', text);
    expect(ref.text).toBe(text);
    expect(ref.ids.isbn).toEqual(['9780801887925']);
    expect(ref.csl).toMatchObject({ title: 'A Title', author: [{ family: 'Smith', given: 'John' }], issued: { 'date-parts': [[1990]] } });
  });
});

describe('identifiers', () => {
  test('ISBNs with a wrong check digit are not identifiers', () => {
    expect(parseIdentifiers('ISBN 978-0-8018-8792-6').isbn).toEqual([]);
  });
  test('URLs in <…> are kept whole; bare URLs lose closing punctuation; DOIs from doi.org links', () => {
    const ids = parseIdentifiers('See <https://a.org/x?y=1&z=(2)>. Also https://b.org/page. https://doi.org/10.1000/abc.');
    expect(ids.url).toEqual(['https://a.org/x?y=1&z=(2)', 'https://b.org/page', 'https://doi.org/10.1000/abc']);
    expect(ids.doi).toEqual(['10.1000/abc']);
  });
  test('a URL, DOI or handle that could break out of a BibTeX field is refused (issue 8 §5.5); ordinary escapes and fragments are kept', () => {
    const injected = parseIdentifiers(
      'Smith (2001). "T". <https://example.org/},note={\\input{/etc/passwd}},x={> doi:10.1000/a},note={x} hdl:1234/a\\b https://c.org/50%off',
    );
    expect(injected).toEqual({ isbn: [], oclc: [], ol: [], hdl: [], doi: [], url: [] });
    expect(parseIdentifiers('doi:10.1000/a#b hdl:1234/5%20').doi.concat(parseIdentifiers('hdl:1234/5%20').hdl)).toEqual([]);
    const ids = parseIdentifiers('<https://a.org/caf%C3%A9#p=2> doi:10.1000/(x)y');
    expect(ids.url).toEqual(['https://a.org/caf%C3%A9#p=2']);
    expect(ids.doi).toEqual(['10.1000/(x)y']);
  });
  test('Bibcode, PMID and JSTOR are not read as other identifiers', () => {
    expect(parseIdentifiers('Bibcode:2000MarGR..21..489W. PMID 12345. JSTOR 4567.')).toEqual({ isbn: [], oclc: [], ol: [], hdl: [], doi: [], url: [] });
  });
});

describe('dates', () => {
  test.each([
    ['2015-05-22', [2015, 5, 22]],
    ['17 February 2008', [2008, 2, 17]],
    ['April 2, 2003', [2003, 4, 2]],
    ['March 2009', [2009, 3]],
    ['29. Dezember 2012', [2012, 12, 29]],
    ['5. März 1921', [1921, 3, 5]],
    ['1992', [1992]],
    ['2015-13-45 (no such month: the year alone)', [2015]],
  ])('%s', (text, parts) => {
    expect(parseDate(text)).toEqual({ 'date-parts': [parts] });
  });
  test('no year, no date', () => {
    expect(parseDate('n.d.')).toBeNull();
  });
});

const root = fileURLToPath(new URL('../../../', import.meta.url));
const corpora = join(resolve(root, process.env['APPARATUS_SHARED'] ?? '../shared'), 'corpora');
const canValidate = existsSync(corpora) && existsSync(cslSchema());

describe.skipIf(!canValidate)(`every CSL item of every corpus entry (${corpora}) is valid CSL-JSON with id, type and title`, () => {
  const files = canValidate ? readdirSync(corpora).filter((f) => f.endsWith('.txt')) : [];
  test.each(files)('%s', (file) => {
    const { references } = importText(readFileSync(join(corpora, file)));
    const items = references.map((r) => r.csl);
    for (const item of items) {
      expect(item.id).toMatch(/^ref-\d+$/);
      expect(item.type).toMatch(/^(?:book|article-journal|chapter|webpage|article-newspaper|document)$/);
      expect(item.title?.trim()).toBeTruthy();
      for (const date of [item.issued, item.accessed]) {
        if (!date) continue;
        const [year, month, day] = date['date-parts'][0];
        expect(year).toBeGreaterThan(1000);
        if (month !== undefined) expect(month >= 1 && month <= 12, `month ${month}`).toBe(true);
        if (day !== undefined) expect(day >= 1 && day <= 31, `day ${day}`).toBe(true);
      }
    }
    const { ok, errors } = validateCsl(items);
    expect(errors).toBeNull();
    expect(ok).toBe(true);
  });
});
