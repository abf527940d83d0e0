/**
 * `<ap-revision-review>`: where every note went when the work was opened on a newer revision (issue 10), and what
 * the reader decides for each — keyboard first.
 *
 * Each note is one item with its outcome (`anchoring/revision-review.ts`): unchanged, moved, re-anchored on changed
 * words (the old quote and the new words side by side, the words that differ marked: `wordDiff`, made for the items
 * drawn only), or orphaned (the old passage
 * with its context). The reader accepts all, accepts one by one, re-attaches an orphan to words selected in the text,
 * or leaves a note on the older revision. Items are listed orphans first, then re-anchored, moved, unchanged; 50 at a
 * time ("Show more"). Decided items stay listed with what was decided: nothing disappears from the review.
 *
 * Keys (the list has one tab stop; the item with focus is the current one): ↑/↓ or k/j move, Home/End go to the
 * first/last, Enter shows the note in the text, a accepts it, r re-attaches it to the text's selection, o leaves it
 * on the older revision, Shift+A accepts every undecided note that has a place in the new text.
 *
 * Plain data in, events out: the page (`revision-tools.ts`) gives `items` and does what `ReviewDecisionEvent` asks.
 * A slot named `evidence` is the place for the report of what changed in the evidence (issue 10 §4), shown under the
 * notes when the page puts one there.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { REVIEW_OUTCOMES, type ReviewItem, type ReviewOutcome } from '../anchoring/revision-review.ts';
import { wordDiff, type DiffPart } from '../anchoring/word-diff.ts';

/** What the reader decided for a note (`pending`: nothing yet). */
export type ReviewDecision = 'pending' | 'accepted' | 'reattached' | 'kept';

/** One item as the view shows it: the review's item, a label for the note and the decision so far. */
export interface ReviewRow extends ReviewItem {
  /** The note's first words (its body), for people. */
  label: string;
  decision: ReviewDecision;
  /** For a re-attached note: the words it is on now. */
  attachedTo?: string;
  /** For a note left on an older revision: the address that opens it there. */
  keptHref?: string;
}

/** Asks the page to carry out a decision: accept notes, re-attach one to the selection, keep one, or show one. */
export class ReviewDecisionEvent extends Event {
  static readonly type = 'review-decision';
  constructor(
    readonly action: 'accept' | 'reattach' | 'keep' | 'show',
    readonly ids: readonly string[],
  ) {
    super(ReviewDecisionEvent.type, { bubbles: true, composed: true });
  }
}

/** How each outcome is named. */
export const OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  unchanged: 'Unchanged',
  moved: 'Moved',
  reanchored: 'On changed words',
  orphan: 'Not found',
};

const DECISION_LABELS: Record<Exclude<ReviewDecision, 'pending'>, string> = {
  accepted: 'Accepted on the new revision',
  reattached: 'Re-attached to the selected words',
  kept: 'Left on the older revision',
};

/** Items shown at first and added by "Show more". */
export const REVIEW_PAGE = 50;

@customElement('ap-revision-review')
export class ApRevisionReview extends LitElement {
  static override styles = css`
    :host { display: block; font: 0.95rem/1.45 var(--ap-sans, system-ui, sans-serif); color: var(--ap-ink, #222); }
    .summary { margin: 0 0 0.5rem; }
    .bar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0 0 0.75rem; }
    .keys { color: var(--ap-muted, #555); font-size: 0.82rem; margin: 0 0 0.5rem; }
    kbd { font: 0.8rem/1 ui-monospace, monospace; border: 1px solid var(--ap-line, #bbb); border-radius: 3px; padding: 0 0.25rem; background: #f6f6f4; }
    ol { list-style: none; margin: 0; padding: 0; }
    li { padding: 0.6rem 0.5rem; border-top: 1px solid var(--ap-line, #ddd); border-left: 3px solid transparent; }
    li[aria-current='true'] { background: #f3f6fb; border-left-color: var(--ap-focus, #1a5fb4); }
    ol:focus-visible li[aria-current='true'] { outline: 2px solid var(--ap-focus, #1a5fb4); outline-offset: -2px; }
    ol:focus { outline: none; }
    .head { display: flex; gap: 0.5rem; align-items: baseline; flex-wrap: wrap; }
    .outcome { font-size: 0.78rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; padding: 0.05rem 0.35rem; border-radius: 3px; }
    .outcome.unchanged { background: #e8f1e8; color: #1e4d1e; }
    .outcome.moved { background: #e6eef8; color: #17406e; }
    .outcome.reanchored { background: #fbf0d9; color: #5e4100; }
    .outcome.orphan { background: #f8e3e3; color: #7a1a1a; }
    .label { font-style: italic; color: var(--ap-muted, #444); overflow-wrap: anywhere; }
    .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 0.75rem; margin-top: 0.35rem; }
    .side h4 { margin: 0 0 0.15rem; font-size: 0.78rem; font-weight: 600; color: var(--ap-muted, #555); }
    .passage { font: 1rem/1.5 var(--ap-serif, Georgia, serif); margin: 0.3rem 0 0; overflow-wrap: anywhere; }
    .context { color: var(--ap-muted, #666); }
    del { background: #fbe1e1; color: #7a1a1a; text-decoration: line-through; }
    ins { background: #dff1df; color: #1e4d1e; text-decoration: none; }
    mark { background: #fff2b3; color: inherit; }
    .decided { margin-top: 0.3rem; font-size: 0.85rem; font-weight: 600; color: #1e4d1e; }
    .decided.kept { color: #5e4100; }
    .actions { display: flex; gap: 0.5rem; margin-top: 0.35rem; flex-wrap: wrap; }
    button { font: inherit; font-size: 0.88rem; padding: 0.15rem 0.55rem; }
    button:focus-visible { outline: 2px solid var(--ap-focus, #1a5fb4); outline-offset: 2px; }
    .evidence { margin-top: 1rem; border-top: 2px solid var(--ap-line, #ccc); padding-top: 0.5rem; }
    .evidence h3 { margin: 0 0 0.25rem; font: 600 1rem/1.3 var(--ap-serif, Georgia, serif); }
    .evidence .none { color: var(--ap-muted, #666); font-size: 0.88rem; }
  `;

