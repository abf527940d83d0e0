/**
 * The page's sync with the annotation server (docs/annotation-server.md) for one work: the outbox sends the reader's
 * changes when the server is reachable, and the change feed brings other members' notes into the `EditorState`.
 *
 * - Local changes (from the sync plugin's view) become outbox records (`withLocalChange`), written to the outbox
 *   store before anything is sent, then delivered one at a time in the order they were made (a reply after its
 *   parent). A failure is retried after `backoffDelay` (exponential, with jitter), at once when the browser says it
 *   is online again or the feed reconnects. A change made while its previous version is in flight is kept and sent
 *   after it (never overwritten by that answer).
 * - The feed: `GET …/changes?since=<cursor>` from the start at every page load (so nothing depends on a cursor kept
 *   across visits), then the SSE stream `…/events`, which reconnects with `Last-Event-ID`; each change is planned by
 *   `planRemote` and applied through the annotations plugin's `remote` action — one source of truth, no duplicates.
 * - A conflict (412, or a remote change over a local unsent one) keeps both versions in the outbox record until the
 *   author chooses (`resolve`).
 * Everything the page shows about it comes from `status()`, announced through `onStatus`.
 */
import type { Annotation } from '../anchoring/annotation-types.ts';
import { anchorEntries } from '../editor/anchor-entries.ts';
import { annotationsKey, annotationsOf, type AnnotationAction, type AnnotationEntry } from '../editor/annotation-plugin.ts';
import type { ReaderEditor } from '../editor/reader-view.ts';
import { backoffDelay } from './backoff.ts';
import {
  afterDelivery,
  deliveryOutcome,
  isDue,
  requestFor,
  resolveConflict,
  serverId,
  withLocalChange,
  type OutboxRecord,
  type Sharing,
} from './outbox-record.ts';
import type { OutboxStore } from './outbox-store.ts';
import { planRemote, remoteChangeProblem, type RemoteChange } from './remote-changes.ts';
import type { LocalChange, LocalChangeSink } from './sync-plugin.ts';

/** What the page shows of the sync. */
export interface SyncStatus {
  /** the server answered the last request and the feed is connected */
  online: boolean;
  /** nothing is known yet: the first catch-up has not answered */
  connecting: boolean;
  /** changes not yet on the server (conflicts and refused ones included) */
  waiting: number;
  /** records whose change met another version on the server */
  conflicts: OutboxRecord[];
  /** sentences: changes the server refused for good, stored records that could not be read, feed problems */
  problems: string[];
  /** the server said the session ended: sign in again to send */
  signedOut: boolean;
}

export interface SyncClientOptions {
  work: string;
  editor: Pick<ReaderEditor, 'state' | 'view'>;
  store: OutboxStore;
  sharing: () => Sharing;
  onStatus: (status: SyncStatus) => void;
  fetch?: typeof fetch;
  eventSource?: (url: string) => EventSource;
  random?: () => number;
  now?: () => number;
}

export class SyncClient implements LocalChangeSink {
  readonly #o: Required<SyncClientOptions>;
  readonly #records = new Map<string, OutboxRecord>();
  #cursor: string | null = null;
  #online = false;
  #connecting = true;
  #signedOut = false;
  #problems: string[] = [];
  #writes: Promise<void> = Promise.resolve();
  #draining = false;
  #drainAgain = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #events: EventSource | null = null;
  #stopped = false;

