/**
 * Annotations in the editor: plugin state as a pure reducer (like the ProseMirror track-changes example).
 *
 * Each annotation is an entry with its document range (null for orphans and replies), its anchoring status and
 * score. `apply` first maps every range through `tr.mapping`, then applies at most one typed `AnnotationAction`
 * from the transaction's meta. Changes made by the user (`put`, `remove`) are undoable: the reducer keeps its own
 * undo and redo stacks of changes, because notes are not document steps (the text never changes).
 * Orphans stay in the state — shown in the "Unanchored" list — and are never dropped.
 *
 * The state also holds what the reading session must show beside the notes: records that could not be read (from
 * the notes file, the browser's storage or an import; `addUnreadable`) and warnings (an altered text, no durable
 * storage; `addWarnings`). Neither is a change of the set: they do not bump `version`, so they are never saved.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { Mapping } from 'prosemirror-transform';
import type { Annotation } from '../anchoring/annotation-types.ts';
import type { Placement } from '../anchoring/placement.ts';
import type { UnreadableNote } from '../anchoring/unreadable-note.ts';

export type { UnreadableNote } from '../anchoring/unreadable-note.ts';

/** One annotation in the reader: the annotation and where it lies in the document (`Placement`). */
export interface AnnotationEntry extends Placement {
  annotation: Annotation;
}

/** One undoable change: the entries of the touched ids before and after (null = absent). */
interface Change {
  before: ReadonlyMap<string, AnnotationEntry | null>;
  after: ReadonlyMap<string, AnnotationEntry | null>;
}

/** The annotations plugin's state: immutable, replaced by `applyAnnotations` on every change. */
export interface AnnotationsState {
  /** every entry, by id, in load/creation order */
  byId: ReadonlyMap<string, AnnotationEntry>;
  /** bumps on every change of the set (for autosave and snapshots) */
  version: number;
  undo: readonly Change[];
  redo: readonly Change[];
  /** true once the starting set is in (the first `load`): until then nothing is saved and no snapshot is sent */
  loaded: boolean;
  /** records that could not be read, in the order they were reported (never removed) */
  unreadable: readonly UnreadableNote[];
  /** sentences the reader must show prominently, in the order they were reported (never removed) */
  warnings: readonly string[];
}

/**
 * What a transaction can do to the annotations (as its `annotationsKey` meta). `load` replaces the set (not undoable)
 * and adds what could not be read and the warnings found while loading it. `remote` applies what the server's feed
 * brought (other members' notes, their deletions, the version an author chose in a conflict): a change of the set
 * (saved), but not the reader's own, so not undoable and never sent back (src/sync).
 */
export type AnnotationAction =
  | { type: 'load'; entries: readonly AnnotationEntry[]; unreadable?: readonly UnreadableNote[]; warnings?: readonly string[] }
  | { type: 'add-unreadable'; records: readonly UnreadableNote[] }
  | { type: 'add-warnings'; warnings: readonly string[] }
  | { type: 'put'; entries: readonly AnnotationEntry[] }
  | { type: 'remove'; ids: readonly string[] }
  | { type: 'remote'; entries: readonly AnnotationEntry[]; removed: readonly string[] }
  | { type: 'undo' }
  | { type: 'redo' };

/** The annotations plugin's key (its state is `AnnotationsState`, its meta an `AnnotationAction`). */
export const annotationsKey = new PluginKey<AnnotationsState>('apparatus-annotations');

/** Most undo steps kept. */
export const UNDO_DEPTH = 200;

const EMPTY: AnnotationsState = { byId: new Map(), version: 0, undo: [], redo: [], loaded: false, unreadable: [], warnings: [] };

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

/** `list` with `more` after it (the same array when there is nothing more, so identity says "unchanged"). */
function appended<T>(list: readonly T[], more: readonly T[] | undefined): readonly T[] {
  return more && more.length ? [...list, ...more] : list;
}

/** The pure reducer. */
export function applyAnnotations(state: AnnotationsState, tr: Transaction): AnnotationsState {
  const byId = tr.docChanged ? mapEntries(state.byId, tr.mapping) : state.byId;
  const base = byId === state.byId ? state : { ...state, byId };
  const action = tr.getMeta(annotationsKey) as AnnotationAction | undefined;
  if (!action) return base;
  switch (action.type) {
    case 'load':
      return {
        ...base,
        byId: new Map(action.entries.map((e) => [e.annotation.id, e])),
        version: base.version + 1,
        undo: [],
        redo: [],
        loaded: true,
        unreadable: appended(base.unreadable, action.unreadable),
        warnings: appended(base.warnings, action.warnings),
      };
    case 'add-unreadable':
      return action.records.length ? { ...base, unreadable: appended(base.unreadable, action.records) } : base;
    case 'add-warnings':
      return action.warnings.length ? { ...base, warnings: appended(base.warnings, action.warnings) } : base;
    case 'remote': {
      if (!action.entries.length && !action.removed.some((id) => base.byId.has(id))) return base;
      const after = new Map<string, AnnotationEntry | null>([...action.removed.map((id) => [id, null] as const), ...action.entries.map((e) => [e.annotation.id, e] as const)]);
      return { ...base, byId: applyChange(base.byId, after), version: base.version + 1 };
    }
    case 'put':
    case 'remove': {
      const ids = action.type === 'put' ? action.entries.map((e) => e.annotation.id) : withReplies(base.byId, action.ids);
      const before = new Map(ids.map((id) => [id, base.byId.get(id) ?? null]));
      const after = new Map<string, AnnotationEntry | null>(
        action.type === 'put' ? action.entries.map((e) => [e.annotation.id, e]) : ids.map((id) => [id, null]),
      );
      if (ids.length === 0) return base;
      const change: Change = { before, after };
      return { ...base, byId: applyChange(base.byId, after), version: base.version + 1, undo: [...base.undo, change].slice(-UNDO_DEPTH), redo: [] };
    }
    case 'undo': {
      const change = base.undo[base.undo.length - 1];
      if (!change) return base;
      return { ...base, byId: applyChange(base.byId, change.before), version: base.version + 1, undo: base.undo.slice(0, -1), redo: [...base.redo, change] };
    }
    case 'redo': {
      const change = base.redo[base.redo.length - 1];
      if (!change) return base;
      return { ...base, byId: applyChange(base.byId, change.after), version: base.version + 1, undo: [...base.undo, change], redo: base.redo.slice(0, -1) };
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
