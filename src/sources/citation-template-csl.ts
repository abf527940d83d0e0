/**
 * A Wikipedia citation template's parameters (`{{cite book|last=…|title=…}}`, as Parsoid gives them in
 * `data-mw.parts[].template.params`) → a CSL-JSON item and identifiers: read field by field, far better than the
 * rendered string. Pure.
 */
import { parseDate } from '../model/references.ts';
import type { CslItem, CslName, ReferenceIds } from '../model/reference-types.ts';
import { isHttpUrl } from '../model/http-url.ts';

/** Template parameters: name → wikitext value. */
export type TemplateParams = Record<string, string>;

/** True when `target` (a template name, any case, spaces or underscores) is a citation template. */
export function isCitationTemplate(target: string): boolean {
  return /^\s*(?:template:)?\s*(?:cite[ _]|citation\b|cite$|vcite|harvc)/i.test(target);
}

/** What `plainWikitext` may have to change: link or quote marks, tags, entities, runs of white space. */
const PLAIN_NEEDS_WORK = /[[\]'<&\n\t\r]|\s\s/;

/** Wikitext to plain text: links `[[a|b]]` → b, `[url text]` → text, quotes and tags removed. */
export function plainWikitext(wt: string): string {
  // Most values are plain words: nothing to take out.
  if (!PLAIN_NEEDS_WORK.test(wt)) return wt.trim();
  return wt
    .replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, '$1')
    .replace(/\[(https?:\/\/\S+)\s+([^\]]*)\]/g, '$2')
    .replace(/'{2,}/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The CSL type of a template (`cite journal` → `article-journal`…). */
function typeOf(target: string, p: TemplateParams): string {
  const t = target.toLowerCase().replace(/_/g, ' ');
  if (/journal|magazine/.test(t)) return 'article-journal';
  if (/news/.test(t)) return 'article-newspaper';
  if (/web|press release/.test(t)) return 'webpage';
  if (/book/.test(t)) return p['chapter'] || p['contribution'] ? 'chapter' : 'book';
  if (p['journal']) return 'article-journal';
  if (p['newspaper']) return 'article-newspaper';
  if (p['isbn'] || p['ISBN'] || p['publisher']) return 'book';
  if (p['url']) return 'webpage';
  return 'document';
}

/** The names of role `role` (`author`/`last`+`first`, `editor`…), numbered 1, 2, … in order. */
function names(p: TemplateParams, role: 'author' | 'editor'): CslName[] {
  const out: CslName[] = [];
  const lastKeys = role === 'author' ? ['last', 'surname', 'author'] : ['editor-last', 'editor-surname', 'editor', 'editorlast'];
  const firstKeys = role === 'author' ? ['first', 'given'] : ['editor-first', 'editor-given', 'editorfirst'];
  for (let n = 1; n <= 99; n++) {
    const pick = (keys: string[]) => {
      for (const k of keys) {
        const numbered = k.startsWith('editor-') ? k.replace('editor-', `editor${n}-`) : `${k}${n}`;
        const v = n === 1 ? (p[k] ?? p[`${k}1`] ?? p[numbered]) : (p[`${k}${n}`] ?? p[numbered]);
        const plain = v === undefined ? '' : plainWikitext(v);
        if (plain) return plain;
      }
      return undefined;
    };
    const last = pick(lastKeys.slice(0, -1));
    const whole = pick(lastKeys.slice(-1));
    const first = pick(firstKeys);
    if (last) out.push(first ? { family: last, given: first } : { family: last });
    else if (whole) out.push({ literal: whole });
    else if (n > 1) break;
  }
  if (role === 'author' && out.length === 0 && p['authors']) out.push({ literal: plainWikitext(p['authors']) });
  return out;
}

/** The first non-empty plain value among `keys`. */
function pick(p: TemplateParams, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = p[k];
    if (v !== undefined) {
      const s = plainWikitext(v);
      if (s) return s;
    }
  }
  return undefined;
}

/**
 * A CSL item (id `ref-<label>`) and identifiers from a citation template's `target` and `params`. Identifiers are
 * normalised as the rendered-string parser does (ISBN without hyphens); only http(s) URLs are taken.
 */
