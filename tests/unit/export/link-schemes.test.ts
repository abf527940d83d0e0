/**
 * Issue 8 §5.6: a `javascript:` URL in work.json (source, licence) never becomes a link in the Markdown, TEI or HTML
 * export — the one http(s)-only rule of `src/model/http-url.ts`, which the page uses too. The Markdown is read back
 * by the real pandoc and written as HTML (what a reader of the export would open), so the check is on the links
 * pandoc actually makes.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import type { ExportInput } from '../../../src/export/export-input.ts';
import { exportHtml } from '../../../src/export/html.ts';
import { exportMarkdown } from '../../../src/export/markdown.ts';
import { exportTei } from '../../../src/export/tei.ts';
import { isHttpUrl, safeHref } from '../../../src/model/http-url.ts';
import { kavbiuroExportInput } from '../../fixtures/export/kavbiuro-export-input.ts';
import { pandocMissing, skipUnless } from './export-validators.ts';

const canRead = skipUnless(pandocMissing() === null, pandocMissing() ?? '');

/** The Kavbiuro input with work.json's source and licence URL replaced. */
function withUrls(source: string, licenceUrl: string): ExportInput {
  const input = kavbiuroExportInput();
  return { ...input, work: { ...input.work, source, licence: { ...input.work.licence, url: licenceUrl } } };
}

const hostile = () => withUrls('javascript:alert(1)', 'JavaScript:alert(2)');
const plain = () => withUrls('https://example.org/source', 'https://example.org/licence');

/** The href values of the HTML pandoc writes from `markdown`. */
function pandocHrefs(markdown: string): string[] {
  const r = spawnSync('pandoc', ['-f', 'markdown', '-t', 'html'], { input: markdown, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`pandoc failed: ${r.stderr}`);
  return [...r.stdout.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
}

const targets = (xml: string) => [...xml.matchAll(/\btarget="([^"]*)"/g)].map((m) => m[1]!);

describe('one http(s)-only rule', () => {
  test.each([
    ['https://en.wikipedia.org/wiki/Kavbiuro', true],
    ['HTTP://example.org/a?b=1#c', true],
    ["https://en.wikipedia.org/wiki/Rock_'n'_roll", true],
    ['javascript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['data:text/html,x', false],
    ['vbscript:x', false],
    ['//example.org/x', false],
    ['https://x.org/"onmouseover="x', false],
    ['https://x.org/a b', false],
    ['https://x.org/a\u0000b', false],
  ])('%j → %s', (url, ok) => {
    expect(isHttpUrl(url)).toBe(ok);
    expect(safeHref(url)).toBe(ok ? url : null);
  });
});

describe.skipIf(!canRead)('Markdown: pandoc makes no javascript: link from work.json', () => {
  test('source and licence as javascript: URLs are written as text; pandoc finds no such href', () => {
    const md = exportMarkdown(hostile());
    const hrefs = pandocHrefs(md);
    expect(hrefs.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
    // The words are still there, as text.
    expect(md).toContain('javascript:alert(1)');
  });

  test('the check can fail: http(s) source and licence do become links', () => {
    const hrefs = pandocHrefs(exportMarkdown(plain()));
    expect(hrefs).toEqual(expect.arrayContaining(['https://example.org/source', 'https://example.org/licence']));
  });
});

describe('TEI and HTML: no javascript: target or href from work.json', () => {
  test('TEI: no @target holds the javascript: URL; an http(s) one is a target', () => {
    expect(targets(exportTei(hostile())).filter((t) => /javascript:/i.test(t))).toEqual([]);
    expect(targets(exportTei(plain()))).toEqual(expect.arrayContaining(['https://example.org/source', 'https://example.org/licence']));
  });

  test('HTML: no href holds the javascript: URL', () => {
    expect(exportHtml(hostile())).not.toMatch(/href="\s*javascript:/i);
  });
});
