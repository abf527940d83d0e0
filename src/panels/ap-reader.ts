import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { draftOf, isCurated, noteText, type NoteDraft } from '../anchoring/note-draft.ts';
import { quotedText } from '../anchoring/target-selectors.ts';
import {
  ANONYMOUS_READER as ANONYMOUS,
  createNote,
  deleteNotes,
  focusNote,
  redoNotes,
  replyToNote,
  reviseNote,
  selectedPassage,
  undoNotes,
  type NoteContext,
} from '../editor/annotation-commands.ts';
import { checkClaim } from '../editor/check-commands.ts';
import { deepLinkUrl, focusReference, selectClaim, selectSection } from '../editor/commands.ts';
import { keyHelp, readerRequestOf } from '../editor/reader-keys.ts';
import type { ReaderEditor } from '../editor/reader-view.ts';
import type { ReaderSnapshot } from '../editor/snapshot.ts';
import {
  AnnotateRequestEvent,
  AuthorChangeEvent,
  ClaimSelectEvent,
  HistoryEvent,
  NoteActionEvent,
  NoteSubmitEvent,
  ClaimCheckEvent,
  CopyLinkEvent,
  ReferenceSelectEvent,
  SectionSelectEvent,
  type NoteFormMode,
} from './events.ts';
import { safeHref } from './note-labels.ts';
import './ap-claim-list.ts';
import './ap-contents.ts';
import './ap-import-report.ts';
import './ap-timeline.ts';
import './ap-legend.ts';
import './ap-note-list.ts';
import './ap-provenance-panel.ts';


/** The lists beside the provenance panel, in tab order; `contents` only for a text with sections. */
const LIST_TABS = ['contents', 'notes', 'claims', 'timeline'] as const;
type ListTab = (typeof LIST_TABS)[number];

/** The open note form: what it is for, the note it edits or answers, the passage, and the starting draft. */
interface FormState {
  mode: NoteFormMode;
  id: string | null;
  quote: string;
  draft: NoteDraft;
}

/** The key help of the legend, from the one key table (editor/reader-keys.ts). */
const KEY_HELP = keyHelp();

/** Where a text opened from a link came from (`?text=…&meta=…[&annotations=…]`): shown in a banner. */
export interface LinkedWork {
  text: string;
  meta: string;
  annotations: string | null;
}

/**
 * The one container of the reader: the header (title, source, licence, legend, keys), the toolbar (annotate,
 * save status, actions slotted in by the composition root), the text (slotted light DOM, where the ProseMirror view
 * lives) and the side panels (provenance and note form; notes and claims in tabs). Snapshots come DOWN as the
 * `snapshot` property; panels' events come UP and are turned into editor commands here. It never changes a property
 * it was given: a new author name goes up as an `AuthorChangeEvent` and comes back down as a new `noteContext`.
 * @fires ap-author-change - the reader signed a note with a new name
 */
