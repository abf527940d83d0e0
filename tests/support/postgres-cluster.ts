/**
 * A throwaway PostgreSQL cluster for tests: Debian's `postgresql` binaries (initdb, pg_ctl) into a temporary
 * folder, listening only on a unix socket in that folder, run as the `postgres` user when the tests run as root
 * (PostgreSQL refuses to run as root). `postgresMissingReason()` says why the PostgreSQL tests skip.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** Null when a cluster can be started, else the reason the PostgreSQL tests skip. */
export function postgresMissingReason(): string | null {
  if (!binDir()) return 'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; `apt-get install postgresql`): the PostgreSQL server tests are skipped';
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root and there is no `postgres` user to run the throwaway cluster as: the PostgreSQL server tests are skipped';
    }
  }
  return null;
}

export interface Cluster {
  url: string;
  dir: string;
  /** Stops the server (fast mode: open connections are cut) — the "database restarts" fault. */
  stop(): void;
  start(): void;
  destroy(): void;
}

export function startCluster(port = 20000 + Math.floor(Math.random() * 20000)): Cluster {
  const bin = binDir()!;
  const dir = mkdtempSync(join(tmpdir(), 'apparatus-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  const run = (cmd: string, args: string[]) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' }) : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const start = () => void run('pg_ctl', ['-D', data, '-w', '-l', join(dir, 'log'), '-o', `-k ${dir} -p ${port} -c listen_addresses='' -c fsync=off`, 'start']);
  const stop = () => void run('pg_ctl', ['-D', data, '-w', '-m', 'fast', 'stop']);
  start();
  return {
    url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dir)}&port=${port}`,
    dir,
    start,
    stop,
    destroy: () => {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
