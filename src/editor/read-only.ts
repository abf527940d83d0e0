/**
 * Keeps the source text immutable while the caret, selection, copying and keyboard navigation work.
 *
 * Three layers: `beforeinput`, paste, drop and cut are cancelled before the DOM changes; any transaction that
 * would still change the document is refused (`filterTransaction`); and the editor says it is read-only to
 * assistive technology (`aria-readonly`).
 *
 * One exception, for loading a large work a slice at a time: while the plugin's state says `loading`, a transaction
 * carrying the load meta (`appendBlocks`) may append whole blocks at the end of the document, before the reference
 * list is there. `finishLoading` turns loading off for good; nothing turns it back on.
 */
import type { Fragment, Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { ReplaceStep } from 'prosemirror-transform';

/** The read-only plugin's state: whether the document is still being loaded. */
export interface ReadOnlyState {
  loading: boolean;
}

type LoadMeta = 'append' | 'done';

/** The read-only plugin's key (its state says whether the document is still loading). */
export const readOnlyKey = new PluginKey<ReadOnlyState>('apparatus-read-only');

/** Options of `readOnlyText`: `loading` starts the state in the loading phase (default false). */
export interface ReadOnlyOptions {
  loading?: boolean;
}

/** True while the document of `state` is still being loaded slice by slice. False without the plugin. */
export function isLoading(state: EditorState): boolean {
  return readOnlyKey.getState(state)?.loading ?? false;
}

/** A transaction appending `nodes` (whole top-level blocks) at the end of the document, as a load step. */
export function appendBlocks(state: EditorState, nodes: Fragment | readonly PMNode[]): Transaction {
  return state.tr.insert(state.doc.content.size, nodes as Fragment | PMNode[]).setMeta(readOnlyKey, 'append' satisfies LoadMeta).setMeta('addToHistory', false);
}

/** Marks `tr` as the end of loading: after it, every transaction that changes the document is refused. */
export function finishLoading(tr: Transaction): Transaction {
  return tr.setMeta(readOnlyKey, 'done' satisfies LoadMeta);
}

/** True when every step of `tr` inserts whole blocks at the very end of a document that has no reference list yet. */
function onlyAppendsBlocks(tr: Transaction): boolean {
  return tr.steps.every((step, i) => {
    const before = tr.docs[i]!;
    const end = before.content.size;
    return (
      step instanceof ReplaceStep &&
      step.from === end &&
      step.to === end &&
      step.slice.openStart === 0 &&
      step.slice.openEnd === 0 &&
      before.lastChild?.type.name !== 'references'
    );
  });
}

/** The read-only plugin. Transactions with `docChanged` are refused (except load appends, see above); selection changes pass. */
export function readOnlyText(options: ReadOnlyOptions = {}): Plugin<ReadOnlyState> {
  const cancel = (_view: unknown, event: Event) => {
    event.preventDefault();
    return true;
  };
  return new Plugin<ReadOnlyState>({
    key: readOnlyKey,
    state: {
      init: () => ({ loading: options.loading ?? false }),
      apply: (tr, value) => (value.loading && tr.getMeta(readOnlyKey) === 'done' ? { loading: false } : value),
    },
    filterTransaction: (tr, state) => {
      if (!tr.docChanged) return true;
      return tr.getMeta(readOnlyKey) === 'append' && isLoading(state) && onlyAppendsBlocks(tr);
    },
    props: {
      handleDOMEvents: { beforeinput: cancel, cut: cancel, drop: cancel, dragstart: cancel },
      handlePaste: () => true,
      handleDrop: () => true,
      handleTextInput: () => true,
      attributes: { 'aria-readonly': 'true', role: 'textbox', 'aria-multiline': 'true', spellcheck: 'false' },
    },
  });
}
