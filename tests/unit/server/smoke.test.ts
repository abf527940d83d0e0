import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, note, startHarness, type Harness } from '../../support/server-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => h?.stop());

test('smoke', async () => {
  const ana = await new Client(h.server.url).signIn('ana');
  const id = '11111111-1111-4111-8111-111111111111';
  const put = await ana.fetch(`/api/annotations/kavbiuro/${id}`, { method: 'PUT', json: note(id, 'hello', { 'apparatus:visibility': 'group', 'apparatus:group': h.groupId }), headers: { 'if-none-match': '*' } });
  console.log(put.status, [...put.headers], await put.text());
  const list = await ana.fetch(`/api/annotations/kavbiuro/`);
  console.log(list.status, [...list.headers], await list.text());
  const ch = await ana.fetch(`/api/annotations/kavbiuro/changes?since=0`);
  console.log(await ch.text());
  expect(put.status).toBe(201);
});
