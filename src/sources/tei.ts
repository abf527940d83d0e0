/**
 * The TEI P5 adapter (issue 9 §4): a TEI document (namespace http://www.tei-c.org/ns/1.0) → `ImportedText`.
 * XML is read by saxes (see xml-tree.ts for why).
 *
 * - `teiHeader` → `SourceMeta`: title (`titleStmt/title[@type="main"]`, else the first untyped, else the first),
 *   language (`xml:lang` of `TEI` or `text`, else `langUsage/language/@ident`; canonical BCP 47, `ger` → `de`), licence
 *   (`publicationStmt/availability/licence`: its text and http(s) `@target`), attribution (`availability/p`),
 *   source (`publicationStmt/idno[@type="URI"|"url"]`, else the http(s) `ref/@target` of `sourceDesc/bibl`),
 *   revision (`sourceDesc/bibl/edition`).
 * - `text/body`: `div` (any depth) with `head` → `heading` blocks of level depth + 1 (capped at 6, at least 2);
 *   `p`, `ab` and the prose-like `dateline`, `salute`, `signed`, `byline`, `trailer`, `speaker`, `stage`, `l` →
 *   paragraphs; `quote`/`cit`/`q` at block level → `blockquote` (a quotation of several `p` one block each);
 *   `list/item` → `list_item` (`level` = list nesting, `ordered` when `@type`/`@rend` says ordered/numbered);
 *   `lg` → one paragraph, its lines joined by a space. Containers (`opener`, `closer`, `epigraph`, `sp`,
 *   `argument`, `postscript`, `floatingText`) are read for their blocks. `@xml:id` of a block (or of the `div` a
 *   `head` opens) is `Block.anchor`. Text is white space collapsed as in the plain-text importer (XML white space:
 *   space, tab, CR, LF; a no-break space is text and kept); inline elements
 *   (`hi`, `persName`, `date`, `title`, `foreign`…) give their text; `choice` gives `corr`/`reg`/`expan` (not
 *   `sic`/`orig`/`abbr`); `del` is left out and counted; `lb` is a space unless `break="no"`.
 * - every `note` in the body (`place="foot"`, `"end"`, inline or none) → a `Reference` numbered in document order,
 *   with its marker `[N]` where it stands; its text (nested elements' text included) is parsed by
 *   `parseReference`; `xml:id` → `Reference.anchor`.
 * - `listBibl/bibl|biblStruct` (in body or back) → one `Reference` each, labelled by `@n` when unique, else
 *   numbered after the notes; CSL from its fields (`author`, `editor`, `title` (level a → container for
 *   level m/j), `date`, `publisher`, `pubPlace`, `biblScope` unit volume/issue/page, `idno` DOI/ISBN/URL); text its
 *   whole text. A `ref` or `ptr` whose `@target` is `#id` of such an entry (or of a back-matter `note`) is a
 *   citation: the marker `[label]` after the `ref`'s own text (not repeated when that text is the marker itself,
 *   as in Apparatus's own export). A `ref` to an http(s) URL is a `Link` (`kind` wiki when its `@type` says so).
 * - Apparatus's own export puts its scholarly notes (W3C annotations) in `back/div[@type="notes"|
 *   "unanchored-notes"]` as `note` elements with `@target`/`@targetEnd` pointing at `anchor` milestones in the
 *   text. They are not references of the text: `importTeiDocument` returns them as `TeiAnnotationNote`s (with the
 *   passage between their anchors), and the report says how many.
 * - Not read, counted in `report.omitted` by element name: `figure`, `table`, `graphic`, `formula`, `egXML`,
 *   `gap`, `del`, `front`, `group`, back `div`s other than bibliographies and notes, and any other element met at
 *   block level that holds no text of its own.
 *
 * Pure: no DOM globals.
 */
import { isHttpUrl } from '../model/http-url.ts';
import { ImportError } from '../model/import-error.ts';
import type { Block, Citation, ImportedText, Link, SourceMeta } from '../model/imported-text.ts';
import { parseIdentifiers, parseReference } from '../model/references.ts';
import type { CslItem, CslName, Reference } from '../model/reference-types.ts';
import { finishImport } from './finish-import.ts';
import type { SourceOptions } from './source-options.ts';
import { childElements, decodeXml, descendant, descendants, parseXml, textOf, type XmlElement, type XmlNode } from './xml-tree.ts';

