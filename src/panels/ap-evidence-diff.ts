import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { primaryPlace } from '../revisions/change-place.ts';
import { changedWords } from '../revisions/changed-words.ts';
import { CHANGE_KINDS, type ClaimSide, type EvidenceChange, type EvidenceReport, type Place } from '../revisions/evidence-types.ts';
import { changeDetail, coverageWords, fieldValue, KIND_TITLE, sourcedShare, summaryLines } from '../revisions/evidence-words.ts';
import { isHttpUrl } from '../model/http-url.ts';

/**
 * The user chose a change of the evidence report: show it in the text. `side` says which revision `place` is in:
 * `new` (the change's own place), `near` (where something that exists only in the old text would have stood in the
 * new) or `old` (only the old text has a place for it). `index` is the change's index in the report.
 */
export class EvidenceJumpEvent extends CustomEvent<{ index: number; side: 'old' | 'new' | 'near'; place: Place }> {
  static readonly type = 'ap-evidence-jump';
  constructor(index: number, side: 'old' | 'new' | 'near', place: Place) {
    super(EvidenceJumpEvent.type, { detail: { index, side, place }, bubbles: true, composed: true });
  }
}

/** The user asked for the report as a file (`md` or `html`). */
export class EvidenceExportEvent extends CustomEvent<{ format: 'md' | 'html' }> {
  static readonly type = 'ap-evidence-export';
  constructor(format: 'md' | 'html') {
    super(EvidenceExportEvent.type, { detail: { format }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'ap-evidence-jump': EvidenceJumpEvent;
    'ap-evidence-export': EvidenceExportEvent;
  }
  interface HTMLElementTagNameMap {
    'ap-evidence-diff': ApEvidenceDiff;
  }
}

const sectionOf = (s: ClaimSide) => (s.section === null ? 'Lead' : s.section);

/**
 * What changed in the evidence between two revisions (revisions/evidence-diff.ts), for reading beside the text: a
 * summary, the coverage of each section before and after, then the changes grouped by kind, each with a "Go to"
 * button (a real button: Tab reaches it, Enter or Space presses it) that sends `EvidenceJumpEvent`, and buttons
 * asking for the report as Markdown or HTML (`EvidenceExportEvent`). Text from the sources is rendered as text;
 * only http(s) URLs become links.
 */
@customElement('ap-evidence-diff')
export class ApEvidenceDiff extends LitElement {
  static override styles = css`
    :host { display: block; color: var(--ap-ink, #1f1d1a); font: 0.95rem/1.5 var(--ap-sans, system-ui, sans-serif); }
    h2 { font: 600 1.25rem/1.3 var(--ap-serif, Georgia, serif); margin: 0 0 0.25rem; }
    h3 { font: 600 1.02rem/1.3 var(--ap-serif, Georgia, serif); margin: 1.2rem 0 0.4rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--ap-line, #ddd7cc); }
    .from { color: var(--ap-muted, #5f5a52); margin: 0 0 0.6rem; }
    .summary { margin: 0.4rem 0; padding-left: 1.2rem; }
    .actions { display: flex; gap: 0.5rem; flex-wrap: wrap; margin: 0.6rem 0; }
    button { font: inherit; font-size: 0.85rem; padding: 0.2rem 0.6rem; border: 1px solid var(--ap-line, #ddd7cc); border-radius: 4px; background: var(--ap-paper, #fffdf9); color: var(--ap-link, #1d4f91); cursor: pointer; }
    button:hover { background: var(--ap-hover, #f1ede4); }
    button:focus-visible, a:focus-visible, summary:focus-visible { outline: 2px solid var(--ap-focus, #1d4f91); outline-offset: 2px; }
    table { border-collapse: collapse; font-size: 0.85rem; margin: 0.3rem 0; }
    th, td { border: 1px solid var(--ap-line, #ddd7cc); padding: 0.15rem 0.45rem; text-align: left; vertical-align: top; }
    thead th { background: var(--ap-hover, #f1ede4); }
    ol { margin: 0; padding-left: 1.4rem; }
    li { margin: 0.55rem 0; }
    .head { display: flex; gap: 0.6rem; align-items: baseline; flex-wrap: wrap; }
    .section { font-variant: small-caps; letter-spacing: 0.02em; color: var(--ap-muted, #5f5a52); }
    .detail { color: var(--ap-muted, #5f5a52); font-size: 0.85rem; }
    blockquote { margin: 0.2rem 0 0.1rem; padding: 0.15rem 0.6rem; font: 0.98rem/1.5 var(--ap-serif, Georgia, serif); border-left: 3px solid var(--ap-line, #ddd7cc); }
    .was { border-left-color: var(--ap-none-ink, #9b2c1f); background: var(--ap-none-bg, #fbe9e4); }
    .now { border-left-color: var(--ap-direct-ink, #2f6b3f); background: var(--ap-direct-bg, #e4f0e6); }
    .label { font: 600 0.75rem/1 var(--ap-sans, system-ui, sans-serif); text-transform: uppercase; letter-spacing: 0.04em; margin-right: 0.35rem; }
    .fields { padding-left: 1.2rem; font-size: 0.88rem; }
    del { background: var(--ap-none-bg, #fbe9e4); }
    ins { background: var(--ap-direct-bg, #e4f0e6); text-decoration: none; }
    blockquote del { background: #f4c9bf; text-decoration: line-through; text-decoration-color: var(--ap-none-ink, #9b2c1f); }
    blockquote ins { background: #bfe0c6; font-weight: 600; }
    a { color: var(--ap-link, #1d4f91); }
    .none { color: var(--ap-muted, #5f5a52); }
  `;

  /** The report to show (null: nothing). */
  @property({ attribute: false }) report: EvidenceReport | null = null;

  private jump(index: number, change: EvidenceChange): void {
    const { side, place } = primaryPlace(change);
    this.dispatchEvent(new EvidenceJumpEvent(index, side, place));
  }

  private quote(cls: 'was' | 'now', label: string, text: string): TemplateResult {
    return html`<blockquote class=${cls}><span class="label">${label}</span>${text}</blockquote>`;
  }

  private value(v: string | null): TemplateResult | string {
    return v !== null && isHttpUrl(v) ? html`<a href=${v} rel="noopener noreferrer" target="_blank">${v}</a>` : fieldValue(v);
  }

  private body(c: EvidenceChange): TemplateResult | typeof nothing {
    switch (c.kind) {
      case 'claim-added':
        return this.quote('now', 'Now', c.new.text);
      case 'claim-removed':
        return this.quote('was', 'Was', c.old.text);
      case 'claim-reworded': {
        // The words that changed, marked; the words both share, plain.
        const w = changedWords(c.old.text, c.new.text);
        return html`<blockquote class="was"><span class="label">Was</span>${w.head}<del>${w.was}</del>${w.tail}</blockquote>
          <blockquote class="now"><span class="label">Now</span>${w.head}<ins>${w.now}</ins>${w.tail}</blockquote>`;
      }
      case 'claim-moved':
        return this.quote('now', 'Same words', c.new.text);
      case 'citation-lost':
      case 'citation-gained':
      case 'signal-added':
        return this.quote('now', 'Claim', c.new.text);
      case 'signal-removed':
        return this.quote('was', 'Claim', (c.new ?? c.old).text);
      case 'reference-changed':
        return html`<ul class="fields">${c.fields.map((f) => html`<li><code>${f.field}</code>: <del>${this.value(f.before)}</del> → <ins>${this.value(f.after)}</ins></li>`)}</ul>`;
      default:
        return nothing;
    }
  }

  private heading(c: EvidenceChange): TemplateResult {
    if (c.kind === 'reference-changed' || c.kind === 'reference-added') return html`<span>[${c.newReference.label}] ${c.newReference.text}</span>`;
    if (c.kind === 'reference-removed') return html`<span>[${c.oldReference.label}] ${c.oldReference.text}</span>`;
    const side = 'new' in c && c.new ? c.new : (c as { old: ClaimSide }).old;
    return html`<span class="section">${sectionOf(side)}</span>`;
  }

  private item(c: EvidenceChange, index: number, n: number): TemplateResult {
    const detail = changeDetail(c);
    const { side } = primaryPlace(c);
    const go = side === 'new' ? 'Go to' : side === 'near' ? 'Where it stood' : 'Old text only';
    return html`<li data-change=${index}>
      <div class="head">
        ${this.heading(c)}${detail ? html`<span class="detail">${detail}</span>` : nothing}
        <button type="button" ?disabled=${side === 'old'} aria-label=${`${go}: change ${n}, ${KIND_TITLE[c.kind].toLowerCase()}`} @click=${() => this.jump(index, c)}>${go}</button>
      </div>
      ${this.body(c)}
    </li>`;
  }

  override render() {
    const r = this.report;
    if (!r) return nothing;
    let n = 0;
    const indexed = r.changes.map((c, i) => [c, i] as const);
    return html`<section aria-labelledby="evidence-title">
      <h2 id="evidence-title">What changed in the evidence</h2>
      <p class="from">From ${r.oldName} to ${r.newName}</p>
      <ul class="summary">${summaryLines(r).map((l) => html`<li>${l}</li>`)}</ul>
      <div class="actions">
        <button type="button" @click=${() => this.dispatchEvent(new EvidenceExportEvent('md'))}>Download Markdown</button>
        <button type="button" @click=${() => this.dispatchEvent(new EvidenceExportEvent('html'))}>Download HTML</button>
      </div>
      <details>
        <summary>Coverage by section (${r.sections.length})</summary>
        <table>
          <thead><tr><th scope="col">Section</th><th scope="col">Before</th><th scope="col">After</th><th scope="col">Sourced before</th><th scope="col">Sourced after</th></tr></thead>
          <tbody>${r.sections.map((s) => html`<tr><th scope="row">${s.title ?? 'Lead'}</th><td>${coverageWords(s.before)}</td><td>${coverageWords(s.after)}</td><td>${sourcedShare(s.before)}</td><td>${sourcedShare(s.after)}</td></tr>`)}</tbody>
        </table>
      </details>
      ${r.changes.length === 0 ? html`<p class="none">No claim, citation, flag or reference entry changed.</p>` : nothing}
      ${CHANGE_KINDS.map((kind) => {
        const of = indexed.filter(([c]) => c.kind === kind);
        if (of.length === 0) return nothing;
        return html`<h3>${KIND_TITLE[kind]} (${of.length})</h3>
          <ol>${of.map(([c, i]) => this.item(c, i, ++n))}</ol>`;
      })}
      ${r.notes
        ? html`<h3>Notes on changed evidence (${r.notes.length})</h3>
            ${r.notes.length === 0 ? html`<p class="none">No note sits on a change.</p>` : html`<ul>${r.notes.map((note) => html`<li>${note.label} <span class="detail">${[...new Set(note.changes.map((i) => KIND_TITLE[r.changes[i]!.kind].toLowerCase()))].join('; ')}</span></li>`)}</ul>`}`
        : nothing}
    </section>`;
  }
}
