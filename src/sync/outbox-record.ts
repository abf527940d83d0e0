/**
 * The outbox's records and the pure rules of delivery (no DOM, no network): what a local change becomes in the
 * outbox, which request delivers it, and what the server's answer means.
 *
 * One record per annotation of a work, keyed by the annotation's id, so the outbox is idempotent: a newer change of
 * a note replaces the older one still waiting (only the latest version is ever sent), and sending a record twice
 * does the same as once — a note is created at the client's own id with `If-None-Match: *` and updated with
 * `If-Match: <etag>` (docs/annotation-server.md). A record also remembers the server's ETag of the note once
 * delivered (`op: null`), which the next update needs. A record whose change met a newer version on the server is
 * a `conflict`: it keeps both versions and is not sent again until the author chooses (`resolveConflict`).
 */
import type { Annotation } from '../anchoring/annotation-types.ts';
import { canonicalJson } from '../anchoring/canonical-json.ts';

/** A change waiting to be sent, or none (`null`: the note is level with the server). */
export type OutboxOp = 'put' | 'delete' | null;

/** The server's version met by a change (null annotation: the server deleted the note). */
export interface RemoteVersion {
  annotation: Annotation | null;
  etag: string | null;
}

/** One record of the outbox (format 1). */
export interface OutboxRecord {
  v: 1;
  work: string;
  /** the annotation's id as the page knows it (e.g. `urn:uuid:…`) */
  id: string;
  op: OutboxOp;
  /** the version to send (for `put`) */
  annotation: Annotation | null;
  /** the server's ETag of the note as last seen; null when the server does not have it */
  etag: string | null;
  /** failed attempts of this change so far (for the backoff) */
  attempts: number;
  /** not before this time (ms since the epoch) */
  notBefore: number;
  /** the newer version met on the server: kept beside the local one until the author chooses */
  conflict: RemoteVersion | null;
  /** why the server refused the change for good (shown; not retried until changed again), or null */
  refused: string | null;
}

/** The last segment of an annotation IRI (`urn:uuid:X` → `X`, `http://h/api/annotations/w/X` → `X`): its id on the server. */
export function serverId(iri: string): string {
  const trimmed = iri.replace(/\/+$/, '');
  const seg = trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':')) + 1);
  return seg || trimmed;
}

/** A record of `id` level with the server at `etag` (nothing to send). */
export function levelRecord(work: string, id: string, etag: string | null): OutboxRecord {
  return { v: 1, work, id, op: null, annotation: null, etag, attempts: 0, notBefore: 0, conflict: null, refused: null };
}

/**
 * The record after a local change of the note (`annotation` null: deleted) on top of `previous` (what the outbox held
 * for that id, if anything): the newest change replaces a waiting one; the known ETag and any conflict are kept.
 * A deletion of a note the server never had leaves nothing to send.
 */
export function withLocalChange(previous: OutboxRecord | undefined, work: string, id: string, annotation: Annotation | null): OutboxRecord {
  const base = previous ?? levelRecord(work, id, null);
  if (!annotation && base.etag === null && !base.conflict) return { ...base, op: null, annotation: null, attempts: 0, notBefore: 0, refused: null };
  return { ...base, op: annotation ? 'put' : 'delete', annotation, attempts: 0, notBefore: 0, refused: null };
}

/** Whether the record waits to be sent now or later (a conflict or a refusal waits for the author). */
export function isWaiting(r: OutboxRecord): boolean {
  return r.op !== null;
}

/** Whether the record may be sent at `now`. */
export function isDue(r: OutboxRecord, now: number): boolean {
  return r.op !== null && !r.conflict && !r.refused && r.notBefore <= now;
}

/** The media type of annotations (W3C Web Annotation Protocol). */
export const ANNOTATION_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** How new notes are shared: the `apparatus:visibility` (and `apparatus:group`) the server reads. */
export interface Sharing {
  visibility: 'private' | 'group' | 'public';
  group: string | null;
}

/** One HTTP request, as data. */
export interface OutboxRequest {
  method: 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** A note as sent: `sharing` is added to a note that does not say how it is shared yet. */
export function withSharing(a: Annotation, sharing: Sharing): Annotation {
  const x = a as Annotation & Record<string, unknown>;
  if (typeof x['apparatus:visibility'] === 'string') return a;
  const out: Record<string, unknown> = { ...a, 'apparatus:visibility': sharing.visibility };
  if (sharing.visibility === 'group' && sharing.group) out['apparatus:group'] = sharing.group;
  return out as unknown as Annotation;
}

/**
 * The request that delivers a due record (`isDue`), under `/api/annotations/<work>/<serverId>`: PUT with
 * `If-None-Match: *` when the server does not have the note, PUT with `If-Match` when it does, DELETE with `If-Match`.
 * @throws Error when the record has nothing to send.
 */
export function requestFor(r: OutboxRecord, sharing: Sharing): OutboxRequest {
  const url = `/api/annotations/${encodeURIComponent(r.work)}/${encodeURIComponent(serverId(r.id))}`;
  if (r.op === 'put' && r.annotation) {
    const headers: Record<string, string> = { 'Content-Type': ANNOTATION_MEDIA_TYPE, Accept: ANNOTATION_MEDIA_TYPE };
    if (r.etag === null) headers['If-None-Match'] = '*';
    else headers['If-Match'] = r.etag;
    return { method: 'PUT', url, headers, body: JSON.stringify(withSharing(r.annotation, sharing)) };
  }
  if (r.op === 'delete' && r.etag !== null) return { method: 'DELETE', url, headers: { 'If-Match': r.etag } };
  throw new Error(`The outbox record for ${r.id} on ${r.work} has nothing to send (op ${String(r.op)}).`);
}

/** Fields the server manages or may rewrite: left out when comparing what two versions of a note say. */
const SERVER_FIELDS = new Set(['@context', 'id', 'creator', 'created', 'modified', 'generator', 'generated', 'apparatus:hidden', 'apparatus:visibility', 'apparatus:group']);

/**
 * What a note says, for comparing a local and a server version (ids of reply targets by their server id), in
 * canonical JSON: the server's store (`jsonb`) does not keep the order of keys.
 */
function said(a: Annotation): string {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(a).sort()) {
    if (SERVER_FIELDS.has(key)) continue;
    const value = (a as unknown as Record<string, unknown>)[key];
    out[key] = key === 'target' && typeof value === 'string' ? serverId(value) : value;
  }
  return canonicalJson(out);
}

