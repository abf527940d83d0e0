/**
 * An `AnnotationRepository` held in memory: the fallback when the browser offers no storage (the reader then
 * warns that notes last only as long as the tab), and a stand-in wherever storage is not the point.
 */
import type { Annotation } from '../anchoring/annotation-types.ts';
import type { AnnotationRepository, ProjectBase, StoredAnnotations, UnreadableRecord } from './annotation-repository.ts';
import { checkAnnotationsToSave } from './check-annotations-to-save.ts';

/**
 * Keeps copies (never the caller's objects, so later mutation by the caller cannot change what was "saved").
 * Honours the `AnnotationRepository` contract, except that nothing outlives the page. `unreadable` records can be
 * given at construction (e.g. what a failed storage held) and are reported by every `load` of their work.
 */
export class MemoryAnnotationRepository implements AnnotationRepository {
  readonly #works = new Map<string, Annotation[]>();
  readonly #unreadable = new Map<string, UnreadableRecord[]>();
  readonly #bases = new Map<string, ProjectBase>();

  constructor(initial: { workId: string; annotations?: readonly Annotation[]; unreadable?: readonly UnreadableRecord[] }[] = []) {
    for (const w of initial) {
      if (w.annotations) this.#works.set(w.workId, structuredClone([...w.annotations]));
      if (w.unreadable) this.#unreadable.set(w.workId, structuredClone([...w.unreadable]));
    }
  }

  /** The work's annotations as last saved (copies), its unreadable records, and whether it was saved. Never rejects. */
  async load(workId: string): Promise<StoredAnnotations> {
    const base = this.#bases.get(workId);
    return {
      annotations: structuredClone(this.#works.get(workId) ?? []),
      unreadable: structuredClone(this.#unreadable.get(workId) ?? []),
      saved: this.#works.has(workId),
      ...(base ? { base: structuredClone(base) } : {}),
    };
  }

  /**
   * Replaces the work's set with copies of `annotations` (and records `base` when given), synchronously at the call
   * (so calls apply in order).
   * @throws StoreError `invalid` (as a rejection) when the set cannot be saved; nothing is changed then.
   */
  save(workId: string, annotations: readonly Annotation[], base?: ProjectBase): Promise<void> {
    try {
      checkAnnotationsToSave(workId, annotations);
      this.#works.set(workId, structuredClone([...annotations]));
      if (base) this.#bases.set(workId, structuredClone(base));
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Records `base` (a copy) as the work's base; the working copy is unchanged. Never rejects. */
  recordBase(workId: string, base: ProjectBase): Promise<void> {
    this.#bases.set(workId, structuredClone(base));
    return Promise.resolve();
  }
}
