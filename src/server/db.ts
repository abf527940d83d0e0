/**
 * The one storage interface of the annotation server, with two engines speaking the same SQL: PGlite (PostgreSQL
 * compiled to WebAssembly, embedded, data in a folder; one process only) and PostgreSQL through `pg` (any number
 * of processes). `openDatabase` picks PostgreSQL when a connection string is given.
 *
 * Every statement runs inside `transaction`: BEGIN, `SET LOCAL ROLE apparatus_app` (the role the row-level
 * security policies hold), the acting user in `app.user_id` for this transaction only, the work, COMMIT — or
 * ROLLBACK on any error, so no write is ever partial.
 */

/** Runs one statement with `$1…` parameters and returns its rows. */
export type Query = <R = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => Promise<R[]>;

export interface Database {
  /** 'pglite' or 'postgres' (for messages and bench keys). */
  readonly engine: 'pglite' | 'postgres';
  /** Runs `work` in one transaction as `userId` (null: nobody signed in). Rolls back when `work` throws. */
  transaction<T>(userId: string | null, work: (query: Query) => Promise<T>): Promise<T>;
  /** Runs statements outside the app role (migrations, administration) in one transaction, as the connecting role. */
  admin<T>(work: (query: Query) => Promise<T>): Promise<T>;
  /** Calls `onPayload` for every NOTIFY on `channel` (from any process on the database); `onReconnect` after a lost listener came back. */
  listen(channel: string, onPayload: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Opens PostgreSQL when `databaseUrl` is set, else PGlite with its data in `dataDir`. */
export async function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string }): Promise<Database> {
  if (options.databaseUrl) return (await import('./pg-database.ts')).openPostgres(options.databaseUrl);
  return (await import('./pglite-database.ts')).openPglite(options.dataDir);
}

/** The statements every app transaction starts with (the role and the acting user, for this transaction only). */
export const APP_ROLE = 'apparatus_app';
export async function enterAppRole(query: Query, userId: string | null): Promise<void> {
  await query(`SET LOCAL ROLE ${APP_ROLE}`);
  await query(`SELECT set_config('app.user_id', $1, true)`, [userId ?? '']);
}
