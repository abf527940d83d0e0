/**
 * Highlights for annotations, computed by a pure function of the annotation state and of the window of the document
 * near the viewport, and cached (a caret move or a focus change recomputes nothing). Overlapping notes nest their
 * highlight elements, so overlaps show darker.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import { annotationsOf, type AnnotationEntry } from './annotation-plugin.ts';
import { ViewportWindow } from './viewport-window.ts';

/**
 * The most highlights drawn one inside another. Notes piled deeper than this (thousands of imported notes on a
 * short text) share one "more notes here" band instead of an element each: drawing a pile of 300 nested elements
 * on every character froze the page for a minute.
 */
export const MAX_LANES = 8;

/**
 * Assigns each anchored entry a lane so that no two overlapping notes share one (greedy interval colouring in
 * document order). ProseMirror merges the attributes of overlapping inline decorations with the same element
 * name into one element, so each lane gets its own element name (`ap-mark-0`, `ap-mark-1`, …): overlapping notes
 * then nest, each keeps its own `data-annotation`, and the stacked highlights show the overlap. A note that finds
 * none of the `maxLanes` lanes free gets lane `maxLanes`: the shared band of notes piled too deep to draw one by one.
 */
export function assignLanes(entries: readonly AnnotationEntry[], maxLanes = MAX_LANES): Map<string, number> {
  const sorted = entries.filter((e) => e.range && e.range.from < e.range.to).sort((a, b) => a.range!.from - b.range!.from || b.range!.to - a.range!.to);
  const laneEnds: number[] = [];
  const lanes = new Map<string, number>();
  for (const e of sorted) {
    let lane = laneEnds.findIndex((end) => end <= e.range!.from);
    if (lane < 0 && laneEnds.length < maxLanes) lane = laneEnds.push(0) - 1;
    if (lane < 0) {
      lanes.set(e.annotation.id, maxLanes);
      continue;
    }
    laneEnds[lane] = e.range!.to;
    lanes.set(e.annotation.id, lane);
  }
  return lanes;
}

/** Document positions `[from, to)`: the part of the document whose notes are drawn. */
export interface DecorationWindow {
  from: number;
  to: number;
}

/** The whole document: every note drawn. */
export const WHOLE_DOCUMENT: DecorationWindow = { from: 0, to: Number.POSITIVE_INFINITY };

/**
 * The decoration set for `entries` on `doc` (the focused note is outlined by highlight-plugin.ts, not here): the
 * notes that overlap `window` and lie inside `doc`, each in its lane of `lanes` (default: lanes of `entries`).
 */
export function annotationDecorations(
  doc: PMNode,
  entries: Iterable<AnnotationEntry>,
  window: DecorationWindow = WHOLE_DOCUMENT,
  lanes?: ReadonlyMap<string, number>,
): DecorationSet {
  const list = [...entries];
  const laneOf = lanes ?? assignLanes(list);
  const size = doc.content.size;
  const decos: Decoration[] = [];
  const piled: { from: number; to: number }[] = [];
  for (const e of list) {
    const lane = laneOf.get(e.annotation.id);
    if (lane === undefined || !e.range || e.range.to > size || e.range.to <= window.from || e.range.from >= window.to) continue;
    if (lane >= MAX_LANES) {
      piled.push(e.range);
      continue;
    }
    const a = e.annotation;
    const classes = ['ap-note', `ap-note--${a.motivation}`];
    if (a.verdict) classes.push(`ap-note--verdict-${a.verdict}`);
    if (e.status === 'fuzzy') classes.push('ap-note--fuzzy');
    decos.push(
      Decoration.inline(e.range.from, e.range.to, { nodeName: `ap-mark-${lane}`, class: classes.join(' '), 'data-annotation': a.id }, { id: a.id }),
    );
  }
  // Notes piled too deep: one band over each stretch they cover (merged, so a pile costs a few elements, not one each).
  piled.sort((a, b) => a.from - b.from);
  for (let i = 0; i < piled.length; ) {
    const from = piled[i]!.from;
    let to = piled[i]!.to;
    for (i++; i < piled.length && piled[i]!.from <= to; i++) to = Math.max(to, piled[i]!.to);
    decos.push(Decoration.inline(from, to, { nodeName: 'ap-mark-more', class: 'ap-note ap-note--more', title: 'More notes here than are drawn: see the notes panel' }));
  }
  return DecorationSet.create(doc, decos);
}

