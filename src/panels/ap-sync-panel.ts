import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Annotation } from '../anchoring/annotation-types.ts';
import { noteText } from '../anchoring/note-draft.ts';

/** A group the signed-in member belongs to. */
export interface SyncGroup {
  id: string;
  name: string;
  role: string;
}

/** A conflict as shown: the local version and the server's (null: deleted there). */
export interface SyncConflictView {
  id: string;
  mine: Annotation | null;
  theirs: Annotation | null;
}

/** What the panel shows. */
export type SyncView =
  | { kind: 'signed-out'; error: string }
  | {
      kind: 'signed-in';
      user: { id: string; name: string };
      groups: readonly SyncGroup[];
      /** how new notes are shared: `private`, `public` or `group:<id>` */
      sharing: string;
      online: boolean;
      connecting: boolean;
      waiting: number;
      conflicts: readonly SyncConflictView[];
      problems: readonly string[];
      signedOut: boolean;
    };

/** What the panel asks of the page. */
export type SyncRequest =
  | { type: 'sign-in'; name: string; password: string }
  | { type: 'sign-out' }
  | { type: 'sharing'; sharing: string }
  | { type: 'resolve'; id: string; keep: 'mine' | 'theirs' };

export class SyncRequestEvent extends CustomEvent<SyncRequest> {
  static readonly type = 'ap-sync-request';
  constructor(detail: SyncRequest) {
    super(SyncRequestEvent.type, { detail, bubbles: true, composed: true });
  }
}

/** The status line: "Online", "Offline", with "· N changes waiting" when any are. */
export function syncStatusText(online: boolean, waiting: number): string {
  const state = online ? 'Online' : 'Offline';
  return waiting ? `${state} · ${waiting} ${waiting === 1 ? 'change' : 'changes'} waiting` : state;
}

/**
 * Shared notes in the reader's toolbar (shown only when an annotation server answers): sign-in (name, password),
 * who new notes are shared with (only me, a group, everyone), and a status "Online / Offline / N changes waiting"
 * (`role=status`, fixed width: it never moves the text). A conflict — the author's version and the server's
 * differ — opens a view of both side by side that stays until the author keeps one.
 * @fires ap-sync-request - sign in or out, change sharing, resolve a conflict
 */
@customElement('ap-sync-panel')
export class ApSyncPanel extends LitElement {
  static override styles = css`
    :host { display: inline-flex; align-items: center; gap: 0.4rem; position: relative; font: 0.8rem/1.2 var(--ap-sans); color: var(--ap-ink); white-space: nowrap; }
    .state { display: inline-block; min-width: 11rem; color: var(--ap-muted); }
    .state.off { color: var(--ap-none-ink); }
    button, select, input { font: 0.78rem/1.2 var(--ap-sans); }
    button { padding: 0.2rem 0.5rem; border: 1px solid var(--ap-line); border-radius: 3px; background: var(--ap-paper); color: var(--ap-ink); cursor: pointer; }
    button:focus-visible, select:focus-visible, input:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 1px; }
    select { max-width: 11rem; }
    .popover { position: absolute; top: calc(100% + 0.3rem); right: 0; z-index: 20; background: var(--ap-paper); border: 1px solid var(--ap-line); border-radius: 4px; box-shadow: 0 4px 14px rgb(0 0 0 / 0.15); padding: 0.7rem; display: grid; gap: 0.45rem; min-width: 15rem; white-space: normal; }
    .popover label { display: grid; gap: 0.2rem; font-weight: 600; }
    .popover input { padding: 0.3rem 0.4rem; border: 1px solid #b9b2a5; border-radius: 3px; }
    .error { color: var(--ap-none-ink); margin: 0; }
    .conflicts { position: fixed; left: 50%; bottom: 1rem; transform: translateX(-50%); z-index: 30; width: min(52rem, 94vw); max-height: 70vh; overflow: auto; background: var(--ap-paper); border: 1px solid var(--ap-ink); border-radius: 6px; box-shadow: 0 8px 28px rgb(0 0 0 / 0.2); padding: 0.9rem 1rem; white-space: normal; }
    .conflicts h2 { margin: 0 0 0.3rem; font: 600 0.85rem/1.2 var(--ap-sans); }
    .conflicts > p { margin: 0 0 0.6rem; color: var(--ap-muted); }
    .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0.8rem; margin-bottom: 0.8rem; }
    .side { border-left: 3px solid var(--ap-line); padding-left: 0.6rem; display: grid; gap: 0.35rem; align-content: start; }
    .side h3 { margin: 0; font: 600 0.72rem/1 var(--ap-sans); text-transform: uppercase; letter-spacing: 0.06em; color: var(--ap-muted); }
    .side p { margin: 0; font: 0.92rem/1.45 var(--ap-serif); white-space: pre-wrap; overflow-wrap: anywhere; }
    .side .by { font: 0.72rem/1.2 var(--ap-sans); color: var(--ap-muted); }
  `;

