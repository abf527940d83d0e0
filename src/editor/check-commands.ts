/**
 * Checking claims against their sources in the reader (issue 12 §1): record a check on the claim under review,
 * list the checks of each claim, and step to the next claim not yet checked. Checks are notes (verification.ts):
 * they go through the annotations plugin like every note, so undo, saving and exports treat them alike.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { Command, EditorState } from 'prosemirror-state';
import { TextSelection } from 'prosemirror-state';
import type { Annotation, Body } from '../anchoring/annotation-types.ts';
import { describe } from '../anchoring/describe.ts';
import { claimCheckOf, isCheck, isChecked, relationOfStatus, type ClaimCheck, type VerificationStatus } from '../anchoring/verification.ts';
import { annotationsKey, annotationsOf, type AnnotationAction, type AnnotationEntry } from './annotation-plugin.ts';
import { docTextOf, type NoteContext } from './annotation-commands.ts';
import { ClaimIndex } from './claim-index.ts';
import { focusKey, type FocusAction } from './focus-plugin.ts';

/** What the check form gives: the claim, the reference checked (null: the claim needs a source), the outcome. */
export interface CheckDraft {
  claimId: string;
  label: string | null;
  status: VerificationStatus;
  locator: string;
  passage: string;
  /** how the reference is cited, for people (its entry's text) */
  citation?: string;
}

/** Why a draft cannot be recorded, or null: `needs-source` takes no reference, every other outcome one. */
export function checkDraftProblem(draft: CheckDraft): string | null {
  if (draft.status === 'needs-source') return draft.label === null ? null : 'A claim that needs a source has no source to check.';
  return draft.label === null ? 'Choose the source you checked.' : null;
}

/** The annotation of a check: on the claim's words, the source as a linking body, the outcome in `verification`. */
function checkAnnotation(draft: CheckDraft, target: Annotation['target'], id: string, now: string, ctx: NoteContext): Annotation {
  const body: Body[] = [];
  if (draft.label !== null) {
    body.push({
      type: 'SpecificResource',
      source: `${ctx.source}#ref-${encodeURIComponent(draft.label)}`,
      purpose: 'linking',
      relation: relationOfStatus(draft.status),
      citation: draft.citation ? `[${draft.label}] ${draft.citation}` : `[${draft.label}]`,
    });
  }
  const verification = { status: draft.status, ...(draft.locator.trim() ? { locator: draft.locator.trim() } : {}), ...(draft.passage.trim() ? { passage: draft.passage.trim() } : {}) };
  // A claim that needs a source has no source to link: the annotation then has no body (an empty one is invalid W3C).
  return { id, type: 'Annotation', motivation: 'assessing', created: now, creator: ctx.creator, ...(body.length ? { body } : {}), target, verification };
}

/**
 * Records a check of claim `draft.claimId`. The checker's own earlier check of the same claim and source is
 * replaced (its id and creation date kept, `modified` set); another checker's is kept beside it. Undoable.
 * False when the claim is not in the document or the draft is incomplete (`checkDraftProblem`).
 */
export function checkClaim(draft: CheckDraft, ctx: NoteContext): Command {
  return (state, dispatch) => {
    const range = ClaimIndex.of(state.doc).get(draft.claimId);
    if (!range || checkDraftProblem(draft)) return false;
    if (dispatch) {
      const text = docTextOf(state.doc);
      const target = describe(text.text, text.toOffset(range.from), text.toOffset(range.to), ctx.source);
      const mine = checksOn(state).get(draft.claimId)?.find((c) => c.label === draft.label && c.checker === ctx.creator.name);
      const before = mine ? annotationsOf(state).byId.get(mine.annotationId)!.annotation : null;
      const now = ctx.now();
      const fresh = checkAnnotation(draft, target, before?.id ?? ctx.newId(), before?.created ?? now, ctx);
      const annotation = before ? { ...fresh, modified: now } : fresh;
      const entry: AnnotationEntry = { annotation, range: { from: range.from, to: range.to }, status: 'exact', score: 1 };
      dispatch(
        state.tr
          .setMeta(annotationsKey, { type: 'put', entries: [entry] } satisfies AnnotationAction)
          .setMeta(focusKey, { type: 'focus-annotation', id: annotation.id } satisfies FocusAction),
      );
    }
    return true;
  };
}

/** The checks of the notes in `state`, by the claim whose words they lie on (the claim holding their start). */
export function checksOn(state: EditorState): Map<string, ClaimCheck[]> {
  return checksOf(annotationsOf(state).byId.values(), ClaimIndex.of(state.doc));
}

/** The checks among `entries`, by claim id, oldest first. Orphans and notes on no claim are left out. */
export function checksOf(entries: Iterable<AnnotationEntry>, index: ClaimIndex): Map<string, ClaimCheck[]> {
  const out = new Map<string, ClaimCheck[]>();
  for (const { annotation, range } of entries) {
    if (!range || !isCheck(annotation)) continue;
    const claim = index.at(range.from) ?? index.after(range.from - 1);
    if (!claim || claim.from >= range.to) continue;
    const list = out.get(claim.id) ?? [];
    list.push(claimCheckOf(annotation));
    out.set(claim.id, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.date.localeCompare(b.date));
  return out;
}

const sourcesCache = new WeakMap<PMNode, Map<string, readonly string[]>>();

/** The labels each claim of `doc` cites, from its claim marks (cached per document). */
function claimSources(doc: PMNode): Map<string, readonly string[]> {
  let map = sourcesCache.get(doc);
  if (!map) {
    const found = new Map<string, readonly string[]>();
    doc.descendants((node) => {
      for (const mark of node.marks) if (mark.type.name === 'claim' && !found.has(mark.attrs['id'] as string)) found.set(mark.attrs['id'] as string, mark.attrs['sources'] as string[]);
      return true;
    });
    map = found;
    sourcesCache.set(doc, map);
  }
  return map;
}

/**
 * Selects the next claim after the caret that is not yet checked (`isChecked`: every source it cites has a check,
 * or, citing none, it has any), wrapping to the first. False when every claim is checked.
 */
export const nextUncheckedClaim: Command = (state, dispatch) => {
  const index = ClaimIndex.of(state.doc);
  const checks = checksOn(state);
  const sources = claimSources(state.doc);
  const open = index.ranges.filter((r) => !isChecked(sources.get(r.id) ?? [], checks.get(r.id) ?? []));
  if (open.length === 0) return false;
  const here = state.selection.from;
  const next = open.find((r) => r.from > here) ?? open[0]!;
  if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, next.from, next.to)).scrollIntoView());
  return true;
};
