import { describe, expect, it } from 'vitest';
import { openAnnotationRepository } from '../../../src/store/open-annotation-repository.ts';
import { MemoryAnnotationRepository } from '../../../src/store/memory-repository.ts';
import { sampleAnnotations } from './sample-annotations.ts';

describe('openAnnotationRepository without IndexedDB (Node has none, like a browser with storage disabled)', () => {
  it('falls back to memory with a warning the reader can show, and the fallback works', async () => {
    expect(globalThis.indexedDB).toBeUndefined();
    const opened = await openAnnotationRepository();
    expect(opened.repository).toBeInstanceOf(MemoryAnnotationRepository);
    expect(opened.error?.kind).toBe('unavailable');
    expect(opened.warning).toMatch(/no IndexedDB storage.*kept only until this tab is closed/);
    await opened.repository.save('kavbiuro', sampleAnnotations(2));
    expect((await opened.repository.load('kavbiuro')).annotations).toEqual(sampleAnnotations(2));
  });
});
