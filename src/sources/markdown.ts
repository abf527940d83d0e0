/**
 * The Markdown adapter (issue 9 §3): CommonMark with Pandoc-style footnotes → `ImportedText`.
 *
 * Parser: markdown-it 14.1.0 with markdown-it-footnote 4.0.0 (pinned). Why: markdown-it is a CommonMark-compliant,
 * pure-JS parser with no DOM or Node dependency (it runs unchanged in the load worker and in Node) whose token
 * stream keeps source line numbers; markdown-it-footnote reads exactly Pandoc's footnote syntax (`[^label]`
 * markers, `[^label]: …` definitions with indented continuation paragraphs, inline `^[…]` notes) and numbers notes
 * in order of first citation, as Pandoc does. Both are maintained by the markdown-it organisation, support Node ≥ 12
 * (no `engines` restriction) and are small enough to load lazily in the worker.
 *
 * What is read, and how:
 * - YAML front matter (`---` … `---` at the very start): `title`, `lang`/`language`, `source` (only an http(s) URL)
 *   become `SourceMeta` (a flat `key: value` reading; other keys are named in the report).
 * - `# Title` as the first block → `meta.title` (not a block); other headings → `heading` blocks, level 2–6 (a later
 *   level-1 heading becomes level 2, since level 1 is the work's title).
 * - paragraphs → `paragraph`; paragraphs inside block quotes → `blockquote`; paragraphs of a list item →
 *   `list_item` (`level` = nesting depth from 1, `ordered`); code blocks → paragraphs of their text.
 * - inline emphasis, strong, code → their plain text; white space (space, tab, CR, LF — not a no-break space)
 *   collapsed to one space as in the plain-text importer.
 * - links → `Link` (`external`) when the target is http(s) (`isHttpUrl`) or `mailto:`; any other target keeps
 *   the link's text only and is counted (`omitted['unsafe-link']`) and named in the report.
 * - each footnote (labelled or inline) → one `Reference` whose text (paragraphs joined by one space, a link
 *   written `text <url>` so its URL is read as an identifier) is parsed by `parseReference`; the marker in the
 *   block is `[N]`, N its number in order of first citation; the source's label (`note-a`) is `Reference.anchor`
 *   (inline notes have none). A definition nothing cites is kept (numbered after the cited ones, in source order)
 *   and reported `uncited-reference`; a marker `[^x]` without a definition stays literal text and is reported
 *   `missing-reference` with its line.
 * - raw HTML (blocks and inline tags), images, tables and thematic breaks are never kept: counted in
 *   `report.omitted` (`html`, `image`, `table`, `thematic-break`).
 *
 * Pure: no DOM globals.
 */
import MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import Token from 'markdown-it/lib/token.mjs';
import footnote from 'markdown-it-footnote';
import { decodeLines } from '../model/decode-text.ts';
import { isHttpUrl } from '../model/http-url.ts';
import { ImportError } from '../model/import-error.ts';
import type { Block, Citation, ImportedText, Link, Problem, SourceMeta } from '../model/imported-text.ts';
import { parseReference } from '../model/references.ts';
import type { Reference } from '../model/reference-types.ts';
import { finishImport } from './finish-import.ts';
import type { SourceOptions } from './source-options.ts';

/** A footnote definition as the source writes it: its label, the tokens of its content, its first line (1-based). */
interface Definition {
  label: string;
  tokens: Token[];
  line: number;
}

/** The environment markdown-it-footnote fills (list of cited notes, in order of first citation). */
interface FootnoteEnv {
  footnotes?: { list?: { label?: string; content?: string; tokens?: Token[] }[] };
  apparatusDefinitions?: Definition[];
}

let parser: MarkdownIt | null = null;

