/**
 * The browser's `AnnotationRepository`: IndexedDB.
 *
 * Database `apparatus` (version 3) holds four object stores:
 * - `annotations`: one record per note, out-of-line key `[workId, annotationId]`, value a `StoredRecord`
 *   (`{ v: 1, order, annotation }`). A work's notes are the key range `[workId] … [workId, []]`.
 * - `unreadable`: records set aside because they could not be read (`KeptAsideRecord`), auto-incremented keys, an
 *   index `workId`. Nothing in this module ever deletes from it or overwrites it.
 * - `works` (version 2): key `workId`, value `{ v: 1 }`, put by every save: this browser keeps a working copy of the
 *   work's notes, even when that copy is now empty (so the reader does not start again from the project's file).
 *   The upgrade from version 1 puts one for every work that had notes stored.
 * - `bases` (version 3): key `workId`, value `StoredBase` (`{ v: 1, sha256, annotations }`): the version of the
 *   project's notes file the working copy started from (`ProjectBase`), written by `recordBase` or by a `save` given
 *   one, in the same transaction as the notes. The upgrade from version 2 adds the store empty: working copies made
 *   before have no base (the reader then merges the file in without deleting anything).
 * A stored note that fails to read (corrupt, written by a newer format, or no longer a valid annotation) is moved
 * from `annotations` to `unreadable` by the `load` that finds it (same transaction) and reported in
 * `StoredAnnotations.unreadable`; one that went bad after the load and is hit by a `save` (deleted or overwritten)
 * is copied to `unreadable` first (see `save`).
 *
 * Each save issues all its requests at once and commits explicitly, so that a save from `pagehide` lands even when
 * the page's script never runs again (the reliability issue's "close the tab at once" trials).
 *
 * Upgrades: `upgrade(db, oldVersion)` runs each step from `oldVersion` up to `DB_VERSION`; a later version adds a
 * step, never edits an old one. Another tab asking for a newer version makes this one close its connection (later
 * saves fail with `StoreError` `closed`, telling the user to reload) rather than blocking the upgrade.
 */
import type { Annotation } from '../anchoring/annotation-types.ts';
import type { AnnotationRepository, ProjectBase, StoredAnnotations, UnreadableRecord } from './annotation-repository.ts';
import { checkAnnotationsToSave } from './check-annotations-to-save.ts';
import { StoreError, toStoreError } from './store-error.ts';
import { isUnreadable, readStoredRecord, toStoredRecord, type ReadRecord } from './stored-record.ts';

/** The database name used unless a test asks for another. */
export const DB_NAME = 'apparatus';
/** The schema version this code creates and reads. */
export const DB_VERSION = 3;
/** Object store of the notes. */
export const ANNOTATIONS_STORE = 'annotations';
/** Object store of the records set aside as unreadable. */
export const UNREADABLE_STORE = 'unreadable';
/** Object store of the works this browser has saved notes for (version 2). */
export const WORKS_STORE = 'works';
/** Object store of the project-file versions the working copies started from (version 3). */
export const BASES_STORE = 'bases';

/** A record in the `bases` store (format 1). */
export interface StoredBase {
  v: 1;
  sha256: string | null;
  annotations: Annotation[];
}

/** A record in the `unreadable` store: where it was stored, what it was, why it could not be read, and when. */
export interface KeptAsideRecord extends UnreadableRecord {
  workId: string;
  /** ISO 8601 time it was set aside. */
  keptAt: string;
}

/** Options of `openIndexedDbRepository`. */
export interface IndexedDbOptions {
  /** Database name; default `apparatus`. Tests use their own. */
  name?: string;
  /** The IndexedDB factory; default `globalThis.indexedDB`. */
  factory?: IDBFactory;
  /** Give up opening after this many ms (a browser that never answers is as good as none). Default 10 000. */
  timeoutMs?: number;
}

/**
 * Opens (creating or upgrading) the database and returns the repository on it.
 * @throws StoreError `unavailable` (no IndexedDB, refused, newer database version, or no answer in time) or
 *   `blocked` (an older connection in another tab would not close).
 */
