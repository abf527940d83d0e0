/**
 * Where a work's files are, from the page's URL, and under which key its notes are kept in this browser.
 *
 * - `?work=<id>` (default `kavbiuro`): a work of this project — `corpus/<id>/text.txt`, `corpus/<id>/work.json` and
 *   `annotations/<id>.jsonld`. Its notes are kept under the work's id, and "Save to project" may write them.
 * - `?text=<url>&meta=<url>[&annotations=<url>]`: a text opened from a link (tests, benchmarks, other texts). Such a
 *   link can name any files — even the project's text with someone else's notes — so it is kept apart: only URLs of
 *   this site (same origin, http or https) are loaded (`data:`, `blob:` and other sites are refused with a message);
 *   its notes are kept under a key of its own, `link:` followed by the three paths, which no work id can equal (ids
 *   have no colon), so a link never reads or replaces a project work's notes; the reader shows a banner saying the
 *   text is not from this project, and "Save to project" is not offered. `meta` is optional: without it the
 *   metadata is derived from the text (`meta: null`; see `library/library-work.ts`), and the key names no meta.
 * - `?library=<id>`: a work kept in this browser's library (opened from a file or a URL, `library-tools.ts`). Its
 *   notes are kept under `library:<id>` (`libraryStorageKey`), which no project work id can equal.
 * - `&revision=r<N>` with `work` or `library`: that revision of the work as kept in this browser
 *   (`library/followed-revisions.ts`); without it, the newest.
 */
import { libraryStorageKey } from '../library/library-work.ts';

/** Where the files are. URLs are absolute. */
export type WorkLocation =
  | { kind: 'project'; id: string; text: string; meta: string; annotations: string; revision?: string }
  | { kind: 'link'; text: string; meta: string | null; annotations: string | null; storageKey: string }
  | { kind: 'library'; id: string; storageKey: string; revision?: string };

/** What `&revision=` may name: a revision of the work kept in this browser (`r1`, `r2`, …). */
const REVISION_ID = /^r[1-9]\d{0,5}$/;

/** What the page's address gives: its full URL (`location.href`). */
export interface PageAddress {
  href: string;
}

/** A project work's id: lower-case letters, digits and hyphens, starting with a letter or digit. */
const WORK_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The prefix of the storage keys of texts opened from a link. */
export const LINK_KEY_PREFIX = 'link:';

/**
 * The location of the work the page at `page` asks for.
 * @throws Error with a message for the reader when `work` is not a work id, or a link names a file that is not on
 *   this site (`data:`, `blob:`, another origin) or not a URL at all.
 */
export function workLocation(page: PageAddress): WorkLocation {
  const here = new URL(page.href);
  const params = here.searchParams;
  const text = params.get('text');
  const meta = params.get('meta');
  if (meta && !text) throw new Error('The link gives "meta" but no "text": add text=<URL of the text> to open it.');
  if (text) {
    const notes = params.get('annotations');
    const urls = { text: sameSite(here, 'text', text), meta: meta ? sameSite(here, 'meta', meta) : null, annotations: notes ? sameSite(here, 'annotations', notes) : null };
    const path = (u: URL | null) => (u ? u.pathname + u.search : '');
    return {
      kind: 'link',
      text: urls.text.href,
      meta: urls.meta?.href ?? null,
      annotations: urls.annotations?.href ?? null,
      storageKey: `${LINK_KEY_PREFIX}${path(urls.text)} ${path(urls.meta)} ${path(urls.annotations)}`.trimEnd(),
    };
  }
  const revision = params.get('revision');
  if (revision !== null && !REVISION_ID.test(revision)) throw new Error(`"${revision}" is not a revision (r1, r2, …)`);
  const onRevision = revision !== null ? { revision } : {};
  const library = params.get('library');
  if (library !== null) {
    if (!WORK_ID.test(library)) throw new Error(`"${library}" is not the name of a work in the library (lower-case letters, digits and hyphens)`);
    return { kind: 'library', id: library, storageKey: libraryStorageKey(library), ...onRevision };
  }
  const id = params.get('work') ?? 'kavbiuro';
  if (!WORK_ID.test(id)) throw new Error(`"${id}" is not a work name (lower-case letters, digits and hyphens)`);
  const at = (path: string) => new URL(path, here).href;
  return { kind: 'project', id, text: at(`corpus/${id}/text.txt`), meta: at(`corpus/${id}/work.json`), annotations: at(`annotations/${id}.jsonld`), ...onRevision };
}

/** `value` resolved against the page, when it is an http(s) URL of the page's own origin. */
function sameSite(page: URL, name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value, page);
  } catch {
    throw new Error(`The link's "${name}" is not a URL: ${shorten(value)}`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== page.origin) {
    throw new Error(
      `The link's "${name}" is not a file of this site (${page.origin}): ${shorten(value)}. Only this site's files are opened; data:, blob: and other sites' URLs are refused.`,
    );
  }
  return url;
}

function shorten(value: string): string {
  return value.length > 80 ? `${value.slice(0, 80)}…` : value;
}
