/**
 * What a note form edits, and the pure conversions between a draft and a W3C annotation: a new note on a text
 * target, an edit of an existing note (every field the form does not show is kept), and a reply.
 *
 * The note's words are written as Markdown (`format: "text/markdown"`, read by model/markdown-body.ts); notes
 * written elsewhere keep the format they have until they are edited here.
 */
import type { Agent, Annotation, Body, Certainty, Motivation, Position, SourceLink, TextTarget, TextualBody, Verdict } from './annotation-types.ts';

/** The fields of the note form. Empty strings mean "not set". */
export interface NoteDraft {
  text: string;
  motivation: Motivation;
  tags: string[];
  verdict: Verdict | '';
  certainty: Certainty | '';
  /**
   * The note's sources (note-sources.ts), in order. Absent: the form did not show them, and an edit keeps the
   * note's sources as they are; present (even empty): they replace the note's sources.
   */
  sources?: SourceLink[];
  /** Who holds which view (as the curated notes have them). Absent: kept as they are; present: replace them. */
  positions?: Position[];
}

/** Splits a tag field ("a, b;c") into trimmed, distinct, non-empty tags. */
export function parseTags(field: string): string[] {
  return [...new Set(field.split(/[,;\n]/).map((t) => t.trim()).filter(Boolean))];
}

/** The note body of an annotation: its first TextualBody that is not a tag, or undefined. */
export function noteBody(a: Annotation): TextualBody | undefined {
  return (a.body ?? []).find((b): b is TextualBody => b.type === 'TextualBody' && b.purpose !== 'tagging');
}

/** The note text of an annotation: its first TextualBody that is not a tag (or '' when none). */
export function noteText(a: Annotation): string {
  return noteBody(a)?.value ?? '';
}

/** The tags of an annotation (TextualBody with purpose `tagging`). */
export function noteTags(a: Annotation): string[] {
  return (a.body ?? []).filter((b): b is TextualBody => b.type === 'TextualBody' && b.purpose === 'tagging').map((b) => b.value);
}

/** The source links of an annotation (its `SpecificResource` bodies), in order. */
export function noteSources(a: Annotation): SourceLink[] {
  return (a.body ?? []).filter((b): b is SourceLink => b.type === 'SpecificResource');
}

/** The draft an edit form starts from. */
export function draftOf(a: Annotation): NoteDraft {
  return {
    text: noteText(a),
    motivation: a.motivation,
    tags: noteTags(a),
    verdict: a.verdict ?? '',
    certainty: a.certainty ?? '',
    sources: noteSources(a),
    positions: [...(a.positions ?? [])],
  };
}

/** Bodies for a draft: the note (if any text, as Markdown), then one tagging body per tag, then its sources, then `keep`. */
function bodiesOf(draft: NoteDraft, keep: readonly Body[]): Body[] {
  const bodies: Body[] = [];
  if (draft.text.trim()) bodies.push({ type: 'TextualBody', value: draft.text, format: 'text/markdown', purpose: draft.motivation === 'replying' ? 'replying' : 'commenting' });
  for (const tag of draft.tags) bodies.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  return [...bodies, ...(draft.sources ?? []), ...keep];
}

/** Why a draft cannot be saved, or null when it can: a note needs text, a tag, a verdict, a source or (for a reply) text. */
export function draftProblem(draft: NoteDraft): string | null {
  if (draft.motivation === 'replying') return draft.text.trim() ? null : 'A reply needs some text.';
  if (!draft.text.trim() && draft.tags.length === 0 && !draft.verdict && !draft.sources?.length) return 'Write a note, add a tag, a source or choose a verdict.';
  return null;
}

/** `positions` set on `a` when the draft has some; left out when empty. */
function setPositions(a: Annotation, positions: readonly Position[] | undefined): void {
  if (positions === undefined) return;
  if (positions.length) a.positions = [...positions];
  else delete a.positions;
}

/** A new note. `id` is an IRI (e.g. `urn:uuid:…`); `now` an ISO 8601 time. */
export function noteFromDraft(draft: NoteDraft, target: TextTarget, id: string, now: string, creator: Agent): Annotation {
  const a: Annotation = { id, type: 'Annotation', motivation: draft.motivation, created: now, creator, body: bodiesOf(draft, []), target };
  if (draft.verdict) a.verdict = draft.verdict;
  if (draft.certainty) a.certainty = draft.certainty;
  setPositions(a, draft.positions);
  return a;
}

/**
 * `a` edited by `draft`: note, tags, motivation, verdict, certainty replaced, and its sources and positions when the
 * draft has them (else kept); target, creator and every unknown field kept.
 */
export function applyDraft(a: Annotation, draft: NoteDraft, now: string): Annotation {
  const others = (a.body ?? []).filter((b) => b.type !== 'TextualBody' && (draft.sources === undefined || b.type !== 'SpecificResource'));
  const next: Annotation = { ...a, motivation: draft.motivation, body: bodiesOf(draft, others), modified: now };
  if (draft.verdict) next.verdict = draft.verdict;
  else delete next.verdict;
  if (draft.certainty) next.certainty = draft.certainty;
  else delete next.certainty;
  setPositions(next, draft.positions);
  return next;
}

/** A reply to the annotation `parentId` (W3C: motivation `replying`, target = the parent's IRI). */
export function replyFromDraft(text: string, parentId: string, id: string, now: string, creator: Agent): Annotation {
  return {
    id,
    type: 'Annotation',
    motivation: 'replying',
    created: now,
    creator,
    body: [{ type: 'TextualBody', value: text, format: 'text/markdown', purpose: 'replying' }],
    target: parentId,
  };
}

/**
 * Whether `a` is a curated note: signed by an organisation (the project's editors, "Apparatus editors"), not by a
 * reader. A reader never rewrites one: their words become a proposed edit (`proposedEditFromDraft`), so the
 * editors' name is never left on words they did not write.
 */
export function isCurated(a: Annotation): boolean {
  return a.creator?.type === 'Organization';
}

/**
 * A reader's proposed edit of the note `parentId` (W3C: motivation `editing`, target = the parent's IRI): the
 * draft's text (purpose `editing`), tags, verdict and certainty, signed by `creator`. The parent is left as it is.
 */
export function proposedEditFromDraft(draft: NoteDraft, parentId: string, id: string, now: string, creator: Agent): Annotation {
  const body = bodiesOf(draft, []).map((b) => (b.type === 'TextualBody' && b.purpose !== 'tagging' ? { ...b, purpose: 'editing' as const } : b));
  const a: Annotation = { id, type: 'Annotation', motivation: 'editing', created: now, creator, body, target: parentId };
  if (draft.verdict) a.verdict = draft.verdict;
  if (draft.certainty) a.certainty = draft.certainty;
  setPositions(a, draft.positions);
  return a;
}
