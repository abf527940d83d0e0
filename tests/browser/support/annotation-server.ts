/**
 * The annotation server for browser tests (issue 11): started through its own command line, `apparatus serve --port
 * N --data DIR` (docs/annotation-server.md), with PGlite data in a temporary folder and a free loopback port, and the
 * reader's Vite dev server proxying `/api/` to it (one origin: cookies, no CORS). Accounts and groups are made with
 * `apparatus user add NAME --password-stdin`, `apparatus group add NAME --owner USER` and `apparatus group join GROUP
 * USER --role ROLE`. `APPARATUS_CLI` names another command file (default: the project's `bin/apparatus.js`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { PROJECT_ROOT } from './browser.ts';

const CLI = process.env['APPARATUS_CLI'] ?? join(PROJECT_ROOT, 'bin/apparatus.js');

/** Why the server tests cannot run here (shown as the skip reason), or null when they can. */
export function annotationServerMissing(): string | null {
  if (!process.env['APPARATUS_CLI'] && !existsSync(join(PROJECT_ROOT, 'src/server'))) return 'the annotation server (src/server, branch wt-server) is not in this checkout';
  if (!existsSync(CLI)) return `the command ${CLI} is missing`;
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs `apparatus …args` with `input` on stdin; rejects with its output when it fails. */
function cli(args: string[], input = '', env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`apparatus ${args.join(' ')} exited ${code}: ${out}`))));
    child.stdin.end(input);
  });
}

export interface RunningServers {
  /** the reader's URL (Vite, proxying /api/ to the annotation server) */
  url: string;
  /** the annotation server's own URL */
  api: string;
  addUser(name: string, password: string): Promise<void>;
  addGroup(name: string, owner: string): Promise<void>;
  join(group: string, user: string, role: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts the annotation server (fresh data) and the reader proxying to it. */
export async function startServers(): Promise<RunningServers> {
  const data = mkdtempSync(join(tmpdir(), 'apparatus-server-'));
  const port = await freePort();
  const api = `http://127.0.0.1:${port}`;
  const dataArgs = ['--data', data];
  let child: ChildProcess | null = spawn(process.execPath, [CLI, 'serve', '--port', String(port), ...dataArgs], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
  // Ready when it answers the session endpoint (401 when signed out).
  for (let i = 0; ; i++) {
    const done = await Promise.race([exited.then(() => 'exited' as const), new Promise<'wait'>((r) => setTimeout(() => r('wait'), 100))]);
    if (done === 'exited') throw new Error(`apparatus serve exited: ${log}`);
    const res = await fetch(`${api}/api/session`).catch(() => null);
    if (res) break;
    if (i > 600) throw new Error(`apparatus serve did not answer within 60 s: ${log}`);
  }
  const vite: ViteDevServer = await createServer({
    root: PROJECT_ROOT,
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false, watch: null, proxy: { '/api/session': api, '^/api/annotations/[^/]+/.*': { target: api, ws: false } } },
    clearScreen: false,
  });
  await vite.listen();
  const address = vite.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the Vite server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    api,
    addUser: async (name, password) => void (await cli(['user', 'add', name, '--password-stdin', ...dataArgs], `${password}\n`)),
    addGroup: async (name, owner) => void (await cli(['group', 'add', name, '--owner', owner, ...dataArgs])),
    join: async (group, user, role) => void (await cli(['group', 'join', group, user, '--role', role, ...dataArgs])),
    close: async () => {
      await vite.close();
      if (child && child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      child = null;
      rmSync(data, { recursive: true, force: true });
    },
  };
}
