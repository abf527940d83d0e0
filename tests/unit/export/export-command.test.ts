import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultAnnotationsPath, exportDate } from '../../../src/cli/export-command.ts';
import { main, nodeIo } from '../../../src/cli/main.ts';
import { kavbiuroExportInput } from '../../fixtures/export/kavbiuro-export-input.ts';

const corpus = new URL('../../../corpus/kavbiuro/', import.meta.url);
let root = '';
const text = () => join(root, 'corpus', 'kavbiuro', 'text.txt');

/** Runs the CLI in-process on real files, capturing stdout and stderr. */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { ...nodeIo, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

beforeAll(() => {
  // A project-like folder: corpus/kavbiuro/{text.txt,work.json} and annotations/kavbiuro.jsonld (the test notes).
  root = mkdtempSync(join(tmpdir(), 'apparatus-export-cli-'));
  mkdirSync(join(root, 'corpus', 'kavbiuro'), { recursive: true });
  mkdirSync(join(root, 'annotations'));
  copyFileSync(new URL('text.txt', corpus), text());
  copyFileSync(new URL('work.json', corpus), join(root, 'corpus', 'kavbiuro', 'work.json'));
  writeFileSync(join(root, 'annotations', 'kavbiuro.jsonld'), JSON.stringify(kavbiuroExportInput().annotations));
  process.env['SOURCE_DATE_EPOCH'] = '1768478400';
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  delete process.env['SOURCE_DATE_EPOCH'];
});

describe('apparatus export', () => {
  test('writes the export to stdout, with the curated notes of annotations/<work>.jsonld by default', async () => {
    const r = await run('export', text(), '--format', 'tei');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI')).toBe(true);
    expect(r.stderr).toContain(`with the notes of ${join(root, 'annotations', 'kavbiuro.jsonld')}`);
    expect(r.stdout).toContain('<note xml:id="note-1"');
    expect(r.stdout).toContain('<date when="2026-01-15T12:00:00Z" type="export">');
  });

  test('--no-annotations exports the text alone', async () => {
    const r = await run('export', text(), '--format', 'md', '--no-annotations');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('[^note-');
  });

  test('--annotations names the file; --out writes it atomically and prints nothing', async () => {
    const out = join(root, 'out', 'kavbiuro.html');
    const r = await run('export', text(), '--annotations', join(root, 'annotations', 'kavbiuro.jsonld'), '--format', 'html', '--out', out);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>[^]*id="note-5"/);
    expect(readdirSync(join(root, 'out'))).toEqual(['kavbiuro.html']);
  });

  test('every format works from the CLI', async () => {
    for (const format of ['jsonld', 'tei', 'md', 'html', 'csl', 'bibtex', 'wikipedia-report']) {
      const r = await run('export', text(), '--format', format, '--no-annotations');
      expect(r.code, format).toBe(0);
      expect(r.stdout.length, format).toBeGreaterThan(100);
    }
  });

  test('bad usage exits 2 with a message on stderr and nothing on stdout', async () => {
    for (const argv of [['export', text(), '--format', 'docx'], ['export', text()], ['export', '--format', 'tei'], ['export', text(), '--format', 'tei', '--annotations', 'a', '--no-annotations']]) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/apparatus export: /);
    }
    expect((await run('export', text(), '--format', 'docx')).stderr).toContain('the formats are jsonld, tei, md, html, csl, bibtex');
  });

  test('an unreadable text or annotation file exits 1', async () => {
    const missing = await run('export', join(root, 'nope.txt'), '--format', 'tei');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read');
    const noNotes = await run('export', text(), '--format', 'tei', '--annotations', join(root, 'none.jsonld'));
    expect(noNotes.code).toBe(1);
    expect(noNotes.stdout).toBe('');
  });

  test('rejected annotations are reported one by one, exit 1, and nothing is written', async () => {
    const bad = join(root, 'bad.jsonld');
    const [first, ...rest] = kavbiuroExportInput().annotations;
    writeFileSync(bad, JSON.stringify([{ ...first, motivation: 'liking' }, ...rest]));
    const out = join(root, 'never.tei.xml');
    const r = await run('export', text(), '--format', 'tei', '--annotations', bad, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rejected:.*motivation/);
    expect(r.stderr).toContain('1 annotation rejected; nothing written');
    expect(existsSync(out)).toBe(false);
  });

  test('not JSON: the error says where', async () => {
    const bad = join(root, 'broken.jsonld');
    writeFileSync(bad, '[\n  {"id": }\n]');
    const r = await run('export', text(), '--format', 'tei', '--annotations', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:2:`);
  });

  test('without work.json the work is named after its file, with its hash computed', async () => {
    const loose = join(root, 'loose-text.txt');
    copyFileSync(text(), loose);
    const r = await run('export', loose, '--format', 'tei');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<title type="main">loose-text</title>');
    expect(r.stdout).toContain('<idno type="SHA-256">c80ad869a86c4c50d65be6d479d6863dfac9ef8a16810c5d39e8971f6a23e711</idno>');
  });

  test('a text that differs from its work.json is exported with a warning and its real hash', async () => {
    const dir = join(root, 'corpus', 'changed');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'text.txt'), readFileSync(text(), 'utf8').replace('8 April', '9 April'));
    copyFileSync(join(root, 'corpus', 'kavbiuro', 'work.json'), join(dir, 'work.json'));
    const r = await run('export', join(dir, 'text.txt'), '--format', 'tei');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*does not match/);
    expect(r.stdout).not.toContain('c80ad869a86c4c50d65be6d479d6863dfac9ef8a16810c5d39e8971f6a23e711');
  });
});

describe('export-command helpers', () => {
  test('defaultAnnotationsPath: corpus/<work>/text.txt → annotations/<work>.jsonld, nothing for other paths', () => {
    expect(defaultAnnotationsPath('corpus/kavbiuro/text.txt')).toBe('annotations/kavbiuro.jsonld');
    expect(defaultAnnotationsPath('/p/corpus/x/text.txt')).toBe('/p/annotations/x.jsonld');
    expect(defaultAnnotationsPath('notes/text.txt')).toBeNull();
    expect(defaultAnnotationsPath('corpus/kavbiuro/other.txt')).toBeNull();
  });

  test('exportDate: SOURCE_DATE_EPOCH when set, else now; garbage refused', () => {
    expect(exportDate({ SOURCE_DATE_EPOCH: '0' })).toBe('1970-01-01T00:00:00Z');
    expect(exportDate({}, () => new Date('2026-02-03T04:05:06.789Z'))).toBe('2026-02-03T04:05:06.789Z');
    expect(() => exportDate({ SOURCE_DATE_EPOCH: 'soon' })).toThrow(/whole seconds/);
  });
});

describe('annotation files that are not UTF-8', () => {
  test('UTF-16 and stray Latin-1 bytes are refused with the file and place named, exit 1', async () => {
    const utf16 = join(root, 'utf16.jsonld');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[]', 'utf16le')]));
    const a = await run('export', text(), '--format', 'tei', '--annotations', utf16);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain(`${utf16} looks like UTF-16`);
    const latin1 = join(root, 'latin1.jsonld');
    writeFileSync(latin1, Buffer.concat([Buffer.from('[\n  {"x": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n]')]));
    const b = await run('export', text(), '--format', 'tei', '--annotations', latin1);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain(`${latin1}:2:13: not UTF-8 text`);
    expect(b.stdout).toBe('');
  });
});

describe('export of a source with structure', () => {
  const markdown = new URL('../../fixtures/sources/structure.md', import.meta.url);

  test('a Markdown source is exported with its sections, list and links (format detected, metadata from the source)', async () => {
    const file = join(root, 'structure.md');
    copyFileSync(markdown, file);
    const md = await run('export', file, '--format', 'md');
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^## Setext section$/m);
    expect(md.stdout).toMatch(/^1\. First numbered item\.$/m);
    expect(md.stdout).toMatch(/^ {3}- a nested bullet item$/m);
    expect(md.stdout).toContain('[external link](https://en.wikipedia.org/wiki/Baku)');
    const tei = await run('export', file, '--format', 'tei');
    expect(tei.code).toBe(0);
    expect(tei.stdout).toMatch(/<div[^>]*>\s*<head>Setext section<\/head>/);
    expect(tei.stdout).toContain('<list type="ordered">');
    const html = await run('export', file, '--format', 'html');
    expect(html.stdout).toContain('<h2');
    expect(html.stdout).toMatch(/<ol>\s*<li>/);
    expect(html.stdout).toContain('href="https://en.wikipedia.org/wiki/Baku"');
  });
});
