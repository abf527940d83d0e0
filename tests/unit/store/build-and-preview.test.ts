import { readFile, readdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/store/project-file.ts';
import { sampleAnnotations, sampleCollection } from './sample-annotations.ts';
import { localUrl, PROJECT, tempProject } from './temp-project.ts';

/** `vite build` with the project's config copies the data folders into the output; `vite preview` serves them and Save to project. */
describe('vite build and vite preview with the project config', () => {
  let root: string;
  let outDir: string;
  let server: PreviewServer;
  let base: string;
  let project: Awaited<ReturnType<typeof tempProject>>;

  beforeAll(async () => {
    project = await tempProject('apparatus-build-', JSON.stringify(sampleCollection('kavbiuro', sampleAnnotations(2))));
    root = project.root;
    outDir = join(root, 'dist');
    await writeFile(join(root, 'annotations', '.kavbiuro.jsonld.1.abc.tmp'), 'half a file');
    await build({ configFile: join(PROJECT, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
    server = await preview({ configFile: join(PROJECT, 'vite.config.ts'), logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
    base = localUrl(server.httpServer.address());
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await project?.remove();
  });

  it('copies corpus/ and annotations/ into the build, without dot-files', async () => {
    expect((await readdir(outDir)).sort()).toEqual(expect.arrayContaining(['annotations', 'corpus', 'index.html']));
    expect(await readdir(join(outDir, 'annotations'))).toEqual(['kavbiuro.jsonld']);
    expect(await readFile(join(outDir, 'corpus', 'kavbiuro', 'text.txt'))).toEqual(await readFile(join(root, 'corpus', 'kavbiuro', 'text.txt')));
  });

  it('vite preview serves the capability, the data files and Save to project', async () => {
    expect(await (await fetch(`${base}/api/capabilities`)).json()).toEqual({ saveToProject: true });
    expect((await fetch(`${base}/corpus/kavbiuro/work.json`)).status).toBe(200);
    const text = JSON.stringify(sampleCollection('kavbiuro', sampleAnnotations(4)));
    const res = await fetch(`${base}/api/annotations/kavbiuro`, { method: 'POST', body: text, headers: { 'Content-Type': 'application/json' } });
    expect(await res.json()).toEqual({ ok: true, path: 'annotations/kavbiuro.jsonld', count: 4, sha256: sha256Hex(text), written: true });
    expect(await readFile(join(root, 'annotations', 'kavbiuro.jsonld'), 'utf8')).toBe(text);
    // The project's file, not the copy in the build, is what preview serves after a save.
    expect(await (await fetch(`${base}/annotations/kavbiuro.jsonld`)).text()).toBe(text);
  });

  it('vite preview answers 400 to a raw request with a URL that cannot be parsed, and keeps serving', async () => {
    const { port } = new URL(base);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
      let got = '';
      socket.on('data', (d) => (got += d.toString()));
      socket.on('end', () => resolve(got));
      socket.on('error', reject);
    });
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect((await fetch(`${base}/api/capabilities`)).status).toBe(200);
  });
});