  /** Every note of the review, in the review's order (see the module comment). */
  @property({ attribute: false }) items: ReviewRow[] = [];
  /** The revision the notes are carried to, for people ("revision r2, kavbiuro-revised.txt"). */
  @property() revisionLabel = '';

  @state() private current = 0;
  @state() private shown = REVIEW_PAGE;
  @state() private hasEvidence = false;

  /** The items in the order listed: by outcome (orphans first), then in the notes' order. */
  get ordered(): ReviewRow[] {
    const rank = new Map(REVIEW_OUTCOMES.map((o, i) => [o, i]));
    return this.items.map((item, i) => ({ item, i })).sort((a, b) => rank.get(a.item.outcome)! - rank.get(b.item.outcome)! || a.i - b.i).map(({ item }) => item);
  }

  /** Moves the current item to note `id` (and shows enough items to include it). */
  focusItem(id: string): void {
    const at = this.ordered.findIndex((r) => r.id === id);
    if (at < 0) return;
    this.current = at;
    this.shown = Math.max(this.shown, at + 1);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('ol')?.focus());
  }

  override render() {
    const rows = this.ordered;
    const counts = Object.fromEntries(REVIEW_OUTCOMES.map((o) => [o, rows.filter((r) => r.outcome === o).length])) as Record<ReviewOutcome, number>;
    const pending = rows.filter((r) => r.decision === 'pending');
    const acceptable = pending.filter((r) => r.after);
    const current = rows[Math.min(this.current, rows.length - 1)];
    return html`
      <p class="summary">
        ${rows.length} ${rows.length === 1 ? 'note' : 'notes'} on ${this.revisionLabel || 'the newer revision'}:
        ${REVIEW_OUTCOMES.filter((o) => counts[o]).map((o, i) => html`${i ? ', ' : ''}${counts[o]} ${OUTCOME_LABELS[o].toLowerCase()}`)}.
        ${pending.length ? `${pending.length} still to decide.` : 'Every note is decided.'}
      </p>
      <div class="bar">
        <button type="button" ?disabled=${!acceptable.length} @click=${() => this.decide('accept', acceptable.map((r) => r.id))}>
          Accept all (${acceptable.length})
        </button>
      </div>
      <p class="keys">
        <kbd>↑</kbd>/<kbd>↓</kbd> move · <kbd>Enter</kbd> show in text · <kbd>a</kbd> accept · <kbd>r</kbd> re-attach to the selected words ·
        <kbd>o</kbd> leave on the older revision · <kbd>Shift</kbd>+<kbd>A</kbd> accept all
      </p>
      <ol
        tabindex="0"
        aria-label="Notes to review"
        aria-activedescendant=${current ? `review-${rows.indexOf(current)}` : nothing}
        @keydown=${(e: KeyboardEvent) => this.onKey(e, rows)}
      >
        ${rows.slice(0, this.shown).map((row, i) => this.renderRow(row, i, i === this.current))}
      </ol>
      ${rows.length > this.shown ? html`<button type="button" @click=${() => (this.shown += REVIEW_PAGE)}>Show more (${rows.length - this.shown} more)</button>` : nothing}
      <section class="evidence" aria-labelledby="review-evidence">
        <h3 id="review-evidence">What changed in the evidence</h3>
        <slot name="evidence" @slotchange=${(e: Event) => (this.hasEvidence = (e.target as HTMLSlotElement).assignedElements().length > 0)}></slot>
        ${this.hasEvidence ? nothing : html`<p class="none">The report of claims and citations that changed between the revisions is not part of this review yet.</p>`}
      </section>
    `;
  }

  private renderRow(row: ReviewRow, index: number, isCurrent: boolean): TemplateResult {
    return html`<li id=${`review-${index}`} aria-current=${isCurrent ? 'true' : 'false'} data-id=${row.id} data-outcome=${row.outcome} data-decision=${row.decision} @click=${() => (this.current = index)}>
      <div class="head"><span class="outcome ${row.outcome}">${OUTCOME_LABELS[row.outcome]}</span> <span class="label">${row.label}</span></div>
      ${this.renderPassage(row)}
      ${row.decision === 'pending'
        ? html`<div class="actions">
            ${row.after ? html`<button type="button" @click=${() => this.decide('accept', [row.id])}>Accept</button>` : nothing}
            ${row.outcome === 'orphan' || row.outcome === 'reanchored'
              ? html`<button type="button" @click=${() => this.decide('reattach', [row.id])}>Re-attach to selected words</button>`
              : nothing}
            <button type="button" @click=${() => this.decide('keep', [row.id])}>Leave on older revision</button>
            ${row.after ? html`<button type="button" @click=${() => this.decide('show', [row.id])}>Show in text</button>` : nothing}
          </div>`
        : html`<p class="decided ${row.decision}">${DECISION_LABELS[row.decision]}${row.attachedTo ? html`: <q class="passage">${row.attachedTo}</q>` : nothing}${row.keptHref ? html` — <a href=${row.keptHref}>read it there</a>` : nothing}</p>`}
    </li>`;
  }

  private renderPassage(row: ReviewRow): TemplateResult {
    if (row.outcome === 'reanchored' && row.after) {
      const diff = wordDiff(row.before.quote, row.after.quote);
      return html`<div class="sides">
        <div class="side"><h4>Before</h4><p class="passage">${diffSide(diff, 'removed')}</p></div>
        <div class="side"><h4>Now</h4><p class="passage">${diffSide(diff, 'added')}</p></div>
      </div>`;
    }
    if (row.outcome === 'orphan') {
      return html`<p class="passage"><span class="context">…${row.before.prefix}</span><mark>${row.before.quote}</mark><span class="context">${row.before.suffix}…</span></p>`;
    }
    return html`<p class="passage">${row.after?.quote ?? row.before.quote}</p>`;
  }

  private decide(action: ReviewDecisionEvent['action'], ids: readonly string[]): void {
    if (ids.length) this.dispatchEvent(new ReviewDecisionEvent(action, ids));
  }

  private onKey(e: KeyboardEvent, rows: ReviewRow[]): void {
    if (e.ctrlKey || e.metaKey || e.altKey || !rows.length) return;
    const row = rows[this.current];
    const move = (to: number) => {
      this.current = Math.max(0, Math.min(rows.length - 1, to));
      this.shown = Math.max(this.shown, this.current + 1);
      void this.updateComplete.then(() => this.renderRoot.querySelector(`#review-${this.current}`)?.scrollIntoView({ block: 'nearest' }));
    };
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(this.current + 1),
      j: () => move(this.current + 1),
      ArrowUp: () => move(this.current - 1),
      k: () => move(this.current - 1),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      Enter: () => row?.after && this.decide('show', [row.id]),
      a: () => row?.decision === 'pending' && row.after && this.decide('accept', [row.id]),
      A: () => this.decide('accept', rows.filter((r) => r.decision === 'pending' && r.after).map((r) => r.id)),
      r: () => row?.decision === 'pending' && this.decide('reattach', [row.id]),
      o: () => row?.decision === 'pending' && this.decide('keep', [row.id]),
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  }
}

/** One side of a diff: the shared words, and the words only this side has marked (`del` before, `ins` now). */
function diffSide(parts: readonly DiffPart[], only: 'removed' | 'added'): TemplateResult[] {
  return parts
    .filter((p) => p.kind === 'same' || p.kind === only)
    .map((p) => (p.kind === 'same' ? html`${p.text}` : only === 'removed' ? html`<del>${p.text}</del>` : html`<ins>${p.text}</ins>`));
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-revision-review': ApRevisionReview;
  }
}
