// @vitest-environment happy-dom
/**
 * The address follows the claim under the caret (editor/address-plugin.ts), in a real EditorView on happy-dom with
 * a recording address bar: each caret move to another claim replaces the fragment with `#claim=<id>` (never a new
 * history entry), nothing happens while the notes are not in or when the selection did not move, a note opened by
 * its link keeps `#annotation=<id>` until the reader moves on, and a caret outside every claim takes `#claim=` off.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextSelection } from 'prosemirror-state';
import { afterEach, describe, expect, test } from 'vitest';
import { parseAnnotationFile } from '../../../src/anchoring/annotation-file.ts';
import { focusNote, loadNotes } from '../../../src/editor/annotation-commands.ts';
import { anchorEntries } from '../../../src/editor/anchor-entries.ts';
import { ClaimIndex } from '../../../src/editor/claim-index.ts';
import { deepLinkCommand, deepLinkFragment, deepLinkUrl, nextClaim } from '../../../src/editor/commands.ts';
import { createReaderState } from '../../../src/editor/create-state.ts';
import { mountReaderEditor, type ReaderEditor } from '../../../src/editor/reader-view.ts';
import { buildDoc } from '../../../src/model/build-doc.ts';
import { importText } from '../../../src/model/import-text.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const imported = importText(readFileSync(join(root, 'corpus/kavbiuro/text.txt'), 'utf8'));
const curated = parseAnnotationFile(readFileSync(join(root, 'annotations/kavbiuro.jsonld'), 'utf8'), 'kavbiuro.jsonld').annotations;

/** An address bar that records `replaceState` calls and applies them to its fragment. */
function addressBar(hash = '') {
  const calls: string[] = [];
  const bar = {
    calls,
    location: { hash, pathname: '/', search: '?work=kavbiuro' },
    history: {
      state: { kept: true },
      replaceState(data: unknown, _unused: string, url?: string) {
        expect(data).toEqual({ kept: true });
        calls.push(url ?? '');
        bar.location.hash = url?.startsWith('#') ? url : '';
      },
    },
  };
  return bar;
}

let editor: ReaderEditor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function mount(bar: ReturnType<typeof addressBar>, notes = true) {
  const place = document.createElement('div');
  document.body.append(place);
  editor = mountReaderEditor(place, createReaderState(buildDoc(imported), { address: bar }), 'test');
  if (notes) editor.run(loadNotes(anchorEntries(editor.state.doc, curated)));
  return editor;
}

const claims = () => ClaimIndex.of(editor!.state.doc);
const caretAt = (pos: number) => editor!.view.dispatch(editor!.state.tr.setSelection(TextSelection.create(editor!.state.doc, pos)));

describe('the address follows the claim under the caret', () => {
  test('each move to another claim replaces the fragment; a move within a claim or no move changes nothing', () => {
    const bar = addressBar();
    mount(bar);
    expect(bar.calls).toEqual([]);
    const [first, second] = [claims().after(0)!, claims().after(claims().after(0)!.from)!];
    caretAt(first.from + 1);
    caretAt(first.from + 2);
    editor!.view.dispatch(editor!.state.tr.setMeta('unrelated', true));
    expect(bar.calls).toEqual([deepLinkFragment('claim', first.id)]);
    editor!.run(nextClaim);
    expect(bar.calls).toEqual([deepLinkFragment('claim', first.id), deepLinkFragment('claim', second.id)]);
    // The fragment opens the claim it names.
    expect(deepLinkCommand(bar.location.hash)).not.toBeNull();
  });

  test('nothing while the notes are not in (the session is not ready)', () => {
    const bar = addressBar();
    mount(bar, false);
    caretAt(claims().after(0)!.from + 1);
    expect(bar.calls).toEqual([]);
  });

  test('a note opened by its link keeps #annotation= until the reader moves on', () => {
    const note = curated.find((a) => typeof a.target !== 'string')!;
    const bar = addressBar(deepLinkFragment('annotation', note.id));
    mount(bar);
    editor!.run(focusNote(note.id));
    expect(bar.calls).toEqual([]);
    const elsewhere = claims().after(editor!.state.selection.to + 200)!;
    caretAt(elsewhere.from + 1);
    expect(bar.calls).toEqual([deepLinkFragment('claim', elsewhere.id)]);
  });

  test('a caret in no claim (a heading or the reference list) takes #claim= off; another fragment is kept', () => {
    const bar = addressBar();
    mount(bar);
    caretAt(claims().after(0)!.from + 1);
    let outside = -1;
    editor!.state.doc.descendants((node, pos) => {
      if (outside < 0 && node.isTextblock && node.textContent && !claims().at(pos + 1)) outside = pos + 1;
      return outside < 0;
    });
    expect(outside).toBeGreaterThan(0);
    caretAt(outside);
    expect(bar.calls.at(-1)).toBe('/?work=kavbiuro');
    const other = addressBar('#section-2');
    editor!.destroy();
    mount(other);
    caretAt(outside);
    expect(other.calls).toEqual([]);
  });
});

describe('links to items', () => {
  test('absolute, with the id encoded, on the page as it is (query kept, fragment replaced)', () => {
    expect(deepLinkUrl('http://localhost:5173/?work=kavbiuro#claim=b0-s0', 'annotation', 'urn:uuid:1 2')).toBe('http://localhost:5173/?work=kavbiuro#annotation=urn%3Auuid%3A1%202');
    expect(deepLinkUrl('http://localhost:5173/', 'claim', 'b3-s1')).toBe('http://localhost:5173/#claim=b3-s1');
  });
});
