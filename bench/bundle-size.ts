/**
 * The JavaScript the reader's first page loads, gzipped: the entry chunk of a production build, every chunk it
 * imports statically, and the module workers it starts (`new Worker(new URL(…))`, which Vite's manifest does not
 * list) with the chunks those workers import statically (workers are built as ES modules: `import … from "./x.js"`
 * at the top of the worker file). Lazily imported chunks — exporters loaded on demand, the source adapters a worker
 * imports only for a work in that format — are not counted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** One counted file with its raw and gzipped sizes in bytes. */
export interface BundleFile {
  file: string;
  bytes: number;
  gzBytes: number;
}

/**
 * Reads `<outDir>/.vite/manifest.json` (a `vite build --manifest` output) and sums the gzip (level 9) sizes of the
 * entry chunks' static import closure and of the workers they start.
 * @throws Error when the manifest is missing or names no entry.
 */
export function firstPageJs(outDir: string): { gzKb: number; files: BundleFile[] } {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entries = Object.keys(manifest).filter((k) => manifest[k]!.isEntry);
  if (entries.length === 0) throw new Error(`${outDir}/.vite/manifest.json names no entry chunk`);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const k of manifest[key]?.imports ?? []) visit(k);
  };
  entries.forEach(visit);
  const names = new Set([...seen].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js')));
  // Workers started by a counted file, and what they start in turn; a worker's own static imports too (the page's
  // chunks are in the manifest; a worker's are not).
  const queue = [...names];
  const workers = new Set<string>();
  const add = (file: string, isWorker: boolean) => {
    if (isWorker) workers.add(file);
    if (!names.has(file)) {
      names.add(file);
      queue.push(file);
    }
  };
  while (queue.length > 0) {
    const current = queue.pop()!;
    const text = readFileSync(join(outDir, current), 'utf8');
    for (const m of text.matchAll(/new\s+(?:Shared)?Worker\(\s*new\s+URL\(\s*["'`]\/?([^"'`]+\.js)["'`]/g)) add(m[1]!.replace(/^\.\//, 'assets/'), true);
    if (workers.has(current)) {
      const dir = current.slice(0, current.lastIndexOf('/') + 1);
      // Static imports only: `import{a}from"./x.js"`, `import"./x.js"` (never `import("./x.js")`).
      for (const m of text.matchAll(/\bimport\s*(?:[\w*{}\s,$]+?\s*from\s*)?["'`](\.\/[^"'`]+\.js)["'`]/g)) {
        const file = dir + m[1]!.slice(2);
        workers.add(file);
        add(file, true);
      }
    }
  }
  const files = [...names]
    .map((file) => {
      const bytes = readFileSync(join(outDir, file));
      return { file, bytes: bytes.length, gzBytes: gzipSync(bytes, { level: 9 }).length };
    });
  return { gzKb: files.reduce((s, f) => s + f.gzBytes, 0) / 1024, files };
}
