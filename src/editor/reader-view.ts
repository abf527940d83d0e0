/**
 * The ProseMirror view of the reader: the only module that imports prosemirror-view.
 * Every change goes through `dispatch` → new state → `updateState`, whose plugin views send the snapshot down to
 * the panels and save the notes (create-state.ts).
 */
import type { Command, EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';

export interface ReaderEditor {
  readonly view: EditorView;
  /** The current state (the view's). */
  readonly state: EditorState;
  /** Runs a command against the current state; true when it applied. With `focus`, focuses the text first (only when the command applies). */
  run(command: Command, options?: { focus?: boolean }): boolean;
  destroy(): void;
}

/**
 * Mounts the view into `place`. `label` is the accessible name of the text (e.g. "Kavbiuro — source text").
 */
export function mountReaderEditor(
  place: HTMLElement,
  state: EditorState,
  label: string,
): ReaderEditor {
  const view: EditorView = new EditorView(place, {
    state,
    attributes: { 'aria-label': label, class: 'ap-text' },
    dispatchTransaction(tr) {
      view.updateState(view.state.apply(tr));
    },
  });
  return {
    view,
    get state() {
      return view.state;
    },
    run(command, options = {}) {
      // Focus first: ProseMirror scrolls to the selection through the DOM selection, which it only sets in a
      // focused view (a note or claim far down a book would otherwise be selected but not shown).
      if (options.focus) {
        if (!command(view.state, undefined, view)) return false;
        view.focus();
      }
      return command(view.state, view.dispatch, view);
    },
    destroy: () => view.destroy(),
  };
}
