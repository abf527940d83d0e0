import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MOTIVATIONS, VERDICTS } from '../anchoring/annotation-types.ts';
import { noteTags, noteText } from '../anchoring/note-draft.ts';
import type { AnnotationEntry } from '../editor/annotation-plugin.ts';
import type { NotesSnapshot } from '../editor/snapshot.ts';
import { HistoryEvent } from './events.ts';
import { MOTIVATION_LABEL, VERDICT_LABEL } from './note-labels.ts';
import { noteBadgeStyles } from './note-styles.ts';
import './ap-note-card.ts';

/** Notes shown before "Show more" (a book can have thousands). */
export const NOTE_LIST_PAGE = 50;

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
  @state() private limit = NOTE_LIST_PAGE;

  override render() {
    const n = this.notes;
    if (!n) return nothing;
    const filters = { motivation: this.motivation, tag: this.tag, verdict: this.verdict, text: this.text };
    const shown = n.notes.filter((e) => matchesFilters(e, filters));
    const tags = [...new Set([...n.notes, ...n.orphans].flatMap((e) => noteTags(e.annotation)))].sort((a, b) => a.localeCompare(b));
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
      <ol aria-labelledby="notes-heading">
        ${shown.slice(0, this.limit).map(
          (e) => html`<li><ap-note-card show-quote .entry=${e} .replies=${n.replies.get(e.annotation.id) ?? []} ?active=${e.annotation.id === this.activeId}></ap-note-card></li>`,
        )}
      </ol>
      ${shown.length > this.limit ? html`<button type="button" class="more" @click=${() => (this.limit += NOTE_LIST_PAGE)}>Show more (${shown.length - this.limit} left)</button>` : nothing}
      ${n.orphans.length
        ? html`<h3 id="orphans-heading">Unanchored (${n.orphans.length})</h3>
            <ol aria-labelledby="orphans-heading" class="orphans">
              ${n.orphans.map((e) => html`<li><ap-note-card show-quote .entry=${e} .replies=${n.replies.get(e.annotation.id) ?? []}></ap-note-card></li>`)}
            </ol>`
        : nothing}
      ${n.strays.length
        ? html`<h3 id="strays-heading">Replies without a note (${n.strays.length})</h3>
            <ol aria-labelledby="strays-heading" class="strays">
              ${n.strays.map((e) => html`<li><ap-note-card .entry=${e}></ap-note-card></li>`)}
            </ol>`
        : nothing}
      ${n.unreadable.length
        ? html`<h3 id="unreadable-heading">Could not be read (${n.unreadable.length})</h3>
            <ol aria-labelledby="unreadable-heading" class="unreadable">
              ${n.unreadable.map(
                (u) => html`<li><strong>${u.key}</strong> in ${u.origin}: ${u.reason}
                  <details><summary>Stored data</summary><pre>${safeJson(u.raw)}</pre></details></li>`,
              )}
            </ol>`
        : nothing}
    `;
  }

  private set(field: 'motivation' | 'tag' | 'verdict' | 'text', e: Event) {
    this[field] = (e.target as HTMLSelectElement | HTMLInputElement).value;
    this.limit = NOTE_LIST_PAGE;
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