export async function openIndexedDbRepository(options: IndexedDbOptions = {}): Promise<IndexedDbAnnotationRepository> {
  const db = await openDatabase(options.factory ?? globalThis.indexedDB, options.name ?? DB_NAME, options.timeoutMs ?? 10_000);
  return new IndexedDbAnnotationRepository(db);
}

function openDatabase(factory: IDBFactory | undefined, name: string, timeoutMs: number): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    if (!factory) {
      reject(new StoreError('unavailable', 'This browser offers no IndexedDB storage (it may be disabled, or this is a private window).'));
      return;
    }
    let settled = false;
    const fail = (error: StoreError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(error);
    };
    const timer = setTimeout(
      () => fail(new StoreError('unavailable', `The browser did not open the notes database within ${timeoutMs / 1000} s.`)),
      timeoutMs,
    );
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, DB_VERSION);
    } catch (error) {
      fail(new StoreError('unavailable', `The browser refused to open the notes database (${describe(error)}); storage may be disabled for this site.`, { cause: error }));
      return;
    }
    request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion, request.transaction!);
    request.onsuccess = () => {
      const db = request.result;
      // An answer after we gave up (timeout, blocked): do not keep a connection nobody uses.
      if (settled) {
        db.close();
        return;
      }
      settled = true;
      clearTimeout(timer);
      resolve(db);
    };
    request.onerror = (event) => {
      event.preventDefault();
      const error = request.error;
      if (error?.name === 'VersionError') {
        fail(new StoreError('unavailable', 'The notes database was written by a newer version of Apparatus; this version will not touch it. Use the newer version, or export from it.', { cause: error }));
      } else {
        fail(new StoreError('unavailable', `The browser could not open the notes database (${describe(error)}); storage may be disabled for this site or this is a private window.`, { cause: error }));
      }
    };
    request.onblocked = () => {
      fail(new StoreError('blocked', 'The notes database is held open by Apparatus in another tab running an older version. Close that tab (or reload it) and reload this one.'));
    };
  });
}

/** Creates or migrates the object stores, one step per version, within the upgrade transaction `tx`. */
function upgrade(db: IDBDatabase, oldVersion: number, tx: IDBTransaction): void {
  if (oldVersion < 1) {
    db.createObjectStore(ANNOTATIONS_STORE);
    const aside = db.createObjectStore(UNREADABLE_STORE, { autoIncrement: true });
    aside.createIndex('workId', 'workId', { unique: false });
  }
  if (oldVersion < 2) {
    const works = db.createObjectStore(WORKS_STORE);
    // Every work with notes stored by version 1 has a working copy.
    const cursor = tx.objectStore(ANNOTATIONS_STORE).openKeyCursor();
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return;
      const key = c.key;
      if (Array.isArray(key) && typeof key[0] === 'string') {
        works.put(WORKING_COPY, key[0]);
        // Skip the rest of this work's notes: the next key after every `[work, …]` is `[work, []]`'s successor.
        c.continue([key[0], []]);
      } else c.continue();
    };
  }
  if (oldVersion < 3) {
    db.createObjectStore(BASES_STORE);
  }
}

/** The base stored for a work, or undefined when none is (or the record is not one this version reads). */
function readBase(value: unknown): ProjectBase | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<Record<keyof StoredBase, unknown>>;
  if (v.v !== 1 || !(v.sha256 === null || typeof v.sha256 === 'string') || !Array.isArray(v.annotations)) return undefined;
  return { sha256: v.sha256, annotations: v.annotations as Annotation[] };
}

function toStoredBase(base: ProjectBase): StoredBase {
  return { v: 1, sha256: base.sha256, annotations: [...base.annotations] };
}

/** The value of a `works` record. */
const WORKING_COPY = { v: 1 } as const;

/** The key range of every note of `workId`: `[workId]` sorts before `[workId, id]`, and strings before arrays. */
function workRange(workId: string): IDBKeyRange {
  return IDBKeyRange.bound([workId], [workId, []]);
}