/** The TEI P5 namespace. */
export const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/** A point of the imported text: an offset in a block's text, or in a reference's text (by its label). */
export type TeiPoint = { block: number; offset: number } | { reference: string; offset: number };

/**
 * A scholarly note of the back matter that annotates the text (Apparatus's export writes its W3C annotations so):
 * its attributes as written, its paragraphs' text, and, for a note with `@target`/`@targetEnd` anchors, where they
 * are in the imported text and the passage between them (blocks joined by `\n\n`, as in the canonical text).
 */
export interface TeiAnnotationNote {
  id?: string;
  n?: string;
  type?: string;
  subtype?: string;
  resp?: string;
  cert?: string;
  corresp?: string;
  paragraphs: string[];
  replies: TeiAnnotationNote[];
  start?: TeiPoint;
  end?: TeiPoint;
  quote?: string;
}

/** `importTei`'s result with the back matter's annotation notes beside it. */
export interface TeiDocument {
  imported: ImportedText;
  notes: TeiAnnotationNote[];
}

/** Block-level elements read as one paragraph. */
const PROSE = new Set(['p', 'ab', 'dateline', 'salute', 'signed', 'byline', 'trailer', 'speaker', 'stage', 'l', 'docAuthor', 'docDate', 'docImprint']);
/** Block-level containers whose children are read as blocks. */
const CONTAINERS = new Set(['opener', 'closer', 'epigraph', 'sp', 'argument', 'postscript', 'floatingText', 'body', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'lg']);
/** Elements never read, counted. */
const OMITTED = new Set(['figure', 'table', 'graphic', 'formula', 'egXML', 'gap', 'del', 'media', 'listPerson', 'listPlace', 'listOrg', 'msDesc', 'fw']);
/** Milestones: no text. */
const MILESTONES = new Set(['pb', 'cb', 'milestone', 'anchor', 'lb']);
/** Elements kept apart by a space in a note's or an entry's text. */
const APART = new Set(['p', 'ab', 'l', 'lg', 'item', 'list', 'head', 'quote', 'cit', 'bibl', 'lb']);
/** In `choice`, the readings not shown. */
const NOT_CHOSEN = new Set(['sic', 'orig', 'abbr']);

const attr = (el: XmlElement, name: string): string | undefined => el.attrs[name];
const xmlId = (el: XmlElement): string | undefined => el.attrs['xml:id'];
const isDiv = (name: string) => name === 'div' || /^div[1-7]$/.test(name);

/** A block being written: white space collapsed, no space at the start, markers and anchors at their offsets. */
class BlockText {
  text = '';
  append(piece: string): void {
    let s = piece.replace(/[ \t\r\n]+/g, ' ');
    if (this.text === '' || this.text.endsWith(' ')) s = s.replace(/^ /, '');
    this.text += s;
  }
  /** The offset the next character will have (a pending space not counted where it would be cut). */
  get here(): number {
    return this.text.length;
  }
}

interface BiblEntry {
  el: XmlElement;
  label: string;
  reference: Reference;
}

class TeiReader {
  blocks: Block[] = [];
  citations: Citation[] = [];
  links: Link[] = [];
  references: Reference[] = [];
  omitted: Record<string, number> = {};
  notes: string[] = [];
  /** `anchor` milestones: id → where in the text. */
  anchors = new Map<string, TeiPoint>();
  /** ids of bibliography entries and back-matter notes that `ref`/`ptr` may cite → their reference label. */
  citable = new Map<string, string>();
  usedLabels = new Set<string>();
  private counter = 0;
  /** The labels body notes take, in document order (fixed before the body is read). */
  noteLabels: string[] = [];
  bibls: BiblEntry[] = [];
  endnotes: { el: XmlElement; label: string }[] = [];
  /** Back-matter notes that references were made of, by label (filled when first cited). */
  endnoteRefs = new Map<string, Reference>();

  omit(kind: string, n = 1): void {
    this.omitted[kind] = (this.omitted[kind] ?? 0) + n;
  }

  nextLabel(): string {
    let label: string;
    do label = String(++this.counter);
    while (this.usedLabels.has(label));
    this.usedLabels.add(label);
    return label;
  }

  /** Reads the body's block-level children of `el` (`depth` = enclosing divs, `quote`, `lists` = list nesting). */
  blocksOf(el: XmlElement, depth: number, quote: boolean): void {
    for (const child of el.children) {
      if (typeof child === 'string') {
        if (/\S/.test(child)) this.prose([child], { type: quote ? 'blockquote' : 'paragraph' }, undefined);
        continue;
      }
      this.blockElement(child, depth, quote);
    }
  }

