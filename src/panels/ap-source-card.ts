import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Reference } from '../model/reference-types.ts';
import { authorLine, publicationLine, shortCitation } from './format-citation.ts';
import { identifierLinks } from './identifier-links.ts';

/**
 * One source: its short citation as a heading, the parsed details, the entry's full text as written, and its
 * identifiers as links (ISBN and OL → Open Library, OCLC → WorldCat, hdl → Handle.net, DOI → doi.org).
 */
@customElement('ap-source-card')
export class ApSourceCard extends LitElement {
  static override styles = css`
    :host { display: block; }
    .label { font: 600 0.75rem/1 var(--ap-sans); color: var(--ap-muted); letter-spacing: 0.04em; }
    h4 { margin: 0.2rem 0 0.35rem; font: 600 1rem/1.35 var(--ap-serif); color: var(--ap-ink); }
    .meta { margin: 0 0 0.4rem; font: 0.9rem/1.45 var(--ap-serif); color: var(--ap-ink); }
    .meta em { font-style: italic; }
    .entry { margin: 0 0 0.5rem; font: 0.85rem/1.45 var(--ap-serif); color: var(--ap-muted); }
    ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.35rem; }
    a {
      display: inline-block; padding: 0.15rem 0.45rem; border: 1px solid var(--ap-line); border-radius: 3px;
      font: 0.8rem/1.3 var(--ap-sans); color: var(--ap-link); text-decoration: none; background: var(--ap-paper);
    }
    a:hover { border-color: var(--ap-link); }
    a:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 1px; }
    .kind { font-weight: 600; margin-right: 0.25rem; color: var(--ap-ink); }
  `;

  /** The reference shown. */
  @property({ attribute: false }) reference: Reference | null = null;

  override render() {
    const r = this.reference;
    if (!r) return nothing;
    const csl = r.csl;
    const authors = authorLine(csl);
    const where = publicationLine(csl);
    const year = csl.issued?.['date-parts'][0][0];
    const links = identifierLinks(r.ids);
    return html`
      <div class="label">Source [${r.label}]</div>
      <h4>${shortCitation(csl)}</h4>
      <p class="meta">
        ${authors ? html`${authors}${year ? ` (${year})` : ''}. ` : nothing}<em>${csl.title ?? ''}</em>${where ? html`. ${where}` : nothing}.
      </p>
      <p class="entry" aria-label="Entry as written">${r.label}. ${r.text}</p>
      ${links.length
        ? html`<ul aria-label="Identifiers">
            ${links.map(
              (l) => html`<li><a href=${l.href} target="_blank" rel="noopener noreferrer"><span class="kind">${l.kind}</span>${l.value}</a></li>`,
            )}
          </ul>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-source-card': ApSourceCard;
  }
}
