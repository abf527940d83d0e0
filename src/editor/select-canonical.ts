/**
 * Selects a span of the canonical text (anchoring/doc-text.ts) in the reader and scrolls to it: how a report that
 * names places in the canonical text (the evidence report) shows one of them. Changes no text.
 */
import { TextSelection, type Command } from 'prosemirror-state';
import { docTextOf } from './annotation-commands.ts';

/** Selects canonical [from, to) (a caret at `from` when empty). False when the span lies outside the text. */
export function selectCanonical(from: number, to: number): Command {
  return (state, dispatch) => {
    const text = docTextOf(state.doc);
    if (from < 0 || to < from || to > text.text.length) return false;
    const start = text.toPos(from, 1);
    const end = to > from ? Math.max(start, text.toPos(to, -1)) : start;
    if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, start, end)).scrollIntoView());
    return true;
  };
}
