import { describe, expect, test } from 'vitest';
import { TextSelection, type EditorState } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import {
  annotationDecorations,
  annotationDecorationsPlugin,
  decorationWindow,
  nextWindow,
  setDecorationWindow,
  WHOLE_DOCUMENT,
} from '../../../src/editor/annotation-decorations.ts';
import type { AnnotationEntry } from '../../../src/editor/annotation-plugin.ts';
import { loadNotes } from '../../../src/editor/annotation-commands.ts';
import { createReaderState } from '../../../src/editor/create-state.ts';
import { appendBlocks } from '../../../src/editor/read-only.ts';
import { blockNode, buildDoc, claimsByBlock } from '../../../src/model/build-doc.ts';
import { importText } from '../../../src/model/import-text.ts';
import { schema } from '../../../src/model/schema.ts';

// 400 paragraphs of ~120 characters: a document of ~50,000 positions.
const TEXT = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} says something about the Caucasian Bureau and the year 1921, at some length.`).join('\n\n') + '\n';
const imported = importText(TEXT);
const doc = buildDoc(imported);

const note = (id: string, from: number, to: number): AnnotationEntry => ({
  annotation: { id, type: 'Annotation', motivation: 'commenting', created: '2026-01-01T00:00:00Z', target: { source: 'urn:x', selector: [] } } as unknown as Annotation,
  range: { from, to },
  status: 'exact',
  score: 1,
});

/** A note on the first word of every tenth paragraph. */
const entries: AnnotationEntry[] = [];
doc.forEach((block, offset, index) => {
  if (index % 10 === 0 && block.isTextblock) entries.push(note(`n${index}`, offset + 1, offset + 10));
});

const drawnIds = (set: DecorationSet, d = doc) => set.find(0, d.content.size).map((x) => (x.spec as { id: string }).id).sort();
const stateWith = (margin: number): EditorState => {
  let state = createReaderState(doc, { decorations: { margin } });
  loadNotes(entries)(state, (tr) => (state = state.apply(tr)));
  return state;
};
/** The note decorations `state` shows (the plugin's state is found by its key from any instance). */
const setOf = (state: EditorState) => annotationDecorationsPlugin().spec.props!.decorations!.call(null as never, state) as DecorationSet;
const drawn = (state: EditorState) => drawnIds(setOf(state), state.doc);

describe('drawing only the notes near the viewport', () => {
  test('the window filter keeps exactly the notes overlapping it', () => {
    const window = { from: 10_000, to: 20_000 };
    const expected = entries.filter((e) => e.range!.to > window.from && e.range!.from < window.to).map((e) => e.annotation.id).sort();
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.length).toBeLessThan(entries.length);
    expect(drawnIds(annotationDecorations(doc, entries, window))).toEqual(expected);
    expect(drawnIds(annotationDecorations(doc, entries, WHOLE_DOCUMENT))).toHaveLength(entries.length);
  });

  test('nextWindow keeps the window while the visible part stays well inside it, and moves it near an edge', () => {
    const size = 1_000_000;
    const current = { from: 100_000, to: 300_000 };
    expect(nextWindow(current, { from: 190_000, to: 200_000 }, size, 50_000)).toBeNull();
    expect(nextWindow(current, { from: 120_000, to: 130_000 }, size, 50_000)).toEqual({ from: 70_000, to: 180_000 });
    expect(nextWindow(current, { from: 270_000, to: 280_000 }, size, 50_000)).toEqual({ from: 220_000, to: 330_000 });
    // At the document's edges the window reaches the edge: nothing left to draw there later.
    expect(nextWindow(current, { from: 10_000, to: 20_000 }, size, 50_000)).toEqual({ from: 0, to: 70_000 });
    expect(nextWindow(current, { from: 960_000, to: 990_000 }, size, 50_000)).toEqual({ from: 910_000, to: Number.POSITIVE_INFINITY });
    // A small document is drawn whole, whatever is visible.
    expect(nextWindow({ from: 0, to: 100 }, { from: 40, to: 50 }, 90_000, 50_000)).toEqual(WHOLE_DOCUMENT);
    expect(nextWindow(WHOLE_DOCUMENT, { from: 40, to: 50 }, 90_000, 50_000)).toBeNull();
  });

  test('the plugin draws the first window, follows setDecorationWindow, and keeps its lanes', () => {
    let state = stateWith(5_000);
    expect(decorationWindow(state)).toEqual({ from: 0, to: 10_000 });
    const first = drawn(state);
    expect(first).toEqual(entries.filter((e) => e.range!.from < 10_000).map((e) => e.annotation.id).sort());
    state = state.apply(setDecorationWindow(state.tr, { from: 30_000, to: 40_000 }));
    expect(drawn(state)).toEqual(entries.filter((e) => e.range!.to > 30_000 && e.range!.from < 40_000).map((e) => e.annotation.id).sort());
    state = state.apply(setDecorationWindow(state.tr, WHOLE_DOCUMENT));
    expect(drawn(state)).toHaveLength(entries.length);
  });

  test('a caret move keeps the same set (nothing is recomputed or redrawn)', () => {
    const state = stateWith(5_000);
    const moved = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 500)));
    expect(moved.selection.from).toBe(500);
    expect(setOf(moved)).toBe(setOf(state));
  });

  test('while a work is loading, notes of the window appear as their blocks are appended', () => {
    const byBlock = claimsByBlock(imported.claims);
    const blocks = imported.blocks.map((b, i) => blockNode(b, byBlock.get(i) ?? []));
    let state = createReaderState(schema.nodes['doc']!.create(null, blocks.slice(0, 20)), { decorations: { margin: 1_000_000 }, loading: true });
    const early = entries.filter((e) => e.range!.to <= state.doc.content.size);
    loadNotes(early)(state, (tr) => (state = state.apply(tr)));
    expect(drawn(state)).toHaveLength(early.length);
    const before = setOf(state);
    state = state.apply(appendBlocks(state, blocks.slice(20)));
    expect(state.doc.content.size).toBe(doc.content.size);
    // The notes already drawn stay drawn on the longer document (mapped, not lost).
    expect(drawn(state)).toEqual(drawnIds(before, state.doc));
    loadNotes(entries)(state, (tr) => (state = state.apply(tr)));
    expect(drawn(state)).toHaveLength(entries.length);
  });
});
