/**
 * A Wikipedia reference-list entry (`ol.references > li`) → a `Reference`: its text, and its CSL-JSON item from the
 * note's citation template parameters (Parsoid `data-mw`), else its COinS, else the rendered string as the
 * plain-text importer reads it. Pure.
 */
import { isHttpUrl } from '../model/http-url.ts';
import { parseIdentifiers, parseReference } from '../model/references.ts';
import type { CslItem, Reference, ReferenceIds } from '../model/reference-types.ts';
import { cslFromCoins } from './coins-csl.ts';
import { cslFromTemplate, isCitationTemplate, type TemplateParams } from './citation-template-csl.ts';
import { type ChildNode, type Element, attr, findAll, findFirst, hasClass, hasWord, isDropped, isTag, isText } from './html-tree.ts';

/** Which source gave a reference's CSL item: counted in the import report. */
export type CslSource = 'template' | 'coins' | 'text';

/** The note text of an entry: the reference text, without back-links, sub-reference lists or hidden parts. */
export function noteText(li: Element): string {
  const body = findFirst(li, (e) => hasClass(e, 'mw-reference-text') || hasClass(e, 'reference-text')) ?? li;
  let s = '';
  const walk = (n: ChildNode): void => {
    if (isText(n)) {
      s += n.data;
      return;
    }
    if (!isTag(n) || isDropped(n)) return;
    if (n.name === 'ol' || n.name === 'ul' && hasClass(n, 'mw-subreference-list')) return;
    if (hasClass(n, 'Inline-Template')) return; // `[page needed]`, `[dead link]`: a tag on the note, not its text
    if (hasClass(n, 'mw-cite-backlink') || hasClass(n, 'mw-linkback-text') || attr(n, 'rel') === 'mw:referencedBy') return;
    if (/display\s*:\s*none/i.test(attr(n, 'style') ?? '')) return;
    if (n.name === 'br') s += ' ';
    for (const c of n.children) walk(c);
  };
  walk(body);
  return s.replace(/\s+/g, ' ').trim();
}

/** The first citation template's target and parameters in the note, from Parsoid's `data-mw`, or null. */
function templateOf(body: Element): { target: string; params: TemplateParams } | null {
  for (const el of findAll(body, (e) => hasWord(e, 'typeof', 'mw:Transclusion'))) {
    let mw: unknown;
    try {
      mw = JSON.parse(attr(el, 'data-mw') ?? '');
    } catch {
      continue;
    }
    const parts = (mw as { parts?: unknown[] }).parts;
    if (!Array.isArray(parts)) continue;
    for (const part of parts) {
      const t = (part as { template?: { target?: { wt?: string; href?: string }; params?: Record<string, { wt?: string }> } }).template;
      const target = t?.target?.wt ?? t?.target?.href ?? '';
      if (!t || !isCitationTemplate(target.replace(/^\.\/Template:/, ''))) continue;
      const params: TemplateParams = {};
      for (const [k, v] of Object.entries(t.params ?? {})) if (typeof v?.wt === 'string') params[k] = v.wt;
      return { target: target.trim(), params };
    }
  }
  return null;
}

/**
 * The reference entry `li` labelled `label`: text from the note, CSL from (in order) a citation template, COinS,
 * the rendered string. Identifiers found in the text but not in the structured item are added, nothing lost.
 */
export function readNote(li: Element, label: string): { reference: Reference; from: CslSource } {
  const text = noteText(li);
  const template = templateOf(li);
  if (template) {
    const structured = cslFromTemplate(label, template.target, template.params);
    if (structured.csl.title) return { reference: withFound(label, text, structured, li), from: 'template' };
  }
  const coins = findFirst(li, (e) => hasClass(e, 'Z3988'));
  const coinsTitle = coins ? attr(coins, 'title') : undefined;
  if (coinsTitle) {
    const structured = cslFromCoins(label, coinsTitle);
    if (structured.csl.title) return { reference: withFound(label, text, structured, li), from: 'coins' };
  }
  const parsed = parseReference(label, text);
  // The rendered text shows a link's words, not its address: the note's external links are its URLs.
  const linked = externalUrls(li);
  if (linked.length) {
    parsed.ids.url = [...new Set([...linked, ...parsed.ids.url])];
    parsed.csl.URL = parsed.ids.url[0]!;
    if (parsed.csl.type === 'document') parsed.csl.type = 'webpage';
  }
  return { reference: parsed, from: 'text' };
}

/** A structured reference completed by the identifiers and links found in its text, nothing lost. */
function withFound(label: string, text: string, structured: { csl: CslItem; ids: ReferenceIds }, li: Element): Reference {
  const found = parseIdentifiers(text);
  found.url = [...new Set([...externalUrls(li), ...found.url])];
  const { csl, ids } = structured;
  for (const key of Object.keys(ids) as (keyof ReferenceIds)[]) {
    for (const v of found[key]) if (!ids[key].includes(v)) ids[key].push(v);
  }
  if (!csl.URL && ids.url[0]) csl.URL = ids.url[0];
  if (!csl.ISBN && ids.isbn[0]) csl.ISBN = ids.isbn[0];
  if (!csl.DOI && ids.doi[0]) csl.DOI = ids.doi[0];
  return { label, text, ids, csl };
}

/** The http(s) addresses of the external links in a note (`a.external`, `rel~=mw:ExtLink`), in order. */
function externalUrls(li: Element): string[] {
  const urls: string[] = [];
  for (const a of findAll(li, (e) => e.name === 'a' && (hasClass(e, 'external') || hasWord(e, 'rel', 'mw:ExtLink')))) {
    const href = attr(a, 'href') ?? '';
    const url = href.startsWith('//') ? `https:${href}` : href;
    if (isHttpUrl(url) && !/[{}\\]/.test(url) && !urls.includes(url)) urls.push(url);
  }
  return urls;
}
