/**
 * The benchmark book as one static HTML page: the reader's own markup (every node and claim mark written by its
 * schema's `toDOM`, marks grouped over adjacent text as ProseMirror's DOMSerializer groups them), the reader's own
 * stylesheet (with `content-visibility: auto` on blocks), and no script but one that marks the page ready once it
 * is laid out. It is the floor the reader's first render is compared with (`first_render_ratio` in run.ts): what the
 * same browser needs to show the same text with the same claim spans when nothing has to be computed.
 */
import type { DOMOutputSpec, Mark, Node as PMNode } from 'prosemirror-model';

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** `spec` as HTML; the hole (`0`) is filled by `content()`. Counts every element written in `counts`. */
function specHtml(spec: DOMOutputSpec, content: () => string, counts: Map<string, number>): string {
  if (typeof spec === 'string') return escapeText(spec);
  if (!Array.isArray(spec)) throw new Error('static-page: only array DOM specs are supported');
  const [tag, ...rest] = spec as [string, ...unknown[]];
  let attrs = '';
  let children = rest;
  const first = rest[0];
  if (first && typeof first === 'object' && !Array.isArray(first)) {
    for (const [k, v] of Object.entries(first as Record<string, unknown>)) {
      if (v !== null && v !== undefined) attrs += ` ${k}="${escapeAttr(String(v))}"`;
    }
    children = rest.slice(1);
  }
  counts.set(tag, (counts.get(tag) ?? 0) + 1);
  let inner = '';
  for (const child of children) inner += child === 0 ? content() : specHtml(child as DOMOutputSpec, content, counts);
  return `<${tag}${attrs}>${inner}</${tag}>`;
}

/** The inline content of a textblock: marks opened and closed as the DOMSerializer does (shared prefixes kept open). */
function inlineHtml(block: PMNode, counts: Map<string, number>): string {
  const open: { mark: Mark; close: string }[] = [];
  let out = '';
  block.forEach((child) => {
    let keep = 0;
    while (keep < open.length && keep < child.marks.length && open[keep]!.mark.eq(child.marks[keep]!)) keep++;
    while (open.length > keep) out += open.pop()!.close;
    for (let i = keep; i < child.marks.length; i++) {
      const mark = child.marks[i]!;
      const html = specHtml(mark.type.spec.toDOM!(mark, true), () => '\u0000', counts);
      const [start, close] = html.split('\u0000') as [string, string];
      out += start;
      open.push({ mark, close });
    }
    out += child.isText ? escapeText(child.text!) : nodeHtml(child, counts);
  });
  while (open.length) out += open.pop()!.close;
  return out;
}

function nodeHtml(node: PMNode, counts: Map<string, number>): string {
  const toDOM = node.type.spec.toDOM;
  if (!toDOM) throw new Error(`static-page: node type ${node.type.name} has no toDOM`);
  const content = () => {
    if (node.isTextblock) return inlineHtml(node, counts);
    let html = '';
    node.forEach((child) => (html += nodeHtml(child, counts)));
    return html;
  };
  return specHtml(toDOM(node), content, counts);
}

/** The page and how many elements of each tag it holds (`span` are the claim spans). */
export interface StaticPage {
  html: string;
  elements: Record<string, number>;
}

/**
 * The static page of `doc`, styled by the stylesheet at `cssHref` (the reader's built CSS). The text sits in the
 * same `.ap-text` container as in the reader. An inline script at the end of the body forces layout and then sets
 * `<html data-apparatus-ready="true">`, the signal the reader sets when its first render is done, so both pages are
 * timed by the same observer (browser-metrics.ts).
 */
export function staticPage(doc: PMNode, cssHref: string, title: string): StaticPage {
  const counts = new Map<string, number>();
  let body = '';
  doc.forEach((child) => (body += nodeHtml(child, counts)));
  const html = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeText(title)} (static)</title>`,
    `<link rel="stylesheet" href="${escapeAttr(cssHref)}">`,
    '</head><body>',
    `<div id="text"><div class="ap-text" role="document">${body}</div></div>`,
    '<script>document.body.getBoundingClientRect();document.documentElement.dataset.apparatusReady="true";</script>',
    '</body></html>',
  ].join('\n');
  return { html, elements: Object.fromEntries(counts) };
}
