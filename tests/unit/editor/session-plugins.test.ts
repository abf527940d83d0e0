// @vitest-environment happy-dom
/**
 * The reading session's plugin views, in a real EditorView on happy-dom: the snapshot view sends a snapshot to its
 * target after each update (none while loading or before the notes are in; the same object is never sent twice),
 * and the autosave view hands every change of the notes to the autosave (not the loaded set itself, not what could
 * not be read), flushes it when the page is hidden, and warns before unload while saving fails.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextSelection } from 'prosemirror-state';
import { afterEach, describe, expect, test } from 'vitest';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { parseAnnotationFile } from '../../../src/anchoring/annotation-file.ts';
import { addUnreadable, addWarnings, createNote, loadNotes, undoNotes, type NoteContext } from '../../../src/editor/annotation-commands.ts';
import { anchorEntries } from '../../../src/editor/anchor-entries.ts';
import { createReaderState } from '../../../src/editor/create-state.ts';
import { appendBlocks, finishLoading } from '../../../src/editor/read-only.ts';
import { mountReaderEditor, type ReaderEditor } from '../../../src/editor/reader-view.ts';
import { SnapshotBuilder, type ReaderSnapshot } from '../../../src/editor/snapshot.ts';
import { blockNode, buildDoc, claimsByBlock } from '../../../src/model/build-doc.ts';
import { importText } from '../../../src/model/import-text.ts';
import { schema } from '../../../src/model/schema.ts';
import type { WorkMeta } from '../../../src/model/work.ts';
import type { SaveStatus } from '../../../src/store/autosave.ts';

// happy-dom replaces the global URL, so paths are built from the module's file path.
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const imported = importText(readFileSync(join(root, 'corpus/kavbiuro/text.txt'), 'utf8'));
const meta = JSON.parse(readFileSync(join(root, 'corpus/kavbiuro/work.json'), 'utf8')) as WorkMeta;
const curated = parseAnnotationFile(readFileSync(join(root, 'annotations/kavbiuro.jsonld'), 'utf8'), 'kavbiuro.jsonld').annotations;
const ctx: NoteContext = { source: meta.iri, creator: { type: 'Person', name: 'T' }, newId: () => `urn:uuid:${Math.random()}`, now: () => '2026-01-01T00:00:00Z' };

/** A target that counts how often a snapshot was set on it. */
function target() {
  const sent: ReaderSnapshot[] = [];
  return {
    sent,
    get snapshot(): ReaderSnapshot | null {
      return sent[sent.length - 1] ?? null;
    },
    set snapshot(s: ReaderSnapshot | null) {
      if (s) sent.push(s);
    },
  };
}

/** A stand-in autosave: records what is scheduled and flushed; its status can be set. */
function fakeAutosave() {
  const scheduled: (readonly Annotation[])[] = [];
  let flushes = 0;
  let status: SaveStatus = { state: 'idle' };
  return {
    scheduled,
    flushes: () => flushes,
    setStatus: (s: SaveStatus) => (status = s),
    sink: {
      schedule: (a: readonly Annotation[]) => void scheduled.push(a),
      flush: async () => (flushes++, status),
      get status() {
        return status;
      },
    },
  };
}

let editor: ReaderEditor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function mount(loading: boolean) {
  const panels = target();
  const saves = fakeAutosave();
  const byBlock = claimsByBlock(imported.claims);
  const doc = loading ? schema.nodes['doc']!.create(null, [blockNode(imported.blocks[0]!, byBlock.get(0) ?? [])]) : buildDoc(imported);
  const place = document.createElement('div');
  document.body.append(place);
  const state = createReaderState(doc, {
    loading,
    snapshots: { target: panels, builder: new SnapshotBuilder(meta, imported) },
    autosave: { autosave: saves.sink, window },
  });
  editor = mountReaderEditor(place, state, 'test');
  return { panels, saves, editor, byBlock };
}

