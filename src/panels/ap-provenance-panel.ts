import type { ClaimCheck } from '../anchoring/verification.ts';
import './ap-claim-check.ts';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PropertyValues } from 'lit';
import type { AnnotationEntry } from '../editor/annotation-plugin.ts';
import type { CaretSnapshot, LinkedWords } from '../editor/snapshot.ts';
import { safeHref } from '../model/http-url.ts';
import { signalPhrase } from '../model/signal-labels.ts';
import { CopyLinkEvent } from './events.ts';
import { pageWindow } from './page-window.ts';
import { SUPPORT_EXPLANATION, SUPPORT_LABEL } from './support-labels.ts';
import './ap-note-card.ts';
import './ap-source-card.ts';

/**
 * The provenance of whatever is under the caret: the claim's text, its support level and each cited source in full
 * with identifier links; for a claim without a source it says so plainly; a clicked marker shows its reference.
 * What the source itself flags about the claim ("Wikipedia flags this claim: citation needed") comes first, and the
 * source's links inside the claim (people, places, organisations) are listed after its sources.
 * Notes under the caret are shown a page at a time (`NOTES_HERE_PAGE`, "Show more").
 * Reflects the shown claim's id in `data-claim` (empty when none) after each update, for tests and benchmarks.
 */
/** Notes of one section shown before "Show more" (and added by each). */
export const NOTES_HERE_PAGE = 20;

@customElement('ap-provenance-panel')
export class ApProvenancePanel extends LitElement {
  static override styles = css`
    :host { display: block; font-family: var(--ap-sans); color: var(--ap-ink); }
    h2 { font: 600 0.8rem/1 var(--ap-sans); letter-spacing: 0.08em; text-transform: uppercase; color: var(--ap-muted); margin: 0 0 0.75rem; }
    h3 { font: 600 0.8rem/1 var(--ap-sans); letter-spacing: 0.04em; color: var(--ap-muted); margin: 1rem 0 0.5rem; }
    blockquote { margin: 0 0 0.75rem; padding: 0 0 0 0.75rem; border-left: 3px solid var(--ap-line); font: 1rem/1.5 var(--ap-serif); }
    .badge { display: inline-flex; align-items: center; gap: 0.4rem; font: 600 0.8rem/1.2 var(--ap-sans); padding: 0.2rem 0.55rem; border-radius: 999px; }
    .badge--direct { background: var(--ap-direct-bg); color: var(--ap-direct-ink); }
    .badge--inherited { background: var(--ap-inherited-bg); color: var(--ap-inherited-ink); }
    .badge--none { background: var(--ap-none-bg); color: var(--ap-none-ink); }
    .explain { margin: 0.4rem 0 0; font-size: 0.85rem; color: var(--ap-muted); line-height: 1.4; }
    .nosource { margin: 0.75rem 0 0; padding: 0.6rem 0.75rem; border: 1px dashed var(--ap-none-ink); border-radius: 4px; background: var(--ap-none-bg); color: var(--ap-none-ink); font-weight: 600; font-size: 0.95rem; }
    .missing { color: var(--ap-none-ink); font-size: 0.9rem; }
    .sources { margin-top: 1rem; }
    ap-source-card { padding: 0.75rem 0; border-top: 1px solid var(--ap-line); }
    .empty { color: var(--ap-muted); font-size: 0.95rem; line-height: 1.5; }
    .notes { margin-top: 1.1rem; padding-top: 0.8rem; border-top: 1px solid var(--ap-line); display: grid; gap: 0.8rem; }
    .notes h3 { margin: 0; }
    .gap { margin: 0; font-size: 0.8rem; color: var(--ap-muted); }
    .more { justify-self: start; font: 0.8rem var(--ap-sans); background: var(--ap-paper); border: 1px solid var(--ap-line); border-radius: 3px; padding: 0.25rem 0.55rem; cursor: pointer; color: var(--ap-ink); }
    .more:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 1px; }
    .flag { margin: 0.75rem 0 0; padding: 0.55rem 0.75rem; border: 1px solid var(--ap-none-ink); border-left-width: 4px; border-radius: 4px; background: var(--ap-paper); color: var(--ap-none-ink); font-weight: 600; font-size: 0.92rem; }
    .links { margin-top: 1rem; padding-top: 0.6rem; border-top: 1px solid var(--ap-line); }
    .links h3 { margin-top: 0; }
    .links ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.35rem; }
    .links li a, .links li span { display: inline-block; font: 0.85rem/1.3 var(--ap-sans); padding: 0.2rem 0.55rem; border: 1px solid var(--ap-line); border-radius: 999px; color: var(--ap-link); text-decoration: none; background: var(--ap-paper); }
    .links li a:hover { border-color: var(--ap-link); }
    .links li a:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 1px; }
    .links li span { color: var(--ap-muted); }
    .claim-head { display: flex; justify-content: space-between; align-items: baseline; gap: 0.5rem; }
    .claim-head h2 { margin-bottom: 0.75rem; }
    .copy { font: 0.78rem/1.2 var(--ap-sans); padding: 0.2rem 0.5rem; border: 1px solid var(--ap-line); border-radius: 3px; background: var(--ap-paper); color: var(--ap-ink); cursor: pointer; }
    .copy:hover { border-color: var(--ap-ink); }
    .copy:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 1px; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  `;

