/**
 * Commands on annotations, `(state, dispatch?) => boolean`. They never change the text; they put, remove, undo and
 * redo notes through the annotations plugin, and select or focus them.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import type { AnchorResult } from '../anchoring/anchor-result.ts';
import { describe } from '../anchoring/describe.ts';
import type { Agent, Annotation } from '../anchoring/annotation-types.ts';
import { DocText } from '../anchoring/doc-text.ts';
import { placementOf } from '../anchoring/placement.ts';
import { applyDraft, draftProblem, isCurated, noteFromDraft, proposedEditFromDraft, replyFromDraft, type NoteDraft } from '../anchoring/note-draft.ts';
import { withRevision, type RevisionRef } from '../anchoring/revision-state.ts';
import type { UnreadableNote } from '../anchoring/unreadable-note.ts';
import { ANONYMOUS_READER } from '../store/creator-name.ts';
import { annotationsKey, annotationsOf, type AnnotationAction, type AnnotationEntry } from './annotation-plugin.ts';
import { focusKey, type FocusAction } from './focus-plugin.ts';

const docTexts = new WeakMap<PMNode, DocText>();

/** The canonical text of `doc` with its position maps (cached: the reader's document never changes). */
export function docTextOf(doc: PMNode): DocText {
  let t = docTexts.get(doc);
  if (!t) {
    t = DocText.fromDoc(doc);
    docTexts.set(doc, t);
  }
  return t;
}

export { ANONYMOUS_READER } from '../store/creator-name.ts';

/** Who makes new notes and how ids and times are made (the clock and randomness stay outside pure code). */
export interface NoteContext {
  /** the work's IRI: the target source of every note */
  source: string;
  creator: Agent;
  newId: () => string;
  now: () => string;
  /** The revision of the work the page reads, recorded on every new note's target when the work has several. */
  revision?: RevisionRef;
}

/** The page's note context: notes on `source`, signed `name` ('' for anonymous), with new uuids and the clock. */
export function pageNoteContext(source: string, name: string, revision?: RevisionRef): NoteContext {
  return {
    ...(revision ? { revision } : {}),
    source,
    creator: { type: 'Person', name: name || ANONYMOUS_READER },
    newId: () => `urn:uuid:${crypto.randomUUID()}`,
    now: () => new Date().toISOString(),
  };
}

/**
 * Entries for `annotations` from their anchors on `doc`'s canonical text (as `anchorAll` gives them): text targets at
 * their document range, orphans without one (kept), replies as replies.
 */
export function entriesFromAnchors(doc: PMNode, annotations: readonly Annotation[], anchors: ReadonlyMap<string, AnchorResult>): AnnotationEntry[] {
  const text = docTextOf(doc);
  return annotations.map((annotation) => ({ annotation, ...placementOf(text, annotation, anchors.get(annotation.id)) }));
}

function act(action: AnnotationAction): Command {
  return (state, dispatch) => {
    if (dispatch) dispatch(state.tr.setMeta(annotationsKey, action).setMeta('addToHistory', false));
    return true;
  };
}

/**
 * Replaces the whole set (at load), adding what could not be read and the warnings found while loading. Not
 * undoable. The first load makes the session ready: snapshots are sent and changes saved from then on.
 */
export function loadNotes(entries: readonly AnnotationEntry[], found: { unreadable?: readonly UnreadableNote[]; warnings?: readonly string[] } = {}): Command {
  return act({ type: 'load', entries, ...found });
}

/** Lists `records` as could not be read (imports). Not undoable, not saved. False when there are none. */
export function addUnreadable(records: readonly UnreadableNote[]): Command {
  return (state, dispatch) => (records.length ? act({ type: 'add-unreadable', records })(state, dispatch) : false);
}

/** Shows `warnings` prominently. Not undoable, not saved. False when there are none. */
export function addWarnings(warnings: readonly string[]): Command {
  return (state, dispatch) => (warnings.length ? act({ type: 'add-warnings', warnings })(state, dispatch) : false);
}

/**
 * The passage the selection covers, in canonical offsets, with its words (`exact`): what `createNote` annotates and
 * what the note form shows. Null when the selection is empty or covers no text (only block edges).
 */
export function selectedPassage(state: EditorState): { start: number; end: number; exact: string } | null {
  const { from, to, empty } = state.selection;
  if (empty) return null;
  const text = docTextOf(state.doc);
  const start = text.toOffset(from);
  const end = text.toOffset(to);
  return end > start ? { start, end, exact: text.text.slice(start, end) } : null;
}

/**
 * A new note on the selection (`selectedPassage`). False when the selection covers no text or the draft is empty
 * (`draftProblem` says why).
 */