@customElement('ap-reader')
export class ApReader extends LitElement {
  static override styles = css`
    :host { display: block; min-height: 100vh; background: var(--ap-page); color: var(--ap-ink); }
    header { border-bottom: 1px solid var(--ap-line); background: var(--ap-paper); }
    .head { max-width: 86rem; margin: 0 auto; padding: 1rem 1.5rem 0.8rem; display: grid; gap: 0.5rem; }
    .kicker { font: 600 0.75rem/1 var(--ap-sans); letter-spacing: 0.1em; text-transform: uppercase; color: var(--ap-muted); margin: 0; }
    h1 { font: 600 1.9rem/1.15 var(--ap-serif); margin: 0; letter-spacing: -0.01em; }
    .source { font: 0.85rem/1.4 var(--ap-sans); color: var(--ap-muted); margin: 0; }
    .source a { color: var(--ap-link); }
    .linked { max-width: 86rem; margin: 0.75rem auto 0; padding: 0.7rem 1rem; border: 2px solid var(--ap-none-ink); background: var(--ap-paper); color: var(--ap-ink); border-radius: 4px; font: 0.9rem/1.45 var(--ap-sans); box-sizing: border-box; }
    .linked strong { color: var(--ap-none-ink); }
    .linked code { font: 0.8rem var(--ap-mono); overflow-wrap: anywhere; }
    .warning { max-width: 86rem; margin: 0.75rem auto 0; padding: 0.7rem 1rem; border: 1px solid var(--ap-none-ink); background: var(--ap-none-bg); color: var(--ap-none-ink); border-radius: 4px; font: 600 0.9rem/1.4 var(--ap-sans); box-sizing: border-box; }
    main { max-width: 86rem; margin: 0 auto; padding: 1.25rem 1.5rem; display: grid; grid-template-columns: minmax(0, 46rem) minmax(18rem, 26rem); justify-content: center; gap: 2rem; align-items: start; }
    .text { min-width: 0; }
    .toolbar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; padding: 0.5rem 0; margin-bottom: 0.5rem; background: var(--ap-page); font: 0.85rem/1.2 var(--ap-sans); }
    .toolbar button.primary { font: 600 0.85rem/1.2 var(--ap-sans); padding: 0.45rem 0.85rem; border-radius: 4px; border: 1px solid var(--ap-ink); background: var(--ap-ink); color: var(--ap-paper); cursor: pointer; }
    .toolbar button.primary[aria-disabled='true'] { background: var(--ap-paper); color: var(--ap-muted); border-color: var(--ap-line); cursor: default; }
    .toolbar button:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 2px; }
    .legend-row { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; justify-content: space-between; }
    .view { display: flex; gap: 0.35rem; }
    .toggle { font: 0.8rem/1.2 var(--ap-sans); padding: 0.35rem 0.6rem; border-radius: 999px; border: 1px solid var(--ap-line); background: var(--ap-paper); color: var(--ap-muted); cursor: pointer; }
    .toggle[aria-pressed='true'] { color: var(--ap-ink); border-color: var(--ap-ink); }
    /* The status line has a line of its own, one line high: a long message never makes the toolbar taller, so the
       text below does not move under the reader's pointer (the full message is the title and is announced). */
    .status { color: var(--ap-muted); flex: 1 0 100%; order: 99; height: 1.2em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .status button { font: 0.8rem var(--ap-sans); border: 1px solid var(--ap-line); background: var(--ap-paper); border-radius: 3px; padding: 0.2rem 0.5rem; cursor: pointer; color: var(--ap-ink); }
    aside { position: sticky; top: 1rem; display: grid; gap: 1rem; max-height: calc(100vh - 2rem); overflow: auto; padding-right: 0.25rem; }
    .panel { background: var(--ap-paper); border: 1px solid var(--ap-line); border-radius: 6px; padding: 1rem 1.1rem; }
    [role='tablist'] { display: flex; gap: 0.25rem; border-bottom: 1px solid var(--ap-line); margin: -0.25rem 0 0.9rem; }
    [role='tab'] { font: 600 0.85rem/1.2 var(--ap-sans); padding: 0.45rem 0.7rem; border: 0; border-bottom: 2px solid transparent; background: none; color: var(--ap-muted); cursor: pointer; }
    [role='tab'][aria-selected='true'] { color: var(--ap-ink); border-bottom-color: var(--ap-ink); }
    [role='tab']:focus-visible { outline: 2px solid var(--ap-focus); }
    @media (max-width: 60rem) {
      main { grid-template-columns: minmax(0, 1fr); gap: 1.25rem; padding: 1rem 1rem 42vh; }
      aside { position: static; max-height: none; overflow: visible; }
      /* On a narrow window the provenance stays in view as a sheet along the bottom edge. */
      .provenance { position: fixed; left: 0; right: 0; bottom: 0; z-index: 4; box-sizing: border-box; max-height: 38vh; overflow: auto; border-radius: 10px 10px 0 0; box-shadow: 0 -6px 18px rgba(0, 0, 0, 0.12); }
      h1 { font-size: 1.5rem; }
      .head { padding: 0.8rem 1rem; }
    }
  `;

  /** The current snapshot; null until the work is loaded. */
  @property({ attribute: false }) snapshot: ReaderSnapshot | null = null;
  /** The editor to run commands on (and whose state says what is selected). */
  @property({ attribute: false }) editor: Pick<ReaderEditor, 'run' | 'state'> | null = null;
  /** Who makes new notes, and how ids and times are made. */
  @property({ attribute: false }) noteContext: NoteContext | null = null;
  /** Set when the text was opened from a link, not from this project: a banner says so. */
  @property({ attribute: false }) linked: LinkedWork | null = null;
  /** A line on whether notes are saved ("Saved", "Saving…", "Save failed: …"). */
  @property() saveStatus = '';