  /** What is under the caret (from the reader's snapshot). */
  @property({ attribute: false }) caret: CaretSnapshot | null = null;
  /** Replies by the id of the note they answer. */
  @property({ attribute: false }) replies: ReadonlyMap<string, readonly AnnotationEntry[]> = new Map();
  /** The checks of claims against their sources, by claim id. */
  @property({ attribute: false }) checks: ReadonlyMap<string, readonly ClaimCheck[]> = new Map();

  /** How many notes each section shows, by section id; reset when the caret's notes change. */
  @state() private limits: Record<string, number> = {};
  private limitsFor: CaretSnapshot | null = null;

  private notesSection(title: string, list: readonly AnnotationEntry[], id: string) {
    if (!list.length) return nothing;
    const active = this.caret?.focused?.annotation.id ?? null;
    // A passage under a pile of imported notes can have hundreds: a page at a time, the chosen note always shown.
    const w = pageWindow(list.length, this.limits[id] ?? NOTES_HERE_PAGE, active === null ? -1 : list.findIndex((e) => e.annotation.id === active), NOTES_HERE_PAGE);
    const card = (e: AnnotationEntry) =>
      html`<ap-note-card .entry=${e} .replies=${this.replies.get(e.annotation.id) ?? []} ?active=${e.annotation.id === active} show-quote></ap-note-card>`;
    return html`<section class="notes" aria-labelledby=${id}>
      <h3 id=${id}>${title} (${list.length})</h3>
      ${list.slice(0, w.head).map(card)}
      ${w.extra ? html`<p class="gap">… ${w.extra.from - w.head} more …</p>${list.slice(w.extra.from, w.extra.to).map(card)}` : nothing}
      ${w.hidden
        ? html`<button type="button" class="more" @click=${() => (this.limits = { ...this.limits, [id]: w.head + NOTES_HERE_PAGE })}>Show more (${w.hidden} left)</button>`
        : nothing}
    </section>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('caret') && this.caret !== this.limitsFor) {
      this.limitsFor = this.caret;
      this.limits = {};
    }
  }

  override render() {
    const c = this.caret;
    const notes = html`${this.notesSection('Notes here', c?.notes ?? [], 'notes-here')}${this.notesSection(
      'Notes on this claim',
      c?.claimNotes ?? [],
      'notes-claim',
    )}`;
    if (c?.focused && !c.notes.includes(c.focused) && !c.claimNotes.includes(c.focused)) {
      return html`<h2>Note</h2>${this.notesSection('Chosen note', [c.focused], 'notes-focused')}`;
    }
    if (c?.reference) {
      return html`<h2>Source</h2><ap-source-card .reference=${c.reference}></ap-source-card>${notes}`;
    }
    const claim = c?.claim;
    if (!c || !claim) {
      return html`<h2>Provenance</h2>
        <p class="empty">Place the caret in the text, or choose a claim, to see which sources support it.</p>${notes}`;
    }
    return html`
      <div class="claim-head"><h2>Claim</h2><button type="button" class="copy" @click=${() => this.dispatchEvent(new CopyLinkEvent('claim', claim.id))}>Copy link<span class="visually-hidden"> to this claim</span></button></div>
      <blockquote>${claim.text}</blockquote>
      ${c.signals.map((sig) => html`<p class="flag" role="note">Wikipedia flags this claim: ${signalPhrase(sig.kind)}</p>`)}
      <span class="badge badge--${claim.support}">${SUPPORT_LABEL[claim.support]}${claim.sources.length ? ` · [${claim.sources.join('][')}]` : ''}</span>
      <p class="explain">${SUPPORT_EXPLANATION[claim.support]}</p>
      ${claim.support === 'none'
        ? html`<p class="nosource" role="note">No source is cited for this claim.</p>`
        : html`<div class="sources">${c.sources.map((r) => html`<ap-source-card .reference=${r}></ap-source-card>`)}</div>
            ${c.missing.map((l) => html`<p class="missing">Marker [${l}] has no entry in the reference list.</p>`)}`}
      ${linksSection(c.links)}
      <ap-claim-check .claim=${claim} .sources=${c.sources} .checks=${this.checks.get(claim.id) ?? []}></ap-claim-check>
      ${notes}
    `;
  }

  protected override updated(): void {
    this.dataset['claim'] = this.caret?.claim?.id ?? '';
  }
}

/** The source's links inside the claim: wiki links (people, places, organisations) first, then other links. */
function linksSection(links: readonly LinkedWords[]) {
  if (links.length === 0) return nothing;
  const wiki = links.filter((l) => l.kind === 'wiki');
  const other = links.filter((l) => l.kind !== 'wiki');
  const item = (l: LinkedWords) => {
    const href = safeHref(l.href);
    const label = l.title && l.title !== l.text ? `${l.text} (${l.title})` : l.text;
    // An address that is not http(s) is shown, never made a link.
    return html`<li>${href
      ? html`<a href=${href} target="_blank" rel="noopener noreferrer" data-kind=${l.kind}>${label}</a>`
      : html`<span title=${l.href}>${label}</span>`}</li>`;
  };
  return html`<section class="links" aria-labelledby="links-heading">
    <h3 id="links-heading">Linked in this claim (${links.length})</h3>
    <ul>${[...wiki, ...other].map(item)}</ul>
  </section>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-provenance-panel': ApProvenancePanel;
  }
}