describe('the snapshot view', () => {
  test('sends nothing while loading or before the notes are in, then one snapshot per visible change', () => {
    const { panels, editor, byBlock } = mount(true);
    editor.view.dispatch(appendBlocks(editor.state, imported.blocks.slice(1).map((b, i) => blockNode(b, byBlock.get(i + 1) ?? []))));
    editor.view.dispatch(finishLoading(editor.state.tr));
    expect(panels.sent).toHaveLength(0);
    editor.run(loadNotes(anchorEntries(editor.state.doc, curated), { warnings: ['the text was altered'] }));
    expect(panels.sent).toHaveLength(1);
    expect(panels.snapshot!.notes.count).toBe(curated.length);
    expect(panels.snapshot!.document.warnings).toEqual(['the text was altered']);
    // A transaction that changes nothing visible sends nothing.
    editor.view.dispatch(editor.state.tr.setMeta('unrelated', true));
    expect(panels.sent).toHaveLength(1);
    // What could not be read and new warnings come from the state too.
    editor.run(addUnreadable([{ origin: 'x.json', key: 'item 0', reason: 'not an annotation', raw: null }]));
    expect(panels.sent).toHaveLength(2);
    expect(panels.snapshot!.notes.unreadable.map((u) => u.key)).toEqual(['item 0']);
    editor.run(addWarnings(['no durable storage']));
    expect(panels.snapshot!.document.warnings).toEqual(['the text was altered', 'no durable storage']);
    expect(panels.snapshot!.notes).toBe(panels.sent[1]!.notes);
  });

  test('a caret move inside the same claim keeps the snapshot; a move to another claim sends a new caret', () => {
    const { panels, editor } = mount(false);
    editor.run(loadNotes([]));
    const first = imported.claims.find((c) => c.block === 0)!;
    const doc = editor.state.doc;
    let at = -1;
    doc.descendants((node, pos) => {
      if (at < 0 && node.isText && node.marks.some((m) => m.attrs['id'] === first.id)) at = pos;
    });
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(doc, at + 1)));
    const count = panels.sent.length;
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(doc, at + 2)));
    expect(panels.sent).toHaveLength(count);
    expect(panels.snapshot!.caret.claim?.id).toBe(first.id);
  });
});

describe('the autosave view', () => {
  test('loading is not a change; a new note, an undo are; what could not be read is not', () => {
    const { saves, editor } = mount(false);
    editor.run(loadNotes(anchorEntries(editor.state.doc, curated)));
    expect(saves.scheduled).toHaveLength(0);
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, 5, 15)));
    expect(editor.run(createNote({ text: 'a note', motivation: 'commenting', tags: [], verdict: '', certainty: '' }, ctx))).toBe(true);
    expect(saves.scheduled).toHaveLength(1);
    expect(saves.scheduled[0]).toHaveLength(curated.length + 1);
    editor.run(addUnreadable([{ origin: 'x', key: 'y', reason: 'z', raw: null }]));
    expect(saves.scheduled).toHaveLength(1);
    editor.run(undoNotes);
    expect(saves.scheduled).toHaveLength(2);
    expect(saves.scheduled[1]!.map((a) => a.id)).toEqual(curated.map((a) => a.id));
  });

  test('flushes when the page is hidden; warns before unload only while saving fails; stops when the view goes', () => {
    const { saves } = mount(false);
    window.dispatchEvent(new Event('pagehide'));
    expect(saves.flushes()).toBe(1);
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    saves.setStatus({ state: 'saved', at: 1 });
    expect(unload()).toBe(false);
    saves.setStatus({ state: 'error', message: 'quota exceeded' });
    expect(unload()).toBe(true);
    editor!.destroy();
    editor = null;
    expect(unload()).toBe(false);
    window.dispatchEvent(new Event('pagehide'));
    expect(saves.flushes()).toBe(1);
  });
});
