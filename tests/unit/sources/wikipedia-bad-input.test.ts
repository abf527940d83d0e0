import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/model/import-error.ts';
import { detectFormat } from '../../../src/sources/detect-format.ts';
import { MAX_HTML_BYTES } from '../../../src/sources/html-input.ts';
import { importSource } from '../../../src/sources/import-source.ts';
import { importWikipediaPage } from '../../../src/sources/wikipedia-page.ts';
import { importWikipediaParsoid } from '../../../src/sources/wikipedia-parsoid.ts';

/** The ImportError `run` throws. */
function errorOf(run: () => unknown): ImportError {
  try {
    run();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

const parsoid = (head: string, body: string) =>
  `<!DOCTYPE html><html about="https://en.wikipedia.org/wiki/Special:Redirect/revision/42"><head><meta charset="utf-8"/>${head}<link rel="dc:isVersionOf" href="//en.wikipedia.org/wiki/X"/><title>X</title><base href="//en.wikipedia.org/wiki/"/></head><body lang="en" class="mw-parser-output"><section data-mw-section-id="0">${body}</section></body></html>`;
const rendered = (config: string, body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"/><script>RLCONF={${config}};</script><link rel="canonical" href="https://en.wikipedia.org/wiki/X"/></head><body><div id="mw-content-text"><div class="mw-parser-output">${body}</div></div></body></html>`;

describe('Wikipedia HTML that is not an article', () => {
  it('refuses a search page, a talk page and a redirect with not-article saying why', () => {
    const search = errorOf(() => importWikipediaPage(rendered('"wgCanonicalSpecialPageName":"Search","wgNamespaceNumber":-1,"wgRevisionId":0', '<ul class="mw-search-results"><li>Dog</li></ul>')));
    expect(search.code).toBe('not-article');
    expect(search.message).toMatch(/search results/);
    const talk = errorOf(() => importWikipediaPage(rendered('"wgCanonicalSpecialPageName":false,"wgNamespaceNumber":1,"wgRevisionId":5', '<p>Hi</p>')));
    expect(talk.code).toBe('not-article');
    expect(talk.message).toMatch(/talk page/);
    const redirect = errorOf(() => importWikipediaPage(rendered('"wgNamespaceNumber":0,"wgIsRedirect":true,"wgRevisionId":5', '<div class="redirectMsg">Redirect to Dog</div>')));
    expect(redirect.message).toMatch(/redirect/);
    const parsoidRedirect = errorOf(() => importWikipediaParsoid(parsoid('<link rel="mw:PageProp/redirect" href="./Dog"/>', '')));
    expect(parsoidRedirect.code).toBe('not-article');
    const parsoidTalk = errorOf(() => importWikipediaParsoid(parsoid('<meta property="mw:pageNamespace" content="1"/>', '<p>Hi</p>')));
    expect(parsoidTalk.message).toMatch(/namespace 1 \(a talk page\)/);
  });

  it('refuses HTML that is not from MediaWiki, through detection too', () => {
    const html = '<!DOCTYPE html><html><head><title>Blog</title></head><body><p>Hello.</p></body></html>';
    expect(detectFormat(html)).toBe('wikipedia-page');
    const e = errorOf(() => importSource(html));
    expect(e.code).toBe('not-article');
    expect(e.message).toMatch(/not a MediaWiki page/);
    expect(errorOf(() => importWikipediaParsoid(html)).code).toBe('not-article');
  });

  it('refuses bytes that are not UTF-8, saying where, and a page declaring another charset', () => {
    const bytes = new TextEncoder().encode(rendered('"wgRevisionId":5', '<p>Caf\u00e9</p>'));
    const at = bytes.indexOf(0xc3);
    const latin1 = new Uint8Array([...bytes.subarray(0, at), 0xe9, ...bytes.subarray(at + 2)]);
    const e = errorOf(() => importWikipediaPage(latin1));
    expect(e.code).toBe('encoding');
    expect(e.message).toMatch(/0xE9/);
    expect(e.column).toBe(at + 1);
    expect(errorOf(() => importWikipediaPage('<html><head><meta charset="iso-8859-1"></head><body></body></html>')).code).toBe('encoding');
  });

  it('refuses a file over the stated limit without parsing it', () => {
    const e = errorOf(() => importWikipediaParsoid(new Uint8Array(MAX_HTML_BYTES + 1)));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/32 MiB/);
  });
});

describe('scripts, event handlers and javascript: links', () => {
  const payload =
    '<p>Safe words<script>alert("x1")</script> here<img src=x onerror="alert(\'x2\')"> and <a href="javascript:alert(\'x3\')">a trap</a>, ' +
    '<a rel="mw:ExtLink" href="https://example.org/">a site</a> and <a href="data:text/html,x4">data</a>.<style>p{x5:1}</style></p>' +
    '<p onclick="alert(\'x6\')">Second <span onmouseover="x7()">para</span>.</p><noscript>x8</noscript>';

  for (const [name, run] of [
    ['Parsoid', () => importWikipediaParsoid(parsoid('', payload))],
    ['rendered', () => importWikipediaPage(rendered('"wgRevisionId":5,"wgNamespaceNumber":0', payload))],
  ] as const) {
    it(`keeps none of them (${name})`, () => {
      const t = run();
      const json = JSON.stringify(t);
      for (const x of ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'alert', 'onerror', 'javascript:']) expect(json).not.toContain(x);
      expect(t.blocks.map((b) => b.text)).toEqual(['Safe words here and a trap, a site and data.', 'Second para.']);
      const start = t.blocks[0]!.text.indexOf('a site');
      expect(t.links).toEqual([{ block: 0, start, end: start + 6, href: 'https://example.org/', kind: 'external' }]);
      expect(t.report!.omitted).toMatchObject({ script: 2, style: 1 });
    });
  }
});
