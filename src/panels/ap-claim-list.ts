import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Claim, Support } from '../model/claim-types.ts';
import type { Coverage } from '../model/coverage.ts';
import { isChecked, type ClaimCheck } from '../anchoring/verification.ts';
import { CHECK_LABEL, CHECK_SIGN } from './check-labels.ts';
import { ClaimSelectEvent } from './events.ts';
import { SUPPORT_LABEL } from './support-labels.ts';

/** How many claims the list shows before "Show more" (a book has thousands). */
export const CLAIM_LIST_PAGE = 100;

type Filter = Support | 'all' | 'unchecked';

/**
 * Coverage at a glance — how many claims are cited directly, covered by a later citation, or without a source —
 * and the list of claims (filterable by support) to jump to one.
 * @fires ap-claim-select - the user chose a claim
 */
@customElement('ap-claim-list')
export class ApClaimList extends LitElement {
  static override styles = css`
    :host { display: block; font-family: var(--ap-sans); color: var(--ap-ink); }
    h2 { font: 600 0.8rem/1 var(--ap-sans); letter-spacing: 0.08em; text-transform: uppercase; color: var(--ap-muted); margin: 0 0 0.75rem; }
    .bar { display: flex; height: 0.5rem; border-radius: 999px; overflow: hidden; background: var(--ap-line); margin-bottom: 0.6rem; }
    .bar span { display: block; }
    .seg--direct { background: var(--ap-direct-ink); }
    .seg--inherited { background: var(--ap-inherited-ink); }
    .seg--none { background: var(--ap-none-ink); }
    .filters { display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0 0 0.6rem; padding: 0; border: 0; }
    .filters legend { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
    button.filter { font: 0.8rem/1.2 var(--ap-sans); padding: 0.25rem 0.55rem; border: 1px solid var(--ap-line); border-radius: 999px; background: var(--ap-paper); color: var(--ap-ink); cursor: pointer; }
    button.filter[aria-pressed='true'] { background: var(--ap-ink); color: var(--ap-paper); border-color: var(--ap-ink); }
    button:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 2px; }
    .dot { display: inline-block; width: 0.55rem; height: 0.55rem; border-radius: 50%; margin-right: 0.3rem; vertical-align: baseline; }
    ol { list-style: none; margin: 0; padding: 0; }
    li button.claim {
      display: block; width: 100%; text-align: left; border: 0; border-left: 3px solid transparent; background: none; color: var(--ap-ink);
      padding: 0.35rem 0.5rem; font: 0.85rem/1.4 var(--ap-serif); cursor: pointer; border-radius: 0 3px 3px 0;
    }
    li button.claim:hover { background: var(--ap-hover); }
    li button.claim[aria-current='true'] { background: var(--ap-current); border-left-color: var(--ap-ink); }
    li button.claim.s-direct { border-left-color: var(--ap-direct-ink); }
    li button.claim.s-inherited { border-left-color: var(--ap-inherited-ink); }
    li button.claim.s-none { border-left-color: var(--ap-none-ink); }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    .progress { font-size: 0.8rem; color: var(--ap-muted); margin: 0 0 0.5rem; }
    .check { font-family: var(--ap-sans); font-size: 0.8rem; color: var(--ap-muted); }
    .check--not-supported, .check--needs-source { color: var(--ap-none-ink); }
    .more { margin-top: 0.5rem; font: 0.8rem var(--ap-sans); background: none; border: 1px solid var(--ap-line); border-radius: 3px; padding: 0.3rem 0.6rem; cursor: pointer; color: var(--ap-ink); }
  `;

  /** All claims of the work, in document order. */
  @property({ attribute: false }) claims: readonly Claim[] = [];
  /** Their coverage. */
  @property({ attribute: false }) coverage: Coverage | null = null;
  /** The claim under the caret. */
  @property({ attribute: false }) currentId: string | null = null;
  /** The checks of claims against their sources, by claim id. */
  @property({ attribute: false }) checks: ReadonlyMap<string, readonly ClaimCheck[]> = new Map();

  @state() private filter: Filter = 'all';
  @state() private limit = CLAIM_LIST_PAGE;

  override render() {
    const cov = this.coverage;
    const checked = (c: Claim) => isChecked(c.sources, this.checks.get(c.id) ?? []);
    const checkedCount = this.claims.filter(checked).length;
    const shown =
      this.filter === 'all' ? this.claims : this.filter === 'unchecked' ? this.claims.filter((c) => !checked(c)) : this.claims.filter((c) => c.support === this.filter);
    const pct = (n: number) => (cov && cov.total ? (100 * n) / cov.total : 0);
    const filters: [Filter, string, number][] = cov
      ? [
          ['all', 'All', cov.total],
          ['direct', SUPPORT_LABEL.direct, cov.direct],
          ['inherited', 'Covered later', cov.inherited],
          ['none', SUPPORT_LABEL.none, cov.none],
          ['unchecked', 'Not yet checked', cov.total - checkedCount],
        ]
      : [];
    return html`
      <h2 id="claims-heading">Claims</h2>
      ${cov
        ? html`<div class="bar" role="img" aria-label=${`${cov.direct} cited, ${cov.inherited} covered by a later citation, ${cov.none} without a source, of ${cov.total} claims`}>
              <span class="seg--direct" style="width:${pct(cov.direct)}%"></span>
              <span class="seg--inherited" style="width:${pct(cov.inherited)}%"></span>
              <span class="seg--none" style="width:${pct(cov.none)}%"></span>
            </div>
            <p class="progress" data-checked=${checkedCount}>${checkedCount} of ${cov.total} claims checked against their sources</p>
            <fieldset class="filters">
              <legend>Show claims</legend>
              ${filters.map(
                ([f, label, n]) => html`<button class="filter" type="button" aria-pressed=${this.filter === f ? 'true' : 'false'} data-filter=${f}
                  @click=${() => this.setFilter(f)}>${f !== 'all' && f !== 'unchecked' ? html`<span class="dot seg--${f}"></span>` : nothing}${label} ${n}</button>`,
              )}
            </fieldset>`
        : nothing}
      <ol aria-labelledby="claims-heading">
        ${shown.slice(0, this.limit).map(
          (c) => html`<li>
            <button type="button" class="claim s-${c.support}" data-claim=${c.id} aria-current=${c.id === this.currentId ? 'true' : 'false'}
              @click=${() => this.dispatchEvent(new ClaimSelectEvent(c.id))}>
              <span class="visually-hidden">${SUPPORT_LABEL[c.support]}: </span>${truncate(c.text, 110)}${this.sign(c)}
            </button>
          </li>`,
        )}
      </ol>
      ${shown.length > this.limit
        ? html`<button type="button" class="more" @click=${() => (this.limit += CLAIM_LIST_PAGE)}>Show ${Math.min(CLAIM_LIST_PAGE, shown.length - this.limit)} more of ${shown.length - this.limit}</button>`
        : nothing}
    `;
  }

  /** The sign of the claim's latest check (with its words for screen readers), or nothing when unchecked. */
  private sign(c: Claim) {
    const last = this.checks.get(c.id)?.at(-1);
    if (!last) return nothing;
    return html` <span class="check check--${last.status}" title=${CHECK_LABEL[last.status]} aria-label=${`, ${CHECK_LABEL[last.status]}`}>${CHECK_SIGN[last.status]}</span>`;
  }

  private setFilter(f: Filter) {
    this.filter = f;
    this.limit = CLAIM_LIST_PAGE;
  }
}

function truncate(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, n - 1).trimEnd()}…`;
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-claim-list': ApClaimList;
  }
}
