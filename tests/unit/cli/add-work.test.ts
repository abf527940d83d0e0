/**
 * `apparatus add-work` (issue 9 §7) and `import --format`: a file or a URL (served by a local HTTP server: never the
 * internet) becomes `corpus/<id>/` with the bytes as received and a work.json the reader reads; an existing other
 * text is never overwritten; what cannot be read is refused with nothing written.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fetchAddress } from '../../../src/cli/add-work-command.ts';
import { importJson } from '../../../src/cli/import-command.ts';
import { main, nodeIo } from '../../../src/cli/main.ts';
import { importText } from '../../../src/model/import-text.ts';
import { importSource } from '../../../src/sources/import-source.ts';
import { parseWorkMeta, sha256Hex } from '../../../src/model/work.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const kavbiuro = join(root, 'corpus', 'kavbiuro', 'text.txt');
const dog = join(root, '..', 'shared', 'sources', 'wikipedia-parsoid', 'dog.html');
let dir = '';
let server: Server;
let base = '';
const requests: { url: string; headers: IncomingHttpHeaders }[] = [];

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { ...nodeIo, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'apparatus-add-work-'));
  server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
    if (req.url === '/kavbiuro.txt') res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(readFileSync(kavbiuro));
    else res.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await new Promise((resolve) => server.close(resolve));
});

describe('apparatus import --format', () => {
  test('plain text prints exactly the contract it always did', async () => {
    const out = await run('import', kavbiuro, '--json');
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(JSON.stringify(importJson(importText(readFileSync(kavbiuro)))) + '\n');
    expect((await run('import', kavbiuro, '--json', '--format', 'text')).stdout).toBe(out.stdout);
  });
  test.skipIf(!existsSync(dog))('a Parsoid page is detected and its JSON extended by format, sections and links', async () => {
    const out = await run('import', dog, '--json');
    expect(out.stderr).toBe('');
    const json = JSON.parse(out.stdout);
    expect(json.format).toBe('wikipedia-parsoid');
    expect(Object.keys(json)).toEqual(['format', 'blocks', 'references', 'citations', 'claims', 'problems', 'sections', 'links']);
    expect(json.sections.length).toBeGreaterThan(5);
    for (const s of json.sections) expect(json.blocks[s.block]).toEqual({ type: 'heading', text: s.text });
    expect(json.links.length).toBeGreaterThan(100);
  });
  const sources = join(root, '..', 'shared', 'sources');
  const every = existsSync(sources)
    ? readdirSync(sources, { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) => readdirSync(join(sources, d.name)).map((f) => join(sources, d.name, f)))
    : [];
  test.skipIf(every.length === 0)('every file of ../shared/sources is read by `import --json` as the importer reads it, and becomes a work with add-work', async () => {
    expect(every.length).toBeGreaterThanOrEqual(6);
    for (const file of every) {
      const out = await run('import', file, '--json');
      expect(out.stderr, file).toBe('');
      expect(out.code, file).toBe(0);
      const json = JSON.parse(out.stdout);
      const { format, imported } = importSource(new Uint8Array(readFileSync(file)), { origin: file });
      expect(json.format, file).toBe(format);
      expect(json.blocks.length, file).toBe(imported.blocks.length);
      expect(json.claims.length, file).toBe(imported.claims.length);
      expect(json.references.length, file).toBe(imported.references.length);
      const corpus = join(dir, 'every');
      const added = await run('add-work', file, '--corpus', corpus, '--licence', 'as the file says', '--licence-url', 'https://example.org/licence');
      expect(added.stderr, file).toBe('');
      expect(added.code, file).toBe(0);
    }
    // One folder per work, each with the bytes as received and a work.json the reader accepts.
    const works = readdirSync(join(dir, 'every'));
    expect(works).toHaveLength(every.length);
    for (const id of works) {
      const meta = parseWorkMeta(JSON.parse(readFileSync(join(dir, 'every', id, 'work.json'), 'utf8')));
      expect(meta.sha256).toBe(await sha256Hex(new Uint8Array(readFileSync(join(dir, 'every', id, 'text.txt')))));
    }
  }, 120_000);
  test('an unknown --format is a usage error', async () => {
    const out = await run('import', kavbiuro, '--format', 'docx');
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--format must be one of text, wikipedia-parsoid, wikipedia-page, markdown, tei');
  });
});

describe('apparatus add-work', () => {
  test('a file becomes corpus/<id>/: the bytes as received and a work.json the reader accepts', async () => {
    const corpus = join(dir, 'c1');
    const out = await run('add-work', kavbiuro, '--id', 'kavbiuro-copy', '--corpus', corpus, '--licence', 'CC BY-SA 4.0', '--licence-url', 'https://creativecommons.org/licenses/by-sa/4.0/');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const bytes = readFileSync(kavbiuro);
    expect(readFileSync(join(corpus, 'kavbiuro-copy', 'text.txt')).equals(bytes)).toBe(true);
    const json = JSON.parse(readFileSync(join(corpus, 'kavbiuro-copy', 'work.json'), 'utf8'));
    const sha256 = await sha256Hex(new Uint8Array(bytes));
    expect(parseWorkMeta(json)).toMatchObject({ id: 'kavbiuro-copy', title: 'text', sha256, licence: { name: 'CC BY-SA 4.0' } });
    expect(json.format).toBe('text');
    expect(json.revisions).toEqual([{ id: 'r1', sha256, source: kavbiuro, revision: null, date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
    expect(out.stdout).toBe(`${join(corpus, 'kavbiuro-copy')}: "text" (text), sha256 ${sha256}\n`);
    // No temporary file left behind.
    expect(readdirSync(join(corpus, 'kavbiuro-copy')).sort()).toEqual(['text.txt', 'work.json']);

    // The same bytes again: nothing written; other bytes under the same id: refused, the work left as it was.
    const again = await run('add-work', kavbiuro, '--id', 'kavbiuro-copy', '--corpus', corpus, '--licence', 'X', '--licence-url', 'https://x.example/');
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('already holds this text') });
    const other = join(dir, 'other.txt');
    writeFileSync(other, 'Another text.\n');
    const refused = await run('add-work', other, '--id', 'kavbiuro-copy', '--corpus', corpus, '--licence', 'X', '--licence-url', 'https://x.example/');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`already describes another text (sha256 ${sha256}`);
    expect(readFileSync(join(corpus, 'kavbiuro-copy', 'text.txt')).equals(bytes)).toBe(true);
  });

  test('a source naming no licence needs --licence; nothing invented, nothing written', async () => {
    const corpus = join(dir, 'c2');
    const out = await run('add-work', kavbiuro, '--corpus', corpus);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('does not say under which licence it is published: give --licence NAME --licence-url URL');
    expect(existsSync(corpus)).toBe(false);
  });

  test('a file that is not UTF-8 is refused with the offset of the bad byte, nothing written', async () => {
    const corpus = join(dir, 'c3');
    const latin1 = join(dir, 'latin1.txt');
    writeFileSync(latin1, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    const out = await run('add-work', latin1, '--corpus', corpus, '--licence', 'X', '--licence-url', 'https://x.example/');
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('is not UTF-8 text: the byte at offset 3 (0xe9)');
    expect(existsSync(corpus)).toBe(false);
  });

  test('a URL is fetched with an Api-User-Agent; a 404 writes nothing', async () => {
    const corpus = join(dir, 'c4');
    const out = await run('add-work', `${base}/kavbiuro.txt`, '--id', 'from-url', '--corpus', corpus, '--licence', 'CC BY-SA 4.0', '--licence-url', 'https://creativecommons.org/licenses/by-sa/4.0/');
    expect(out.stderr).toBe('');
    expect(requests.at(-1)).toMatchObject({ url: '/kavbiuro.txt', headers: { 'api-user-agent': expect.stringMatching(/^Apparatus\//) } });
    const json = JSON.parse(readFileSync(join(corpus, 'from-url', 'work.json'), 'utf8'));
    expect(json).toMatchObject({ source: `${base}/kavbiuro.txt`, iri: `${base}/kavbiuro.txt`, title: 'kavbiuro' });
    const missing = await run('add-work', `${base}/nothing.html`, '--corpus', corpus, '--licence', 'X', '--licence-url', 'https://x.example/');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`apparatus add-work: ${base}/nothing.html answered 404 Not Found (no such page); nothing was written\n`);
    expect(readdirSync(corpus)).toEqual(['from-url']);
  });

  test('a Wikipedia article URL is fetched as Parsoid HTML of its edition', () => {
    expect(fetchAddress('https://de.wikipedia.org/wiki/Haushund')).toBe('https://de.wikipedia.org/w/rest.php/v1/page/Haushund/html');
    expect(fetchAddress('https://example.org/a.txt')).toBe('https://example.org/a.txt');
  });
});