/** `AnnotationRepository` on an open IndexedDB database (see the module comment for the layout). */
export class IndexedDbAnnotationRepository implements AnnotationRepository {
  readonly #db: IDBDatabase;
  #closedReason: string | null = null;
  /**
   * Per work, what this connection knows is stored: `confirmed` maps id → JSON of the record as of the last
   * completed load or save; `possibleIds` adds the ids put by saves still in flight (`inFlight` of them).
   */
  readonly #works = new Map<string, { confirmed: Map<string, string>; inFlight: number; possibleIds: Set<string> }>();

  /** Wraps an open connection; use `openIndexedDbRepository` to get one. */
  constructor(db: IDBDatabase) {
    this.#db = db;
    db.onversionchange = () => {
      this.#closedReason = 'Apparatus was updated in another tab and needs this tab to reload before it can save.';
      db.close();
    };
    db.onclose = () => {
      this.#closedReason = 'The browser closed the notes database (storage may have been cleared). Reload the page.';
    };
  }

  /**
   * Reads the work's notes in saved order. Records that cannot be read are moved to the `unreadable` store (in the
   * same transaction) and returned, together with those set aside earlier, in `unreadable`.
   * @throws StoreError when the database cannot be read (`closed`, `failed`, `quota`).
   */
  load(workId: string): Promise<StoredAnnotations> {
    const doing = `loading the notes on ${workId}`;
    return this.#run(doing, (tx, done, guarded) => {
      const store = tx.objectStore(ANNOTATIONS_STORE);
      const aside = tx.objectStore(UNREADABLE_STORE);
      const keysRequest = store.getAllKeys(workRange(workId));
      const valuesRequest = store.getAll(workRange(workId));
      const asideRequest = aside.index('workId').getAll(workId);
      const savedRequest = tx.objectStore(WORKS_STORE).count(workId);
      const baseRequest = tx.objectStore(BASES_STORE).get(workId);
      const read: ReadRecord[] = [];
      const movedAside: UnreadableRecord[] = [];
      const confirmed = new Map<string, string>();
      valuesRequest.onsuccess = guarded(() => {
        const keys = keysRequest.result;
        valuesRequest.result.forEach((value: unknown, i) => {
          const key = keys[i];
          const result = readStoredRecord(workId, key, value);
          if (isUnreadable(result)) {
            setAside(tx, workId, key as IDBValidKey, result);
            movedAside.push(result);
          } else {
            read.push(result);
            confirmed.set(result.annotation.id, JSON.stringify(value));
          }
        });
      });
      done(() => {
        if (!this.#works.get(workId)?.inFlight) this.#works.set(workId, { confirmed, inFlight: 0, possibleIds: new Set(confirmed.keys()) });
        return {
          annotations: read.sort((a, b) => a.order - b.order || compare(a.annotation.id, b.annotation.id)).map((r) => r.annotation),
          unreadable: [...(asideRequest.result as KeptAsideRecord[]).map(({ key, raw, reason }) => ({ key, raw, reason })), ...movedAside],
          saved: savedRequest.result > 0,
          ...(readBase(baseRequest.result) ? { base: readBase(baseRequest.result)! } : {}),
        };
      });
    });
  }

  /**
   * Makes the work's stored notes exactly `annotations`, in ONE transaction with `durability: 'strict'` that
   * resolves on `complete`: deletes the ids no longer present, puts the records that changed, leaves the rest alone;
   * with `base`, records it in the same transaction (else the recorded base is kept). Saves apply in call order
   * (the transaction is created within this call).
   *
   * After the work was loaded, every request is issued within this call and the transaction is then committed
   * explicitly (`commit()`), so a save called from `pagehide` completes even if the page's script never runs
   * again. The repository knows what it loaded and wrote; while an earlier save is still in flight it puts every
   * record rather than trusting that one to land. Only ids it loaded or wrote are ever deleted: notes another tab
   * added meanwhile are not. A stored record that is deleted or overwritten but turns out unreadable (changed behind
   * the reader's back) is copied to `unreadable` in a follow-up transaction.
   * Before any `load` of the work it reads the stored ids first (a read-modify-write that needs the page to live
   * until it completes).
   * @throws StoreError `invalid` (nothing written) when the set is not valid, `quota`, `closed` or `failed`.
   */
  save(workId: string, annotations: readonly Annotation[], base?: ProjectBase): Promise<void> {
    const doing = `saving the notes on ${workId}`;
    try {
      checkAnnotationsToSave(workId, annotations);
    } catch (error) {
      return Promise.reject(error);
    }
    const records = annotations.map((a, i) => ({ id: a.id, record: toStoredRecord(a, i), json: JSON.stringify(toStoredRecord(a, i)) }));
    const written = new Map(records.map((r) => [r.id, r.json]));
    const state = this.#works.get(workId);
    if (!state) {
      return this.#run(doing, (tx, done, guarded) => {
        const store = tx.objectStore(ANNOTATIONS_STORE);
        tx.objectStore(WORKS_STORE).put(WORKING_COPY, workId);
        if (base) tx.objectStore(BASES_STORE).put(toStoredBase(base), workId);
        const keysRequest = store.getAllKeys(workRange(workId));
        const valuesRequest = store.getAll(workRange(workId));
        valuesRequest.onsuccess = guarded(() => {
          const keys = keysRequest.result;
          const stored = new Map<string, unknown>();
          valuesRequest.result.forEach((value: unknown, i) => {
            const key = keys[i];
            if (Array.isArray(key) && typeof key[1] === 'string') stored.set(key[1], value);
          });
          for (const [id, value] of stored) {
            if (written.has(id)) continue;
            this.#keepAsideIfUnreadable(workId, id, value, tx);
            store.delete([workId, id]);
          }
          for (const { id, record, json } of records) {
            const old = stored.get(id);
            if (stored.has(id) && JSON.stringify(old) === json) continue;
            if (stored.has(id)) this.#keepAsideIfUnreadable(workId, id, old, tx);
            store.put(record, [workId, id]);
          }
        });
        done(() => {
          this.#works.set(workId, { confirmed: written, inFlight: 0, possibleIds: new Set(written.keys()) });
        });
      });
    }

    // Known state: every request now, then commit.
    const putAll = state.inFlight > 0;
    const toDelete = [...new Set([...state.confirmed.keys(), ...state.possibleIds])].filter((id) => !written.has(id));
    const toPut = putAll ? records : records.filter((r) => state.confirmed.get(r.id) !== r.json);
    const replaced = [...toDelete, ...toPut.map((r) => r.id).filter((id) => state.confirmed.has(id) || state.possibleIds.has(id))];
    state.inFlight += 1;
    for (const { id } of toPut) state.possibleIds.add(id);
    const settle = (ok: boolean): void => {
      state.inFlight -= 1;
      if (ok) state.confirmed = written;
      if (state.inFlight === 0) state.possibleIds = new Set(state.confirmed.keys());
    };
    return this.#run<void>(doing, (tx, done) => {
      const store = tx.objectStore(ANNOTATIONS_STORE);
      // Read what is about to be replaced (requests run in order: these see the old values), to keep it if it is
      // unreadable. The answers come after commit(), so keeping it aside is a transaction of its own.
      for (const id of replaced) {
        const request = store.get([workId, id]);
        request.onsuccess = () => {
          if (request.result !== undefined) this.#keepAsideIfUnreadable(workId, id, request.result, null);
        };
      }
      for (const id of toDelete) store.delete([workId, id]);
      for (const { id, record } of toPut) store.put(record, [workId, id]);
      tx.objectStore(WORKS_STORE).put(WORKING_COPY, workId);
      if (base) tx.objectStore(BASES_STORE).put(toStoredBase(base), workId);
      tx.commit?.();
      done(() => settle(true));
    }).catch((error: unknown) => {
      settle(false);
      throw error;
    });
  }

  /**
   * Records `base` as the version of the project file the work's working copy started from, in one transaction
   * ordered with the saves (created within this call); the notes and `saved` are unchanged.
   * @throws StoreError `closed`, `quota` or `failed`.
   */
  recordBase(workId: string, base: ProjectBase): Promise<void> {
    return this.#run<void>(`recording the project file version of ${workId}`, (tx, done) => {
      tx.objectStore(BASES_STORE).put(toStoredBase(base), workId);
      tx.commit?.();
      done(() => undefined);
    });
  }

  /**
   * If `value` (stored under `[workId, id]`) is unreadable, adds it to the `unreadable` store: within `tx` when it
   * is still open for requests, else in a transaction of its own (best effort; a failure is reported to the
   * console, the only place left to report it).
   */
  #keepAsideIfUnreadable(workId: string, id: string, value: unknown, tx: IDBTransaction | null): void {
    const result = readStoredRecord(workId, [workId, id], value);
    if (!isUnreadable(result)) return;
    const kept: KeptAsideRecord = { workId, key: result.key, raw: result.raw, reason: result.reason, keptAt: new Date().toISOString() };
    if (tx) {
      tx.objectStore(UNREADABLE_STORE).add(kept);
      return;
    }
    try {
      const own = this.#db.transaction(UNREADABLE_STORE, 'readwrite', { durability: 'strict' });
      own.objectStore(UNREADABLE_STORE).add(kept);
      own.onabort = () => console.error(`Apparatus could not keep aside the unreadable note ${result.key}:`, own.error);
    } catch (error) {
      console.error(`Apparatus could not keep aside the unreadable note ${result.key}:`, error);
    }
  }

  /** Closes the connection; later calls reject with `StoreError` `closed`. */
  close(): void {
    this.#closedReason = 'The notes database was closed.';
    this.#db.close();
  }

  /**
   * Runs `body` in one read-write transaction over both stores and settles when it completes or aborts.
   * `body` registers its requests and gives `done` the function computing the result after completion; it wraps
   * its request callbacks in `guarded`, so that a throw there aborts the transaction and becomes the rejection.
   */
  #run<T>(
    doing: string,
    body: (tx: IDBTransaction, done: (result: () => T) => void, guarded: (fn: () => void) => () => void) => void,
  ): Promise<T> {
    if (this.#closedReason !== null) return Promise.reject(new StoreError('closed', this.#closedReason));
    return new Promise<T>((resolve, reject) => {
      let tx: IDBTransaction;
      try {
        tx = this.#db.transaction([ANNOTATIONS_STORE, UNREADABLE_STORE, WORKS_STORE, BASES_STORE], 'readwrite', { durability: 'strict' });
      } catch (error) {
        reject(this.#closedReason !== null ? new StoreError('closed', this.#closedReason) : toStoreError(error, doing));
        return;
      }
      let failure: unknown = null;
      let result: (() => T) | null = null;
      tx.oncomplete = () => {
        try {
          resolve(result ? result() : (undefined as T));
        } catch (error) {
          reject(toStoreError(error, doing));
        }
      };
      tx.onabort = () => reject(toStoreError(failure ?? tx.error ?? new Error('the transaction was aborted'), doing));
      // Request callbacks run outside this promise: catch their throws so that the reason given is the real one.
      const guarded = (fn: () => void) => () => {
        try {
          fn();
        } catch (error) {
          failure = error;
          tx.abort();
        }
      };
      try {
        body(tx, (compute) => (result = compute), guarded);
      } catch (error) {
        failure = error;
        tx.abort();
      }
    });
  }
}

/** Adds `record` to the `unreadable` store and removes it from `annotations`, within `tx`. */
function setAside(tx: IDBTransaction, workId: string, key: IDBValidKey, record: UnreadableRecord): void {
  const kept: KeptAsideRecord = { workId, key: record.key, raw: record.raw, reason: record.reason, keptAt: new Date().toISOString() };
  tx.objectStore(UNREADABLE_STORE).add(kept);
  tx.objectStore(ANNOTATIONS_STORE).delete(key);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'name' in error) {
    const { name, message } = error as { name: unknown; message?: unknown };
    return message ? `${String(name)}: ${String(message)}` : String(name);
  }
  return String(error ?? 'no reason given');
}
