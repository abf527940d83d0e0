/**
 * The document schema of Apparatus: a source text as body blocks followed by its reference list.
 *
 * Shape (one place documents it; every other module relies on it):
 * - `doc` holds one or more body blocks (`paragraph`, `blockquote`, `heading`, `list_item`), then at most one
 *   `references`. Body blocks are flat (no wrappers), so a block's position and its canonical text are the same
 *   whatever its kind: every block is one textblock joined to the next by `\n\n` (anchoring/doc-text.ts).
 * - `paragraph` and `blockquote` are textblocks of inline content. A block quotation keeps its quotation marks
 *   as text: the source is verbatim, so nothing typographic is removed.
 * - `heading` (attrs `level` 2–6, `anchor`: the source's id or null) starts a section: rendered `h2`–`h6` with an
 *   id (`section-` + the anchor, or + its index in the contents when the source has none, set by the builder).
 *   It holds text and links (markers only if a source puts them there), never claims, so no claim crosses a section.
 * - `list_item` (attrs `level` ≥ 1: nesting depth, `ordered`) is one item of a list of the source, a textblock
 *   holding claims like a paragraph. It is rendered as a one-item list (`role="list"` around `role="listitem"`),
 *   so assistive technology announces it as a list item without a wrapper node in the document.
 * - `marker` is the footnote marker `[label]` (`[4]`, or `[a]`, `[n 1]` in formats with such labels): an inline
 *   atom (one position wide) whose text is `[label]` (`leafText`), rendered as a superscript link to the reference.
 *   Runs like `[3][4]` are adjacent markers.
 * - `references` holds `reference` entries; a `reference` is a textblock whose attrs carry the parsed label,
 *   identifiers and CSL-JSON item. Its canonical text is `N. text`.
 * - `claim` is the span of one claim with its support and sources. `excludes: ""` lets claim marks overlap
 *   (annotations are decorations, not marks); `inclusive: false` because the text is never typed into.
 * - `link` (attrs `href`, `kind` `wiki`|`external`, `title`) is a link of the source: an `<a>` only when `href` is
 *   http(s) (model/http-url.ts), else a span keeping the address as data. Never characters of the canonical text.
 * - `flag` (attr `signals`: the kinds, space separated, e.g. `citation-needed`) spans a claim the source itself
 *   flags (Wikipedia's inline `[citation needed]`): the tag is not kept as text; the mark says it instead.
 * Mark order (their rank) is claim, link, flag: a text node's marks are always in that order.
 */
import { Schema, type Node as PMNode, type MarkSpec, type NodeSpec } from 'prosemirror-model';
import { safeHref } from './http-url.ts';
import { signalPhrase } from './signal-labels.ts';
import type { CslItem, ReferenceIds } from './reference-types.ts';
import type { Support } from './claim-types.ts';

/** What parse rules read of a DOM element (structural, so this pure module needs no DOM types). */
interface DomAttributes {
  getAttribute(name: string): string | null;
}

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'body_block+ references?' },
  paragraph: {
    content: 'inline*',
    group: 'body_block',
    parseDOM: [{ tag: 'p' }],
    toDOM: () => ['p', 0],
  },
  blockquote: {
    content: 'inline*',
    group: 'body_block',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: () => ['blockquote', { class: 'ap-blockquote' }, 0],
  },
  heading: {
    content: 'inline*',
    group: 'body_block',
    defining: true,
    attrs: { level: { default: 2, validate: 'number' }, anchor: { default: null } },
    parseDOM: [2, 3, 4, 5, 6].map((level) => ({
      tag: `h${level}`,
      getAttrs: (dom: DomAttributes) => ({ level, anchor: dom.getAttribute('data-anchor') }),
    })),
    toDOM: (node: PMNode) => {
      const anchor = node.attrs['anchor'] as string | null;
      return [`h${headingLevel(node.attrs['level'] as number)}`, { class: 'ap-heading', ...(anchor ? { id: sectionId(anchor), 'data-anchor': anchor } : {}) }, 0];
    },
  },
  list_item: {
    content: 'inline*',
    group: 'body_block',
    attrs: { level: { default: 1, validate: 'number' }, ordered: { default: false, validate: 'boolean' } },
    parseDOM: [
      {
        tag: 'div.ap-list-item',
        contentElement: '[role="listitem"]',
        getAttrs: (dom: DomAttributes) => ({ level: Number(dom.getAttribute('data-level') ?? '1') || 1, ordered: dom.getAttribute('data-ordered') === 'true' }),
      },
    ],
    toDOM: (node: PMNode) => {
      const level = Math.max(1, Math.min(6, Math.floor(node.attrs['level'] as number)));
      const ordered = node.attrs['ordered'] as boolean;
      return [
        'div',
        { class: `ap-list-item ap-list-item--${ordered ? 'ordered' : 'bullet'} ap-list-item--level-${level}`, role: 'list', 'data-level': String(level), 'data-ordered': String(ordered) },
        ['div', { role: 'listitem', class: 'ap-list-item__body' }, 0],
      ];
    },
  },
  text: { group: 'inline' },
  marker: {
    inline: true,
    group: 'inline',
    atom: true,
    selectable: false,
    attrs: { label: { validate: 'string' } },
    leafText: (node: PMNode) => `[${node.attrs['label'] as string}]`,
    parseDOM: [
      {
        tag: 'sup[data-marker]',
        getAttrs: (dom: DomAttributes) => ({ label: dom.getAttribute('data-marker') ?? '' }),
      },
    ],
    toDOM: (node: PMNode) => {
      const label = node.attrs['label'] as string;
      return [
        'sup',
        { class: 'ap-marker', 'data-marker': label },
        // A word joiner keeps the marker on the line of the word it follows.
        '\u2060',
        ['a', { href: `#ref-${label}`, 'data-ref': label, 'aria-label': `Source ${label}` }, `[${label}]`],
      ];
    },
  },
  references: {
    content: 'reference+',
    attrs: { heading: { default: 'References', validate: 'string' } },
    parseDOM: [{ tag: 'section.ap-references' }],
    toDOM: (node: PMNode) => [
      'section',
      { class: 'ap-references', 'aria-label': node.attrs['heading'] as string },
      ['h2', { class: 'ap-references__heading' }, node.attrs['heading'] as string],
      ['ol', { class: 'ap-references__list' }, 0],
    ],
  },
  reference: {
    content: 'text*',
    attrs: {
      label: { default: '', validate: 'string' },
      ids: { default: null },
      csl: { default: null },
    },
    parseDOM: [{ tag: 'li[data-label]', getAttrs: (dom: DomAttributes) => ({ label: dom.getAttribute('data-label') ?? '' }) }],
    toDOM: (node: PMNode) => {
      const label = node.attrs['label'] as string;
      const value = /^\d+$/.test(label) ? { value: String(Number(label)) } : {};
      return ['li', { id: `ref-${label}`, 'data-label': label, class: 'ap-reference', ...value }, 0];
    },
  },
};

