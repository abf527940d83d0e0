import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { mkdir, readFile, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../../../src/store/project-file.ts';
import { handleProjectRequest } from '../../../src/store/project-save-plugin.ts';
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
    expect(await res.json()).toEqual({ ok: true, path: 'annotations/kavbiuro.jsonld', count: 3, sha256: sha256Hex(text), written: true });
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

  it('merges a save with the file as it is now: an older copy saved after a newer one keeps the newer note, and says so', async () => {
    const start = JSON.stringify(sampleCollection('kavbiuro', sampleAnnotations(2)), null, 2);
    await writeFile(join(root, 'annotations', 'kavbiuro.jsonld'), start);
    const base = { sha256: sha256Hex(start), items: sampleAnnotations(2) };
    const envelope = (items: unknown[]) => JSON.stringify({ base, notes: sampleCollection('kavbiuro', items as never) });
    const a = await post('/api/annotations/kavbiuro', envelope([...sampleAnnotations(2), sampleAnnotation(9, 'from A')]));
    expect(await a.json()).toMatchObject({ ok: true, written: true, upToDate: true, count: 3 });
    const b = await post('/api/annotations/kavbiuro', envelope(sampleAnnotations(2)));
    const answer = (await b.json()) as { ok: boolean; message: string; upToDate: boolean; sha256: string };
    expect(answer).toMatchObject({ ok: true, written: false, upToDate: false, message: 'Already saved: annotations/kavbiuro.jsonld holds 3 notes, 1 note added from the file' });
    expect(await onDisk()).toContain('from A');
    expect(answer.sha256).toBe(sha256Hex(await onDisk()));
  });

  it('never serves through a symbolic link leading out of corpus/ or annotations/', async () => {
    await symlink('/', join(root, 'corpus', 'root'));
    await symlink('/etc/hostname', join(root, 'annotations', 'host.jsonld'));
    try {
      expect((await fetch(`${base}/corpus/root/etc/hostname`)).status).toBe(404);
      expect((await fetch(`${base}/annotations/host.jsonld`)).status).toBe(404);
      expect((await fetch(`${base}/api/annotations/host`)).status).toBe(404);
      // A link that stays inside its folder is served.
      await symlink('work.json', join(root, 'corpus', 'kavbiuro', 'same.json'));
      expect((await fetch(`${base}/corpus/kavbiuro/same.json`)).status).toBe(200);
    } finally {
      await rm(join(root, 'corpus', 'root'));
      await rm(join(root, 'annotations', 'host.jsonld'));
      await rm(join(root, 'corpus', 'kavbiuro', 'same.json'), { force: true });
    }
  });

  it('saving onto a symlinked notes file writes through to its target inside annotations/, and refuses one leading out', async () => {
    const notes = join(root, 'annotations', 'kavbiuro.jsonld');
    const before = await onDisk();
    await mkdir(join(root, 'annotations', 'shared'), { recursive: true });
    await writeFile(join(root, 'annotations', 'shared', 'kavbiuro.jsonld'), before);
    await rm(notes);
    await symlink('shared/kavbiuro.jsonld', notes);
    const text = JSON.stringify(sampleCollection('kavbiuro', sampleAnnotations(5)));
    expect((await post('/api/annotations/kavbiuro', text)).status).toBe(200);
    expect(await readlink(notes)).toBe('shared/kavbiuro.jsonld');
    expect(await readFile(join(root, 'annotations', 'shared', 'kavbiuro.jsonld'), 'utf8')).toBe(text);

    const outside = join(root, 'outside.jsonld');
    await writeFile(outside, before);
    await rm(notes);
    await symlink('../outside.jsonld', notes);
    const refused = await post('/api/annotations/kavbiuro', text);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/symbolic link and it leads outside/);
    expect(await readlink(notes)).toBe('../outside.jsonld');
    expect(await readFile(outside, 'utf8')).toBe(before);
    await rm(notes);
    await writeFile(notes, before);
    await rm(join(root, 'annotations', 'shared'), { recursive: true });
    await rm(outside);
  });

  // Both targets make Node's url.parse throw inside connect (Vite 8.3.8), which used to kill the server.
  it.each(['http://[', 'http://xn--/'])('answers 400 to a raw request for %s (a URL that cannot be parsed), and keeps serving', async (target) => {
    const { port } = new URL(base);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
      let got = '';
      socket.on('data', (d) => (got += d.toString()));
      socket.on('end', () => resolve(got));
      socket.on('error', reject);
    });
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect((await fetch(`${base}/api/capabilities`)).status).toBe(200);
  });
});

describe('handleProjectRequest', () => {
  it('answers 400, never throws, for a URL that cannot be parsed', async () => {
    let status = 0;
    let body = '';
    const res = {
      statusCode: 0,
      setHeader: () => undefined,
      end(this: { statusCode: number }, text: string) {
        status = this.statusCode;
        body = text;
      },
    } as unknown as ServerResponse;
    const handled = await handleProjectRequest('/nonexistent', { url: 'http://[', method: 'GET', headers: {} } as IncomingMessage, res);
    expect(handled).toBe(true);
    expect(status).toBe(400);
    expect(JSON.parse(body)).toMatchObject({ ok: false, error: expect.stringContaining('cannot be parsed') });
  });
});
