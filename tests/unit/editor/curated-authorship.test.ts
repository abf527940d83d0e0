/**
 * Curated notes belong to their editors (issue 11 §3, local-only use too): a reader's "Edit" of a curated note adds
 * a proposed edit signed by the reader (motivation `editing`, target the curated note) and leaves the curated note
 * exactly as the editors wrote it; the reader's own notes are still edited in place.
 */
import { readFileSync } from 'node:fs';
import { EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, test } from 'vitest';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { noteText, type NoteDraft } from '../../../src/anchoring/note-draft.ts';
import { editNote, loadNotes, reviseNote, type NoteContext } from '../../../src/editor/annotation-commands.ts';
import { annotationsOf, annotationsPlugin } from '../../../src/editor/annotation-plugin.ts';
import { schema } from '../../../src/model/schema.ts';

// The project's curated notes on the Kavbiuro article, as shipped.
const curatedFile = JSON.parse(readFileSync(new URL('../../../annotations/kavbiuro.jsonld', import.meta.url), 'utf8')) as { first: { items: Annotation[] } };
const curated = curatedFile.first.items[0]!;
const ctx: NoteContext = {
  source: 'https://example.org/work',
  creator: { type: 'Person', name: 'Ada Reader' },
  newId: () => 'urn:uuid:proposal-1',
  now: () => '2026-12-05T12:00:00.000Z',
};
const draft: NoteDraft = { text: 'I read this differently: the date is 4 July.', motivation: 'assessing', tags: ['date'], verdict: '', certainty: '' };

function session(notes: Annotation[]) {
  let state = EditorState.create({ schema, plugins: [annotationsPlugin()] });
  const run = (c: (s: EditorState, d: (tr: Transaction) => void) => boolean) => c(state, (tr) => (state = state.apply(tr)));
  run(loadNotes(notes.map((annotation) => ({ annotation, range: null, status: 'orphan' as const, score: 0 }))));
  return { run, notes: () => annotationsOf(state).byId };
}

describe('editing a curated note', () => {
  test('the shipped curated notes are signed by the editors (the premise of this rule)', () => {
    expect(curated.creator).toEqual({ type: 'Organization', name: 'Apparatus editors' });
  });

  test("adds the reader's proposed edit beside it and leaves the editors' note untouched", () => {
    const s = session([curated]);
    const before = JSON.stringify(curated);
    expect(s.run(reviseNote(curated.id, draft, ctx))).toBe(true);
    expect(JSON.stringify(s.notes().get(curated.id)!.annotation)).toBe(before);
    const proposal = s.notes().get('urn:uuid:proposal-1')!;
    expect(proposal.status).toBe('reply');
    expect(proposal.annotation).toMatchObject({ motivation: 'editing', target: curated.id, creator: { type: 'Person', name: 'Ada Reader' }, created: ctx.now() });
    expect(noteText(proposal.annotation)).toBe(draft.text);
    expect(proposal.annotation.body).toContainEqual({ type: 'TextualBody', value: 'date', purpose: 'tagging' });
    expect(proposal.annotation.modified).toBeUndefined();
  });

  test('a plain rewrite of a curated note is refused', () => {
    const s = session([curated]);
    expect(s.run(editNote(curated.id, draft, ctx.now()))).toBe(false);
    expect(s.notes().get(curated.id)!.annotation).toEqual(curated);
    expect(s.notes().size).toBe(1);
  });

  test("the reader's own note is still edited in place", () => {
    const own: Annotation = { ...curated, id: 'urn:uuid:own', creator: { type: 'Person', name: 'Ada Reader' } };
    const s = session([own]);
    expect(s.run(reviseNote(own.id, draft, ctx))).toBe(true);
    expect(s.notes().size).toBe(1);
    expect(noteText(s.notes().get(own.id)!.annotation)).toBe(draft.text);
    expect(s.notes().get(own.id)!.annotation.modified).toBe(ctx.now());
  });
});
