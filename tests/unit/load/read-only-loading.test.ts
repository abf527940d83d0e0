import { describe, expect, test } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { createReaderState } from '../../../src/editor/create-state.ts';
import { appendBlocks, finishLoading, isLoading, readOnlyKey } from '../../../src/editor/read-only.ts';
import { blockNode, buildDoc, claimsByBlock, referencesNode } from '../../../src/model/build-doc.ts';
import { importText } from '../../../src/model/import-text.ts';
import { schema } from '../../../src/model/schema.ts';
import { doc, p, reference, references } from '../../support/reader-builders.ts';
import { readFileSync } from 'node:fs';

const imported = importText(readFileSync(new URL('../../../corpus/kavbiuro/text.txt', import.meta.url)));
const byBlock = claimsByBlock(imported.claims);
const blocks = imported.blocks.map((b, i) => blockNode(b, byBlock.get(i) ?? []));
const refs = referencesNode(imported.references, imported.referencesHeading)!;

/** A state whose document is the first block, still loading. */
function loadingState(): EditorState {
  return createReaderState(schema.nodes['doc']!.create(null, blocks.slice(0, 1)), { loading: true });
}

function apply(state: EditorState, tr: ReturnType<EditorState['tr']['insertText']>): EditorState {
  return state.applyTransaction(tr).state;
}

describe('loading a document slice by slice through the read-only guard', () => {
  test('per-block building gives exactly buildDoc', () => {
    expect(schema.nodes['doc']!.create(null, [...blocks, refs]).eq(buildDoc(imported))).toBe(true);
  });

  test('load appends build the whole document; finishing turns loading off', () => {
    let state = loadingState();
    expect(isLoading(state)).toBe(true);
    state = apply(state, appendBlocks(state, blocks.slice(1, 3)));
    state = apply(state, appendBlocks(state, blocks.slice(3)));
    state = apply(state, appendBlocks(state, [refs]));
    expect(state.doc.eq(buildDoc(imported))).toBe(true);
    state = apply(state, finishLoading(state.tr));
    expect(isLoading(state)).toBe(false);
  });

  test('the reference list may arrive in slices: its node with the first entries, then entries appended to it', () => {
    let state = loadingState();
    state = apply(state, appendBlocks(state, blocks.slice(1)));
    const entries = refs.children;
    state = apply(state, appendBlocks(state, [referencesNode(imported.references.slice(0, 1), imported.referencesHeading)!]));
    state = apply(state, appendBlocks(state, entries.slice(1)));
    expect(state.doc.eq(buildDoc(imported))).toBe(true);
    // A body block cannot go into or after the reference list, nor an entry into the body.
    const done = state.doc;
    expect(() => appendBlocks(state, [blocks[0]!])).toThrow(/Invalid content/);
    state = apply(state, state.tr.insert(state.doc.content.size, blocks[0]!).setMeta(readOnlyKey, 'append'));
    // tr.insert would wrap the paragraph's text into an unlabelled entry: refused too.
    state = apply(state, state.tr.insert(state.doc.content.size - 1, blocks[0]!).setMeta(readOnlyKey, 'append'));
    expect(state.doc).toBe(done);
  });

  // The guard looks only at transactions: a small document written with the test builders shows where each edit
  // lands. `<a>` and `<b>` are positions inside the first block's text.
  const small = doc(p('The <a>first<b> block.'));
  const second = p('Second block.');
  const smallRefs = references('References', reference('1', 'One.'));
  const loadingSmall = () => createReaderState(small, { loading: true });
  const { a, b } = small.tag as { a: number; b: number };

  test('a user edit is refused during loading', () => {
    let state = loadingSmall();
    const before = state.doc;
    state = apply(state, state.tr.insertText('x', a));
    expect(state.doc).toBe(before);
    state = apply(state, state.tr.delete(a, b));
    expect(state.doc).toBe(before);
    // A selection change passes.
    state = apply(state, state.tr.setSelection(TextSelection.create(state.doc, a, b)));
    expect([state.selection.from, state.selection.to]).toEqual([a, b]);
    expect(state.doc.textBetween(state.selection.from, state.selection.to)).toBe('first');
  });

  test('the load meta does not let an edit through: only whole blocks at the end, before the references', () => {
    let state = loadingSmall();
    const before = state.doc;
    state = apply(state, state.tr.insertText('x', a).setMeta(readOnlyKey, 'append'));
    expect(state.doc).toBe(before);
    state = apply(state, state.tr.insert(0, second).setMeta(readOnlyKey, 'append'));
    expect(state.doc).toBe(before);
    // An append that also deletes is refused as a whole.
    state = apply(state, appendBlocks(state, [second]).delete(a, b));
    expect(state.doc).toBe(before);
    // An append without the meta is refused.
    state = apply(state, state.tr.insert(state.doc.content.size, second));
    expect(state.doc).toBe(before);
    // Whole blocks at the end pass, then the reference list; nothing goes after the reference list.
    state = apply(state, appendBlocks(state, [second]));
    state = apply(state, appendBlocks(state, [smallRefs]));
    const withRefs = state.doc;
    expect(withRefs.eq(doc(p('The first block.'), p('Second block.'), references('References', reference('1', 'One.'))))).toBe(true);
    state = apply(state, state.tr.insert(state.doc.content.size, second).setMeta(readOnlyKey, 'append'));
    expect(state.doc).toBe(withRefs);
  });

  test('after loading, a forged load meta is refused and loading cannot be turned back on', () => {
    let state = loadingSmall();
    state = apply(state, finishLoading(state.tr));
    const before = state.doc;
    state = apply(state, appendBlocks(state, [second]));
    expect(state.doc).toBe(before);
    state = apply(state, state.tr.insertText('x', a));
    expect(state.doc).toBe(before);
    state = apply(state, state.tr.setMeta(readOnlyKey, 'start'));
    expect(isLoading(state)).toBe(false);
    state = apply(state, state.tr.setMeta(readOnlyKey, { loading: true }));
    expect(isLoading(state)).toBe(false);
    state = apply(state, appendBlocks(state, [second]));
    expect(state.doc).toBe(before);
  });

  test('a reader state is not loading unless asked', () => {
    let state = createReaderState(buildDoc(imported));
    expect(isLoading(state)).toBe(false);
    const before = state.doc;
    state = apply(state, appendBlocks(state, [refs.child(0)]));
    expect(state.doc).toBe(before);
  });
});
