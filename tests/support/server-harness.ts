/**
 * Test harness for the annotation server: a server on a loopback port over a fresh PGlite folder (or a given
 * PostgreSQL URL), users and a group made through the same functions the CLI uses, and a tiny cookie-keeping
 * HTTP client.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addGroup, addUser, joinGroup } from '../../src/server/accounts.ts';
import { startServer, type RunningServer } from '../../src/server/serve.ts';

export const ANNO = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

export interface Harness {
  server: RunningServer;
  dir: string;
  groupId: string;
  stop(): Promise<void>;
}

/** Starts a server with users ana (group owner), ben (member), cem (reader), dan (not in the group). */
export async function startHarness(options: { databaseUrl?: string; maxBodyBytes?: number; pageSize?: number } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'apparatus-server-'));
  const server = await startServer({ port: 0, dataDir: join(dir, 'data'), ...options });
  for (const name of ['ana', 'ben', 'cem', 'dan']) await addUser(server.db, name, `${name}-password`);
  const group = await addGroup(server.db, 'seminar', 'ana');
  await joinGroup(server.db, 'seminar', 'ben', 'member');
  await joinGroup(server.db, 'seminar', 'cem', 'reader');
  return {
    server,
    dir,
    groupId: group.id,
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A client with one session cookie; `origin` is sent on writes like a browser would. */
export class Client {
  cookie = '';
  constructor(readonly base: string) {}
  async signIn(name: string, password = `${name}-password`): Promise<Client> {
    const res = await this.fetch('/api/session', { method: 'POST', json: { name, password } });
    if (res.status !== 200) throw new Error(`sign-in of ${name} failed: ${res.status} ${await res.text()}`);
    return this;
  }
  async fetch(path: string, init: { method?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...(this.cookie ? { cookie: this.cookie } : {}), ...init.headers };
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] ??= path.startsWith('/api/session') ? 'application/json' : ANNO;
    }
    const res = await fetch(this.base + path, { method: init.method ?? 'GET', headers, ...(body !== undefined ? { body } : {}) });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    return res;
  }
}

/** A valid note on the Kavbiuro text with a client-made id. */
export function note(id: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:${id}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: '2026-12-05T10:00:00Z',
    body: [{ type: 'TextualBody', value: text, format: 'text/plain' }],
    target: { source: 'https://en.wikipedia.org/wiki/Kavbiuro', selector: [{ type: 'TextQuoteSelector', exact: 'Kavbiuro' }] },
    ...extra,
  };
}
