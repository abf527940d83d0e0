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
import { markerAtCaret } from '../editor/footnote-at-caret.ts';
import { keyHelp, keyLabel, keyMatches, PANEL_KEY_HELP, READER_KEYS, readerRequestOf } from '../editor/reader-keys.ts';
import { adoptMarkStyles } from '../styles/marks.ts';
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
import './ap-footnote-popover.ts';
import './ap-key-list.ts';
import './ap-import-report.ts';
import './ap-timeline.ts';
import './ap-legend.ts';
import './ap-note-list.ts';
import './ap-provenance-panel.ts';


/** The lists beside the provenance panel, in tab order; `contents` only for a text with sections. */
const LIST_TABS = ['contents', 'notes', 'claims', 'timeline'] as const;

/** What the status line says after a note is deleted (with "Undo" beside it). */
const DELETED = 'Note deleted.';
type ListTab = (typeof LIST_TABS)[number];

/** The open note form: what it is for, the note it edits or answers, the passage, and the starting draft. */
interface FormState {
  mode: NoteFormMode;
  id: string | null;
  quote: string;
  draft: NoteDraft;
}

/** The key list (`?`): the one key table (editor/reader-keys.ts), then the keys the panels bind. */
const KEY_HELP = [...keyHelp().map((h, i) => ({ ...h, keys: [...h.keys, ...(READER_KEYS[i]!.hidden ?? []).map(keyLabel)] })), ...PANEL_KEY_HELP];

/** The provenance sheet on a phone: its height in percent of the window (default, bounds, step of a key). */
const SHEET = { initial: 40, min: 15, max: 90, step: 5 } as const;

