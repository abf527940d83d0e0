/**
 * Which part of the document is on screen, for drawing only the notes near it (annotation-decorations.ts).
 *
 * A ProseMirror plugin view: it measures once when mounted, then after every scroll (of the page or of any
 * scrolling ancestor) and every resize, at most once per animation frame, and reports the document positions at
 * the top and the bottom of the visible part of the text. It reports nothing while the text is off screen or has no
 * layout (e.g. in a DOM without rendering).
 */
import type { EditorView } from 'prosemirror-view';

/** Visible document positions `[from, to)`. */
export interface VisibleRange {
  from: number;
  to: number;
}

export class ViewportWindow {
  private frame = 0;
  private readonly win: Window | null;
  private readonly schedule = () => {
    if (this.frame || !this.win) return;
    this.frame = this.win.requestAnimationFrame(() => {
      this.frame = 0;
      const visible = visibleRange(this.view);
      if (visible) this.onVisible(visible);
    });
  };

  constructor(
    private readonly view: EditorView,
    private readonly onVisible: (visible: VisibleRange) => void,
  ) {
    this.win = view.dom.ownerDocument.defaultView;
    if (!this.win || typeof this.win.requestAnimationFrame !== 'function') {
      this.win = null;
      return;
    }
    this.win.addEventListener('scroll', this.schedule, { capture: true, passive: true });
    this.win.addEventListener('resize', this.schedule, { passive: true });
    this.schedule();
  }

  destroy(): void {
    if (!this.win) return;
    this.win.removeEventListener('scroll', this.schedule, { capture: true });
    this.win.removeEventListener('resize', this.schedule);
    if (this.frame) this.win.cancelAnimationFrame(this.frame);
  }
}

/** The document positions at the top and bottom of the visible part of `view`, or null when none is visible. */
export function visibleRange(view: EditorView): VisibleRange | null {
  const rect = view.dom.getBoundingClientRect();
  const height = view.dom.ownerDocument.defaultView?.innerHeight ?? 0;
  const top = Math.max(rect.top, 0) + 2;
  const bottom = Math.min(rect.bottom, height) - 2;
  if (rect.width === 0 || bottom <= top) return null;
  const left = rect.left + rect.width / 2;
  const from = view.posAtCoords({ left, top });
  const to = view.posAtCoords({ left, top: bottom });
  if (!from || !to) return null;
  return { from: Math.min(from.pos, to.pos), to: Math.max(from.pos, to.pos) };
}
