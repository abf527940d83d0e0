import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { firstPageJs } from '../../../bench/bundle-size.ts';

describe('first-page JavaScript size', () => {
  it('counts the entry, its static imports and the workers it starts, not lazy chunks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
    mkdirSync(join(dir, '.vite'));
    mkdirSync(join(dir, 'assets'));
    const files: Record<string, string> = {
      'assets/index.js': 'import"./shared.js";const w=new Worker(new URL(`/assets/worker.js`,``+import.meta.url),{type:`module`});import("./lazy.js");',
      'assets/shared.js': 'export const shared = 1;',
      'assets/worker.js': 'self.onmessage = () => {};',
      'assets/lazy.js': 'export const lazy = "x".repeat(1000);',
    };
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
    writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify({
      'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_shared.js'], dynamicImports: ['lazy.ts'] },
      '_shared.js': { file: 'assets/shared.js' },
      'lazy.ts': { file: 'assets/lazy.js' },
    }));
    const result = firstPageJs(dir);
    expect(result.files.map((f) => f.file).sort()).toEqual(['assets/index.js', 'assets/shared.js', 'assets/worker.js']);
    const expected = ['assets/index.js', 'assets/shared.js', 'assets/worker.js'].reduce((n, f) => n + gzipSync(files[f]!, { level: 9 }).length, 0);
    expect(result.gzKb).toBeCloseTo(expected / 1024, 6);
  });

  it('counts what an ES-module worker imports statically, not what it imports lazily', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
    mkdirSync(join(dir, '.vite'));
    mkdirSync(join(dir, 'assets'));
    const files: Record<string, string> = {
      'assets/index.js': 'const w=new Worker(new URL(`/assets/worker.js`,``+import.meta.url),{type:`module`});',
      'assets/worker.js': 'import{a as b}from"./worker-shared.js";import"./side.js";self.onmessage=async()=>(await import("./adapter.js")).run(b);',
      'assets/worker-shared.js': 'export const a = 1;',
      'assets/side.js': 'globalThis.x = 1;',
      'assets/adapter.js': 'export const run = () => "x".repeat(1000);',
    };
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
    writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify({ 'index.html': { file: 'assets/index.js', isEntry: true } }));
    expect(firstPageJs(dir).files.map((f) => f.file).sort()).toEqual(['assets/index.js', 'assets/side.js', 'assets/worker-shared.js', 'assets/worker.js']);
  });
});
