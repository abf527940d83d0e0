/**
 * The name new notes are signed with, remembered in this browser (`localStorage`). Private windows may refuse
 * storage: notes are still signed, the name lasts for the page.
 */

/** The name new notes are signed with when the reader gave none. */
export const ANONYMOUS_READER = 'Anonymous reader';

const CREATOR_KEY = 'apparatus:creator-name';

/** The remembered name, or `ANONYMOUS_READER` when none was given (or storage cannot be read). */
export function creatorName(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string {
  try {
    return storage?.getItem(CREATOR_KEY)?.trim() || ANONYMOUS_READER;
  } catch {
    return ANONYMOUS_READER;
  }
}

/** Remembers the name new notes are signed with ('' forgets it). Never throws. */
export function rememberCreatorName(name: string, storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined = globalThis.localStorage): void {
  try {
    if (name) storage?.setItem(CREATOR_KEY, name);
    else storage?.removeItem(CREATOR_KEY);
  } catch {
    // Nothing to do: the name lasts for this page.
  }
}
