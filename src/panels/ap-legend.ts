import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { markStyles } from '../styles/marks.ts';
import { LEGEND_ENTRIES, type LegendEntry } from './legend-entries.ts';

export type { KeyHelp } from '../editor/reader-keys.ts';

/**
 * The legend of every mark the text can show (legend-entries.ts), each with a sample drawn by the text's own
 * stylesheet (styles/marks.ts): a disclosure in the reader's header, closed by default so the page stays quiet.
 */
@customElement('ap-legend')
export class ApLegend extends LitElement {
  static override styles = [
    markStyles,
    css`
      :host { display: block; font: 0.85rem/1.4 var(--ap-sans); color: var(--ap-muted); }
      summary { cursor: pointer; font-weight: 600; color: var(--ap-ink); width: max-content; }
      summary:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 2px; }
      .groups { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 0.6rem 1.5rem; margin-top: 0.5rem; }
      h3 { font: 600 0.72rem/1.2 var(--ap-sans); letter-spacing: 0.08em; text-transform: uppercase; margin: 0 0 0.3rem; color: var(--ap-muted); }
      dl { margin: 0; display: grid; gap: 0.25rem; }
      dl div { display: grid; grid-template-columns: 7.5rem 1fr; gap: 0.6rem; align-items: baseline; }
      dt, dd { margin: 0; }
      .sample { font: 0.95rem/1.6 var(--ap-serif); color: var(--ap-ink); }
      .sample.current { background-color: var(--ap-current); }
      .sample .ap-reference { display: inline; }
    `,
  ];

  /** Whether the legend starts open. */
  @property({ type: Boolean }) open = false;

  override render() {
    const groups = new Map<LegendEntry['group'], LegendEntry[]>();
    for (const e of LEGEND_ENTRIES) groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
    return html`<details ?open=${this.open}>
      <summary>Legend</summary>
      <div class="groups">
        ${[...groups].map(
          ([group, entries]) => html`<section aria-label=${group}>
            <h3>${group}</h3>
            <dl>
              ${entries.map(
                (e) => html`<div data-explains=${e.explains.join(' ')}>
                  <dt><span class="sample ${e.sample.current ? 'current' : ''}"><span class=${e.sample.classes}>${e.sample.text}</span></span></dt>
                  <dd>${e.label}</dd>
                </div>`,
              )}
            </dl>
          </section>`,
        )}
      </div>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-legend': ApLegend;
  }
}
