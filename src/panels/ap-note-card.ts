import { CHECK_LABEL, CHECK_SIGN } from './check-labels.ts';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { noteBody, noteSources, noteTags } from '../anchoring/note-draft.ts';
import { quotedText } from '../anchoring/target-selectors.ts';
import type { AnnotationEntry } from '../editor/annotation-plugin.ts';
import { CopyLinkEvent, NoteActionEvent } from './events.ts';
import { noteBodyTemplate } from './note-body.ts';
import { CERTAINTY_LABEL, EVIDENCE_LABEL, MOTIVATION_LABEL, RELATION_LABEL, safeHref, VERDICT_LABEL } from './note-labels.ts';
import { noteBadgeStyles } from './note-styles.ts';

function when(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10);
}

/** The address a source link opens: http(s) as it is, a work's `#ref`, an ISBN at Open Library; else null (text). */
function sourceHref(source: string): string | null {
  if (safeHref(source)) return source;
  if (source.startsWith('#')) return source;
  const isbn = /^urn:isbn:([\dX]{10,13})$/i.exec(source);
  return isbn ? `https://openlibrary.org/isbn/${isbn[1]}` : null;
}

/**
 * One note: what it says (plain text as written, or Markdown read into Lit templates — never markup), its verdict and certainty, who holds which view, its sources
 * as links (http and https only), tags, author and date, its replies, and its actions.
 * @fires ap-note-action - edit, reply, delete or focus this note
 */
@customElement('ap-note-card')
export class ApNoteCard extends LitElement {
  static override styles = [
    noteBadgeStyles,
    css`
      :host { display: block; font-family: var(--ap-sans); color: var(--ap-ink); }
      article { border-left: 3px solid var(--ap-note-ink, #7a5ea8); padding: 0.1rem 0 0.2rem 0.7rem; }
      :host([active]) article { background: var(--ap-current); }
      .quote { margin: 0.35rem 0; font: italic 0.85rem/1.4 var(--ap-serif); color: var(--ap-muted); }
      .quote button { all: unset; cursor: pointer; }
      .quote button:focus-visible { outline: 2px solid var(--ap-focus); }
      .text { margin: 0.35rem 0; font: 0.95rem/1.5 var(--ap-serif); white-space: pre-wrap; overflow-wrap: anywhere; }
      .md { white-space: normal; }
      .md p, .md ul, .md ol, .md blockquote, .md pre { margin: 0.3rem 0; }
      .md ul, .md ol { font: inherit; padding-left: 1.3rem; }
      .md blockquote { padding-left: 0.6rem; border-left: 2px solid var(--ap-line); color: var(--ap-muted); }
      .md pre { white-space: pre-wrap; font: 0.82rem/1.4 var(--ap-mono, monospace); }
      .locator { color: var(--ap-muted); }
      .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
      .relation { font: 0.75rem/1.2 var(--ap-sans); color: var(--ap-muted); }
      h5 { margin: 0.6rem 0 0.25rem; font: 600 0.72rem/1 var(--ap-sans); text-transform: uppercase; letter-spacing: 0.06em; color: var(--ap-muted); }
      ul { margin: 0; padding-left: 1.1rem; font-size: 0.85rem; line-height: 1.45; }
      li { margin: 0.15rem 0; overflow-wrap: anywhere; }
      a { color: var(--ap-link); }
      .tags { display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0.35rem 0; padding: 0; list-style: none; }
      .tags li { font: 0.75rem/1.3 var(--ap-sans); background: var(--ap-hover); border-radius: 3px; padding: 0.05rem 0.4rem; margin: 0; }
      .by { font-size: 0.75rem; color: var(--ap-muted); margin: 0.3rem 0; }
      .check { font-size: 0.82rem; margin: 0.3rem 0; font-weight: 600; }
      .status { font-size: 0.75rem; color: var(--ap-none-ink); margin: 0.2rem 0; }
      .actions { display: flex; gap: 0.35rem; margin-top: 0.35rem; }
      .actions button { font: 0.78rem/1.2 var(--ap-sans); padding: 0.2rem 0.5rem; border: 1px solid var(--ap-line); border-radius: 3px; background: var(--ap-paper); color: var(--ap-ink); cursor: pointer; }
      .actions button:hover { border-color: var(--ap-ink); }
      .actions button:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 1px; }
      .replies { margin: 0.5rem 0 0 0.4rem; padding-left: 0.6rem; border-left: 1px solid var(--ap-line); }
      .reply { margin: 0.4rem 0; }
      .reply p, .reply .md { margin: 0.15rem 0; font: 0.88rem/1.45 var(--ap-serif); white-space: pre-wrap; overflow-wrap: anywhere; }
      .reply .md { white-space: normal; }
      .reply p.kind { font: 600 0.7rem/1.2 var(--ap-sans); text-transform: uppercase; letter-spacing: 0.06em; color: var(--ap-muted); }
    `,
  ];

  /** The note shown. */
  @property({ attribute: false }) entry: AnnotationEntry | null = null;
  /** Its replies, oldest first. */
  @property({ attribute: false }) replies: readonly AnnotationEntry[] = [];
  /** Show the quoted passage (in lists away from the text). */
  @property({ type: Boolean, attribute: 'show-quote' }) showQuote = false;
  /** Outlined as the focused note. */
  @property({ type: Boolean, reflect: true }) active = false;

