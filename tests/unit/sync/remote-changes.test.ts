/**
 * Remote changes into the page: other members' notes come in under one id (never duplicated), deletions remove,
 * and a local change not yet delivered is never overwritten — it becomes a conflict keeping both versions.
 */
import { readFileSync } from 'node:fs';
import { EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, test } from 'vitest';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { loadNotes, putNotes } from '../../../src/editor/annotation-commands.ts';
import { annotationsKey, annotationsOf, annotationsPlugin } from '../../../src/editor/annotation-plugin.ts';
import { schema } from '../../../src/model/schema.ts';
import { levelRecord, serverId, withLocalChange } from '../../../src/sync/outbox-record.ts';
import { planRemote, remoteChangeProblem, type RemoteChange } from '../../../src/sync/remote-changes.ts';
import { syncKey, syncPlugin, type LocalChange } from '../../../src/sync/sync-plugin.ts';

const items = (JSON.parse(readFileSync(new URL('../../../annotations/kavbiuro.jsonld', import.meta.url), 'utf8')) as { first: { items: Annotation[] } }).first.items;
const W = 'kavbiuro';
const mine: Annotation = { ...items[1]!, id: 'urn:uuid:aaaaaaaa-0000-4000-8000-000000000001', creator: { type: 'Person', name: 'Ada' } };
const theirs: Annotation = { ...items[2]!, id: 'http://h/api/annotations/kavbiuro/bbbbbbbb-0000-4000-8000-000000000002', creator: { type: 'Person', name: 'Bea' } };
const serverMine: Annotation = { ...mine, id: `http://h/api/annotations/kavbiuro/${serverId(mine.id)}` };
const changedMine: Annotation = { ...serverMine, body: [{ type: 'TextualBody', value: 'Bea rewrote it', purpose: 'commenting' }] };

const known = (ids: string[]) => (sid: string) => ids.find((id) => serverId(id) === sid);

describe('planning a remote change', () => {
  test("another member's note comes in as it is", () => {
    const plan = planRemote({ op: 'put', id: serverId(theirs.id), etag: '"t1"', annotation: theirs }, W, known([]), undefined, undefined);
    expect(plan).toMatchObject({ kind: 'put', annotation: theirs, record: { op: null, etag: '"t1"' } });
  });

  test('the echo of our own delivered note is no change, under our id (no duplicate)', () => {
    const plan = planRemote({ op: 'put', id: serverId(mine.id), etag: '"m1"', annotation: serverMine }, W, known([mine.id]), mine, levelRecord(W, mine.id, '"m0"'));
    expect(plan).toEqual({ kind: 'level', record: levelRecord(W, mine.id, '"m1"') });
  });

  test('a newer version of a note we hold replaces it under our id', () => {
    const plan = planRemote({ op: 'put', id: serverId(mine.id), etag: '"m2"', annotation: changedMine }, W, known([mine.id]), mine, levelRecord(W, mine.id, '"m1"'));
    expect(plan.kind).toBe('put');
    if (plan.kind === 'put') expect(plan.annotation.id).toBe(mine.id);
  });

  test('a reply to one of our notes targets our id of it', () => {
    const reply: Annotation = { id: 'http://h/api/annotations/kavbiuro/cc', type: 'Annotation', motivation: 'replying', created: 'now', target: serverMine.id };
    const plan = planRemote({ op: 'put', id: 'cc', etag: '"r"', annotation: reply }, W, known([mine.id]), undefined, undefined);
    expect(plan.kind === 'put' && plan.annotation.target).toBe(mine.id);
  });

  test('a local unsent edit is never overwritten: both versions are kept as a conflict', () => {
    const waiting = withLocalChange(levelRecord(W, mine.id, '"m1"'), W, mine.id, { ...mine, body: [] });
    const plan = planRemote({ op: 'put', id: serverId(mine.id), etag: '"m2"', annotation: changedMine }, W, known([mine.id]), mine, waiting);
    expect(plan.kind).toBe('conflict');
    expect(plan.record).toMatchObject({ op: 'put', annotation: { body: [] }, conflict: { etag: '"m2"', annotation: { id: mine.id } } });
  });

  test('a remote deletion removes; over a local unsent edit it is a conflict', () => {
    const del: RemoteChange = { op: 'delete', id: serverId(mine.id), etag: null };
    expect(planRemote(del, W, known([mine.id]), mine, levelRecord(W, mine.id, '"m1"'))).toEqual({ kind: 'remove', id: mine.id, record: null });
    const waiting = withLocalChange(levelRecord(W, mine.id, '"m1"'), W, mine.id, mine);
    expect(planRemote(del, W, known([mine.id]), mine, waiting)).toMatchObject({ kind: 'conflict', record: { conflict: { annotation: null } } });
    expect(planRemote(del, W, known([]), undefined, undefined)).toEqual({ kind: 'level', record: null });
  });

  test('malformed changes are named', () => {
    expect(remoteChangeProblem(null)).toMatch(/object/);
    expect(remoteChangeProblem({ op: 'patch', id: 'x' })).toMatch(/op/);
    expect(remoteChangeProblem({ op: 'put', id: '' })).toMatch(/id/);
    expect(remoteChangeProblem({ op: 'put', id: 'x' })).toMatch(/no annotation/);
    expect(remoteChangeProblem({ op: 'delete', id: 'x', etag: null })).toBeNull();
  });
});

describe('the sync plugin', () => {
  const entry = (annotation: Annotation) => ({ annotation, range: null, status: 'orphan' as const, score: 0 });

  test("logs the reader's own changes once and never what came from the server", () => {
    const got: LocalChange[][] = [];
    let state = EditorState.create({ schema, plugins: [annotationsPlugin(), syncPlugin({ local: (c) => got.push([...c]) })] });
    const run = (c: (s: EditorState, d: (tr: Transaction) => void) => boolean) => c(state, (tr) => (state = state.apply(tr)));
    run(loadNotes([entry(mine)]));
    run((s, d) => (d?.(s.tr.setMeta(annotationsKey, { type: 'remote', entries: [entry(theirs)], removed: [] })), true));
    expect(annotationsOf(state).byId.has(theirs.id)).toBe(true);
    // No view in this test (the sink is not called): read the log the view would hand over.
    const log = () => syncKey.getState(state)!;
    expect(log().seq).toBe(0);
    run(putNotes([entry({ ...mine, body: [] })]));
    expect(log().changes.map((c) => [c.id, c.annotation?.body])).toEqual([[mine.id, []]]);
    run((s, d) => (d?.(s.tr.setMeta(annotationsKey, { type: 'remote', entries: [], removed: [theirs.id] })), true));
    expect(annotationsOf(state).byId.has(theirs.id)).toBe(false);
    expect(log().seq).toBe(1);
    run((s, d) => (d?.(s.tr.setMeta(annotationsKey, { type: 'undo' })), true));
    expect(log().changes.at(-1)).toMatchObject({ seq: 2, id: mine.id, annotation: mine });
    // The remote action is not undoable: undo went to the reader's own edit.
    expect(annotationsOf(state).undo.length).toBe(0);
    expect(got).toEqual([]);
  });
});