  /** Claim marks switched off (reflected, so the page's stylesheet can hide them in the slotted text). */
  @property({ type: Boolean, reflect: true, attribute: 'hide-claims' }) hideClaims = false;
  /** Note highlights switched off. */
  @property({ type: Boolean, reflect: true, attribute: 'hide-notes' }) hideNotes = false;

  @state() private form: FormState | null = null;
  @state() private tab: ListTab = 'notes';
  /** Whether the reader chose a tab (until then, a text with sections opens on its contents). */
  private tabChosen = false;
  @state() private message = '';
  /** The work could not be opened (`showFatal`): the heading says so instead of "Loading…". */
  @state() private failed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(ClaimSelectEvent.type, this.onClaimSelect);
    this.addEventListener(ReferenceSelectEvent.type, this.onReferenceSelect);
    this.addEventListener(SectionSelectEvent.type, this.onSectionSelect);
    this.addEventListener(AnnotateRequestEvent.type, this.openCreateForm);
    this.addEventListener(NoteActionEvent.type, this.onNoteAction);
    this.addEventListener(NoteSubmitEvent.type, this.onNoteSubmit);
    this.addEventListener(ClaimCheckEvent.type, this.onClaimCheck);
    this.addEventListener(HistoryEvent.type, this.onHistory);
    this.addEventListener(CopyLinkEvent.type, this.onCopyLink);
    this.addEventListener('keydown', this.onKeydown);
  }

  override disconnectedCallback(): void {
    this.removeEventListener(ClaimSelectEvent.type, this.onClaimSelect);
    this.removeEventListener(ReferenceSelectEvent.type, this.onReferenceSelect);
    this.removeEventListener(SectionSelectEvent.type, this.onSectionSelect);
    this.removeEventListener(AnnotateRequestEvent.type, this.openCreateForm);
    this.removeEventListener(NoteActionEvent.type, this.onNoteAction);
    this.removeEventListener(NoteSubmitEvent.type, this.onNoteSubmit);
    this.removeEventListener(ClaimCheckEvent.type, this.onClaimCheck);
    this.removeEventListener(HistoryEvent.type, this.onHistory);
    this.removeEventListener(CopyLinkEvent.type, this.onCopyLink);
    this.removeEventListener('keydown', this.onKeydown);
    super.disconnectedCallback();
  }

  private onClaimSelect = (e: ClaimSelectEvent) => {
    this.editor?.run(selectClaim(e.detail.id), { focus: true });
  };

  private onReferenceSelect = (e: ReferenceSelectEvent) => {
    this.editor?.run(focusReference(e.detail.label));
  };

  /** Goes to a section: the caret at its start, its heading scrolled to the top of the window. */
  private onSectionSelect = (e: SectionSelectEvent) => {
    const { from } = e.detail;
    if (!this.editor?.run(selectSection(from), { focus: true })) return;
    const view = (this.editor as Partial<ReaderEditor>).view;
    (view?.nodeDOM(from) as HTMLElement | null)?.scrollIntoView?.({ block: 'start' });
  };

  /** The tabs shown: the contents only when the text has sections. */
  private get tabs(): readonly ListTab[] {
    return this.snapshot?.document.sections.length ? LIST_TABS : LIST_TABS.filter((t) => t !== 'contents');
  }

  private chooseTab(tab: ListTab) {
    this.tab = tab;
    this.tabChosen = true;
  }

  /** Keys that work anywhere in the reader (the key table's container requests). */
  private onKeydown = (e: KeyboardEvent) => {
    if (readerRequestOf(e) === 'annotate') {
      e.preventDefault();
      this.openCreateForm();
    }
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The note form is defined on first use (the first page stays small); Lit upgrades the element when it arrives,
    // keeping the properties already set on it.
    if (changed.has('form' as keyof ApReader) && this.form) void import('./ap-note-form.ts');
    // A text with sections opens on its contents, until the reader chooses another tab.
    const tabs = this.tabs;
    if (!this.tabChosen && tabs.includes('contents')) this.tab = 'contents';
    if (!tabs.includes(this.tab)) this.tab = 'notes';
  }

  /** What the status line says: the last message, then how the notes are saved. */
  private get statusLine(): string {
    return `${this.message}${this.message && this.saveStatus ? ' · ' : ''}${this.saveStatus}`;
  }

  /** Shows `text` in the toolbar's status line (announced politely to screen readers). */
  announce(text: string): void {
    this.message = text;
  }

  private shownPercent = -1;

  /** Says how far loading is (`fraction` in [0, 1]) in the status line, once per whole percent; marks the reader busy. */
  showProgress(fraction: number): void {
    const percent = Math.floor(Math.min(1, Math.max(0, fraction)) * 100);
    this.setAttribute('aria-busy', 'true');
    if (percent !== this.shownPercent) this.announce(`Loading… ${(this.shownPercent = percent)}%`);
  }

  /** Loading is over: clears the progress and the busy state. */
  showLoaded(): void {
    this.announce('');
    this.removeAttribute('aria-busy');
  }

  /** The work cannot be shown: `message` replaces the slotted text, as an alert, and the busy state ends. */
  showFatal(message: string): void {
    const box = Object.assign(document.createElement('div'), { className: 'ap-text', textContent: message });
    box.setAttribute('role', 'alert');
    const slot = this.querySelector('[slot="text"]');
    if (slot) slot.replaceChildren(box);
    else this.append(Object.assign(box, { slot: 'text' }));
    this.removeAttribute('aria-busy');
    this.failed = true;
  }

  /**
   * Opens the form for a new note on the selection (or says to select a passage first). The form quotes the
   * editor's selection — the words `createNote` will annotate.
   */
  openCreateForm = () => {
    const passage = this.snapshot?.caret.hasSelection && this.editor ? selectedPassage(this.editor.state) : null;
    if (!passage) {
      this.message = 'Select a passage of the text first, then annotate it.';
      return;
    }
    this.message = '';
    this.form = { mode: 'create', id: null, quote: passage.exact, draft: { text: '', motivation: 'commenting', tags: [], verdict: '', certainty: '' } };
  };

  private entry(id: string) {
    return this.snapshot ? findEntry(this.snapshot, id) : null;
  }

  private onNoteAction = (e: NoteActionEvent) => {
    const { action, id } = e.detail;
    const entry = this.entry(id);
    if (!entry) return;
    const quote = quotedText(entry.annotation);
    switch (action) {
      case 'edit':
        // A curated note is never rewritten: the reader's version becomes a proposed edit beside it.
        this.form = { mode: isCurated(entry.annotation) ? 'propose' : 'edit', id, quote, draft: draftOf(entry.annotation) };
        break;
      case 'reply':
        this.form = { mode: 'reply', id, quote: noteText(entry.annotation) || quote, draft: { text: '', motivation: 'replying', tags: [], verdict: '', certainty: '' } };
        break;
      case 'delete':
        if (this.editor?.run(deleteNotes([id]))) this.message = 'Note deleted.';
        break;
      case 'focus':
        this.editor?.run(focusNote(id), { focus: true });
        break;
    }
  };

  private onNoteSubmit = (e: NoteSubmitEvent) => {
    const form = this.form;
    const draft = e.detail.draft;
    if (!form) return;
    if (!draft) {
      this.form = null;
      return;
    }
    let ctx = this.noteContext;
    if (!this.editor || !ctx) return;
    const author = e.detail.author;
    if (author !== null && author !== this.authorName) {
      // A new name signs this note; it goes up, and the page sends down a note context with it for the next ones.
      ctx = { ...ctx, creator: { ...ctx.creator, name: author || ANONYMOUS } };
      this.dispatchEvent(new AuthorChangeEvent(author));
    }
    let ok = false;
    if (form.mode === 'create') ok = this.editor.run(createNote(draft, ctx));
    else if (form.mode === 'reply' && form.id) ok = this.editor.run(replyToNote(form.id, draft.text, ctx));
    else if ((form.mode === 'edit' || form.mode === 'propose') && form.id) ok = this.editor.run(reviseNote(form.id, draft, ctx));
    if (ok) {
      this.form = null;
      this.message = form.mode === 'create' ? 'Note saved.' : form.mode === 'reply' ? 'Reply saved.' : form.mode === 'propose' ? 'Proposed edit saved.' : 'Note updated.';
    } else {
      this.message = 'The note could not be saved: the selection or the note is no longer there.';
    }
  };

  private onClaimCheck = (e: ClaimCheckEvent) => {
    const ctx = this.noteContext;
    if (!this.editor || !ctx) return;
    const ok = this.editor.run(checkClaim(e.detail.draft, ctx));
    this.message = ok ? 'Check recorded.' : 'The check could not be recorded: the claim is no longer there.';
  };

  /** The name notes are signed with, '' for the anonymous default. */
  private get authorName(): string {
    const name = this.noteContext?.creator.name ?? '';
    return name === ANONYMOUS ? '' : name;
  }

  private onHistory = (e: HistoryEvent) => {
    const done = this.editor?.run(e.detail.direction === 'undo' ? undoNotes : redoNotes);
    this.message = done ? (e.detail.direction === 'undo' ? 'Undone.' : 'Redone.') : '';
  };

  /** Copies the absolute address of a claim or note (the page's address with `#claim=`/`#annotation=`) and says so. */
  private onCopyLink = (e: CopyLinkEvent) => {
    const { kind, id } = e.detail;
    const url = deepLinkUrl(window.location.href, kind, id);
    const what = kind === 'claim' ? 'this claim' : 'this note';
    const copying = navigator.clipboard?.writeText(url) ?? Promise.reject(new Error('no clipboard'));
    copying.then(
      () => (this.message = `Link to ${what} copied: ${url}`),
      () => (this.message = `The link to ${what} could not be copied; here it is: ${url}`),
    );
  };

  private tabKey(e: KeyboardEvent) {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const tabs = this.tabs;
      const i = tabs.indexOf(this.tab) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1);
      this.chooseTab(tabs[i % tabs.length]!);
      void this.updateComplete.then(() => (this.renderRoot.querySelector(`#tab-${this.tab}`) as HTMLElement | null)?.focus());
    }
  }

  override render() {
    const snap = this.snapshot;
    const doc = snap?.document;
    const work = doc?.work;
    const hasSelection = snap?.caret.hasSelection ?? false;
    const sections = doc?.sections ?? [];
    return html`
      <header>
        <div class="head">
          <p class="kicker">Apparatus · close reading with provenance</p>
          <h1>${work?.title ?? (this.failed ? 'This work cannot be opened' : 'Loading…')}</h1>
          ${work
            ? html`<p class="source">
                Source: ${link(work.source, work.attribution)} · ${link(work.licence.url, work.licence.name)}
              </p>`
            : nothing}
          <div class="legend-row">
            <ap-legend .keys=${KEY_HELP}></ap-legend>
            <div class="view" role="group" aria-label="Show">
              <button type="button" class="toggle" aria-pressed=${this.hideClaims ? 'false' : 'true'} @click=${() => (this.hideClaims = !this.hideClaims)}>Claim marks</button>
              <button type="button" class="toggle" aria-pressed=${this.hideNotes ? 'false' : 'true'} @click=${() => (this.hideNotes = !this.hideNotes)}>Note highlights</button>
            </div>
          </div>
        </div>
      </header>
      ${this.linked ? linkedBanner(this.linked) : nothing}
      ${(doc?.warnings ?? []).map((w) => html`<div class="warning" role="alert">${w}</div>`)}
      ${doc?.report ? html`<ap-import-report .report=${doc.report} .unplaced=${doc.unplacedSignals}></ap-import-report>` : nothing}
      <main>
        <div class="text">
          <div class="toolbar" role="toolbar" aria-label="Reader tools">
            <button type="button" class="primary" aria-disabled=${hasSelection ? 'false' : 'true'} aria-keyshortcuts="Control+Alt+M"
              @mousedown=${(e: Event) => e.preventDefault()} @click=${this.openCreateForm}>Annotate selection</button>
            <slot name="tools"></slot>
            <span class="status" role="status" aria-live="polite" title=${this.statusLine}>${this.statusLine}</span>
          </div>
          <slot name="text"></slot>
        </div>
        <aside part="aside" aria-label="Provenance and notes">
          ${this.form
            ? html`<section class="panel" aria-label="Note form">
                <ap-note-form .mode=${this.form.mode} .quote=${this.form.quote} .draft=${this.form.draft} .author=${this.authorName}
                  .references=${doc?.references ?? []} .workIri=${work?.iri ?? ''}></ap-note-form>
              </section>`
            : nothing}
          <section class="panel provenance" aria-label="Provenance">
            <ap-provenance-panel .caret=${snap?.caret ?? null} .replies=${snap?.notes.replies ?? new Map()} .checks=${snap?.notes.checks ?? new Map()}></ap-provenance-panel>
          </section>
          <section class="panel">
            <div role="tablist" aria-label="Lists" @keydown=${this.tabKey}>
              ${sections.length
                ? html`<button role="tab" id="tab-contents" aria-controls="panel-contents" aria-selected=${this.tab === 'contents' ? 'true' : 'false'} tabindex=${this.tab === 'contents' ? 0 : -1} @click=${() => this.chooseTab('contents')}>Contents</button>`
                : nothing}
              <button role="tab" id="tab-notes" aria-controls="panel-notes" aria-selected=${this.tab === 'notes' ? 'true' : 'false'} tabindex=${this.tab === 'notes' ? 0 : -1} @click=${() => this.chooseTab('notes')}>Notes (${snap?.notes.count ?? 0})</button>
              <button role="tab" id="tab-claims" aria-controls="panel-claims" aria-selected=${this.tab === 'claims' ? 'true' : 'false'} tabindex=${this.tab === 'claims' ? 0 : -1} @click=${() => this.chooseTab('claims')}>Claims (${doc?.coverage.total ?? 0})</button>
              <button role="tab" id="tab-timeline" aria-controls="panel-timeline" aria-selected=${this.tab === 'timeline' ? 'true' : 'false'} tabindex=${this.tab === 'timeline' ? 0 : -1} @click=${() => this.chooseTab('timeline')}>Timeline</button>
            </div>
            ${sections.length
              ? html`<div role="tabpanel" id="panel-contents" aria-labelledby="tab-contents" ?hidden=${this.tab !== 'contents'}>
                  <ap-contents .sections=${sections} .current=${snap?.caret.section ?? null} .claims=${doc?.claims ?? []} .checks=${snap?.notes.checks ?? new Map()}></ap-contents>
                </div>`
              : nothing}
            <div role="tabpanel" id="panel-notes" aria-labelledby="tab-notes" ?hidden=${this.tab !== 'notes'}>
              <ap-note-list .notes=${snap?.notes ?? null} .activeId=${snap?.caret.focused?.annotation.id ?? null}></ap-note-list>
            </div>
            <div role="tabpanel" id="panel-claims" aria-labelledby="tab-claims" ?hidden=${this.tab !== 'claims'}>
              <ap-claim-list .claims=${doc?.claims ?? []} .coverage=${doc?.coverage ?? null} .currentId=${snap?.caret.claim?.id ?? null} .checks=${snap?.notes.checks ?? new Map()}></ap-claim-list>
            </div>
            <div role="tabpanel" id="panel-timeline" aria-labelledby="tab-timeline" ?hidden=${this.tab !== 'timeline'}>
              <ap-timeline .claims=${doc?.claims ?? []} .language=${work?.language ?? 'en'} .corrections=${snap?.notes.corrections ?? []}
                .currentId=${snap?.caret.claim?.id ?? null} ?active=${this.tab === 'timeline'}></ap-timeline>
            </div>
          </section>
        </aside>
      </main>
    `;
  }
}

/** A link when `url` is http(s); otherwise the words alone (a work.json could carry a `javascript:` URL). */
function link(url: string, words: string) {
  const href = safeHref(url);
  return href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${words}</a>` : html`${words}`;
}

/** The banner of a text opened from a link: where it came from, and that its notes stay apart from the project's. */
function linkedBanner(linked: LinkedWork) {
  return html`<div class="linked" role="status" aria-label="Not from this project">
    <strong>Not from this project.</strong> This text was opened from a link: text <code>${linked.text}</code>, details
    <code>${linked.meta}</code>${linked.annotations ? html`, notes <code>${linked.annotations}</code>` : nothing}. What it says and the notes
    shown with it may not be the project's. Notes you make here are kept in this browser apart from the project's notes and
    cannot be saved to the project.
  </div>`;
}

/** The entry with `id` in a snapshot (anchored, orphan or reply), or null. */
function findEntry(snap: ReaderSnapshot, id: string) {
  const n = snap.notes;
  for (const e of n.notes) if (e.annotation.id === id) return e;
  for (const e of n.orphans) if (e.annotation.id === id) return e;
  for (const list of n.replies.values()) for (const e of list) if (e.annotation.id === id) return e;
  return null;
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-reader': ApReader;
  }
}
