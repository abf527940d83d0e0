/**
 * The page behind tests/browser/store-indexeddb.test.ts (and the lead's durability trials): the real store modules
 * in the real browser, driven through `window.storeHarness`. Every function returns plain data (or throws an Error
 * whose message carries the StoreError kind), so `page.evaluate` can carry it back to Node.
 */
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import type { ProjectBase, StoredAnnotations } from '../../../src/store/annotation-repository.ts';
import { Autosave, flushOnPageHide, type SaveStatus } from '../../../src/store/autosave.ts';
import { ANNOTATIONS_STORE, openIndexedDbRepository, type IndexedDbAnnotationRepository } from '../../../src/store/indexeddb-repository.ts';
import { openAnnotationRepository } from '../../../src/store/open-annotation-repository.ts';
import { StoreError } from '../../../src/store/store-error.ts';

let repository: IndexedDbAnnotationRepository | null = null;
let autosave: Autosave | null = null;
const statuses: SaveStatus[] = [];

function repo(): IndexedDbAnnotationRepository {
  if (!repository) throw new Error('call open() first');
  return repository;
}

/** Rethrows a StoreError as `kind: message`, which survives the trip through page.evaluate. */
async function kindOf<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StoreError) throw new Error(`${error.kind}: ${error.message}`);
    throw error;
  }
}

/** Low-level access for tests: open the database without the repository. */
function rawOpen(name: string, version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

const harness = {
  /** Opens the repository on database `name`. */
  open: (name: string): Promise<void> => kindOf(async () => void (repository = await openIndexedDbRepository({ name }))),
  save: (workId: string, annotations: Annotation[], base?: ProjectBase): Promise<void> => kindOf(() => repo().save(workId, annotations, base)),
  recordBase: (workId: string, base: ProjectBase): Promise<void> => kindOf(() => repo().recordBase(workId, base)),
  load: (workId: string): Promise<StoredAnnotations> => kindOf(() => repo().load(workId)),
  /** What `openAnnotationRepository` gives this page: whether storage is durable. */
  openDefault: async (name: string) => {
    const opened = await openAnnotationRepository({ name });
    return { memory: opened.warning !== null, warning: opened.warning };
  },
  /**
   * Autosave as the reader uses it: flushed on pagehide. The debounce is one minute, so only the pagehide flush
   * can write within the test.
   */
  startAutosave: (workId: string): void => {
    autosave = new Autosave({ repository: repo(), workId, debounceMs: 60_000, maxWaitMs: 60_000, onStatus: (s) => statuses.push(s) });
    flushOnPageHide(autosave, window);
  },
  schedule: (annotations: Annotation[]): string => {
    if (!autosave) throw new Error('call startAutosave() first');
    autosave.schedule(annotations);
    return autosave.status.state;
  },
  statuses: (): SaveStatus[] => statuses,
  /** Puts `value` into the annotations store under `key`, bypassing the repository (a corrupt record). */
  putRaw: async (name: string, key: readonly string[], value: unknown): Promise<void> => {
    const db = await rawOpen(name);
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(ANNOTATIONS_STORE, 'readwrite');
      tx.objectStore(ANNOTATIONS_STORE).put(value, [...key]);
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error);
    });
    db.close();
  },
  /** Every key in the annotations store, for checking what is really stored. */
  rawKeys: async (name: string): Promise<IDBValidKey[]> => {
    const db = await rawOpen(name);
    const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
      const request = db.transaction(ANNOTATIONS_STORE).objectStore(ANNOTATIONS_STORE).getAllKeys();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return keys;
  },
  /** Opens database `name` at `version` (as a newer Apparatus in another tab would), then closes it. */
  /**
   * Creates database `name` as version 1 of Apparatus left it (its two stores, written out here as they were
   * shipped) holding `works`' notes, for the upgrade test.
   */
  createVersion1: async (name: string, works: Record<string, Annotation[]>): Promise<void> => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('annotations');
        request.result.createObjectStore('unreadable', { autoIncrement: true }).createIndex('workId', 'workId', { unique: false });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('annotations', 'readwrite');
      for (const [workId, notes] of Object.entries(works)) {
        notes.forEach((annotation, order) => tx.objectStore('annotations').put({ v: 1, order, annotation }, [workId, annotation.id]));
      }
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error);
    });
    db.close();
  },
  /**
   * Creates database `name` as version 2 of Apparatus left it (its three stores, written out here as they were
   * shipped) holding `works`' notes, each work marked as having a working copy, for the upgrade test.
   */
  createVersion2: async (name: string, works: Record<string, Annotation[]>): Promise<void> => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 2);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('annotations');
        request.result.createObjectStore('unreadable', { autoIncrement: true }).createIndex('workId', 'workId', { unique: false });
        request.result.createObjectStore('works');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['annotations', 'works'], 'readwrite');
      for (const [workId, notes] of Object.entries(works)) {
        notes.forEach((annotation, order) => tx.objectStore('annotations').put({ v: 1, order, annotation }, [workId, annotation.id]));
        tx.objectStore('works').put({ v: 1 }, workId);
      }
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error);
    });
    db.close();
  },
  upgradeElsewhere: async (name: string, version: number): Promise<number> => {
    const db = await rawOpen(name, version);
    const got = db.version;
    db.close();
    return got;
  },
};

declare global {
  interface Window {
    storeHarness: typeof harness;
  }
}
window.storeHarness = harness;
document.documentElement.dataset['storeHarness'] = 'ready';
