/**
 * This browser's library: the works opened from a file or a URL (`library/library-work.ts`), kept in the `library`
 * object store of the `apparatus` database (version 4, see `indexeddb-repository.ts`) so they open offline.
 *
 * Contracts: `keep` never replaces bytes — other bytes of a work already kept (`sameWork`) become a new revision
 * (newest last), the same bytes only update the opening time; a different work whose id is taken is kept under the
 * next free id (`libraryIdCandidates`); a record this version cannot read is never overwritten (passed over). It
 * reads and writes in one transaction, so two tabs keeping at once cannot lose a revision. `remove` deletes the work record only; its notes (`library:<id>` in `annotations`)
 * are deleted only by `removeNotes`, which the page calls only when the user chose to delete them too.
 */
import { libraryIdCandidates, libraryStorageKey, mergeIntoLibrary, readLibraryWork, sameWork, type LibraryWork, type Merged } from '../library/library-work.ts';
import { ANNOTATIONS_STORE, LIBRARY_STORE, WORKS_STORE, BASES_STORE, openApparatusDatabase, type IndexedDbOptions } from './indexeddb-repository.ts';
import { StoreError, toStoreError } from './store-error.ts';

/**
 * What `keep` did: a new work, the same bytes again, or a new revision of a work kept before. `beside` (a new work
 * only) names the other works whose ids it found taken — it was kept beside them under the next free id.
 */
export type Kept = { kind: 'new'; work: LibraryWork; beside?: string[] } | Merged;

/** A record of the store that could not be read (kept in place, reported). */
export interface UnreadableLibraryRecord {
  key: string;
  reason: string;
}

/** The library on an open database. */
export class LibraryStore {
  constructor(private readonly db: IDBDatabase) {}

  /** Every work, most recently opened first, and the records that could not be read (left as they are). */
  async list(): Promise<{ works: LibraryWork[]; unreadable: UnreadableLibraryRecord[] }> {
    const [keys, values] = await this.#request('readonly', 'listing the library', (s) => [s.getAllKeys(), s.getAll()] as const);
    const works: LibraryWork[] = [];
    const unreadable: UnreadableLibraryRecord[] = [];
    (values as unknown[]).forEach((value, i) => {
      try {
        works.push(readLibraryWork(value));
      } catch (e) {
        unreadable.push({ key: String((keys as IDBValidKey[])[i]), reason: (e as Error).message });
      }
    });
    works.sort((a, b) => b.opened.localeCompare(a.opened));
    return { works, unreadable };
  }

  /** The work `id`, or null when the library has none. @throws StoreError; LibraryRecordError for a bad record. */
  async get(id: string): Promise<LibraryWork | null> {
    const [value] = await this.#request('readonly', `reading "${id}" from the library`, (s) => [s.get(id)] as const);
    return value === undefined ? null : readLibraryWork(value);
  }

  /** Keeps `work` (a freshly derived record), merging it into the one under the same id (see the module comment). */
  keep(work: LibraryWork): Promise<Kept> {
    return new Promise<Kept>((resolve, reject) => {
      let tx: IDBTransaction;
      try {
        tx = this.db.transaction(LIBRARY_STORE, 'readwrite', { durability: 'strict' });
      } catch (e) {
        reject(toStoreError(e, 'keeping a work in the library'));
        return;
      }
      const store = tx.objectStore(LIBRARY_STORE);
      let kept: Kept | null = null;
      const candidates = libraryIdCandidates(work.id);
      const taken: string[] = [];
      // Each candidate id in turn, in this one transaction: free → a new work; the same work → merged; else next.
      const tryAt = (k: number) => {
        const id = candidates[k];
        if (id === undefined) {
          tx.abort();
          reject(new StoreError('failed', `The library already holds ${candidates.length} other works named like "${work.title}"; nothing was kept. Remove some first.`));
          return;
        }
        const get = store.get(id);
        get.onsuccess = () => {
          if (get.result === undefined) {
            kept = { kind: 'new', work: { ...work, id }, ...(taken.length ? { beside: taken } : {}) };
            store.put(kept.work, id);
            return;
          }
          let existing: LibraryWork;
          try {
            existing = readLibraryWork(get.result);
          } catch {
            // A record this version cannot read is never overwritten: passed over.
            taken.push(id);
            tryAt(k + 1);
            return;
          }
          if (!sameWork(existing, work)) {
            taken.push(id);
            tryAt(k + 1);
            return;
          }
          kept = mergeIntoLibrary(existing, { ...work, id });
          store.put(kept.work, id);
        };
      };
      tryAt(0);
      tx.oncomplete = () => resolve(kept!);
      tx.onerror = (e) => {
        e.preventDefault();
      };
      tx.onabort = () => reject(toStoreError(tx.error, `keeping "${work.id}" in the library`));
    });
  }

  /** How many notes this browser keeps for each of the library works `ids`. */
  noteCounts(ids: readonly string[]): Promise<Map<string, number>> {
    return new Promise((resolve, reject) => {
      const tx = this.db.transaction(ANNOTATIONS_STORE);
      const store = tx.objectStore(ANNOTATIONS_STORE);
      const counts = new Map<string, number>();
      for (const id of ids) {
        const key = libraryStorageKey(id);
        const request = store.count(IDBKeyRange.bound([key], [key, []]));
        request.onsuccess = () => counts.set(id, request.result);
      }
      tx.oncomplete = () => resolve(counts);
      tx.onabort = () => reject(toStoreError(tx.error, 'counting the notes of the library'));
    });
  }

  /** Removes the work record `id` (its notes stay). */
  async remove(id: string): Promise<void> {
    await this.#request('readwrite', `removing "${id}" from the library`, (s) => [s.delete(id)] as const);
  }

  /** Deletes every note kept for library work `id` in this browser, with its working-copy marks. */
  removeNotes(id: string): Promise<void> {
    const key = libraryStorageKey(id);
    return new Promise<void>((resolve, reject) => {
      const tx = this.db.transaction([ANNOTATIONS_STORE, WORKS_STORE, BASES_STORE], 'readwrite', { durability: 'strict' });
      tx.objectStore(ANNOTATIONS_STORE).delete(IDBKeyRange.bound([key], [key, []]));
      tx.objectStore(WORKS_STORE).delete(key);
      tx.objectStore(BASES_STORE).delete(key);
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(toStoreError(tx.error, `deleting the notes on "${id}"`));
    });
  }

  close(): void {
    this.db.close();
  }

  #request<T extends readonly IDBRequest[]>(mode: IDBTransactionMode, doing: string, make: (store: IDBObjectStore) => T): Promise<{ [K in keyof T]: unknown }> {
    return new Promise((resolve, reject) => {
      let tx: IDBTransaction;
      try {
        tx = this.db.transaction(LIBRARY_STORE, mode);
      } catch (e) {
        reject(toStoreError(e, doing));
        return;
      }
      const requests = make(tx.objectStore(LIBRARY_STORE));
      tx.oncomplete = () => resolve(requests.map((r) => r.result) as { [K in keyof T]: unknown });
      tx.onabort = () => reject(toStoreError(tx.error, doing));
    });
  }
}

/** Opens the library. @throws StoreError as `openIndexedDbRepository` does. */
export async function openLibraryStore(options: IndexedDbOptions = {}): Promise<LibraryStore> {
  return new LibraryStore(await openApparatusDatabase(options));
}
