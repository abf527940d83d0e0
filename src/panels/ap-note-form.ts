import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { CERTAINTIES, NOTE_MOTIVATIONS, VERDICTS, type Certainty, type Motivation, type Verdict } from '../anchoring/annotation-types.ts';
import { draftProblem, parseTags, type NoteDraft } from '../anchoring/note-draft.ts';
import type { Reference } from '../model/reference-types.ts';
import './ap-note-sources.ts';
import type { ApNoteSources } from './ap-note-sources.ts';
import { NoteSubmitEvent, type NoteFormMode } from './events.ts';
import { CERTAINTY_LABEL, MOTIVATION_LABEL, VERDICT_LABEL } from './note-labels.ts';

/**
 * The note form: a textarea labelled "Note" (Markdown), motivation, tags, verdict and certainty, the note's sources
 * and positions (`<ap-note-sources>`: a reference of the work, or a DOI, ISBN, URL or citation, with a locator and a
 * CiTO relation), "Save note" and "Cancel".
 * A reply shows only the text. A new note or reply also asks "Your name" (the note's creator), prefilled with
 * `author`. A proposed edit of a curated note (`propose`) says that the editors' note stays as they wrote it and asks
 * the name too. Ctrl/Cmd+Enter saves, Escape cancels. Focuses its textarea when it opens.
 * @fires ap-note-submit - with the draft (and the name) on save, with null on cancel
 */
@customElement('ap-note-form')
export class ApNoteForm extends LitElement {
  static override styles = css`
    :host { display: block; font-family: var(--ap-sans); color: var(--ap-ink); }
    /* Nothing wider than the form: on a phone the sheet is the screen's width. */
    form { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.6rem; }
    h2 { font: 600 0.8rem/1 var(--ap-sans); letter-spacing: 0.08em; text-transform: uppercase; color: var(--ap-muted); margin: 0; }
    .quote { margin: 0; font: italic 0.9rem/1.45 var(--ap-serif); color: var(--ap-muted); border-left: 3px solid var(--ap-line); padding-left: 0.6rem; max-height: 6.5em; overflow: auto; }
    label { display: grid; gap: 0.25rem; font: 600 0.8rem/1.2 var(--ap-sans); min-width: 0; }
    textarea, input, select { min-width: 0; width: 100%; box-sizing: border-box; font: 0.95rem/1.4 var(--ap-sans); padding: 0.4rem 0.5rem; border: 1px solid #b9b2a5; border-radius: 4px; background: #fff; color: var(--ap-ink); }
    textarea { min-height: 6.5rem; resize: vertical; font-family: var(--ap-serif); }
    textarea:focus, input:focus, select:focus { outline: 2px solid var(--ap-focus); outline-offset: 0; }
    .row { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0.6rem; }
    /* The form may be taller than its sheet or panel (sources, positions): its buttons stay in view at the bottom. */
    .buttons { display: flex; gap: 0.5rem; align-items: center; position: sticky; bottom: 0; z-index: 1; background: var(--ap-paper); padding: 0.45rem 0; box-shadow: 0 -1px 0 var(--ap-line); }
    button { font: 600 0.85rem/1.2 var(--ap-sans); padding: 0.45rem 0.9rem; border-radius: 4px; border: 1px solid var(--ap-ink); cursor: pointer; }
    button[type='submit'] { background: var(--ap-ink); color: var(--ap-paper); }
    button[type='button'] { background: var(--ap-paper); color: var(--ap-ink); border-color: var(--ap-line); }
    button:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 2px; }
    .hint { font-size: 0.75rem; color: var(--ap-muted); }
    .error { color: var(--ap-none-ink); font-size: 0.85rem; margin: 0; }
  `;

  /** What the form is for. */
  @property() mode: NoteFormMode = 'create';
  /** The passage the note is about (shown above the form). */
  @property() quote = '';
  /** The draft the form starts from. */
  @property({ attribute: false }) draft: NoteDraft = { text: '', motivation: 'commenting', tags: [], verdict: '', certainty: '' };
  /** The name new notes are signed with so far ('' when none was given). */
  @property() author = '';
  /** The work's reference list, to cite from. */
  @property({ attribute: false }) references: readonly Reference[] = [];
  /** The work's IRI (references are cited as `<iri>#ref-N`). */
  @property() workIri = '';

  @state() private error = '';
  @query('textarea') private textarea!: HTMLTextAreaElement;
  @query('ap-note-sources') private sourcesField!: ApNoteSources | null;

  protected override firstUpdated(): void {
    this.textarea?.focus();
  }

  /** Moves focus into the form's textarea. */
  override focus(): void {
    this.textarea?.focus();
  }

