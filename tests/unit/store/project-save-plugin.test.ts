import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleAnnotation, sampleAnnotations, sampleCollection } from './sample-annotations.ts';
import { localUrl, PROJECT, tempProject } from './temp-project.ts';

/** The project's own vite.config.ts, served for real, with its data folders pointed at a temporary project. */
describe('the dev server: Save to project, capabilities, data files', () => {
  let root: string;
  let server: ViteDevServer;
  let base: string;
  let original: string;
  let project: Awaited<ReturnType<typeof tempProject>>;

  beforeAll(async () => {
    original = JSON.stringify(sampleCollection('kavbiuro', sampleAnnotations(1)));
    project = await tempProject('apparatus-devserver-', original);
    root = project.root;
    server = await createServer({
      configFile: join(PROJECT, 'vite.config.ts'),
      logLevel: 'error',
      server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
    });
    await server.listen();
    base = localUrl(server.httpServer?.address());
  });
  afterAll(async () => {
    await server?.close();
    await project?.remove();
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: 'POST', body, headers: { 'Content-Type': 'application/ld+json', ...headers } });
  const onDisk = () => readFile(join(root, 'annotations', 'kavbiuro.jsonld'), 'utf8');

  it('offers Save to project', async () => {
    const res = await fetch(`${base}/api/capabilities`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ saveToProject: true });
  });

  it('saves a valid collection to annotations/<work>.jsonld and answers with path and count', async () => {
    const text = JSON.stringify(sampleCollection('kavbiuro', sampleAnnotations(3)), null, 2);
    const res = await post('/api/annotations/kavbiuro', text);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, path: 'annotations/kavbiuro.jsonld', count: 3 });
    expect(await onDisk()).toBe(text);
    const back = await fetch(`${base}/api/annotations/kavbiuro`);
    expect(back.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    expect(await back.text()).toBe(text);
    const file = await fetch(`${base}/annotations/kavbiuro.jsonld`);
    expect(file.headers.get('cache-control')).toBe('no-store');
    expect(await file.text()).toBe(text);
  });

  it('answers 400 naming the annotation and field of an invalid note, and keeps the file', async () => {
    const before = await onDisk();
    const broken = { ...sampleAnnotation(7), type: 'Note' };
    const res = await post('/api/annotations/kavbiuro', JSON.stringify(sampleCollection('kavbiuro', [broken as never])));
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { ok: boolean; error: string; problems: { index: number; field: string }[] };
    expect(answer.ok).toBe(false);
    expect(answer.error).toContain(`annotation #0 (${sampleAnnotation(7).id})`);
    expect(answer.problems[0]).toMatchObject({ index: 0, field: 'type' });
    expect(await onDisk()).toBe(before);
  });

  it('answers 400 for a traversal id and 404 for an unknown work', async () => {
    const body = JSON.stringify(sampleCollection('kavbiuro', []));
    const traversal = await post('/api/annotations/..%2f..%2fpackage', body);
    expect(traversal.status).toBe(400);
    expect(((await traversal.json()) as { error: string }).error).toMatch(/not a work id/);
    const unknown = await post('/api/annotations/nothing-here', body);
    expect(unknown.status).toBe(404);
    expect(await readdir(join(root, 'annotations'))).toEqual(['kavbiuro.jsonld']);
  });

  it('answers 413 for a body over 20 MB', async () => {
    const before = await onDisk();
    const res = await post('/api/annotations/kavbiuro', ' '.repeat(20 * 1024 * 1024 + 1));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { ok: boolean }).ok).toBe(false);
    expect(await onDisk()).toBe(before);
  });

  it('refuses cross-site posts (403) and non-JSON bodies (415)', async () => {
    const before = await onDisk();
    const body = JSON.stringify(sampleCollection('kavbiuro', []));
    expect((await post('/api/annotations/kavbiuro', body, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await post('/api/annotations/kavbiuro', body, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await post('/api/annotations/kavbiuro', body, { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await post('/api/annotations/kavbiuro', body, { Origin: base })).status).toBe(200);
    expect(await onDisk()).not.toBe(before);
  });

  it('serves corpus files as they are, and a 404 — not the app page — for missing or hidden files', async () => {
    const text = await fetch(`${base}/corpus/kavbiuro/text.txt`);
    expect(text.status).toBe(200);
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(Buffer.from(await text.arrayBuffer())).toEqual(await readFile(join(root, 'corpus', 'kavbiuro', 'text.txt')));
    expect((await fetch(`${base}/corpus/kavbiuro/missing.txt`)).status).toBe(404);
    expect((await fetch(`${base}/annotations/other.jsonld`)).status).toBe(404);
    expect((await fetch(`${base}/api/annotations/other`)).status).toBe(404);
    await writeFile(join(root, 'annotations', '.kavbiuro.jsonld.1.x.tmp'), 'partial');
    expect((await fetch(`${base}/annotations/.kavbiuro.jsonld.1.x.tmp`)).status).toBe(404);
    await rm(join(root, 'annotations', '.kavbiuro.jsonld.1.x.tmp'));
    expect((await fetch(`${base}/corpus/..%2f..%2fetc/passwd`)).status).toBe(404);
  });

  it('answers 405 for other methods', async () => {
    const res = await fetch(`${base}/api/annotations/kavbiuro`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(await onDisk()).toBeTruthy();
  });
});
