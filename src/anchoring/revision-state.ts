/**
 * Which revision of a work a note was made or last confirmed on (issue 10): a W3C `State` on the note's target.
 * The target's `source` stays the work's IRI; the revision is the State:
 *
 *     "state": { "id": "ni:///sha-256;<base64url>", "type": "TimeState", "sourceDate": "2026-12-01T10:00:00Z",
 *                "cached": "https://en.wikipedia.org/w/index.php?oldid=123" }
 *
 * - `id`: the revision's bytes named by their SHA-256 as an RFC 6920 `ni` URI — the same bytes, the same name, on
 *   every machine; the one field that identifies the revision;
 * - `type: "TimeState"`, `sourceDate` (when the revision is dated: Wikipedia's timestamp, a file's date) and
 *   `cached` (a permanent URL of that revision, e.g. Wikipedia's `?oldid=`) when known — W3C model §4.3.1; without
 *   a date the State is `{ "id": … }` alone, which the W3C assertions also accept (a state with an id);
 * - `keptOnRevision: true` (Apparatus's term `apparatus:keptOnRevision`): the reader chose to leave the note on this
 *   older revision in a revision review, rather than carry it to a newer one.
 *
 * A target without a State was written before revisions were tracked: it is about the revision the work opened on
 * when it was written, which this module cannot know (`revisionOfTarget` returns null).
 *
 * Pure: strings in and out.
 */
import type { TextTarget } from './annotation-types.ts';

/** What a note records of a revision. */
export interface RevisionRef {
  /** Hex SHA-256 of the revision's bytes. */
  sha256: string;
  /** ISO 8601 date-time of the revision, when the source gives one. */
  date?: string | null;
  /** A permanent URL of the revision (Wikipedia's `?oldid=` link), when there is one. */
  url?: string | null;
}

/** The State Apparatus writes on a target (see the module comment). */
export interface RevisionState {
  id: string;
  type?: 'TimeState';
  sourceDate?: string;
  cached?: string;
  keptOnRevision?: boolean;
}

const HEX = /^[0-9a-f]{64}$/;
const NI_PREFIX = 'ni:///sha-256;';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** What a W3C `sourceDate` must look like (JSON Schema `date-time`). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The RFC 6920 `ni:///sha-256;…` URI of a hex SHA-256. @throws Error when `sha256` is not 64 lower-case hex digits. */
export function revisionIri(sha256: string): string {
  if (!HEX.test(sha256)) throw new Error(`"${sha256}" is not a SHA-256 (64 lower-case hexadecimal digits)`);
  let bits = 0;
  let value = 0;
  let out = '';
  for (let i = 0; i < 64; i += 2) {
    value = (value << 8) | parseInt(sha256.slice(i, i + 2), 16);
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += B64URL[(value >> bits) & 63];
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += B64URL[(value << (6 - bits)) & 63];
  return NI_PREFIX + out;
}

/** The hex SHA-256 an `ni:///sha-256;…` URI names, or null when `iri` is not one. */
export function sha256OfRevisionIri(iri: string): string | null {
  if (!iri.startsWith(NI_PREFIX)) return null;
  const b64 = iri.slice(NI_PREFIX.length);
  if (b64.length !== 43) return null;
  let bits = 0;
  let value = 0;
  let hex = '';
  for (const c of b64) {
    const v = B64URL.indexOf(c);
    if (v < 0) return null;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      hex += ((value >> bits) & 255).toString(16).padStart(2, '0');
      value &= (1 << bits) - 1;
    }
  }
  return hex.length === 64 ? hex : null;
}

/** The State recording `revision` (see the module comment); `kept` marks a note left on it in a review. */
export function revisionState(revision: RevisionRef, kept = false): RevisionState {
  const state: RevisionState = { id: revisionIri(revision.sha256) };
  if (revision.date && DATE_TIME.test(revision.date)) {
    state.type = 'TimeState';
    state.sourceDate = revision.date;
    if (revision.url) state.cached = revision.url;
  }
  if (kept) state.keptOnRevision = true;
  return state;
}

/** The revision a target records: its SHA-256 and whether it was kept there; null when it records none. */
export function revisionOfTarget(target: TextTarget): { sha256: string; kept: boolean } | null {
  const states = target.state;
  for (const s of Array.isArray(states) ? states : [states]) {
    const iri = typeof s === 'string' ? s : typeof s === 'object' && s !== null ? (s as { id?: unknown }).id : undefined;
    const sha256 = typeof iri === 'string' ? sha256OfRevisionIri(iri) : null;
    if (sha256) return { sha256, kept: typeof s === 'object' && (s as RevisionState).keptOnRevision === true };
  }
  return null;
}

/** `target` recording `revision` as its State (replacing any State it had); every other field kept as it is. */
export function withRevision(target: TextTarget, revision: RevisionRef, kept = false): TextTarget {
  return { ...target, state: revisionState(revision, kept) };
}
