import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MOTIVATIONS, VERDICTS } from '../anchoring/annotation-types.ts';
import { noteTags, noteText } from '../anchoring/note-draft.ts';
import type { AnnotationEntry } from '../editor/annotation-plugin.ts';
import type { NotesSnapshot } from '../editor/snapshot.ts';
import { HistoryEvent } from './events.ts';
import { MOTIVATION_LABEL, VERDICT_LABEL } from './note-labels.ts';
import { noteBadgeStyles } from './note-styles.ts';
import { pageWindow } from './page-window.ts';
import './ap-note-card.ts';

/** Items of each list shown before "Show more", and added by each "Show more" (a book can have thousands). */
export const NOTE_LIST_PAGE = 50;

/** The lists of the panel, each paged on its own. */
type Section = 'notes' | 'orphans' | 'strays' | 'unreadable';
const FIRST_PAGES: Record<Section, number> = { notes: NOTE_LIST_PAGE, orphans: NOTE_LIST_PAGE, strays: NOTE_LIST_PAGE, unreadable: NOTE_LIST_PAGE };

/** Whether `e` passes the filters (empty filter = any). */
export function matchesFilters(e: AnnotationEntry, f: { motivation: string; tag: string; verdict: string; text: string }): boolean {
  const a = e.annotation;
  if (f.motivation && a.motivation !== f.motivation) return false;
  if (f.verdict && a.verdict !== f.verdict) return false;
  if (f.tag && !noteTags(a).includes(f.tag)) return false;
  if (f.text && !noteText(a).toLowerCase().includes(f.text.toLowerCase())) return false;
  return true;
}

/**
 * Every note of the work, filterable by motivation, tag and verdict, in document order; then the notes that could
 * not be anchored ("Unanchored") and the records that could not be read — all kept and shown, never dropped.
 * Each list renders a page at a time ("Show more", which moves the focus to the first card it adds), so a work with
 * twenty thousand notes shows its list at once; the focused note is rendered wherever it lies (`pageWindow`).
 * @fires ap-note-action - from its cards
 * @fires ap-history - undo/redo buttons
 */
@customElement('ap-note-list')
export class ApNoteList extends LitElement {
  static override styles = [
    noteBadgeStyles,
    css`
      :host { display: block; font-family: var(--ap-sans); color: var(--ap-ink); }
      h2 { font: 600 0.8rem/1 var(--ap-sans); letter-spacing: 0.08em; text-transform: uppercase; color: var(--ap-muted); margin: 0; }
      h3 { font: 600 0.78rem/1 var(--ap-sans); letter-spacing: 0.04em; color: var(--ap-muted); margin: 1.1rem 0 0.5rem; }
      .head { display: flex; justify-content: space-between; align-items: center; margin-bottom: 0.6rem; }
      .filters { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 0.4rem; margin: 0 0 0.6rem; }
      label { display: grid; gap: 0.15rem; font: 600 0.72rem/1.2 var(--ap-sans); color: var(--ap-muted); }
      select, input { font: 0.8rem var(--ap-sans); padding: 0.25rem; border: 1px solid #b9b2a5; border-radius: 3px; background: #fff; color: var(--ap-ink); min-width: 0; }
      .search { grid-column: 1 / -1; }
      ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.8rem; }
      .count { font-size: 0.8rem; color: var(--ap-muted); margin: 0 0 0.5rem; }
      .more, .history button { font: 0.8rem var(--ap-sans); background: var(--ap-paper); border: 1px solid var(--ap-line); border-radius: 3px; padding: 0.25rem 0.55rem; cursor: pointer; color: var(--ap-ink); }
      .history { display: flex; gap: 0.3rem; }
      button:disabled { opacity: 0.5; cursor: default; }
      button:focus-visible, select:focus-visible, input:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 1px; }
      li:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 2px; }
      .gap { font-size: 0.8rem; color: var(--ap-muted); }
      .more { margin-top: 0.5rem; }
      .unreadable li { font-size: 0.85rem; border-left: 3px solid var(--ap-none-ink); padding-left: 0.6rem; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; font: 0.75rem/1.4 var(--ap-mono); background: var(--ap-hover); padding: 0.4rem; max-height: 12rem; overflow: auto; }
    `,
  ];

