/**
 * Accounts, groups and sessions. Passwords are hashed with Node's scrypt (random 16-byte salt, N=16384, r=8, p=1)
 * and compared in constant time; an unknown name costs the same hash. A session token is 32 random bytes given to
 * the browser once (cookie) and stored only as its SHA-256.
 */
import { createHash, randomBytes, randomUUID, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Database } from './db.ts';

export type Role = 'owner' | 'editor' | 'member' | 'reader';
export const ROLES: readonly Role[] = ['owner', 'editor', 'member', 'reader'];
export interface User {
  id: string;
  name: string;
}
export interface Membership {
  id: string;
  name: string;
  role: Role;
}

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, options, (e, key) => (e ? reject(e) : resolve(key))));
const PARAMS = { N: 16384, r: 8, p: 1 };

/** `scrypt$N$r$p$salt$hash` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** True when `password` matches `stored` (constant-time compare); false for a malformed `stored`. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const NAME = /^[A-Za-z0-9_.-]{1,64}$/;
function checkName(kind: string, name: string): void {
  if (!NAME.test(name)) throw new AccountError(`${kind} name ${JSON.stringify(name)} must be 1–64 letters, digits, '.', '_' or '-'`);
}

/** A refused administration step (unknown user, duplicate name, bad role…), with a message for people. */
export class AccountError extends Error {
  override readonly name = 'AccountError';
}

export async function addUser(db: Database, name: string, password: string): Promise<User> {
  checkName('user', name);
  if (password.length < 8) throw new AccountError('the password must have at least 8 characters');
  const hash = await hashPassword(password);
  return db.admin(async (q) => {
    if ((await q(`SELECT 1 FROM users WHERE name = $1`, [name])).length) throw new AccountError(`user ${name} already exists`);
    const id = randomUUID();
    await q(`INSERT INTO users (id, name, password_hash) VALUES ($1, $2, $3)`, [id, name, hash]);
    return { id, name };
  });
}

export async function addGroup(db: Database, name: string, owner: string): Promise<{ id: string; name: string }> {
  checkName('group', name);
  return db.admin(async (q) => {
    const [user] = await q<{ id: string }>(`SELECT id FROM users WHERE name = $1`, [owner]);
    if (!user) throw new AccountError(`no user ${owner}`);
    if ((await q(`SELECT 1 FROM groups WHERE name = $1`, [name])).length) throw new AccountError(`group ${name} already exists`);
    const id = randomUUID();
    await q(`INSERT INTO groups (id, name) VALUES ($1, $2)`, [id, name]);
    await q(`INSERT INTO memberships (group_id, user_id, role) VALUES ($1, $2, 'owner')`, [id, user.id]);
    return { id, name };
  });
}

/** Adds `user` to `group` with `role`, or changes the role of a member. */
export async function joinGroup(db: Database, group: string, user: string, role: string): Promise<void> {
  if (!(ROLES as readonly string[]).includes(role)) throw new AccountError(`role must be one of ${ROLES.join(', ')}, not ${JSON.stringify(role)}`);
  await db.admin(async (q) => {
    const [g] = await q<{ id: string }>(`SELECT id FROM groups WHERE name = $1`, [group]);
    if (!g) throw new AccountError(`no group ${group}`);
    const [u] = await q<{ id: string }>(`SELECT id FROM users WHERE name = $1`, [user]);
    if (!u) throw new AccountError(`no user ${user}`);
    await q(
      `INSERT INTO memberships (group_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (group_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
      [g.id, u.id, role],
    );
  });
}

const SESSION_DAYS = 30;
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Checks the credentials; on success stores a new session and returns its token. */
export async function signIn(db: Database, name: string, password: string): Promise<{ token: string; user: User } | null> {
  const [row] = await db.transaction(null, (q) => q<{ id: string; name: string; password_hash: string }>(`SELECT id, name, password_hash FROM users WHERE name = $1`, [name]));
  const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok) return null;
  const token = randomBytes(32).toString('base64url');
  await db.transaction(row.id, (q) =>
    q(`INSERT INTO sessions (token_hash, user_id, expires) VALUES ($1, $2, now() + make_interval(days => $3))`, [tokenHash(token), row.id, SESSION_DAYS]),
  );
  return { token, user: { id: row.id, name: row.name } };
}

export async function signOut(db: Database, token: string): Promise<void> {
  await db.transaction(null, (q) => q(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash(token)]));
}

/** The user of a live session, or null. */
export async function sessionUser(db: Database, token: string): Promise<User | null> {
  const [row] = await db.transaction(null, (q) =>
    q<User>(`SELECT u.id, u.name FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires > now()`, [tokenHash(token)]),
  );
  return row ?? null;
}

export async function groupsOf(db: Database, userId: string): Promise<Membership[]> {
  return db.transaction(userId, (q) =>
    q<Membership>(`SELECT g.id, g.name, m.role FROM memberships m JOIN groups g ON g.id = m.group_id WHERE m.user_id = $1 ORDER BY g.name`, [userId]),
  );
}
