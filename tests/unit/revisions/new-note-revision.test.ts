// @vitest-environment happy-dom
/** A note made on a work followed across revisions records the revision it was made on (issue 10). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, test } from 'vitest';
import type { TextTarget } from '../../../src/anchoring/annotation-types.ts';
import { revisionOfTarget } from '../../../src/anchoring/revision-state.ts';
import { annotationsOf } from '../../../src/editor/annotation-plugin.ts';
import { createNote, loadNotes, pageNoteContext } from '../../../src/editor/annotation-commands.ts';
import { createReaderState } from '../../../src/editor/create-state.ts';
import { buildDoc } from '../../../src/model/build-doc.ts';
import { importText } from '../../../src/model/import-text.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const imported = importText(readFileSync(join(root, 'tests/fixtures/revisions/kavbiuro-revised.txt'), 'utf8'));
const draft = { text: 'a note', motivation: 'commenting' as const, tags: [], verdict: '' as const, certainty: '' as const };

function noteMadeWith(ctx: ReturnType<typeof pageNoteContext>): TextTarget {
  let state: EditorState = createReaderState(buildDoc(imported));
  const run = (command: (s: EditorState, d: (tr: import('prosemirror-state').Transaction) => void) => boolean) => command(state, (tr) => (state = state.apply(tr)));
  run(loadNotes([]));
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 5, 15)));
  expect(run(createNote(draft, ctx))).toBe(true);
  return [...annotationsOf(state).byId.values()][0]!.annotation.target as TextTarget;
}

describe('new notes and revisions', () => {
  test('on a work read on one of several revisions, a new note records that revision as its State', () => {
    const target = noteMadeWith(pageNoteContext('https://en.wikipedia.org/wiki/Kavbiuro', 'T', { sha256: 'e'.repeat(64), date: '2026-12-01T09:30:00Z' }));
    expect(revisionOfTarget(target)).toEqual({ sha256: 'e'.repeat(64), kept: false });
    expect(target.state).toMatchObject({ type: 'TimeState', sourceDate: '2026-12-01T09:30:00Z' });
  });

  test('on a work with one revision, a new note has no State, as before', () => {
    expect(noteMadeWith(pageNoteContext('https://en.wikipedia.org/wiki/Kavbiuro', 'T'))).not.toHaveProperty('state');
  });
});
