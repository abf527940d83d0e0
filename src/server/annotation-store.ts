/**
 * The annotations of each work, with who may do what, on top of `Database`. Every write is one transaction that
 * takes the work's advisory lock (so change numbers are in commit order), checks the precondition (`If-Match` /
 * `If-None-Match`), writes the annotation and its row in the change log, and NOTIFYs `apparatus_changes` — all
 * or nothing. Reads see only what row-level security lets the acting user see; the rules are also checked here
 * to give clear errors (defence in depth).
 *
 * Rules: a note is `private` (its author only), `group` (members of `apparatus:group`) or `public`. Creating a
 * group note needs membership; a `reader` of the group may only reply. Only the author replaces or deletes; a
 * reply needs its parent to be visible; the group's owners and editors hide and unhide (the note is kept and
 * marked `"apparatus:hidden": true`). The server sets `creator` from the session.
 */
import { readAnnotationItems } from '../anchoring/selectors.ts';
import type { Database, Query } from './db.ts';
import type { User } from './accounts.ts';

export const CHANGES_CHANNEL = 'apparatus_changes';
export type Visibility = 'private' | 'group' | 'public';
export const VISIBILITY = 'apparatus:visibility';
export const GROUP = 'apparatus:group';
export const HIDDEN = 'apparatus:hidden';

/** One stored annotation: its id in the container, its ETag (quoted) and its JSON-LD. */
export interface Stored {
  id: string;
  etag: string;
  body: Record<string, unknown>;
}
export interface Change {
  cursor: number;
  op: 'put' | 'delete';
  id: string;
  etag: string | null;
  annotation?: Record<string, unknown>;
}

