/**
 * The HTTP face of the annotation server (docs/annotation-server.md): sessions, the W3C Web Annotation Protocol
 * on one LDP basic container per work, the change feed and its Server-Sent Events stream. Node's `http` only.
 *
 * Errors are answered as JSON `{error}` with the status that says what went wrong; a request the handler cannot
 * even parse (a malformed URL, a broken request line) gets 400 and the process keeps serving. A body is read in
 * full (up to `maxBodyBytes`, else 413) before any transaction starts, so a client that goes away mid-request
 * leaves nothing behind.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ANNOTATION_CONTEXT, W3C_CONTEXT } from '../anchoring/annotation-types.ts';
import { groupsOf, sessionUser, signIn, signOut, type User } from './accounts.ts';
import { AnnotationStore, CHANGES_CHANNEL, StoreError, checkAnnotationBody, isAnnotationId, isWorkName, lastSegment, type Stored } from './annotation-store.ts';
import type { Database } from './db.ts';

export const ANNO_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
const LDP = 'http://www.w3.org/ns/ldp#';
const CONSTRAINED_BY = 'https://www.w3.org/TR/annotation-model/';
const COOKIE = 'apparatus_session';
export const PAGE_SIZE = 100;

export interface ServiceOptions {
  db: Database;
  /** Largest accepted request body (default 1 MiB). */
  maxBodyBytes?: number;
  /** Extra origins allowed to write (besides the request's own host). */
  allowedOrigins?: readonly string[];
  /** Annotations per AnnotationPage (default 100). */
  pageSize?: number;
}