/**
 * The window to draw once `visible` (positions on screen) is known, or null to keep `current`. The window reaches
 * `margin` positions beyond what is visible on each side; it moves only when the visible part comes within half a
 * margin of an edge that is not the document's own, so scrolling a little redraws nothing. A document of at most
 * `2 × margin` positions is drawn whole.
 */
export function nextWindow(current: DecorationWindow, visible: DecorationWindow, docSize: number, margin: number): DecorationWindow | null {
  const wanted: DecorationWindow = docSize <= 2 * margin ? WHOLE_DOCUMENT : { from: Math.max(0, visible.from - margin), to: visible.to + margin >= docSize ? Number.POSITIVE_INFINITY : visible.to + margin };
  const nearStart = current.from > 0 && visible.from - margin / 2 < current.from;
  const nearEnd = current.to < docSize && visible.to + margin / 2 > current.to;
  if (!nearStart && !nearEnd) return null;
  return wanted.from === current.from && wanted.to === current.to ? null : wanted;
}

interface Cache {
  byId: ReadonlyMap<string, AnnotationEntry>;
  /** lanes of every anchored note (so a note keeps its lane wherever the window goes) */
  lanes: ReadonlyMap<string, number>;
  window: DecorationWindow;
  set: DecorationSet;
}

const cacheKey = new PluginKey<Cache>('apparatus-annotation-decorations');

/** Positions on either side of the visible text whose notes are drawn too (about ten screens of text). */
export const WINDOW_MARGIN = 40_000;

/** A transaction that draws the notes of `window` (and only those). */
export function setDecorationWindow(tr: Transaction, window: DecorationWindow): Transaction {
  return tr.setMeta(cacheKey, window);
}

/** The window whose notes `state` draws. */
export function decorationWindow(state: EditorState): DecorationWindow {
  return cacheKey.getState(state)?.window ?? WHOLE_DOCUMENT;
}

/**
 * The plugin. Only the notes near the visible text are drawn (`WINDOW_MARGIN`): in a book with ten thousand notes
 * drawing them all would make loading (and every change of the set) redraw the whole book. A plugin view follows
 * the viewport (`ViewportWindow`) and moves the window as the reader scrolls. The set is recomputed only when the
 * notes, the window or (while loading) the document change — never on a caret move.
 */
export function annotationDecorationsPlugin(options: { margin?: number } = {}): Plugin<Cache> {
  const margin = options.margin ?? WINDOW_MARGIN;
  const compute = (doc: PMNode, byId: ReadonlyMap<string, AnnotationEntry>, lanes: ReadonlyMap<string, number>, window: DecorationWindow): Cache => ({
    byId,
    lanes,
    window,
    set: annotationDecorations(doc, byId.values(), window, lanes),
  });
  return new Plugin<Cache>({
    key: cacheKey,
    state: {
      init: (_config, state) => {
        const { byId } = annotationsOf(state);
        return compute(state.doc, byId, assignLanes([...byId.values()]), { from: 0, to: 2 * margin });
      },
      apply: (tr, prev, old, state) => {
        const { byId } = annotationsOf(state);
        const window = (tr.getMeta(cacheKey) as DecorationWindow | undefined) ?? prev.window;
        if (byId !== prev.byId) return compute(state.doc, byId, assignLanes([...byId.values()]), window);
        // While loading, slices are appended at the end: notes in the new part of the window appear.
        if (window !== prev.window || (tr.docChanged && window.to > old.doc.content.size)) return compute(state.doc, byId, prev.lanes, window);
        return tr.docChanged ? { ...prev, set: prev.set.map(tr.mapping, state.doc) } : prev;
      },
    },
    view: (view) => new ViewportWindow(view, (visible) => {
      const next = nextWindow(decorationWindow(view.state), visible, view.state.doc.content.size, margin);
      if (next) view.dispatch(setDecorationWindow(view.state.tr, next));
    }),
    props: { decorations: (state) => cacheKey.getState(state)?.set ?? DecorationSet.empty },
  });
}