  blockElement(el: XmlElement, depth: number, quote: boolean): void {
    const name = el.name;
    if (el.ns !== TEI_NS) {
      this.omit(`${el.qname} (not TEI)`);
      return;
    }
    if (isDiv(name)) {
      const heads = childElements(el, 'head');
      let first = true;
      for (const child of el.children) {
        if (typeof child !== 'string' && child.name === 'head' && heads.includes(child)) {
          const anchor = xmlId(child) ?? (first ? xmlId(el) : undefined);
          this.prose(child.children, { type: 'heading', level: Math.min(6, Math.max(2, depth + 2)) }, anchor);
          first = false;
        } else if (typeof child === 'string') {
          if (/\S/.test(child)) this.prose([child], { type: quote ? 'blockquote' : 'paragraph' }, undefined);
        } else {
          this.blockElement(child, depth + 1, quote);
        }
      }
      return;
    }
    if (name === 'head') {
      this.prose(el.children, { type: 'heading', level: Math.min(6, Math.max(2, depth + 1)) }, xmlId(el));
      return;
    }
    if (name === 'listBibl') {
      // Read as references (collected before the body is read), never as text.
      const head = childElements(el, 'head')[0];
      if (head) this.prose(head.children, { type: 'heading', level: Math.min(6, Math.max(2, depth + 2)) }, xmlId(head));
      for (const c of childElements(el)) if (c.name !== 'head' && c.name !== 'bibl' && c.name !== 'biblStruct') this.omit(c.name);
      return;
    }
    if (name === 'quote' || name === 'cit' || name === 'q') {
      const hasBlocks = el.children.some((c) => typeof c !== 'string' && (PROSE.has(c.name) || c.name === 'lg' || c.name === 'list' || (c.name === 'quote' && name === 'cit')));
      if (hasBlocks) this.blocksOf(el, depth, true);
      else this.prose(el.children, { type: 'blockquote' }, xmlId(el));
      return;
    }
    if (name === 'list') {
      this.list(el, 1, quote);
      return;
    }
    if (name === 'lg') {
      const lines = childElements(el, 'l');
      if (lines.length && lines.length === childElements(el).filter((c) => !MILESTONES.has(c.name)).length) {
        const nodes: XmlNode[] = [];
        lines.forEach((l, i) => nodes.push(...(i ? [' '] : []), l));
        this.prose(nodes, { type: quote ? 'blockquote' : 'paragraph' }, xmlId(el));
      } else this.blocksOf(el, depth, quote);
      return;
    }
    if (name === 'note') {
      // A note between blocks: its marker follows the block before it.
      const last = this.blocks[this.blocks.length - 1];
      if (!last || last.type === 'heading') {
        this.omit('note (before any text)');
        return;
      }
      const label = this.noteReference(el);
      this.citations.push({ label, block: this.blocks.length - 1, offset: last.text.length });
      last.text += `[${label}]`;
      return;
    }
    if (PROSE.has(name)) {
      this.prose(el.children, { type: quote ? 'blockquote' : 'paragraph' }, xmlId(el));
      return;
    }
    if (OMITTED.has(name)) {
      this.omit(name);
      return;
    }
    if (MILESTONES.has(name)) {
      if (name === 'anchor' && xmlId(el)) this.anchors.set(xmlId(el)!, { block: this.blocks.length, offset: 0 });
      return;
    }
    if (CONTAINERS.has(name)) {
      const mixed = el.children.some((c) => typeof c === 'string' && /\S/.test(c));
      if (mixed) this.prose(el.children, { type: quote ? 'blockquote' : 'paragraph' }, xmlId(el));
      else this.blocksOf(el, depth, quote);
      return;
    }
    // Anything else at block level: read as prose when it holds text, else counted.
    if (textOf(el) !== '') this.prose(el.children, { type: quote ? 'blockquote' : 'paragraph' }, xmlId(el));
    else this.omit(name);
  }

