/**
 * The exporters on real material: the curated Kavbiuro notes (annotations/kavbiuro.jsonld, parsed and anchored
 * by the real modules) and the four Wikipedia articles of ../shared/corpora. Each export goes through its real
 * validator. Skipped with a visible reason when a validator or the shared folder is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { buildExportInput } from '../../../src/export/build-export-input.ts';
import { exportCsl } from '../../../src/export/csl.ts';
import type { ExportInput } from '../../../src/export/export-input.ts';
import { exportHtml } from '../../../src/export/html.ts';
import { exportMarkdown } from '../../../src/export/markdown.ts';
import { exportTei } from '../../../src/export/tei.ts';
import { bodyTexts, countNotes, cslMissing, jingAll, pandocAst, pandocMissing, skipUnless, teiMissing, validateCsl } from './export-validators.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const corporaDir = join(resolve(root, process.env['APPARATUS_SHARED'] ?? '../shared'), 'corpora');
const corpora = existsSync(corporaDir) ? readdirSync(corporaDir).filter((f) => f.endsWith('.txt')).sort() : [];
const curatedPath = join(root, 'annotations', 'kavbiuro.jsonld');

const canJing = skipUnless(teiMissing() === null, teiMissing() ?? '');
const canPandoc = skipUnless(pandocMissing() === null, pandocMissing() ?? '');
const canCsl = skipUnless(cslMissing() === null, cslMissing() ?? '');
skipUnless(corpora.length > 0, `no corpora at ${corporaDir} (set APPARATUS_SHARED) — exports of real articles not checked`);
skipUnless(existsSync(curatedPath), `${curatedPath} is absent — exports of the curated notes not checked`);

const collapse = (s: string) => s.replace(/[ \t]+/g, ' ');

function checkMarkdown(input: ExportInput): void {
  const md = exportMarkdown(input);
  const ast = pandocAst(md);
  const labels = new Set(input.text.references.map((r) => r.label));
  const markers = input.text.citations.filter((c) => labels.has(c.label)).length;
  // The article's markers are links to its reference list (numbered as the article numbers them); notes are footnotes.
  expect(countNotes(ast.blocks)).toBe(md.match(/\[\^note-\d+\](?!:)/g)?.length ?? 0);
  expect(JSON.stringify(ast).match(/"#ref-[^"]*"/g)?.length ?? 0).toBe(markers);
  const expected = input.text.blocks.map((b) => ({ type: b.type, text: collapse(b.text) }));
  expect(bodyTexts(ast).slice(0, expected.length).map((b) => ({ ...b, text: collapse(b.text) }))).toEqual(expected);
}

function readingText(html: string): string[] {
  const doc = new new Window().DOMParser().parseFromString(html, 'text/html');
  const article = doc.querySelector('article.text')!;
  for (const extra of article.querySelectorAll('sup.note-ref, sup.flag')) extra.remove();
  return [...article.children].map((b) => b.textContent!);
}

const curated: ExportInput | null = existsSync(curatedPath)
  ? (
      await buildExportInput({
        text: readFileSync(join(root, 'corpus', 'kavbiuro', 'text.txt')),
        textName: 'corpus/kavbiuro/text.txt',
        workJson: readFileSync(join(root, 'corpus', 'kavbiuro', 'work.json'), 'utf8'),
        annotationsJson: readFileSync(curatedPath, 'utf8'),
        annotationsName: 'annotations/kavbiuro.jsonld',
        exportedAt: '2026-01-15T12:00:00Z',
      })
    ).input
  : null;

const articles = new Map<string, ExportInput>();
for (const file of corpora) {
  const { input } = await buildExportInput({ text: readFileSync(join(corporaDir, file)), textName: file, workJson: null, annotationsJson: null, exportedAt: '2026-01-15T12:00:00Z' });
  if (file.endsWith('-de.txt')) input.work.language = 'de';
  articles.set(file, input);
}

test.skipIf(!canJing || (curated === null && corpora.length === 0))('TEI of the curated notes and of every article is valid (one jing run)', () => {
  const docs: Record<string, string> = {};
  if (curated) docs['kavbiuro-curated'] = exportTei(curated);
  for (const [file, input] of articles) docs[file] = exportTei(input);
  const r = jingAll(docs);
  expect(r.messages).toBe('');
  expect(r.failed).toEqual([]);
  expect(r.ok).toBe(true);
});

describe.skipIf(curated === null)('the curated Kavbiuro notes', () => {
  const input = curated!;

  test('are all accepted and exported', () => {
    expect(input.annotations.length).toBeGreaterThan(10);
  });

  test('TEI: every note is in it', () => {
    const tei = exportTei(input);
    for (const a of input.annotations) expect(tei).toContain(`corresp="${a.id}"`);
  });

  test.skipIf(!canPandoc)('Markdown: a Note per footnote, the text intact', () => checkMarkdown(input));

  test('HTML: every note is in it and the text reads as the source', () => {
    const html = exportHtml(input);
    for (const a of input.annotations) expect(html).toContain(`data-annotation="${a.id}"`);
    expect(readingText(html)).toEqual(input.text.blocks.map((b) => b.text));
  });
});

describe.each(corpora)('the article %s', (file) => {
  const input = articles.get(file)!;

  test.skipIf(!canPandoc)('Markdown reads back with its footnotes and text', () => checkMarkdown(input));

  test.skipIf(!canCsl)('CSL-JSON is valid', () => {
    expect(validateCsl(JSON.parse(exportCsl(input))).errors).toBeNull();
  });

  test('HTML reads as the source', () => {
    expect(readingText(exportHtml(input))).toEqual(input.text.blocks.map((b) => b.text));
  });
});
