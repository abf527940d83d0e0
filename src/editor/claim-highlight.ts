/**
 * The claim under the caret, painted with the CSS Custom Highlight API (`CSS.highlights`, `::highlight()` in
 * reader.css): a range over the claim's text, registered as the highlight `ap-current-claim` (or
 * `ap-current-claim-none` for a claim without a source).
 *
 * Why not a stylesheet rule naming the claim's id: changing a rule makes the browser re-match styles across the
 * whole document (Chromium: about 18 ms per caret move on a book of 6,000 claims, in `scheduleInvalidationsForRuleSets`),
 * while a highlight only repaints the two ranges. Nothing in the document's DOM or styles changes, so ProseMirror
 * is not disturbed either. Where the API is missing, `available()` is false and the caller keeps the rule.
 */
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { ClaimRange } from './claim-index.ts';

/** The highlight names reader.css styles. */
export const CURRENT_CLAIM_HIGHLIGHT = 'ap-current-claim';
export const CURRENT_UNSOURCED_CLAIM_HIGHLIGHT = 'ap-current-claim-none';

/** The parts of the Highlight API this module uses (absent from older browsers and from DOMs without rendering). */
interface HighlightRegistry {
  set(name: string, highlight: unknown): unknown;
  delete(name: string): boolean;
}
type HighlightConstructor = new (...ranges: AbstractRange[]) => unknown;

function registryOf(view: EditorView): { registry: HighlightRegistry; Highlight: HighlightConstructor } | null {
  const win = view.dom.ownerDocument.defaultView as (Window & { CSS?: { highlights?: HighlightRegistry }; Highlight?: HighlightConstructor }) | null;
  const registry = win?.CSS?.highlights;
  const Highlight = win?.Highlight;
  return registry && typeof Highlight === 'function' ? { registry, Highlight } : null;
}

/** Whether `claim`'s mark at its start says it has no source. */
function unsourced(state: EditorState, claim: ClaimRange): boolean {
  const mark = state.doc.nodeAt(claim.from)?.marks.find((m) => m.type.name === 'claim' && m.attrs['id'] === claim.id);
  return mark?.attrs['support'] === 'none';
}

/** Paints one claim range of one view as the current claim. */
export class ClaimHighlight {
  private readonly api: ReturnType<typeof registryOf>;
  private shown: { name: string; start: Node; startOffset: number; end: Node; endOffset: number } | null = null;

  constructor(private readonly view: EditorView) {
    this.api = registryOf(view);
  }

  /** True when the browser offers the Highlight API (else the caller shows the claim another way). */
  available(): boolean {
    return this.api !== null;
  }

  /**
   * Shows `claim` (null: none) of the view's current state. Cheap when nothing moved: called after every update,
   * it re-registers only when the claim or the DOM nodes under its ends changed (ProseMirror redraws text nodes
   * when note highlights near them are drawn).
   */
  show(claim: ClaimRange | null): void {
    const api = this.api;
    if (!api) return;
    if (!claim) {
      if (this.shown) this.clear();
      return;
    }
    const start = this.view.domAtPos(claim.from, 1);
    const end = this.view.domAtPos(claim.to, -1);
    const name = unsourced(this.view.state, claim) ? CURRENT_UNSOURCED_CLAIM_HIGHLIGHT : CURRENT_CLAIM_HIGHLIGHT;
    const s = this.shown;
    if (s && s.name === name && s.start === start.node && s.startOffset === start.offset && s.end === end.node && s.endOffset === end.offset) return;
    const range = this.view.dom.ownerDocument.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    if (s && s.name !== name) api.registry.delete(s.name);
    api.registry.set(name, new api.Highlight(range));
    this.shown = { name, start: start.node, startOffset: start.offset, end: end.node, endOffset: end.offset };
  }

  /** Removes the highlight. */
  clear(): void {
    if (this.api && this.shown) this.api.registry.delete(this.shown.name);
    this.shown = null;
  }
}