/** A refused request: the HTTP status, a message for people, and for 412 the current annotation. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly status: number,
    message: string,
    readonly current?: Stored,
  ) {
    super(message);
  }
}

const WORK = /^[A-Za-z0-9_.-]{1,128}$/;
const ID = /^[A-Za-z0-9_.:-]{1,200}$/;
export const isWorkName = (w: string) => WORK.test(w) && w !== '.' && w !== '..';
export const isAnnotationId = (id: string) => ID.test(id) && id !== '.' && id !== '..' && id !== 'changes' && id !== 'events';

/** The last segment of an IRI (`urn:uuid:X` → X, `http://h/api/annotations/w/X` → X). */
export function lastSegment(iri: string): string {
  return iri.split(/[/:#]/).filter(Boolean).at(-1) ?? '';
}

interface Row {
  id: string;
  etag: string;
  body: Record<string, unknown>;
  author_id: string;
  visibility: Visibility;
  group_id: string | null;
}

/**
 * Checks `raw` as one W3C annotation with the project's validator and the visibility fields.
 * @throws StoreError 400 naming the fields at fault.
 */
export function checkAnnotationBody(raw: unknown, where: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new StoreError(400, `${where}: the body must be one annotation (a JSON object)`);
  const o = raw as Record<string, unknown>;
  if (o['type'] !== 'Annotation' && !(Array.isArray(o['type']) && o['type'].includes('Annotation'))) {
    throw new StoreError(400, `${where}: type must be "Annotation", found ${JSON.stringify(o['type'])}`);
  }
  const { rejected } = readAnnotationItems(o, where, 1, 1);
  if (rejected.length > 0) {
    throw new StoreError(400, `${where}: ${rejected[0]!.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ')}`);
  }
  const v = o[VISIBILITY] ?? 'private';
  if (v !== 'private' && v !== 'group' && v !== 'public') throw new StoreError(400, `${where}: ${VISIBILITY} must be private, group or public, found ${JSON.stringify(v)}`);
  if (v === 'group' && typeof o[GROUP] !== 'string') throw new StoreError(400, `${where}: a group note needs "${GROUP}" (the group id)`);
  return o;
}

export class AnnotationStore {
  constructor(readonly db: Database) {}

  /** The visible annotations of `work` in creation order, `limit` from `offset`, how many there are, and the newest change among them. */
  async list(work: string, user: User | null, offset: number, limit: number): Promise<{ total: number; version: number; items: Stored[] }> {
    return this.db.transaction(user?.id ?? null, async (q) => {
      const [count] = await q<{ n: number | string; v: number | string | null }>(`SELECT count(*) AS n, max(seq) AS v FROM annotations WHERE work = $1`, [work]);
      const items = await q<Stored>(`SELECT id, etag, body FROM annotations WHERE work = $1 ORDER BY created_seq, id OFFSET $2 LIMIT $3`, [work, offset, limit]);
      return { total: Number(count?.n ?? 0), version: Number(count?.v ?? 0), items };
    });
  }

  async get(work: string, id: string, user: User | null): Promise<Stored | null> {
    return this.db.transaction(user?.id ?? null, async (q) => (await this.row(q, work, id)) ?? null);
  }

  /**
   * Creates (`expect` 'absent': If-None-Match * or POST) or replaces (`expect` an ETag: If-Match) annotation `id`.
   * @throws StoreError 401/403/404/409/412 (with the current annotation)/400.
   */
  async put(work: string, id: string, raw: Record<string, unknown>, user: User, expect: 'absent' | string): Promise<Stored> {
    return this.db.transaction(user.id, async (q) => {
      await q(`SELECT pg_advisory_xact_lock(hashtext($1))`, [work]);
      const current = await this.row(q, work, id);
      if (expect === 'absent') {
        if (current) throw new StoreError(412, `annotation ${id} already exists`, strip(current));
      } else {
        if (!current) throw new StoreError(404, `no annotation ${id} in ${work}`);
        if (current.author_id !== user.id) throw new StoreError(403, `only the author of ${id} may change it`);
        if (current.etag !== expect) throw new StoreError(412, `annotation ${id} changed since ${expect} (now ${current.etag})`, strip(current));
      }
      const visibility = (raw[VISIBILITY] ?? 'private') as Visibility;
      const groupId = visibility === 'group' ? String(raw[GROUP]) : null;
      await this.checkMayPost(q, work, raw, user, visibility, groupId);
      const body: Record<string, unknown> = { ...raw, creator: { id: `urn:apparatus:user:${user.id}`, type: 'Person', name: user.name }, [VISIBILITY]: visibility };
      if (current?.body[HIDDEN] === true) body[HIDDEN] = true;
      else delete body[HIDDEN];
      return this.write(q, work, id, body, user.id, visibility, groupId, current !== undefined);
    });
  }

  /** Deletes `id` when `ifMatch` is its ETag; only its author may. */
  async remove(work: string, id: string, user: User, ifMatch: string): Promise<void> {
    await this.db.transaction(user.id, async (q) => {
      await q(`SELECT pg_advisory_xact_lock(hashtext($1))`, [work]);
      const current = await this.row(q, work, id);
      if (!current) throw new StoreError(404, `no annotation ${id} in ${work}`);
      if (current.author_id !== user.id) throw new StoreError(403, `only the author of ${id} may delete it`);
      if (current.etag !== ifMatch) throw new StoreError(412, `annotation ${id} changed since ${ifMatch} (now ${current.etag})`, strip(current));
      const [c] = await q<{ seq: string | number }>(
        `INSERT INTO changes (work, id, op, etag, author_id, visibility, group_id) VALUES ($1, $2, 'delete', NULL, $3, $4, $5) RETURNING seq`,
        [work, id, current.author_id, current.visibility, current.group_id],
      );
      await q(`DELETE FROM annotations WHERE work = $1 AND id = $2`, [work, id]);
      await q(`SELECT pg_notify($1, $2)`, [CHANGES_CHANNEL, JSON.stringify({ work, cursor: Number(c!.seq) })]);
    });
  }

  /** Hides or shows again a group note; the group's owners and editors may. */
  async setHidden(work: string, id: string, user: User, hidden: boolean): Promise<Stored> {
    return this.db.transaction(user.id, async (q) => {
      await q(`SELECT pg_advisory_xact_lock(hashtext($1))`, [work]);
      const current = await this.row(q, work, id);
      if (!current) throw new StoreError(404, `no annotation ${id} in ${work}`);
      const [may] = await q<{ ok: boolean }>(`SELECT app_can_moderate($1::uuid) AS ok`, [current.group_id]);
      if (!may?.ok) throw new StoreError(403, `only the owners and editors of the note's group may hide or unhide it`);
      const body = { ...current.body };
      if (hidden) body[HIDDEN] = true;
      else delete body[HIDDEN];
      return this.write(q, work, id, body, current.author_id, current.visibility, current.group_id, true, hidden);
    });
  }

  /** What `user` may see of the changes to `work` after `since`, in commit order (at most `limit`). */
  async changes(work: string, since: number, user: User | null, limit = 1000): Promise<{ cursor: number; changes: Change[] }> {
    return this.db.transaction(user?.id ?? null, async (q) => {
      const rows = await q<{ seq: string | number; op: 'put' | 'delete'; id: string; etag: string | null; body: Record<string, unknown> | null }>(
        `SELECT seq, op, id, etag, body FROM changes WHERE work = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
        [work, since, limit],
      );
      const changes = rows.map((r): Change => ({ cursor: Number(r.seq), op: r.op, id: r.id, etag: r.etag, ...(r.body ? { annotation: r.body } : {}) }));
      return { cursor: changes.at(-1)?.cursor ?? since, changes };
    });
  }

  private async row(q: Query, work: string, id: string): Promise<Row | undefined> {
    const [row] = await q<Row>(`SELECT id, etag, body, author_id, visibility, group_id FROM annotations WHERE work = $1 AND id = $2`, [work, id]);
    return row;
  }

  private async checkMayPost(q: Query, work: string, raw: Record<string, unknown>, user: User, visibility: Visibility, groupId: string | null): Promise<void> {
    const target = raw['target'];
    const isReply = typeof target === 'string';
    if (isReply) {
      const parent = await this.row(q, work, lastSegment(target));
      if (!parent) throw new StoreError(409, `the reply's target ${target} is not an annotation of ${work} that you can see`);
    }
    if (visibility !== 'group') return;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(groupId ?? '')) {
      throw new StoreError(400, `${GROUP} must be a group id (a UUID), found ${JSON.stringify(groupId)}`);
    }
    const [m] = await q<{ role: string }>(`SELECT role FROM memberships WHERE group_id = $1::uuid AND user_id = $2`, [groupId, user.id]);
    if (!m) throw new StoreError(403, `you are not a member of group ${groupId}`);
    if (m.role === 'reader' && !isReply) throw new StoreError(403, `a reader of group ${groupId} may reply but not post notes`);
  }

  private async write(q: Query, work: string, id: string, body: Record<string, unknown>, authorId: string, visibility: Visibility, groupId: string | null, exists: boolean, hidden?: boolean): Promise<Stored> {
    const [c] = await q<{ seq: string | number }>(`SELECT nextval('changes_seq_seq') AS seq`, []);
    const seq = Number(c!.seq);
    const etag = `"${seq}"`;
    await q(
      `INSERT INTO changes (seq, work, id, op, etag, author_id, visibility, group_id, body) VALUES ($1, $2, $3, 'put', $4, $5, $6, $7, $8)`,
      [seq, work, id, etag, authorId, visibility, groupId, body],
    );
    if (exists) {
      await q(`UPDATE annotations SET body = $3, etag = $4, seq = $5, visibility = $6, group_id = $7, hidden = coalesce($8, hidden) WHERE work = $1 AND id = $2`, [work, id, body, etag, seq, visibility, groupId, hidden ?? null]);
    } else {
      await q(`INSERT INTO annotations (work, id, author_id, visibility, group_id, etag, body, seq, created_seq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`, [work, id, authorId, visibility, groupId, etag, body, seq]);
    }
    await q(`SELECT pg_notify($1, $2)`, [CHANGES_CHANNEL, JSON.stringify({ work, cursor: seq })]);
    return { id, etag, body };
  }
}

function strip(row: Row): Stored {
  return { id: row.id, etag: row.etag, body: row.body };
}
