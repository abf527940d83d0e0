/**
 * The outbox's persistence: the `outbox` object store of a database of its own, `apparatus-sync` (version 1), one
 * `OutboxRecord` per `[workId, annotationId]`. It survives reloads and a server that is down: what waits here is sent
 * when the server is back. Each write is one transaction with `durability: 'strict'` resolving on `complete`.
 * A database of its own, so the notes database (`apparatus`, store/indexeddb-repository.ts) keeps its versions and
 * other stores can be added there without this one: upgrades here are additive steps (a store is created only when
 * absent), never touching data.
 *
 * A stored record this version cannot read is never deleted or overwritten by `load`: it is reported in `problems`
 * (and the note it names is not sent).
 */
import { StoreError, toStoreError } from '../store/store-error.ts';

/** The outbox's database name (tests use their own), its version and its store. */
export const SYNC_DB_NAME = 'apparatus-sync';
export const SYNC_DB_VERSION = 1;
export const OUTBOX_STORE = 'outbox';

/** Creates what is missing, one additive step per version (idempotent: a store is made only when absent). */
function upgrade(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1 && !db.objectStoreNames.contains(OUTBOX_STORE)) db.createObjectStore(OUTBOX_STORE);
}

function openSyncDatabase(name: string, factory: IDBFactory | undefined): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (!factory) return reject(new StoreError('unavailable', 'This browser offers no IndexedDB storage: changes waiting for the server last only as long as this page.'));
    const request = factory.open(name, SYNC_DB_VERSION);
    request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(toStoreError(request.error ?? new Error('refused'), 'opening the outbox database'));
    request.onblocked = () => reject(new StoreError('blocked', 'The outbox database is held open by an older Apparatus in another tab. Close that tab and reload this one.'));
  });
}
import type { OutboxRecord } from './outbox-record.ts';

/** Where the outbox keeps its records. */
export interface OutboxStore {
  /** Every record of `work`, and a sentence per stored record that could not be read. */
  load(work: string): Promise<{ records: OutboxRecord[]; problems: string[] }>;
  /** Writes `records` and deletes `[work, id]` of `removed`, in one transaction. */
  write(records: readonly OutboxRecord[], removed?: readonly { work: string; id: string }[]): Promise<void>;
}

/** Why a stored value is not an `OutboxRecord` (format 1), or null when it is one. */
export function outboxRecordProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'it is not an object';
  const r = value as Record<string, unknown>;
  if (r['v'] !== 1) return `its format ${JSON.stringify(r['v'])} is not 1`;
  if (typeof r['work'] !== 'string' || typeof r['id'] !== 'string') return 'it has no work or id';
  if (!(r['op'] === 'put' || r['op'] === 'delete' || r['op'] === null)) return `its op ${JSON.stringify(r['op'])} is not put, delete or null`;
  if (r['op'] === 'put' && (typeof r['annotation'] !== 'object' || r['annotation'] === null)) return 'it is a put without the note';
  if (!(typeof r['etag'] === 'string' || r['etag'] === null)) return 'its etag is not a string or null';
  if (typeof r['attempts'] !== 'number' || typeof r['notBefore'] !== 'number') return 'it has no attempts or notBefore';
  return null;
}

/** The outbox on IndexedDB. @throws StoreError when the database cannot be opened. */
export async function openIndexedDbOutbox(options: { name?: string; factory?: IDBFactory } = {}): Promise<OutboxStore> {
  const db = await openSyncDatabase(options.name ?? SYNC_DB_NAME, options.factory ?? globalThis.indexedDB);
  const run = <T>(mode: IDBTransactionMode, doing: string, body: (store: IDBObjectStore) => () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      let tx: IDBTransaction;
      try {
        tx = db.transaction(OUTBOX_STORE, mode, { durability: 'strict' });
      } catch (error) {
        reject(toStoreError(error, doing));
        return;
      }
      const result = body(tx.objectStore(OUTBOX_STORE));
      tx.oncomplete = () => resolve(result());
      tx.onabort = () => reject(toStoreError(tx.error ?? new Error('the transaction was aborted'), doing));
    });
  return {
    load: (work) =>
      run('readonly', `reading the changes waiting for the server on ${work}`, (store) => {
        const range = IDBKeyRange.bound([work], [work, []]);
        const keys = store.getAllKeys(range);
        const values = store.getAll(range);
        return () => {
          const records: OutboxRecord[] = [];
          const problems: string[] = [];
          (values.result as unknown[]).forEach((value, i) => {
            const problem = outboxRecordProblem(value);
            if (problem) problems.push(`The waiting change stored under ${JSON.stringify(keys.result[i])} cannot be read (${problem}); it is kept and not sent.`);
            else records.push(value as OutboxRecord);
          });
          return { records, problems };
        };
      }),
    write: (records, removed = []) =>
      run('readwrite', 'recording the changes waiting for the server', (store) => {
        for (const { work, id } of removed) store.delete([work, id]);
        for (const r of records) store.put(r, [r.work, r.id]);
        return () => undefined;
      }),
  };
}

/** The outbox in memory (when the browser offers no IndexedDB: it then lasts as long as the page). */
export function memoryOutbox(): OutboxStore {
  const map = new Map<string, OutboxRecord>();
  const key = (work: string, id: string) => JSON.stringify([work, id]);
  return {
    load: (work) => Promise.resolve({ records: [...map.values()].filter((r) => r.work === work).map((r) => structuredClone(r)), problems: [] }),
    write: (records, removed = []) => {
      for (const { work, id } of removed) map.delete(key(work, id));
      for (const r of records) map.set(key(r.work, r.id), structuredClone(r));
      return Promise.resolve();
    },
  };
}
