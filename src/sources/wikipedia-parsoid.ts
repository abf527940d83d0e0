/**
 * The Parsoid HTML adapter (what `/w/rest.php/v1/page/{title}/html` and `/api/rest_v1/page/html/{title}` return;
 * Specs/HTML 1.x–2.8). Markers are `[typeof~="mw:Extension/ref"]`; each points (its link's fragment, or
 * `data-mw.body.id`) to its note in `mw:Extension/references`; reused named refs point to one note, so they cite
 * one reference. Explanatory-note groups keep their group (`Reference.group`), sub-references (2.8 `details`,
 * `ol.mw-subreference-list`) their parent. The revision is pinned from `html[about]`, `dc:modified` and
 * `dc:isVersionOf`. Pure: runs in the load worker and in Node.
 */
import { ImportError } from '../model/import-error.ts';
import type { ImportedText } from '../model/imported-text.ts';
import { type Element, attr, findAll, findFirst, hasClass, hasWord, parseHtml, textOf } from './html-tree.ts';
import { decodeHtml } from './html-input.ts';
import type { SourceOptions } from './source-options.ts';
import { assembleWikipedia, type WikiPage } from './wikipedia-assemble.ts';
import { labelOfMarkerText } from './wikipedia-labels.ts';

/** Imports Parsoid HTML. @throws ImportError `not-article`, `encoding`, `too-large`, `empty`. */
export function importWikipediaParsoid(input: string | Uint8Array, options: SourceOptions = {}): ImportedText {
  const html = decodeHtml(input);
  const doc = parseHtml(html);
  const root = findFirst(doc, (e) => e.name === 'html');
  const body = findFirst(doc, (e) => e.name === 'body');
  const head = findFirst(doc, (e) => e.name === 'head');
  const metaContent = (prop: string) => (head ? findFirst(head, (e) => e.name === 'meta' && attr(e, 'property') === prop) : null)?.attribs['content'];
  const isVersionOf = head ? findFirst(head, (e) => e.name === 'link' && hasWord(e, 'rel', 'dc:isVersionOf'))?.attribs['href'] : undefined;
  if (!body || (!isVersionOf && !root?.attribs['about'] && !findFirst(body, (e) => attr(e, 'data-mw') !== undefined))) {
    throw new ImportError('not-article', 'This HTML is not Parsoid HTML of a wiki page (no dc:isVersionOf, revision or data-mw marks)', 1, 1);
  }
  const namespace = metaContent('mw:pageNamespace');
  if (namespace !== undefined && namespace !== '0') {
    throw new ImportError('not-article', `This page is in namespace ${namespace} (${Number(namespace) % 2 ? 'a talk page' : 'not an article'}), not an article`, 1, 1);
  }
  if (findFirst(doc, (e) => e.name === 'link' && hasWord(e, 'rel', 'mw:PageProp/redirect'))) {
    throw new ImportError('not-article', 'This page is a redirect, not an article: open the page it redirects to', 1, 1);
  }
  // Article URLs: `./Title` against `<base href="//en.wikipedia.org/wiki/">`.
  const base = head ? findFirst(head, (e) => e.name === 'base')?.attribs['href'] : undefined;
  const articleBase = absolute(base ?? (isVersionOf ? isVersionOf.replace(/[^/]*$/, '') : 'https://en.wikipedia.org/wiki/'));
  const origin = /^https?:\/\/[^/]+/.exec(articleBase)?.[0] ?? 'https://en.wikipedia.org';
  const title = (head ? textOf(findFirst(head, (e) => e.name === 'title') ?? head) : '').trim() || decodeURIComponent(isVersionOf?.replace(/^.*\//, '') ?? '').replace(/_/g, ' ');
  const revision = /revision\/(\d+)/.exec(root?.attribs['about'] ?? '')?.[1];

  const page: WikiPage = {
    body,
    format: 'wikipedia-parsoid',
    language: options.language ?? body.attribs['lang'] ?? root?.attribs['lang'] ?? 'en',
    title,
    origin,
    revision,
    date: metaContent('dc:modified'),
    licence: head ? findFirst(head, (e) => e.name === 'link' && hasWord(e, 'rel', 'license'))?.attribs['href'] : undefined,
    dialect: {
      marker(el) {
        if (!hasWord(el, 'typeof', 'mw:Extension/ref')) return null;
        const link = findFirst(el, (e) => e.name === 'a');
        const written = textOf(findFirst(el, (e) => hasClass(e, 'mw-reflink-text')) ?? el);
        return labelOfMarkerText(written, link?.attribs['data-mw-group'] ?? groupOf(el));
      },
      wikiLink(el) {
        if (!hasWord(el, 'rel', 'mw:WikiLink')) return null;
        const href = attr(el, 'href') ?? '';
        if (!href.startsWith('./') || href.includes('#')) return null;
        const target = href.slice(2);
        if (/^(?:File|Image|Category|Special|Template|Help|Wikipedia|Portal):/i.test(decodeURIComponent(target))) return null;
        const t = attr(el, 'title');
        return t ? { href: articleBase + target, title: t } : { href: articleBase + target };
      },
    },
    noteOf(marker, ids) {
      const link = findFirst(marker, (e) => e.name === 'a');
      const fragment = link?.attribs['href']?.split('#')[1];
      let li = fragment ? ids.get(decodeURIComponent(fragment)) ?? ids.get(fragment) : undefined;
      if (!li) {
        const bodyId = (parseMw(marker) as { body?: { id?: string } } | null)?.body?.id;
        const bodyEl = bodyId ? ids.get(bodyId) : undefined;
        li = bodyEl ? (bodyEl.name === 'li' ? bodyEl : closestLi(bodyEl)) : undefined;
      }
      return li ?? null;
    },
    lists: findAll(body, (e) => e.name === 'ol' && hasClass(e, 'mw-references')),
    footnoteNumber: (li) => attr(li, 'data-mw-footnote-number'),
  };
  return assembleWikipedia(page);
}

/** The data-mw of `el` as JSON, or null when absent or not JSON. */
function parseMw(el: Element): unknown {
  try {
    return JSON.parse(attr(el, 'data-mw') ?? '');
  } catch {
    return null;
  }
}

/** The group a marker's `data-mw.attrs.group` names ('' when none). */
function groupOf(el: Element): string {
  const g = (parseMw(el) as { attrs?: { group?: unknown } } | null)?.attrs?.group;
  return typeof g === 'string' ? g : '';
}

function closestLi(el: Element): Element | undefined {
  let p = el.parent as Element | null;
  while (p && 'name' in p) {
    if (p.name === 'li') return p;
    p = p.parent as Element | null;
  }
  return undefined;
}

/** `//host/path` → `https://host/path`. */
function absolute(url: string): string {
  return url.startsWith('//') ? `https:${url}` : url;
}
