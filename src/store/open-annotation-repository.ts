/**
 * The reader's one way to get its repository: IndexedDB when the browser offers it, otherwise memory plus a warning
 * the reader must show (notes made now will not outlive the tab).
 */
import type { AnnotationRepository } from './annotation-repository.ts';
import { openIndexedDbRepository, type IndexedDbOptions } from './indexeddb-repository.ts';
import { MemoryAnnotationRepository } from './memory-repository.ts';
import { toStoreError, type StoreError } from './store-error.ts';

/** The repository to use. `warning` is null when notes are stored durably; otherwise a sentence for the user. */
export interface OpenedRepository {
  repository: AnnotationRepository;
  warning: string | null;
  /** Why durable storage could not be used (null when it is). */
  error: StoreError | null;
}

/**
 * Opens the IndexedDB repository; when that fails (no IndexedDB, private mode, blocked by another tab, newer
 * database), falls back to an in-memory repository and says so in `warning`. Never rejects.
 * Also asks the browser (best effort, not awaited for the answer) to keep this site's storage persistent, so that
 * notes are not evicted under storage pressure.
 */
export async function openAnnotationRepository(options: IndexedDbOptions = {}): Promise<OpenedRepository> {
  try {
    const repository = await openIndexedDbRepository(options);
    void globalThis.navigator?.storage?.persist?.().catch(() => false);
    return { repository, warning: null, error: null };
  } catch (cause) {
    const error = toStoreError(cause, 'opening the notes database');
    return {
      repository: new MemoryAnnotationRepository(),
      warning: `${error.message} Notes you make now are kept only until this tab is closed: export them, or use "Save to project".`,
      error,
    };
  }
}
