/**
 * Numbered migrations (migrations/NNN-name.sql), applied at start in order, each in its own transaction together
 * with its record in `schema_migrations`; one already recorded is never run again. Migrations only ever add.
 * An advisory lock keeps two processes starting at once from applying the same migration twice.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './db.ts';

/** The folder of the .sql files: beside this module, or (compiled CLI in dist-cli/) in src/server/migrations. */
export function migrationsDir(): string {
  const here = fileURLToPath(new URL('./migrations/', import.meta.url));
  if (existsSync(here)) return here;
  return fileURLToPath(new URL('../../src/server/migrations/', import.meta.url));
}

/** Applies the migrations not yet recorded; returns the names applied now. */
export async function migrate(db: Database, dir = migrationsDir()): Promise<string[]> {
  const files = readdirSync(dir).filter((f) => /^\d{3}-[\w-]+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  await db.admin(async (q) => {
    await q(`SELECT pg_advisory_xact_lock(4242001)`, []);
    await q(`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())`, []);
  });
  for (const file of files) {
    await db.admin(async (q) => {
      await q(`SELECT pg_advisory_xact_lock(4242001)`, []);
      const done = await q(`SELECT 1 FROM schema_migrations WHERE name = $1`, [file]);
      if (done.length > 0) return;
      await q(readFileSync(`${dir}/${file}`, 'utf8'));
      await q(`INSERT INTO schema_migrations (name) VALUES ($1)`, [file]);
      applied.push(file);
    });
  }
  return applied;
}