const marks: Record<string, MarkSpec> = {
  claim: {
    attrs: {
      id: { validate: 'string' },
      sources: { default: [] },
      support: { validate: 'string' },
    },
    excludes: '',
    inclusive: false,
    parseDOM: [
      {
        tag: 'span[data-claim]',
        getAttrs: (dom: DomAttributes) => ({
          id: dom.getAttribute('data-claim') ?? '',
          sources: (dom.getAttribute('data-sources') ?? '').split(' ').filter(Boolean),
          support: dom.getAttribute('data-support') ?? 'none',
        }),
      },
    ],
    toDOM: (mark) => {
      const support = mark.attrs['support'] as Support;
      return [
        'span',
        {
          class: `ap-claim ap-claim--${support}`,
          'data-claim': mark.attrs['id'] as string,
          'data-support': support,
          'data-sources': (mark.attrs['sources'] as string[]).join(' '),
        },
        0,
      ];
    },
  },
  link: {
    attrs: {
      href: { validate: 'string' },
      kind: { default: 'external', validate: 'string' },
      title: { default: null },
    },
    inclusive: false,
    parseDOM: [
      {
        tag: '[data-link-kind]',
        getAttrs: (dom: DomAttributes) => ({
          href: dom.getAttribute('data-href') ?? dom.getAttribute('href') ?? '',
          kind: dom.getAttribute('data-link-kind') ?? 'external',
          title: dom.getAttribute('title'),
        }),
      },
    ],
    toDOM: (mark) => {
      const href = mark.attrs['href'] as string;
      const kind = mark.attrs['kind'] as string;
      const title = mark.attrs['title'] as string | null;
      const safe = safeHref(href);
      const common = { class: `ap-link ap-link--${kind === 'wiki' ? 'wiki' : 'external'}`, 'data-link-kind': kind, 'data-href': href, ...(title ? { title } : {}) };
      return safe ? ['a', { ...common, href: safe, rel: 'noopener noreferrer', target: '_blank' }, 0] : ['span', common, 0];
    },
  },
  flag: {
    attrs: { signals: { validate: 'string' } },
    inclusive: false,
    parseDOM: [{ tag: 'span[data-signals]', getAttrs: (dom: DomAttributes) => ({ signals: dom.getAttribute('data-signals') ?? '' }) }],
    toDOM: (mark) => {
      const signals = mark.attrs['signals'] as string;
      const words = signals.split(' ').filter(Boolean).map((k) => signalPhrase(k)).join('; ');
      return ['span', { class: 'ap-flag', 'data-signals': signals, title: `Wikipedia flags this claim: ${words}` }, 0];
    },
  },
};

/** A heading's element level: 2–6 (1 is the page's title). */
export function headingLevel(level: number): number {
  return Math.max(2, Math.min(6, Math.floor(Number.isFinite(level) ? level : 2)));
}

/** The element id of the section whose heading has `anchor` (the source's id, or one the builder made). */
export function sectionId(anchor: string): string {
  return `section-${anchor.replace(/[^\w.:-]+/g, '-')}`;
}

/** The one schema of every Apparatus document. */
export const schema = new Schema({ nodes, marks });

/** Attrs of a `reference` node, as the importer sets them. */
export interface ReferenceAttrs {
  label: string;
  ids: ReferenceIds | null;
  csl: CslItem | null;
}
