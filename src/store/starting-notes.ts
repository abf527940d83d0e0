/**
 * Which notes a reading session starts from: the one entry point of that decision (the three-way merge with the
 * project's file will grow here).
 *
 * The rule today: the browser's working copy (what this browser saved for the work, under its storage key) once
 * anything was ever saved there — even an empty set, so that notes the reader deleted do not come back — and the
 * project's notes file while this browser has saved nothing for the work (no saved set, no record at all).
 * What could not be read is kept and listed from both: the file's rejected items, and the records set aside in
 * storage. A working copy that cannot be read at all is reported as a warning, and the session starts from the
 * file, as when nothing was saved.
 */
import type { Annotation } from '../anchoring/annotation-types.ts';
import type { UnreadableNote } from '../anchoring/unreadable-note.ts';
import type { OpenedRepository } from './open-annotation-repository.ts';

/** Where `UnreadableNote`s of the browser's storage say they come from. */
export const STORAGE_ORIGIN = 'this browser’s storage';

/** The project's notes file as read: its annotations, and its items that could not be read. */
export interface ProjectFileNotes {
  annotations: readonly Annotation[];
  unreadable: readonly UnreadableNote[];
}

/** The notes a session starts from. */
export interface StartingNotes {
  /** `file`: the project's notes file (this browser saved nothing for the work yet); `browser`: the working copy */
  from: 'file' | 'browser';
  annotations: readonly Annotation[];
  /** the file's unreadable items, then the storage's */
  unreadable: readonly UnreadableNote[];
  /** sentences to show prominently (no durable storage; the working copy could not be read) */
  warnings: readonly string[];
}

/**
 * The notes to start from, for the work stored under `storageKey` in `opened.repository`, given the project's
 * notes file (`file`; empty when there is none). Never rejects: a failed load of the working copy is a warning.
 */
export async function startingNotes(input: { file: ProjectFileNotes; opened: OpenedRepository; storageKey: string }): Promise<StartingNotes> {
  const { file, opened, storageKey } = input;
  const warnings: string[] = opened.warning ? [opened.warning] : [];
  const stored = await opened.repository.load(storageKey).catch((e: Error) => {
    warnings.push(`Stored notes could not be read: ${e.message}`);
    return { annotations: [], unreadable: [], saved: false };
  });
  const fromFile = !stored.saved && stored.annotations.length === 0 && stored.unreadable.length === 0;
  return {
    from: fromFile ? 'file' : 'browser',
    annotations: fromFile ? file.annotations : stored.annotations,
    unreadable: [...file.unreadable, ...stored.unreadable.map((u) => ({ origin: STORAGE_ORIGIN, key: u.key, reason: u.reason, raw: u.raw }))],
    warnings,
  };
}
