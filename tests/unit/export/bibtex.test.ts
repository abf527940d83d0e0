/**
 * BibTeX of the reference list (citation-js), read back by the real pandoc (`-f bibtex -t csljson`): every entry
 * there, with its key, title, authors, year and ISBN; keys unique; special characters survive.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportBibtex } from '../../../src/export/bibtex.ts';
import { buildExportInput } from '../../../src/export/build-export-input.ts';
import { cslItems } from '../../../src/export/csl.ts';
import { importText } from '../../../src/model/import-text.ts';
import { kavbiuroExportInput } from '../../fixtures/export/kavbiuro-export-input.ts';
import { pandocBibtex, pandocMissing, skipUnless } from './export-validators.ts';

const canRead = skipUnless(pandocMissing() === null, pandocMissing() ?? '');
const input = kavbiuroExportInput();
const keysOf = (bibtex: string) => [...bibtex.matchAll(/^@[A-Za-z]+\{([^,\n]*),$/gm)].map((m) => m[1]);
// pandoc reads straight apostrophes as typographic ones.
const fold = (s: string | undefined) => (s ?? '').normalize('NFC').replace(/’/g, "'").toLowerCase().replace(/\s+/g, ' ').trim();

describe.skipIf(!canRead)('BibTeX read back by pandoc', () => {
  test('the Kavbiuro references: two entries with their keys, titles, authors, years and ISBN', () => {
    const bibtex = exportBibtex(input);
    const read = pandocBibtex(bibtex);
    const csl = cslItems(input);
    expect(read.map((r) => r.id)).toEqual(['Altstadt1992Azerbaijani', 'Suny1989Nationalism']);
    expect(read.map((r) => r.type)).toEqual(['book', 'article-journal']);
    read.forEach((r, i) => {
      expect(fold(r.title)).toBe(fold(csl[i]!.title));
      expect(r.author?.map((a) => a.family)).toEqual(csl[i]!.author?.map((a) => a.family));
      expect(r.issued?.['date-parts']?.[0]?.[0]).toBe(csl[i]!.issued?.['date-parts']?.[0]?.[0]);
    });
    expect(read[0]!.ISBN).toBe('0817991816');
  });

  test('the reader of the check can fail: a truncated file is refused', () => {
    const bibtex = exportBibtex(input);
    expect(() => pandocBibtex(bibtex.slice(0, bibtex.indexOf('title')))).toThrow(/pandoc failed/);
  });

  test('entries that would share a key get b, c, …; special characters survive; an entry with no word gets its id', () => {
    const text = importText(
      'A claim.[1] Another.[2] More.[3] Last.[4]\n\nReferences\n' +
        '1. Smith, John (2001). "Rates & ratios at 100% — naïve café". Press.\n' +
        '2. Smith, John (2001). "Rates & ratios at 100% — naïve café". Press.\n' +
        '3. Smith, John (2001). "Rates & ratios at 100% — naïve café". Press.\n' +
        '4. ???\n',
    );
    const bibtex = exportBibtex({ ...input, text, annotations: [], anchors: new Map() });
    const keys = keysOf(bibtex);
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(4);
    expect(keys.slice(0, 3)).toEqual([keys[0], `${keys[0]}b`, `${keys[0]}c`]);
    const read = pandocBibtex(bibtex);
    expect(read.map((r) => r.id)).toEqual(keys);
    expect(fold(read[0]!.title)).toBe(fold('Rates & ratios at 100% — naïve café'));
    // An entry with no word to make a key from gets its export id.
    expect(keys[3]).toBe('ref4');
    expect(read[3]!.title).toBe('???');
  });

  test('a URL or DOI cannot add a field (issue 8 §5.5): braces, backslashes and stray % are percent-encoded', () => {
    const injection = 'https://example.org/},note={\\input{/etc/passwd}},x={';
    const text = importText('A claim.[1]\n\nReferences\n1. Smith, John (2001). "Title". Press.\n');
    const ref = text.references[0]!;
    const crafted = { ...ref, csl: { ...ref.csl, URL: injection, DOI: '10.1000/a},note={x}#%' } };
    const bibtex = exportBibtex({ ...input, text: { ...text, references: [crafted] }, annotations: [], anchors: new Map() });
    expect(bibtex).not.toContain('/etc/passwd}');
    const read = pandocBibtex(bibtex) as Record<string, unknown>[];
    expect(read).toHaveLength(1);
    // Only the fields the entry has: no `note` (or any other) field smuggled in.
    expect(Object.keys(read[0]!).sort()).toEqual(['DOI', 'URL', 'author', 'id', 'issued', 'publisher', 'title', 'type']);
    expect(read[0]!['URL']).toBe('https://example.org/%7D,note=%7B%5Cinput%7B/etc/passwd%7D%7D,x=%7B');
    expect(decodeURIComponent(read[0]!['URL'] as string)).toBe(injection);
    expect(read[0]!['DOI']).toBe('10.1000/a%7D,note=%7Bx%7D%23%25');
  });

  test('the same reference read from a text: the crafted URL is not taken as an identifier, the entry keeps its text', () => {
    const text = importText(
      'A claim.[1]\n\nReferences\n1. Smith, John (2001). "Title". Press. <https://example.org/},note={\\input{/etc/passwd}},x={>\n',
    );
    expect(text.references[0]!.text).toContain('/etc/passwd');
    const read = pandocBibtex(exportBibtex({ ...input, text, annotations: [], anchors: new Map() })) as Record<string, unknown>[];
    expect(read).toHaveLength(1);
    expect(read[0]!['note']).toBeUndefined();
    expect(read[0]!['URL']).toBeUndefined();
    expect(read[0]!['title']).toBe('Title');
  });

  test('no references: an empty file', () => {
    const text = importText('A claim without sources.\n');
    expect(exportBibtex({ ...input, text, annotations: [], anchors: new Map() })).toBe('');
  });
});

const root = resolve(import.meta.dirname, '../../..');
const corporaDir = join(resolve(root, process.env['APPARATUS_SHARED'] ?? '../shared'), 'corpora');
const corpora = existsSync(corporaDir) ? readdirSync(corporaDir).filter((f) => f.endsWith('.txt')).sort() : [];

describe.skipIf(!canRead || corpora.length === 0)('BibTeX of the real articles', () => {
  test.each(corpora)('%s: every entry read back, keys unique', async (file) => {
    const { input: article } = await buildExportInput({ text: readFileSync(join(corporaDir, file)), textName: file, workJson: null, annotationsJson: null, exportedAt: '2026-01-15T12:00:00Z' });
    const bibtex = exportBibtex(article);
    const read = pandocBibtex(bibtex);
    expect(read).toHaveLength(article.text.references.length);
    expect(new Set(read.map((r) => r.id)).size).toBe(read.length);
  });
});
