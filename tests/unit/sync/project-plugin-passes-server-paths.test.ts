/**
 * The dev server's "Save to project" endpoint (`/api/annotations/<work>`) leaves the annotation server's container
 * (`/api/annotations/<work>/…`, docs/annotation-server.md) to the annotation server: those requests are passed on,
 * while the project file's own paths (and encoded slashes in a work id) are still answered by the plugin.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, test } from 'vitest';
import { handleProjectRequest } from '../../../src/store/project-save-plugin.ts';

function fakeResponse(): { res: ServerResponse; status: () => number } {
  let status = 0;
  const res = {
    statusCode: 0,
    setHeader: () => undefined,
    end(this: { statusCode: number }) {
      status = this.statusCode;
    },
  } as unknown as ServerResponse;
  return { res, status: () => status };
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
