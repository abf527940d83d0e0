import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io.ts';
import { main } from '../../../src/cli/main.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/anchoring/${name}`, import.meta.url));
const REVISED = fixture('kavbiuro-revised.txt');
const NOTES = fixture('kavbiuro-notes.jsonld');
const ORIGINAL = fileURLToPath(new URL('../../../corpus/kavbiuro/text.txt', import.meta.url));

/** Runs the CLI in-process; files come from disk, or from `files` when named there. Nothing is ever written. */
async function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const writes: string[] = [];
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: async (p) => (p in files ? new TextEncoder().encode(files[p]) : new Uint8Array(readFileSync(p))),
    readStdin: async () => {
      throw new Error('no standard input in this test');
    },
    writeFile: async (p) => void writes.push(p),
  };
  const code = await main(argv, io);
  expect(writes).toEqual([]);
  return { code, stdout, stderr };
}

const KEYS = ['id', 'status', 'score', 'start', 'end', 'quote', 'prefix', 'suffix'];

describe('apparatus anchor', () => {
  test('--json on the revised text: exactly the contract, edited passages fuzzy on the right words, deleted ones orphans', async () => {
    const r = await run(['anchor', REVISED, NOTES, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { results: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['results']);
    for (const result of out.results) expect(Object.keys(result)).toEqual(KEYS);
    const byId = Object.fromEntries(out.results.map((x) => [String(x['id']).replace('urn:apparatus:kavbiuro-test:', ''), x]));
    // The reply is not anchored: its target is another annotation.
    expect(Object.keys(byId)).toEqual(['baku', 'founding', 'lead', 'ottoman', 'karabagh-3', 'stalin-narimanov']);
    expect(byId['baku']).toMatchObject({ status: 'exact', score: 1, quote: 'Under Tsarist rule the area had been administered from Baku.' });
    expect(byId['founding']).toMatchObject({ status: 'exact', quote: 'Kavbiuro was set up on 8 April 1920', prefix: 'ey will not give them kerosene."[2]\n\n'.slice(-32) });
    expect(byId['lead']).toMatchObject({ status: 'fuzzy', quote: 'to oversee the subordination of the Caucasus to the Russian Communist Party' });
    expect(byId['karabagh-3']).toMatchObject({ status: 'fuzzy', quote: 'Karabakh', prefix: 'hed in April 1920 promised that ', suffix: ' would become part of Armenia. T' });
    expect(byId['stalin-narimanov']).toMatchObject({ status: 'fuzzy', quote: 'Several Armenian historians attribute this to the intervention of Stalin and Nariman Narimanov' });
    expect(byId['ottoman']).toMatchObject({ status: 'orphan', quote: 'This was prevented first through the intervention of the Ottoman Empire' });
    for (const x of out.results) {
      if (x['status'] === 'fuzzy') expect(x['score']).toBeLessThan(1);
    }
  });

  test('on the text the notes were made on, everything is exact', async () => {
    const r = await run(['anchor', ORIGINAL, NOTES, '--json']);
    const out = JSON.parse(r.stdout) as { results: { status: string }[] };
    expect(out.results.map((x) => x.status)).toEqual(Array(6).fill('exact'));
  });

  test('without --json: a table and a summary line', async () => {
    const r = await run(['anchor', REVISED, NOTES]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^status\s+score\s+range\s+id\s+quote$/);
    expect(lines).toHaveLength(8);
    expect(lines[3]).toMatch(/^fuzzy\s+0\.\d{3}\s+\d+–\d+\s+urn:apparatus:kavbiuro-test:lead\s+to oversee/);
    expect(lines.at(-1)).toBe('6 anchored: 2 exact, 3 fuzzy, 1 orphan');
  });

  test('rejected annotations are reported on stderr by id and field; the others are anchored; exit 0', async () => {
    const r = await run(['anchor', REVISED, fixture('kavbiuro-some-bad.json'), '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('annotation "urn:apparatus:kavbiuro-test:bad" (item 1) rejected: target.selector[0].start: start 20 is after end 10');
    expect(JSON.parse(r.stdout).results.map((x: { id: string }) => x.id)).toEqual(['urn:apparatus:kavbiuro-test:baku']);
  });

  test('when nothing in the file can be read: exit 1, stdout empty', async () => {
    const r = await run(['anchor', REVISED, 'bad.json', '--json'], { 'bad.json': JSON.stringify([{ id: 'urn:x', type: 'Annotation' }]) });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.json: none of its 1 annotations could be read');
  });

  test('an empty collection is fine: no results, exit 0', async () => {
    const r = await run(['anchor', REVISED, 'empty.json', '--json'], { 'empty.json': '{"type": "AnnotationPage", "items": []}' });
    expect(r).toEqual({ code: 0, stdout: '{"results":[]}\n', stderr: '' });
  });

  test.each([
    ['not JSON', '{\n  "type": "AnnotationPage",\n  "items": [,]\n}', /notes\.json:3:13: not JSON: unexpected ","/],
    ['not annotations', '{"hello": "world"}', /notes\.json: not W3C annotations/],
  ])('annotation file %s: exit 1 with where on stderr', async (_name, content, message) => {
    const r = await run(['anchor', REVISED, 'notes.json', '--json'], { 'notes.json': content });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  test('a text that cannot be read: exit 1', async () => {
    const missing = await run(['anchor', '/nonexistent/text.txt', NOTES]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read /nonexistent/text.txt');
    const empty = await run(['anchor', 'empty.txt', NOTES], { 'empty.txt': '' });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^apparatus anchor: empty\.txt:1:1: /);
  });

  test('bad usage: exit 2', async () => {
    expect((await run(['anchor', REVISED])).code).toBe(2);
    expect((await run(['anchor', REVISED, NOTES, '--frobnicate'])).code).toBe(2);
  });

  test('the real binary, built with tsc -p tsconfig.cli.json, prints the same JSON', async () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const tsc = spawnSync(process.execPath, [fileURLToPath(new URL('node_modules/typescript/bin/tsc', new URL('../../../', import.meta.url))), '-p', 'tsconfig.cli.json'], { cwd: root, encoding: 'utf8' });
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
    const bin = spawnSync(process.execPath, ['bin/apparatus.js', 'anchor', REVISED, NOTES, '--json'], { cwd: root, encoding: 'utf8' });
    expect(bin.status, bin.stderr).toBe(0);
    expect(bin.stdout).toBe((await run(['anchor', REVISED, NOTES, '--json'])).stdout);
  }, 120_000);
});
