import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ExportRequestEvent, ImportRequestEvent } from './events.ts';

/** A format as the menu lists it. */
export interface MenuFormat {
  name: string;
  label: string;
  extension: string;
}

/**
 * "Export" — a menu button listing every format — and "Import notes…" (W3C JSON-LD or a Hypothesis export).
 * Keyboard: Enter/Space/↓ open the menu, ↑/↓ move, Enter chooses, Escape closes and returns focus.
 * @fires ap-export - the chosen format's name
 * @fires ap-import - the chosen file
 */
@customElement('ap-export-menu')
export class ApExportMenu extends LitElement {
  static override styles = css`
    :host { display: inline-flex; gap: 0.5rem; position: relative; font-family: var(--ap-sans); }
    button { font: 600 0.85rem/1.2 var(--ap-sans); padding: 0.45rem 0.85rem; border-radius: 4px; border: 1px solid var(--ap-line); background: var(--ap-paper); color: var(--ap-ink); cursor: pointer; }
    button:hover { border-color: var(--ap-ink); }
    button:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 2px; }
    [role='menu'] { position: absolute; top: calc(100% + 4px); left: 0; z-index: 5; min-width: 17rem; margin: 0; padding: 0.3rem; list-style: none; background: var(--ap-paper); border: 1px solid var(--ap-line); border-radius: 6px; box-shadow: 0 6px 20px rgba(0, 0, 0, 0.12); }
    [role='menuitem'] { display: flex; justify-content: space-between; gap: 1rem; width: 100%; text-align: left; border: 0; border-radius: 4px; font-weight: 500; }
    [role='menuitem']:hover, [role='menuitem']:focus { background: var(--ap-hover); outline: none; }
    .ext { color: var(--ap-muted); font-weight: 400; font-size: 0.75rem; }
    input[type='file'] { display: none; }
  `;

  /** The formats offered. */
  @property({ attribute: false }) formats: readonly MenuFormat[] = [];
  @state() private open = false;
  @query('#export-button') private button!: HTMLButtonElement;
  @query('input[type=file]') private file!: HTMLInputElement;

  private items(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role=menuitem]')];
  }

  private async show(focusLast = false) {
    this.open = true;
    await this.updateComplete;
    const items = this.items();
    (focusLast ? items[items.length - 1] : items[0])?.focus();
  }

  private close(returnFocus = true) {
    this.open = false;
    if (returnFocus) this.button?.focus();
  }

  private onButtonKey(e: KeyboardEvent) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      void this.show(e.key === 'ArrowUp');
    }
  }

  private onMenuKey(e: KeyboardEvent) {
    const items = this.items();
    // The key was pressed on the focused item (the menu's items are its only focusable elements).
    const i = items.indexOf(e.target as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (i + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      (e.key === 'Home' ? items[0] : items[items.length - 1])?.focus();
    } else if (e.key === 'Tab') {
      this.close(false);
    }
  }

  private choose(name: string) {
    this.close();
    this.dispatchEvent(new ExportRequestEvent(name));
  }

  private onFile() {
    const f = this.file.files?.[0];
    if (f) this.dispatchEvent(new ImportRequestEvent(f));
    this.file.value = '';
  }

  override render() {
    return html`
      <button id="export-button" type="button" aria-haspopup="menu" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="export-menu"
        @click=${() => (this.open ? this.close() : void this.show())} @keydown=${this.onButtonKey}>Export ▾</button>
      ${this.open
        ? html`<ul id="export-menu" role="menu" aria-label="Export formats" @keydown=${this.onMenuKey} @focusout=${this.onFocusOut}>
            ${this.formats.map(
              (f) => html`<li role="none"><button role="menuitem" type="button" tabindex="-1" data-format=${f.name} @click=${() => this.choose(f.name)}>
                ${f.label}<span class="ext">.${f.extension}</span></button></li>`,
            )}
          </ul>`
        : ''}
      <button type="button" @click=${() => this.file.click()}>Import notes…</button>
      <input type="file" accept=".json,.jsonld,application/json,application/ld+json" aria-label="Annotation file to import" @change=${this.onFile} />
    `;
  }

  private onFocusOut = (e: FocusEvent) => {
    const to = e.relatedTarget as Node | null;
    if (!to || !this.renderRoot.contains(to)) this.open = false;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-export-menu': ApExportMenu;
  }
}