  private read(): NoteDraft {
    const form = this.renderRoot.querySelector('form')!;
    const data = new FormData(form);
    const text = String(data.get('note') ?? '');
    if (this.textOnly) return { text, motivation: 'replying', tags: [], verdict: '', certainty: '' };
    const sources = this.sourcesField;
    return {
      text,
      motivation: String(data.get('motivation') ?? 'commenting') as Motivation,
      tags: parseTags(String(data.get('tags') ?? '')),
      verdict: String(data.get('verdict') ?? '') as Verdict | '',
      certainty: String(data.get('certainty') ?? '') as Certainty | '',
      ...(sources ? { sources: [...sources.sources], positions: [...sources.positions] } : {}),
    };
  }

  /** A reply (new or edited) has only text. */
  private get textOnly(): boolean {
    return this.mode === 'reply' || this.draft.motivation === 'replying';
  }

  private submit(e: Event) {
    e.preventDefault();
    // A source or position typed but not added is added now, or the note waits: nothing typed is dropped.
    const pending = this.sourcesField?.commitPending() ?? null;
    if (pending) {
      this.error = pending;
      return;
    }
    const draft = this.read();
    const problem = draftProblem(draft);
    if (problem) {
      this.error = problem;
      this.textarea?.focus();
      return;
    }
    this.error = '';
    const author = this.mode === 'edit' ? null : String(new FormData(this.renderRoot.querySelector('form')!).get('author') ?? '').trim();
    this.dispatchEvent(new NoteSubmitEvent(draft, author));
  }

  private cancel() {
    this.dispatchEvent(new NoteSubmitEvent(null));
  }

  private onKeydown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.cancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      this.submit(e);
    }
  }

  override render() {
    const d = this.draft;
    const title =
      this.mode === 'create' ? 'New note' : this.mode === 'reply' ? 'Reply' : this.mode === 'propose' ? 'Propose an edit' : this.textOnly ? 'Edit reply' : 'Edit note';
    const motivations = NOTE_MOTIVATIONS.includes(d.motivation) ? NOTE_MOTIVATIONS : [...NOTE_MOTIVATIONS, d.motivation];
    return html`<form @submit=${this.submit} @keydown=${this.onKeydown} aria-label=${title}>
      <h2>${title}</h2>
      ${this.quote ? html`<p class="quote">“${this.quote}”</p>` : nothing}
      ${this.mode === 'propose'
        ? html`<p class="hint">This note is the editors’. It stays as they wrote it; your version is added below it as a proposed edit, signed with your name.</p>`
        : nothing}
      <label>Note<textarea name="note" .value=${d.text} aria-describedby="markdown-hint hint"></textarea></label>
      <span class="hint" id="markdown-hint">Markdown: *emphasis*, **strong**, [words](https://…), lists with - or 1.</span>
      ${this.textOnly
        ? nothing
        : html`<div class="row">
              <label>Motivation
                <select name="motivation">
                  ${motivations.map((m) => html`<option value=${m} ?selected=${d.motivation === m}>${MOTIVATION_LABEL[m]}</option>`)}
                </select>
              </label>
              <label>Tags<input name="tags" .value=${d.tags.join(', ')} placeholder="date, Stalin" autocomplete="off" /></label>
            </div>
            <div class="row">
              <label>Verdict
                <select name="verdict">
                  <option value="" ?selected=${!d.verdict}>None</option>
                  ${VERDICTS.map((v) => html`<option value=${v} ?selected=${d.verdict === v}>${VERDICT_LABEL[v]}</option>`)}
                </select>
              </label>
              <label>Certainty
                <select name="certainty">
                  <option value="" ?selected=${!d.certainty}>None</option>
                  ${CERTAINTIES.map((c) => html`<option value=${c} ?selected=${d.certainty === c}>${CERTAINTY_LABEL[c]}</option>`)}
                </select>
              </label>
            </div>
            <ap-note-sources .references=${this.references} .workIri=${this.workIri} .initialSources=${d.sources ?? []} .initialPositions=${d.positions ?? []}></ap-note-sources>`}
      ${this.mode === 'edit'
        ? nothing
        : html`<label>Your name<input name="author" .value=${this.author} placeholder="Anonymous reader" autocomplete="name" aria-describedby="author-hint" /></label>
            <span class="hint" id="author-hint">Signs this note; remembered in this browser.</span>`}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="buttons">
        <button type="submit">${this.mode === 'propose' ? 'Propose edit' : 'Save note'}</button>
        <button type="button" @click=${this.cancel}>Cancel</button>
        <span class="hint" id="hint">Ctrl+Enter saves · Esc cancels</span>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-note-form': ApNoteForm;
  }
}
