/**
 * `vite build`: copies the project's data folders (`corpus/`, `annotations/`) into the output folder, so the built
 * reader finds `/corpus/<work>/…` and `/annotations/<work>.jsonld` beside `index.html` on any static host.
 */
import { cp, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The folders copied, relative to the project root. */
export const PROJECT_DATA_FOLDERS = ['corpus', 'annotations'] as const;

/**
 * The build-only plugin. `projectRoot` defaults to Vite's root. Dot-files (editor and temporary files) are left
 * out. A missing folder is skipped (a fresh project may have no notes yet); a failed copy fails the build.
 */
export function copyProjectDataPlugin(options: { projectRoot?: string } = {}): Plugin {
  let root = '';
  let outDir = '';
  return {
    name: 'apparatus:copy-project-data',
    apply: 'build',
    configResolved(config) {
      root = resolve(options.projectRoot ?? config.root);
      outDir = resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      for (const folder of PROJECT_DATA_FOLDERS) {
        const from = resolve(root, folder);
        if (!(await stat(from).catch(() => null))?.isDirectory()) continue;
        await cp(from, resolve(outDir, folder), { recursive: true, filter: (src) => !basename(src).startsWith('.') || src === from });
      }
    },
  };
}
