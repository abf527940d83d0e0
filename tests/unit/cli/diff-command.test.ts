/**
 * Issue 10 §4: `apparatus diff OLD NEW [--annotations A] [--format md|html|json]` on the Kavbiuro article and its
 * revision (tests/unit/revisions/kavbiuro-revision.ts), with the curated notes; bad input refused with what and
 * where; and once through the CLI as built by tsc.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main, nodeIo } from '../../../src/cli/main.ts';
import type { EvidenceReport } from '../../../src/revisions/evidence-types.ts';
import { kavbiuro, kavbiuroPath, reviseKavbiuro } from '../revisions/kavbiuro-revision.ts';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const notesPath = join(projectRoot, 'annotations', 'kavbiuro.jsonld');
let dir = '';
let revised = '';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { ...nodeIo, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'apparatus-diff-'));
  revised = join(dir, 'kavbiuro-r2.txt');
  writeFileSync(revised, reviseKavbiuro(kavbiuro));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The id of the curated note whose quote is exactly `exact`. */
function noteId(exact: string): string {
  const items = (JSON.parse(readFileSync(notesPath, 'utf8')) as { first: { items: { id: string; target: { selector: { type: string; exact?: string }[] } }[] } }).first.items;
  const found = items.filter((a) => typeof a.target === 'object' && a.target.selector.some((s) => s.type === 'TextQuoteSelector' && s.exact === exact));
  expect(found, exact).toHaveLength(1);
  return found[0]!.id;
}

describe('apparatus diff', () => {
  test('--format json prints the report: the changes of the revision, named by the files', async () => {
    const r = await run('diff', kavbiuroPath, revised, '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as EvidenceReport;
    expect([report.oldName, report.newName]).toEqual([kavbiuroPath, revised]);
    expect(report.counts).toMatchObject({ 'claim-reworded': 2, 'claim-removed': 1, 'claim-added': 1, 'claim-moved': 2, 'citation-lost': 2, 'signal-added': 1, 'reference-changed': 1 });
    expect(report.notes).toBeUndefined();
  });

  test('Markdown by default: summary, coverage table, each kind of change with its places, sources escaped', async () => {
    const r = await run('diff', kavbiuroPath, revised);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# What changed in the evidence\n/);
    expect(r.stdout).toContain('| Lead | 4 direct, 6 inherited, 4 without source (of 14) | 3 direct, 4 inherited, 7 without source (of 14) | 71 % | 50 % |');
    expect(r.stdout).toContain('## Claims reworded (2)');
    expect(r.stdout).toContain('## Claims that lost a citation (2)');
    expect(r.stdout).toMatch(/## Reference entries changed \(1\)\n\n- \\\[2\\\] Suny, Ronald Grigor/);
    expect(r.stdout).toContain('    - ids.hdl: 2027/spo.act2080.0028.004:03 → (none)');
    expect(r.stdout).toContain('    - URL: <https://hdl.handle.net/2027/spo.act2080.0028.004:03> → (none)');
    expect(r.stdout).toContain('· \\[citation needed\\]');
  });

  test('--format html: a standalone document, every change with its place for a jump', async () => {
    const r = await run('diff', kavbiuroPath, revised, '--format=html');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(r.stdout).not.toMatch(/<script/i);
    const places = [...r.stdout.matchAll(/<li id="change-(\d+)" data-side="(old|new|near)" data-from="(\d+)" data-to="(\d+)">/g)];
    expect(places).toHaveLength(10);
    expect(r.stdout).toContain('<a href="https://hdl.handle.net/2027/spo.act2080.0028.004:03">');
  });

  test('--annotations: the curated notes on changed claims are named, a note on an unchanged claim is not', async () => {
    const r = await run('diff', kavbiuroPath, revised, '--annotations', notesPath, '--format', 'json');
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as EvidenceReport;
    const ids = report.notes!.map((n) => n.id);
    for (const exact of ['Under Tsarist rule the area had been administered from Baku.', '3 July 1920', 'and following its collapse, by the British.', 'Kavbiuro was set up on 8 April 1920']) {
      expect(ids).toContain(noteId(exact));
    }
    expect(ids).not.toContain(noteId('This position was maintained despite protests from the Armenian Communist Party.'));
    const removed = report.notes!.find((n) => n.id === noteId('Under Tsarist rule the area had been administered from Baku.'))!;
    expect(removed.changes.map((i) => report.changes[i]!.kind)).toEqual(['claim-removed']);
    const md = await run('diff', kavbiuroPath, revised, '--annotations', notesPath);
    expect(md.stdout).toMatch(/## Notes on changed evidence \(\d+\)/);
  });

  test('bad input: unknown format, missing file, a binary NEW, a file that is not annotations', async () => {
    expect(await run('diff', kavbiuroPath, revised, '--format', 'pdf')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown format "pdf"; the formats are md, html, json') });
    expect(await run('diff', kavbiuroPath)).toMatchObject({ code: 2, stderr: expect.stringContaining('diff takes an OLD and a NEW file') });
    const missing = join(dir, 'nope.txt');
    expect(await run('diff', kavbiuroPath, missing)).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining(`cannot read ${missing}`) });
    const binary = join(dir, 'binary.bin');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    const b = await run('diff', kavbiuroPath, binary);
    expect(b).toMatchObject({ code: 1, stdout: '' });
    expect(b.stderr).toMatch(new RegExp(`^apparatus diff: ${binary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
    const notJson = join(dir, 'notes.jsonld');
    writeFileSync(notJson, '{"not": "annotations"');
    const n = await run('diff', kavbiuroPath, revised, '--annotations', notJson);
    expect(n).toMatchObject({ code: 1, stdout: '' });
    expect(n.stderr).toContain(notJson);
  });
});

describe('apparatus diff (the CLI as built)', () => {
  let built = '';
  beforeAll(() => {
    // Inside node_modules (ignored by git), so that the build finds the project's packages (markdown-it, …).
    built = mkdtempSync(join(projectRoot, 'node_modules', '.apparatus-diff-build-'));
    const tsc = spawnSync(process.execPath, [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json', '--outDir', built], { cwd: projectRoot, encoding: 'utf8' });
    if (tsc.status !== 0) throw new Error(`tsc failed: ${tsc.stdout}${tsc.stderr}`);
  }, 180_000);
  afterAll(() => rmSync(built, { recursive: true, force: true }));

  test('prints the same Markdown as in-process, and --help lists diff', async () => {
    const cli = (args: string[]) =>
      spawnSync(process.execPath, ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(pathToFileURL(join(built, 'cli', 'main.js')).href)}); process.exitCode = await main(${JSON.stringify(args)});`], { cwd: dir, encoding: 'utf8' });
    const r = cli(['diff', kavbiuroPath, revised]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe((await run('diff', kavbiuroPath, revised)).stdout);
    expect(cli(['--help']).stdout).toContain('apparatus diff OLD NEW [--annotations A] [--format md|html|json]');
  });
});
