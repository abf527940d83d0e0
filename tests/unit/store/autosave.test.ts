import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { Autosave, type SaveStatus } from '../../../src/store/autosave.ts';
import { StoreError } from '../../../src/store/store-error.ts';
import { sampleAnnotations } from './sample-annotations.ts';

/** A repository whose writes the test settles by hand, recording when each was issued (fake-clock ms). */
class ControlledRepository {
  readonly calls: { at: number; workId: string; annotations: readonly Annotation[]; resolve: () => void; reject: (e: unknown) => void }[] = [];
  autoResolve = true;
  save(workId: string, annotations: readonly Annotation[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.calls.push({ at: Date.now(), workId, annotations, resolve, reject });
      if (this.autoResolve) resolve();
    });
  }
}

describe('Autosave timing', () => {
  let repo: ControlledRepository;
  let statuses: SaveStatus[];
  let autosave: Autosave;
  let t0: number;

  beforeEach(() => {
    vi.useFakeTimers();
    t0 = Date.now();
    repo = new ControlledRepository();
    statuses = [];
    autosave = new Autosave({ repository: repo, workId: 'kavbiuro', onStatus: (s) => statuses.push(s) });
  });
  afterEach(() => {
    autosave.dispose();
    vi.useRealTimers();
  });

  it('writes a single change 150 ms after it, not before', () => {
    const set = sampleAnnotations(1);
    autosave.schedule(set);
    vi.advanceTimersByTime(149);
    expect(repo.calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(repo.calls).toHaveLength(1);
    expect(repo.calls[0]!.at - t0).toBe(150);
    expect(repo.calls[0]!.workId).toBe('kavbiuro');
    expect(repo.calls[0]!.annotations).toBe(set);
  });

  it('writes within 250 ms of the first change even while changes keep coming every 50 ms, and only the latest set', () => {
    const sets = Array.from({ length: 20 }, (_, i) => sampleAnnotations(i + 1));
    for (const set of sets) {
      autosave.schedule(set);
      vi.advanceTimersByTime(50);
    }
    // 20 changes, one every 50 ms: a write every 250 ms (each the newest set then), none in between.
    expect(repo.calls.map((c) => c.at - t0)).toEqual([250, 500, 750, 1000]);
    expect(repo.calls.map((c) => c.annotations.length)).toEqual([5, 10, 15, 20]);
    vi.advanceTimersByTime(1000);
    expect(repo.calls).toHaveLength(4);
    expect(repo.calls.at(-1)!.annotations).toBe(sets[19]);
  });

  it('restarts the debounce on each change inside the window', () => {
    autosave.schedule(sampleAnnotations(1));
    vi.advanceTimersByTime(100);
    autosave.schedule(sampleAnnotations(2));
    vi.advanceTimersByTime(100);
    expect(repo.calls).toHaveLength(0); // 200 ms: the second change is only 100 ms old
    vi.advanceTimersByTime(49);
    expect(repo.calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(repo.calls.map((c) => c.at - t0)).toEqual([250]);
    expect(repo.calls[0]!.annotations).toHaveLength(2);
  });

  it('flush writes the pending set at once, synchronously, and cancels the timer', async () => {
    autosave.schedule(sampleAnnotations(3));
    vi.advanceTimersByTime(10);
    const done = autosave.flush();
    expect(repo.calls).toHaveLength(1); // issued before flush's promise is awaited: what pagehide needs
    expect(repo.calls[0]!.at - t0).toBe(10);
    await expect(done).resolves.toMatchObject({ state: 'saved' });
    vi.advanceTimersByTime(1000);
    expect(repo.calls).toHaveLength(1);
  });

  it('flush with nothing pending writes nothing', async () => {
    await autosave.flush();
    expect(repo.calls).toHaveLength(0);
    expect(autosave.status).toEqual({ state: 'idle' });
  });

  it('flush waits for writes still in flight', async () => {
    repo.autoResolve = false;
    autosave.schedule(sampleAnnotations(1));
    vi.advanceTimersByTime(150);
    let settled = false;
    const done = autosave.flush().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(autosave.hasUnsavedChanges).toBe(true);
    repo.calls[0]!.resolve();
    await done;
    expect(settled).toBe(true);
    expect(autosave.hasUnsavedChanges).toBe(false);
  });

  it('reports pending → saving → saved', async () => {
    autosave.schedule(sampleAnnotations(1));
    expect(statuses.map((s) => s.state)).toEqual(['pending']);
    vi.advanceTimersByTime(150);
    expect(statuses.map((s) => s.state)).toEqual(['pending', 'saving']);
    await autosave.flush();
    expect(statuses.map((s) => s.state)).toEqual(['pending', 'saving', 'saved']);
    expect(autosave.status).toEqual({ state: 'saved', at: t0 + 150 });
  });

  it('reports "saved" only when the newest write has landed, not an older one', async () => {
    repo.autoResolve = false;
    autosave.schedule(sampleAnnotations(1));
    vi.advanceTimersByTime(150);
    autosave.schedule(sampleAnnotations(2));
    vi.advanceTimersByTime(150);
    expect(repo.calls).toHaveLength(2);
    repo.calls[0]!.resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(autosave.status.state).toBe('saving');
    repo.calls[1]!.resolve();
    await autosave.flush();
    expect(autosave.status.state).toBe('saved');
  });

  it('on failure reports the message and writes the kept set again on the next flush', async () => {
    repo.autoResolve = false;
    const set = sampleAnnotations(2);
    autosave.schedule(set);
    vi.advanceTimersByTime(150);
    repo.calls[0]!.reject(new StoreError('quota', 'The browser\'s storage for this site is full.'));
    const status = await autosave.flush();
    expect(status).toEqual({ state: 'error', message: 'The browser\'s storage for this site is full.' });
    expect(autosave.hasUnsavedChanges).toBe(true);
    const retry = autosave.flush();
    expect(repo.calls).toHaveLength(2);
    expect(repo.calls[1]!.annotations).toBe(set);
    repo.calls[1]!.resolve();
    await expect(retry).resolves.toMatchObject({ state: 'saved' });
    expect(autosave.hasUnsavedChanges).toBe(false);
  });

  it('a failed older write does not override a newer write that succeeded', async () => {
    repo.autoResolve = false;
    autosave.schedule(sampleAnnotations(1));
    vi.advanceTimersByTime(150);
    autosave.schedule(sampleAnnotations(2));
    const done = autosave.flush();
    repo.calls[1]!.resolve();
    repo.calls[0]!.reject(new Error('old write failed'));
    await expect(done).resolves.toMatchObject({ state: 'saved' });
    expect(autosave.hasUnsavedChanges).toBe(false);
  });

  it('a repository that throws synchronously is reported, not thrown from the timer', async () => {
    const failing = new Autosave({
      repository: { save: () => { throw new StoreError('closed', 'The notes database was closed.'); } },
      workId: 'kavbiuro',
    });
    failing.schedule(sampleAnnotations(1));
    vi.advanceTimersByTime(150);
    await expect(failing.flush()).resolves.toEqual({ state: 'error', message: 'The notes database was closed.' });
  });

  it('refuses a debounce longer than the maximum wait', () => {
    expect(() => new Autosave({ repository: repo, workId: 'w', debounceMs: 400, maxWaitMs: 250 })).toThrow(RangeError);
  });
});
