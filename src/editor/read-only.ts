/**
 * Keeps the source text immutable while the caret, selection, copying and keyboard navigation work.
 *
 * Three layers: `beforeinput`, paste, drop and cut are cancelled before the DOM changes; any transaction that
 * would still change the document is refused (`filterTransaction`); and the editor says it is read-only to
 * assistive technology (`aria-readonly`).
 */
import { Plugin } from 'prosemirror-state';

/** The read-only plugin. Transactions with `docChanged` are refused; selection changes pass. */
export function readOnlyText(): Plugin {
  const cancel = (_view: unknown, event: Event) => {
    event.preventDefault();
    return true;
  };
  return new Plugin({
    filterTransaction: (tr) => !tr.docChanged,
    props: {
      handleDOMEvents: { beforeinput: cancel, cut: cancel, drop: cancel, dragstart: cancel },
      handlePaste: () => true,
      handleDrop: () => true,
      handleTextInput: () => true,
      attributes: { 'aria-readonly': 'true', role: 'textbox', 'aria-multiline': 'true', spellcheck: 'false' },
    },
  });
}
