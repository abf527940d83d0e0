/**
 * The annotation server for browser tests (issue 11): the real server (`src/server/serve.ts`, what `apparatus serve`
 * runs) on a free loopback port over fresh PGlite data in a temporary folder, accounts and groups made with the same
 * functions as `apparatus user add` / `group add|join`, and the reader's Vite dev server proxying `/api/` to it
 * (one origin: cookies, no CORS), as `npm start` does.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { PROJECT_ROOT } from './browser.ts';

/** Why the server tests cannot run here (shown as the skip reason), or null when they can. */
export function annotationServerMissing(): string | null {
  return existsSync(join(PROJECT_ROOT, 'src/server/serve.ts')) ? null : 'the annotation server (src/server, branch wt-server) is not in this checkout';
}

export interface RunningServers {
  /** the reader's URL (Vite, proxying /api/ to the annotation server) */
  url: string;
  addUser(name: string, password: string): Promise<void>;
  addGroup(name: string, owner: string): Promise<void>;
  join(group: string, user: string, role: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts the annotation server (fresh data) and the reader proxying to it. */
export async function startServers(): Promise<RunningServers> {
  // Imported here: a checkout without the server still loads this module (the tests then skip).
  const serve = './../../../src/server/serve.ts';
  const accountsPath = './../../../src/server/accounts.ts';
  const { startServer } = (await import(/* @vite-ignore */ serve)) as typeof import('../../../src/server/serve.ts');
  const accounts = (await import(/* @vite-ignore */ accountsPath)) as typeof import('../../../src/server/accounts.ts');
  const dir = mkdtempSync(join(tmpdir(), 'apparatus-server-'));
  const api = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data') });
  // The dev server's probe (`GET /api/annotation-server`) and the project's proxy read the server's port from here.
  process.env['APPARATUS_SERVER_PORT'] = String(api.port);
  let vite: ViteDevServer | null = null;
  try {
    vite = await createServer({
      root: PROJECT_ROOT,
      logLevel: 'error',
      server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false, watch: null, proxy: { '/api/': { target: `http://127.0.0.1:${api.port}`, changeOrigin: false, ws: false } } },
      clearScreen: false,
    });
    await vite.listen();
  } catch (error) {
    await api.close();
    throw error;
  }
  const address = vite.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the Vite server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    addUser: async (name, password) => void (await accounts.addUser(api.db, name, password)),
    addGroup: async (name, owner) => void (await accounts.addGroup(api.db, name, owner)),
    join: (group, user, role) => accounts.joinGroup(api.db, group, user, role),
    close: async () => {
      await vite?.close();
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
