/**
 * The annotation server's behaviour as one suite, run on each engine (server-pglite.test.ts, server-postgres.test.ts):
 * the W3C Web Annotation Protocol MUSTs (the assertions of the WPT annotation-protocol server suite, which is
 * manual, turned into checks), the W3C model assertions on everything served, accounts and visibility, row-level
 * security queried directly, preconditions (412), bad input, faults and the change feed.
 */
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ANNO, Client, note, startHarness, type Harness } from '../../support/server-harness.ts';
import { schemasAvailable, validateAnnotation, validateCollection } from '../../support/w3c-validator.ts';

const LDP = 'http://www.w3.org/ns/ldp#';
const W = '/api/annotations/kavbiuro/';

/** Reads SSE `change` events from `res` until `until` holds for the ones read (or the stream ends). */
export async function readEvents(res: Response, until: (events: { id: string; data: Record<string, unknown> }[]) => boolean): Promise<{ id: string; data: Record<string, unknown> }[]> {
  const reader = res.body!.getReader();
  const events: { id: string; data: Record<string, unknown> }[] = [];
  let buffer = '';
  while (!until(events)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += new TextDecoder().decode(value);
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const id = /^id: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (id && data) events.push({ id, data: JSON.parse(data) as Record<string, unknown> });
    }
  }
  await reader.cancel();
  return events;
}