export interface AnnotationService {
  server: Server;
  /** Stops listening for NOTIFY and ends open event streams (does not close the database). */
  stop(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

interface EventClient {
  work: string;
  user: User | null;
  cursor: number;
  res: ServerResponse;
  running: boolean;
  again: boolean;
}

export async function createAnnotationService(options: ServiceOptions): Promise<AnnotationService> {
  const { db } = options;
  const store = new AnnotationStore(db);
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const clients = new Set<EventClient>();

  /**
   * Sends `client` what it may see after its cursor. Notifications that arrive while a delivery runs are
   * coalesced into one more pass (one query catches up any number of changes), so the work per client stays
   * bounded however fast notes arrive.
   */
  const deliver = (client: EventClient) => {
    if (client.running) {
      client.again = true;
      return;
    }
    client.running = true;
    void (async () => {
      do {
        client.again = false;
        try {
          for (;;) {
            if (client.res.destroyed) return;
            const { cursor, changes } = await store.changes(client.work, client.cursor, client.user);
            for (const c of changes) client.res.write(`id: ${c.cursor}\nevent: change\ndata: ${JSON.stringify(c)}\n\n`);
            client.cursor = cursor;
            if (changes.length < 1000) break;
          }
        } catch {
          // The database is away: the stream stays open and catches up at the next notification or reconnect.
        }
      } while (client.again);
    })().finally(() => {
      client.running = false;
    });
  };
  const unlisten = await db.listen(
    CHANGES_CHANNEL,
    (payload) => {
      let work: unknown;
      try {
        work = (JSON.parse(payload) as { work?: unknown }).work;
      } catch {
        return;
      }
      for (const c of clients) if (c.work === work) deliver(c);
    },
    () => {
      for (const c of clients) deliver(c);
    },
  );

  const server = createServer({ requestTimeout: 60_000 }, (req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError || e instanceof StoreError ? e.status : 500;
      const headers = e instanceof HttpError ? e.headers : {};
      if (status === 500) process.stderr.write(`apparatus serve: ${(e as Error)?.stack ?? String(e)}\n`);
      if (e instanceof StoreError && e.current) {
        sendAnnotation(req, res, status, e.current, { 'x-apparatus-error': encodeURIComponent(e.message) });
        return;
      }
      sendJson(res, status, { error: status === 500 ? 'internal error (see the server log)' : (e as Error).message }, headers);
    });
  });
  // Longer than clients' idle reuse (undici keeps sockets 4 s+): a socket the server closes while a client
  // reuses it shows up as ECONNRESET on the client.
  server.keepAliveTimeout = 65_000;
  // A request line or header Node's parser refuses: answer 400 and close, never crash.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
      if (!(req.url ?? '').startsWith('/')) throw new Error('not a path');
    } catch {
      throw new HttpError(400, `malformed request target ${JSON.stringify(req.url)}`);
    }
    const parts = url.pathname.split('/').slice(1).map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        throw new HttpError(400, `malformed percent-encoding in ${JSON.stringify(url.pathname)}`);
      }
    });
    if (parts[0] !== 'api') throw new HttpError(404, `no such resource ${url.pathname}`);
    const method = req.method ?? 'GET';
    if (!['GET', 'HEAD', 'OPTIONS'].includes(method)) checkOrigin(req);
    const user = await currentUser(req);

    if (parts[1] === 'session' && parts.length === 2) return sessionRoute(req, res, method, user);
    if (parts[1] === 'annotations' && parts.length >= 3) {
      const work = parts[2]!;
      if (!isWorkName(work)) throw new HttpError(400, `bad work name ${JSON.stringify(work)}`);
      const rest = parts.slice(3);
      if (rest.length === 0 || (rest.length === 1 && rest[0] === '')) return containerRoute(req, res, method, url, work, user);
      if (rest.length === 1 && rest[0] === 'changes') {
        allow(method, ['GET']);
        const { cursor, changes } = await store.changes(work, cursorParam(url.searchParams.get('since')), user);
        return sendJson(res, 200, { cursor, changes });
      }
      if (rest.length === 1 && rest[0] === 'events') {
        allow(method, ['GET']);
        return openEvents(req, res, url, work, user);
      }
      const id = rest[0]!;
      if (!isAnnotationId(id)) throw new HttpError(400, `bad annotation id ${JSON.stringify(id)}`);
      if (rest.length === 1) return annotationRoute(req, res, method, work, id, user);
      if (rest.length === 2 && (rest[1] === 'hide' || rest[1] === 'unhide')) {
        allow(method, ['POST']);
        const stored = await store.setHidden(work, id, needUser(user), rest[1] === 'hide');
        return sendAnnotation(req, res, 200, stored);
      }
    }
    throw new HttpError(404, `no such resource ${url.pathname}`);
  }

  async function sessionRoute(req: IncomingMessage, res: ServerResponse, method: string, user: User | null): Promise<void> {
    allow(method, ['GET', 'POST', 'DELETE']);
    if (method === 'POST') {
      const body = await readJson(req, 'application/json');
      const o = (typeof body === 'object' && body ? body : {}) as Record<string, unknown>;
      if (typeof o['name'] !== 'string' || typeof o['password'] !== 'string') throw new HttpError(400, 'the body must be {"name": …, "password": …}');
      const signed = await signIn(db, o['name'], o['password']);
      if (!signed) throw new HttpError(401, 'wrong name or password');
      const secure = (req.headers['x-forwarded-proto'] ?? '') === 'https' ? '; Secure' : '';
      res.setHeader('Set-Cookie', `${COOKIE}=${signed.token}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${30 * 86400}${secure}`);
      return sendJson(res, 200, { user: signed.user, groups: await groupsOf(db, signed.user.id) });
    }
    if (method === 'DELETE') {
      const token = cookieToken(req);
      if (token) await signOut(db, token);
      res.setHeader('Set-Cookie', `${COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0`);
      res.writeHead(204).end();
      return;
    }
    if (!user) throw new HttpError(401, 'not signed in');
    return sendJson(res, 200, { user, groups: await groupsOf(db, user.id) });
  }

  async function containerRoute(req: IncomingMessage, res: ServerResponse, method: string, url: URL, work: string, user: User | null): Promise<void> {
    const base = `${origin(req)}/api/annotations/${work}/`;
    const headers = {
      Link: `<${LDP}BasicContainer>; rel="type", <${LDP}Resource>; rel="type", <${CONSTRAINED_BY}>; rel="${LDP}constrainedBy"`,
      Allow: 'GET, HEAD, OPTIONS, POST',
      'Accept-Post': ANNO_MEDIA_TYPE + ', application/ld+json, application/json',
      Vary: 'Accept, Prefer',
    };
    if (method === 'OPTIONS') {
      res.writeHead(204, headers).end();
      return;
    }
    allow(method, ['GET', 'HEAD', 'POST'], headers.Allow);
    if (method === 'POST') {
      const json = await readJson(req, 'annotation');
      let id: string;
      if (typeof json === 'object' && json !== null && !Array.isArray(json) && (json as Record<string, unknown>)['id'] === undefined) {
        // The server chooses the IRI (the protocol's usual case).
        id = randomUUID();
        (json as Record<string, unknown>)['id'] = `${base}${id}`;
      }
      const raw = checkAnnotationBody(json, 'annotation');
      checkOwnContainer(String(raw['id']), base);
      id = lastSegment(String(raw['id']));
      if (!isAnnotationId(id)) throw new HttpError(400, `the annotation's id ${JSON.stringify(raw['id'])} does not end in a usable id`);
      const stored = await store.put(work, id, raw, needUser(user), 'absent');
      res.setHeader('Location', `${base}${encodeURIComponent(id)}`);
      return sendAnnotation(req, res, 201, stored);
    }
    const prefer = String(req.headers['prefer'] ?? '');
    const minimal = prefer.includes(`${LDP}PreferMinimalContainer`);
    const iris = prefer.includes(`${W3C_CONTEXT.replace('anno.jsonld', 'oa#')}PreferContainedIRIs`);
    const pageParam = url.searchParams.get('page');
    if (pageParam !== null) {
      const n = Number(pageParam);
      if (!Number.isInteger(n) || n < 0) throw new HttpError(400, `page must be a whole number ≥ 0, found ${JSON.stringify(pageParam)}`);
      const { total, items } = await store.list(work, user, n * pageSize, pageSize);
      const last = Math.max(0, Math.ceil(total / pageSize) - 1);
      if (n > last) throw new HttpError(404, `page ${n} is past the last page (${last})`);
      const page = {
        '@context': ANNOTATION_CONTEXT,
        id: `${base}?page=${n}${iris ? '&iris=1' : ''}`,
        type: 'AnnotationPage',
        partOf: { id: base, total, modified: new Date().toISOString() },
        startIndex: n * pageSize,
        ...(n < last ? { next: `${base}?page=${n + 1}` } : {}),
        ...(n > 0 ? { prev: `${base}?page=${n - 1}` } : {}),
        items: items.map((s) => (iris ? String(s.body['id']) : s.body)),
      };
      return sendBody(req, res, 200, page, { ...headers, 'Content-Type': ANNO_MEDIA_TYPE });
    }
    const { total, version, items } = await store.list(work, user, 0, pageSize);
    const last = Math.max(0, Math.ceil(total / pageSize) - 1);
    const collection: Record<string, unknown> = {
      '@context': [`${LDP.slice(0, -1)}.jsonld`, ...ANNOTATION_CONTEXT],
      id: base,
      type: ['BasicContainer', 'AnnotationCollection'],
      label: `Annotations on ${work}`,
      total,
    };
    if (total > 0) {
      collection['first'] = minimal
        ? `${base}?page=0`
        : {
            id: `${base}?page=0`,
            type: 'AnnotationPage',
            startIndex: 0,
            ...(last > 0 ? { next: `${base}?page=1` } : {}),
            items: items.map((s) => (iris ? String(s.body['id']) : s.body)),
          };
      collection['last'] = `${base}?page=${last}`;
    }
    const etag = `W/"${total}-${version}"`;
    return sendBody(req, res, 200, collection, { ...headers, 'Content-Type': ANNO_MEDIA_TYPE, ETag: etag, 'Preference-Applied': prefer ? 'return=representation' : '' });
  }

  async function annotationRoute(req: IncomingMessage, res: ServerResponse, method: string, work: string, id: string, user: User | null): Promise<void> {
    const base = `${origin(req)}/api/annotations/${work}/`;
    if (method === 'OPTIONS') {
      res.writeHead(204, { Allow: 'GET, HEAD, OPTIONS, PUT, DELETE', Link: `<${LDP}Resource>; rel="type"` }).end();
      return;
    }
    allow(method, ['GET', 'HEAD', 'PUT', 'DELETE'], 'GET, HEAD, OPTIONS, PUT, DELETE');
    if (method === 'GET' || method === 'HEAD') {
      const stored = await store.get(work, id, user);
      if (!stored) throw new HttpError(404, `no annotation ${id} in ${work} that you can see`);
      const inm = req.headers['if-none-match'];
      if (inm && inm.split(',').map((s) => s.trim()).includes(stored.etag)) {
        res.writeHead(304, { ETag: stored.etag, Vary: 'Accept' }).end();
        return;
      }
      return sendAnnotation(req, res, 200, stored);
    }
    const signed = needUser(user);
    if (method === 'DELETE') {
      const ifMatch = req.headers['if-match'];
      if (!ifMatch) throw new HttpError(428, 'DELETE needs If-Match: <etag> (the version you mean to delete)');
      await store.remove(work, id, signed, ifMatch.trim());
      res.writeHead(204).end();
      return;
    }
    const raw = checkAnnotationBody(await readJson(req, 'annotation'), 'annotation');
    if (typeof raw['id'] === 'string') {
      checkOwnContainer(raw['id'], base);
      if (lastSegment(raw['id']) !== id) throw new HttpError(400, `the annotation's id ${JSON.stringify(raw['id'])} does not end in ${JSON.stringify(id)}, the address it was sent to`);
    } else {
      raw['id'] = `${base}${id}`;
    }
    const ifMatch = req.headers['if-match'];
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifNoneMatch?.trim() === '*') {
      const stored = await store.put(work, id, raw, signed, 'absent');
      res.setHeader('Location', `${base}${encodeURIComponent(id)}`);
      return sendAnnotation(req, res, 201, stored);
    }
    if (!ifMatch) throw new HttpError(428, 'PUT needs If-Match: <etag> to update, or If-None-Match: * to create');
    return sendAnnotation(req, res, 200, await store.put(work, id, raw, signed, ifMatch.trim()));
  }

  async function openEvents(req: IncomingMessage, res: ServerResponse, url: URL, work: string, user: User | null): Promise<void> {
    const last = req.headers['last-event-id'];
    const cursor = cursorParam(typeof last === 'string' && last !== '' ? last : url.searchParams.get('since'));
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write(`retry: 1000\n: events of ${work}\n\n`);
    const client: EventClient = { work, user, cursor, res, running: false, again: false };
    clients.add(client);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    const close = () => {
      clearInterval(ping);
      clients.delete(client);
    };
    req.on('close', close);
    res.on('close', close);
    deliver(client);
  }

  function checkOrigin(req: IncomingMessage): void {
    const o = req.headers['origin'];
    if (o === undefined) return; // not a browser (the CLI, curl): cookies are SameSite=Lax besides
    if (o === origin(req) || (options.allowedOrigins ?? []).includes(o)) return;
    throw new HttpError(403, `writes from origin ${o} are not allowed (only ${origin(req)})`);
  }

  async function currentUser(req: IncomingMessage): Promise<User | null> {
    const token = cookieToken(req);
    return token ? sessionUser(db, token) : null;
  }

  function readJson(req: IncomingMessage, kind: 'annotation' | 'application/json'): Promise<unknown> {
    const type = String(req.headers['content-type'] ?? '').toLowerCase();
    const mime = type.split(';')[0]!.trim();
    const ok = kind === 'annotation' ? mime === 'application/ld+json' || mime === 'application/json' : mime === 'application/json';
    if (!ok) {
      req.resume();
      return Promise.reject(new HttpError(415, `Content-Type must be ${kind === 'annotation' ? ANNO_MEDIA_TYPE : 'application/json'}, found ${JSON.stringify(type)}`));
    }
    return new Promise((resolve, reject) => {
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > maxBody) {
        req.resume();
        reject(new HttpError(413, `the body (${declared} bytes) is over the limit of ${maxBody} bytes`, { Connection: 'close' }));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let failed = false;
      req.on('data', (chunk: Buffer) => {
        if (failed) return;
        size += chunk.length;
        if (size > maxBody) {
          failed = true;
          reject(new HttpError(413, `the body is over the limit of ${maxBody} bytes`, { Connection: 'close' }));
          return;
        }
        chunks.push(chunk);
      });
      req.on('aborted', () => {
        failed = true;
        reject(new HttpError(400, 'the client went away before sending the whole body'));
      });
      req.on('error', (e) => {
        failed = true;
        reject(new HttpError(400, `reading the body failed: ${e.message}`));
      });
      req.on('end', () => {
        if (failed) return;
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve(JSON.parse(text));
        } catch (e) {
          reject(new HttpError(400, `the body is not JSON: ${(e as Error).message}`));
        }
      });
    });
  }

  return {
    server,
    stop: async () => {
      await unlisten();
      for (const c of clients) c.res.end();
      clients.clear();
    },
  };
}