export function cslFromTemplate(label: string, target: string, params: TemplateParams): { csl: CslItem; ids: ReferenceIds } {
  const p: TemplateParams = {};
  for (const [k, v] of Object.entries(params)) p[k.trim().toLowerCase().replace(/_/g, '-')] = v;
  const ids: ReferenceIds = { isbn: [], oclc: [], ol: [], hdl: [], doi: [], url: [] };
  const csl: CslItem = { id: `ref-${label}`, type: typeOf(target, p) };
  const authors = names(p, 'author');
  if (authors.length) csl.author = authors;
  const editors = names(p, 'editor');
  if (editors.length) csl.editor = editors;
  const chapter = pick(p, 'chapter', 'contribution', 'entry', 'article');
  const title = pick(p, 'title');
  if (csl.type === 'chapter' && chapter) {
    csl.title = chapter;
    if (title) csl['container-title'] = title;
  } else if (title) csl.title = title;
  const container = pick(p, 'journal', 'work', 'website', 'newspaper', 'magazine', 'periodical', 'encyclopedia', 'encyclopaedia');
  if (container && !csl['container-title']) csl['container-title'] = container;
  const volume = pick(p, 'volume');
  if (volume) csl.volume = volume;
  const issue = pick(p, 'issue', 'number');
  if (issue) csl.issue = issue;
  const page = pick(p, 'pages', 'page', 'pp', 'p', 'at');
  if (page) csl.page = page;
  const publisher = pick(p, 'publisher', 'via');
  if (publisher) csl.publisher = publisher;
  const place = pick(p, 'location', 'place', 'publication-place');
  if (place) csl['publisher-place'] = place;
  const date = pick(p, 'date', 'year', 'publication-date');
  const issued = date ? parseDate(date) : null;
  if (issued) csl.issued = issued;
  const accessDate = pick(p, 'access-date', 'accessdate');
  const accessed = accessDate ? parseDate(accessDate) : null;
  if (accessed) csl.accessed = accessed;
  const isbn = pick(p, 'isbn', 'isbn13')?.replace(/[\s-]/g, '').toUpperCase();
  if (isbn && /^(?:\d{9}[\dX]|\d{13})$/.test(isbn)) ids.isbn.push(isbn);
  const issn = pick(p, 'issn', 'eissn');
  if (issn && /^\d{4}-?\d{3}[\dXx]$/.test(issn)) csl.ISSN = issn.toUpperCase();
  const oclc = pick(p, 'oclc');
  if (oclc && /^\d{1,12}$/.test(oclc)) ids.oclc.push(oclc);
  const ol = pick(p, 'ol');
  if (ol && /^(?:OL)?\d+[MWA]$/.test(ol)) ids.ol.push(ol.replace(/^OL/, ''));
  const doi = pick(p, 'doi');
  if (doi && /^10\.\d{4,9}\/[^\s<>"{}\\%#]+$/.test(doi)) ids.doi.push(doi);
  const hdl = pick(p, 'hdl');
  if (hdl && /^\d[\w.]*\/[^\s<>"{}\\%#]+$/.test(hdl)) ids.hdl.push(hdl);
  for (const key of ['url', 'chapter-url', 'archive-url', 'archiveurl']) {
    const raw = p[key]?.trim();
    if (raw && isHttpUrl(raw) && !/[{}\\]/.test(raw) && !ids.url.includes(raw)) ids.url.push(raw);
  }
  if (ids.isbn[0]) csl.ISBN = ids.isbn[0];
  if (ids.doi[0]) csl.DOI = ids.doi[0];
  const url = p['url']?.trim();
  if (url && ids.url.includes(url)) csl.URL = url;
  else if (ids.hdl[0]) csl.URL = `https://hdl.handle.net/${ids.hdl[0]}`;
  const archive = (p['archive-url'] ?? p['archiveurl'])?.trim();
  if (archive && ids.url.includes(archive)) csl.note = `Archived at ${archive}`;
  if (!csl.URL && ids.url[0]) csl.URL = ids.url[0];
  return { csl, ids };
}
