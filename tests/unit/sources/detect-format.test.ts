/**
 * Format detection for Markdown and TEI, by content: the fixtures and the real TEI documents are recognised, and
 * no plain-text work of the project or of ../shared/corpora is taken for Markdown.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, test } from 'vitest';
import { detectFormat } from '../../../src/sources/detect-format.ts';
import { importSource } from '../../../src/sources/import-source.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const shared = resolve(root, process.env['APPARATUS_SHARED'] ?? '../shared');
const teiDir = join(shared, 'sources', 'tei');
const corporaDir = join(shared, 'corpora');
const fixture = (name: string) => readFileSync(join(root, 'tests', 'fixtures', 'sources', name));
if (!existsSync(teiDir)) test.skip(`SKIPPED: ${teiDir} is absent (set APPARATUS_SHARED) — detection of the real TEI documents not checked`, () => {});
if (!existsSync(corporaDir)) test.skip(`SKIPPED: ${corporaDir} is absent — detection of the shared plain-text corpora not checked`, () => {});

describe('detectFormat: Markdown', () => {
  it('recognises footnotes with front matter, Setext headings and links, and ATX headings with raw HTML', () => {
    expect(detectFormat(fixture('footnotes.md'))).toBe('markdown');
    expect(detectFormat(fixture('structure.md'))).toBe('markdown');
    expect(detectFormat(fixture('hostile.md'))).toBe('markdown');
  });

  it('recognises each signal on its own', () => {
    expect(detectFormat('Title\n=====\n\nText.')).toBe('markdown');
    expect(detectFormat('Some words\n----------\n\nText.')).toBe('markdown');
    expect(detectFormat('See [the report](https://example.org/r).')).toBe('markdown');
    expect(detectFormat('---\ntitle: A note\nlang: en\n---\n\nJust words.')).toBe('markdown');
    expect(detectFormat('An inline note.^[Smith 1990.]')).toBe('markdown');
  });

  it('leaves plain texts as text: the project corpus and the shared corpora', () => {
    const texts = readdirSync(join(root, 'corpus')).map((d) => join(root, 'corpus', d, 'text.txt')).filter(existsSync);
    if (existsSync(corporaDir)) texts.push(...readdirSync(corporaDir).filter((f) => f.endsWith('.txt')).map((f) => join(corporaDir, f)));
    expect(texts.length).toBeGreaterThan(0);
    for (const file of texts) expect(detectFormat(readFileSync(file)), file).toBe('text');
    expect(detectFormat('A line.\n\n1. An entry, 1990.')).toBe('text');
  });
});

describe('detectFormat: TEI', () => {
  it.skipIf(!existsSync(teiDir))('recognises both real TEI documents (one opens with a processing instruction, not an XML declaration)', () => {
    expect(detectFormat(readFileSync(join(teiDir, 'sermon-27003.xml')))).toBe('tei');
    expect(detectFormat(readFileSync(join(teiDir, 'stylesheets-test.xml')))).toBe('tei');
  });

  it('sends a TEI root in another namespace or with a prefix to the TEI adapter, which says what is wrong', () => {
    expect(detectFormat('<TEI xmlns="http://example.org/x"><text/></TEI>')).toBe('tei');
    expect(detectFormat('<tei:TEI xmlns:tei="http://www.tei-c.org/ns/1.0"><tei:text/></tei:TEI>')).toBe('tei');
    expect(() => importSource('<TEI xmlns="http://example.org/x"><text/></TEI>')).toThrow(/is in the namespace http:\/\/example\.org\/x, not the TEI P5 namespace/);
  });

  it('reads a prefixed TEI document like an unprefixed one', () => {
    const { imported } = importSource('<tei:TEI xmlns:tei="http://www.tei-c.org/ns/1.0"><tei:text><tei:body><tei:p>One claim.</tei:p></tei:body></tei:text></tei:TEI>');
    expect(imported.blocks).toEqual([{ type: 'paragraph', text: 'One claim.' }]);
  });
});
