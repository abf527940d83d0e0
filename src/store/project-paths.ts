/**
 * Where a path inside the project's data folders really leads (Node): the dev server serves and writes only files
 * whose real path — every symbolic link followed (`realpath`) — lies inside the real `corpus/` or `annotations/`
 * folder they were asked under, with no hidden segment (`.git`, temporary files) on the way.
 *
 * The data folders themselves may be links (the project decides where its data lives); a link inside them may
 * point anywhere within them, never out. So `corpus/root -> /` serves nothing, and `annotations/kavbiuro.jsonld ->
 * ../../elsewhere.jsonld` is neither read nor written.
 */
import { lstat, readlink, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** Where `path` leads: `real` (its real path, inside `folder`) or why it may not be used. */
export type Containment =
  | { ok: true; real: string; exists: boolean }
  | { ok: false; reason: string };

/** True when `child` (an absolute path) is `parent` or lies under it, and no segment below `parent` is hidden. */
export function insideVisibly(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  if (rel === '') return false;
  if (rel.startsWith('..') || isAbsolute(rel)) return false;
  return !rel.split(sep).some((segment) => segment.startsWith('.'));
}

/**
 * Resolves `path` (an absolute path under `folder`) to its real path and checks it stays inside `folder`'s real
 * path. A path that does not exist yet resolves through its nearest existing parent (so a new file may be written);
 * a dangling link resolves to where it points. Never throws for a missing file; `exists` says whether it is there.
 */
export async function containedRealPath(folder: string, path: string): Promise<Containment> {
  let realFolder: string;
  try {
    realFolder = await realpath(folder);
  } catch {
    realFolder = resolve(folder);
  }
  const resolved = await resolveLinks(path, 0);
  if (!resolved) return { ok: false, reason: 'it is a chain of more than 40 symbolic links' };
  if (!insideVisibly(realFolder, resolved.real)) {
    return { ok: false, reason: `it leads outside ${folder} (to ${resolved.real})` };
  }
  return { ok: true, real: resolved.real, exists: resolved.exists };
}

async function resolveLinks(path: string, depth: number): Promise<{ real: string; exists: boolean } | null> {
  if (depth > 40) return null;
  try {
    return { real: await realpath(path), exists: true };
  } catch {
    // Missing, or a dangling link: follow the link by hand, else resolve the parent and append the name.
  }
  const info = await lstat(path).catch(() => null);
  if (info?.isSymbolicLink()) {
    const to = await readlink(path);
    return resolveLinks(resolve(dirname(path), to), depth + 1);
  }
  const parent = dirname(path);
  if (parent === path) return { real: path, exists: false };
  const up = await resolveLinks(parent, depth + 1);
  if (!up) return null;
  return { real: resolve(up.real, basename(path)), exists: false };
}
