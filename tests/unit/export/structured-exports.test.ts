/**
 * Exports of sources with structure (issue 9): real files of ../shared/sources (the Parsoid "Dog" page, a TEI
 * document) and the repository's Markdown fixture, imported by the CLI's path (`buildExportInput`, format detected)
 * and exported. Each export is read back by a real reader — TEI by jing (tei_all) and by our TEI importer, Markdown
 * by pandoc, HTML by happy-dom — and must show the same sections (level, text), list items and links as the import.
 * Skipped with a visible reason when the shared folder or a validator is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { buildExportInput } from '../../../src/export/build-export-input.ts';
import type { ExportInput } from '../../../src/export/export-input.ts';
import { exportHtml } from '../../../src/export/html.ts';
import { exportJsonLd } from '../../../src/export/jsonld.ts';
import { exportMarkdown } from '../../../src/export/markdown.ts';
import { exportTei } from '../../../src/export/tei.ts';
import { claimSignals } from '../../../src/model/claim-signals.ts';
import { isHttpUrl } from '../../../src/model/http-url.ts';
import type { ImportedText, Link } from '../../../src/model/imported-text.ts';
import { importTei } from '../../../src/sources/tei.ts';
import { noteIfSchemasMissing, validateCollection } from '../../support/w3c-validator.ts';
import { inlineText, jingAll, pandocAst, pandocMissing, skipUnless, teiMissing } from './export-validators.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const sourcesDir = join(resolve(root, process.env['APPARATUS_SHARED'] ?? '../shared'), 'sources');
const FILES = [join(sourcesDir, 'wikipedia-parsoid', 'dog.html'), join(sourcesDir, 'tei', 'sermon-27003.xml'), join(root, 'tests', 'fixtures', 'sources', 'structure.md')];
const present = FILES.filter((f) => existsSync(f));
skipUnless(present.length === FILES.length, `missing ${FILES.filter((f) => !existsSync(f)).join(', ')} (set APPARATUS_SHARED) — some structured exports not checked`);
const canJing = skipUnless(teiMissing() === null, teiMissing() ?? '');
const canPandoc = skipUnless(pandocMissing() === null, pandocMissing() ?? '');

const inputs = new Map<string, ExportInput>();
for (const file of present) {
  const { input } = await buildExportInput({ text: readFileSync(file), textName: file, workJson: null, annotationsJson: null, exportedAt: '2026-01-15T12:00:00Z' });
  inputs.set(file, input);
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A URL as read: the exports percent-encode what a URI may not hold as written (safeUri). */
const uri = (href: string): string => {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
};
const headings = (t: ImportedText) => t.blocks.flatMap((b) => (b.type === 'heading' ? [{ level: b.level ?? 2, text: collapse(b.text) }] : []));
const items = (t: ImportedText) => t.blocks.filter((b) => b.type === 'list_item').map((b) => collapse(b.text));

/** The http(s) links of a text as (block, text, href), parts of one link cut by a claim edge joined. */
function httpLinks(t: ImportedText): { block: number; text: string; href: string; kind: Link['kind'] }[] {
  const out: { block: number; text: string; href: string; end: number; kind: Link['kind'] }[] = [];
  for (const l of [...(t.links ?? [])].sort((a, b) => a.block - b.block || a.start - b.start)) {
    if (!isHttpUrl(l.href)) continue;
    const last = out.at(-1);
    const text = t.blocks[l.block]!.text.slice(l.start, l.end);
    if (last && last.block === l.block && last.end === l.start && last.href === l.href) {
      last.text += text;
      last.end = l.end;
    } else out.push({ block: l.block, text, href: l.href, end: l.end, kind: l.kind });
  }
  return out.map(({ block, text, href, kind }) => ({ block, text, href: uri(href), kind }));
}

test('the sources have structure to export (sections; links in the Wikipedia page and the Markdown; lists in the Markdown)', () => {
  for (const [file, input] of inputs) {
    expect(headings(input.text).length, file).toBeGreaterThan(0);
    if (!file.endsWith('.xml')) expect(httpLinks(input.text).length, file).toBeGreaterThan(0);
  }
  const md = [...inputs].find(([f]) => f.endsWith('.md'));
  if (md) expect(items(md[1].text).length).toBeGreaterThan(2);
});

test.skipIf(!canJing || inputs.size === 0)('TEI of each structured source is valid against tei_all (one jing run)', () => {
  const docs: Record<string, string> = {};
  for (const [file, input] of inputs) docs[file.split('/').at(-1)!] = exportTei(input);
  const r = jingAll(docs);
  expect(r.messages).toBe('');
  expect(r.ok).toBe(true);
});