/** Whether two versions of a note say the same (ignoring what the server sets: id form, creator, times, sharing). */
export function sameNote(a: Annotation | null, b: Annotation | null): boolean {
  if (!a || !b) return a === b;
  return said(a) === said(b);
}

/** What the server's answer to a delivery means for its record. */
export type DeliveryOutcome =
  | { kind: 'delivered'; etag: string | null }
  | { kind: 'conflict'; remote: RemoteVersion }
  | { kind: 'retry'; reason: string }
  | { kind: 'signed-out' }
  | { kind: 'refused'; reason: string };

/**
 * The meaning of the answer `status` (with its `etag` header and parsed `body`, null when none or not JSON) to
 * `requestFor(r)`; `status` 0 means no answer (offline, refused connection).
 * - 2xx: delivered (a 404 to a DELETE too: the note is gone either way);
 * - 412: the server holds another version — delivered when it says the same as ours (an earlier attempt landed),
 *   else a conflict keeping the server's version; a 404 to a PUT with `If-Match` is a conflict with a deletion;
 * - 401: signed out (waits for a sign-in, not an attempt); 0, 408, 429 and 5xx: retry later;
 * - any other 4xx: refused for good, with the server's reason (kept and shown, never dropped).
 */
export function deliveryOutcome(r: OutboxRecord, status: number, etag: string | null, body: unknown): DeliveryOutcome {
  const reason = typeof body === 'object' && body && typeof (body as { error?: unknown }).error === 'string' ? (body as { error: string }).error : `HTTP ${status}`;
  if (status >= 200 && status < 300) return { kind: 'delivered', etag: r.op === 'delete' ? null : etag };
  if (status === 404 && r.op === 'delete') return { kind: 'delivered', etag: null };
  if (status === 412) {
    const remote = isAnnotation(body) ? body : null;
    if (r.op === 'put' && remote && sameNote(r.annotation, remote)) return { kind: 'delivered', etag };
    return { kind: 'conflict', remote: { annotation: remote, etag } };
  }
  if (status === 404 && r.op === 'put' && r.etag !== null) return { kind: 'conflict', remote: { annotation: null, etag: null } };
  if (status === 401) return { kind: 'signed-out' };
  if (status === 0) return { kind: 'retry', reason: 'the server could not be reached' };
  if (status === 408 || status === 429 || status >= 500) return { kind: 'retry', reason };
  return { kind: 'refused', reason: `The server refused this change (${status}): ${reason}` };
}

function isAnnotation(x: unknown): x is Annotation {
  return typeof x === 'object' && x !== null && typeof (x as { id?: unknown }).id === 'string' && (x as { type?: unknown }).type === 'Annotation';
}

/** The record after `outcome`; `delay` is the wait before a retry (see backoff.ts), `now` the clock. */
export function afterDelivery(r: OutboxRecord, outcome: DeliveryOutcome, now: number, delay: number): OutboxRecord {
  switch (outcome.kind) {
    case 'delivered':
      return levelRecord(r.work, r.id, outcome.etag);
    case 'conflict':
      return { ...r, conflict: outcome.remote };
    case 'retry':
      return { ...r, attempts: r.attempts + 1, notBefore: now + delay };
    case 'signed-out':
      return r;
    case 'refused':
      return { ...r, refused: outcome.reason };
  }
}

/**
 * The record after the author chose in a conflict: `mine` sends the local version again over the server's one
 * (If-Match its ETag; created anew when the server deleted it); `theirs` takes the server's version (nothing to send).
 * @throws Error when the record is not in conflict.
 */
export function resolveConflict(r: OutboxRecord, keep: 'mine' | 'theirs'): OutboxRecord {
  if (!r.conflict) throw new Error(`The note ${r.id} on ${r.work} is not in conflict.`);
  const remote = r.conflict;
  if (keep === 'theirs') return levelRecord(r.work, r.id, remote.annotation ? remote.etag : null);
  const etag = remote.annotation ? remote.etag : null;
  if (r.op === 'delete' && etag === null) return levelRecord(r.work, r.id, null);
  return { ...r, etag, conflict: null, attempts: 0, notBefore: 0 };
}
