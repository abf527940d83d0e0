/**
 * Reads a MediaWiki article body (Parsoid or rendered) into blocks: prose paragraphs, headings, block quotations
 * and list items, with footnote markers written `[label]` at their citations, wiki and external links as spans,
 * inline maintenance tags as signals, and everything left out counted. Whitespace is normalised as the plain-text
 * importer does (trimmed, runs collapsed to one space). The two Wikipedia adapters differ only in the `WikiDialect`
 * they pass (how a marker, a tag and a link look in their HTML). Pure.
 */
import type { Block, Citation, Link, Signal } from '../model/imported-text.ts';
import { safeHref } from '../model/http-url.ts';
import { isWhiteSpace } from '../model/white-space.ts';
import { type ChildNode, type Element, attr, hasClass, isTag, isText, textOf } from './html-tree.ts';
import { Omissions, omittedKind } from './omissions.ts';

/** How one HTML shape writes markers, tags and links. */
export interface WikiDialect {
  /** The marker `el` is, with its label (`1`, `a`, `n 1`), or null when `el` is no marker. */
  marker(el: Element): { label: string; group?: string } | null;
  /** The absolute article URL and title of a wiki link, or null when `el` is no link to an article. */
  wikiLink(el: Element): { href: string; title?: string } | null;
}

/** The meaning of an inline maintenance tag's text. */
function signalKind(text: string): Signal['kind'] {
  const t = text.toLowerCase();
  if (t.includes('citation needed') || t.includes('citation required')) return 'citation-needed';
  if (t.includes('dubious')) return 'dubious';
  if (t.includes('failed verification') || t.includes('not in citation')) return 'failed-verification';
  if (t.includes('better source')) return 'better-source-needed';
  if (t.includes('clarification')) return 'clarification-needed';
  return 'other';
}

/** True when `el` is an inline maintenance tag (`[citation needed]`): rendered `sup.Inline-Template`, or
 *  Parsoid's transclusion of such a template. */
function isInlineTag(el: Element): boolean {
  if (el.name !== 'sup' && el.name !== 'span') return false;
  if (hasClass(el, 'Inline-Template') || hasClass(el, 'Template-Fact')) return true;
  if (!el.attribs['typeof']?.includes('mw:Transclusion')) return false;
  const mw = attr(el, 'data-mw');
  return mw !== undefined && /"wt":"\s*(?:citation needed|cn|fact|dubious|failed verification|better source|clarify|clarification needed|when|by whom|who|according to whom|vague|specify)\s*"/i.test(mw);
}

const HEADING = /^h([2-6])$/;
const BLOCK_CONTAINERS = new Set(['div', 'section', 'article', 'main', 'body', 'center', 'dl', 'details', 'aside', 'header', 'footer', 'nav']);
const BLOCK_ELEMENTS = new Set(['p', 'blockquote', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'dt', 'pre', 'hr', 'table', 'figure', ...BLOCK_CONTAINERS]);

/** What the collector read. */
export interface CollectedText {
  blocks: Block[];
  citations: Citation[];
  links: Link[];
  signals: Signal[];
  /** The marker elements in citation order (the adapters read the note each one points to). */
  markerElements: Element[];
  omitted: Omissions;
}

/** One block being written: text with whitespace collapsed on the way in. */
class BlockWriter {
  text = '';
  private space = false;
  /** Appends `s`, collapsing white space and never starting with it. */
  add(s: string): void {
    const n = s.length;
    let i = 0;
    while (i < n) {
      if (isWhiteSpace(s.charCodeAt(i))) {
        this.space = true;
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && !isWhiteSpace(s.charCodeAt(j))) j++;
      if (this.space && this.text.length) this.text += ' ';
      this.space = false;
      this.text += s.slice(i, j);
      i = j;
    }
  }
  /** Adds a pending space (a `<br>`). */
  space1(): void {
    this.space = true;
  }
  /** Where the next character lands. */
  next(): number {
    return this.text.length + (this.space && this.text.length ? 1 : 0);
  }
}

