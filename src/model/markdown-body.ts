/**
 * A note written in Markdown (a `TextualBody` with `format: "text/markdown"`), read into a small tree that every
 * place showing notes renders with its own escaping: the note card (Lit templates), the HTML edition (the XML
 * builder) and the Markdown edition (re-written, each run of text escaped). No HTML string is ever made here.
 *
 * What a note may use: paragraphs, emphasis and strong emphasis, strikethrough, inline code and code blocks, lists
 * (bullet and numbered, nested), quotations, rules, line breaks, and links — written `[words](url)`, `<url>` or a
 * bare URL. Raw HTML is never markup: it stays text (markdown-it with `html: false`). A link is a link only when its
 * address is http, https or mailto (`isNoteLinkUrl`); any other (`javascript:`, `data:`, a relative path) leaves
 * the words as written, as text. Images, headings, tables and character references are not read (they stay text as
 * typed): a note is prose beside the text, and an image would load from anywhere.
 *
 * Pure: markdown-it and strings, no DOM.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { isNoteLinkUrl } from './http-url.ts';

/** Inline content: text, emphasis, code, a link (its `href` allowed by `isNoteLinkUrl`), a hard line break. */
export type MdInline =
  | { kind: 'text'; text: string }
  | { kind: 'em' | 'strong' | 'del'; children: MdInline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: MdInline[] }
  | { kind: 'break' };

/** Block content. A list's items are lists of blocks; `start` is the number of an ordered list's first item. */
export type MdBlock =
  | { kind: 'paragraph'; children: MdInline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: MdBlock[][] }
  | { kind: 'quote'; children: MdBlock[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false });
// Character references (`&lt;`) are not decoded either: what the reader typed is shown as typed.
md.disable(['image', 'heading', 'lheading', 'table', 'html_block', 'html_inline', 'entity']);
// markdown-it asks this of every link address (after normalising it): only http(s) and mailto become links.
md.validateLink = (url: string) => isNoteLinkUrl(url);

/** The MIME type of a Markdown body. */
export const MARKDOWN_FORMAT = 'text/markdown';

/** Reads a Markdown note into blocks (see the module comment). Never throws; an empty note gives `[]`. */
export function parseMarkdownBody(source: string): MdBlock[] {
  const tokens = md.parse(source, {});
  let i = 0;

  const inline = (children: readonly Token[]): MdInline[] => {
    const root: MdInline[] = [];
    const stack: MdInline[][] = [root];
    const top = () => stack[stack.length - 1]!;
    for (const t of children) {
      switch (t.type) {
        case 'text':
        case 'text_special':
          pushText(top(), t.content);
          break;
        case 'softbreak':
          pushText(top(), '\n');
          break;
        case 'hardbreak':
          top().push({ kind: 'break' });
          break;
        case 'code_inline':
          top().push({ kind: 'code', text: t.content });
          break;
        case 'em_open':
        case 'strong_open':
        case 's_open':
        case 'link_open': {
          const kids: MdInline[] = [];
          const href = t.attrGet('href') ?? '';
          if (t.type === 'link_open') top().push({ kind: 'link', href, children: kids });
          else top().push({ kind: t.type === 'em_open' ? 'em' : t.type === 'strong_open' ? 'strong' : 'del', children: kids });
          stack.push(kids);
          break;
        }
        case 'em_close':
        case 'strong_close':
        case 's_close':
        case 'link_close':
          if (stack.length > 1) stack.pop();
          break;
        default:
          // Anything else markdown-it could give (it gives nothing else with these rules) is kept as its text.
          if (t.content) pushText(top(), t.content);
      }
    }
    return root;
  };

  const blocks = (close: string | null): MdBlock[] => {
    const out: MdBlock[] = [];
    while (i < tokens.length) {
      const t = tokens[i++]!;
      if (close !== null && t.type === close) return out;
      switch (t.type) {
        case 'paragraph_open': {
          const content = tokens[i]?.type === 'inline' ? inline(tokens[i++]!.children ?? []) : [];
          if (tokens[i]?.type === 'paragraph_close') i++;
          out.push({ kind: 'paragraph', children: content });
          break;
        }
        case 'bullet_list_open':
        case 'ordered_list_open': {
          const ordered = t.type === 'ordered_list_open';
          const closeList = ordered ? 'ordered_list_close' : 'bullet_list_close';
          const items: MdBlock[][] = [];
          while (i < tokens.length && tokens[i]!.type !== closeList) {
            if (tokens[i]!.type === 'list_item_open') {
              i++;
              items.push(blocks('list_item_close'));
            } else i++;
          }
          i++;
          out.push({ kind: 'list', ordered, start: ordered ? Number(t.attrGet('start') ?? 1) : 1, items });
          break;
        }
        case 'blockquote_open':
          out.push({ kind: 'quote', children: blocks('blockquote_close') });
          break;
        case 'fence':
        case 'code_block':
          out.push({ kind: 'code', text: t.content.replace(/\n$/, '') });
          break;
        case 'hr':
          out.push({ kind: 'rule' });
          break;
        case 'inline':
          out.push({ kind: 'paragraph', children: inline(t.children ?? []) });
          break;
        default:
          break;
      }
    }
    return out;
  };

  return blocks(null);
}

function pushText(list: MdInline[], text: string): void {
  const last = list[list.length - 1];
  if (last?.kind === 'text') last.text += text;
  else list.push({ kind: 'text', text });
}

/** The words of inline content, without its markup (for labels and plain-text places). */
export function inlineText(children: readonly MdInline[]): string {
  return children
    .map((c) => (c.kind === 'text' || c.kind === 'code' ? c.text : c.kind === 'break' ? '\n' : inlineText(c.children)))
    .join('');
}
