/**
 * The embedded engine: PGlite with its data in a folder. PGlite is one PostgreSQL backend inside this process, so
 * only ONE process may open a data folder (run several server processes on PostgreSQL instead). Its transactions
 * are serialised by PGlite itself; NOTIFY reaches listeners of this same instance.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { enterAppRole, type Database, type Query } from './db.ts';

export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  const run = (tx: { query: PGlite['query']; exec: PGlite['exec'] }): Query =>
    async <R>(sql: string, params?: readonly unknown[]) => {
      // Without parameters a text may hold several statements (migrations): PGlite runs those with `exec`.
      if (params === undefined) return ((await tx.exec(sql)).at(-1)?.rows ?? []) as R[];
      return (await tx.query<R>(sql, [...params])).rows;
    };
  return {
    engine: 'pglite',
    transaction: (userId, work) =>
      pg.transaction(async (tx) => {
        const query = run(tx);
        await enterAppRole(query, userId);
        return work(query);
      }),
    admin: (work) => pg.transaction(async (tx) => work(run(tx))),
    listen: async (channel, onPayload) => {
      const unsubscribe = await pg.listen(channel, onPayload);
      return unsubscribe;
    },
    close: () => pg.close(),
  };
}