/** The one configured parser: HTML recognised (so it can be dropped, never kept as text), every link target seen. */
function markdownParser(): MarkdownIt {
  if (parser) return parser;
  const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
  // Every link is parsed as a link so that this adapter, not markdown-it's silent filter, decides and reports.
  md.validateLink = () => true;
  md.use(footnote);
  // markdown-it-footnote drops the content of definitions nothing cites: keep every definition first.
  md.core.ruler.before('footnote_tail', 'apparatus_definitions', (state: StateCore) => {
    const definitions: Definition[] = [];
    let current: Definition | null = null;
    for (const token of state.tokens) {
      if (token.type === 'footnote_reference_open') {
        current = { label: String(token.meta.label), tokens: [], line: 0 };
        definitions.push(current);
      } else if (token.type === 'footnote_reference_close') {
        current = null;
      } else if (current) {
        current.tokens.push(token);
        if (current.line === 0 && token.map) current.line = token.map[0] + 1;
      }
    }
    (state.env as FootnoteEnv).apparatusDefinitions = definitions;
    return false;
  });
  parser = md;
  return md;
}

/** Front matter at the start of the lines: its fields and how many lines it takes (0 when there is none). */
function frontMatter(lines: string[]): { fields: Map<string, string>; length: number } {
  const fields = new Map<string, string>();
  if (lines[0]?.trim() !== '---') return { fields, length: 0 };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '---' || line.trim() === '...') return { fields, length: i + 1 };
    const m = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (m) fields.set(m[1]!.toLowerCase(), m[2]!.trim().replace(/^(["'])(.*)\1$/, '$2'));
  }
  return { fields: new Map(), length: 0 };
}

/** Text of a block being built: white space collapsed to one space, none at the start; trailing space cut at the end. */
class TextBuilder {
  text = '';
  append(piece: string): void {
    let s = piece.replace(/[ \t\r\n]+/g, ' ');
    if (this.text === '' || this.text.endsWith(' ')) s = s.replace(/^ /, '');
    this.text += s;
  }
}

/** The state of one import. A footnote's label in the block is its markdown-it-footnote id + 1 (order of first citation). */
class Reader {
  blocks: Block[] = [];
  citations: Citation[] = [];
  links: Link[] = [];
  problems: Problem[] = [];
  omitted: Record<string, number> = {};
  notes: string[] = [];
  /** `lineOffset`: lines of front matter before what markdown-it parsed (its line numbers start after them). */
  constructor(readonly lineOffset: number) {}

  omit(kind: string, n = 1): void {
    this.omitted[kind] = (this.omitted[kind] ?? 0) + n;
  }

  /** Reads the inline tokens of a block into a new block of `type` (nothing when it holds no text). */
  block(inline: Token, fields: Omit<Block, 'text'>): void {
    const index = this.blocks.length;
    const b = new TextBuilder();
    const citations: Citation[] = [];
    const links: Link[] = [];
    let line = (inline.map?.[0] ?? 0) + 1 + this.lineOffset;
    let link: { href: string; start: number; safe: boolean } | null = null;
    for (const t of inline.children ?? []) {
      switch (t.type) {
        case 'text': {
          // A marker with no definition stays as written; say where it is.
          for (const m of t.content.matchAll(/\[\^([^\]\s]+)\]/g)) {
            const probe = new TextBuilder();
            probe.text = b.text;
            probe.append(t.content.slice(0, m.index));
            this.problems.push({
              kind: 'missing-reference',
              label: m[1]!,
              block: index,
              offset: probe.text.length,
              message: `Footnote marker [^${m[1]}] on line ${line} (block ${index + 1}) has no definition; it is shown as written`,
            });
          }
          b.append(t.content);
          break;
        }
        case 'code_inline':
          b.append(t.content);
          break;
        case 'softbreak':
        case 'hardbreak':
          b.append(' ');
          line++;
          break;
        case 'html_inline':
          this.omit('html');
          break;
        case 'image':
          this.omit('image');
          break;
        case 'footnote_ref': {
          const label = String((t.meta as { id: number }).id + 1);
          if (fields.type === 'heading') {
            // Headings carry no markers (no claim crosses a section): the note is kept, unmarked, and said so.
            this.notes.push(`The footnote marker in the heading on line ${line} is not kept (headings carry no markers); its note is reference ${label}`);
            break;
          }
          citations.push({ label, block: index, offset: b.text.length });
          b.append(`[${label}]`);
          break;
        }
        case 'link_open': {
          const href = t.attrGet('href') ?? '';
          const safe = isHttpUrl(href) || /^mailto:[^\s<>"]+$/i.test(href);
          if (!safe) {
            this.omit('unsafe-link');
            this.notes.push(`A link to "${href}" on line ${line} is not an http(s) or mailto link: its text is kept, the link is not`);
          }
          link = { href, start: b.text.length, safe };
          break;
        }
        case 'link_close':
          if (link?.safe) {
            const end = b.text.replace(/ $/, '').length;
            if (end > link.start) links.push({ block: index, start: link.start, end, href: link.href, kind: 'external' });
          }
          link = null;
          break;
        default:
          // em/strong/s open and close: their text is read, the emphasis is not kept.
          break;
      }
    }
    const text = b.text.replace(/ $/, '');
    if (text === '') return;
    // A marker at the very end keeps its offset; a link ending at the cut space is clipped.
    this.blocks.push({ type: fields.type, text, ...(fields.level !== undefined ? { level: fields.level } : {}), ...(fields.ordered !== undefined ? { ordered: fields.ordered } : {}) });
    this.citations.push(...citations);
    this.links.push(...links.map((l) => ({ ...l, end: Math.min(l.end, text.length) })));
  }
}

/** Plain text of a footnote's tokens: inline text, a link written `text <url>`, paragraphs joined by a space. */
function noteText(tokens: readonly Token[]): string {
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.type === 'inline') parts.push(inlineText(token.children ?? []));
    else if (token.type === 'code_block' || token.type === 'fence') parts.push(token.content);
  }
  return parts.join(' ').replace(/[ \t\r\n]+/g, ' ').trim();
}

