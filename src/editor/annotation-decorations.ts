/**
 * Highlights for annotations, computed by a pure function of the annotation state and cached by its identity (a
 * caret move or a focus change recomputes nothing). Overlapping notes nest their highlight elements,
 * so overlaps show darker.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import { annotationsOf, type AnnotationEntry } from './annotation-plugin.ts';

/**
 * Assigns each anchored entry a lane so that no two overlapping notes share one (greedy interval colouring in
 * document order). ProseMirror merges the attributes of overlapping inline decorations with the same element
 * name into one element, so each lane gets its own element name (`ap-mark-0`, `ap-mark-1`, …): overlapping notes
 * then nest, each keeps its own `data-annotation`, and the stacked highlights show the overlap.
 */
export function assignLanes(entries: readonly AnnotationEntry[]): Map<string, number> {
  const sorted = entries.filter((e) => e.range && e.range.from < e.range.to).sort((a, b) => a.range!.from - b.range!.from || b.range!.to - a.range!.to);
  const laneEnds: number[] = [];
  const lanes = new Map<string, number>();
  for (const e of sorted) {
    let lane = laneEnds.findIndex((end) => end <= e.range!.from);
    if (lane < 0) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = e.range!.to;
    lanes.set(e.annotation.id, lane);
  }
  return lanes;
}

/** The decoration set for `entries` on `doc` (the focused note is outlined by highlight-plugin.ts, not here). */
export function annotationDecorations(doc: PMNode, entries: Iterable<AnnotationEntry>): DecorationSet {
  const list = [...entries];
  const lanes = assignLanes(list);
  const decos: Decoration[] = [];
  for (const e of list) {
    const lane = lanes.get(e.annotation.id);
    if (lane === undefined || !e.range) continue;
    const a = e.annotation;
    const classes = ['ap-note', `ap-note--${a.motivation}`];
    if (a.verdict) classes.push(`ap-note--verdict-${a.verdict}`);
    if (e.status === 'fuzzy') classes.push('ap-note--fuzzy');
    decos.push(
      Decoration.inline(e.range.from, e.range.to, { nodeName: `ap-mark-${lane}`, class: classes.join(' '), 'data-annotation': a.id }, { id: a.id }),
    );
  }
  return DecorationSet.create(doc, decos);
}

interface Cache {
  byId: unknown;
  set: DecorationSet;
}

const cacheKey = new PluginKey<Cache>('apparatus-annotation-decorations');

/** The plugin: recomputes only when the annotation set changed. */
export function annotationDecorationsPlugin(): Plugin<Cache> {
  const compute = (state: EditorState, prev: Cache | null): Cache => {
    const { byId } = annotationsOf(state);
    if (prev && prev.byId === byId) return prev;
    return { byId, set: annotationDecorations(state.doc, byId.values()) };
  };
  return new Plugin<Cache>({
    key: cacheKey,
    state: {
      init: (_config, state) => compute(state, null),
      apply: (_tr, prev, _old, state) => compute(state, prev),
    },
    props: { decorations: (state) => cacheKey.getState(state)?.set ?? DecorationSet.empty },
  });
}
