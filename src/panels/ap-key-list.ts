import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { KeyHelp } from '../editor/reader-keys.ts';

/**
 * The list of every key (`?`): a modal dialog listing the key table's help and the keys the panels bind. Escape or
 * "Close" closes it; the browser returns the focus to where it was.
 */
@customElement('ap-key-list')
export class ApKeyList extends LitElement {
  static override styles = css`
    dialog { max-width: 40rem; width: calc(100vw - 2rem); border: 1px solid var(--ap-line); border-radius: 6px; padding: 1rem 1.25rem; font: 0.9rem/1.45 var(--ap-sans); color: var(--ap-ink); background: var(--ap-paper); }
    dialog::backdrop { background: rgb(0 0 0 / 0.3); }
    h2 { font: 600 1.15rem/1.2 var(--ap-serif); margin: 0 0 0.75rem; }
    dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1rem; }
    dt, dd { margin: 0; }
    kbd { font: 600 0.78rem/1 var(--ap-mono); border: 1px solid var(--ap-line); border-bottom-width: 2px; border-radius: 3px; padding: 0.15rem 0.35rem; background: var(--ap-page); }
    .actions { display: flex; justify-content: flex-end; margin-top: 1rem; }
    button { font: inherit; padding: 0.3rem 0.8rem; cursor: pointer; }
    button:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 2px; }
  `;

  /** Every key to list, in order. */
  @property({ attribute: false }) keys: readonly KeyHelp[] = [];

  /** Opens the list as a modal dialog. */
  show(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  /** Whether it is open. */
  get isOpen(): boolean {
    return this.renderRoot.querySelector('dialog')?.open ?? false;
  }

  override render() {
    return html`<dialog aria-labelledby="keys-title">
      <h2 id="keys-title">Keys</h2>
      <dl>
        ${this.keys.map((k) => html`<dt>${k.keys.map((key, i) => html`${i ? ' or ' : ''}<kbd>${key}</kbd>`)}</dt><dd>${k.does}</dd>`)}
      </dl>
      <div class="actions"><button type="button" @click=${() => this.renderRoot.querySelector('dialog')?.close()}>Close</button></div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-key-list': ApKeyList;
  }
}
