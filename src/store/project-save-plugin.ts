/**
 * The dev server's side of "Save to project" (Node, Vite dev and preview only):
 *
 * - `GET /api/corpus` → the project's works (`corpus/<id>/` with text.txt and work.json; corpus-listing.ts), for the
 *   library;
 * - `GET /api/capabilities` → `{ "saveToProject": true }` (a static build has no such endpoint: the reader shows
 *   the "Save to project" button only when this answers);
 * - `POST /api/annotations/<workId>` (`Content-Type: application/json` or `application/ld+json`) with either
 *   - the reader's merging save `{ base, notes }` (save-project-notes.ts): merged three-way with the file on disk
 *     and written atomically → 200 `{ ok: true, path, count, sha256, written, upToDate, report, keptUnreadable,
 *     message }`; or
 *   - a bare `AnnotationCollection`: validated and written as it is, replacing the file (`saveAnnotationFile`;
 *     for scripts that mean to replace it) → 200 `{ ok: true, path, count, sha256, written }`;
 *   or `{ ok: false, error, problems? }` with 400 (invalid body or id), 403 (cross-site request, or the notes file
 *   is a link leading out of `annotations/`), 404 (no such work), 409 (the file on disk cannot be read, so it is
 *   neither merged with nor overwritten), 413 (too large), 415 (not JSON), 500 (write failed). `written` is false
 *   when the file already held exactly that content (it is then not touched at all);
 * - `GET /api/annotations/<workId>` → that file as it is on disk now (404 when there is none);
 * - `GET /api/annotation-server` → `{ "reachable": bool }`: whether the annotation server Vite proxies `/api/` to
 *   (`127.0.0.1:$APPARATUS_SERVER_PORT`, default 8787) answers, so that the page never asks a proxy with nothing
 *   behind it (a 500 the browser would report); `/api/annotations/<workId>/…` is passed on to that server;
 * - `GET /corpus/**` and `GET /annotations/**` → the project's files, never the SPA's index.html in place of a
 *   missing one (a missing file is a 404), never dot-files (temporary files), never outside those folders — also
 *   not through a symbolic link: the real path must stay inside the folder (project-paths.ts).
 *
 * A request whose URL cannot be parsed (e.g. `GET http://[ HTTP/1.1`) is answered 400 here and never throws;
 * `guardMalformedUrls` protects the whole server (Vite's own middlewares included) from such requests.
 *
 * The project root is the plugin option `projectRoot`, else `$APPARATUS_PROJECT_ROOT`, else Vite's `root` — so a
 * test can point a real server at a temporary copy.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { MAX_ANNOTATION_FILE_BYTES, ProjectFileError, annotationFilePath, saveAnnotationFile } from './project-file.ts';
import { listCorpus } from './corpus-listing.ts';
import { containedRealPath } from './project-paths.ts';
import { isSaveProjectRequest, saveProjectNotes, type SaveProjectRequest } from './save-project-notes.ts';

/** The largest request body read: a merging save carries the notes and the base they started from. */
const MAX_BODY_BYTES = 2 * MAX_ANNOTATION_FILE_BYTES + 64 * 1024;

