/**
 * Where the reader's notes start at load: the project's notes file, the browser's working copy, or — when the file
 * changed since the working copy was made (a colleague's save, a `git pull`) — the working copy with those changes
 * merged in, three-way (`mergeThreeWay`: base = the file version the working copy started from, ours = the working
 * copy, theirs = the file now). Upstream changes come in, local changes stay, a note changed on both sides is kept
 * twice (the file's version beside, under a conflict id naming the original in `via`) and reported.
 *
 * The working copy's base (`ProjectBase`: the file's SHA-256 and notes) is recorded here: when the reader starts
 * from the file (`recordBase`), and after a merge together with the merged notes (one atomic `save`), so that a
 * later load or "Save to project" merges from the right version. A working copy that never recorded a base (saved
 * by an older version) merges with an empty base: nothing is removed, differences are conflicts.
 */
import type { Annotation } from '../anchoring/annotation-types.ts';
import type { ThreeWayConflict } from '../anchoring/merge-three-way.ts';
import type { UnreadableNote } from '../anchoring/unreadable-note.ts';
import type { FileNotes } from '../load/load-messages.ts';
import type { ProjectBase, StoredAnnotations } from './annotation-repository.ts';
import type { OpenedRepository } from './open-annotation-repository.ts';

/** Where an unreadable note of the browser's storage is said to come from (the notes list shows it). */
export const STORAGE_ORIGIN = 'this browser’s storage';

/** What the reader starts from. */
export interface StartingNotes {
  /**
   * `file`: `annotations` are exactly the project file's (this browser has no working copy for the work yet; the
   * load worker can place them without being sent them); `browser`: the working copy (merged with the file's
   * changes when the file changed since).
   */
  from: 'file' | 'browser';
  /** The notes to show. */
  annotations: Annotation[];
  /** What could not be read: the file's items first, then the browser storage's records. */
  unreadable: UnreadableNote[];
  /** Sentences to show prominently (no durable storage, what a merge did, what failed); empty when none. */
  warnings: string[];
  /** Notes changed both here and in the file: both kept (`keptAs` is the file's version, beside `id`). */
  conflicts: ThreeWayConflict[];
  /** The file version the shown notes started from, for "Save to project" (null: none known). */
  base: ProjectBase | null;
}

/**
 * Decides the starting notes of the work stored under `storageKey` in `opened.repository` from the project's notes
 * file (`file`, with its `sha256`: the version read; null no file; absent: it could not be read, and then nothing is
 * merged from it) and the browser's working copy. Records the base when it changed (see the module comment). Never
 * rejects: a storage failure becomes a warning and the reader starts from the file.
 */
export async function startingNotes(input: { file: FileNotes; opened: OpenedRepository; storageKey: string }): Promise<StartingNotes> {
  const { file, opened, storageKey: workId } = input;
  const repository = opened.repository;
  const messages: string[] = opened.warning ? [opened.warning] : [];
  let stored: StoredAnnotations | null;
  try {
    stored = await repository.load(workId);
  } catch (e) {
    messages.push(`Stored notes could not be read: ${(e as Error).message}`);
    stored = null;
  }
  const unreadable = [
    ...file.unreadable,
    ...(stored?.unreadable ?? []).map((u) => ({ origin: STORAGE_ORIGIN, key: u.key, reason: u.reason, raw: u.raw })),
  ];
  const fileVersion: ProjectBase | null = file.sha256 === undefined ? null : { sha256: file.sha256, annotations: file.annotations };
  const keep = (s: Promise<void>, doing: string) =>
    s.catch((e: Error) => {
      messages.push(`${doing} failed: ${e.message}`);
    });

  // Once saved here, the working copy stands even when empty: notes the reader deleted do not come back.
  const hasWorkingCopy = stored !== null && (stored.saved || stored.annotations.length > 0 || stored.unreadable.length > 0);
  if (!stored || !hasWorkingCopy) {
    if (stored && fileVersion && fileVersion.sha256 !== null && stored.base?.sha256 !== fileVersion.sha256) {
      // Not awaited (the first render does not wait for it); ordered before any later save all the same. A failure
      // only means the next load merges from an older base, which removes nothing.
      void repository.recordBase(workId, fileVersion).catch((e: Error) => console.warn(`Apparatus could not record the version of the project’s notes file: ${e.message}`));
    }
    return { from: 'file', annotations: file.annotations, unreadable, warnings: messages, conflicts: [], base: fileVersion };
  }

  const base = stored.base ?? null;
  if (!fileVersion) {
    // The file could not be read now: nothing can be concluded from it; the working copy stands.
    return { from: 'browser', annotations: stored.annotations, unreadable, warnings: messages, conflicts: [], base };
  }
  if (base && base.sha256 === fileVersion.sha256) {
    return { from: 'browser', annotations: stored.annotations, unreadable, warnings: messages, conflicts: [], base };
  }
  // Loaded only when the file changed: most loads never need it (the first page stays small).
  const { describeThreeWay, mergeThreeWay } = await import('../anchoring/merge-three-way.ts');
  const merged = mergeThreeWay(base?.annotations ?? [], stored.annotations, fileVersion.annotations);
  if (merged.changedOurs) {
    await keep(repository.save(workId, merged.annotations, fileVersion), 'Saving the notes merged from the project’s notes file');
    const what = describeThreeWay(merged.report, 'the project file');
    messages.push(
      base
        ? `The project’s notes file changed since this browser’s copy was made: ${what}.`
        : `This browser’s copy did not record which version of the project’s notes file it started from, so nothing was removed: ${what}.`,
    );
    for (const c of merged.report.conflicts) messages.push(c.message);
  } else {
    await keep(repository.recordBase(workId, fileVersion), 'Recording the version of the project’s notes file');
  }
  return { from: 'browser', annotations: merged.annotations, unreadable, warnings: messages, conflicts: merged.report.conflicts, base: fileVersion };
}