  constructor(options: SyncClientOptions) {
    this.#o = {
      fetch: (...args) => globalThis.fetch(...args),
      eventSource: (url) => new EventSource(url),
      random: Math.random,
      now: Date.now,
      ...options,
    };
  }

  /** Reads the outbox, catches up with the server, opens the feed and starts sending. */
  async start(): Promise<void> {
    const { records, problems } = await this.#o.store.load(this.#o.work);
    for (const r of records) this.#records.set(r.id, r);
    this.#problems.push(...problems);
    this.#announce();
    await this.#catchUp();
    this.#listen();
    this.kick();
  }

  /** Stops the feed and the timers (the outbox stays stored). */
  stop(): void {
    this.#stopped = true;
    this.#events?.close();
    if (this.#timer) clearTimeout(this.#timer);
  }

  /**
   * The server is reachable again (the browser is online, the feed reconnected, the user signed in…): every waiting
   * change is sent now, not after the wait its last failure earned.
   */
  kick(): void {
    this.#signedOut = false;
    for (const [id, r] of this.#records) if (r.op !== null && r.notBefore > 0) this.#records.set(id, { ...r, notBefore: 0 });
    void this.#drain();
  }

  status(): SyncStatus {
    const all = [...this.#records.values()];
    return {
      online: this.#online,
      connecting: this.#connecting,
      waiting: all.filter((r) => r.op !== null).length,
      conflicts: all.filter((r) => r.conflict),
      problems: [...this.#problems, ...all.filter((r) => r.refused).map((r) => r.refused!)],
      signedOut: this.#signedOut,
    };
  }

  /** The reader's own changes (from the sync plugin's view): into the outbox, stored, then sent. */
  local(changes: readonly LocalChange[]): void {
    const changed = changes.map((c) => {
      const next = withLocalChange(this.#records.get(c.id), this.#o.work, c.id, c.annotation);
      this.#records.set(c.id, next);
      return next;
    });
    this.#announce();
    void this.#write(changed).then(() => this.#drain());
  }

  /**
   * The author's choice in the conflict on note `id`: `mine` sends the local version over the server's; `theirs`
   * puts the server's version on the page (or removes the note, when the server deleted it).
   */
  resolve(id: string, keep: 'mine' | 'theirs'): void {
    const r = this.#records.get(id);
    if (!r?.conflict) return;
    if (keep === 'theirs') {
      const remote = r.conflict.annotation;
      this.#applyToState(remote ? [remote] : [], remote ? [] : [id]);
    }
    const next = resolveConflict(r, keep);
    this.#records.set(id, next);
    this.#announce();
    void this.#write([next]).then(() => this.#drain());
  }

  #announce(): void {
    this.#o.onStatus(this.status());
  }

  #write(records: readonly OutboxRecord[]): Promise<void> {
    const writing = this.#writes.then(() => this.#o.store.write(records));
    this.#writes = writing.catch((error: unknown) => {
      this.#problems.push(`The changes waiting for the server could not be stored in this browser: ${(error as Error).message}`);
      this.#announce();
    });
    return this.#writes;
  }

  async #drain(): Promise<void> {
    if (this.#stopped) return;
    if (this.#draining) {
      this.#drainAgain = true;
      return;
    }
    this.#draining = true;
    try {
      do {
        this.#drainAgain = false;
        for (;;) {
          if (this.#signedOut || this.#stopped) break;
          const due = [...this.#records.values()].find((r) => isDue(r, this.#o.now()));
          if (!due) break;
          await this.#deliver(due);
        }
      } while (this.#drainAgain);
    } finally {
      this.#draining = false;
    }
    this.#scheduleNext();
  }

  #scheduleNext(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const waits = [...this.#records.values()].filter((r) => r.op !== null && !r.conflict && !r.refused).map((r) => r.notBefore);
    if (!waits.length || this.#signedOut || this.#stopped) return;
    const delay = Math.max(0, Math.min(...waits) - this.#o.now());
    this.#timer = setTimeout(() => void this.#drain(), delay);
  }

  async #deliver(sent: OutboxRecord): Promise<void> {
    const req = requestFor(sent, this.#o.sharing());
    let status = 0;
    let etag: string | null = null;
    let body: unknown = null;
    try {
      const res = await this.#o.fetch(req.url, { method: req.method, headers: req.headers, ...(req.body ? { body: req.body } : {}), credentials: 'same-origin' });
      status = res.status;
      etag = res.headers.get('ETag');
      body = await res.json().catch(() => null);
    } catch {
      status = 0;
    }
    const outcome = deliveryOutcome(sent, status, etag, body);
    if (outcome.kind === 'signed-out') this.#signedOut = true;
    this.#online = status !== 0 && status < 500 ? true : status === 0 ? false : this.#online;
    const current = this.#records.get(sent.id)!;
    let next: OutboxRecord;
    if (current === sent) next = afterDelivery(sent, outcome, this.#o.now(), backoffDelay(Math.min(sent.attempts, 30), this.#o.random()));
    else if (outcome.kind === 'delivered') {
      // A newer change was made meanwhile: it goes next, over the version just delivered.
      next = { ...current, etag: outcome.etag, attempts: 0, notBefore: 0 };
      if (next.op === 'delete' && next.etag === null) next = { ...next, op: null };
    } else if (outcome.kind === 'conflict') next = { ...current, conflict: outcome.remote };
    else next = current;
    this.#records.set(sent.id, next);
    this.#announce();
    await this.#write([next]);
  }

  /** The browser says the network is gone (`online` false) or back (then catch up and send at once). */
  network(online: boolean): void {
    if (!online) {
      this.#online = false;
      return this.#announce();
    }
    void this.#catchUp().then(() => this.kick());
  }

  async #catchUp(): Promise<void> {
    const since = this.#cursor === null ? '' : `?since=${encodeURIComponent(this.#cursor)}`;
    try {
      const res = await this.#o.fetch(`/api/annotations/${encodeURIComponent(this.#o.work)}/changes${since}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (res.status === 401) {
        this.#signedOut = true;
        return this.#announce();
      }
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const page = (await res.json()) as { cursor?: unknown; changes?: unknown };
      if (!Array.isArray(page.changes)) throw new Error('the answer has no list of changes');
      this.#online = true;
      this.#applyRemote(page.changes as unknown[]);
      if (typeof page.cursor === 'string' || typeof page.cursor === 'number') this.#cursor = String(page.cursor);
    } catch {
      this.#online = false;
    }
    this.#connecting = false;
    this.#announce();
  }

  #listen(): void {
    if (this.#stopped) return;
    const source = this.#o.eventSource(`/api/annotations/${encodeURIComponent(this.#o.work)}/events`);
    this.#events = source;
    source.addEventListener('open', () => {
      this.#online = true;
      this.#announce();
      // What happened between the catch-up and this connection (duplicates are harmless: planned by id and etag).
      void this.#catchUp().then(() => this.kick());
    });
    source.addEventListener('change', (e) => {
      const m = e as MessageEvent<string>;
      let change: unknown;
      try {
        change = JSON.parse(m.data);
      } catch {
        this.#problems.push(`The server sent a change that is not JSON: ${m.data.slice(0, 80)}`);
        return this.#announce();
      }
      this.#applyRemote([change]);
      if (m.lastEventId) this.#cursor = m.lastEventId;
    });
    source.addEventListener('error', () => {
      this.#online = false;
      this.#announce();
      // The browser reconnects by itself unless the stream was refused; then try again later.
      if (source.readyState === EventSource.CLOSED && !this.#stopped) setTimeout(() => this.#listen(), backoffDelay(3, this.#o.random()));
    });
  }

  /** Plans and applies remote changes: one `remote` transaction for all that change the page. */
  #applyRemote(changes: readonly unknown[]): void {
    const state = this.#o.editor.state;
    const byId = annotationsOf(state).byId;
    const bySid = new Map<string, string>();
    for (const id of byId.keys()) bySid.set(serverId(id), id);
    for (const id of this.#records.keys()) bySid.set(serverId(id), id);
    const puts = new Map<string, Annotation>();
    const removed = new Set<string>();
    const records: OutboxRecord[] = [];
    const dropped: string[] = [];
    for (const raw of changes) {
      const problem = remoteChangeProblem(raw);
      if (problem) {
        this.#problems.push(`The server sent a change that cannot be used: ${problem}.`);
        continue;
      }
      const change = raw as RemoteChange;
      const localId = bySid.get(serverId(change.id));
      const local = localId ? (puts.get(localId) ?? (removed.has(localId) ? undefined : byId.get(localId)?.annotation)) : undefined;
      const plan = planRemote(change, this.#o.work, (sid) => bySid.get(sid), local, localId ? this.#records.get(localId) : undefined);
      if (plan.kind === 'put') {
        bySid.set(serverId(plan.annotation.id), plan.annotation.id);
        puts.set(plan.annotation.id, plan.annotation);
        removed.delete(plan.annotation.id);
      } else if (plan.kind === 'remove') {
        puts.delete(plan.id);
        removed.add(plan.id);
      }
      const id = plan.kind === 'put' ? plan.annotation.id : plan.kind === 'remove' ? plan.id : (plan.record?.id ?? localId);
      if (!id) continue;
      if (plan.record) {
        this.#records.set(id, plan.record);
        records.push(plan.record);
      } else if (this.#records.delete(id)) dropped.push(id);
    }
    this.#applyToState([...puts.values()], [...removed]);
    this.#announce();
    if (records.length || dropped.length) {
      const writing = this.#writes.then(() => this.#o.store.write(records, dropped.map((id) => ({ work: this.#o.work, id }))));
      this.#writes = writing.catch((error: unknown) => {
        this.#problems.push(`The notes from the server could not be recorded in this browser: ${(error as Error).message}`);
        this.#announce();
      });
    }
  }

  #applyToState(annotations: readonly Annotation[], removed: readonly string[]): void {
    if (!annotations.length && !removed.length) return;
    const view = this.#o.editor.view;
    const entries: AnnotationEntry[] = anchorEntries(view.state.doc, annotations);
    view.dispatch(view.state.tr.setMeta(annotationsKey, { type: 'remote', entries, removed } satisfies AnnotationAction).setMeta('addToHistory', false));
  }
}