describe.each([...inputs.keys()])('%s', (file) => {
  const input = inputs.get(file)!;

  test('TEI imports back with the same blocks (kind, level, text), list items and links', () => {
    const tei = exportTei(input);
    expect(tei).toMatch(/<div[^>]*>\s*<head>/);
    const back = importTei(tei);
    expect(back.blocks.map((b) => ({ type: b.type, level: b.level, text: b.text }))).toEqual(
      input.text.blocks.map((b) => ({ type: b.type, level: b.type === 'heading' || b.type === 'list_item' ? b.level : undefined, text: b.text })),
    );
    expect(back.blocks.map((b) => b.ordered === true)).toEqual(input.text.blocks.map((b) => b.ordered === true));
    expect(httpLinks(back)).toEqual(httpLinks(input.text));
    expect(back.claims.map((c) => c.text)).toEqual(input.text.claims.map((c) => c.text));
  });

  test.skipIf(!canPandoc)('Markdown read by pandoc has the headings, list items and links', () => {
    const ast = pandocAst(exportMarkdown(input));
    const found: { level: number; text: string }[] = [];
    const listItems: string[] = [];
    const links: string[] = [];
    const sections = headings(input.text).length;
    // The export's own sections (references, uncited references, source) follow the text's: read up to them.
    const inText = () => found.length <= sections;
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (!v || typeof v !== 'object') return;
      const node = v as { t: string; c?: unknown };
      if (node.t === 'Header') {
        const [level, , inlines] = node.c as [number, unknown, unknown];
        found.push({ level, text: collapse(inlineText(inlines)) });
      }
      if (node.t === 'BulletList' || node.t === 'OrderedList') {
        const list = (node.t === 'OrderedList' ? (node.c as unknown[])[1] : node.c) as { t: string; c: unknown }[][];
        for (const item of list) {
          if (inText()) listItems.push(collapse(inlineText(item[0]?.c)));
          walk(item);
        }
        return;
      }
      if (node.t === 'Link' && inText()) {
        const [, , [href]] = node.c as [unknown, unknown, [string, string]];
        if (!href.startsWith('#')) links.push(href);
      }
      if (node.t !== 'Note') walk(node.c);
    };
    walk(ast.blocks);
    expect(found.slice(0, sections)).toEqual(headings(input.text));
    expect(listItems).toEqual(items(input.text));
    expect(links.map(uri)).toEqual(httpLinks(input.text).map((l) => uri(l.href)));
  });

  test('HTML has h2–h6 sections, ul/ol items and the links as <a href>', () => {
    const doc = new new Window().DOMParser().parseFromString(exportHtml(input), 'text/html');
    const article = doc.querySelector('article.text')!;
    expect([...article.querySelectorAll('h2,h3,h4,h5,h6')].map((h) => ({ level: Number(h.tagName[1]), text: collapse(h.textContent!) }))).toEqual(headings(input.text));
    const lis = [...article.querySelectorAll('li')].map((li) => {
      const own = li.cloneNode(true);
      for (const nested of own.querySelectorAll('ul,ol,sup.flag,sup.note-ref')) nested.remove();
      return collapse(own.textContent!);
    });
    expect(lis).toEqual(items(input.text));
    const anchors = [...article.querySelectorAll('a.wiki, a.external')];
    const joined: { text: string; href: string }[] = [];
    for (const a of anchors) {
      const last = joined.at(-1);
      const prev = a.previousSibling;
      // Parts of one link cut by a claim edge sit in adjacent claims: join them as httpLinks does.
      if (last && last.href === a.getAttribute('href') && (prev === null || prev.textContent === '') && a.parentElement?.previousElementSibling?.lastElementChild?.getAttribute('href') === last.href) last.text += a.textContent;
      else joined.push({ text: a.textContent!, href: a.getAttribute('href')! });
    }
    expect(joined.map((l) => uri(l.href))).toEqual(httpLinks(input.text).map((l) => l.href));
    expect(anchors.filter((a) => a.classList.contains('wiki')).length > 0).toBe(httpLinks(input.text).some((l) => l.kind === 'wiki'));
  });

  test.skipIf(!noteIfSchemasMissing())('JSON-LD stays a valid collection', () => {
    expect(validateCollection(JSON.parse(exportJsonLd(input)))).toEqual([]);
  });
});

test('the flags the source puts on claims are in the TEI (seg/@ana into a taxonomy) and the HTML (a superscript after the claim)', () => {
  const dog = [...inputs].find(([f]) => f.endsWith('dog.html'));
  if (!dog) return;
  const input = dog[1];
  const flagged = claimSignals(input.text.claims, input.text.signals ?? []).byClaim;
  expect(flagged.size).toBeGreaterThan(0);
  const tei = exportTei(input);
  expect(tei.match(/ ana="#flag-[a-z-]+"/g)?.length).toBe(flagged.size);
  expect(tei).toMatch(/<category xml:id="flag-citation-needed">\s*<catDesc>citation needed<\/catDesc>/);
  const html = exportHtml(input);
  expect(html.match(/class="flag source-flag"/g)?.length).toBe([...flagged.values()].flat().length);
  // A source without flags writes no taxonomy.
  const md = [...inputs].find(([f]) => f.endsWith('.md'));
  if (md) expect(exportTei(md[1])).not.toContain('classDecl');
});

test('a link whose address is not http(s) is printed as its text in every export, never a link', () => {
  const md = [...inputs].find(([f]) => f.endsWith('.md'));
  if (!md) return;
  const input = md[1];
  const mail = (input.text.links ?? []).find((l: Link) => l.href.startsWith('mailto:'));
  expect(mail).toBeDefined();
  const words = input.text.blocks[mail!.block]!.text.slice(mail!.start, mail!.end);
  expect(exportHtml(input)).not.toContain('mailto:');
  expect(exportTei(input)).not.toContain('mailto:');
  expect(exportMarkdown(input)).not.toContain('mailto:');
  expect(exportHtml(input)).toContain(words);
});
