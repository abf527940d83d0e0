/**
 * Autosave: every change to the notes is handed to the repository within `maxWaitMs` (250 ms by default, which
 * leaves the IndexedDB transaction 50 ms to land inside the promised 300 ms), and at once when the page is hidden
 * or closed. Also the status the reader shows ("Saving…", "Saved", "Save failed: …").
 */
import type { Annotation } from '../anchoring/annotation-types.ts';
import type { AnnotationRepository } from './annotation-repository.ts';

/**
 * - `idle`: nothing has been scheduled yet;
 * - `pending`: a change waits for the debounce;
 * - `saving`: the latest change is being written;
 * - `saved`: the latest change is written (`at` is `Date.now()` when that was confirmed);
 * - `error`: the latest write failed; `message` says why in words a user can act on. The unsaved set is kept and
 *   written by the next `schedule` or `flush`.
 */
export type SaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: number }
  | { state: 'error'; message: string };

/** The status in words for the reader's status line ('' while nothing was saved). */
export function describeSaveStatus(s: SaveStatus): string {
  switch (s.state) {
    case 'idle':
      return '';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'All notes saved in this browser';
    case 'error':
      return `Save failed: ${s.message}`;
  }
}

/** Options of `Autosave`. `debounceMs` must not exceed `maxWaitMs`. */
export interface AutosaveOptions {
  repository: Pick<AnnotationRepository, 'save'>;
  workId: string;
  /** Quiet time after the last change before writing. Default 150. */
  debounceMs?: number;
  /** Longest a change may wait, however often changes keep coming. Default 250. */
  maxWaitMs?: number;
  /** Called on every status change, synchronously. */
  onStatus?: (status: SaveStatus) => void;
}

/**
 * Debounced, ordered writing of a work's whole annotation set.
 * Each write hands the repository the latest set only; writes are issued in order and the repository applies them
 * in call order (its contract), so an older set never lands after a newer one.
 */
export class Autosave {
  readonly #repository: Pick<AnnotationRepository, 'save'>;
  readonly #workId: string;
  readonly #debounceMs: number;
  readonly #maxWaitMs: number;
  readonly #onStatus: ((status: SaveStatus) => void) | undefined;
  #pending: readonly Annotation[] | null = null;
  #firstPendingAt: number | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #issued = 0;
  readonly #inFlight = new Set<Promise<void>>();
  #status: SaveStatus = { state: 'idle' };

  constructor(options: AutosaveOptions) {
    this.#repository = options.repository;
    this.#workId = options.workId;
    this.#debounceMs = options.debounceMs ?? 150;
    this.#maxWaitMs = options.maxWaitMs ?? 250;
    this.#onStatus = options.onStatus;
    if (!(this.#debounceMs >= 0 && this.#maxWaitMs >= this.#debounceMs)) {
      throw new RangeError(`Autosave: debounceMs (${this.#debounceMs}) must be ≥ 0 and ≤ maxWaitMs (${this.#maxWaitMs}).`);
    }
  }

  /** The current status. */
  get status(): SaveStatus {
    return this.#status;
  }

  /** True while some change has not been confirmed written (pending, being written, or failed). */
  get hasUnsavedChanges(): boolean {
    return this.#pending !== null || this.#inFlight.size > 0;
  }

  /**
   * Records `annotations` as the work's current set and arranges for it to be written: after `debounceMs` without
   * a further change, and never later than `maxWaitMs` after the first change not yet written. The array is not
   * copied; the caller must not mutate it afterwards (ProseMirror plugin state is immutable anyway).
   */
  schedule(annotations: readonly Annotation[]): void {
    const now = Date.now();
    this.#pending = annotations;
    this.#firstPendingAt ??= now;
    if (this.#timer !== null) clearTimeout(this.#timer);
    const delay = Math.max(0, Math.min(this.#debounceMs, this.#firstPendingAt + this.#maxWaitMs - now));
    this.#timer = setTimeout(() => this.#write(), delay);
    if (this.#status.state !== 'saving') this.#setStatus({ state: 'pending' });
  }

  /**
   * Writes the pending set now (the write is issued synchronously, so calling this from `pagehide` starts the
   * IndexedDB transaction before the page goes), then waits for every write issued so far to settle.
   * Resolves with the status afterwards; never rejects (a failure is the `error` status).
   */
  async flush(): Promise<SaveStatus> {
    this.#write();
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
    return this.#status;
  }

  /** Stops the timer. A pending change is NOT written: call `flush()` first if it should be. */
  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #write(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const snapshot = this.#pending;
    if (snapshot === null) return;
    this.#pending = null;
    this.#firstPendingAt = null;
    const seq = ++this.#issued;
    this.#setStatus({ state: 'saving' });
    let write: Promise<void>;
    try {
      write = this.#repository.save(this.#workId, snapshot);
    } catch (error) {
      write = Promise.reject(error);
    }
    const tracked: Promise<void> = write.then(
      () => {
        this.#inFlight.delete(tracked);
        if (seq !== this.#issued) return;
        this.#setStatus(this.#pending === null ? { state: 'saved', at: Date.now() } : { state: 'pending' });
      },
      (error: unknown) => {
        this.#inFlight.delete(tracked);
        if (seq !== this.#issued) return; // a newer write carries a newer whole set; its outcome is what counts
        // Keep the set that failed so the next schedule/flush writes it (or a newer one) again.
        this.#pending ??= snapshot;
        this.#setStatus({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    this.#inFlight.add(tracked);
  }

  #setStatus(status: SaveStatus): void {
    this.#status = status;
    this.#onStatus?.(status);
  }
}

/**
 * Flushes `autosave` when the page is hidden (`visibilitychange` → hidden) or left (`pagehide`) — the last moments
 * a page is sure to run script. Returns a function that removes the listeners.
 */
export function flushOnPageHide(autosave: Pick<Autosave, 'flush'>, win: Window = window): () => void {
  const onPageHide = (): void => void autosave.flush();
  const onVisibility = (): void => {
    if (win.document.visibilityState === 'hidden') void autosave.flush();
  };
  win.addEventListener('pagehide', onPageHide);
  win.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    win.removeEventListener('pagehide', onPageHide);
    win.document.removeEventListener('visibilitychange', onVisibility);
  };
}

/**
 * While the latest save has failed (`error` status), asks the browser to warn before the page is unloaded
 * (`beforeunload`): closing or reloading it then would lose the notes not yet written. Returns a function that
 * removes the listener.
 */
export function warnBeforeUnloadWhileFailing(autosave: Pick<Autosave, 'status'>, win: Window = window): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (autosave.status.state !== 'error') return;
    event.preventDefault();
    // Older browsers show the dialog only when returnValue is set.
    event.returnValue = '';
  };
  win.addEventListener('beforeunload', onBeforeUnload);
  return () => win.removeEventListener('beforeunload', onBeforeUnload);
}
