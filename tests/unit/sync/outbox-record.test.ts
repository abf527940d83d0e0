/**
 * The outbox's pure rules: one record per note (the newest change wins), idempotent requests (If-None-Match: * to
 * create at the page's id, If-Match to update), and what each answer of the server means.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import {
  afterDelivery,
  deliveryOutcome,
  isDue,
  levelRecord,
  requestFor,
  resolveConflict,
  sameNote,
  serverId,
  withLocalChange,
  type Sharing,
} from '../../../src/sync/outbox-record.ts';

// Real notes: the project's curated notes on the Kavbiuro article.
const items = (JSON.parse(readFileSync(new URL('../../../annotations/kavbiuro.jsonld', import.meta.url), 'utf8')) as { first: { items: Annotation[] } }).first.items;
const note: Annotation = { ...items[0]!, id: 'urn:uuid:0f8e2d1c-1111-4222-8333-944455556666', creator: { type: 'Person', name: 'Ada' } };
const edited: Annotation = { ...note, body: [{ type: 'TextualBody', value: 'Changed.', format: 'text/plain', purpose: 'commenting' }] };
const GROUP: Sharing = { visibility: 'group', group: 'g1' };
const W = 'kavbiuro';

describe('outbox records', () => {
  test('the server id is the last segment of the page id or of the server IRI', () => {
    expect(serverId(note.id)).toBe('0f8e2d1c-1111-4222-8333-944455556666');
    expect(serverId('http://127.0.0.1:8787/api/annotations/kavbiuro/0f8e2d1c-1111-4222-8333-944455556666')).toBe('0f8e2d1c-1111-4222-8333-944455556666');
    expect(serverId('urn:apparatus:kavbiuro:stalin-narimanov-attribution')).toBe('stalin-narimanov-attribution');
  });

  test('a newer change replaces a waiting one and keeps the known ETag', () => {
    const first = withLocalChange(undefined, W, note.id, note);
    expect(first).toMatchObject({ op: 'put', etag: null, annotation: note });
    const delivered = afterDelivery(first, { kind: 'delivered', etag: '"e1"' }, 0, 0);
    expect(delivered).toMatchObject({ op: null, etag: '"e1"', annotation: null });
    const second = withLocalChange(delivered, W, note.id, edited);
    expect(second).toMatchObject({ op: 'put', etag: '"e1"', annotation: edited });
    const third = withLocalChange(second, W, note.id, null);
    expect(third).toMatchObject({ op: 'delete', etag: '"e1"', annotation: null });
  });

  test('deleting a note the server never had leaves nothing to send', () => {
    const r = withLocalChange(withLocalChange(undefined, W, note.id, note), W, note.id, null);
    expect(r.op).toBeNull();
    expect(isDue(r, Date.now())).toBe(false);
  });

  test('requests: create at the page id with If-None-Match: *, update and delete with If-Match, sharing added', () => {
    const create = requestFor(withLocalChange(undefined, W, note.id, note), GROUP);
    expect(create).toMatchObject({ method: 'PUT', url: '/api/annotations/kavbiuro/0f8e2d1c-1111-4222-8333-944455556666' });
    expect(create.headers['If-None-Match']).toBe('*');
    expect(create.headers['If-Match']).toBeUndefined();
    expect(create.headers['Content-Type']).toContain('http://www.w3.org/ns/anno.jsonld');
    expect(JSON.parse(create.body!)).toMatchObject({ id: note.id, 'apparatus:visibility': 'group', 'apparatus:group': 'g1' });
    const update = requestFor(withLocalChange(levelRecord(W, note.id, '"e1"'), W, note.id, edited), { visibility: 'private', group: null });
    expect(update.headers['If-Match']).toBe('"e1"');
    expect(update.headers['If-None-Match']).toBeUndefined();
    expect(JSON.parse(update.body!)['apparatus:group']).toBeUndefined();
    const del = requestFor(withLocalChange(levelRecord(W, note.id, '"e2"'), W, note.id, null), GROUP);
    expect(del).toEqual({ method: 'DELETE', url: '/api/annotations/kavbiuro/0f8e2d1c-1111-4222-8333-944455556666', headers: { 'If-Match': '"e2"' } });
    expect(() => requestFor(levelRecord(W, note.id, null), GROUP)).toThrow(/nothing to send/);
  });

  test('a note that says how it is shared keeps it', () => {
    const shared = { ...note, 'apparatus:visibility': 'public' } as Annotation;
    expect(JSON.parse(requestFor(withLocalChange(undefined, W, note.id, shared), GROUP).body!)['apparatus:visibility']).toBe('public');
  });

  test('a 412 whose body says the same as ours counts as delivered (an earlier attempt landed)', () => {
    const r = withLocalChange(undefined, W, note.id, note);
    const serverForm = { ...note, id: 'http://h/api/annotations/kavbiuro/0f8e2d1c-1111-4222-8333-944455556666', creator: { id: 'u1', type: 'Person', name: 'ada' }, modified: '2026-12-05T00:00:00Z' };
    expect(deliveryOutcome(r, 412, '"e9"', serverForm)).toEqual({ kind: 'delivered', etag: '"e9"' });
  });

  test('a 412 with another version is a conflict keeping it; the author chooses', () => {
    const r = withLocalChange(levelRecord(W, note.id, '"e1"'), W, note.id, edited);
    const outcome = deliveryOutcome(r, 412, '"e2"', note);
    expect(outcome).toEqual({ kind: 'conflict', remote: { annotation: note, etag: '"e2"' } });
    const conflicted = afterDelivery(r, outcome, 0, 0);
    expect(conflicted.annotation).toBe(edited);
    expect(conflicted.conflict?.annotation).toBe(note);
    expect(isDue(conflicted, Number.MAX_SAFE_INTEGER)).toBe(false);
    const mine = resolveConflict(conflicted, 'mine');
    expect(mine).toMatchObject({ op: 'put', etag: '"e2"', conflict: null, annotation: edited });
    expect(requestFor(mine, GROUP).headers['If-Match']).toBe('"e2"');
    expect(resolveConflict(conflicted, 'theirs')).toMatchObject({ op: null, etag: '"e2"', conflict: null });
    expect(() => resolveConflict(mine, 'mine')).toThrow(/not in conflict/);
  });

  test('keeping mine after the server deleted the note creates it again', () => {
    const r = withLocalChange(levelRecord(W, note.id, '"e1"'), W, note.id, edited);
    const conflicted = afterDelivery(r, deliveryOutcome(r, 404, null, null), 0, 0);
    expect(conflicted.conflict).toEqual({ annotation: null, etag: null });
    expect(requestFor(resolveConflict(conflicted, 'mine'), GROUP).headers['If-None-Match']).toBe('*');
  });

  test('offline and server errors retry later with a growing wait; 401 waits for a sign-in; other 4xx are kept and shown', () => {
    const r = withLocalChange(undefined, W, note.id, note);
    expect(deliveryOutcome(r, 0, null, null).kind).toBe('retry');
    expect(deliveryOutcome(r, 503, null, null).kind).toBe('retry');
    expect(deliveryOutcome(r, 429, null, null).kind).toBe('retry');
    const later = afterDelivery(r, { kind: 'retry', reason: 'x' }, 1000, 250);
    expect(later).toMatchObject({ attempts: 1, notBefore: 1250, op: 'put' });
    expect(isDue(later, 1249)).toBe(false);
    expect(isDue(later, 1250)).toBe(true);
    expect(afterDelivery(r, deliveryOutcome(r, 401, null, null), 0, 0)).toEqual(r);
    const refused = afterDelivery(r, deliveryOutcome(r, 403, null, { error: 'only the author may change this note' }), 0, 0);
    expect(refused.refused).toContain('only the author may change this note');
    expect(refused.annotation).toBe(note);
    expect(isDue(refused, Number.MAX_SAFE_INTEGER)).toBe(false);
    // Changing the note again gives it another chance.
    expect(isDue(withLocalChange(refused, W, note.id, edited), 0)).toBe(true);
  });

  test('a DELETE answered 404 is delivered: the note is gone either way', () => {
    const r = withLocalChange(levelRecord(W, note.id, '"e1"'), W, note.id, null);
    expect(deliveryOutcome(r, 404, null, null)).toEqual({ kind: 'delivered', etag: null });
  });

  test('sameNote ignores what the server sets and compares what the note says', () => {
    expect(sameNote(note, { ...note, id: 'x/0f8e2d1c-1111-4222-8333-944455556666', created: 'later', creator: { type: 'Person', name: 'other' } })).toBe(true);
    expect(sameNote(note, edited)).toBe(false);
    expect(sameNote(null, null)).toBe(true);
    expect(sameNote(note, null)).toBe(false);
  });

  test('sameNote does not depend on key order, which the server’s jsonb store does not keep', () => {
    /** `value` with the keys of every object in reverse order, as a store that sorts keys may give them back. */
    const reordered = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reordered)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reordered(v)]))
          : value;
    const echo = reordered(note) as Annotation;
    expect(JSON.stringify(echo.target)).not.toBe(JSON.stringify(note.target));
    expect(sameNote(note, echo)).toBe(true);
    expect(sameNote(edited, reordered(note) as Annotation)).toBe(false);
  });
});
