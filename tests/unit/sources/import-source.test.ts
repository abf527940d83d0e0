import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText } from '../../../src/model/import-text.ts';
import { importSource } from '../../../src/sources/import-source.ts';
import { importSourceLazily } from '../../../src/sources/import-source-lazily.ts';
import { detectFormat } from '../../../src/sources/detect-format.ts';

const seed = readFileSync(new URL('../../../../shared/seed/kavbiuro.txt', import.meta.url));

describe('importSource', () => {
  it('reads a plain-text work exactly as the plain-text importer does', () => {
    const { format, imported } = importSource(seed);
    expect(format).toBe('text');
    expect(JSON.stringify(imported)).toBe(JSON.stringify(importText(seed)));
  });

  it('gives the same result loading adapters lazily', async () => {
    const eager = importSource(seed, { format: 'text' });
    const lazy = await importSourceLazily(seed, { format: 'text' });
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
  });

  it('detects plain text, Markdown, TEI and both Wikipedia shapes by content', () => {
    expect(detectFormat(seed)).toBe('text');
    expect(detectFormat('## Early life\n\nBorn in 1900.[^1]\n\n[^1]: A book.')).toBe('markdown');
    expect(detectFormat('<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')).toBe('tei');
    expect(detectFormat('<!DOCTYPE html><html><body><p data-mw=\'{}\'>x</p></body></html>')).toBe('wikipedia-parsoid');
    expect(detectFormat('<!DOCTYPE html><html><body><div class="mw-parser-output"><p>x</p></div></body></html>')).toBe('wikipedia-page');
  });

  it('takes the format it is given over detection', () => {
    expect(importSource('Plain words.', { format: 'text' }).format).toBe('text');
    expect(detectFormat('Plain words.', 'notes.md')).toBe('markdown');
  });
});