  private fire(action: 'edit' | 'reply' | 'delete' | 'focus', id: string) {
    this.dispatchEvent(new NoteActionEvent(action, id));
  }

  override render() {
    const e = this.entry;
    if (!e) return nothing;
    const a = e.annotation;
    const rerender = () => this.requestUpdate();
    const tags = noteTags(a);
    const links = noteSources(a);
    const quote = quotedText(a);
    return html`<article aria-label=${`${MOTIVATION_LABEL[a.motivation] ?? a.motivation}${a.verdict ? `: ${VERDICT_LABEL[a.verdict]}` : ''}`} data-annotation=${a.id}>
      <div class="badges">
        <span class="badge motivation">${MOTIVATION_LABEL[a.motivation] ?? a.motivation}</span>
        ${a.verdict ? html`<span class="badge v-${a.verdict}">${VERDICT_LABEL[a.verdict] ?? a.verdict}</span>` : nothing}
        ${a.certainty ? html`<span class="badge cert">${CERTAINTY_LABEL[a.certainty] ?? a.certainty}</span>` : nothing}
      </div>
      ${e.status === 'orphan' ? html`<p class="status">Unanchored: the passage it was written for was not found in this text.</p>` : nothing}
      ${typeof a.target === 'string' ? html`<p class="status">A reply to ${a.target}, which is not a note of this work (or its thread loops).</p>` : nothing}
      ${e.status === 'fuzzy' ? html`<p class="status">Re-anchored on changed wording (match ${Math.round(e.score * 100)}%).</p>` : nothing}
      ${this.showQuote && quote
        ? html`<p class="quote">${e.range ? html`<button type="button" @click=${() => this.fire('focus', a.id)}>“${quote}”</button>` : html`“${quote}”`}</p>`
        : nothing}
      ${noteBodyTemplate(noteBody(a), 'text', rerender)}
      ${a.positions?.length
        ? html`<h5>Positions</h5><ul>${a.positions.map(
            (p) => html`<li><strong>${p.holder}</strong>${p.perspective ? html` (${p.perspective})` : nothing}: ${p.view}
              — ${safeHref(p.url ?? '') ? html`<a href=${p.url!} target="_blank" rel="noopener noreferrer">${p.citation}</a>` : p.citation}</li>`,
          )}</ul>`
        : nothing}
      ${links.length
        ? html`<h5>Sources</h5><ul>${links.map((l) => {
            const href = sourceHref(l.source);
            const label = l.citation ?? l.source;
            return html`<li>${l.relation ? html`<span class="relation">${RELATION_LABEL[l.relation] ?? l.relation}:</span> ` : nothing}${href
                ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${label}</a>`
                : label}${l.locator ? html`<span class="locator">, ${l.locator}</span>` : nothing}</li>`;
          })}</ul>`
        : nothing}
      ${a.verification
        ? html`<p class="check">Check: ${CHECK_SIGN[a.verification.status]} ${CHECK_LABEL[a.verification.status]}${a.verification.locator ? `, ${a.verification.locator}` : ''}${a.verification.passage ? html` — “${a.verification.passage}”` : nothing}</p>`
        : nothing}
      ${a.evidence?.length ? html`<p class="by">Evidence: ${a.evidence.map((t) => EVIDENCE_LABEL[t] ?? t).join('; ')}</p>` : nothing}
      ${tags.length ? html`<ul class="tags" aria-label="Tags">${tags.map((t) => html`<li>${t}</li>`)}</ul>` : nothing}
      <p class="by">${a.creator?.name ?? 'Unknown author'} · ${when(a.modified ?? a.created)}${a.modified ? ' (edited)' : ''}</p>
      <div class="actions">
        <button type="button" @click=${() => this.fire('edit', a.id)}>Edit</button>
        <button type="button" @click=${() => this.fire('reply', a.id)}>Reply</button>
        <button type="button" @click=${() => this.fire('delete', a.id)}>Delete</button>
        <button type="button" @click=${() => this.dispatchEvent(new CopyLinkEvent('annotation', a.id))}>Copy link<span class="visually-hidden"> to this note</span></button>
      </div>
      ${this.replies.length
        ? html`<div class="replies" aria-label="Replies">${this.replies.map(
            (r) => html`<div class="reply" data-annotation=${r.annotation.id}>
              ${r.annotation.motivation === 'editing' ? html`<p class="kind">Proposed edit</p>` : nothing}
              ${noteBodyTemplate(noteBody(r.annotation), 'reply-text', rerender)}
              <p class="by">${r.annotation.creator?.name ?? 'Unknown author'} · ${when(r.annotation.modified ?? r.annotation.created)}</p>
              <div class="actions">
                <button type="button" @click=${() => this.fire('edit', r.annotation.id)}>Edit<span class="visually-hidden"> reply</span></button>
                <button type="button" @click=${() => this.fire('delete', r.annotation.id)}>Delete<span class="visually-hidden"> reply</span></button>
              </div>
            </div>`,
          )}</div>`
        : nothing}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-note-card': ApNoteCard;
  }
}