  /** The notes of the work. */
  @property({ attribute: false }) notes: NotesSnapshot | null = null;
  /** The focused note's id. */
  @property({ attribute: false }) activeId: string | null = null;

  @state() private motivation = '';
  @state() private tag = '';
  @state() private verdict = '';
  @state() private text = '';
  /** How many items of each list are asked for ("Show more" adds a page). */
  @state() private limits: Record<Section, number> = { ...FIRST_PAGES };
  /** After "Show more": the list and index of the first item it added, to move the focus there. */
  private focusNext: { section: Section; index: number } | null = null;
  /** Memos over the (immutable) snapshot: the filtered notes and the tags, recomputed only when they can change. */
  private shownMemo: { notes: NotesSnapshot; key: string; shown: readonly AnnotationEntry[] } | null = null;
  private tagsMemo: { notes: NotesSnapshot; tags: string[] } | null = null;

  private shownOf(n: NotesSnapshot): readonly AnnotationEntry[] {
    const filters = { motivation: this.motivation, tag: this.tag, verdict: this.verdict, text: this.text };
    const key = JSON.stringify(filters);
    if (this.shownMemo?.notes !== n || this.shownMemo.key !== key) this.shownMemo = { notes: n, key, shown: n.notes.filter((e) => matchesFilters(e, filters)) };
    return this.shownMemo.shown;
  }

  private tagsOf(n: NotesSnapshot): string[] {
    if (this.tagsMemo?.notes !== n) {
      const tags = new Set<string>();
      for (const list of [n.notes, n.orphans]) for (const e of list) for (const t of noteTags(e.annotation)) tags.add(t);
      this.tagsMemo = { notes: n, tags: [...tags].sort((a, b) => a.localeCompare(b)) };
    }
    return this.tagsMemo.tags;
  }

  /**
   * The rendered part of one list (`pageWindow`): its first items, the page holding the active note when that lies
   * further on, and a "Show more" button for the rest.
   */
  private paged<T>(section: Section, items: readonly T[], activeIndex: number, item: (x: T) => unknown, more: string) {
    const w = pageWindow(items.length, this.limits[section], activeIndex, NOTE_LIST_PAGE);
    const row = (x: T, i: number) => html`<li data-index=${i} tabindex="-1">${item(x)}</li>`;
    const head = items.slice(0, w.head).map((x, i) => row(x, i));
    const extra = w.extra;
    return {
      items: html`${head}${extra
        ? html`<li class="gap" aria-hidden="true">… ${extra.from - w.head} more …</li>${items.slice(extra.from, extra.to).map((x, i) => row(x, extra.from + i))}`
        : nothing}`,
      more: w.hidden
        ? html`<button type="button" class="more" @click=${() => this.showMore(section, w.head)}>${more} (${w.hidden} left)</button>`
        : nothing,
    };
  }

  private showMore(section: Section, from: number) {
    this.limits = { ...this.limits, [section]: from + NOTE_LIST_PAGE };
    this.focusNext = { section, index: from };
  }

  protected override updated(): void {
    const f = this.focusNext;
    if (!f) return;
    this.focusNext = null;
    this.renderRoot.querySelector<HTMLElement>(`ol.${f.section} > li[data-index="${f.index}"]`)?.focus();
  }

