import { describe, expect, it } from 'vitest';
import { MemoryAnnotationRepository } from '../../../src/store/memory-repository.ts';
import { StoreError } from '../../../src/store/store-error.ts';
import { sampleAnnotation, sampleAnnotations } from './sample-annotations.ts';

describe('MemoryAnnotationRepository', () => {
  it('loads an empty set for a work never saved', async () => {
    expect(await new MemoryAnnotationRepository().load('kavbiuro')).toEqual({ annotations: [], unreadable: [], saved: false });
  });

  it('says a work was saved once a save completed, even of an empty set (a working copy with every note deleted)', async () => {
    const repo = new MemoryAnnotationRepository();
    await repo.save('kavbiuro', sampleAnnotations(2));
    await repo.save('kavbiuro', []);
    expect(await repo.load('kavbiuro')).toEqual({ annotations: [], unreadable: [], saved: true });
    expect((await repo.load('other')).saved).toBe(false);
  });

  it('returns what was last saved, per work, as copies the caller cannot change afterwards', async () => {
    const repo = new MemoryAnnotationRepository();
    const set = sampleAnnotations(3);
    await repo.save('kavbiuro', set);
    await repo.save('other', [sampleAnnotation(9)]);
    set.pop();
    (set[0]!.body![0] as { value: string }).value = 'changed after saving';
    const loaded = await repo.load('kavbiuro');
    expect(loaded.annotations).toEqual(sampleAnnotations(3));
    expect((await repo.load('other')).annotations).toEqual([sampleAnnotation(9)]);
    await repo.save('kavbiuro', [sampleAnnotation(2)]);
    expect((await repo.load('kavbiuro')).annotations).toEqual([sampleAnnotation(2)]);
  });

  it('rejects duplicate ids with a StoreError naming both, and keeps the previous set', async () => {
    const repo = new MemoryAnnotationRepository();
    await repo.save('kavbiuro', sampleAnnotations(1));
    const error = await repo.save('kavbiuro', [sampleAnnotation(1), sampleAnnotation(2), sampleAnnotation(1, 'again')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('invalid');
    expect((error as StoreError).message).toMatch(/#0 and #2 share the id "urn:uuid:0+-0000-4000-8000-0+1"/);
    expect((await repo.load('kavbiuro')).annotations).toEqual(sampleAnnotations(1));
  });

  it('refuses a set holding an annotation the validator rejects, naming the annotation and field', async () => {
    const repo = new MemoryAnnotationRepository();
    await repo.save('kavbiuro', sampleAnnotations(2));
    const bad = sampleAnnotation(3);
    (bad.target as { selector: unknown[] }).selector[1] = { type: 'TextPositionSelector', start: 9, end: 2 };
    const error = await repo.save('kavbiuro', [sampleAnnotation(1), bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('invalid');
    expect((error as StoreError).message).toContain(`annotation #1 (${bad.id}), target.selector[1]`);
    expect((await repo.load('kavbiuro')).annotations).toEqual(sampleAnnotations(2));
  });

  it('reports the unreadable records it was given', async () => {
    const unreadable = [{ key: 'kavbiuro/x', raw: { id: 'x' }, reason: 'target: missing' }];
    const repo = new MemoryAnnotationRepository([{ workId: 'kavbiuro', unreadable }]);
    expect((await repo.load('kavbiuro')).unreadable).toEqual(unreadable);
    await repo.save('kavbiuro', []);
    expect((await repo.load('kavbiuro')).unreadable).toEqual(unreadable);
  });
});
