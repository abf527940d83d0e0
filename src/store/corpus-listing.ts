/**
 * The project's works, for the library (`GET /api/corpus` of the dev server, project-save-plugin.ts): every folder
 * `corpus/<id>/` holding a `text.txt` and a readable `work.json`, with what the library shows of it. A folder whose
 * work.json cannot be read is listed under `unreadable` with the reason (never silently left out). Node only.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseWorkMeta } from '../model/work.ts';

/** A project work as the library lists it. */
export interface CorpusEntry {
  id: string;
  title: string;
  source: string;
  language: string;
  revision?: string;
  format?: string;
}

/** The listing: works by id, and folders that are not readable works with why. */
export interface CorpusListing {
  works: CorpusEntry[];
  unreadable: { id: string; reason: string }[];
}

const WORK_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Lists `<projectRoot>/corpus` (empty when there is no such folder). */
export async function listCorpus(projectRoot: string): Promise<CorpusListing> {
  const dir = join(projectRoot, 'corpus');
  const names = await readdir(dir).catch(() => [] as string[]);
  const listing: CorpusListing = { works: [], unreadable: [] };
  for (const id of names.sort()) {
    if (!WORK_ID.test(id) || !(await stat(join(dir, id)).catch(() => null))?.isDirectory()) continue;
    if (!(await stat(join(dir, id, 'text.txt')).catch(() => null))?.isFile()) {
      listing.unreadable.push({ id, reason: `corpus/${id}/ has no text.txt` });
      continue;
    }
    try {
      const meta = parseWorkMeta(JSON.parse(await readFile(join(dir, id, 'work.json'), 'utf8')), `corpus/${id}/work.json`);
      listing.works.push({ id, title: meta.title, source: meta.source, language: meta.language, ...(meta.revision ? { revision: meta.revision } : {}), ...(meta.format ? { format: meta.format } : {}) });
    } catch (e) {
      listing.unreadable.push({ id, reason: (e as Error).message });
    }
  }
  return listing;
}
