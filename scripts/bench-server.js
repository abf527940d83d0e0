#!/usr/bin/env node
// `node scripts/bench-server.js [--duration S] [--members N] [--engine pglite|postgres|both] [--json]`
// (`npm run bench:server`): a load run of the annotation server on loopback. N members of one group (default
// 50) sign in, each keeps an SSE stream open and, for S seconds (default 60), posts a note about once a second
// and reads the container now and then. Reports per engine (keys suffixed _pglite / _postgres):
//   server_post_p95_ms          PUT (create) round trip, 95th percentile
//   server_feed_delivery_p95_ms from the start of a post to its arrival on another member's stream
//   server_notes_per_s          notes created per second
//   server_lost_notes           notes acknowledged (201) but missing, duplicated on a stream, or not in the
//                               container at the end — checked against the members' own logs; must be 0.
// PostgreSQL runs on a throwaway cluster (Debian's postgresql; skipped with a reason when absent). Uses the
// compiled CLI (dist-cli/, built by `npm install`).
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';

const argv = process.argv.slice(2);
const opt = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : def;
};
const duration = Number(opt('duration', 60));
const members = Number(opt('members', 50));
const engines = opt('engine', 'both') === 'both' ? ['pglite', 'postgres'] : [opt('engine')];
const log = (t) => process.stderr.write(`${t}\n`);
const ANNO = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
const { openDatabase } = await import('../dist-cli/server/db.js');
const { migrate } = await import('../dist-cli/server/migrate.js');
const { addUser, addGroup, joinGroup } = await import('../dist-cli/server/accounts.js');

const p95 = (xs) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(0.95 * s.length))] * 10) / 10;
};