/** Options of `projectSavePlugin`. */
export interface ProjectSavePluginOptions {
  /** Folder holding `corpus/` and `annotations/`. Default: `$APPARATUS_PROJECT_ROOT`, else Vite's root. */
  projectRoot?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/** The Vite plugin serving the endpoints above in `vite` (dev) and `vite preview`. */
export function projectSavePlugin(options: ProjectSavePluginOptions = {}): Plugin {
  let projectRoot = '';
  const handler: Connect.NextHandleFunction = (req, res, next) => {
    handleProjectRequest(projectRoot, req, res).then(
      (handled) => {
        if (!handled) next();
      },
      (error: unknown) => next(error),
    );
  };
  return {
    name: 'apparatus:project-save',
    configResolved(config) {
      projectRoot = resolve(options.projectRoot ?? process.env['APPARATUS_PROJECT_ROOT'] ?? config.root);
    },
    configureServer(server) {
      if (server.httpServer) guardMalformedUrls(server.httpServer as Server);
      server.middlewares.use(handler);
    },
    configurePreviewServer(server) {
      guardMalformedUrls(server.httpServer as Server);
      server.middlewares.use(handler);
    },
  };
}

/**
 * Answers one request if it is one of the plugin's; resolves false when it is not (the caller passes it on).
 * Exported for tests and for other servers; never rejects for a client's mistake (that is a 4xx answer).
 */
export async function handleProjectRequest(projectRoot: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = parseRequestUrl(req.url);
  if (!url) {
    sendJson(res, 400, { ok: false, error: `The request URL ${JSON.stringify(String(req.url).slice(0, 200))} cannot be parsed.` });
    return true;
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    sendJson(res, 400, { ok: false, error: `The path ${url.pathname} is not valid percent-encoding.` });
    return true;
  }
  const method = req.method ?? 'GET';

  if (path === '/api/annotation-server') {
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
    sendJson(res, 200, { reachable: await annotationServerReachable() });
    return true;
  }

  if (path === '/api/corpus') {
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
    sendJson(res, 200, await listCorpus(projectRoot));
    return true;
  }

  if (path === '/api/capabilities') {
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
    sendJson(res, 200, { saveToProject: true });
    return true;
  }

  // `/api/annotations/<work>/…` (a further segment in the raw path) is the annotation server's container
  // (docs/annotation-server.md), passed on to it; `<work>` alone is the project file.
  if (path.startsWith('/api/annotations/') && url.pathname.slice('/api/annotations/'.length).includes('/')) return false;
  if (path.startsWith('/api/annotations/')) {
    const workId = path.slice('/api/annotations/'.length);
    if (method === 'POST') {
      await handleSave(projectRoot, workId, req, res);
      return true;
    }
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD, POST');
    let file: string;
    try {
      file = annotationFilePath(projectRoot, workId);
    } catch (error) {
      sendJson(res, (error as ProjectFileError).status ?? 400, { ok: false, error: (error as Error).message });
      return true;
    }
    const real = await containedRealPath(resolve(projectRoot, 'annotations'), file);
    if (!real.ok) {
      sendJson(res, 404, { ok: false, error: `Not found: annotations/${workId}.jsonld` });
      return true;
    }
    await serveFile(res, method, real.real, `annotations/${workId}.jsonld`);
    return true;
  }

  // Only plain file requests: `?raw`, `?import`, `?url` … belong to Vite's module pipeline.
  if ((path.startsWith('/corpus/') || path.startsWith('/annotations/')) && url.search === '') {
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
    const top = path.startsWith('/corpus/') ? 'corpus' : 'annotations';
    const base = resolve(projectRoot, top);
    const file = resolve(base, `.${path.slice(top.length + 1)}`);
    const rel = relative(base, file);
    const hidden = rel.split(sep).some((segment) => segment.startsWith('.'));
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || hidden) {
      sendJson(res, 404, { ok: false, error: `Not found: ${path}` });
      return true;
    }
    const real = await containedRealPath(base, file);
    if (!real.ok) {
      sendJson(res, 404, { ok: false, error: `Not found: ${path}` });
      return true;
    }
    await serveFile(res, method, real.real, path.slice(1));
    return true;
  }
  return false;
}

/**
 * The request's URL, or null when it cannot be parsed (Node accepts request targets such as `http://[` that the
 * WHATWG URL parser refuses).
 */
