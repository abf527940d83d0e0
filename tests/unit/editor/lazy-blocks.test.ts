// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { TextSelection } from 'prosemirror-state';
import { createReaderState } from '../../../src/editor/create-state.ts';
import { addSpan, buildSpan, builtBlocks, builtSpans, covers } from '../../../src/editor/lazy-blocks.ts';
import { mountReaderEditor } from '../../../src/editor/reader-view.ts';
import { buildDoc } from '../../../src/model/build-doc.ts';
import { importText } from '../../../src/model/import-text.ts';

// 400 paragraphs of ~120 characters, each with a cited claim and a marker, then a reference list.
const TEXT =
  Array.from({ length: 400 }, (_, i) => `Paragraph ${i} says something about the Caucasian Bureau in 1921.[1] It goes on at some length here.`).join('\n\n') +
  '\n\nReferences\n\n1. Smith, J. (1990). A history. Oxford.\n';
const imported = importText(TEXT);
const doc = buildDoc(imported);

describe('built spans', () => {
  test('addSpan keeps spans sorted and merges overlapping or touching ones', () => {
    let spans = addSpan([], { from: 100, to: 200 });
    spans = addSpan(spans, { from: 0, to: 50 });
    spans = addSpan(spans, { from: 300, to: 400 });
    expect(spans).toEqual([{ from: 0, to: 50 }, { from: 100, to: 200 }, { from: 300, to: 400 }]);
    expect(addSpan(spans, { from: 150, to: 300 })).toEqual([{ from: 0, to: 50 }, { from: 100, to: 400 }]);
    expect(addSpan(spans, { from: 50, to: 100 })).toEqual([{ from: 0, to: 200 }, { from: 300, to: 400 }]);
    expect(addSpan(spans, { from: -10, to: 1000 })).toEqual([{ from: -10, to: 1000 }]);
  });

  test('covers needs one span holding the whole range', () => {
    const spans = [{ from: 0, to: 50 }, { from: 100, to: 200 }];
    expect(covers(spans, 10, 50)).toBe(true);
    expect(covers(spans, 40, 120)).toBe(false);
    expect(covers(spans, 100, 200)).toBe(true);
    expect(covers([], 0, 1)).toBe(false);
  });

  test('builtBlocks lists each body block and reference entry that overlaps, once', () => {
    const first = doc.child(0).nodeSize;
    expect(builtBlocks(doc, [{ from: 0, to: 1 }])).toEqual([{ from: 0, to: first }]);
    expect(builtBlocks(doc, [{ from: 0, to: first + 1 }, { from: first, to: first + 2 }])).toEqual([
      { from: 0, to: first },
      { from: first, to: first + doc.child(1).nodeSize },
    ]);
    const refs = doc.lastChild!;
    expect(refs.type.name).toBe('references');
    const entryStart = doc.content.size - refs.nodeSize + 1;
    expect(builtBlocks(doc, [{ from: doc.content.size - 2, to: doc.content.size + 100 }])).toEqual([{ from: entryStart, to: entryStart + refs.firstChild!.nodeSize }]);
  });
});

describe('the lazy blocks plugin in a DOM', () => {
  const mount = () => {
    const place = document.createElement('div');
    document.body.append(place);
    const editor = mountReaderEditor(place, createReaderState(doc, { lazyBlocks: { margin: 1000 } }), 'test');
    const blocks = () => [...editor.view.dom.children].filter((e) => e.tagName === 'P');
    const built = () => blocks().map((p) => p.querySelector('.ap-claim') !== null);
    return { editor, place, blocks, built };
  };

  test('near blocks are built with their claims and markers; far ones hold their plain text only', () => {
    const { editor, place, blocks, built } = mount();
    expect(blocks()).toHaveLength(400);
    const b = built();
    expect(b[0]).toBe(true);
    expect(b[399]).toBe(false);
    // The first 2 × margin positions are built.
    expect(b.filter(Boolean).length).toBe(builtBlocks(doc, [{ from: 0, to: 2000 }]).length);
    // Every block's text is in the page, built or not (find in page, screen readers).
    expect(blocks()[399]!.textContent).toBe(doc.child(399).textContent);
    expect(blocks()[399]!.querySelector('sup, a, span')).toBeNull();
    expect(blocks()[0]!.querySelector('sup.ap-marker a[href="#ref-1"]')).not.toBeNull();
    expect(editor.view.dom.querySelector('.ap-reference')?.textContent).toBe(doc.lastChild!.firstChild!.textContent);
    editor.destroy();
    place.remove();
  });

  test('a span asked for (as the viewport asks) is built, and stays built', () => {
    const { editor, place, built } = mount();
    let pos = 0;
    for (let i = 0; i < 300; i++) pos += doc.child(i).nodeSize;
    editor.view.dispatch(buildSpan(editor.view.state.tr, { from: pos + 1, to: pos + 2 }));
    expect(built()[300]).toBe(true);
    expect(built()[299]).toBe(false);
    editor.view.dispatch(buildSpan(editor.view.state.tr, { from: 0, to: 1 }));
    expect(built()[300]).toBe(true);
    editor.destroy();
    place.remove();
  });

  test('a selection moved into a far block builds it; a caret move inside built text changes nothing', () => {
    const { editor, place, built } = mount();
    let pos = 0;
    for (let i = 0; i < 350; i++) pos += doc.child(i).nodeSize;
    editor.view.dispatch(editor.view.state.tr.setSelection(TextSelection.create(editor.view.state.doc, pos + 5)));
    expect(built()[350]).toBe(true);
    // The claim marks of the selected block are in the DOM, so the caret's claim can be shown.
    expect([...editor.view.dom.children][350]!.querySelector('.ap-claim')).not.toBeNull();
    const spans = builtSpans(editor.view.state);
    editor.view.dispatch(editor.view.state.tr.setSelection(TextSelection.create(editor.view.state.doc, pos + 7)));
    expect(builtSpans(editor.view.state)).toBe(spans);
    editor.destroy();
    place.remove();
  });
});
