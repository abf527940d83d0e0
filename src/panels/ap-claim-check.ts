import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { VERIFICATION_STATUSES, type ClaimCheck, type VerificationStatus } from '../anchoring/verification.ts';
import type { Claim } from '../model/claim-types.ts';
import type { Reference } from '../model/reference-types.ts';
import { CHECK_LABEL, CHECK_SIGN } from './check-labels.ts';
import { ClaimCheckEvent } from './events.ts';

/** The form's state while a check is being written: which source (null: the claim needs one). */
interface Open {
  label: string | null;
  status: VerificationStatus;
  locator: string;
  passage: string;
}

/**
 * Checking the claim under the caret against its sources: for each cited source, the checks recorded so far
 * (outcome, locator, the source's passage, who and when) and a form to record one — the outcome, a locator (page,
 * section, folio, archival reference such as fond/opis/delo) and the passage of the source. A claim without a
 * source can be marked as needing one.
 * @fires ap-claim-check - the user recorded a check
 */
@customElement('ap-claim-check')
export class ApClaimCheck extends LitElement {
  static override styles = css`
    :host { display: block; font-family: var(--ap-sans); color: var(--ap-ink); margin-top: 0.8rem; }
    h3 { font: 600 0.75rem/1 var(--ap-sans); letter-spacing: 0.08em; text-transform: uppercase; color: var(--ap-muted); margin: 0 0 0.5rem; }
    .source { border-top: 1px solid var(--ap-line); padding: 0.5rem 0; }
    .source > p { margin: 0 0 0.3rem; font-size: 0.85rem; }
    ul { list-style: none; margin: 0 0 0.4rem; padding: 0; }
    li { font-size: 0.82rem; line-height: 1.4; margin: 0.2rem 0; }
    .status { font-weight: 600; }
    .status--not-supported, .status--needs-source { color: var(--ap-none-ink); }
    .passage { font-family: var(--ap-serif); font-style: italic; }
    .by { color: var(--ap-muted); }
    button { font: 0.8rem/1.2 var(--ap-sans); padding: 0.25rem 0.55rem; border: 1px solid var(--ap-line); border-radius: 3px; background: var(--ap-paper); color: var(--ap-ink); cursor: pointer; }
    button.primary { background: var(--ap-ink); color: var(--ap-paper); border-color: var(--ap-ink); }
    button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 2px; }
    form { display: grid; gap: 0.45rem; margin-top: 0.3rem; }
    fieldset { border: 0; margin: 0; padding: 0; display: grid; gap: 0.15rem; }
    legend { font-size: 0.8rem; font-weight: 600; margin-bottom: 0.2rem; }
    label { font-size: 0.8rem; }
    input[type='text'], textarea { font: 0.85rem/1.4 var(--ap-sans); padding: 0.3rem 0.4rem; border: 1px solid var(--ap-line); border-radius: 3px; width: 100%; box-sizing: border-box; }
    .actions { display: flex; gap: 0.4rem; }
    .problem { color: var(--ap-none-ink); font-size: 0.8rem; margin: 0; }
  `;

  /** The claim under the caret. */
  @property({ attribute: false }) claim: Claim | null = null;
  /** The references it cites (entries that exist). */
  @property({ attribute: false }) sources: readonly Reference[] = [];
  /** The checks recorded on it. */
  @property({ attribute: false }) checks: readonly ClaimCheck[] = [];

  @state() private open: Open | null = null;
  @state() private problem = '';
  private openFor: Claim | null = null;

  override willUpdate(): void {
    // A form belongs to one claim: moving to another closes it.
    if (this.openFor !== this.claim) {
      this.open = null;
      this.problem = '';
      this.openFor = this.claim;
    }
  }

  private start(label: string | null) {
    this.open = { label, status: label === null ? 'needs-source' : 'verified', locator: '', passage: '' };
    this.problem = '';
    void this.updateComplete.then(() => (this.renderRoot.querySelector('input[name="status"]:checked') as HTMLInputElement | null)?.focus());
  }

  private submit(e: Event) {
    e.preventDefault();
    const open = this.open;
    if (!open || !this.claim) return;
    if (open.status === 'page-needed' && open.locator.trim()) {
      this.problem = 'A page is needed, yet a locator is given: choose another outcome or clear the locator.';
      return;
    }
    const reference = this.sources.find((r) => r.label === open.label);
    this.dispatchEvent(
      new ClaimCheckEvent({
        claimId: this.claim.id,
        label: open.label,
        status: open.status,
        locator: open.locator,
        passage: open.passage,
        ...(reference ? { citation: reference.text } : {}),
      }),
    );
    this.open = null;
  }

  private list(label: string | null) {
    const mine = this.checks.filter((c) => c.label === label);
    if (mine.length === 0) return html`<p class="by">Not yet checked.</p>`;
    return html`<ul>
      ${mine.map(
        (c) => html`<li>
          <span class="status status--${c.status}">${CHECK_SIGN[c.status]} ${CHECK_LABEL[c.status]}</span>${c.locator ? html`, ${c.locator}` : nothing}
          ${c.passage ? html`<br /><span class="passage">“${c.passage}”</span>` : nothing}
          <br /><span class="by">${c.checker} · ${c.date}</span>
        </li>`,
      )}
    </ul>`;
  }

  private form(open: Open) {
    const statuses = open.label === null ? (['needs-source'] as const) : VERIFICATION_STATUSES.filter((s) => s !== 'needs-source');
    // Read the form state when the event comes, not when it was drawn: two edits may come before a render.
    const set = (patch: Partial<Open>) => (this.open = { ...(this.open ?? open), ...patch });
    return html`<form @submit=${this.submit} aria-label=${open.label === null ? 'Mark the claim as needing a source' : `Check source [${open.label}]`}>
      <fieldset>
        <legend>Outcome</legend>
        ${statuses.map(
          (s) => html`<label><input type="radio" name="status" value=${s} .checked=${open.status === s} @change=${() => set({ status: s })} /> ${CHECK_SIGN[s]} ${CHECK_LABEL[s]}</label>`,
        )}
      </fieldset>
      ${open.label === null
        ? nothing
        : html`<label>Locator (page, section, folio, fond/opis/delo)
              <input type="text" name="locator" .value=${open.locator} @input=${(e: Event) => set({ locator: (e.target as HTMLInputElement).value })} /></label>
            <label>Passage of the source
              <textarea name="passage" rows="3" .value=${open.passage} @input=${(e: Event) => set({ passage: (e.target as HTMLTextAreaElement).value })}></textarea></label>`}
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary">Record check</button>
        <button type="button" @click=${() => (this.open = null)}>Cancel</button>
      </div>
    </form>`;
  }

  override render() {
    const claim = this.claim;
    if (!claim) return nothing;
    const open = this.open;
    if (this.sources.length === 0) {
      return html`<h3>Check</h3>
        <div class="source">
          ${this.list(null)}
          ${open ? this.form(open) : html`<button type="button" @click=${() => this.start(null)}>Mark as needing a source</button>`}
        </div>`;
    }
    return html`<h3>Check against the sources</h3>
      ${this.sources.map(
        (r) => html`<div class="source" data-label=${r.label}>
          <p><strong>[${r.label}]</strong> ${r.csl.title ?? r.text.slice(0, 80)}</p>
          ${this.list(r.label)}
          ${open?.label === r.label ? this.form(open) : html`<button type="button" @click=${() => this.start(r.label)}>Check source [${r.label}]</button>`}
        </div>`,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-claim-check': ApClaimCheck;
  }
}
