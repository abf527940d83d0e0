/**
 * What one change from the server's feed does to the page (pure): other members' notes come in, deletions go out,
 * and a local change not yet delivered is never overwritten — it becomes a conflict keeping both versions.
 *
 * Notes are matched by their server id (`serverId`), so the server's form of an id (an IRI under its container) and
 * the page's (`urn:uuid:…`) name one note, never two: a remote note takes the id the page already knows it by, and a
 * reply's target is rewritten to the page's id of its parent.
 */
import type { Annotation } from '../anchoring/annotation-types.ts';
import { levelRecord, sameNote, serverId, type OutboxRecord } from './outbox-record.ts';

/** One change of the feed (`GET …/changes` items and SSE `change` events, docs/annotation-server.md). */
export interface RemoteChange {
  cursor?: string;
  op: 'put' | 'delete';
  id: string;
  etag: string | null;
  annotation?: Annotation;
}

/** What to do with a remote change. `record` is the outbox record to store for the note (null: remove it). */
export type RemotePlan =
  | { kind: 'put'; annotation: Annotation; record: OutboxRecord }
  | { kind: 'remove'; id: string; record: null }
  | { kind: 'conflict'; record: OutboxRecord }
  | { kind: 'level'; record: OutboxRecord | null };

/**
 * Checks a change as received (from JSON) and says what is wrong with it, or null when it is one.
 */
export function remoteChangeProblem(x: unknown): string | null {
  if (typeof x !== 'object' || x === null) return 'a change must be an object';
  const c = x as Record<string, unknown>;
  if (c['op'] !== 'put' && c['op'] !== 'delete') return `a change's op must be "put" or "delete", got ${JSON.stringify(c['op'])}`;
  if (typeof c['id'] !== 'string' || !c['id']) return "a change needs an id (string)";
  if (c['op'] === 'put') {
    const a = c['annotation'] as Record<string, unknown> | undefined;
    if (!a || typeof a !== 'object' || a['type'] !== 'Annotation' || typeof a['id'] !== 'string') return `the change "put ${c['id']}" carries no annotation`;
  }
  return null;
}

/**
 * The plan for `change` on work `work`. `localIdOf(serverId)` gives the page's id of a note it holds (undefined when
 * none), `local` the note the page holds under that id, `record` its outbox record.
 */
export function planRemote(
  change: RemoteChange,
  work: string,
  localIdOf: (serverId: string) => string | undefined,
  local: Annotation | undefined,
  record: OutboxRecord | undefined,
): RemotePlan {
  const id = localIdOf(serverId(change.id)) ?? change.annotation?.id ?? change.id;
  const pending = record !== undefined && record.op !== null;
  if (change.op === 'put') {
    const remote = localForm(change.annotation!, id, localIdOf);
    if (pending) {
      if (record.op === 'put' && !record.conflict && sameNote(record.annotation, remote)) return { kind: 'level', record: levelRecord(work, id, change.etag) };
      return { kind: 'conflict', record: { ...record, id, conflict: { annotation: remote, etag: change.etag } } };
    }
    const level = levelRecord(work, id, change.etag);
    if (local && sameNote(local, remote)) return { kind: 'level', record: level };
    return { kind: 'put', annotation: remote, record: level };
  }
  if (pending) {
    if (record.op === 'delete') return { kind: 'level', record: null };
    return { kind: 'conflict', record: { ...record, id, conflict: { annotation: null, etag: null } } };
  }
  return local ? { kind: 'remove', id, record: null } : { kind: 'level', record: null };
}

/** `a` under the page's id `id`, its reply target (if any) under the page's id of the parent when it has one. */
function localForm(a: Annotation, id: string, localIdOf: (serverId: string) => string | undefined): Annotation {
  const target = typeof a.target === 'string' ? (localIdOf(serverId(a.target)) ?? a.target) : a.target;
  return a.id === id && target === a.target ? a : { ...a, id, target };
}