/** Collects the body under `root` in `dialect`. */
export function collectWikiText(root: Element, dialect: WikiDialect): CollectedText {
  const out: CollectedText = { blocks: [], citations: [], links: [], signals: [], markerElements: [], omitted: new Omissions() };
  let w: BlockWriter | null = null;
  let pendingCitations: Citation[] = [];
  let pendingLinks: Link[] = [];
  let pendingSignals: Signal[] = [];
  let pendingMarkers: Element[] = [];

  const open = (): BlockWriter => (w ??= new BlockWriter());
  const flush = (type: Block['type'], extra: Partial<Block> = {}): void => {
    const writer = w;
    w = null;
    const citations = pendingCitations;
    const links = pendingLinks;
    const signals = pendingSignals;
    const markers = pendingMarkers;
    pendingCitations = [];
    pendingLinks = [];
    pendingSignals = [];
    pendingMarkers = [];
    if (!writer || !writer.text) {
      if (citations.length || signals.length) throw new Error('collectWikiText: markers in an empty block');
      return;
    }
    const index = out.blocks.length;
    const block: Block = { type, text: writer.text, ...extra };
    if (type === 'heading') {
      // Headings carry no markers: a marker in a heading would be a claim there. Keep its text, drop nothing else.
      out.blocks.push(block);
      for (const l of links) out.links.push({ ...l, block: index });
      if (citations.length) out.omitted.counts['heading-marker'] = (out.omitted.counts['heading-marker'] ?? 0) + citations.length;
      return;
    }
    out.blocks.push(block);
    for (const c of citations) out.citations.push({ ...c, block: index });
    for (const l of links) if (l.end > l.start) out.links.push({ ...l, block: index });
    for (const s of signals) out.signals.push({ ...s, block: index, offset: Math.min(s.offset, writer.text.length) });
    out.markerElements.push(...markers);
  };

  const inline = (node: ChildNode): void => {
    if (isText(node)) {
      open().add(node.data);
      return;
    }
    if (!isTag(node)) return;
    const el = node;
    const marker = dialect.marker(el);
    if (marker) {
      const writer = open();
      const at = writer.text.length; // markers sit right after the word (no space before `[`)
      writer.text += `[${marker.label}]`;
      pendingCitations.push({ label: marker.label, block: -1, offset: at });
      pendingMarkers.push(el);
      return;
    }
    if (isInlineTag(el)) {
      const text = textOf(el).replace(/\s+/g, ' ').trim();
      pendingSignals.push({ kind: signalKind(text), block: -1, offset: open().text.length, text });
      return;
    }
    if (el.name === 'br') {
      open().space1();
      return;
    }
    const kind = omittedKind(el.name, attr(el, 'class') ?? '', attr(el, 'role'), attr(el, 'style'), attr(el, 'typeof'));
    if (kind !== null || el.name === 'link' || el.name === 'meta') {
      if (kind) out.omitted.add(kind);
      return;
    }
    if (el.name === 'a') {
      const wiki = dialect.wikiLink(el);
      const href = wiki ? wiki.href : safeHref(attr(el, 'href') ?? '');
      const writer = open();
      const start = writer.next();
      const citationsBefore = pendingCitations.length;
      for (const c of el.children) inline(c);
      const end = writer.text.length;
      if (href && end > start && pendingCitations.length === citationsBefore) {
        const link: Link = { block: -1, start, end, href, kind: wiki ? 'wiki' : 'external' };
        if (wiki?.title) link.title = wiki.title;
        pendingLinks.push(link);
      }
      return;
    }
    for (const c of el.children) inline(c);
  };

  const block = (el: Element, listLevel: number): void => {
    const name = el.name;
    const kind = omittedKind(name, attr(el, 'class') ?? '', attr(el, 'role'), attr(el, 'style'), attr(el, 'typeof'));
    if (kind !== null) {
      out.omitted.add(kind);
      return;
    }
    const h = HEADING.exec(name);
    if (h) {
      flush('paragraph');
      for (const c of el.children) inline(c);
      const id = attr(el, 'id') ?? (el.children.find((c): c is Element => isTag(c) && hasClass(c, 'mw-headline'))?.attribs['id']);
      flush('heading', id ? { level: Number(h[1]), anchor: id } : { level: Number(h[1]) });
      return;
    }
    if (name === 'p' || name === 'dd' || name === 'dt' || name === 'pre') {
      flush('paragraph');
      for (const c of el.children) inline(c);
      flush('paragraph');
      return;
    }
    if (name === 'blockquote') {
      flush('paragraph');
      for (const c of el.children) inline(c);
      flush('blockquote');
      return;
    }
    if (name === 'ul' || name === 'ol') {
      flush('paragraph');
      const ordered = name === 'ol';
      for (const li of el.children) {
        if (!isTag(li)) continue;
        if (li.name !== 'li') {
          block(li, listLevel);
          continue;
        }
        const liKind = omittedKind('li', attr(li, 'class') ?? '', undefined, attr(li, 'style'), attr(li, 'typeof'));
        if (liKind) {
          out.omitted.add(liKind);
          continue;
        }
        const nested: Element[] = [];
        for (const c of li.children) {
          if (isTag(c) && (c.name === 'ul' || c.name === 'ol' || c.name === 'dl' || c.name === 'div' || c.name === 'table' || c.name === 'figure')) nested.push(c);
          else inline(c);
        }
        flush('list_item', { level: listLevel + 1, ordered });
        for (const n of nested) block(n, listLevel + 1);
      }
      return;
    }
    if (name === 'hr') return;
    if (BLOCK_CONTAINERS.has(name) || !BLOCK_ELEMENTS.has(name)) {
      // A container: its block children are blocks, runs of inline content between them are paragraphs.
      const container = BLOCK_CONTAINERS.has(name);
      if (!container) {
        inline(el);
        return;
      }
      for (const c of el.children) {
        if (isTag(c) && (BLOCK_ELEMENTS.has(c.name) || omittedKind(c.name, attr(c, 'class') ?? '', attr(c, 'role'), attr(c, 'style'), attr(c, 'typeof')) === 'figure')) {
          flush('paragraph');
          block(c, listLevel);
        } else inline(c);
      }
      flush('paragraph');
      return;
    }
    inline(el);
  };

  block(root, 0);
  flush('paragraph');
  return out;
}
