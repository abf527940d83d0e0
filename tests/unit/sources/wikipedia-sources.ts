/**
 * The real Wikipedia files of ../shared/sources (never copied into the repository), read once; tests that need one
 * are skipped with a visible reason when it is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'vitest';

const dir = fileURLToPath(new URL('../../../../shared/', import.meta.url));

/** The bytes of `../shared/<path>`, or null (with a visible skipped test saying why) when absent. */
export function sharedFile(path: string): Buffer | null {
  const full = dir + path;
  if (existsSync(full)) return readFileSync(full);
  test.skip(`SKIPPED: ${full} not found — the tests on it did not run`, () => {});
  return null;
}