  list(el: XmlElement, level: number, quote: boolean): void {
    const ordered = /ordered|numbered|decimal|^ol$/i.test(`${attr(el, 'type') ?? ''} ${attr(el, 'rend') ?? ''}`.trim());
    for (const child of childElements(el)) {
      if (child.name === 'head') this.prose(child.children, { type: quote ? 'blockquote' : 'paragraph' }, xmlId(child));
      else if (child.name === 'item') {
        const own = child.children.filter((c) => typeof c === 'string' || c.name !== 'list');
        this.prose(own, { type: 'list_item', level, ordered }, xmlId(child));
        for (const nested of childElements(child, 'list')) this.list(nested, level + 1, quote);
      } else if (child.name === 'label') {
        // Glossary lists: the label leads its item; read as part of the list.
        this.prose(child.children, { type: 'list_item', level, ordered }, xmlId(child));
      } else if (!MILESTONES.has(child.name)) this.omit(child.name);
    }
  }

  /** A reference made of a `note` of the body, numbered in document order. */
  noteReference(el: XmlElement): string {
    const label = this.noteLabels.shift() ?? this.nextLabel();
    const ref = parseReference(label, textOf(el, APART));
    const id = xmlId(el);
    this.references.push(id ? { ...ref, anchor: id } : ref);
    return label;
  }

  /** Writes one block of `nodes` (inline content); nothing when it holds no text. */
  prose(nodes: readonly XmlNode[], fields: Omit<Block, 'text'>, anchor: string | undefined): void {
    const index = this.blocks.length;
    const b = new BlockText();
    const citations: Citation[] = [];
    const links: Link[] = [];
    const anchors: [string, number][] = [];
    // Headings carry no markers (no claim crosses a section): a note there is a reference nothing marks.
    const heading = fields.type === 'heading';
    const inline = (n: XmlNode): void => {
      if (typeof n === 'string') {
        b.append(n);
        return;
      }
      if (n.ns !== TEI_NS) {
        this.omit(`${n.qname} (not TEI)`);
        return;
      }
      switch (n.name) {
        case 'note': {
          const label = this.noteReference(n);
          if (heading) {
            this.notes.push(`The note in a heading (line ${n.line}) is kept as reference ${label} without a marker: headings carry none`);
            return;
          }
          citations.push({ label, block: index, offset: b.here });
          b.text += `[${label}]`;
          return;
        }
        case 'ref':
        case 'ptr': {
          const targets = (attr(n, 'target') ?? '').split(/\s+/).filter(Boolean);
          const cited = targets.map((t) => (t.startsWith('#') ? this.cite(t.slice(1)) : undefined));
          const labels = cited.filter((l): l is string => l !== undefined);
          const own = n.name === 'ref' ? textOf(n) : '';
          const start = b.here;
          if (n.name === 'ref' && !(labels.length === 1 && own === `[${labels[0]}]`)) n.children.forEach(inline);
          const external = targets.find((t) => isHttpUrl(t));
          if (external && n.name === 'ref' && b.text.replace(/ $/, '').length > start) {
            // `type="wiki"` is how Apparatus's own export marks a link to another article of the same wiki.
            links.push({ block: index, start, end: b.text.replace(/ $/, '').length, href: external, kind: attr(n, 'type') === 'wiki' ? 'wiki' : 'external' });
          }
          if (n.name === 'ptr' && labels.length === 0) this.omit('ptr');
          for (const label of heading ? [] : labels) {
            citations.push({ label, block: index, offset: b.here });
            b.text += `[${label}]`;
          }
          return;
        }
        case 'choice': {
          const kids = childElements(n);
          const chosen = kids.filter((c) => !NOT_CHOSEN.has(c.name));
          (chosen.length ? chosen.slice(0, 1) : kids.slice(0, 1)).forEach(inline);
          return;
        }
        case 'lb':
          if (attr(n, 'break') !== 'no') b.append(' ');
          return;
        case 'pb':
        case 'cb':
        case 'milestone':
          return;
        case 'anchor': {
          const id = xmlId(n);
          if (id) anchors.push([id, b.here]);
          return;
        }
        case 'list':
        case 'lg':
          b.append(' ');
          n.children.forEach(inline);
          b.append(' ');
          return;
        case 'item':
        case 'l':
          b.append(' ');
          n.children.forEach(inline);
          return;
        default:
          if (OMITTED.has(n.name)) {
            this.omit(n.name);
            return;
          }
          n.children.forEach(inline);
      }
    };
    nodes.forEach(inline);
    const text = b.text.replace(/ $/, '');
    if (text === '') {
      // An empty block still holds its anchors (they go to the next block's start).
      for (const [id] of anchors) this.anchors.set(id, { block: index, offset: 0 });
      return;
    }
    const block: Block = { type: fields.type, text };
    if (fields.level !== undefined) block.level = fields.level;
    if (fields.ordered !== undefined) block.ordered = fields.ordered;
    if (anchor) block.anchor = anchor;
    this.blocks.push(block);
    this.citations.push(...citations);
    this.links.push(...links.map((l) => ({ ...l, end: Math.min(l.end, text.length) })));
    for (const [id, offset] of anchors) this.anchors.set(id, { block: index, offset: Math.min(offset, text.length) });
  }