export function parseRequestUrl(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

/** Whether the annotation server on `127.0.0.1:$APPARATUS_SERVER_PORT` (default 8787) answers within 1 s. */
async function annotationServerReachable(): Promise<boolean> {
  const port = process.env['APPARATUS_SERVER_PORT'] ?? '8787';
  if (!/^\d{1,5}$/.test(port)) return false;
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/session`, { signal: AbortSignal.timeout(1000) });
    await res.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes `server` answer 400 to a request whose URL cannot be parsed, before any other listener sees it. Vite 8.3.8
 * dies on such a request (`GET http://[ HTTP/1.1`): its middlewares call `new URL(req.url, …)` without a guard and
 * the throw escapes connect's error handling. The guard runs first among the `request` listeners and, for a
 * malformed URL, answers and stops the others from seeing the request. Idempotent.
 */
export function guardMalformedUrls(server: Server): void {
  const marked = server as Server & { [GUARDED]?: true };
  if (marked[GUARDED]) return;
  marked[GUARDED] = true;
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (parseRequestUrl(req.url) === null) {
      sendJson(res, 400, { ok: false, error: 'The request URL cannot be parsed.' });
      return;
    }
    for (const listener of listeners) listener.call(server, req, res);
  });
}

const GUARDED = Symbol('apparatus:guarded');

async function handleSave(projectRoot: string, workId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // A page on another site must not be able to overwrite the scholar's files through their dev server.
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  const crossSite = (origin !== undefined && safeHost(origin) !== req.headers.host) || (site !== undefined && site !== 'same-origin' && site !== 'none');
  if (crossSite) {
    await drain(req, 0);
    sendJson(res, 403, { ok: false, error: 'Saving to the project is allowed only from the reader served by this dev server (same origin).' });
    return;
  }
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/(ld\+)?json\s*(;|$)/i.test(type)) {
    await drain(req, 0);
    sendJson(res, 415, { ok: false, error: `Send the annotations as JSON (Content-Type application/ld+json or application/json), not "${type || 'nothing'}".` });
    return;
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  const body = await drain(req, MAX_BODY_BYTES);
  if (body === null || declared > MAX_BODY_BYTES) {
    sendJson(res, 413, { ok: false, error: `The annotations are larger than ${MAX_ANNOTATION_FILE_BYTES / (1024 * 1024)} MB; the dev server refuses to write them.` });
    return;
  }
  try {
    const request = mergingRequest(body);
    if (request) {
      const saved = await saveProjectNotes(projectRoot, workId, request);
      sendJson(res, 200, { ok: true, ...saved });
      return;
    }
    const saved = await saveAnnotationFile(projectRoot, workId, body);
    sendJson(res, 200, { ok: true, path: saved.path, count: saved.count, sha256: saved.sha256, written: saved.written });
  } catch (error) {
    if (error instanceof ProjectFileError) {
      sendJson(res, error.status, { ok: false, error: error.message, ...(error.problems.length ? { problems: error.problems } : {}) });
    } else {
      sendJson(res, 500, { ok: false, error: `Writing annotations/${workId}.jsonld failed: ${(error as Error).message}` });
    }
  }
}

/** The body as a merging save `{ base, notes }`, or null when it is anything else (a bare collection, not JSON…). */
function mergingRequest(body: Buffer): SaveProjectRequest | null {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  return isSaveProjectRequest(value) ? value : null;
}

/**
 * Reads the whole request body; null when it exceeds `limit` bytes (the rest is still read and dropped, so the
 * client gets the answer rather than a broken connection — up to a hard cap, past which the connection is cut).
 */
function drain(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const hardCap = 4 * MAX_ANNOTATION_FILE_BYTES;
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
      if (size > hardCap) {
        req.destroy();
        resolvePromise(null);
      }
    });
    req.on('end', () => resolvePromise(size <= limit ? Buffer.concat(chunks) : null));
    req.on('error', reject);
  });
}

async function serveFile(res: ServerResponse, method: string, file: string, name: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    sendJson(res, 404, { ok: false, error: `Not found: ${name}` });
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
  res.setHeader('Content-Length', String(info.size));
  // The files change under the reader ("Save to project"); a cached copy would show old notes.
  res.setHeader('Cache-Control', 'no-store');
  if (method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((done) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      done();
    });
    stream.on('end', done);
    stream.pipe(res);
  });
}

function methodNotAllowed(res: ServerResponse, allow: string): true {
  res.setHeader('Allow', allow);
  sendJson(res, 405, { ok: false, error: `Method not allowed; use ${allow}.` });
  return true;
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', String(Buffer.byteLength(text)));
  res.end(text);
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
