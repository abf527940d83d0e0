import { describe, expect, it } from 'vitest';
import { isUnreadable, readStoredRecord, toStoredRecord } from '../../../src/store/stored-record.ts';
import { sampleAnnotation } from './sample-annotations.ts';

const read = (key: unknown, value: unknown) => readStoredRecord('kavbiuro', key, value);

describe('readStoredRecord', () => {
  const note = sampleAnnotation(4);
  const key = ['kavbiuro', note.id];

  it('reads back what toStoredRecord made, with its order', () => {
    expect(read(key, toStoredRecord(note, 3))).toEqual({ annotation: note, order: 3 });
  });

  it.each([
    ['a string', 'garbage', /expected a record object, found the string "garbage"/],
    ['null', null, /found null/],
    ['an unknown format', { v: 2, order: 0, annotation: note }, /unknown record format 2/],
    ['a bad order', { v: 1, order: -1, annotation: note }, /"order" must be a non-negative integer/],
    ['an invalid annotation', { v: 1, order: 0, annotation: { ...note, type: 'Note' } }, /type/],
    ['no annotation', { v: 1, order: 0 }, /annotation/],
  ])('reports %s as unreadable, keeping the value as it was', (_, value, reason) => {
    const result = read(key, value);
    expect(isUnreadable(result)).toBe(true);
    expect(result).toMatchObject({ key: `kavbiuro/${note.id}`, raw: value });
    expect((result as { reason: string }).reason).toMatch(reason);
    expect((result as { reason: string }).reason).toContain(`stored note kavbiuro/${note.id}`);
  });

  it('returns the annotation as the validator normalises it (a single body becomes a list)', () => {
    const single = { ...note, body: note.body![0] };
    expect(read(key, { v: 1, order: 0, annotation: single })).toEqual({ annotation: note, order: 0 });
  });

  it('reports a record stored under another id or another work', () => {
    expect(read(['kavbiuro', 'urn:other'], toStoredRecord(note, 0))).toMatchObject({ reason: expect.stringMatching(/id is ".*" but it is stored under "urn:other"/) });
    expect(read(['other-work', note.id], toStoredRecord(note, 0))).toMatchObject({ reason: expect.stringMatching(/key must be \["kavbiuro"/) });
  });
});
