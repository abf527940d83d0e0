/**
 * The adapter for a saved rendered Wikipedia page (what a browser saves from `/wiki/Title`): the article is
 * `.mw-parser-output` (older skins: `#mw-content-text`), markers are `sup.reference > a[href="#cite_note-…"]`,
 * notes are `ol.references > li`, citations `cite.citation` with COinS beside them. The page's revision, name and
 * namespace are read from MediaWiki's configuration (`wgRevisionId`, `wgPageName`, `wgNamespaceNumber`) as text
 * — the page's scripts are never run — and its address from `link[rel=canonical]`. Pure.
 */
import { ImportError } from '../model/import-error.ts';
import type { ImportedText } from '../model/imported-text.ts';
import { type Element, attr, findAll, findFirst, hasClass, parseHtml } from './html-tree.ts';
import { decodeHtml } from './html-input.ts';
import type { SourceOptions } from './source-options.ts';
import { assembleWikipedia } from './wikipedia-assemble.ts';
import { labelOfMarkerText } from './wikipedia-labels.ts';
import { textOf } from './html-tree.ts';

/** A value of MediaWiki's page configuration, as written (`"Mozilla"`, `746574460`, `!1`), or undefined. */
function config(html: string, key: string): string | undefined {
  if (!html.includes(`"${key}"`)) return undefined;
  const m = new RegExp(`"${key}"\\s*:\\s*("(?:[^"\\\\]|\\\\.)*"|[^,}\\s]+)`).exec(html);
  if (!m) return undefined;
  const v = m[1]!;
  if (v.startsWith('"')) {
    try {
      return JSON.parse(v) as string;
    } catch {
      return v.slice(1, -1);
    }
  }
  return v;
}

/** True for a configuration value meaning true (`true`, `!0`). */
const truthy = (v: string | undefined) => v === 'true' || v === '!0';

/** Imports a saved rendered Wikipedia page. @throws ImportError `not-article`, `encoding`, `too-large`, `empty`. */
export function importWikipediaPage(input: string | Uint8Array, options: SourceOptions = {}): ImportedText {
  const html = decodeHtml(input);
  const doc = parseHtml(html);
  const content =
    findFirst(doc, (e) => hasClass(e, 'mw-parser-output')) ?? findFirst(doc, (e) => attr(e, 'id') === 'mw-content-text');
  const revisionId = config(html, 'wgRevisionId');
  if (!content) {
    throw new ImportError(
      'not-article',
      revisionId === undefined
        ? 'This HTML is not a MediaWiki page (no .mw-parser-output or #mw-content-text, no wgRevisionId)'
        : 'This MediaWiki page has no article content (.mw-parser-output)',
      1,
      1,
    );
  }
  const special = config(html, 'wgCanonicalSpecialPageName');
  if (special !== undefined && special !== '!1' && special !== 'false') {
    throw new ImportError('not-article', `This is the special page "${special}"${/search/i.test(special) ? ' (search results)' : ''}, not an article`, 1, 1);
  }
  if ((html.includes('mw-search-results') || html.includes('searchresults')) && findFirst(content, (e) => hasClass(e, 'mw-search-results') || hasClass(e, 'searchresults'))) {
    throw new ImportError('not-article', 'This is a page of search results, not an article', 1, 1);
  }
  const namespace = config(html, 'wgNamespaceNumber');
  if (namespace !== undefined && namespace !== '0') {
    throw new ImportError('not-article', `This page is in namespace ${namespace} (${Number(namespace) % 2 ? 'a talk page' : 'not an article'}), not an article`, 1, 1);
  }
  if (truthy(config(html, 'wgIsRedirect')) || (html.includes('redirectMsg') && findFirst(content, (e) => hasClass(e, 'redirectMsg')))) {
    throw new ImportError('not-article', 'This page is a redirect, not an article: open the page it redirects to', 1, 1);
  }
  const canonical = findFirst(doc, (e) => e.name === 'link' && attr(e, 'rel') === 'canonical')?.attribs['href'];
  const server = config(html, 'wgServer');
  const origin = /^https?:\/\/[^/]+/.exec(canonical ?? '')?.[0] ?? (server ? (server.startsWith('//') ? `https:${server}` : server) : 'https://en.wikipedia.org');
  const pageName = config(html, 'wgPageName');
  const title = (config(html, 'wgTitle') ?? pageName?.replace(/_/g, ' ') ?? textOf(findFirst(doc, (e) => e.name === 'title') ?? doc).replace(/ [-—–] Wikipedia.*$/, '')).trim();
  const htmlEl = findFirst(doc, (e) => e.name === 'html');
  const licence = findFirst(doc, (e) => (e.name === 'link' || e.name === 'a') && (attr(e, 'rel') === 'license' || attr(e, 'rel') === 'copyright') && /creativecommons\.org/.test(attr(e, 'href') ?? ''))?.attribs['href'];
  const modified = config(html, 'wgRevisionTimestamp');
  return assembleWikipedia({
    body: content,
    format: 'wikipedia-page',
    language: options.language ?? attr(content, 'lang') ?? htmlEl?.attribs['lang'] ?? config(html, 'wgContentLanguage') ?? 'en',
    title,
    origin,
    revision: revisionId && /^\d+$/.test(revisionId) && revisionId !== '0' ? revisionId : undefined,
    date: modified && /^\d{14}$/.test(modified) ? `${modified.slice(0, 4)}-${modified.slice(4, 6)}-${modified.slice(6, 8)}T${modified.slice(8, 10)}:${modified.slice(10, 12)}:${modified.slice(12, 14)}Z` : undefined,
    licence,
    dialect: {
      marker(el) {
        if (el.name !== 'sup' || !hasClass(el, 'reference')) return null;
        const link = findFirst(el, (e) => e.name === 'a');
        if (!link || !(link.attribs['href'] ?? '').includes('#cite_note')) return null;
        return labelOfMarkerText(textOf(link));
      },
      wikiLink(el) {
        const href = attr(el, 'href') ?? '';
        let path: string | null = null;
        if (href.startsWith('/wiki/')) path = href;
        else if (href.startsWith(`${origin}/wiki/`)) path = href.slice(origin.length);
        if (!path || path.includes('#') || hasClass(el, 'new')) return null;
        if (/^\/wiki\/(?:File|Image|Category|Special|Template|Help|Wikipedia|Portal|Template_talk|Talk):/i.test(decodeURIComponent(path))) return null;
        const t = attr(el, 'title');
        return t ? { href: origin + path, title: t } : { href: origin + path };
      },
    },
    noteOf(marker: Element, ids) {
      const link = findFirst(marker, (e) => e.name === 'a');
      const fragment = link?.attribs['href']?.split('#')[1];
      if (!fragment) return null;
      let id = fragment;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        /* kept as written */
      }
      return ids.get(id) ?? ids.get(fragment) ?? null;
    },
    lists: findAll(content, (e) => e.name === 'ol' && hasClass(e, 'references')),
    footnoteNumber: () => undefined,
  });
}