function postgresCluster() {
  const root = '/usr/lib/postgresql';
  const v = existsSync(root) ? readdirSync(root).filter((d) => existsSync(join(root, d, 'bin/initdb'))).sort().at(-1) : undefined;
  if (!v) return null;
  const bin = join(root, v, 'bin');
  const dir = mkdtempSync(join(tmpdir(), 'apparatus-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const run = (cmd, args) => (asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' }) : execFileSync(join(bin, cmd), args, { stdio: 'pipe' }));
  const port = 40000 + Math.floor(Math.random() * 20000);
  run('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--no-sync']);
  run('pg_ctl', ['-D', join(dir, 'data'), '-w', '-l', join(dir, 'log'), '-o', `-k ${dir} -p ${port} -c listen_addresses='' -c max_connections=200`, 'start']);
  return {
    url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dir)}&port=${port}`,
    destroy: () => {
      try {
        run('pg_ctl', ['-D', join(dir, 'data'), '-w', '-m', 'fast', 'stop']);
      } catch {}
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function runEngine(engine) {
  let cluster = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'apparatus-bench-'));
  if (engine === 'postgres') {
    cluster = postgresCluster();
    if (!cluster) {
      log('postgres: skipped (PostgreSQL is not installed)');
      return null;
    }
  }
  const env = { ...process.env, ...(cluster ? { DATABASE_URL: cluster.url } : { DATABASE_URL: '' }) };
  log(`${engine}: setting up ${members} members`);
  const db = await openDatabase({ databaseUrl: cluster?.url, dataDir });
  await migrate(db);
  const names = Array.from({ length: members }, (_, i) => `member${i}`);
  for (const n of names) await addUser(db, n, `${n}-password`);
  const group = await addGroup(db, 'bench', names[0]);
  for (const n of names.slice(1)) await joinGroup(db, 'bench', n, 'member');
  await db.close();
  const server = spawn(process.execPath, ['bin/apparatus.js', 'serve', '--port', '0', '--data', dataDir], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const base = await new Promise((resolve, reject) => {
    let err = '';
    server.stderr.on('data', (d) => {
      err += d;
      const m = /annotations at (http:\/\/\S+)\/api\//.exec(err);
      if (m) resolve(m[1]);
    });
    server.on('exit', (c) => reject(new Error(`server exited ${c}: ${err}`)));
  });
  const W = `${base}/api/annotations/bench/`;
  const clients = [];
  for (const n of names) {
    const r = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: n, password: `${n}-password` }) });
    const cookie = r.headers.get('set-cookie').split(';')[0];
    const c = { name: n, cookie, posted: new Map(), received: new Map(), dups: 0, postMs: [], errors: 0 };
    const res = await fetch(`${W}events`, { headers: { cookie } });
    const reader = res.body.getReader();
    c.reader = reader;
    (async () => {
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ done: true }));
        if (done) return;
        buf += new TextDecoder().decode(value);
        let cut;
        while ((cut = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, cut);
          buf = buf.slice(cut + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!data) continue;
          const ch = JSON.parse(data);
          if (c.received.has(ch.id)) c.dups++;
          else c.received.set(ch.id, performance.now());
        }
      }
    })();
    clients.push(c);
  }
  log(`${engine}: ${members} members posting for ${duration} s`);
  const t0 = performance.now();
  const end = t0 + duration * 1000;
  await Promise.all(
    clients.map(async (c, i) => {
      await new Promise((r) => setTimeout(r, (i * 1000) / members));
      let k = 0;
      while (performance.now() < end) {
        const id = randomUUID();
        const body = {
          '@context': 'http://www.w3.org/ns/anno.jsonld', id: `urn:uuid:${id}`, type: 'Annotation', motivation: 'commenting', created: new Date().toISOString(),
          body: [{ type: 'TextualBody', value: `note ${k} of ${c.name}`, format: 'text/plain' }],
          target: { source: 'https://example.org/bench', selector: [{ type: 'TextQuoteSelector', exact: 'bench' }] },
          'apparatus:visibility': 'group', 'apparatus:group': group.id,
        };
        const start = performance.now();
        try {
          const r = await fetch(`${W}${id}`, { method: 'PUT', headers: { cookie: c.cookie, 'content-type': ANNO, 'if-none-match': '*' }, body: JSON.stringify(body) });
          await r.arrayBuffer();
          if (r.status === 201) {
            c.postMs.push(performance.now() - start);
            c.posted.set(id, start);
          } else c.errors++;
        } catch {
          c.errors++;
        }
        if (++k % 10 === 0) await fetch(W, { headers: { cookie: c.cookie } }).then((r) => r.arrayBuffer()).catch(() => c.errors++);
        await new Promise((r) => setTimeout(r, 500 + Math.random() * 1000));
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  // Let the streams drain, then check every acknowledged note against every other member's log.
  const all = new Map();
  for (const c of clients) for (const [id, t] of c.posted) all.set(id, t);
  const drainUntil = performance.now() + 30_000;
  while (performance.now() < drainUntil && !clients.every((c) => [...all.keys()].every((id) => c.received.has(id)))) await new Promise((r) => setTimeout(r, 250));
  const delivery = [];
  let lost = 0;
  for (const c of clients) {
    lost += c.dups;
    for (const [id, t] of all) {
      const got = c.received.get(id);
      if (got === undefined) lost++;
      else if (!c.posted.has(id)) delivery.push(got - t);
    }
  }
  // And the container holds every one exactly once.
  const stored = new Set();
  for (let since = 0; ; ) {
    const feed = await (await fetch(`${W}changes?since=${since}`, { headers: { cookie: clients[0].cookie } })).json();
    for (const ch of feed.changes) stored.add(ch.id);
    if (feed.changes.length === 0) break;
    since = feed.cursor;
  }
  for (const id of all.keys()) if (!stored.has(id)) lost++;
  for (const c of clients) c.reader.cancel().catch(() => {});
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  cluster?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
  const postMs = clients.flatMap((c) => c.postMs);
  return {
    [`server_post_p95_ms_${engine}`]: p95(postMs),
    [`server_feed_delivery_p95_ms_${engine}`]: p95(delivery),
    [`server_notes_per_s_${engine}`]: Math.round((all.size / elapsed) * 10) / 10,
    [`server_lost_notes_${engine}`]: lost,
    [`server_failed_requests_${engine}`]: clients.reduce((s, c) => s + c.errors, 0),
    [`server_notes_${engine}`]: all.size,
  };
}

const result = { members, duration_s: duration, cpus: cpus().length, loadavg_start: loadavg().map((x) => Math.round(x * 10) / 10) };
for (const e of engines) Object.assign(result, await runEngine(e));
result.loadavg_end = loadavg().map((x) => Math.round(x * 10) / 10);
if (argv.includes('--json')) console.log(JSON.stringify(result));
else for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(36)} ${JSON.stringify(v)}`);
process.exit(Object.entries(result).some(([k, v]) => k.startsWith('server_lost_notes') && v !== 0) ? 1 : 0);
