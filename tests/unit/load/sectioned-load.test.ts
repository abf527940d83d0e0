/**
 * The load path of a work in another format (DESIGN §6): work.json's `format` picks the adapter (else the content
 * decides), and the imported text reaches the page whole — links, signals, the import report and the source's own
 * metadata included — through the same worker messages; the worker's positions are those of the page's document.
 *
 * The Markdown adapter is another module's work (issue 9): here it is replaced by one returning the sectioned
 * fixture (tests/support/sectioned-text.ts), so that this test is about the load path only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DocText } from '../../../src/anchoring/doc-text.ts';
import { placementOf } from '../../../src/anchoring/placement.ts';
import { anchorAll } from '../../../src/anchoring/anchor.ts';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { buildDoc } from '../../../src/model/build-doc.ts';
import { parseWorkMeta, sha256Hex, WorkMetaError, type WorkMeta } from '../../../src/model/work.ts';
import { inlineWorkLoader } from '../../../src/load/work-loader.ts';
import { detectFormat } from '../../../src/sources/detect-format.ts';
import { sectionedText } from '../../support/sectioned-text.ts';

const adapterCalls: { input: string; options: unknown }[] = [];
vi.mock('../../../src/sources/markdown.ts', () => ({
  importMarkdown: (input: string | Uint8Array, options: unknown) => {
    adapterCalls.push({ input: typeof input === 'string' ? input : new TextDecoder().decode(input), options });
    return sectionedText();
  },
}));

const root = new URL('../../../', import.meta.url);
const SOURCE = new TextEncoder().encode('# Caucasian Bureau\n\nSome text.[^1]\n\n[^1]: A note.\n');

async function metaFor(bytes: Uint8Array, extra: Record<string, unknown>): Promise<WorkMeta> {
  const base = JSON.parse(readFileSync(new URL('corpus/kavbiuro/work.json', root), 'utf8')) as Record<string, unknown>;
  return parseWorkMeta({ ...base, id: 'bureau', sha256: await sha256Hex(bytes), ...extra });
}

beforeEach(() => {
  adapterCalls.length = 0;
  vi.stubGlobal('fetch', async (url: string) => (url === 'http://x/bureau.md' ? new Response(SOURCE) : new Response('no', { status: 404, statusText: 'Not Found' })));
});
afterEach(() => vi.unstubAllGlobals());

describe('loading a work in another format', () => {
  test('work.json\'s format picks the adapter; links, signals, report and source metadata reach the page', async () => {
    const meta = await metaFor(SOURCE, { format: 'markdown' });
    const loader = inlineWorkLoader();
    const read = await loader.read({ textUrl: 'http://x/bureau.md', notesUrl: null, meta });
    const expected = sectionedText();
    expect(read.format).toBe('markdown');
    expect(read.warning).toBeNull();
    expect(read.imported).toEqual(expected);
    expect(read.imported.links!.length).toBeGreaterThan(0);
    expect(read.imported.signals).toEqual(expected.signals);
    expect(read.imported.report).toEqual({ format: 'wikipedia-parsoid', omitted: { table: 2, infobox: 1 }, notes: ['1 explanatory note kept apart from references'] });
    expect(adapterCalls).toHaveLength(1);
    expect(adapterCalls[0]!.options).toMatchObject({ language: 'en', origin: 'http://x/bureau.md', format: 'markdown' });
    loader.close();
  });

  test('without a format, the content decides (the same adapter for this Markdown source)', async () => {
    const meta = await metaFor(SOURCE, {});
    expect(meta.format).toBeUndefined();
    const loader = inlineWorkLoader();
    const read = await loader.read({ textUrl: 'http://x/bureau.md', notesUrl: null, meta });
    expect(read.format).toBe('markdown');
    expect(adapterCalls).toHaveLength(1);
    loader.close();
  });

  test('notes are placed on the positions of the page\'s document (headings and list items counted like any block)', async () => {
    const meta = await metaFor(SOURCE, { format: 'markdown' });
    const loader = inlineWorkLoader();
    const read = await loader.read({ textUrl: 'http://x/bureau.md', notesUrl: null, meta });
    const docText = DocText.fromDoc(buildDoc(read.imported));
    const quote = 'Kirov was a member.';
    const start = docText.text.indexOf(quote);
    const note = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:test:kirov',
      type: 'Annotation',
      created: '2026-01-01T00:00:00Z',
      motivation: 'commenting',
      body: { type: 'TextualBody', value: 'Was he?', format: 'text/plain' },
      target: {
        source: meta.iri,
        selector: [
          { type: 'TextQuoteSelector', exact: quote, prefix: docText.text.slice(start - 32, start), suffix: docText.text.slice(start + quote.length, start + quote.length + 32) },
          { type: 'TextPositionSelector', start, end: start + quote.length },
        ],
      },
    } as unknown as Annotation;
    const [placement] = await loader.place([note]);
    expect(placement).toEqual(placementOf(docText, note, anchorAll(docText.text, [note]).get(note.id)));
    expect(placement!.status).toBe('exact');
    loader.close();
  });

  test('a format work.json does not know is refused, naming the field', async () => {
    await expect(metaFor(SOURCE, { format: 'docx' })).rejects.toThrow(WorkMetaError);
    await expect(metaFor(SOURCE, { format: 'docx' })).rejects.toThrow(/"format" must be one of text, wikipedia-parsoid/);
  });
});

describe('plain-text works stay plain text when work.json names no format', () => {
  const corpora = process.env['APPARATUS_CORPORA'] ?? '/work/shared/corpora';
  const texts: [string, string][] = [['corpus/kavbiuro/text.txt', readFileSync(new URL('corpus/kavbiuro/text.txt', root), 'utf8')]];
  try {
    for (const f of readdirSync(corpora).filter((f) => f.endsWith('.txt'))) texts.push([f, readFileSync(join(corpora, f), 'utf8')]);
  } catch {
    console.warn(`shared corpora not found at ${corpora}: only Kavbiuro is checked`);
  }
  test.each(texts)('%s is detected as text', (_name, text) => {
    expect(detectFormat(text)).toBe('text');
  });
});
