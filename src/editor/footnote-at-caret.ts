/**
 * The footnote marker at the caret: the one just before it or just after it (a click on a marker puts the caret
 * just after it, focus-plugin.ts), so that Enter shows the reference of the marker the reader is at.
 */
import type { EditorState } from 'prosemirror-state';

/** The marker touching the caret (before it first), with its position, or null. */
export function markerAtCaret(state: EditorState): { label: string; pos: number } | null {
  const { $head } = state.selection;
  const before = $head.nodeBefore;
  if (before?.type.name === 'marker') return { label: before.attrs['label'] as string, pos: $head.pos - before.nodeSize };
  const after = $head.nodeAfter;
  if (after?.type.name === 'marker') return { label: after.attrs['label'] as string, pos: $head.pos };
  return null;
}
