/**
 * The annotations plugin's state holds what could not be read and the warnings, changed by typed actions that are
 * not changes of the set (no version bump: nothing to save), never dropping what was there.
 */
import { EditorState } from 'prosemirror-state';
import { describe, expect, test } from 'vitest';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { addUnreadable, addWarnings, loadNotes, putNotes } from '../../../src/editor/annotation-commands.ts';
import { annotationsOf, annotationsPlugin } from '../../../src/editor/annotation-plugin.ts';
import { schema } from '../../../src/model/schema.ts';

const reply = (id: string) => ({ annotation: { id, target: 'urn:parent' } as Annotation, range: null, status: 'reply' as const, score: 1 });
const bad = (key: string) => ({ origin: 'f.json', key, reason: 'no target', raw: null });

describe('the annotations state', () => {
  test('load sets the set, marks the session loaded and adds what it found; the other actions do not bump the version', () => {
    let state = EditorState.create({ schema, plugins: [annotationsPlugin()] });
    const run = (c: (s: EditorState, d: (tr: import('prosemirror-state').Transaction) => void) => boolean) => c(state, (tr) => (state = state.apply(tr)));
    expect(annotationsOf(state)).toMatchObject({ loaded: false, unreadable: [], warnings: [] });
    run(addWarnings(['early']));
    run(loadNotes([reply('urn:a')], { unreadable: [bad('1')], warnings: ['altered'] }));
    const loaded = annotationsOf(state);
    expect(loaded).toMatchObject({ loaded: true, warnings: ['early', 'altered'], unreadable: [bad('1')] });
    expect(loaded.byId.size).toBe(1);

    expect(run(addUnreadable([bad('2')]))).toBe(true);
    expect(annotationsOf(state).unreadable).toEqual([bad('1'), bad('2')]);
    expect(annotationsOf(state).version).toBe(loaded.version);
    expect(annotationsOf(state).byId).toBe(loaded.byId);
    // Nothing to add: the command does not apply and the state keeps its objects.
    const before = annotationsOf(state);
    expect(run(addUnreadable([]))).toBe(false);
    expect(run(addWarnings([]))).toBe(false);
    expect(annotationsOf(state)).toBe(before);

    // A change of the set keeps them.
    run(putNotes([reply('urn:b')]));
    expect(annotationsOf(state)).toMatchObject({ version: loaded.version + 1, unreadable: [bad('1'), bad('2')], warnings: ['early', 'altered'] });
  });
});
