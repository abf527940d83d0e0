import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ImportReport, Signal } from '../model/imported-text.ts';
import { reportSentences } from './import-report-words.ts';

/** How each format is named to the reader. */
const FORMAT_NAME: Record<string, string> = {
  'wikipedia-parsoid': 'Wikipedia article (Parsoid HTML)',
  'wikipedia-page': 'saved Wikipedia page',
  markdown: 'Markdown',
  tei: 'TEI',
  text: 'plain text',
};

/**
 * What the import of the text left out and what else it says ("2 tables, 1 infobox not shown"), shown with the
 * text so that nothing is left out silently: the first sentence always in view, the others (the report's notes)
 * one click away. Renders nothing for a report that says nothing (and for plain text, which has no report).
 */
@customElement('ap-import-report')
export class ApImportReport extends LitElement {
  static override styles = css`
    :host { display: block; }
    .report { max-width: 86rem; margin: 0.75rem auto 0; padding: 0.55rem 1rem; border: 1px solid var(--ap-line); border-left: 4px solid var(--ap-inherited-ink); background: var(--ap-paper); color: var(--ap-ink); border-radius: 4px; font: 0.88rem/1.45 var(--ap-sans); box-sizing: border-box; }
    strong { font-weight: 600; }
    ul { margin: 0.3rem 0 0; padding-left: 1.2rem; }
    p { margin: 0; }
    summary { cursor: pointer; }
    summary:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 2px; }
    .more { color: var(--ap-muted); }
  `;

  /** The import's report (null: none). */
  @property({ attribute: false }) report: ImportReport | null = null;
  /** Signals of the source that fall on no claim. */
  @property({ attribute: false }) unplaced: readonly Signal[] = [];

  override render() {
    const r = this.report;
    if (!r) return nothing;
    const sentences = reportSentences(r, this.unplaced);
    if (sentences.length === 0) return nothing;
    const from = FORMAT_NAME[r.format] ?? r.format;
    return html`<section class="report" role="note" aria-label="Import report">
      ${sentences.length === 1
        ? html`<p><strong>Imported from ${from}:</strong> ${sentences[0]}</p>`
        : html`<details>
            <summary><strong>Imported from ${from}:</strong> ${sentences[0]} <span class="more">(${sentences.length - 1} more)</span></summary>
            <ul>${sentences.slice(1).map((s) => html`<li>${s}</li>`)}</ul>
          </details>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-import-report': ApImportReport;
  }
}
