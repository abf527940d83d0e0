import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Reference } from '../model/reference-types.ts';
import './ap-source-card.ts';

/**
 * The reference of a footnote marker, shown at the marker (as Wikipedia's reference previews do) without moving
 * the reading place. A non-modal dialog: it takes the focus when shown; Escape or "Close" fires `ap-popover-close`,
 * and the reader returns the focus to the marker.
 * @fires ap-popover-close - the reader closed the popover
 */
@customElement('ap-footnote-popover')
export class ApFootnotePopover extends LitElement {
  static override styles = css`
    :host { position: absolute; z-index: 6; display: block; width: min(26rem, calc(100vw - 1.5rem)); }
    .box { background: var(--ap-paper); border: 1px solid var(--ap-line); border-radius: 6px; box-shadow: 0 8px 24px rgba(0, 0, 0, 0.16); padding: 0.7rem 0.9rem 0.8rem; font: 0.9rem/1.45 var(--ap-sans); color: var(--ap-ink); }
    .box:focus { outline: none; }
    .box:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 2px; }
    .top { display: flex; justify-content: space-between; align-items: baseline; gap: 0.5rem; margin-bottom: 0.3rem; }
    h2 { font: 600 0.72rem/1.2 var(--ap-sans); letter-spacing: 0.08em; text-transform: uppercase; color: var(--ap-muted); margin: 0; }
    button { font: 0.8rem var(--ap-sans); border: 1px solid var(--ap-line); background: var(--ap-paper); border-radius: 3px; padding: 0.15rem 0.5rem; cursor: pointer; color: var(--ap-ink); }
    button:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 2px; }
    .missing { margin: 0; color: var(--ap-none-ink); }
  `;

  /** The marker's label. */
  @property() label = '';
  /** The reference it points to (null: the reference list has no entry for it). */
  @property({ attribute: false }) reference: Reference | null = null;

  /** Moves the focus into the popover (done by the reader once it is placed). */
  override focus(): void {
    (this.renderRoot.querySelector('.box') as HTMLElement | null)?.focus({ preventScroll: true });
  }

  private close = () => this.dispatchEvent(new Event('ap-popover-close', { bubbles: true, composed: true }));

  private onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    this.close();
  };

  override render() {
    return html`<div class="box" role="dialog" aria-modal="false" aria-labelledby="title" tabindex="-1" @keydown=${this.onKeydown}>
      <div class="top"><h2 id="title">Reference [${this.label}]</h2><button type="button" @click=${this.close}>Close</button></div>
      ${this.reference
        ? html`<ap-source-card .reference=${this.reference}></ap-source-card>`
        : html`<p class="missing">Marker [${this.label}] has no entry in the reference list.</p>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-footnote-popover': ApFootnotePopover;
  }
}
