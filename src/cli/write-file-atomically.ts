/**
 * Writing a file so that readers see the old content or the new, never half of it, and nothing else is touched:
 * the data goes to a new temporary file beside the target, created exclusively (`wx`: it fails rather than follow
 * a planted symlink or reuse an existing file) under an unpredictable name, then renamed over the target. On any
 * failure the temporary file is removed and the target is left as it was.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The temporary name for `path`: hidden, in the same directory (so the rename stays on one file system), random. */
export function temporaryNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(12).toString('hex')}.tmp`);
}

/**
 * Writes `data` (a string as UTF-8, or bytes as they are) to `path` atomically (see the module comment), creating missing parent directories.
 * Rejects with a clear error when `path` is a directory; the temporary file never outlives the call. `tmp` is
 * for tests (a name chosen in advance); when something already exists there, even a dangling symlink, the call
 * fails with `EEXIST` and leaves it alone.
 */
export async function writeFileAtomically(path: string, data: string | Uint8Array, tmp: string = temporaryNameFor(path)): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) throw new Error(`${path} is a directory; give a file name`);
  const handle = await open(tmp, 'wx', 0o666);
  try {
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
