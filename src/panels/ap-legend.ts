import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { KeyHelp } from '../editor/reader-keys.ts';
import { SUPPORT_LABEL } from './support-labels.ts';

export type { KeyHelp } from '../editor/reader-keys.ts';

/** The legend of claim styles and the keyboard help, shown in the reader's header. */
@customElement('ap-legend')
export class ApLegend extends LitElement {
  static override styles = css`
    :host { display: flex; flex-wrap: wrap; gap: 0.4rem 1.25rem; align-items: center; font: 0.85rem/1.4 var(--ap-sans); color: var(--ap-muted); }
    dl { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; margin: 0; }
    dl div { display: flex; align-items: center; gap: 0.4rem; }
    dt { margin: 0; }
    dd { margin: 0; }
    .sample { font: 0.95rem var(--ap-serif); color: var(--ap-ink); padding: 0 0.15rem; }
    .direct { text-decoration: underline solid var(--ap-direct-ink) 2px; text-underline-offset: 0.25em; }
    .inherited { text-decoration: underline dotted var(--ap-inherited-ink) 2px; text-underline-offset: 0.25em; }
    .none { background: var(--ap-none-bg); text-decoration: underline wavy var(--ap-none-ink) 1px; text-underline-offset: 0.25em; }
    kbd { font: 600 0.75rem/1 var(--ap-mono); border: 1px solid var(--ap-line); border-bottom-width: 2px; border-radius: 3px; padding: 0.15rem 0.35rem; background: var(--ap-paper); color: var(--ap-ink); }
    .keys { display: flex; flex-wrap: wrap; gap: 0.3rem 0.9rem; margin: 0; padding: 0; list-style: none; }
  `;

  /** Key bindings to document. */
  @property({ attribute: false }) keys: readonly KeyHelp[] = [];

  override render() {
    return html`
      <dl aria-label="Legend">
        <div><dt><span class="sample direct">claim</span></dt><dd>${SUPPORT_LABEL.direct}</dd></div>
        <div><dt><span class="sample inherited">claim</span></dt><dd>Covered by a later citation</dd></div>
        <div><dt><span class="sample none">claim</span></dt><dd>${SUPPORT_LABEL.none}</dd></div>
      </dl>
      <ul class="keys" aria-label="Keyboard">
        ${this.keys.map((k) => html`<li>${k.keys.map((key, i) => html`${i ? ' or ' : ''}<kbd>${key}</kbd>`)} ${k.does}</li>`)}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-legend': ApLegend;
  }
}
