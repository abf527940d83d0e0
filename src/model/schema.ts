/**
 * The document schema of Apparatus: a source text as body blocks followed by its reference list.
 *
 * Shape (one place documents it; every other module relies on it):
 * - `doc` holds one or more body blocks (`paragraph` or `blockquote`), then at most one `references`.
 * - `paragraph` and `blockquote` are textblocks of inline content. A block quotation keeps its quotation marks
 *   as text: the source is verbatim, so nothing typographic is removed.
 * - `marker` is the footnote marker `[N]`: an inline atom (one position wide) whose text is `[N]`
 *   (`leafText`), rendered as a superscript link to reference N. Runs like `[3][4]` are adjacent markers.
 * - `references` holds `reference` entries; a `reference` is a textblock whose attrs carry the parsed label,
 *   identifiers and CSL-JSON item. Its canonical text is `N. text`.
 * - `claim` is the only mark: the span of one claim with its support and sources. `excludes: ""` lets claim marks
 *   overlap (annotations are decorations, not marks); `inclusive: false` because the text is never typed into.
 */
import { Schema, type Node as PMNode, type MarkSpec, type NodeSpec } from 'prosemirror-model';
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
};

/** The one schema of every Apparatus document. */
export const schema = new Schema({ nodes, marks });

/** Attrs of a `reference` node, as the importer sets them. */
export interface ReferenceAttrs {
  label: string;
  ids: ReferenceIds | null;
  csl: CslItem | null;
}