  @property({ attribute: false }) view: SyncView = { kind: 'signed-out', error: '' };
  @state() private signingIn = false;

  private request(detail: SyncRequest) {
    this.dispatchEvent(new SyncRequestEvent(detail));
  }

  private submitSignIn(e: Event) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    this.request({ type: 'sign-in', name: String(data.get('name') ?? '').trim(), password: String(data.get('password') ?? '') });
  }

  override updated(): void {
    if (this.view.kind === 'signed-in') this.signingIn = false;
  }

  override render() {
    const v = this.view;
    if (v.kind === 'signed-out') {
      return html`<span class="state" role="status">Shared notes: not signed in</span>
        <button type="button" aria-expanded=${this.signingIn ? 'true' : 'false'} @click=${() => (this.signingIn = !this.signingIn)}>Sign in</button>
        ${this.signingIn || v.error
          ? html`<form class="popover" aria-label="Sign in to share notes" @submit=${this.submitSignIn}>
              <label>Name<input name="name" autocomplete="username" required /></label>
              <label>Password<input name="password" type="password" autocomplete="current-password" required /></label>
              ${v.error ? html`<p class="error" role="alert">${v.error}</p>` : nothing}
              <button type="submit">Sign in</button>
            </form>`
          : nothing}`;
    }
    const text = v.signedOut ? 'Signed out · sign in again to send' : v.connecting ? 'Connecting…' : syncStatusText(v.online, v.waiting);
    return html`<span class="state ${(v.online || v.connecting) && !v.signedOut ? '' : 'off'}" role="status" title=${v.problems.join('\n')}>${text}</span>
      <label>Share new notes with
        <select aria-label="Share new notes with" @change=${(e: Event) => this.request({ type: 'sharing', sharing: (e.target as HTMLSelectElement).value })}>
          <option value="private" ?selected=${v.sharing === 'private'}>Only me</option>
          ${v.groups.map((g) => html`<option value=${`group:${g.id}`} ?selected=${v.sharing === `group:${g.id}`}>${g.name}</option>`)}
          <option value="public" ?selected=${v.sharing === 'public'}>Everyone</option>
        </select>
      </label>
      <span>Signed in as ${v.user.name}</span>
      <button type="button" @click=${() => this.request({ type: 'sign-out' })}>Sign out</button>
      ${v.conflicts.length ? this.renderConflicts(v.conflicts) : nothing}`;
  }

  private renderConflicts(conflicts: readonly SyncConflictView[]) {
    const side = (title: string, a: Annotation | null) => html`<div class="side">
      <h3>${title}</h3>
      ${a ? html`<p>${noteText(a) || '(no text)'}</p><span class="by">${a.creator?.name ?? 'Unknown author'} · ${(a.modified ?? a.created ?? '').slice(0, 16).replace('T', ' ')}</span>` : html`<p>Deleted.</p>`}
    </div>`;
    return html`<section class="conflicts" role="region" aria-label="Conflicting versions">
      <h2>${conflicts.length === 1 ? 'A note was changed in two places' : `${conflicts.length} notes were changed in two places`}</h2>
      <p>Both versions are kept until you choose. Nothing is sent for these notes meanwhile.</p>
      ${conflicts.map(
        (c) => html`<div data-conflict=${c.id}>
          <div class="pair">${side('Your version', c.mine)}${side('On the server', c.theirs)}</div>
          <button type="button" @click=${() => this.request({ type: 'resolve', id: c.id, keep: 'mine' })}>Keep mine</button>
          <button type="button" @click=${() => this.request({ type: 'resolve', id: c.id, keep: 'theirs' })}>Keep theirs</button>
        </div>`,
      )}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-sync-panel': ApSyncPanel;
  }
}
