/**
 * The ProseMirror view of the reader: the only module that imports prosemirror-view.
 * Every change goes through `dispatch` → new state → `onState` (which sends the snapshot down to the panels).
 */
import type { Command, EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';

export interface ReaderEditor {
  readonly view: EditorView;
  /** Runs a command against the current state; true when it applied. Focuses the text afterwards when asked. */
  run(command: Command, options?: { focus?: boolean }): boolean;
  destroy(): void;
}

/**
 * Mounts the view into `place`. `label` is the accessible name of the text (e.g. "Kavbiuro — source text").
 * `onState` is called after every applied transaction with the new state.
 */
export function mountReaderEditor(
  place: HTMLElement,
  state: EditorState,
  label: string,
  onState: (state: EditorState) => void,
): ReaderEditor {
  const view: EditorView = new EditorView(place, {
    state,
    attributes: { 'aria-label': label, class: 'ap-text' },
    dispatchTransaction(tr) {
      const next = view.state.apply(tr);
      view.updateState(next);
      onState(next);
    },
  });
  return {
    view,
    run(command, options = {}) {
      const applied = command(view.state, view.dispatch, view);
      if (applied && options.focus) view.focus();
      return applied;
    },
    destroy: () => view.destroy(),
  };
}
