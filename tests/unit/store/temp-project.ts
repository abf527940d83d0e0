/**
 * A temporary project for tests of the project's own Vite config (dev server, build, preview): a folder with the
 * Kavbiuro corpus and `annotations/kavbiuro.jsonld`, named by `$APPARATUS_PROJECT_ROOT` until `remove()`.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder (where vite.config.ts is). */
export const PROJECT = fileURLToPath(new URL('../../../', import.meta.url));

/** Makes the folder (`prefix` names it in the temp dir) holding `notesFile` as the work's notes, and points the variable at it. */
export async function tempProject(prefix: string, notesFile: string): Promise<{ root: string; remove: () => Promise<void> }> {
  const previous = process.env['APPARATUS_PROJECT_ROOT'];
  const root = await mkdtemp(join(tmpdir(), prefix));
  await cp(join(PROJECT, 'corpus', 'kavbiuro'), join(root, 'corpus', 'kavbiuro'), { recursive: true });
  await mkdir(join(root, 'annotations'));
  await writeFile(join(root, 'annotations', 'kavbiuro.jsonld'), notesFile);
  process.env['APPARATUS_PROJECT_ROOT'] = root;
  return {
    root,
    remove: async () => {
      if (previous === undefined) delete process.env['APPARATUS_PROJECT_ROOT'];
      else process.env['APPARATUS_PROJECT_ROOT'] = previous;
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** `http://127.0.0.1:<port>` of a listening server's address. @throws when it has no port. */
export function localUrl(address: string | AddressInfo | null | undefined): string {
  if (!address || typeof address === 'string') throw new Error('the server has no port');
  return `http://127.0.0.1:${address.port}`;
}
