import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * Bundles the benchmark harness for Node, dependencies left external: `bench/out/run.js` (bench/run.ts) and
 * `bench/out/profile.js` (bench/profile.ts, one phase in a loop for `node --cpu-prof`).
 * Run by `npm run bench` (scripts/bench.js).
 *
 * The modules the benchmark measures but that other engineers may still be writing (anchoring, exporters) come
 * through `virtual:bench-optional`: each present file is bundled unless its path is listed in `$BENCH_EXCLUDE`
 * (comma-separated), which scripts/bench.js sets when a half-written module does not build; run.ts reports the
 * missing ones as pending instead of failing.
 */
const root = fileURLToPath(new URL('..', import.meta.url));

/** Project-relative paths of the optional modules. */
export const OPTIONAL_MODULES = ['src/anchoring/anchor.ts', 'src/export/tei.ts', 'src/export/jsonld.ts'];

function optionalModules(): Plugin {
  const id = 'virtual:bench-optional';
  const excluded = new Set((process.env['BENCH_EXCLUDE'] ?? '').split(',').filter(Boolean));
  return {
    name: 'bench-optional-modules',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const entries = OPTIONAL_MODULES.filter((p) => existsSync(`${root}/${p}`) && !excluded.has(p));
      const skipped = OPTIONAL_MODULES.filter((p) => existsSync(`${root}/${p}`) && excluded.has(p));
      return [
        'export const optionalModules = {',
        ...entries.map((p) => `  ${JSON.stringify(p)}: () => import(${JSON.stringify(`/${p}`)}),`),
        '};',
        `export const unbuildableModules = ${JSON.stringify(skipped)};`,
      ].join('\n');
    },
  };
}

export default defineConfig({
  root,
  logLevel: 'warn',
  plugins: [optionalModules()],
  build: {
    ssr: true,
    outDir: 'bench/out',
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { run: 'bench/run.ts', profile: 'bench/profile.ts' },
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', format: 'es' },
    },
  },
});