function inlineText(children: readonly Token[]): string {
  let out = '';
  let href: string | null = null;
  for (const t of children) {
    if (t.type === 'text' || t.type === 'code_inline') out += t.content;
    else if (t.type === 'softbreak' || t.type === 'hardbreak') out += ' ';
    else if (t.type === 'footnote_ref') out += `[${(t.meta as { id: number }).id + 1}]`;
    else if (t.type === 'link_open') href = t.attrGet('href');
    else if (t.type === 'link_close') {
      if (href && isHttpUrl(href) && !out.endsWith(href)) out += ` <${href}>`;
      href = null;
    }
  }
  return out;
}

/**
 * Imports a Markdown source (see the module comment).
 * @throws ImportError when the input is not a UTF-8 text (as the plain-text importer says: binary, UTF-16, invalid
 *   UTF-8 with line and column, empty, over 10 MiB) or has no body text (`no-body`: only front matter, headings
 *   or footnote definitions).
 */
export function importMarkdown(input: string | Uint8Array, options: SourceOptions = {}): ImportedText {
  const lines = decodeLines(input);
  const front = frontMatter(lines);
  const source = lines.slice(front.length).join('\n');
  const env: FootnoteEnv = {};
  const tokens = markdownParser().parse(source, env);
  const reader = new Reader(front.length);
  const meta: SourceMeta = {};
  const title = front.fields.get('title');
  if (title) meta.title = title;
  const language = front.fields.get('lang') ?? front.fields.get('language');
  if (language && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(language)) meta.language = language;
  const sourceUrl = front.fields.get('source');
  if (sourceUrl !== undefined) {
    if (isHttpUrl(sourceUrl)) meta.source = sourceUrl;
    else reader.notes.push(`The front matter's source "${sourceUrl}" is not an http(s) URL and is not used`);
  }
  const other = [...front.fields.keys()].filter((k) => !['title', 'lang', 'language', 'source'].includes(k));
  if (other.length) reader.notes.push(`Front matter fields not read: ${other.join(', ')}`);

  // Nesting: blockquote depth, and the list stack (ordered or not).
  let quote = 0;
  const lists: boolean[] = [];
  let first = true;
  let headingLevel = 0;
  let table = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // The footnotes markdown-it-footnote appends at the end are read as references below, never as body text.
    if (t.type === 'footnote_block_open') break;
    switch (t.type) {
      case 'blockquote_open':
        quote++;
        break;
      case 'blockquote_close':
        quote--;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push(t.type === 'ordered_list_open');
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'heading_open':
        headingLevel = Number(t.tag.slice(1));
        break;
      case 'heading_close':
        headingLevel = 0;
        break;
      case 'html_block':
        reader.omit('html');
        break;
      case 'table_open':
        reader.omit('table');
        table++;
        break;
      case 'table_close':
        table--;
        break;
      case 'hr':
        reader.omit('thematic-break');
        break;
      case 'code_block':
      case 'fence': {
        const code = new Token('inline', '', 0);
        code.map = t.map;
        const child = new Token('text', '', 0);
        child.content = t.content;
        code.children = [child];
        first = false;
        reader.block(code, lists.length ? { type: 'list_item', level: lists.length, ordered: lists[lists.length - 1]! } : { type: quote ? 'blockquote' : 'paragraph' });
        break;
      }
      case 'inline': {
        if (table > 0) break;
        if (headingLevel > 0) {
          if (first && headingLevel === 1 && quote === 0 && lists.length === 0) {
            const h = inlineText(t.children ?? []).replace(/[ \t\r\n]+/g, ' ').trim();
            if (meta.title === undefined) meta.title = h;
            else if (h !== meta.title) reader.notes.push(`The first heading "${h}" is taken as the title; the front matter's title "${meta.title}" is used`);
          } else {
            reader.block(t, { type: 'heading', level: Math.max(2, headingLevel) });
          }
        } else if (lists.length) {
          reader.block(t, { type: 'list_item', level: lists.length, ordered: lists[lists.length - 1]! });
        } else {
          reader.block(t, { type: quote ? 'blockquote' : 'paragraph' });
        }
        first = false;
        break;
      }
      default:
        break;
    }
  }
  if (reader.blocks.every((b) => b.type === 'heading')) {
    throw new ImportError('no-body', 'The Markdown text has no body text (only front matter, headings or footnote definitions)', front.length + 1, 1);
  }

  // References: the cited notes in order of first citation, then definitions nothing cites, in source order.
  const references: Reference[] = [];
  const definitions = env.apparatusDefinitions ?? [];
  const byLabel = new Map(definitions.map((d) => [d.label, d]));
  const cited = env.footnotes?.list ?? [];
  cited.forEach((note, id) => {
    const label = String(id + 1);
    if (note.label !== undefined) {
      const def = byLabel.get(note.label);
      const ref = parseReference(label, def ? noteText(def.tokens) : '');
      references.push({ ...ref, anchor: note.label });
    } else {
      references.push(parseReference(label, inlineText(note.tokens ?? []).replace(/[ \t\r\n]+/g, ' ').trim()));
    }
  });
  const citedLabels = new Set(cited.map((n) => n.label).filter((l) => l !== undefined));
  let next = cited.length;
  const seen = new Set<string>();
  for (const def of definitions) {
    if (seen.has(def.label)) {
      reader.notes.push(`Footnote definition [^${def.label}] on line ${def.line + front.length} repeats a label; the first definition is used`);
      reader.omit('duplicate-footnote');
      continue;
    }
    seen.add(def.label);
    if (citedLabels.has(def.label)) continue;
    const label = String(++next);
    references.push({ ...parseReference(label, noteText(def.tokens)), anchor: def.label });
    reader.notes.push(`Footnote definition [^${def.label}] on line ${def.line + front.length} is never cited; it is kept as reference ${label}`);
  }
  return finishImport(
    {
      blocks: reader.blocks,
      citations: reader.citations,
      references,
      referencesHeading: null,
      links: reader.links,
      signals: [],
      report: { format: 'markdown', omitted: reader.omitted, notes: reader.notes },
      meta,
      problems: reader.problems,
    },
    options.language ?? meta.language ?? 'en',
  );
}
