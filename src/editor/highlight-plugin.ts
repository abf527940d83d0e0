/**
 * Decorations that show where the reader is: the claim under the caret, and the reference entry whose marker was
 * clicked. Computed by a pure function of the state (like the ProseMirror lint example), so they never drift.
 */
import { Plugin, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { currentClaim } from './commands.ts';
import { focusedReference } from './focus-plugin.ts';

/** The decorations for `state`: `is-current` over the current claim, `is-focused` on the focused reference. */
export function highlightDecorations(state: EditorState): DecorationSet {
  const decos: Decoration[] = [];
  const claim = currentClaim(state);
  if (claim) decos.push(Decoration.inline(claim.from, claim.to, { class: 'is-current' }));
  const label = focusedReference(state);
  const refs = state.doc.lastChild;
  if (label !== null && refs?.type.name === 'references') {
    const start = state.doc.content.size - refs.nodeSize + 1;
    refs.forEach((entry, offset) => {
      if (entry.attrs['label'] === label) {
        decos.push(Decoration.node(start + offset, start + offset + entry.nodeSize, { class: 'is-focused' }));
      }
    });
  }
  return DecorationSet.create(state.doc, decos);
}

/** The plugin (in the editor layer because decorations come from prosemirror-view). */
export function highlightPlugin(): Plugin {
  return new Plugin({ props: { decorations: highlightDecorations } });
}
