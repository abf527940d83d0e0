import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { focusReference, selectClaim } from '../editor/commands.ts';
import type { ReaderEditor } from '../editor/reader-view.ts';
import type { ReaderSnapshot } from '../editor/snapshot.ts';
import { ClaimSelectEvent, ReferenceSelectEvent } from './events.ts';
import type { KeyHelp } from './ap-legend.ts';
import './ap-claim-list.ts';
import './ap-legend.ts';
import './ap-provenance-panel.ts';

/**
 * The one container of the reader: the header (title, source, licence, legend, keys), the text (slotted light
 * DOM, where the ProseMirror view lives) and the side panels. Snapshots come DOWN as the `snapshot` property;
 * panels' events come UP and are turned into editor commands here.
 */
@customElement('ap-reader')
export class ApReader extends LitElement {
  static override styles = css`
    :host { display: block; min-height: 100vh; background: var(--ap-page); color: var(--ap-ink); }
    header { border-bottom: 1px solid var(--ap-line); background: var(--ap-paper); }
    .head { max-width: 86rem; margin: 0 auto; padding: 1rem 1.5rem 0.8rem; display: grid; gap: 0.5rem; }
    .kicker { font: 600 0.75rem/1 var(--ap-sans); letter-spacing: 0.1em; text-transform: uppercase; color: var(--ap-muted); margin: 0; }
    h1 { font: 600 1.9rem/1.15 var(--ap-serif); margin: 0; letter-spacing: -0.01em; }
    .source { font: 0.85rem/1.4 var(--ap-sans); color: var(--ap-muted); margin: 0; }
    .source a { color: var(--ap-link); }
    .warning { max-width: 86rem; margin: 0.75rem auto 0; padding: 0.7rem 1rem; border: 1px solid var(--ap-none-ink); background: var(--ap-none-bg); color: var(--ap-none-ink); border-radius: 4px; font: 600 0.9rem/1.4 var(--ap-sans); box-sizing: border-box; }
    main { max-width: 86rem; margin: 0 auto; padding: 1.5rem; display: grid; grid-template-columns: minmax(0, 46rem) minmax(18rem, 24rem); justify-content: center; gap: 2rem; align-items: start; }
    .text { min-width: 0; }
    aside { position: sticky; top: 1rem; display: grid; gap: 1rem; max-height: calc(100vh - 2rem); overflow: auto; padding-right: 0.25rem; }
    .panel { background: var(--ap-paper); border: 1px solid var(--ap-line); border-radius: 6px; padding: 1rem 1.1rem; }
    @media (max-width: 60rem) {
      main { grid-template-columns: minmax(0, 1fr); gap: 1.25rem; padding: 1rem; }
      aside { position: static; max-height: none; overflow: visible; }
      h1 { font-size: 1.5rem; }
      .head { padding: 0.8rem 1rem; }
    }
  `;

  /** The current snapshot; null until the work is loaded. */
  @property({ attribute: false }) snapshot: ReaderSnapshot | null = null;
  /** The editor to run commands on. */
  @property({ attribute: false }) editor: Pick<ReaderEditor, 'run'> | null = null;
  /** Key bindings for the help. */
  @property({ attribute: false }) keys: readonly KeyHelp[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(ClaimSelectEvent.type, this.onClaimSelect);
    this.addEventListener(ReferenceSelectEvent.type, this.onReferenceSelect);
  }

  override disconnectedCallback(): void {
    this.removeEventListener(ClaimSelectEvent.type, this.onClaimSelect);
    this.removeEventListener(ReferenceSelectEvent.type, this.onReferenceSelect);
    super.disconnectedCallback();
  }

  private onClaimSelect = (e: ClaimSelectEvent) => {
    this.editor?.run(selectClaim(e.detail.id), { focus: true });
  };

  private onReferenceSelect = (e: ReferenceSelectEvent) => {
    this.editor?.run(focusReference(e.detail.label));
  };

  override render() {
    const doc = this.snapshot?.document;
    const work = doc?.work;
    return html`
      <header>
        <div class="head">
          <p class="kicker">Apparatus · close reading with provenance</p>
          <h1>${work?.title ?? 'Loading…'}</h1>
          ${work
            ? html`<p class="source">
                Source: <a href=${work.source} target="_blank" rel="noopener noreferrer">${work.attribution}</a>
                · <a href=${work.licence.url} target="_blank" rel="noopener noreferrer">${work.licence.name}</a>
              </p>`
            : nothing}
          <ap-legend .keys=${this.keys}></ap-legend>
        </div>
      </header>
      ${(doc?.warnings ?? []).map((w) => html`<div class="warning" role="alert">${w}</div>`)}
      <main>
        <div class="text"><slot name="text"></slot></div>
        <aside part="aside" aria-label="Provenance and claims">
          <section class="panel" aria-label="Provenance">
            <ap-provenance-panel .caret=${this.snapshot?.caret ?? null}></ap-provenance-panel>
          </section>
          <section class="panel" aria-label="Claims">
            <ap-claim-list .claims=${doc?.claims ?? []} .coverage=${doc?.coverage ?? null} .currentId=${this.snapshot?.caret.claim?.id ?? null}></ap-claim-list>
          </section>
        </aside>
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-reader': ApReader;
  }
}
