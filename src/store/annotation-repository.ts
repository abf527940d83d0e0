/**
 * The persistence boundary (DESIGN §2): where a work's annotations are kept between visits.
 *
 * The reader reads a work's annotations once, at load, and from then on only writes the whole current set.
 * Implementations: `IndexedDbAnnotationRepository` (the browser), `MemoryAnnotationRepository` (the fallback when
 * the browser offers no storage, and tests). Files in the project (`annotations/<work>.jsonld`) are written by the
 * dev server (`project-file.ts`), not through this interface: they are the curated, committed notes.
 *
 * How the reader uses it:
 * 1. `const { repository, warning } = await openAnnotationRepository()` — show `warning` when it is not null;
 * 2. `startingNotes(…)` (starting-notes.ts) loads the working copy once and decides where the reader starts: the
 *    project's file when nothing was ever `saved`, else the working copy with what changed in the file since its
 *    `base` merged in (three-way); `unreadable` records are listed;
 * 3. an `Autosave` over the repository, driven by the editor's autosave plugin view (editor/autosave-plugin.ts),
 *    writes the whole current set after every transaction that changed the notes (undo/redo included) and flushes
 *    on page hide (`flushOnPageHide`).
 */
import type { Annotation } from '../anchoring/annotation-types.ts';

/**
 * A stored record that could not be read as an annotation. It stays in storage, set aside where later saves never
 * delete or overwrite it, so that nothing a scholar wrote is silently lost; the reader lists it.
 * `key` says where it is stored (for IndexedDB, the work and the annotation id it was stored under), `raw` is the
 * record exactly as stored, `reason` says in words what is wrong with it (which field, what was expected).
 */
export interface UnreadableRecord {
  key: string;
  raw: unknown;
  reason: string;
}

/**
 * The version of the project's notes file (`annotations/<work>.jsonld`) a working copy started from, or last
 * matched: the SHA-256 (lower-case hex) of the file's bytes (null: there was no file) and the notes it held. It is
 * the base of the three-way merges at load (starting-notes.ts) and at "Save to project" (save-project-notes.ts).
 */
export interface ProjectBase {
  sha256: string | null;
  annotations: Annotation[];
}

/**
 * What `load` finds for a work: the annotations that could be read, in a stable order, and those that could not;
 * `saved` is true once a save of the work has completed here — this storage holds a working copy of its notes, even
 * an empty one (the reader then does not start again from the project's curated file). `base` is the version of
 * the project file the working copy started from, when one was recorded (absent otherwise — e.g. a copy saved by an
 * older version: the reader then merges without deleting anything).
 */
export interface StoredAnnotations {
  annotations: Annotation[];
  unreadable: UnreadableRecord[];
  saved: boolean;
  base?: ProjectBase;
}

/**
 * Keeps each work's annotations.
 *
 * Contract for every implementation:
 * - `load(workId)` returns what the last completed `save(workId, …)` wrote (an empty list for a work never saved),
 *   plus every record kept aside as unreadable for that work, and whether any save of it ever completed (`saved`).
 *   It never throws for a bad record — it reports it.
 * - `save(workId, annotations)` replaces the work's whole set atomically: afterwards storage holds exactly these
 *   annotations (removed ids deleted), or — when the promise rejects — exactly what it held before. The promise
 *   resolves only once the data is durably written. Saves are applied in the order they are called, so the last
 *   call wins even when an earlier one is still in flight.
 *   With `base`, the same atomic write also records it as the work's base; without, the recorded base is kept.
 * - `recordBase(workId, base)` records the base alone (the working copy is unchanged and `saved` stays as it was);
 *   it is ordered with the saves like one of them.
 * - Unreadable records are never deleted or overwritten by `save`.
 * Failures reject with a `StoreError` whose message can be shown to the user as it is.
 */
export interface AnnotationRepository {
  load(workId: string): Promise<StoredAnnotations>;
  save(workId: string, annotations: readonly Annotation[], base?: ProjectBase): Promise<void>;
  recordBase(workId: string, base: ProjectBase): Promise<void>;
}
