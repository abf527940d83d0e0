/**
 * What the reader is looking at beyond the caret: a reference chosen by clicking its marker.
 * Plugin state as a pure reducer: a `FocusAction` in the transaction's meta sets it; any other selection change
 * clears it (moving the caret means looking at the claim there again).
 */
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';

export interface FocusState {
  /** label of the reference whose marker was clicked, or null */
  reference: string | null;
  /** id of the annotation chosen in a panel or by a deep link, or null */
  annotation: string | null;
}

export type FocusAction = { type: 'focus-reference'; label: string | null } | { type: 'focus-annotation'; id: string | null };

export const focusKey = new PluginKey<FocusState>('apparatus-focus');

/**
 * The pure reducer: an action sets one focus (and clears the other); otherwise a selection change clears both,
 * since moving the caret means reading what is there again.
 */
export function applyFocus(state: FocusState, tr: Transaction): FocusState {
  const action = tr.getMeta(focusKey) as FocusAction | undefined;
  if (action?.type === 'focus-reference') return { reference: action.label, annotation: null };
  if (action?.type === 'focus-annotation') return { reference: null, annotation: action.id };
  if (tr.selectionSet && (state.reference !== null || state.annotation !== null)) return { reference: null, annotation: null };
  return state;
}

/** The focus plugin: a click on a marker focuses its reference and puts the caret just after the marker. */
export function focusPlugin(): Plugin<FocusState> {
  return new Plugin<FocusState>({
    key: focusKey,
    state: { init: () => ({ reference: null, annotation: null }), apply: (tr, value) => applyFocus(value, tr) },
    props: {
      handleClickOn(view, _pos, node, nodePos, event) {
        if (node.type.name !== 'marker') return false;
        event.preventDefault();
        const label = node.attrs['label'] as string;
        const tr = view.state.tr
          .setSelection(TextSelection.create(view.state.doc, nodePos + node.nodeSize))
          .setMeta(focusKey, { type: 'focus-reference', label } satisfies FocusAction);
        view.dispatch(tr);
        return true;
      },
    },
  });
}

/** The focused reference label of `state`, or null. */
export function focusedReference(state: EditorState): string | null {
  return focusKey.getState(state)?.reference ?? null;
}

/** The focused annotation id of `state`, or null. */
export function focusedAnnotation(state: EditorState): string | null {
  return focusKey.getState(state)?.annotation ?? null;
}
