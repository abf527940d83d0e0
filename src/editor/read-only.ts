/**
 * Keeps the source text immutable while the caret, selection, copying and keyboard navigation work.
 *
 * Three layers: `beforeinput`, paste, drop and cut are cancelled before the DOM changes; any transaction that
 * would still change the document is refused (`filterTransaction`); and the editor says it is read-only to
 * assistive technology (`aria-readonly`).
 *
 * One exception, for loading a large work a slice at a time: while the plugin's state says `loading`, a transaction
 * carrying the load meta (`appendBlocks`) may append whole blocks at the end of the body (before the reference list
 * is there), then whole entries at the end of the reference list. `finishLoading` turns loading off for good;
 * nothing turns it back on.
 */
import { Fragment, Slice, type Node as PMNode } from 'prosemirror-model';
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

/**
 * A load step: `nodes` appended at the end of the document — whole body blocks (or the reference list) while there
 * is no reference list yet, reference entries at the end of the reference list once it is there.
 * @throws TransformError (prosemirror-transform) when `nodes` cannot stand there (a paragraph in the reference list).
 */
export function appendBlocks(state: EditorState, nodes: Fragment | readonly PMNode[]): Transaction {
  const end = state.doc.content.size;
  const at = state.doc.lastChild?.type.name === 'references' ? end - 1 : end;
  // A plain step, not `tr.insert`: insert would "fit" misplaced nodes (wrap a paragraph into a reference entry).
  const content = Array.isArray(nodes) ? Fragment.fromArray(nodes as PMNode[]) : (nodes as Fragment);
  return state.tr.step(new ReplaceStep(at, at, new Slice(content, 0, 0))).setMeta(readOnlyKey, 'append' satisfies LoadMeta).setMeta('addToHistory', false);
}

/** Marks `tr` as the end of loading: after it, every transaction that changes the document is refused. */
export function finishLoading(tr: Transaction): Transaction {
  return tr.setMeta(readOnlyKey, 'done' satisfies LoadMeta);
}

/**
 * True when every step of `tr` only appends: whole blocks at the very end of a document that has no reference list
 * yet, or whole reference entries at the end of the reference list.
 */
function onlyAppendsBlocks(tr: Transaction): boolean {
  return tr.steps.every((step, i) => {
    if (!(step instanceof ReplaceStep) || step.from !== step.to || step.slice.openStart !== 0 || step.slice.openEnd !== 0) return false;
    const before = tr.docs[i]!;
    const end = before.content.size;
    const types = new Set<string>();
    step.slice.content.forEach((n) => types.add(n.type.name));
    if (before.lastChild?.type.name === 'references') {
      // Every importer entry has a label; a labelless one would be text forced into the list.
      let labelled = true;
      step.slice.content.forEach((n) => (labelled &&= n.attrs['label'] !== ''));
      return step.from === end - 1 && types.size === 1 && types.has('reference') && labelled;
    }
    return step.from === end && !types.has('reference');
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
