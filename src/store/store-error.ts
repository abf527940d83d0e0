/**
 * The one error type of the persistence boundary: every storage failure becomes a `StoreError` whose `kind` a
 * program can branch on and whose `message` a user can read.
 */

/**
 * - `unavailable`: the browser offers no usable storage (IndexedDB missing, disabled, or refused — e.g. some
 *   private-browsing modes);
 * - `blocked`: an older version of the database is open in another tab and must be closed first;
 * - `closed`: the database was closed under us (another tab upgraded it, or the browser shut it);
 * - `quota`: the site's storage is full;
 * - `invalid`: what was to be saved is not a valid set of annotations (nothing was written);
 * - `failed`: any other failure of a read or write (nothing was written).
 */
export type StoreErrorKind = 'unavailable' | 'blocked' | 'closed' | 'quota' | 'invalid' | 'failed';

/** A storage failure. `cause` keeps the underlying DOMException or error, if any. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Turns whatever a storage API threw or reported into a `StoreError`. `doing` says what was being done, in words
 * ("saving the notes on kavbiuro"); a `StoreError` passes through unchanged.
 */
export function toStoreError(error: unknown, doing: string): StoreError {
  if (error instanceof StoreError) return error;
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  const detail = error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
    ? String((error as { message: unknown }).message)
    : String(error);
  if (name === 'QuotaExceededError') {
    return new StoreError('quota', `The browser's storage for this site is full while ${doing}. Free some space (or export your notes) and try again.`, { cause: error });
  }
  if (name === 'InvalidStateError' && /clos/i.test(detail)) {
    return new StoreError('closed', `The notes database was closed while ${doing} (it may have been upgraded in another tab). Reload the page.`, { cause: error });
  }
  if (name === 'SecurityError') {
    return new StoreError('unavailable', `The browser does not allow this page to store data (${detail}) while ${doing}.`, { cause: error });
  }
  return new StoreError('failed', `Storage failed while ${doing}: ${name ? `${name}: ` : ''}${detail || 'no reason given'}.`, { cause: error });
}
