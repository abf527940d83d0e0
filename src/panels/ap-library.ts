/**
 * `<ap-library>`: the project's works (`corpus/`, as the dev server lists them: title, source, revision, a link that
 * reads it) and the works this browser keeps (`store/library-store.ts`), each with its title, source, revision,
 * date opened and number of notes, a link that reads it, and "Remove…". Each work shows, once its text has been read
 * (`figures`), a coverage bar — the share of its claims with a source, cited directly or covered by a later
 * citation — and its number of sections. Removing asks first in a dialog that says how
 * many notes the work has, offers to export them, and deletes them only when the user ticks "also delete its
 * notes"; otherwise the notes stay (opening the same source again finds them).
 *
 * Plain data in, events out: the page (`library-tools.ts`) gives `projectWorks`, `works`, `noteCounts` and `figures` and does what the events
 * ask (`library-remove`, `library-export-notes`).
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LibraryWork } from '../library/library-work.ts';
import type { OpenedSummary } from '../load/source-open-messages.ts';

/** A project work as listed (store/corpus-listing.ts `CorpusEntry`). */
export interface ProjectWork {
  id: string;
  title: string;
  source: string;
  revision?: string;
}

/** What the library shows of a work's text once read: its claims by support and its sections. */
export type WorkFigures = Pick<OpenedSummary, 'coverage' | 'sections' | 'claims'>;

/**
 * The key of a work in `figures`: `project:<id>`, or `library:<id>:<SHA-256 of its current revision>` (a new revision
 * is read again).
 */
export function figuresKey(kind: 'project' | 'library', id: string, sha256 = ''): string {
  return kind === 'project' ? `project:${id}` : `library:${id}:${sha256}`;
}

/** Asks the page to remove a work (and its notes when `deleteNotes`). */
export class LibraryRemoveEvent extends Event {
  static readonly type = 'library-remove';
  constructor(readonly id: string, readonly deleteNotes: boolean) {
    super(LibraryRemoveEvent.type, { bubbles: true, composed: true });
  }
}

/** Asks the page to export a work's notes as a W3C annotation collection file. */
export class LibraryExportNotesEvent extends Event {
  static readonly type = 'library-export-notes';
  constructor(readonly id: string) {
    super(LibraryExportNotesEvent.type, { bubbles: true, composed: true });
  }
}

@customElement('ap-library')
export class ApLibrary extends LitElement {
  static override styles = css`
    :host { display: block; font: 0.95rem/1.45 var(--ap-sans, system-ui, sans-serif); color: var(--ap-ink, #222); }
    ul { list-style: none; margin: 0; padding: 0; }
    li { padding: 0.6rem 0; border-bottom: 1px solid var(--ap-line, #ddd); }
    .title { font: 600 1.05rem/1.3 var(--ap-serif, Georgia, serif); }
    .meta { color: var(--ap-muted, #555); font-size: 0.85rem; overflow-wrap: anywhere; }
    .actions { display: flex; gap: 0.75rem; margin-top: 0.3rem; align-items: center; }
    button { font: inherit; padding: 0.2rem 0.6rem; }
    a:focus-visible, button:focus-visible, input:focus-visible { outline: 2px solid var(--ap-focus, #1a5fb4); outline-offset: 2px; }
    dialog { max-width: 30rem; }
    .empty { color: var(--ap-muted, #555); }
    h3.group { font: 600 0.8rem/1.2 var(--ap-sans, system-ui, sans-serif); text-transform: uppercase; letter-spacing: 0.06em; color: var(--ap-muted, #555); margin: 1rem 0 0.2rem; }
    .figures { display: flex; align-items: center; gap: 0.6rem; margin-top: 0.3rem; font-size: 0.85rem; color: var(--ap-muted, #555); }
    .bar { display: flex; width: 10rem; height: 0.55rem; border-radius: 0.3rem; overflow: hidden; background: var(--ap-none, #e9d7d3); flex: none; }
    .bar .direct { background: var(--ap-direct, #3f6f4f); }
    .bar .inherited { background: var(--ap-inherited, #9bb8a3); }
  `;

  /** The project's works (`corpus/`), by id. */
  @property({ attribute: false }) projectWorks: ProjectWork[] = [];
  /** The address that reads a project work. */
  @property({ attribute: false }) projectHrefOf: (id: string) => string = (id) => `?work=${encodeURIComponent(id)}`;
  /** Coverage and sections of each work whose text has been read, by `figuresKey`. */
  @property({ attribute: false }) figures: Map<string, WorkFigures> = new Map();
  /** The works, most recently opened first. */
  @property({ attribute: false }) works: LibraryWork[] = [];
  /** Notes kept per work id. */
  @property({ attribute: false }) noteCounts: Map<string, number> = new Map();
  /** The address that reads a work. */
  @property({ attribute: false }) hrefOf: (id: string) => string = (id) => `?library=${encodeURIComponent(id)}`;

