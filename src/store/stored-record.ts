/**
 * The shape of one annotation as the IndexedDB repository stores it, and the check that turns a stored value back
 * into an annotation — or into an `UnreadableRecord` saying why it cannot be.
 */
import type { Annotation } from '../anchoring/annotation-types.ts';
import type { UnreadableRecord } from './annotation-repository.ts';
import { readAnnotation } from './annotation-problems.ts';

/**
 * Format 1 of a stored record: `annotation` is the W3C annotation as the reader saved it; `order` is its index in
 * the saved list (so `load` returns notes in the order they were saved). The record is stored under the key
 * `[workId, annotation.id]`. A later format gets `v: 2` and an upgrade step in `indexeddb-repository.ts`.
 */
export interface StoredRecord {
  v: 1;
  order: number;
  annotation: Annotation;
}

/** Makes the record for `annotation` at `order`. */
export function toStoredRecord(annotation: Annotation, order: number): StoredRecord {
  return { v: 1, order, annotation };
}

/** A stored value that was read: the annotation and its saved order. */
export interface ReadRecord {
  annotation: Annotation;
  order: number;
}

/** Names a stored key in messages and in `UnreadableRecord.key`: `<workId>/<annotationId>`, or the key as JSON. */
export function describeKey(key: unknown): string {
  if (Array.isArray(key) && key.length === 2 && typeof key[0] === 'string' && typeof key[1] === 'string') return `${key[0]}/${key[1]}`;
  try {
    return JSON.stringify(key) ?? String(key);
  } catch {
    return String(key);
  }
}

/**
 * Reads the value stored under `key` (expected `[workId, annotationId]`), checking the annotation with the
 * project's validator (`parseAnnotations`). Returns the annotation (as the validator normalises it) and order, or an
 * `UnreadableRecord` (carrying the value unchanged) whose `reason` names what is wrong. Never throws.
 */
export function readStoredRecord(workId: string, key: unknown, value: unknown): ReadRecord | UnreadableRecord {
  const where = `stored note ${describeKey(key)}`;
  const unreadable = (reason: string): UnreadableRecord => ({ key: describeKey(key), raw: value, reason: `${where}: ${reason}` });
  if (!Array.isArray(key) || key.length !== 2 || key[0] !== workId || typeof key[1] !== 'string') {
    return unreadable(`the key must be ["${workId}", "<annotation id>"]`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return unreadable(`expected a record object, found ${describeValue(value)}`);
  const record = value as Partial<Record<keyof StoredRecord, unknown>>;
  if (record.v !== 1) return unreadable(`unknown record format ${JSON.stringify(record.v) ?? 'undefined'} (this version reads format 1)`);
  if (typeof record.order !== 'number' || !Number.isInteger(record.order) || record.order < 0) {
    return unreadable(`"order" must be a non-negative integer, found ${describeValue(record.order)}`);
  }
  if (record.annotation === undefined) return unreadable('the record holds no "annotation"');
  const read = readAnnotation(record.annotation, where);
  if ('problems' in read) return unreadable(read.problems.join('; '));
  const annotation = read.annotation;
  if (annotation.id !== key[1]) return unreadable(`the annotation's id is "${annotation.id}" but it is stored under "${key[1]}"`);
  return { annotation, order: record.order };
}

/** True when `read` is an `UnreadableRecord`. */
export function isUnreadable(read: ReadRecord | UnreadableRecord): read is UnreadableRecord {
  return 'reason' in read;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `a ${typeof value} (${String(value).slice(0, 40)})`;
}