  override render() {
    const n = this.notes;
    if (!n) return nothing;
    const shown = this.shownOf(n);
    const tags = this.tagsOf(n);
    const active = this.activeId;
    const card = (e: AnnotationEntry, withActive: boolean) =>
      html`<ap-note-card show-quote .entry=${e} .replies=${n.replies.get(e.annotation.id) ?? []} ?active=${withActive && e.annotation.id === active}></ap-note-card>`;
    const indexOf = (list: readonly AnnotationEntry[]) => (active === null ? -1 : list.findIndex((e) => e.annotation.id === active));
    const notes = this.paged('notes', shown, indexOf(shown), (e) => card(e, true), 'Show more');
    const orphans = this.paged('orphans', n.orphans, indexOf(n.orphans), (e) => card(e, false), 'Show more unanchored notes');
    const strays = this.paged('strays', n.strays, -1, (e) => html`<ap-note-card .entry=${e}></ap-note-card>`, 'Show more replies');
    const unreadable = this.paged(
      'unreadable',
      n.unreadable,
      -1,
      (u) => html`<strong>${u.key}</strong> in ${u.origin}: ${u.reason}
        <details><summary>Stored data</summary><pre>${safeJson(u.raw)}</pre></details>`,
      'Show more records',
    );
    return html`
      <div class="head">
        <h2 id="notes-heading">Notes <span class="visually-hidden">(${n.count})</span></h2>
        <div class="history">
          <button type="button" ?disabled=${!n.canUndo} @click=${() => this.dispatchEvent(new HistoryEvent('undo'))} title="Ctrl+Z">Undo</button>
          <button type="button" ?disabled=${!n.canRedo} @click=${() => this.dispatchEvent(new HistoryEvent('redo'))} title="Ctrl+Shift+Z">Redo</button>
        </div>
      </div>
      <div class="filters" role="group" aria-label="Filter notes">
        <label>Motivation
          <select @change=${(e: Event) => this.set('motivation', e)}>
            <option value="">Any</option>
            ${MOTIVATIONS.filter((m) => m !== 'replying').map((m) => html`<option value=${m}>${MOTIVATION_LABEL[m]}</option>`)}
          </select>
        </label>
        <label>Verdict
          <select @change=${(e: Event) => this.set('verdict', e)}>
            <option value="">Any</option>
            ${VERDICTS.map((v) => html`<option value=${v}>${VERDICT_LABEL[v]}</option>`)}
          </select>
        </label>
        <label>Tag
          <select @change=${(e: Event) => this.set('tag', e)}>
            <option value="">Any</option>
            ${tags.map((t) => html`<option value=${t}>${t}</option>`)}
          </select>
        </label>
        <label class="search">Search notes<input type="search" @input=${(e: Event) => this.set('text', e)} /></label>
      </div>
      <p class="count" aria-live="polite">${shown.length} of ${n.notes.length} anchored notes${n.orphans.length ? `, ${n.orphans.length} unanchored` : ''}</p>
      <ol aria-labelledby="notes-heading" class="notes">${notes.items}</ol>
      ${notes.more}
      ${n.orphans.length
        ? html`<h3 id="orphans-heading">Unanchored (${n.orphans.length})</h3>
            <ol aria-labelledby="orphans-heading" class="orphans">${orphans.items}</ol>
            ${orphans.more}`
        : nothing}
      ${n.strays.length
        ? html`<h3 id="strays-heading">Replies without a note (${n.strays.length})</h3>
            <ol aria-labelledby="strays-heading" class="strays">${strays.items}</ol>
            ${strays.more}`
        : nothing}
      ${n.unreadable.length
        ? html`<h3 id="unreadable-heading">Could not be read (${n.unreadable.length})</h3>
            <ol aria-labelledby="unreadable-heading" class="unreadable">${unreadable.items}</ol>
            ${unreadable.more}`
        : nothing}
    `;
  }

  private set(field: 'motivation' | 'tag' | 'verdict' | 'text', e: Event) {
    this[field] = (e.target as HTMLSelectElement | HTMLInputElement).value;
    this.limits = { ...this.limits, notes: NOTE_LIST_PAGE };
  }
}

function safeJson(raw: unknown): string {
  try {
    const s = JSON.stringify(raw, null, 2) ?? String(raw);
    return s.length > 20_000 ? `${s.slice(0, 20_000)}…` : s;
  } catch {
    return String(raw);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-note-list': ApNoteList;
  }
}
