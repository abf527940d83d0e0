/**
 * PostgreSQL through `pg`: a pool for transactions and one dedicated connection that LISTENs. When that
 * connection is lost (the database restarted), it reconnects with backoff and calls `onReconnect`, so callers can
 * catch up on what was committed meanwhile (the change log makes that exact). A pooled connection lost mid-
 * transaction fails that transaction: nothing of it is committed.
 */
import pg from 'pg';
import { enterAppRole, type Database, type Query } from './db.ts';

export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle pooled connection that dies (database restart) must not kill the process; the pool drops it.
  pool.on('error', () => {});
  const listeners = new Set<pg.Client>();
  let closed = false;
  const inTransaction = async <T>(work: (query: Query) => Promise<T>, userId: string | null | undefined): Promise<T> => {
    const client = await pool.connect();
    const query: Query = async <R>(sql: string, params?: readonly unknown[]) =>
      (await client.query(sql, params ? [...params] : undefined)).rows as R[];
    let broken = false;
    try {
      await client.query('BEGIN');
      if (userId !== undefined) await enterAppRole(query, userId);
      const result = await work(query);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw e;
    } finally {
      client.release(broken);
    }
  };
  return {
    engine: 'postgres',
    transaction: (userId, work) => inTransaction(work, userId),
    admin: (work) => inTransaction(work, undefined),
    listen: async (channel, onPayload, onReconnect) => {
      let current: pg.Client | null = null;
      let stopped = false;
      const connect = async (attempt: number): Promise<void> => {
        if (stopped || closed) return;
        const client = new pg.Client({ connectionString });
        client.on('notification', (m) => {
          if (m.channel === channel && m.payload !== undefined) onPayload(m.payload);
        });
        client.on('error', () => {
          listeners.delete(client);
          if (current === client) current = null;
          void client.end().catch(() => {});
          setTimeout(() => void connect(1), 200).unref();
        });
        try {
          await client.connect();
          await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
          current = client;
          listeners.add(client);
          if (attempt > 0) onReconnect?.();
        } catch {
          void client.end().catch(() => {});
          setTimeout(() => void connect(attempt + 1), Math.min(5000, 200 * 2 ** Math.min(attempt, 5))).unref();
        }
      };
      await connect(0);
      if (!current) throw new Error(`cannot LISTEN on ${channel}: the database is not reachable`);
      return async () => {
        stopped = true;
        const c = current as pg.Client | null;
        if (c) {
          listeners.delete(c);
          await c.end().catch(() => {});
        }
      };
    },
    close: async () => {
      closed = true;
      await Promise.all([...listeners].map((c) => c.end().catch(() => {})));
      await pool.end();
    },
  };
}
