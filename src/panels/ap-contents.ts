import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Section } from '../editor/sections.ts';
import { isChecked, type ClaimCheck } from '../anchoring/verification.ts';
import type { Claim } from '../model/claim-types.ts';
import type { Coverage } from '../model/coverage.ts';
import { SectionSelectEvent } from './events.ts';

/** The coverage of a section in words ("3 cited, 1 covered by a later citation, 2 without a source, of 6 claims"). */
export function coverageInWords(c: Coverage): string {
  if (c.total === 0) return 'no claims';
  return `${c.direct} cited, ${c.inherited} covered by a later citation, ${c.none} without a source, of ${c.total} ${c.total === 1 ? 'claim' : 'claims'}`;
}

/**
 * The table of contents: one entry per section (indented by heading level) with its coverage — a bar of cited,
 * covered and unsourced claims, said in words to screen readers — with how many of its claims have been checked
 * against their sources ("2 of 5 checked"), and the section the caret is in marked as the current location. One entry is in the tab order (roving tabindex): ↑/↓ move between entries, Home/End to the first
 * and last, Enter or Space (or a click) goes to the section.
 * @fires ap-section-select - the user chose a section
 */
@customElement('ap-contents')
export class ApContents extends LitElement {
  static override styles = css`
    :host { display: block; font-family: var(--ap-sans); color: var(--ap-ink); }
    h2 { font: 600 0.8rem/1 var(--ap-sans); letter-spacing: 0.08em; text-transform: uppercase; color: var(--ap-muted); margin: 0 0 0.75rem; }
    .summary { font-size: 0.8rem; color: var(--ap-muted); margin: 0 0 0.6rem; }
    ol { list-style: none; margin: 0; padding: 0; }
    li { margin: 0; padding: 0; }
    button {
      display: grid; grid-template-columns: minmax(0, 1fr) 4.5rem; gap: 0.15rem 0.6rem; align-items: center; width: 100%;
      text-align: left; border: 0; border-left: 3px solid transparent; background: none; color: var(--ap-ink); cursor: pointer;
      padding: 0.35rem 0.5rem 0.35rem calc(0.5rem + (var(--level, 2) - 2) * 0.9rem); border-radius: 0 3px 3px 0; font: 0.9rem/1.35 var(--ap-serif);
    }
    button:hover { background: var(--ap-hover); }
    button[aria-current='location'] { background: var(--ap-current); border-left-color: var(--ap-ink); }
    button:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: -2px; }
    .level-2 .title { font-weight: 600; }
    .intro .title { font-style: italic; }
    .bar { display: flex; height: 0.4rem; border-radius: 999px; overflow: hidden; background: var(--ap-line); }
    .bar span { display: block; }
    .seg--direct { background: var(--ap-direct-ink); }
    .seg--inherited { background: var(--ap-inherited-ink); }
    .seg--none { background: var(--ap-none-ink); }
    .counts { grid-column: 1 / -1; font: 0.72rem/1.2 var(--ap-sans); color: var(--ap-muted); }
    .counts .none { color: var(--ap-none-ink); font-weight: 600; }
    .empty { font-size: 0.85rem; color: var(--ap-muted); }
  `;

  /** The sections of the work, in document order (the document snapshot's). */
  @property({ attribute: false }) sections: readonly Section[] = [];
  /** The index of the section the caret is in, or null. */
  @property({ attribute: false }) current: number | null = null;
  /** The work's claims (for the sources each must be checked against). */
  @property({ attribute: false }) claims: readonly Claim[] = [];
  /** The checks of claims against their sources, by claim id. */
  @property({ attribute: false }) checks: ReadonlyMap<string, readonly ClaimCheck[]> = new Map();

  /** The entry in the tab order. */
  @state() private focusIndex = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The entry in the tab order follows the caret's section, unless the reader is moving through the list.
    if ((changed.has('current') || changed.has('sections')) && !this.matches(':focus-within')) {
      this.focusIndex = this.current ?? 0;
    }
    if (this.focusIndex >= this.sections.length) this.focusIndex = Math.max(0, this.sections.length - 1);
  }

  override render() {
    const sections = this.sections;
    if (sections.length === 0) {
      return html`<h2 id="contents-heading">Contents</h2><p class="empty">This text has no sections.</p>`;
    }
    const headed = sections.filter((s) => !s.introduction).length;
    const sources = new Map(this.claims.map((c) => [c.id, c.sources] as const));
    return html`
      <h2 id="contents-heading">Contents</h2>
      <p class="summary">${headed} ${headed === 1 ? 'section' : 'sections'} · the bar shows each section's claims by support</p>
      <nav aria-labelledby="contents-heading">
        <ol @keydown=${this.onKeydown}>
          ${sections.map((s) => this.entry(s, sources))}
        </ol>
      </nav>
    `;
  }

  /** How many of the section's claims are checked against every source they cite (see `isChecked`). */
  private checkedIn(s: Section, sources: ReadonlyMap<string, readonly string[]>): number {
    return s.claims.filter((id) => isChecked(sources.get(id) ?? [], this.checks.get(id) ?? [])).length;
  }

  private entry(s: Section, sources: ReadonlyMap<string, readonly string[]>) {
    const c = s.coverage;
    const pct = (n: number) => (c.total ? (100 * n) / c.total : 0);
    const checked = this.checkedIn(s, sources);
    const checkedWords = `${checked} of ${c.total} checked`;
    return html`<li>
      <button type="button" class="level-${s.level}${s.introduction ? ' intro' : ''}" style="--level:${s.level}" data-section=${s.index}
        tabindex=${s.index === this.focusIndex ? 0 : -1} aria-current=${s.index === this.current ? 'location' : 'false'}
        @click=${() => this.choose(s)} @focus=${() => (this.focusIndex = s.index)}>
        <span class="title">${s.title}</span>
        ${c.total
          ? html`<span class="bar" role="img" aria-label=${`${coverageInWords(c)}; ${checkedWords}`}>
              <span class="seg--direct" style="width:${pct(c.direct)}%"></span>
              <span class="seg--inherited" style="width:${pct(c.inherited)}%"></span>
              <span class="seg--none" style="width:${pct(c.none)}%"></span>
            </span>`
          : html`<span></span>`}
        <span class="counts" aria-hidden=${c.total ? 'true' : 'false'}>${c.total
          ? html`${c.direct} cited · ${c.inherited} covered${c.none ? html` · <span class="none">${c.none} no source</span>` : nothing} · <span class="checked" data-checked=${checked}>${checkedWords}</span>`
          : 'no claims'}</span>
      </button>
    </li>`;
  }

  private choose(s: Section) {
    this.focusIndex = s.index;
    this.dispatchEvent(new SectionSelectEvent(s.from));
  }

  private onKeydown = (e: KeyboardEvent) => {
    const n = this.sections.length;
    if (n === 0) return;
    let next: number;
    switch (e.key) {
      case 'ArrowDown':
        next = Math.min(n - 1, this.focusIndex + 1);
        break;
      case 'ArrowUp':
        next = Math.max(0, this.focusIndex - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = n - 1;
        break;
      default:
        return;
    }
    e.preventDefault();
    this.focusIndex = next;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`button[data-section="${next}"]`)?.focus());
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-contents': ApContents;
  }
}
