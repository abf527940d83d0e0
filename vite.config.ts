import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { copyProjectDataPlugin } from './src/store/copy-project-data-plugin.ts';
import { projectSavePlugin } from './src/store/project-save-plugin.ts';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * `npm start` (vite) serves the reader from index.html at the project root, the project's `corpus/` and
 * `annotations/` files, and the "Save to project" endpoints (`src/store/project-save-plugin.ts`);
 * `vite preview` serves the build with the same endpoints; `vite build` writes `dist/` with the data folders copied
 * in, so the built reader works on any static host (where "Save to project" is simply not offered).
 * `$APPARATUS_PROJECT_ROOT` points the data folders and "Save to project" at another project folder (tests do).
 */
export default defineConfig({
  root: projectRoot,
  appType: 'spa',
  plugins: [projectSavePlugin(), copyProjectDataPlugin({ projectRoot: process.env['APPARATUS_PROJECT_ROOT'] })],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  // Module workers (the page starts them with `type: 'module'`), built as ES modules so that what a worker imports
  // lazily (the source adapters and their parsers: `sources/import-source-lazily.ts`) stays in chunks of its own,
  // loaded only for a work that needs it. The default (iife) inlines every dynamic import into the worker file.
  worker: { format: 'es' },
  server: {
    // Saving writes temporary files into annotations/ before renaming them; they are not the app's sources.
    watch: { ignored: ['**/annotations/.*.tmp', '**/test-results/**', '**/dist/**', '**/dist-cli/**', '**/.apparatus-data/**'] },
    // The annotation server (`apparatus serve`, started beside Vite by `npm start`): same origin for the page.
    proxy: { '/api/': { target: `http://127.0.0.1:${process.env['APPARATUS_SERVER_PORT'] ?? 8787}`, changeOrigin: false, ws: false } },
  },
});