export function createNote(draft: NoteDraft, ctx: NoteContext): Command {
  return (state, dispatch) => {
    const passage = selectedPassage(state);
    if (!passage || draftProblem(draft)) return false;
    if (dispatch) {
      const { from, to } = state.selection;
      const described = describe(docTextOf(state.doc).text, passage.start, passage.end, ctx.source);
      const target = ctx.revision ? withRevision(described, ctx.revision) : described;
      const annotation = noteFromDraft(draft, target, ctx.newId(), ctx.now(), ctx.creator);
      const entry: AnnotationEntry = { annotation, range: { from, to }, status: 'exact', score: 1 };
      dispatch(
        state.tr
          .setMeta(annotationsKey, { type: 'put', entries: [entry] } satisfies AnnotationAction)
          .setMeta(focusKey, { type: 'focus-annotation', id: annotation.id } satisfies FocusAction),
      );
    }
    return true;
  };
}

/**
 * Edits note `id` with `draft`. False when there is no such note, the draft is empty, or the note is curated
 * (`isCurated`: the editors' words are never rewritten under their name — `reviseNote` proposes an edit instead).
 */
export function editNote(id: string, draft: NoteDraft, now: string): Command {
  return (state, dispatch) => {
    const entry = annotationsOf(state).byId.get(id);
    if (!entry || draftProblem(draft) || isCurated(entry.annotation)) return false;
    return act({ type: 'put', entries: [{ ...entry, annotation: applyDraft(entry.annotation, draft, now) }] })(state, dispatch);
  };
}

/**
 * What the reader's "Edit" does: rewrites note `id` with `draft` (`editNote`) — unless the note is curated, when
 * `draft` becomes a proposed edit of it (`proposedEditFromDraft`: a reply with motivation `editing`, signed by
 * `ctx.creator`) and the curated note stays as its editors wrote it. False when there is no such note or the draft
 * is empty.
 */
export function reviseNote(id: string, draft: NoteDraft, ctx: NoteContext): Command {
  return (state, dispatch) => {
    const entry = annotationsOf(state).byId.get(id);
    if (!entry || draftProblem(draft)) return false;
    if (!isCurated(entry.annotation)) return editNote(id, draft, ctx.now())(state, dispatch);
    const annotation = proposedEditFromDraft(draft, id, ctx.newId(), ctx.now(), ctx.creator);
    return act({ type: 'put', entries: [{ annotation, range: null, status: 'reply', score: 1 }] })(state, dispatch);
  };
}

/** A reply to note `parentId`. False when there is no such note or the text is empty. */
export function replyToNote(parentId: string, text: string, ctx: NoteContext): Command {
  return (state, dispatch) => {
    if (!annotationsOf(state).byId.has(parentId) || !text.trim()) return false;
    const annotation = replyFromDraft(text, parentId, ctx.newId(), ctx.now(), ctx.creator);
    return act({ type: 'put', entries: [{ annotation, range: null, status: 'reply', score: 1 }] })(state, dispatch);
  };
}

/** Puts entries as they are (imports). Undoable. */
export function putNotes(entries: readonly AnnotationEntry[]): Command {
  return (state, dispatch) => (entries.length ? act({ type: 'put', entries })(state, dispatch) : false);
}

/** Deletes notes and their replies. Undoable. False when none of `ids` exists. */
export function deleteNotes(ids: readonly string[]): Command {
  return (state, dispatch) => {
    const byId = annotationsOf(state).byId;
    if (!ids.some((id) => byId.has(id))) return false;
    return act({ type: 'remove', ids: ids.filter((id) => byId.has(id)) })(state, dispatch);
  };
}

/** Undoes the last change to the notes. False when there is nothing to undo. */
export const undoNotes: Command = (state, dispatch) => (annotationsOf(state).undo.length ? act({ type: 'undo' })(state, dispatch) : false);

/** Redoes the last undone change. False when there is nothing to redo. */
export const redoNotes: Command = (state, dispatch) => (annotationsOf(state).redo.length ? act({ type: 'redo' })(state, dispatch) : false);

/** Selects note `id`'s passage (if anchored), scrolls to it and focuses the note. False when there is no such note. */
export function focusNote(id: string): Command {
  return (state, dispatch) => {
    const entry = annotationsOf(state).byId.get(id);
    if (!entry) return false;
    if (dispatch) {
      let tr = state.tr;
      if (entry.range) tr = tr.setSelection(TextSelection.create(state.doc, entry.range.from, entry.range.to)).scrollIntoView();
      dispatch(tr.setMeta(focusKey, { type: 'focus-annotation', id } satisfies FocusAction));
    }
    return true;
  };
}
