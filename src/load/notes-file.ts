/**
 * Fetching a work's notes file, on the page: only the bytes, which are transferred to the load worker to be read
 * (`readNotesFile` in work-reader.ts). Kept apart so the page does not load the annotation parser for it.
 */
import type { FetchedNotes } from './load-messages.ts';

/** Fetches the notes file at `url` (none: null). Never rejects: a failure is described. */
export async function fetchNotesFile(url: string | null): Promise<FetchedNotes> {
  if (!url) return { url, none: true };
  try {
    const res = await fetch(url);
    if (res.status === 404) return { url, none: true };
    if (!res.ok) return { url, failed: `could not be loaded: ${res.status} ${res.statusText}` };
    return { url, bytes: await res.arrayBuffer() };
  } catch (e) {
    return { url, failed: `could not be loaded: ${(e as Error).message}` };
  }
}
