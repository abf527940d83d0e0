/**
 * Showing where the reader is: the claim under the caret, the focused note and the reference entry whose marker was
 * clicked.
 *
 * The claim is painted as a CSS highlight (claim-highlight.ts), where the browser has the Highlight API; the note,
 * and the claim elsewhere, by a stylesheet rule naming their ids (`[data-claim="…"]`, `[data-annotation="…"]`),
 * written by a plugin view into one `<style>` element outside the editor's DOM. A caret move therefore changes no
 * decoration, and no style rule where highlights exist, and ProseMirror does not walk a book's thousands of blocks to redraw
 * (DOM side effects only in `PluginView.update`, which returns early when nothing changed). The focused reference is
 * a node decoration computed by a pure function of the state.
 */
import { Plugin, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { ClaimHighlight } from './claim-highlight.ts';
import { currentClaim } from './commands.ts';
import { focusedAnnotation, focusedReference } from './focus-plugin.ts';
import { isLoading } from './read-only.ts';

/** The `is-focused` node decoration on the focused reference entry (empty when none). */
export function referenceDecorations(state: EditorState): DecorationSet {
  const label = focusedReference(state);
  const refs = state.doc.lastChild;
  if (label === null || refs?.type.name !== 'references') return DecorationSet.empty;
  const decos: Decoration[] = [];
  const start = state.doc.content.size - refs.nodeSize + 1;
  refs.forEach((entry, offset) => {
    if (entry.attrs['label'] === label) decos.push(Decoration.node(start + offset, start + offset + entry.nodeSize, { class: 'is-focused' }));
  });
  return DecorationSet.create(state.doc, decos);
}

/** What is highlighted: the current claim's id and the focused note's id (null when none). */
export interface CurrentIds {
  claim: string | null;
  annotation: string | null;
}

/** The ids to highlight in `state`. */
export function currentIds(state: EditorState): CurrentIds {
  return { claim: currentClaim(state)?.id ?? null, annotation: focusedAnnotation(state) };
}

/** The stylesheet for `ids` (rules are scoped to the reader's text; ids are CSS-escaped by `escape`). */
export function currentStyle(ids: CurrentIds, escape: (s: string) => string): string {
  const rules: string[] = [];
  if (ids.claim !== null) {
    const sel = `.ap-text [data-claim="${escape(ids.claim)}"]`;
    rules.push(`${sel} { background-color: var(--ap-current); box-shadow: 0 0 0 2px var(--ap-current); border-radius: 2px; }`);
    rules.push(`${sel}.ap-claim--none { background-color: #f6d8cf; box-shadow: 0 0 0 2px #f6d8cf; }`);
  }
  if (ids.annotation !== null) {
    rules.push(`.ap-text [data-annotation="${escape(ids.annotation)}"] { background-color: var(--ap-note-focus); outline: 1px solid var(--ap-ink); }`);
  }
  return rules.join('\n');
}

class CurrentStyleView {
  private readonly style: HTMLStyleElement;
  private ids: CurrentIds = { claim: null, annotation: null };
  private readonly claimHighlight: ClaimHighlight;

  constructor(view: EditorView) {
    this.claimHighlight = new ClaimHighlight(view);
    const doc = view.dom.ownerDocument;
    this.style = doc.createElement('style');
    this.style.dataset['apparatus'] = 'current';
    doc.head.append(this.style);
    this.update(view);
  }

  update(view: EditorView): void {
    // While a large work is still being appended, the claim index would be rebuilt for every slice.
    if (isLoading(view.state)) return;
    const claim = currentClaim(view.state);
    // After every update: the claim's text nodes may have been redrawn even when the claim stayed the same.
    this.claimHighlight.show(claim);
    const ids = { claim: claim?.id ?? null, annotation: focusedAnnotation(view.state) };
    if (ids.claim === this.ids.claim && ids.annotation === this.ids.annotation) return;
    const ruleChanged = ids.annotation !== this.ids.annotation || (!this.claimHighlight.available() && ids.claim !== this.ids.claim);
    this.ids = ids;
    if (ruleChanged) {
      const ruled = this.claimHighlight.available() ? { claim: null, annotation: ids.annotation } : ids;
      this.style.textContent = currentStyle(ruled, (s) => CSS.escape(s));
    }
    view.dom.dataset['currentClaim'] = ids.claim ?? '';
  }

  destroy(): void {
    this.claimHighlight.clear();
    this.style.remove();
  }
}

/** The plugin: the reference decoration, and the plugin view that writes the highlight stylesheet. */
export function highlightPlugin(): Plugin {
  return new Plugin({
    props: { decorations: (state) => (isLoading(state) ? null : referenceDecorations(state)) },
    view: (view) => new CurrentStyleView(view),
  });
}