function origin(req: IncomingMessage): string {
  const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  return `${proto}://${req.headers['host'] ?? 'localhost'}`;
}

function checkOwnContainer(iri: string, base: string): void {
  const m = /\/api\/annotations\/([^/]+)\//.exec(iri);
  if (m && !iri.startsWith(base)) throw new HttpError(409, `the annotation's id ${JSON.stringify(iri)} belongs to another container, not ${base}`);
}

function cursorParam(v: string | null): number {
  if (v === null || v === '') return 0;
  if (!/^\d{1,15}$/.test(v)) throw new HttpError(400, `the cursor must be a whole number, found ${JSON.stringify(v)}`);
  return Number(v);
}

function allow(method: string, methods: string[], header = methods.join(', ')): void {
  if (!methods.includes(method)) throw new HttpError(405, `${method} is not allowed here (${header})`, { Allow: header });
}

function needUser(user: User | null): User {
  if (!user) throw new HttpError(401, 'sign in first (POST /api/session)');
  return user;
}

function cookieToken(req: IncomingMessage): string | null {
  for (const part of String(req.headers['cookie'] ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE && v.length) return v.join('=');
  }
  return null;
}

function sendAnnotation(req: IncomingMessage, res: ServerResponse, status: number, stored: Stored, extra: Record<string, string> = {}): void {
  const body = { '@context': ANNOTATION_CONTEXT, ...stored.body };
  sendBody(req, res, status, body, {
    'Content-Type': ANNO_MEDIA_TYPE,
    ETag: stored.etag,
    Link: `<${LDP}Resource>; rel="type"`,
    Allow: 'GET, HEAD, OPTIONS, PUT, DELETE',
    Vary: 'Accept',
    ...extra,
  });
}

function sendBody(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const text = JSON.stringify(body);
  const clean = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ''));
  res.writeHead(status, { ...clean, 'Content-Length': Buffer.byteLength(text) });
  res.end(req.method === 'HEAD' ? undefined : text);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
