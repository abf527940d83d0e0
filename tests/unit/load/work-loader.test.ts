import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { parseAnnotationFile } from '../../../src/anchoring/annotation-file.ts';
import { entriesFromAnchors } from '../../../src/editor/annotation-commands.ts';
import { anchorAll } from '../../../src/anchoring/anchor.ts';
import { DocText } from '../../../src/anchoring/doc-text.ts';
import { buildDoc } from '../../../src/model/build-doc.ts';
import { importText } from '../../../src/model/import-text.ts';
import { parseWorkMeta, sha256Hex, type WorkMeta } from '../../../src/model/work.ts';
import { inlineWorkLoader, LoadError } from '../../../src/load/work-loader.ts';

const root = new URL('../../../', import.meta.url);
const TEXT = readFileSync(new URL('corpus/kavbiuro/text.txt', root));
const NOTES = readFileSync(new URL('annotations/kavbiuro.jsonld', root), 'utf8');
const META: WorkMeta = parseWorkMeta(JSON.parse(readFileSync(new URL('corpus/kavbiuro/work.json', root), 'utf8')));

let files: Map<string, Uint8Array<ArrayBuffer> | string>;

beforeEach(() => {
  files = new Map<string, Uint8Array<ArrayBuffer> | string>([
    ['http://x/text.txt', new Uint8Array(TEXT)],
    ['http://x/notes.jsonld', NOTES],
  ]);
  vi.stubGlobal('fetch', async (url: string) => {
    const body = files.get(url);
    return body === undefined ? new Response('no', { status: 404, statusText: 'Not Found' }) : new Response(body);
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('reading a work with the WorkReader (inline: the same code the load worker runs)', () => {
  test('gives what importText gives, no hash warning, then the notes file, and placements equal to entriesFromAnchors', async () => {
    const loader = inlineWorkLoader();
    const progress: number[] = [];
    const read = await loader.read({ textUrl: 'http://x/text.txt', notesUrl: 'http://x/notes.jsonld', meta: META }, (p) => progress.push(p.fraction));
    expect(read.imported).toEqual(importText(TEXT, { language: META.language }));
    expect(read.warning).toBeNull();
    const file = parseAnnotationFile(NOTES, 'http://x/notes.jsonld');
    const fileNotes = await loader.notes();
    expect(fileNotes.annotations).toEqual(file.annotations);
    expect(fileNotes.annotations.length).toBeGreaterThan(0);
    expect(fileNotes.unreadable).toEqual([]);
    // The file's version, for the three-way merge at load: the SHA-256 of its bytes.
    expect(fileNotes.sha256).toBe(await sha256Hex(new TextEncoder().encode(NOTES)));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const placements = await loader.place('file');
    const doc = buildDoc(read.imported);
    const expected = entriesFromAnchors(doc, file.annotations, anchorAll(DocText.fromDoc(doc).text, file.annotations));
    expect(placements).toEqual(expected.map(({ range, status, score }) => ({ range, status, score })));
    expect(placements.some((p) => p.range !== null)).toBe(true);

    // Annotations sent from the page (the browser's working copy) are placed the same way.
    const sent = await loader.place(file.annotations.slice(1));
    expect(sent).toEqual(placements.slice(1));
    loader.close();
  });

  test('an altered text is read with a warning naming both hashes', async () => {
    const loader = inlineWorkLoader();
    const read = await loader.read({ textUrl: 'http://x/text.txt', notesUrl: null, meta: { ...META, sha256: '0'.repeat(64) } });
    expect(read.warning).toContain('has been altered');
    expect(read.warning).toContain('0'.repeat(64));
    expect(await loader.notes()).toEqual({ annotations: [], unreadable: [], sha256: null });
  });

  test('a text that is not UTF-8 fails with the ImportError (code, line, column), not a hang', async () => {
    files.set('http://x/bad.txt', new Uint8Array([0x61, 0x0a, 0x62, 0xff, 0x63]));
    const failure = await inlineWorkLoader()
      .read({ textUrl: 'http://x/bad.txt', notesUrl: null, meta: META })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LoadError);
    const importError = (failure as LoadError).importError!;
    expect(importError.code).toBe('encoding');
    expect(importError.line).toBe(2);
    expect(importError.message).toMatch(/\(line 2, column \d+\)$/);
    expect((failure as LoadError).message).toBe(importError.message);
  });

  test('a text over 10 MiB is refused as too-large', async () => {
    files.set('http://x/big.txt', new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61));
    const failure = (await inlineWorkLoader()
      .read({ textUrl: 'http://x/big.txt', notesUrl: null, meta: META })
      .catch((e: unknown) => e)) as LoadError;
    expect(failure.importError?.code).toBe('too-large');
  });

  test('a missing text fails with the URL and status; a missing notes file is no notes; a broken one is reported', async () => {
    const failure = (await inlineWorkLoader()
      .read({ textUrl: 'http://x/none.txt', notesUrl: null, meta: META })
      .catch((e: unknown) => e)) as LoadError;
    expect(failure.failure.kind).toBe('fetch');
    expect(failure.message).toContain('http://x/none.txt: 404');
    const none = inlineWorkLoader();
    await none.read({ textUrl: 'http://x/text.txt', notesUrl: 'http://x/none.jsonld', meta: META });
    expect(await none.notes()).toEqual({ annotations: [], unreadable: [], sha256: null });
    files.set('http://x/broken.jsonld', '{ not json');
    const broken = inlineWorkLoader();
    await broken.read({ textUrl: 'http://x/text.txt', notesUrl: 'http://x/broken.jsonld', meta: META });
    const brokenNotes = await broken.notes();
    expect(brokenNotes.annotations).toEqual([]);
    expect(brokenNotes.unreadable).toHaveLength(1);
    expect(brokenNotes.unreadable[0]!.origin).toBe('http://x/broken.jsonld');
    // A file unreadable as a whole has no usable version: nothing is merged from it.
    expect(brokenNotes.sha256).toBeUndefined();
    // A notes file that is there while the text is not: the failed read still leaves the notes readable.
    const textless = inlineWorkLoader();
    await textless.read({ textUrl: 'http://x/none.txt', notesUrl: 'http://x/notes.jsonld', meta: META }).catch(() => null);
    expect((await textless.notes()).annotations.length).toBeGreaterThan(0);
  });
});

describe('the order of fetches', () => {
  test('the notes file is fetched only once the text has arrived, so the text does not share the connection', async () => {
    const order: string[] = [];
    const inner = globalThis.fetch;
    vi.stubGlobal('fetch', async (url: string) => {
      order.push(`start ${url}`);
      const res = await inner(url);
      const body = new Uint8Array(await res.arrayBuffer());
      order.push(`end ${url}`);
      return new Response(body, { status: res.status, statusText: res.statusText });
    });
    const loader = inlineWorkLoader();
    await loader.read({ textUrl: 'http://x/text.txt', notesUrl: 'http://x/notes.jsonld', meta: META });
    await loader.notes();
    expect(order).toEqual(['start http://x/text.txt', 'end http://x/text.txt', 'start http://x/notes.jsonld', 'end http://x/notes.jsonld']);
  });
});
