/**
 * Reads the shared corpora (`$APPARATUS_CORPORA`, default `../shared/corpora` from the project root).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BookCorpus } from './make-book.ts';

/** The folder holding the corpora for project root `root`. */
export function corporaDir(root: string): string {
  return resolve(root, process.env['APPARATUS_CORPORA'] ?? '../shared/corpora');
}

/**
 * Every `*.txt` in the corpora folder, named without the extension, in name order.
 * Null when the folder does not exist (a fresh clone without the shared material).
 */
export function readCorpora(root: string): BookCorpus[] | null {
  const dir = corporaDir(root);
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), text: readFileSync(join(dir, f), 'utf8') }));
}
