// The annotation server on a real PostgreSQL (a throwaway cluster), when Debian's postgresql is installed; then
// two server processes on one database, and a database restart under writes.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postgresMissingReason, startCluster, type Cluster } from '../../support/postgres-cluster.ts';
import { Client, note } from '../../support/server-harness.ts';
import { openDatabase } from '../../../src/server/db.ts';
import { migrate } from '../../../src/server/migrate.ts';
import { addGroup, addUser, joinGroup } from '../../../src/server/accounts.ts';
import { readEvents, serverScenarios } from './server-scenarios.ts';

const missing = postgresMissingReason();
if (missing) console.warn(`skipped: ${missing}`);

describe.skipIf(missing !== null)('annotation server on PostgreSQL', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = startCluster();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE scenarios');
    await admin.query('CREATE DATABASE twoprocs');
    await admin.end();
  }, 120_000);
  afterAll(() => cluster?.destroy());

  describe('the protocol, accounts, RLS and faults', () => {
    // A database of its own for the scenarios (the two-process test below uses another).
    serverScenarios('PostgreSQL', () => ({ databaseUrl: cluster.url.replace('/postgres?', '/scenarios?') }));
  });

  describe('two processes, one database', () => {
    const procs: ChildProcess[] = [];
    let dbUrl: string;
    let groupId: string;
    const serve = (port: number) =>
      new Promise<string>((resolve, reject) => {
        const p = spawn(process.execPath, ['bin/apparatus.js', 'serve', '--port', String(port)], { env: { ...process.env, DATABASE_URL: dbUrl }, stdio: ['ignore', 'ignore', 'pipe'] });
        procs.push(p);
        let err = '';
        p.stderr!.on('data', (d: Buffer) => {
          err += d.toString();
          const m = /annotations at (http:\/\/\S+)\/api\//.exec(err);
          if (m) resolve(m[1]!);
        });
        p.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
      });
    beforeAll(async () => {
      dbUrl = cluster.url.replace('/postgres?', '/twoprocs?');
      const db = await openDatabase({ databaseUrl: dbUrl, dataDir: '' });
      await migrate(db);
      await addUser(db, 'ana', 'ana-password');
      await addUser(db, 'ben', 'ben-password');
      groupId = (await addGroup(db, 'seminar', 'ana')).id;
      await joinGroup(db, 'seminar', 'ben', 'member');
      await db.close();
    }, 120_000);
    afterAll(() => {
      for (const p of procs) p.kill('SIGTERM');
    });

    test('a note posted through one process reaches an SSE client of the other (NOTIFY); a database restart loses nothing and writes nothing partial', async () => {
      const [one, two] = await Promise.all([serve(0), serve(0)]);
      const ana = await new Client(one).signIn('ana');
      const ben = await new Client(two).signIn('ben');
      const stream = await ben.fetch('/api/annotations/kavbiuro/events');
      const id = randomUUID();
      const group = { 'apparatus:visibility': 'group', 'apparatus:group': groupId };
      expect((await ana.fetch(`/api/annotations/kavbiuro/${id}`, { method: 'PUT', json: note(id, 'across processes', group), headers: { 'if-none-match': '*' } })).status).toBe(201);
      const events = await readEvents(stream, (es) => es.some((e) => e.data['id'] === id));
      expect(events.map((e) => e.data['id'])).toContain(id);

      // The database restarts: writes during the outage fail cleanly (5xx), nothing partial is stored, and
      // after it is back both processes serve again and the stream catches up.
      const stream2 = await ben.fetch('/api/annotations/kavbiuro/events', { headers: { 'last-event-id': events.at(-1)!.id } });
      cluster.stop();
      const during = randomUUID();
      const failed = await ana.fetch(`/api/annotations/kavbiuro/${during}`, { method: 'PUT', json: note(during, 'during the outage', group), headers: { 'if-none-match': '*' } });
      expect(failed.status).toBeGreaterThanOrEqual(500);
      cluster.start();
      const after = randomUUID();
      let status = 0;
      for (let i = 0; i < 50 && status !== 201; i++) {
        status = (await ana.fetch(`/api/annotations/kavbiuro/${after}`, { method: 'PUT', json: note(after, 'after the restart', group), headers: { 'if-none-match': '*' } })).status;
        if (status !== 201) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toBe(201);
      const caught = await readEvents(stream2, (es) => es.some((e) => e.data['id'] === after));
      expect(caught.map((e) => e.data['id'])).toContain(after);
      expect(caught.map((e) => e.data['id'])).not.toContain(during);
      expect((await ben.fetch(`/api/annotations/kavbiuro/${during}`)).status).toBe(404);
    });
  });
});
