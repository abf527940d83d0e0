/**
 * A note's words in a panel: plain text as written (`white-space: pre-wrap`), or — for a Markdown body — its
 * paragraphs, emphasis, lists, quotations, code and links as Lit templates built from model/markdown-body.ts's tree.
 * No HTML string is ever parsed: every piece of text is a Lit text binding, and a link's `href` is one that
 * `isNoteLinkUrl` allowed (http, https, mailto), opened in a new tab without an opener.
 *
 * The Markdown reader (markdown-it) is loaded on first use, so the first page stays small: until it is there, a
 * Markdown note shows as its plain text, and `onReady` asks the panel to render again. Offline, before it was ever
 * loaded, the note stays plain text (nothing is lost) and the next render tries again.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { TextualBody } from '../anchoring/annotation-types.ts';
import type { MdBlock, MdInline } from '../model/markdown-body.ts';

type Parse = (source: string) => MdBlock[];
let parse: Parse | null = null;
let loading: Promise<Parse> | null = null;

/**
 * Loads the Markdown reader (once); resolves when `markdownReady()` is true. When it cannot be fetched (offline
 * before it was ever loaded) the promise rejects and the next call tries again.
 */
export function loadMarkdown(): Promise<Parse> {
  loading ??= import('../model/markdown-body.ts').then(
    (m) => (parse = m.parseMarkdownBody),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** True when Markdown notes render as Markdown (the reader is loaded). */
export function markdownReady(): boolean {
  return parse !== null;
}

function inline(nodes: readonly MdInline[]): unknown[] {
  return nodes.map((n) => {
    switch (n.kind) {
      case 'text':
        return n.text;
      case 'break':
        return html`<br />`;
      case 'code':
        return html`<code>${n.text}</code>`;
      case 'em':
        return html`<em>${inline(n.children)}</em>`;
      case 'strong':
        return html`<strong>${inline(n.children)}</strong>`;
      case 'del':
        return html`<del>${inline(n.children)}</del>`;
      case 'link':
        return html`<a href=${n.href} target="_blank" rel="noopener noreferrer">${inline(n.children)}</a>`;
    }
  });
}

function blocks(nodes: readonly MdBlock[]): unknown[] {
  return nodes.map((b) => {
    switch (b.kind) {
      case 'paragraph':
        return html`<p>${inline(b.children)}</p>`;
      case 'list':
        return b.ordered
          ? html`<ol start=${b.start}>${b.items.map((item) => html`<li>${blocks(item)}</li>`)}</ol>`
          : html`<ul>${b.items.map((item) => html`<li>${blocks(item)}</li>`)}</ul>`;
      case 'quote':
        return html`<blockquote>${blocks(b.children)}</blockquote>`;
      case 'code':
        return html`<pre><code>${b.text}</code></pre>`;
      case 'rule':
        return html`<hr />`;
    }
  });
}

/**
 * The template of a note body with class `cls` (a `<p>` for plain text, a `<div>` holding blocks for Markdown,
 * with class `md` added), or `nothing` for no body. `onReady` is called once the Markdown reader has loaded, when it
 * was not yet.
 */
export function noteBodyTemplate(body: TextualBody | undefined, cls: string, onReady: () => void): TemplateResult | typeof nothing {
  if (!body || !body.value) return nothing;
  if (body.format === 'text/markdown') {
    if (parse) return html`<div class="${cls} md">${blocks(parse(body.value))}</div>`;
    loadMarkdown().then(onReady, () => undefined);
  }
  return html`<p class=${cls}>${body.value}</p>`;
}