/** Whether `el` is a field the reader types in (where `?` and `Ctrl+Z` belong to the field). */
function isField(el: EventTarget | undefined): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.closest('.ap-text')) return false;
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || el.isContentEditable;
}

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
    :host { display: block; position: relative; min-height: 100vh; background: var(--ap-page); color: var(--ap-ink); }
    header { border-bottom: 1px solid var(--ap-line); background: var(--ap-paper); }
    .head { max-width: 86rem; margin: 0 auto; padding: 0.75rem 1.5rem 0.6rem; display: grid; gap: 0.35rem; }
    .kicker { font: 600 0.7rem/1 var(--ap-sans); letter-spacing: 0.1em; text-transform: uppercase; color: var(--ap-muted); margin: 0; }
    h1 { font: 600 1.7rem/1.15 var(--ap-serif); margin: 0; letter-spacing: -0.01em; }
    .source { font: 0.85rem/1.4 var(--ap-sans); color: var(--ap-muted); margin: 0; }
    .source a { color: var(--ap-link); }
    .linked { max-width: 86rem; margin: 0.75rem auto 0; padding: 0.7rem 1rem; border: 2px solid var(--ap-none-ink); background: var(--ap-paper); color: var(--ap-ink); border-radius: 4px; font: 0.9rem/1.45 var(--ap-sans); box-sizing: border-box; }
    .linked strong { color: var(--ap-none-ink); }
    .linked code { font: 0.8rem var(--ap-mono); overflow-wrap: anywhere; }
    .warning { max-width: 86rem; margin: 0.75rem auto 0; padding: 0.7rem 1rem; border: 1px solid var(--ap-none-ink); background: var(--ap-none-bg); color: var(--ap-none-ink); border-radius: 4px; font: 600 0.9rem/1.4 var(--ap-sans); box-sizing: border-box; }
    main { max-width: 86rem; margin: 0 auto; padding: 0 1.5rem 1.25rem; display: grid; grid-template-columns: minmax(0, 46rem) minmax(18rem, 28rem); justify-content: center; gap: 2rem; align-items: start; }
    .text { min-width: 0; }
    .toolbar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; padding: 0.6rem 0 0.4rem; margin-bottom: 0.4rem; background: var(--ap-page); font: 0.85rem/1.2 var(--ap-sans); }
    .toolbar button.primary { font: 600 0.85rem/1.2 var(--ap-sans); padding: 0.45rem 0.85rem; border-radius: 4px; border: 1px solid var(--ap-ink); background: var(--ap-ink); color: var(--ap-paper); cursor: pointer; }
    .toolbar button.primary[aria-disabled='true'] { background: var(--ap-paper); color: var(--ap-muted); border-color: var(--ap-line); cursor: default; }
    .toolbar button:focus-visible, .toggle:focus-visible, .sheet-bar :focus-visible, .open-sheet:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 2px; }
    .legend-row { display: flex; flex-wrap: wrap; gap: 0.4rem 1.5rem; align-items: start; justify-content: space-between; }
    .legend-row ap-legend { flex: 1 1 20rem; }
    .view { display: flex; gap: 0.35rem; flex-wrap: wrap; }
    .toggle { font: 0.8rem/1.2 var(--ap-sans); padding: 0.3rem 0.6rem; border-radius: 999px; border: 1px solid var(--ap-line); background: var(--ap-paper); color: var(--ap-muted); cursor: pointer; }
    .toggle[aria-pressed='true'] { color: var(--ap-ink); border-color: var(--ap-ink); }
    .toggle kbd { font: 600 0.72rem/1 var(--ap-mono); border: 1px solid var(--ap-line); border-radius: 3px; padding: 0 0.25rem; }
    /* The status line has a line of its own, one line high: a long message never makes the toolbar taller, so the
       text below does not move under the reader's pointer (the full message is the title and is announced). */
    .status { color: var(--ap-muted); flex: 1 0 100%; order: 99; height: 1.5em; line-height: 1.5em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .status button { font: 0.8rem/1.1 var(--ap-sans); border: 1px solid var(--ap-line); background: var(--ap-paper); border-radius: 3px; padding: 0.1rem 0.5rem; cursor: pointer; color: var(--ap-ink); }
    /* The side: always in view beside the text. The provenance has its own scroll; the lists below it are tabs, each
       with its own scroll, so a long list never pushes the provenance out of sight. */
    aside { position: sticky; top: 0; box-sizing: border-box; height: 100vh; display: flex; flex-direction: column; gap: 0.75rem; padding: 0.6rem 0 0.75rem; }
    .panel { background: var(--ap-paper); border: 1px solid var(--ap-line); border-radius: 6px; padding: 0.9rem 1.1rem; box-sizing: border-box; }
    /* The note form, while open, comes first: the provenance and the lists give way (each keeps a few lines). */
    .form { flex: 0 0 auto; max-height: 62%; overflow: auto; }
    .provenance { flex: 1 1 55%; min-height: 8rem; overflow: auto; overscroll-behavior: contain; }
    .lists { flex: 1 1 45%; min-height: 8rem; display: flex; flex-direction: column; padding-bottom: 0; }
    .lists [role='tabpanel'] { flex: 1 1 auto; min-height: 0; overflow: auto; overscroll-behavior: contain; padding-bottom: 0.9rem; }
    .lists [role='tabpanel'][hidden] { display: none; }
    .sheet-bar, .open-sheet { display: none; }
    /* The sheet closed on a phone is the panel again in a wide window. */
    .provenance[hidden] { display: block; }
    [role='tablist'] { display: flex; flex: none; gap: 0.25rem; border-bottom: 1px solid var(--ap-line); margin: -0.25rem 0 0.7rem; overflow-x: auto; }
    [role='tab'] { font: 600 0.85rem/1.2 var(--ap-sans); padding: 0.45rem 0.7rem; border: 0; border-bottom: 2px solid transparent; background: none; color: var(--ap-muted); cursor: pointer; white-space: nowrap; }
    [role='tab'][aria-selected='true'] { color: var(--ap-ink); border-bottom-color: var(--ap-ink); }
    [role='tab']:focus-visible { outline: 2px solid var(--ap-focus); }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    @media (max-width: 60rem) {
      /* A phone: a compact header and toolbar, the text taking most of the screen, the provenance a sheet along
         the bottom edge that can be closed and resized. */
      .head { padding: 0.5rem 0.9rem 0.4rem; gap: 0.2rem; }
      .kicker { display: none; }
      h1 { font-size: 1.3rem; }
      .source { font-size: 0.75rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      .legend-row { flex-wrap: nowrap; gap: 0.5rem; }
      .legend-row ap-legend { flex: 1 1 auto; min-width: 0; }
      .view { flex-wrap: nowrap; }
      .toggle { padding: 0.25rem 0.5rem; font-size: 0.75rem; }
      main { grid-template-columns: minmax(0, 1fr); gap: 1rem; padding: 0 0.6rem calc(var(--ap-sheet-space, 40vh) + 1rem); }
      .toolbar { flex-wrap: nowrap; overflow-x: auto; gap: 0.35rem; padding: 0.35rem 0 0.25rem; scrollbar-width: none; }
      .toolbar button.primary { padding: 0.35rem 0.6rem; white-space: nowrap; }
      .toolbar ::slotted(*) { flex: none; }
      .status { flex: none; order: 0; width: auto; }
      aside { position: static; height: auto; display: grid; padding: 0; }
      .lists { max-height: 70vh; }
      /* The note form is a sheet of its own over the provenance, so it is never under it. */
      .form { position: fixed; left: 0; right: 0; bottom: 0; z-index: 5; max-height: 75vh; overflow: auto; border-radius: 10px 10px 0 0; box-shadow: 0 -6px 18px rgba(0, 0, 0, 0.16); }
      .provenance { position: fixed; left: 0; right: 0; bottom: 0; z-index: 4; height: var(--ap-sheet, 40vh); max-height: none; min-height: 0; padding-top: 0; border-radius: 10px 10px 0 0; box-shadow: 0 -6px 18px rgba(0, 0, 0, 0.12); }
      .provenance[hidden] { display: none; }
      .sheet-bar { display: flex; position: sticky; top: 0; z-index: 1; align-items: center; justify-content: center; background: var(--ap-paper); margin: 0 -1.1rem 0.4rem; padding: 0.25rem 0.6rem; border-bottom: 1px solid var(--ap-line); }
      .handle { width: 4rem; height: 1.6rem; cursor: ns-resize; touch-action: none; display: flex; align-items: center; justify-content: center; border-radius: 4px; }
      .handle::before { content: ''; width: 2.5rem; height: 4px; border-radius: 2px; background: var(--ap-line); }
      .close-sheet { position: absolute; right: 0.6rem; font: 0.8rem var(--ap-sans); border: 1px solid var(--ap-line); background: var(--ap-paper); border-radius: 3px; padding: 0.2rem 0.55rem; color: var(--ap-ink); cursor: pointer; }
      .open-sheet { display: block; position: fixed; right: 0.75rem; bottom: 0.75rem; z-index: 4; font: 600 0.85rem var(--ap-sans); padding: 0.5rem 0.9rem; border-radius: 999px; border: 1px solid var(--ap-ink); background: var(--ap-ink); color: var(--ap-paper); box-shadow: 0 3px 10px rgba(0, 0, 0, 0.2); }
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
  /** The status line offers "Undo" (after a note was deleted). */
  @state() private undoOffer = false;
  /** The footnote popover: the marker's label and where to show it (in the reader's coordinates). */
  @state() private footnote: { label: string; top: number; left: number } | null = null;
  /** On a phone: the provenance sheet closed, and its height (percent of the window). */
  @state() private sheetClosed = false;
  @state() private sheetPercent: number = SHEET.initial;
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
    this.addEventListener('click', this.onTextClick);
    this.addEventListener('ap-popover-close', this.closePopover);
    document.addEventListener('keydown', this.onKeydown);
    document.addEventListener('click', this.onSkipLink);
    adoptMarkStyles(document);
    this.addEventListener(CopyLinkEvent.type, this.onCopyLink);
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
    this.removeEventListener('click', this.onTextClick);
    this.removeEventListener('ap-popover-close', this.closePopover);
    document.removeEventListener('keydown', this.onKeydown);
    document.removeEventListener('click', this.onSkipLink);
    this.removeEventListener(CopyLinkEvent.type, this.onCopyLink);
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

  /**
   * Keys that work anywhere on the page (the key table's container requests), and undo/redo of the notes wherever
   * the focus is — in the text the editor's keymap has them first; in a field being typed in they are the field's.
   */
  private onKeydown = (e: KeyboardEvent) => {
    const target = e.composedPath()[0];
    const inText = target instanceof Node && !!this.editorDom?.contains(target);
    const request = readerRequestOf(e);
    // Enter at a marker: the editor has no use for it (the text cannot be changed), whatever it did with the event.
    if (request === 'footnote' && inText) {
      if (this.showFootnoteAtCaret()) e.preventDefault();
      return;
    }
    if (e.defaultPrevented) return;
    if (request === 'annotate') {
      e.preventDefault();
      this.openCreateForm();
    } else if (request === 'keys' && !isField(target)) {
      e.preventDefault();
      (this.renderRoot.querySelector('ap-key-list') as import('./ap-key-list.ts').ApKeyList | null)?.show();
    } else if (e.key === 'Escape' && !this.sheetClosed && target instanceof Node && this.renderRoot.querySelector('.provenance')?.contains(target) && this.isPhone()) {
      e.preventDefault();
      this.closeSheet();
    } else if (!inText && !isField(target) && this.editor) {
      // keyMatches lets Shift pass for letters (a layout may need it), so Shift tells undo from redo here.
      const redo = (keyMatches('Mod-Shift-z', e) && e.shiftKey) || keyMatches('Mod-y', e);
      const undo = !redo && keyMatches('Mod-z', e);
      if (!undo && !redo) return;
      e.preventDefault();
      this.onHistory(new HistoryEvent(redo ? 'redo' : 'undo'));
    }
  };

  /** The editor's element (the text), when mounted. */
  private get editorDom(): HTMLElement | null {
    return (this.editor as Partial<ReaderEditor> | null)?.view?.dom ?? null;
  }

  /** Puts the focus back in the text, at the caret where the reader was (the editor keeps its selection). */
  private returnToText(): void {
    (this.editor as Partial<ReaderEditor> | null)?.view?.focus();
  }

  /** The skip link (index.html) lands in the text: the focus in it, at its caret. */
  private onSkipLink = (e: MouseEvent) => {
    const link = e.target instanceof Element ? e.target.closest('a.ap-skip') : null;
    if (!link || !this.editorDom) return;
    e.preventDefault();
    this.returnToText();
  };

  /** A click on a footnote marker in the text: its reference in a popover at the marker (after the editor focused it). */
  private onTextClick = (e: MouseEvent) => {
    const marker = e.target instanceof Element ? e.target.closest('.ap-marker') : null;
    if (!marker || !this.editorDom?.contains(marker)) return;
    // The marker is a link to its entry: following it would leave the reading place.
    e.preventDefault();
    this.openPopover(marker.getAttribute('data-marker') ?? '', marker);
  };

  /** Enter at a marker: focuses its reference and shows it in the popover. False when no marker touches the caret. */
  private showFootnoteAtCaret(): boolean {
    const view = (this.editor as Partial<ReaderEditor> | null)?.view;
    const at = view ? markerAtCaret(view.state) : null;
    if (!view || !at) return false;
    this.editor!.run(focusReference(at.label));
    const dom = view.nodeDOM(at.pos);
    if (dom instanceof Element) this.openPopover(at.label, dom);
    return true;
  }

  private openPopover(label: string, marker: Element): void {
    const r = marker.getBoundingClientRect();
    const host = this.getBoundingClientRect();
    const width = Math.min(416, window.innerWidth - 24);
    const left = Math.max(12, Math.min(r.left, window.innerWidth - width - 12)) - host.left;
    this.footnote = { label, top: r.bottom + 6 - host.top, left };
    void this.updateComplete.then(() => (this.renderRoot.querySelector('ap-footnote-popover') as HTMLElement | null)?.focus());
  }

  /** Closes the popover; the focus goes back to the marker (the caret stays beside it). */
  private closePopover = () => {
    if (!this.footnote) return;
    this.footnote = null;
    this.returnToText();
  };

  private isPhone(): boolean {
    return window.matchMedia('(max-width: 60rem)').matches;
  }

  private closeSheet(): void {
    this.sheetClosed = true;
    this.returnToText();
  }

  private openSheet(): void {
    this.sheetClosed = false;
    void this.updateComplete.then(() => (this.renderRoot.querySelector('.provenance .handle') as HTMLElement | null)?.focus());
  }

  private resizeSheet(percent: number): void {
    this.sheetPercent = Math.round(Math.min(SHEET.max, Math.max(SHEET.min, percent)));
  }

  private onHandleKey = (e: KeyboardEvent) => {
    const step = { ArrowUp: SHEET.step, ArrowDown: -SHEET.step, PageUp: 2 * SHEET.step, PageDown: -2 * SHEET.step } as Record<string, number>;
    if (e.key in step) this.resizeSheet(this.sheetPercent + step[e.key]!);
    else if (e.key === 'Home') this.resizeSheet(SHEET.min);
    else if (e.key === 'End') this.resizeSheet(SHEET.max);
    else return;
    e.preventDefault();
  };

  /** Dragging the handle: the sheet's top follows the pointer. */
  private onHandleDown = (e: PointerEvent) => {
    const handle = e.currentTarget as HTMLElement;
    handle.setPointerCapture?.(e.pointerId);
    const move = (m: PointerEvent) => this.resizeSheet(((window.innerHeight - m.clientY) / window.innerHeight) * 100);
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
    e.preventDefault();
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The note form is defined on first use (the first page stays small); Lit upgrades the element when it arrives,
    // keeping the properties already set on it.
    if (changed.has('form' as keyof ApReader) && this.form) void import('./ap-note-form.ts');
    // A text with sections opens on its contents, until the reader chooses another tab.
    const tabs = this.tabs;
    if (!this.tabChosen && tabs.includes('contents')) this.tab = 'contents';
    if (!tabs.includes(this.tab)) this.tab = 'notes';
    // The popover follows the focused reference: once the caret moves on (another click, a key), it closes.
    if (changed.has('snapshot') && this.footnote) {
      const before = (changed.get('snapshot') as ReaderSnapshot | null | undefined)?.caret.reference?.label;
      const now = this.snapshot?.caret.reference?.label;
      if (before === this.footnote.label && now !== this.footnote.label) this.footnote = null;
    }
    if (changed.has('message' as keyof ApReader) && this.message !== DELETED) this.undoOffer = false;
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
        if (this.editor?.run(deleteNotes([id]))) {
          this.message = DELETED;
          this.undoOffer = true;
          this.returnToText();
        }
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
      this.returnToText();
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
      this.returnToText();
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
            <ap-legend></ap-legend>
            <div class="view" role="group" aria-label="Show">
              <button type="button" class="toggle" aria-keyshortcuts="?" @click=${() => (this.renderRoot.querySelector('ap-key-list') as import('./ap-key-list.ts').ApKeyList | null)?.show()}>Keys <kbd>?</kbd></button>
              <button type="button" class="toggle" aria-pressed=${this.hideClaims ? 'false' : 'true'} @click=${() => (this.hideClaims = !this.hideClaims)}>Claim marks</button>
              <button type="button" class="toggle" aria-pressed=${this.hideNotes ? 'false' : 'true'} @click=${() => (this.hideNotes = !this.hideNotes)}>Note highlights</button>
            </div>
          </div>
        </div>
      </header>
      ${this.linked ? linkedBanner(this.linked) : nothing}
      ${(doc?.warnings ?? []).map((w) => html`<div class="warning" role="alert">${w}</div>`)}
      ${doc?.report ? html`<ap-import-report .report=${doc.report} .unplaced=${doc.unplacedSignals}></ap-import-report>` : nothing}
      <main style="--ap-sheet-space: ${this.sheetClosed ? 0 : this.sheetPercent}vh">
        <div class="text">
          <div class="toolbar" role="toolbar" aria-label="Reader tools">
            <button type="button" class="primary" aria-disabled=${hasSelection ? 'false' : 'true'} aria-keyshortcuts="Control+Alt+M"
              @mousedown=${(e: Event) => e.preventDefault()} @click=${this.openCreateForm}>Annotate selection</button>
            <slot name="tools"></slot>
            <span class="status" role="status" aria-live="polite" title=${this.statusLine}>${this.statusLine}${this.undoOffer
              ? html` <button type="button" class="undo" @click=${() => { this.onHistory(new HistoryEvent('undo')); this.returnToText(); }}>Undo</button>`
              : nothing}</span>
          </div>
          <slot name="text"></slot>
        </div>
        <aside part="aside" aria-label="Provenance and notes">
          ${this.form
            ? html`<section class="panel form" aria-label="Note form">
                <ap-note-form .mode=${this.form.mode} .quote=${this.form.quote} .draft=${this.form.draft} .author=${this.authorName}
                  .references=${doc?.references ?? []} .workIri=${work?.iri ?? ''}></ap-note-form>
              </section>`
            : nothing}
          <section class="panel provenance" aria-label="Provenance" ?hidden=${this.sheetClosed}
            style="--ap-sheet: ${this.sheetPercent}vh">
            <div class="sheet-bar">
              <div class="handle" role="separator" aria-orientation="horizontal" aria-label="Height of the provenance sheet (percent of the window)"
                aria-valuenow=${this.sheetPercent} aria-valuemin=${SHEET.min} aria-valuemax=${SHEET.max} tabindex="0"
                @keydown=${this.onHandleKey} @pointerdown=${this.onHandleDown}></div>
              <button type="button" class="close-sheet" @click=${() => this.closeSheet()}>Close<span class="visually-hidden"> the provenance sheet</span></button>
            </div>
            <ap-provenance-panel .caret=${snap?.caret ?? null} .replies=${snap?.notes.replies ?? new Map()} .checks=${snap?.notes.checks ?? new Map()}></ap-provenance-panel>
          </section>
          ${this.sheetClosed ? html`<button type="button" class="open-sheet" @click=${() => this.openSheet()}>Provenance</button>` : nothing}
          <section class="panel lists">
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
      ${this.footnote
        ? html`<ap-footnote-popover style="top: ${this.footnote.top}px; left: ${this.footnote.left}px" .label=${this.footnote.label}
            .reference=${doc?.references.find((r) => r.label === this.footnote!.label) ?? null}></ap-footnote-popover>`
        : nothing}
      <ap-key-list .keys=${KEY_HELP}></ap-key-list>
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