  @state() private removing: LibraryWork | null = null;

  override render() {
    return html`${this.renderProject()}
      <h3 class="group" id="browser-works">Opened in this browser</h3>
      ${this.works.length ? this.renderBrowserWorks() : html`<p class="empty">No work opened in this browser yet. Use “Open…” to open a file or a Wikipedia article.</p>`}
      ${this.renderRemove()}`;
  }

  private renderProject() {
    if (!this.projectWorks.length) return nothing;
    return html`<h3 class="group" id="project-works">This project’s works</h3>
      <ul aria-labelledby="project-works">
        ${this.projectWorks.map(
          (w) => html`<li>
            <div class="title">${w.title}</div>
            <div class="meta">project work · source ${w.source}${w.revision ? html` · revision ${w.revision}` : nothing}</div>
            ${this.renderFigures(figuresKey('project', w.id), w.title)}
            <div class="actions"><a href=${this.projectHrefOf(w.id)}>Read “${w.title}”</a></div>
          </li>`,
        )}
      </ul>`;
  }

  /** The coverage bar and section count of a work, or that its text is being read. */
  private renderFigures(key: string, title: string) {
    const f = this.figures.get(key);
    if (!f) return html`<div class="figures">Reading its text for coverage…</div>`;
    const { direct, inherited, none } = f.coverage;
    const total = direct + inherited + none;
    const share = total ? Math.round(((direct + inherited) / total) * 100) : 0;
    const pct = (n: number) => (total ? `${(n / total) * 100}%` : '0%');
    const label = `Coverage of “${title}”: ${share}% of ${total} claims have a source (${direct} cited, ${inherited} covered by a later citation, ${none} without a source)`;
    return html`<div class="figures">
      <span class="bar" role="img" aria-label=${label} title=${label}
        ><span class="direct" style="width:${pct(direct)}"></span><span class="inherited" style="width:${pct(inherited)}"></span
      ></span>
      <span>${share}% of ${total} claims sourced · ${f.sections} section${f.sections === 1 ? '' : 's'}</span>
    </div>`;
  }

  private renderBrowserWorks() {
    return html`<ul aria-label="Works in this browser">
      ${this.works.map((w) => {
        const current = w.revisions[w.revisions.length - 1]!;
        const notes = this.noteCounts.get(w.id) ?? 0;
        return html`<li>
          <div class="title">${w.title}</div>
          <div class="meta">
            ${w.format} · source ${w.source}${current.revision ? html` · revision ${current.revision}` : nothing}
            ${w.revisions.length > 1 ? html` · ${w.revisions.length} revisions kept` : nothing} · opened ${w.opened.slice(0, 10)} ·
            ${notes} note${notes === 1 ? '' : 's'}
          </div>
          ${this.renderFigures(figuresKey('library', w.id, current.sha256), w.title)}
          <div class="actions">
            <a href=${this.hrefOf(w.id)}>Read “${w.title}”</a>
            <button type="button" @click=${() => this.askRemove(w)}>Remove “${w.title}”…</button>
          </div>
        </li>`;
      })}
    </ul>`;
  }

  private askRemove(work: LibraryWork): void {
    this.removing = work;
    void this.updateComplete.then(() => this.renderRoot.querySelector('dialog')?.showModal());
  }

  private renderRemove() {
    const w = this.removing;
    if (!w) return nothing;
    const notes = this.noteCounts.get(w.id) ?? 0;
    const close = () => {
      this.renderRoot.querySelector('dialog')?.close();
      this.removing = null;
    };
    const confirm = () => {
      const deleteNotes = (this.renderRoot.querySelector('#delete-notes') as HTMLInputElement | null)?.checked ?? false;
      this.dispatchEvent(new LibraryRemoveEvent(w.id, deleteNotes));
      close();
    };
    return html`<dialog aria-labelledby="remove-title" @cancel=${close}>
      <h3 id="remove-title">Remove “${w.title}” from this browser?</h3>
      <p>Its text (${w.revisions.length} revision${w.revisions.length === 1 ? '' : 's'}) will be removed from the library.</p>
      ${notes
        ? html`<p>It has ${notes} note${notes === 1 ? '' : 's'}. They are kept unless you tick the box below; export them first to keep a copy.</p>
            <p><button type="button" @click=${() => this.dispatchEvent(new LibraryExportNotesEvent(w.id))}>Export its notes…</button></p>
            <p><input type="checkbox" id="delete-notes" /> <label for="delete-notes">Also delete its ${notes} note${notes === 1 ? '' : 's'}</label></p>`
        : html`<p>It has no notes.</p>`}
      <div class="actions">
        <button type="button" @click=${confirm}>Remove</button>
        <button type="button" @click=${close}>Cancel</button>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-library': ApLibrary;
  }
}
