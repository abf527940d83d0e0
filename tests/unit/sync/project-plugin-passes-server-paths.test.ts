/**
 * The dev server's "Save to project" endpoint (`/api/annotations/<work>`) leaves the annotation server's container
 * (`/api/annotations/<work>/…`, docs/annotation-server.md) to the annotation server: those requests are passed on,
 * while the project file's own paths (and encoded slashes in a work id) are still answered by the plugin.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { describe, expect, test } from 'vitest';
import { handleProjectRequest } from '../../../src/store/project-save-plugin.ts';

function fakeResponse(): { res: ServerResponse; status: () => number; body: () => string } {
  let status = 0;
  let body = '';
  const res = {
    statusCode: 0,
    setHeader: () => undefined,
    end(this: { statusCode: number }, text?: string) {
      status = this.statusCode;
      body = text ?? '';
    },
  } as unknown as ServerResponse;
  return { res, status: () => status, body: () => body };
}

describe('the project plugin and the annotation server share /api/annotations', () => {
  test.each([
    ['PUT', '/api/annotations/kavbiuro/0f8e2d1c-1111-4222-8333-944455556666'],
    ['GET', '/api/annotations/kavbiuro/changes?since=3'],
    ['GET', '/api/annotations/kavbiuro/events'],
    ['GET', '/api/annotations/kavbiuro/'],
  ])('%s %s is passed on', async (method, url) => {
    const { res } = fakeResponse();
    expect(await handleProjectRequest('/nonexistent', { url, method, headers: {} } as IncomingMessage, res)).toBe(false);
  });

  test('the project file path and an encoded slash stay the plugin’s', async () => {
    const put = fakeResponse();
    expect(await handleProjectRequest('/nonexistent', { url: '/api/annotations/kavbiuro', method: 'PUT', headers: {} } as IncomingMessage, put.res)).toBe(true);
    expect(put.status()).toBe(405);
    const encoded = fakeResponse();
    expect(await handleProjectRequest('/nonexistent', { url: '/api/annotations/..%2F..%2Fetc', method: 'GET', headers: {} } as IncomingMessage, encoded.res)).toBe(true);
    expect(encoded.status()).toBeGreaterThanOrEqual(400);
  });
});

describe('GET /api/annotation-server says whether the annotation server answers (the page asks nothing else before)', () => {
  const ask = async () => {
    const r = fakeResponse();
    expect(await handleProjectRequest('/nonexistent', { url: '/api/annotation-server', method: 'GET', headers: {} } as IncomingMessage, r.res)).toBe(true);
    expect(r.status()).toBe(200);
    return JSON.parse(r.body()) as { reachable: boolean };
  };
  test('reachable while a server listens on $APPARATUS_SERVER_PORT, not once it is gone', async () => {
    const saved = process.env['APPARATUS_SERVER_PORT'];
    const server = createServer((_req, res) => res.writeHead(401).end('{}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      process.env['APPARATUS_SERVER_PORT'] = String((server.address() as { port: number }).port);
      expect(await ask()).toEqual({ reachable: true });
      await new Promise<void>((resolve) => server.close(() => resolve()));
      expect(await ask()).toEqual({ reachable: false });
    } finally {
      server.close();
      if (saved === undefined) delete process.env['APPARATUS_SERVER_PORT'];
      else process.env['APPARATUS_SERVER_PORT'] = saved;
    }
  });
});
