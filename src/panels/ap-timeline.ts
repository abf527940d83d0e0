import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { claimDates, type ClaimDate } from '../model/claim-dates.ts';
import type { Claim } from '../model/claim-types.ts';
import { dateInWords, timelineOf, type DateCorrection, type TimelineEntry } from '../model/timeline.ts';
import { ClaimSelectEvent, NoteActionEvent } from './events.ts';

/** The first words of a claim, for a timeline line. */
function excerpt(text: string, max = 140): string {
  const t = text.replace(/\[\w+\]/g, '').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The timeline of the work: the dates its claims state, in order, each linked to its claim; dates computed from
 * words such as "two days later" marked as inferred (with the date they count from); where a note gives another
 * date, the correction beside the stated date and at its own place in time, with the note's certainty.
 * Dates are found only while the panel is `active` (its tab shown): a book has thousands of claims.
 * @fires ap-claim-select - the user chose the claim of a date
 * @fires ap-note-action - the user chose the note of a correction (`focus`)
 */
@customElement('ap-timeline')
export class ApTimeline extends LitElement {
  static override styles = css`
    :host { display: block; font-family: var(--ap-sans); color: var(--ap-ink); }
    h2 { font: 600 0.8rem/1 var(--ap-sans); letter-spacing: 0.08em; text-transform: uppercase; color: var(--ap-muted); margin: 0 0 0.75rem; }
    .summary { font-size: 0.8rem; color: var(--ap-muted); margin: 0 0 0.6rem; }
    ol { list-style: none; margin: 0; padding: 0 0 0 0.2rem; border-left: 2px solid var(--ap-line); }
    li { position: relative; margin: 0 0 0.7rem; padding-left: 0.9rem; }
    li::before { content: ''; position: absolute; left: -0.42rem; top: 0.35rem; width: 0.6rem; height: 0.6rem; border-radius: 50%; background: var(--ap-paper); border: 2px solid var(--ap-muted); }
    li.correction::before { border-color: var(--ap-none-ink); }
    time { display: block; font: 600 0.85rem/1.3 var(--ap-sans); }
    li.correction time { color: var(--ap-none-ink); }
    button.claim, button.note {
      display: block; width: 100%; text-align: left; border: 0; background: none; color: var(--ap-ink); padding: 0.15rem 0.3rem;
      margin-left: -0.3rem; font: 0.85rem/1.4 var(--ap-serif); cursor: pointer; border-radius: 3px;
    }
    button:hover { background: var(--ap-hover); }
    button[aria-current='true'] { background: var(--ap-current); }
    button:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 2px; }
    .tag { display: inline-block; font-size: 0.72rem; line-height: 1.2; padding: 0.05rem 0.35rem; border-radius: 999px; border: 1px solid var(--ap-line); color: var(--ap-muted); margin: 0.15rem 0.25rem 0 0; }
    .tag.corrected { border-color: var(--ap-none-ink); color: var(--ap-none-ink); }
    .empty { font-size: 0.85rem; color: var(--ap-muted); }
  `;

  /** All claims of the work, in document order. */
  @property({ attribute: false }) claims: readonly Claim[] = [];
  /** The work's language (BCP 47): month names are read in it. */
  @property() language = 'en';
  /** Notes giving another date for a claim's words. */
  @property({ attribute: false }) corrections: readonly DateCorrection[] = [];
  /** The claim under the caret. */
  @property({ attribute: false }) currentId: string | null = null;
  /** Whether the panel is shown: dates are found only then. */
  @property({ type: Boolean }) active = false;

  private datesFor: { claims: readonly Claim[]; language: string; dates: ClaimDate[] } | null = null;

  /** The dates of the claims (found once per claim list and language). */
  private dates(): ClaimDate[] {
    if (this.datesFor?.claims !== this.claims || this.datesFor.language !== this.language) {
      this.datesFor = { claims: this.claims, language: this.language, dates: claimDates(this.claims, this.language) };
    }
    return this.datesFor.dates;
  }

  override render() {
    if (!this.active) return html`<h2 id="timeline-heading">Timeline</h2>`;
    const byId = new Map(this.claims.map((c) => [c.id, c]));
    const dates = this.dates();
    const entries = timelineOf(dates, this.corrections);
    const inferred = dates.filter((d) => d.inferred).length;
    const corrected = entries.filter((e) => e.kind === 'stated' && e.corrections.length > 0).length;
    return html`
      <h2 id="timeline-heading">Timeline</h2>
      ${dates.length === 0
        ? html`<p class="empty">No claim of this text states a date that could be read.</p>`
        : html`<p class="summary">${dates.length} ${dates.length === 1 ? 'date' : 'dates'} in the claims · ${inferred} inferred · ${corrected} corrected by notes</p>
            <ol aria-labelledby="timeline-heading">${entries.map((e) => this.line(e, byId))}</ol>`}
    `;
  }

  private line(e: TimelineEntry, byId: Map<string, Claim>) {
    if (e.kind === 'correction') {
      const c = e.correction;
      const certainty = c.certainty ? `${c.certainty} certainty` : 'certainty not stated';
      return html`<li class="correction">
        <time datetime=${c.correctedDate}>${dateInWords(c.correctedDate)}</time>
        <span class="tag corrected">Correction · ${certainty}</span>
        <button type="button" class="note" data-note=${c.noteId} @click=${() => this.dispatchEvent(new NoteActionEvent('focus', c.noteId))}>
          A note gives this date for “${e.of.text}”
        </button>
      </li>`;
    }
    const d = e.date;
    const claim = byId.get(d.claimId);
    return html`<li class="stated">
      <time datetime=${d.iso}>${dateInWords(d.iso)}</time>
      ${d.inferred ? html`<span class="tag">Inferred: “${d.text}” after ${d.basis}</span>` : nothing}
      ${e.corrections.map(
        (c) => html`<span class="tag corrected">A note gives ${dateInWords(c.correctedDate)}${c.certainty ? ` (${c.certainty} certainty)` : ''}</span>`,
      )}
      <button type="button" class="claim" data-claim=${d.claimId} aria-current=${this.currentId === d.claimId ? 'true' : 'false'}
        @click=${() => this.dispatchEvent(new ClaimSelectEvent(d.claimId))}>${excerpt(claim?.text ?? d.text)}</button>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-timeline': ApTimeline;
  }
}
