/**
 * Annotations in the editor: plugin state as a pure reducer (like the ProseMirror track-changes example).
 *
 * Each annotation is an entry with its document range (null for orphans and replies), its anchoring status and
 * score. `apply` first maps every range through `tr.mapping`, then applies at most one typed `AnnotationAction`
 * from the transaction's meta. Changes made by the user (`put`, `remove`) are undoable: the reducer keeps its own
 * undo and redo stacks of changes, because notes are not document steps (the text never changes).
 * Orphans stay in the state — shown in the "Unanchored" list — and are never dropped.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { Mapping } from 'prosemirror-transform';
import type { AnchorStatus } from '../anchoring/anchor-result.ts';
import type { Annotation } from '../anchoring/annotation-types.ts';

/** One annotation in the reader. */
export interface AnnotationEntry {
  annotation: Annotation;
  /** its range in document positions, or null for an orphan or a reply */
  range: { from: number; to: number } | null;
  /** how it was anchored; `reply` for replies (they hang off their parent) */
  status: AnchorStatus | 'reply';
  score: number;
}

/** One undoable change: the entries of the touched ids before and after (null = absent). */
interface Change {
  before: ReadonlyMap<string, AnnotationEntry | null>;
  after: ReadonlyMap<string, AnnotationEntry | null>;
}

export interface AnnotationsState {
  /** every entry, by id, in load/creation order */
  byId: ReadonlyMap<string, AnnotationEntry>;
  /** bumps on every change of the set (for autosave and snapshots) */
  version: number;
  undo: readonly Change[];
  redo: readonly Change[];
}

export type AnnotationAction =
  | { type: 'load'; entries: readonly AnnotationEntry[] }
  | { type: 'put'; entries: readonly AnnotationEntry[] }
  | { type: 'remove'; ids: readonly string[] }
  | { type: 'undo' }
  | { type: 'redo' };

export const annotationsKey = new PluginKey<AnnotationsState>('apparatus-annotations');

/** Most undo steps kept. */
export const UNDO_DEPTH = 200;

const EMPTY: AnnotationsState = { byId: new Map(), version: 0, undo: [], redo: [] };

function mapEntries(byId: ReadonlyMap<string, AnnotationEntry>, mapping: Mapping): ReadonlyMap<string, AnnotationEntry> {
  let changed = false;
  const out = new Map<string, AnnotationEntry>();
  for (const [id, e] of byId) {
    if (!e.range) {
      out.set(id, e);
      continue;
    }
    const from = mapping.map(e.range.from, 1);
    const to = Math.max(from, mapping.map(e.range.to, -1));
    if (from === e.range.from && to === e.range.to) out.set(id, e);
    else {
      changed = true;
      out.set(id, { ...e, range: { from, to } });
    }
  }
  return changed ? out : byId;
}

function applyChange(byId: ReadonlyMap<string, AnnotationEntry>, to: ReadonlyMap<string, AnnotationEntry | null>): Map<string, AnnotationEntry> {
  const out = new Map(byId);
  for (const [id, e] of to) {
    if (e) out.set(id, e);
    else out.delete(id);
  }
  return out;
}

/** The ids of `ids` plus every reply below them (replies to replies too). */
export function withReplies(byId: ReadonlyMap<string, AnnotationEntry>, ids: readonly string[]): string[] {
  const out = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, e] of byId) {
      const t = e.annotation.target;
      if (typeof t === 'string' && out.has(t) && !out.has(id)) {
        out.add(id);
        grew = true;
      }
    }
  }
  return [...out];
}

/** The pure reducer. */
export function applyAnnotations(state: AnnotationsState, tr: Transaction): AnnotationsState {
  const byId = tr.docChanged ? mapEntries(state.byId, tr.mapping) : state.byId;
  const base = byId === state.byId ? state : { ...state, byId };
  const action = tr.getMeta(annotationsKey) as AnnotationAction | undefined;
  if (!action) return base;
  switch (action.type) {
    case 'load':
      return { byId: new Map(action.entries.map((e) => [e.annotation.id, e])), version: base.version + 1, undo: [], redo: [] };
    case 'put':
    case 'remove': {
      const ids = action.type === 'put' ? action.entries.map((e) => e.annotation.id) : withReplies(base.byId, action.ids);
      const before = new Map(ids.map((id) => [id, base.byId.get(id) ?? null]));
      const after = new Map<string, AnnotationEntry | null>(
        action.type === 'put' ? action.entries.map((e) => [e.annotation.id, e]) : ids.map((id) => [id, null]),
      );
      if (ids.length === 0) return base;
      const change: Change = { before, after };
      return { byId: applyChange(base.byId, after), version: base.version + 1, undo: [...base.undo, change].slice(-UNDO_DEPTH), redo: [] };
    }
    case 'undo': {
      const change = base.undo[base.undo.length - 1];
      if (!change) return base;
      return { byId: applyChange(base.byId, change.before), version: base.version + 1, undo: base.undo.slice(0, -1), redo: [...base.redo, change] };
    }
    case 'redo': {
      const change = base.redo[base.redo.length - 1];
      if (!change) return base;
      return { byId: applyChange(base.byId, change.after), version: base.version + 1, undo: [...base.undo, change], redo: base.redo.slice(0, -1) };
    }
  }
}

/** The annotations plugin (state only; decorations come from `annotation-decorations.ts`). */
export function annotationsPlugin(): Plugin<AnnotationsState> {
  return new Plugin<AnnotationsState>({
    key: annotationsKey,
    state: { init: () => EMPTY, apply: (tr, value) => applyAnnotations(value, tr) },
  });
}

/** The annotations state of `state` (empty when the plugin is absent). */
export function annotationsOf(state: EditorState): AnnotationsState {
  return annotationsKey.getState(state) ?? EMPTY;
}
