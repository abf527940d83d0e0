/**
 * Blocks far from the reader are shown as their plain text and built in full (claim spans, marker links) when the
 * reader comes near them: the first render of a book builds a few dozen full blocks instead of thousands.
 *
 * A far block (body paragraph, block quotation, heading, list item or reference entry) is the element its schema's `toDOM` makes, with
 * the block's text (markers as `[N]`) as one text node inside: every word of the work is in the page from the first
 * render, so the browser's find in page finds it and a screen reader reads it, and the layout is the text's own.
 * ProseMirror keeps the element as an opaque node view (no content DOM). A block is built in full once it is
 * within `margin` positions of the visible text, or the selection enters it (a jump to a claim or a note far
 * away); once built it stays built. The set of built positions only grows, so the decorations that say which blocks
 * are built change only when new blocks are built — never on a caret move.
 */
import { DOMSerializer, type Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView, type NodeView } from 'prosemirror-view';
import { ViewportWindow } from './viewport-window.ts';

/** Document positions `[from, to)`. */
export interface Span {
  from: number;
  to: number;
}

/** The node types built lazily: the textblocks of the schema (a far heading keeps its id, so sections can be reached). */
const LAZY = new Set(['paragraph', 'blockquote', 'heading', 'list_item', 'reference']);

/** Positions on either side of the visible text that are built in full (a few screens of text). */
export const LAZY_MARGIN = 20_000;

/** `spans` with `add` merged in, sorted and without overlaps (adjacent spans are joined). */
export function addSpan(spans: readonly Span[], add: Span): Span[] {
  const out: Span[] = [];
  let merged = { ...add };
  let placed = false;
  for (const s of spans) {
    if (s.to < merged.from) out.push(s);
    else if (s.from > merged.to) {
      if (!placed) out.push(merged), (placed = true);
      out.push(s);
    } else merged = { from: Math.min(s.from, merged.from), to: Math.max(s.to, merged.to) };
  }
  if (!placed) out.push(merged);
  return out;
}

/** Whether `spans` (as `addSpan` keeps them) cover `[from, to)` whole. */
export function covers(spans: readonly Span[], from: number, to: number): boolean {
  for (const s of spans) if (s.from <= from && s.to >= to) return true;
  return false;
}

/** The lazy blocks of `doc` that overlap `spans`, as the positions where each starts and ends. */
export function builtBlocks(doc: PMNode, spans: readonly Span[]): Span[] {
  const blocks: Span[] = [];
  const size = doc.content.size;
  for (const s of spans) {
    const from = Math.max(0, s.from);
    const to = Math.min(size, s.to);
    if (from >= to) continue;
    doc.nodesBetween(from, to, (node, pos) => {
      if (LAZY.has(node.type.name)) {
        if (blocks.length === 0 || blocks[blocks.length - 1]!.from < pos) blocks.push({ from: pos, to: pos + node.nodeSize });
        return false;
      }
      return node.type.name === 'references';
    });
  }
  return blocks;
}

interface LazyState {
  /** Built positions; may reach beyond the document while it is still loading. */
  spans: readonly Span[];
  set: DecorationSet;
}

const lazyKey = new PluginKey<LazyState>('apparatus-lazy-blocks');
const BUILT = { apparatusBuilt: true };

function decorate(doc: PMNode, spans: readonly Span[]): DecorationSet {
  return DecorationSet.create(doc, builtBlocks(doc, spans).map((b) => Decoration.node(b.from, b.to, {}, BUILT)));
}

/** The lazy block around `pos`, or null (between blocks). */
function blockAround(doc: PMNode, pos: number): Span | null {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  for (let d = $pos.depth; d > 0; d--) if (LAZY.has($pos.node(d).type.name)) return { from: $pos.before(d), to: $pos.after(d) };
  return null;
}

/** A transaction that builds the blocks overlapping `span`. */
export function buildSpan(tr: Transaction, span: Span): Transaction {
  return tr.setMeta(lazyKey, span);
}

/** The built positions of `state` (all of them when the plugin is not there). */
export function builtSpans(state: EditorState): readonly Span[] {
  return lazyKey.getState(state)?.spans ?? [{ from: 0, to: Number.POSITIVE_INFINITY }];
}

/** A far block: its `toDOM` element holding its plain text. */
function farBlock(node: PMNode, view: EditorView): NodeView {
  const { dom, contentDOM } = DOMSerializer.renderSpec(view.dom.ownerDocument, node.type.spec.toDOM!(node));
  if (contentDOM) contentDOM.textContent = node.textContent;
  return { dom };
}

/**
 * The plugin. `margin`: positions on either side of the visible text built in full (default `LAZY_MARGIN`); the
 * first `2 × margin` positions are built at once, so a short work is built whole.
 */
export function lazyBlocksPlugin(options: { margin?: number } = {}): Plugin<LazyState> {
  const margin = options.margin ?? LAZY_MARGIN;
  const nodeView = (node: PMNode, view: EditorView, _getPos: unknown, decorations: readonly Decoration[]) =>
    decorations.some((d) => (d.spec as typeof BUILT).apparatusBuilt) ? (null as unknown as NodeView) : farBlock(node, view);
  return new Plugin<LazyState>({
    key: lazyKey,
    state: {
      init: (_config, state) => {
        const spans = [{ from: 0, to: 2 * margin }];
        return { spans, set: decorate(state.doc, spans) };
      },
      apply: (tr, prev, _old, state) => {
        let spans = prev.spans;
        const asked = tr.getMeta(lazyKey) as Span | undefined;
        if (asked) spans = addSpan(spans, asked);
        // A selection moved into a far block (a jump to a claim or a note): build it, and its surroundings.
        if (tr.selectionSet) {
          for (const pos of [state.selection.from, state.selection.to]) {
            const block = blockAround(state.doc, pos);
            if (block && !covers(spans, block.from, block.to)) spans = addSpan(spans, { from: block.from - margin / 4, to: block.to + margin / 4 });
          }
        }
        if (spans !== prev.spans || tr.docChanged) return { spans, set: decorate(state.doc, spans) };
        return prev;
      },
    },
    view: (view) =>
      new ViewportWindow(view, (visible) => {
        const size = view.state.doc.content.size;
        if (covers(builtSpans(view.state), Math.max(0, visible.from - margin / 2), Math.min(size, visible.to + margin / 2))) return;
        view.dispatch(buildSpan(view.state.tr, { from: visible.from - margin, to: visible.to + margin }));
      }),
    props: {
      decorations: (state) => lazyKey.getState(state)?.set ?? DecorationSet.empty,
      nodeViews: { paragraph: nodeView, blockquote: nodeView, heading: nodeView, list_item: nodeView, reference: nodeView },
    },
  });
}