  /** The label `#id` cites, or undefined when `id` is not a bibliography entry or back-matter note. */
  cite(id: string): string | undefined {
    const label = this.citable.get(id);
    if (label === undefined) return undefined;
    const endnote = this.endnotes.find((e) => e.label === label);
    if (endnote && !this.endnoteRefs.has(label)) {
      const ref = parseReference(label, textOf(endnote.el));
      this.endnoteRefs.set(label, { ...ref, anchor: id });
    }
    return label;
  }
}

/**
 * The text of a bibliography entry. Trailing `idno`s that only repeat an identifier the entry already writes
 * (Apparatus's export adds one where the entry writes it differently: `ISBN 0-8179-9181-6` then
 * `<idno type="ISBN">0817991816</idno>`) are not part of it; every other `idno` is.
 */
function entryText(el: XmlElement): string {
  const whole = textOf(el, APART);
  const kids = [...el.children];
  while (kids.length && typeof kids[kids.length - 1] === 'string' && !/\S/.test(kids[kids.length - 1] as string)) kids.pop();
  const trailing: XmlElement[] = [];
  while (kids.length) {
    const last = kids[kids.length - 1]!;
    if (typeof last === 'string') {
      if (/\S/.test(last)) break;
      kids.pop();
    } else if (last.name === 'idno') trailing.unshift(kids.pop() as XmlElement);
    else break;
  }
  if (trailing.length === 0) return whole;
  const without = textOf({ ...el, children: kids }, APART);
  const ids = parseIdentifiers(without);
  const known = new Set(Object.values(ids).flat());
  return trailing.every((t) => known.has(textOf(t))) ? without : whole;
}

/** The CSL item of a `bibl`/`biblStruct` from its fields; the entry's text read as a reference fills the rest. */
function biblCsl(el: XmlElement, parsed: Reference): CslItem {
  const csl: CslItem = { ...parsed.csl };
  const names = (tag: string): CslName[] =>
    descendants(el, tag).map((n) => {
      const surname = descendant(n, 'surname');
      const forename = descendant(n, 'forename');
      if (surname) return forename ? { family: textOf(surname), given: textOf(forename) } : { family: textOf(surname) };
      const t = textOf(n);
      const comma = /^([^,]+),\s*(.+)$/.exec(t);
      return comma ? { family: comma[1]!, given: comma[2]! } : { literal: t };
    });
  const authors = names('author').filter((n) => n.family || n.literal);
  if (authors.length) csl.author = authors;
  const editors = names('editor').filter((n) => n.family || n.literal);
  if (editors.length) csl.editor = editors;
  const titles = descendants(el, 'title');
  const analytic = titles.find((t) => attr(t, 'level') === 'a');
  const monographic = titles.find((t) => attr(t, 'level') === 'm' || attr(t, 'level') === 'j' || attr(t, 'level') === 's');
  if (analytic) {
    csl.title = textOf(analytic);
    if (monographic) csl['container-title'] = textOf(monographic);
  } else if (titles[0]) csl.title = textOf(titles[0]);
  const date = descendant(el, 'date');
  const year = /\b(\d{4})\b/.exec(date ? (attr(date, 'when') ?? textOf(date)) : '')?.[1];
  if (year) csl.issued = { 'date-parts': [[Number(year)]] };
  const publisher = descendant(el, 'publisher');
  if (publisher) csl.publisher = textOf(publisher);
  const place = descendant(el, 'pubPlace');
  if (place) csl['publisher-place'] = textOf(place);
  for (const scope of descendants(el, 'biblScope')) {
    const unit = attr(scope, 'unit') ?? attr(scope, 'type');
    const value = textOf(scope).replace(/^(pp?\.|vol\.|no\.)\s*/i, '');
    if (unit === 'volume') csl.volume = value;
    else if (unit === 'issue') csl.issue = value;
    else if (unit === 'page' || unit === 'pp') csl.page = value;
  }
  for (const idno of descendants(el, 'idno')) {
    const type = (attr(idno, 'type') ?? '').toUpperCase();
    const value = textOf(idno);
    if (type === 'DOI') csl.DOI = value.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
    else if (type === 'ISBN') csl.ISBN = value.replace(/[\s-]/g, '');
    else if ((type === 'URL' || type === 'URI') && isHttpUrl(value)) csl.URL = value;
  }
  if (csl.DOI || csl.volume || csl.issue) csl.type = csl['container-title'] ? 'article-journal' : csl.type;
  else if (csl.ISBN || csl.publisher) csl.type = csl['container-title'] ? 'chapter' : 'book';
  return csl;
}