export function serverScenarios(engine: string, options: () => { databaseUrl?: string } | null): void {
  let h: Harness;
  let ana: Client, ben: Client, cem: Client, dan: Client, anon: Client;
  let base: string;
  const models = schemasAvailable();

  beforeAll(async () => {
    const o = options();
    if (o === null) return;
    h = await startHarness({ ...o, pageSize: 3, maxBodyBytes: 64 * 1024 });
    base = h.server.url;
    ana = await new Client(base).signIn('ana');
    ben = await new Client(base).signIn('ben');
    cem = await new Client(base).signIn('cem');
    dan = await new Client(base).signIn('dan');
    anon = new Client(base);
  }, 240_000);
  afterAll(async () => h?.stop(), 60_000);

  const create = async (who: Client, text: string, extra: Record<string, unknown> = {}) => {
    const id = randomUUID();
    const res = await who.fetch(`${W}${id}`, { method: 'PUT', json: note(id, text, extra), headers: { 'if-none-match': '*' } });
    expect(res.status, await res.clone().text()).toBe(201);
    return { id, etag: res.headers.get('etag')!, body: (await res.json()) as Record<string, unknown> };
  };
  const group = () => ({ 'apparatus:visibility': 'group', 'apparatus:group': h.groupId });

  describe(`the W3C Web Annotation Protocol (${engine})`, () => {
    test('POST to the container creates: 201, Location, ETag, the annotation with its new IRI, media type with profile', async () => {
      const body = note('x', 'posted');
      delete body['id'];
      const res = await ana.fetch(W, { method: 'POST', json: body });
      expect(res.status).toBe(201);
      const location = res.headers.get('location')!;
      expect(location.startsWith(`${base}${W}`)).toBe(true);
      expect(res.headers.get('etag')).toMatch(/^"\d+"$/);
      expect(res.headers.get('content-type')).toBe(ANNO);
      const json = (await res.json()) as Record<string, unknown>;
      expect(json['id']).toBe(location);
      if (models) expect(validateAnnotation(json, 'POST answer')).toEqual([]);
      const again = await ana.fetch(new URL(location).pathname);
      expect(again.status).toBe(200);
      expect(again.headers.get('etag')).toBe(res.headers.get('etag'));
    });

    test('GET an annotation: media type with profile, ETag, Link rel=type ldp:Resource, Allow, Vary; HEAD has the headers and no body; OPTIONS lists the methods', async () => {
      const a = await create(ana, 'public one', { 'apparatus:visibility': 'public' });
      const res = await anon.fetch(`${W}${a.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(ANNO);
      expect(res.headers.get('etag')).toBe(a.etag);
      expect(res.headers.get('link')).toContain(`<${LDP}Resource>; rel="type"`);
      expect(res.headers.get('allow')).toMatch(/GET.*HEAD.*OPTIONS/);
      expect(res.headers.get('vary')).toContain('Accept');
      const json = (await res.json()) as Record<string, unknown>;
      expect((json['creator'] as { name: string }).name).toBe('ana');
      if (models) expect(validateAnnotation(json, 'GET answer')).toEqual([]);
      const head = await anon.fetch(`${W}${a.id}`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('etag')).toBe(a.etag);
      expect(await head.text()).toBe('');
      const options = await anon.fetch(`${W}${a.id}`, { method: 'OPTIONS' });
      expect(options.headers.get('allow')).toContain('PUT');
      expect((await anon.fetch(`${W}${a.id}`, { headers: { 'if-none-match': a.etag } })).status).toBe(304);
    });

    test('the container: Link types BasicContainer and constrainedBy, Allow, Accept-Post, Vary Accept+Prefer, ETag; an AnnotationCollection whose pages pass the model assertions', async () => {
      for (let i = 0; i < 4; i++) await create(ben, `page filler ${i}`, group());
      const res = await ben.fetch(W);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(ANNO);
      expect(res.headers.get('link')).toContain(`<${LDP}BasicContainer>; rel="type"`);
      expect(res.headers.get('link')).toContain(`rel="${LDP}constrainedBy"`);
      expect(res.headers.get('allow')).toContain('POST');
      expect(res.headers.get('accept-post')).toContain('application/ld+json');
      expect(res.headers.get('vary')).toBe('Accept, Prefer');
      expect(res.headers.get('etag')).toBeTruthy();
      const c = (await res.json()) as { type: string[]; total: number; first: { items: unknown[]; next?: string }; last: string };
      expect(c.type).toEqual(['BasicContainer', 'AnnotationCollection']);
      expect(c.total).toBeGreaterThanOrEqual(4);
      expect(c.first.items).toHaveLength(3);
      if (models) expect(validateCollection(c, 'container')).toEqual([]);
      // Walk every page: startIndex, partOf, next; all items seen once.
      const seen = new Set<string>();
      let next: string | undefined = `${W}?page=0`;
      while (next) {
        const p = (await (await ben.fetch(new URL(next, base).pathname + new URL(next, base).search)).json()) as { type: string; startIndex: number; partOf: { total: number }; items: { id: string }[]; next?: string };
        expect(p.type).toBe('AnnotationPage');
        expect(p.partOf.total).toBe(c.total);
        if (models) for (const item of p.items) expect(validateAnnotation({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...item })).toEqual([]);
        for (const item of p.items) seen.add(item.id);
        next = p.next;
      }
      expect(seen.size).toBe(c.total);
      // Writing changes the container's ETag.
      await create(ben, 'one more', group());
      expect((await ben.fetch(W)).headers.get('etag')).not.toBe(res.headers.get('etag'));
    });

    test('Prefer: PreferMinimalContainer gives no embedded items; PreferContainedIRIs gives IRIs', async () => {
      const minimal = (await (await ben.fetch(W, { headers: { prefer: `return=representation;include="${LDP}PreferMinimalContainer"` } })).json()) as { first: unknown; last: unknown };
      expect(typeof minimal.first).toBe('string');
      const iris = (await (await ben.fetch(W, { headers: { prefer: 'return=representation;include="http://www.w3.org/ns/oa#PreferContainedIRIs"' } })).json()) as { first: { items: unknown[] } };
      expect(iris.first.items.every((i) => typeof i === 'string')).toBe(true);
    });

    test('PUT with If-Match updates (new ETag); a stale If-Match gets 412 with the current annotation; PUT without a precondition gets 428', async () => {
      const a = await create(ana, 'first words', group());
      const res = await ana.fetch(`${W}${a.id}`, { method: 'PUT', json: note(a.id, 'second words', group()), headers: { 'if-match': a.etag } });
      expect(res.status).toBe(200);
      const etag2 = res.headers.get('etag')!;
      expect(etag2).not.toBe(a.etag);
      const stale = await ana.fetch(`${W}${a.id}`, { method: 'PUT', json: note(a.id, 'replayed old edit', group()), headers: { 'if-match': a.etag } });
      expect(stale.status).toBe(412);
      expect(stale.headers.get('etag')).toBe(etag2);
      const current = (await stale.json()) as { body: { value: string }[] };
      expect(current.body[0]!.value).toBe('second words');
      expect((await ana.fetch(`${W}${a.id}`, { method: 'PUT', json: note(a.id, 'x', group()) })).status).toBe(428);
      // If-None-Match * on an existing id: 412 with the current one (the outbox's "already delivered" check).
      const dup = await ana.fetch(`${W}${a.id}`, { method: 'PUT', json: note(a.id, 'second words', group()), headers: { 'if-none-match': '*' } });
      expect(dup.status).toBe(412);
      expect(((await dup.json()) as { body: { value: string }[] }).body[0]!.value).toBe('second words');
    });

    test('DELETE with If-Match: 204, then 404; a stale one 412; the feed shows the delete', async () => {
      const a = await create(ana, 'to delete', group());
      expect((await ana.fetch(`${W}${a.id}`, { method: 'DELETE', headers: { 'if-match': '"1"' } })).status).toBe(412);
      expect((await ana.fetch(`${W}${a.id}`, { method: 'DELETE', headers: { 'if-match': a.etag } })).status).toBe(204);
      expect((await ana.fetch(`${W}${a.id}`)).status).toBe(404);
      const feed = (await (await ben.fetch(`${W}changes?since=0`)).json()) as { changes: { op: string; id: string }[] };
      expect(feed.changes.filter((c) => c.id === a.id).map((c) => c.op)).toEqual(['put', 'delete']);
    });
  });

  describe(`accounts, groups and visibility (${engine})`, () => {
    test('sessions: sign-in sets an HttpOnly SameSite cookie; a bad password is 401; signed out is 401', async () => {
      const c = new Client(base);
      const res = await c.fetch('/api/session', { method: 'POST', json: { name: 'ana', password: 'ana-password' } });
      expect(res.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax; Path=\//);
      const body = (await res.json()) as { user: { name: string }; groups: { name: string; role: string }[] };
      expect(body.groups).toEqual([{ id: h.groupId, name: 'seminar', role: 'owner' }]);
      expect((await new Client(base).fetch('/api/session', { method: 'POST', json: { name: 'ana', password: 'wrong-password' } })).status).toBe(401);
      expect((await new Client(base).fetch('/api/session', { method: 'POST', json: { name: 'nobody', password: 'whatever1' } })).status).toBe(401);
      expect((await c.fetch('/api/session', { method: 'DELETE' })).status).toBe(204);
      expect((await c.fetch('/api/session')).status).toBe(401);
    });

    test('private notes are seen by their author only; group notes by members; public by all', async () => {
      const priv = await create(ana, 'private thought');
      const grp = await create(ana, 'for the seminar', group());
      const pub = await create(ana, 'for everyone', { 'apparatus:visibility': 'public' });
      for (const [who, sees] of [[ana, [priv, grp, pub]], [ben, [grp, pub]], [cem, [grp, pub]], [dan, [pub]], [anon, [pub]]] as const) {
        for (const a of [priv, grp, pub]) expect((await who.fetch(`${W}${a.id}`)).status).toBe((sees as readonly unknown[]).includes(a) ? 200 : 404);
        const feed = (await (await who.fetch(`${W}changes`)).json()) as { changes: { id: string }[] };
        const ids = new Set(feed.changes.map((c) => c.id));
        for (const a of [priv, grp, pub]) expect(ids.has(a.id)).toBe((sees as readonly unknown[]).includes(a));
      }
    });

    test('row-level security: another user querying the tables directly through SQL gets nothing private', async () => {
      const priv = await create(ana, 'secret only for ana');
      const danId = (await (await dan.fetch('/api/session')).json() as { user: { id: string } }).user.id;
      const asDan = await h.server.db.transaction(danId, (q) => q<{ id: string }>(`SELECT id FROM annotations WHERE id = $1 UNION ALL SELECT id FROM changes WHERE id = $1`, [priv.id]));
      expect(asDan).toEqual([]);
      const asNobody = await h.server.db.transaction(null, (q) => q(`SELECT id FROM annotations WHERE visibility <> 'public'`));
      expect(asNobody).toEqual([]);
      // The row is there (the test would pass vacuously otherwise): its author sees it through the same SQL.
      const anaId = (await (await ana.fetch('/api/session')).json() as { user: { id: string } }).user.id;
      expect(await h.server.db.transaction(anaId, (q) => q(`SELECT id FROM annotations WHERE id = $1`, [priv.id]))).toHaveLength(1);
      // Nor may dan write as ana: the INSERT policy holds even when the service code is bypassed.
      await expect(h.server.db.transaction(danId, (q) => q(`INSERT INTO annotations (work, id, author_id, visibility, etag, body, seq, created_seq) VALUES ('w', 'forged', $1, 'public', '"0"', '{}', 0, 0)`, [anaId]))).rejects.toThrow(/row-level security/);
    });

    test('only the author may PUT or DELETE; others may reply to what they can see; a reader may reply but not post', async () => {
      const a = await create(ana, 'ana writes', group());
      expect((await ben.fetch(`${W}${a.id}`, { method: 'PUT', json: note(a.id, 'ben rewrites', group()), headers: { 'if-match': a.etag } })).status).toBe(403);
      expect((await ben.fetch(`${W}${a.id}`, { method: 'DELETE', headers: { 'if-match': a.etag } })).status).toBe(403);
      const reply = (id: string) => ({ ...note(id, 'I disagree'), motivation: 'replying', target: `urn:uuid:${a.id}`, ...group() });
      const r1 = randomUUID();
      expect((await ben.fetch(`${W}${r1}`, { method: 'PUT', json: reply(r1), headers: { 'if-none-match': '*' } })).status).toBe(201);
      const r2 = randomUUID();
      expect((await cem.fetch(`${W}${r2}`, { method: 'PUT', json: reply(r2), headers: { 'if-none-match': '*' } })).status).toBe(201);
      const n = randomUUID();
      expect((await cem.fetch(`${W}${n}`, { method: 'PUT', json: note(n, 'a reader posts', group()), headers: { 'if-none-match': '*' } })).status).toBe(403);
      const r3 = randomUUID();
      expect((await dan.fetch(`${W}${r3}`, { method: 'PUT', json: { ...reply(r3), 'apparatus:visibility': 'public', 'apparatus:group': undefined }, headers: { 'if-none-match': '*' } })).status).toBe(409);
      expect((await dan.fetch(`${W}${n}`, { method: 'PUT', json: note(n, 'not a member', group()), headers: { 'if-none-match': '*' } })).status).toBe(403);
      expect((await anon.fetch(`${W}${n}`, { method: 'PUT', json: note(n, 'anonymous'), headers: { 'if-none-match': '*' } })).status).toBe(401);
    });

    test('owners and editors hide and unhide a group note (kept, marked); members may not', async () => {
      const b = await create(ben, 'off topic', group());
      expect((await ben.fetch(`${W}${b.id}/hide`, { method: 'POST' })).status).toBe(403);
      const hidden = await ana.fetch(`${W}${b.id}/hide`, { method: 'POST' });
      expect(hidden.status).toBe(200);
      const got = (await (await ben.fetch(`${W}${b.id}`)).json()) as Record<string, unknown>;
      expect(got['apparatus:hidden']).toBe(true);
      expect((got['body'] as { value: string }[])[0]!.value).toBe('off topic');
      await ana.fetch(`${W}${b.id}/unhide`, { method: 'POST' });
      expect(((await (await ben.fetch(`${W}${b.id}`)).json()) as Record<string, unknown>)['apparatus:hidden']).toBeUndefined();
    });

    test('a write from another Origin is refused (403); the same origin passes', async () => {
      const id = randomUUID();
      const evil = await ana.fetch(`${W}${id}`, { method: 'PUT', json: note(id, 'csrf'), headers: { 'if-none-match': '*', origin: 'http://evil.example' } });
      expect(evil.status).toBe(403);
      expect((await ana.fetch(`${W}${id}`)).status).toBe(404);
      const same = await ana.fetch(`${W}${id}`, { method: 'PUT', json: note(id, 'fine'), headers: { 'if-none-match': '*', origin: base } });
      expect(same.status).toBe(201);
    });
  });

  describe(`bad input and faults (${engine})`, () => {
    test('malformed JSON is 400, a wrong content type 415, an invalid annotation 400 naming the field, a body over the limit 413 — nothing stored', async () => {
      const id = randomUUID();
      const put = (init: Parameters<Client['fetch']>[1]) => ana.fetch(`${W}${id}`, { method: 'PUT', ...init, headers: { 'if-none-match': '*', ...init?.headers } });
      const bad = await put({ body: '{"type": "Annotation",', headers: { 'content-type': ANNO } });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toMatch(/not JSON/);
      expect((await put({ body: JSON.stringify(note(id, 'x')), headers: { 'content-type': 'text/plain' } })).status).toBe(415);
      const invalid = await put({ json: { ...note(id, 'x'), target: { source: 'https://x', selector: [{ type: 'TextPositionSelector', start: 5, end: 2 }] } } });
      expect(invalid.status).toBe(400);
      expect(((await invalid.json()) as { error: string }).error).toMatch(/target\.selector/);
      const huge = await put({ json: note(id, 'x'.repeat(70 * 1024)) });
      expect(huge.status).toBe(413);
      const other = await put({ json: { ...note(id, 'x'), id: `${base}/api/annotations/another-work/${id}` } });
      expect(other.status).toBe(409);
      const mismatch = await put({ json: note(randomUUID(), 'x') });
      expect(mismatch.status).toBe(400);
      expect((await ana.fetch(`${W}${id}`)).status).toBe(404);
    });

    test('a malformed request line or URL gets 400 and the server keeps serving', async () => {
      const raw = (text: string) =>
        new Promise<string>((resolve) => {
          const s = connect(h.server.port, '127.0.0.1', () => s.write(text));
          let out = '';
          s.on('data', (d) => (out += d.toString()));
          s.on('close', () => resolve(out));
          s.on('error', () => resolve(out));
          setTimeout(() => s.destroy(), 5000).unref();
        });
      expect(await raw('GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
      expect(await raw('GARBAGE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
      expect(await raw('GET /api/annotations/%E0%A4%A/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
      expect((await anon.fetch(W)).status).toBe(200);
    });

    test('a client that disconnects mid-request leaves nothing behind and the server keeps serving', async () => {
      const id = randomUUID();
      const text = JSON.stringify(note(id, 'half sent'));
      await new Promise<void>((resolve) => {
        const s = connect(h.server.port, '127.0.0.1', () => {
          s.write(`PUT ${W}${id} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${ana.cookie}\r\nContent-Type: ${ANNO}\r\nIf-None-Match: *\r\nContent-Length: ${text.length}\r\n\r\n${text.slice(0, 40)}`);
          setTimeout(() => {
            s.destroy();
            resolve();
          }, 200);
        });
      });
      // The server answered nothing for it and stored nothing; it still serves.
      expect((await ana.fetch(`${W}${id}`)).status).toBe(404);
      const feed = (await (await ana.fetch(`${W}changes`)).json()) as { changes: { id: string }[] };
      expect(feed.changes.some((c) => c.id === id)).toBe(false);
    });

    test('a write that fails inside its transaction leaves nothing (no annotation, no change, no notification)', async () => {
      const anaId = (await (await ana.fetch('/api/session')).json() as { user: { id: string } }).user.id;
      const before = (await (await ana.fetch(`${W}changes`)).json()) as { cursor: number };
      await expect(
        h.server.db.transaction(anaId, async (q) => {
          await q(`INSERT INTO changes (work, id, op, etag, author_id, visibility) VALUES ('kavbiuro', 'partial', 'put', '"x"', $1, 'public')`, [anaId]);
          throw new Error('the connection broke here');
        }),
      ).rejects.toThrow(/broke/);
      const after = (await (await ana.fetch(`${W}changes?since=${before.cursor}`)).json()) as { changes: unknown[] };
      expect(after.changes).toEqual([]);
    });
  });

  test(`migrations are recorded and never applied twice (${engine})`, async () => {
    const { migrate } = await import('../../../src/server/migrate.ts');
    expect(await migrate(h.server.db)).toEqual([]);
    const names = await h.server.db.admin((q) => q<{ name: string }>(`SELECT name FROM schema_migrations ORDER BY name`, []));
    expect(names.map((n) => n.name)).toContain('001-initial.sql');
  });

  describe(`changes (${engine})`, () => {
    test('?since= gives what came after the cursor, in commit order', async () => {
      const start = ((await (await ben.fetch(`${W}changes`)).json()) as { cursor: number }).cursor;
      const a = await create(ana, 'c1', group());
      const b = await create(ben, 'c2', group());
      const feed = (await (await ben.fetch(`${W}changes?since=${start}`)).json()) as { cursor: number; changes: { id: string; cursor: number; etag: string }[] };
      expect(feed.changes.map((c) => c.id)).toEqual([a.id, b.id]);
      expect(feed.changes[0]!.etag).toBe(a.etag);
      expect(feed.cursor).toBe(feed.changes[1]!.cursor);
      expect((await ben.fetch(`${W}changes?since=abc`)).status).toBe(400);
    });

    test('the SSE stream delivers a note posted by another member, and Last-Event-ID replays what was missed', async () => {
      const start = ((await (await ben.fetch(`${W}changes`)).json()) as { cursor: number }).cursor;
      const stream = await ben.fetch(`${W}events`, { headers: { 'last-event-id': String(start) } });
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const posted = create(ana, 'live note', group());
      const a = await posted;
      const events = await readEvents(stream, (es) => es.some((e) => e.data['id'] === a.id));
      const got = events.find((e) => e.data['id'] === a.id)!;
      expect(got.data['op']).toBe('put');
      expect(((got.data['annotation'] as { body: { value: string }[] }).body[0]!.value)).toBe('live note');
      // Reconnect from before it: it is replayed.
      const again = await ben.fetch(`${W}events`, { headers: { 'last-event-id': String(start) } });
      const replay = await readEvents(again, (es) => es.some((e) => e.data['id'] === a.id));
      expect(replay.map((e) => e.data['id'])).toContain(a.id);
      // Dan (not in the group) gets no event for it.
      const danStream = await dan.fetch(`${W}events`, { headers: { 'last-event-id': String(start) } });
      const pub = await create(ana, 'public marker', { 'apparatus:visibility': 'public' });
      const danEvents = await readEvents(danStream, (es) => es.some((e) => e.data['id'] === pub.id));
      expect(danEvents.map((e) => e.data['id'])).not.toContain(a.id);
    });
  });

  describe(`push and pull (${engine})`, () => {
    test('push sends annotations/kavbiuro.jsonld (a second push finds them there), pull writes them back', async () => {
      const { main } = await import('../../../src/cli/main.ts');
      const written = new Map<string, string>();
      const out: string[] = [];
      const io = {
        stdout: (t: string) => void out.push(t),
        stderr: (t: string) => void out.push(t),
        readFile: async (p: string) => new Uint8Array(readFileSync(p)),
        readStdin: async () => new TextEncoder().encode('ben-password\n'),
        writeFile: async (p: string, d: string | Uint8Array) => void written.set(p, typeof d === 'string' ? d : new TextDecoder().decode(d)),
      };
      const args = ['kavbiuro', '--server', base, '--user', 'ben', '--password-stdin', '--visibility', 'group', '--group', h.groupId];
      const file = JSON.parse(readFileSync('annotations/kavbiuro.jsonld', 'utf8')) as { first: { items: { id: string }[] } };
      expect(await main(['push', ...args], io), out.join('')).toBe(0);
      expect(out.join('')).toContain(`pushed ${file.first.items.length} new`);
      out.length = 0;
      expect(await main(['push', ...args], io), out.join('')).toBe(0);
      expect(out.join('')).toContain(`pushed 0 new, ${file.first.items.length} already there`);
      expect(await main(['pull', 'kavbiuro', '--server', base, '--user', 'ben', '--password-stdin', '--dir', '/tmp/x'], io)).toBe(0);
      const pulled = JSON.parse(written.get('/tmp/x/kavbiuro.jsonld')!) as { first: { items: { id: string }[] } };
      const ids = new Set(pulled.first.items.map((i) => i.id));
      for (const a of file.first.items) expect(ids.has(a.id)).toBe(true);
      if (models) expect(validateCollection(pulled, 'pulled')).toEqual([]);
    });
  });
}
