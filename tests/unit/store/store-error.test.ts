import { describe, expect, it } from 'vitest';
import { StoreError, toStoreError } from '../../../src/store/store-error.ts';

describe('toStoreError', () => {
  it('names a full disk as quota, with what was being done', () => {
    const error = toStoreError(new DOMException('Quota exceeded', 'QuotaExceededError'), 'saving the notes on kavbiuro');
    expect(error.kind).toBe('quota');
    expect(error.message).toMatch(/storage for this site is full while saving the notes on kavbiuro/);
    expect(error.cause).toBeInstanceOf(DOMException);
  });

  it('names a closed database as closed and a refused one as unavailable', () => {
    expect(toStoreError(new DOMException('The database connection is closing.', 'InvalidStateError'), 'x').kind).toBe('closed');
    expect(toStoreError(new DOMException('Access denied', 'SecurityError'), 'x').kind).toBe('unavailable');
  });

  it('keeps the name and message of anything else, and passes a StoreError through', () => {
    const other = toStoreError(new DOMException('Disk I/O', 'UnknownError'), 'loading the notes on kavbiuro');
    expect(other.kind).toBe('failed');
    expect(other.message).toBe('Storage failed while loading the notes on kavbiuro: UnknownError: Disk I/O.');
    const same = new StoreError('blocked', 'held open');
    expect(toStoreError(same, 'x')).toBe(same);
  });
});