/**
 * A language tag in its canonical BCP 47 form (`ger` → `de`, as `langUsage/@ident` often writes ISO 639-2), or
 * undefined when it is not a well-formed tag.
 */
function canonicalLanguage(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** `SourceMeta` from the `teiHeader` (absent fields unknown). */
function headerMeta(tei: XmlElement, text: XmlElement | undefined): SourceMeta {
  const meta: SourceMeta = {};
  const header = childElements(tei, 'teiHeader')[0];
  const lang = attr(tei, 'xml:lang') ?? (text ? attr(text, 'xml:lang') : undefined);
  const language = lang ? canonicalLanguage(lang) : undefined;
  if (language) meta.language = language;
  if (!header) return meta;
  const titleStmt = descendant(header, 'titleStmt');
  const titles = titleStmt ? childElements(titleStmt, 'title') : [];
  const title = titles.find((t) => attr(t, 'type') === 'main') ?? titles.find((t) => attr(t, 'type') === undefined) ?? titles[0];
  if (title && textOf(title)) meta.title = textOf(title);
  if (!meta.language) {
    const language = descendant(header, 'language');
    const ident = language ? attr(language, 'ident') : undefined;
    const canonical = ident ? canonicalLanguage(ident) : undefined;
    if (canonical) meta.language = canonical;
  }
  const publication = descendant(header, 'publicationStmt');
  const availability = publication ? descendant(publication, 'availability') : undefined;
  const licence = availability ? descendant(availability, 'licence') : undefined;
  if (licence) {
    const url = attr(licence, 'target') ?? '';
    const name = textOf(licence) || url;
    if (name) meta.licence = { name, url: isHttpUrl(url) ? url : '' };
  }
  const attribution = availability ? childElements(availability, 'p')[0] : undefined;
  if (attribution && textOf(attribution)) meta.attribution = textOf(attribution);
  const idno = publication ? childElements(publication, 'idno').find((i) => /^(uri|url)$/i.test(attr(i, 'type') ?? '')) : undefined;
  if (idno && isHttpUrl(textOf(idno))) meta.source = textOf(idno);
  const sourceBibl = descendant(header, 'sourceDesc');
  const bibl = sourceBibl ? childElements(sourceBibl, 'bibl')[0] : undefined;
  if (bibl) {
    const ref = childElements(bibl, 'ref').find((r) => isHttpUrl(attr(r, 'target') ?? ''));
    if (!meta.source && ref) meta.source = attr(ref, 'target')!;
    const edition = childElements(bibl, 'edition')[0];
    if (edition && textOf(edition)) meta.revision = textOf(edition);
  }
  return meta;
}

/** A back-matter annotation note (Apparatus's export), with its replies. */
function annotationNote(el: XmlElement, reader: TeiReader, passage: (a: TeiPoint, b: TeiPoint) => string | undefined): TeiAnnotationNote {
  const note: TeiAnnotationNote = { paragraphs: [], replies: [] };
  const keys = ['n', 'type', 'subtype', 'resp', 'cert', 'corresp'] as const;
  if (xmlId(el)) note.id = xmlId(el)!;
  for (const k of keys) if (attr(el, k) !== undefined) note[k] = attr(el, k)!;
  for (const c of childElements(el)) {
    if (c.name === 'note') note.replies.push(annotationNote(c, reader, passage));
    else if (textOf(c, APART)) note.paragraphs.push(textOf(c, APART));
  }
  const target = attr(el, 'target');
  const targetEnd = attr(el, 'targetEnd') ?? target;
  const start = target?.startsWith('#') ? reader.anchors.get(target.slice(1)) : undefined;
  const end = targetEnd?.startsWith('#') ? reader.anchors.get(targetEnd.slice(1)) : undefined;
  if (start) note.start = start;
  if (end) note.end = end;
  if (start && end) {
    const quote = passage(start, end);
    if (quote !== undefined) note.quote = quote;
  }
  return note;
}

/**
 * Imports a TEI P5 document with the back matter's annotation notes (see the module comment).
 * @throws ImportError
 *   - `empty`, `too-large`, `encoding` (not UTF-8: line and column of the first bad byte; another declared encoding);
 *   - `malformed`: not well-formed XML, with saxes's reason, line and column;
 *   - `unsupported`: a root other than TEI's `TEI` in the TEI namespace (naming the root and its namespace), or a
 *     `teiCorpus`;
 *   - `no-body`: no `text/body`, or a body with no text.
 */
export function importTeiDocument(input: string | Uint8Array, options: SourceOptions = {}): TeiDocument {
  const root = parseXml(decodeXml(input));
  if (root.name === 'teiCorpus' && root.ns === TEI_NS) {
    throw new ImportError('unsupported', 'This is a TEI corpus (<teiCorpus>), which holds several documents: import one <TEI> document at a time', root.line, root.column);
  }
  if (root.name !== 'TEI' || root.ns !== TEI_NS) {
    const ns = root.ns === '' ? 'no namespace' : `the namespace ${root.ns}`;
    throw new ImportError(
      'unsupported',
      root.name === 'TEI' || root.name === 'teiCorpus'
        ? `The root element <${root.qname}> is in ${ns}, not the TEI P5 namespace ${TEI_NS}`
        : `The root element is <${root.qname}> in ${ns}; a TEI P5 document has the root <TEI> in the namespace ${TEI_NS}`,
      root.line,
      root.column,
    );
  }
  const text = childElements(root, 'text')[0];
  const body = text ? childElements(text, 'body')[0] : undefined;
  if (!text || !body) {
    const where = text ?? root;
    throw new ImportError('no-body', text ? 'The TEI document has no <body> in its <text>' : 'The TEI document has no <text>', where.line, where.column);
  }
  const reader = new TeiReader();
  const meta = headerMeta(root, text);

  // Bibliography entries (anywhere in text) and back-matter notes that the body may cite: labels first.
  const bibls: XmlElement[] = [];
  for (const list of descendants(text, 'listBibl')) for (const c of childElements(list)) if (c.name === 'bibl' || c.name === 'biblStruct') bibls.push(c);
  const seenN = new Set<string>();
  for (const bibl of bibls) {
    const n = attr(bibl, 'n');
    if (n !== undefined && /^[^\s[\]]+$/.test(n) && !seenN.has(n)) {
      seenN.add(n);
      reader.usedLabels.add(n);
    }
  }
  const back = childElements(text, 'back')[0];
  const annotationDivs = back ? childElements(back).filter((d) => isDiv(d.name) && /^(notes|unanchored-notes)$/.test(attr(d, 'type') ?? '') && childElements(d, 'note').some((n) => attr(n, 'target') !== undefined || attr(n, 'type') === 'orphan')) : [];
  const endnoteEls = back ? descendants(back, 'note').filter((n) => xmlId(n) && !annotationDivs.some((d) => d.children.includes(n))) : [];

  for (const child of childElements(text)) {
    if (child.name === 'front') reader.omit('front');
    else if (child.name === 'group') reader.omit('group');
  }
  // Body notes take the first free numbers in document order; entries without a usable @n, then back-matter
  // notes, the numbers after them. Labels are fixed before the body is read, since its refs cite entries.
  const biblLabels = new Map<XmlElement, string>();
  const pending: XmlElement[] = [];
  const labelledN = new Set<string>();
  for (const bibl of bibls) {
    const n = attr(bibl, 'n');
    if (n !== undefined && seenN.has(n) && !labelledN.has(n)) {
      labelledN.add(n);
      biblLabels.set(bibl, n);
    } else pending.push(bibl);
  }
  const bodyNotes = descendants(body, 'note').length;
  for (let i = 0; i < bodyNotes; i++) reader.noteLabels.push(reader.nextLabel());
  for (const bibl of pending) biblLabels.set(bibl, reader.nextLabel());
  for (const e of endnoteEls) {
    const label = reader.nextLabel();
    reader.endnotes.push({ el: e, label });
    reader.citable.set(xmlId(e)!, label);
  }
  for (const bibl of bibls) {
    const id = xmlId(bibl);
    if (id) reader.citable.set(id, biblLabels.get(bibl)!);
  }

  reader.blocksOf(body, 0, false);
  if (reader.blocks.every((b) => b.type === 'heading')) {
    throw new ImportError('no-body', 'The TEI <body> holds no text', body.line, body.column);
  }

  // References: body notes (in document order), then bibliography entries, then cited back-matter notes.
  for (const bibl of bibls) {
    const label = biblLabels.get(bibl)!;
    const parsed = parseReference(label, entryText(bibl));
    const id = xmlId(bibl);
    const reference: Reference = { ...parsed, csl: biblCsl(bibl, parsed) };
    if (id) reference.anchor = id;
    reader.references.push(reference);
  }
  for (const e of reader.endnotes) {
    const ref = reader.endnoteRefs.get(e.label);
    if (ref) reader.references.push(ref);
    else reader.omit('back note (not cited)');
  }

  // The back matter: bibliographies were read; annotation notes are returned apart; the rest is counted.
  let referencesHeading: string | null = null;
  if (back) {
    for (const d of childElements(back)) {
      if (annotationDivs.includes(d)) continue;
      const hasBibl = descendants(d, 'listBibl').length > 0 || d.name === 'listBibl';
      if (hasBibl) {
        const head = childElements(d, 'head')[0];
        if (head && referencesHeading === null) referencesHeading = textOf(head);
        // Anchors inside entries (notes on references in Apparatus's export): offsets in the entry's text.
        for (const bibl of descendants(d, 'bibl').concat(descendants(d, 'biblStruct'))) {
          const label = biblLabels.get(bibl);
          if (label !== undefined) referenceAnchors(bibl, label, reader);
        }
      } else if (!(d.name === 'note' && xmlId(d) && reader.citable.has(xmlId(d)!)) && !(isDiv(d.name) && childElements(d, 'note').every((n) => xmlId(n) && reader.citable.has(xmlId(n)!)) && childElements(d, 'note').length > 0)) {
        reader.omit(`back ${d.name}`);
      }
    }
  }
  const referenceText = new Map(reader.references.map((r) => [r.label, r.text]));
  const passage = (a: TeiPoint, b: TeiPoint): string | undefined => {
    if ('block' in a && 'block' in b) {
      if (a.block === b.block) return reader.blocks[a.block]?.text.slice(a.offset, b.offset);
      const parts = [reader.blocks[a.block]?.text.slice(a.offset) ?? ''];
      for (let i = a.block + 1; i < b.block; i++) parts.push(reader.blocks[i]!.text);
      parts.push(reader.blocks[b.block]?.text.slice(0, b.offset) ?? '');
      return parts.join('\n\n');
    }
    if ('reference' in a && 'reference' in b && a.reference === b.reference) return referenceText.get(a.reference)?.slice(a.offset, b.offset);
    return undefined;
  };
  const notes: TeiAnnotationNote[] = [];
  for (const d of annotationDivs) for (const n of childElements(d, 'note')) notes.push(annotationNote(n, reader, passage));
  if (notes.length) {
    const placed = notes.filter((n) => n.quote !== undefined).length;
    reader.notes.push(
      `${notes.length} scholarly note${notes.length === 1 ? '' : 's'} of the back matter (${placed} on a passage of the text, ${notes.length - placed} without one) read apart from the text, not as references`,
    );
  }
  const imported = finishImport(
    {
      blocks: reader.blocks,
      citations: reader.citations,
      references: reader.references,
      referencesHeading,
      links: reader.links,
      signals: [],
      report: { format: 'tei', omitted: reader.omitted, notes: reader.notes },
      meta,
    },
    options.language ?? meta.language ?? 'en',
  );
  return { imported, notes };
}

/** Records the `anchor` milestones inside a bibliography entry as offsets of its (collapsed) text. */
function referenceAnchors(el: XmlElement, label: string, reader: TeiReader): void {
  const b = new BlockText();
  const walk = (n: XmlNode) => {
    if (typeof n === 'string') b.append(n);
    else if (n.name === 'anchor' && xmlId(n)) reader.anchors.set(xmlId(n)!, { reference: label, offset: b.here });
    else n.children.forEach(walk);
  };
  el.children.forEach(walk);
}

/** Imports a TEI P5 document (see the module comment and `importTeiDocument`). */
export function importTei(input: string | Uint8Array, options: SourceOptions = {}): ImportedText {
  return importTeiDocument(input, options).imported;
}
