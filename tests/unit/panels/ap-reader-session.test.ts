// @vitest-environment happy-dom
/**
 * `<ap-reader>` and the session's state: the note form quotes the editor's selection (`state.selection`, the words
 * `createNote` annotates), not whatever the DOM selection says; and a new author name goes up as an event without
 * the element rewriting the `noteContext` it was given.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextSelection } from 'prosemirror-state';
import { afterEach, describe, expect, test } from 'vitest';
import { loadNotes, pageNoteContext, selectedPassage } from '../../../src/editor/annotation-commands.ts';
import { annotationsOf } from '../../../src/editor/annotation-plugin.ts';
import { createReaderState } from '../../../src/editor/create-state.ts';
import { mountReaderEditor, type ReaderEditor } from '../../../src/editor/reader-view.ts';
import { SnapshotBuilder } from '../../../src/editor/snapshot.ts';
import { buildDoc } from '../../../src/model/build-doc.ts';
import { importText } from '../../../src/model/import-text.ts';
import type { WorkMeta } from '../../../src/model/work.ts';
import '../../../src/panels/ap-reader.ts';
import { AuthorChangeEvent, NoteSubmitEvent } from '../../../src/panels/events.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const imported = importText(readFileSync(join(root, 'corpus/kavbiuro/text.txt'), 'utf8'));
const meta = JSON.parse(readFileSync(join(root, 'corpus/kavbiuro/work.json'), 'utf8')) as WorkMeta;

let editor: ReaderEditor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
  document.body.replaceChildren();
});

async function reader() {
  const el = document.createElement('ap-reader');
  const place = document.createElement('div');
  place.slot = 'text';
  el.append(place);
  document.body.append(el);
  editor = mountReaderEditor(place, createReaderState(buildDoc(imported), { snapshots: { target: el, builder: new SnapshotBuilder(meta, imported) } }), 'test');
  editor.run(loadNotes([]));
  el.editor = editor;
  el.noteContext = pageNoteContext(meta.iri, '');
  // A passage of the first paragraph, selected in the editor's state only.
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, 5, 40)));
  await el.updateComplete;
  return el;
}

describe('<ap-reader> and the editor state', () => {
  test("the note form quotes the editor's selection", async () => {
    const el = await reader();
    globalThis.getSelection?.()?.removeAllRanges();
    el.openCreateForm();
    await el.updateComplete;
    const form = el.shadowRoot!.querySelector('ap-note-form') as unknown as { quote: string } | null;
    expect(form).not.toBeNull();
    const passage = selectedPassage(editor!.state)!;
    expect(passage.exact.length).toBeGreaterThan(20);
    expect(form!.quote).toBe(passage.exact);
  });

  test('a new author signs the note and goes up as an event; the given noteContext is not rewritten', async () => {
    const el = await reader();
    const given = el.noteContext;
    const names: string[] = [];
    el.addEventListener(AuthorChangeEvent.type, (e) => names.push(e.detail.name));
    el.openCreateForm();
    await el.updateComplete;
    el.dispatchEvent(new NoteSubmitEvent({ text: 'A note', motivation: 'commenting', tags: [], verdict: '', certainty: '' }, 'New Name'));
    const notes = [...annotationsOf(editor!.state).byId.values()];
    expect(notes).toHaveLength(1);
    expect(notes[0]!.annotation.creator?.name).toBe('New Name');
    expect(names).toEqual(['New Name']);
    expect(el.noteContext).toBe(given);
  });
});
