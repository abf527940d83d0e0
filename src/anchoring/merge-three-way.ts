/**
 * Three-way merge of a work's notes: `base` is the version both sides started from (the project file as it was when
 * the working copy was made), `ours` the working copy (or the set a "Save to project" sends), `theirs` the project
 * file as it is now (after a colleague's save or a `git pull`). Notes are matched by id; "the same note" and "a
 * changed note" mean what they mean for imports (`sameAnnotation` in merge-annotations.ts: same content, key order
 * and a standalone `@context` aside).
 *
 * | base | ours      | theirs    | result                                                                        |
 * |------|-----------|-----------|-------------------------------------------------------------------------------|
 * | –    | added     | –         | ours kept                                                                     |
 * | –    | –         | added     | theirs brought in (`fromTheirs`)                                              |
 * | –    | added     | added     | one copy when the same; else a conflict (below)                               |
 * | x    | x         | x         | kept                                                                          |
 * | x    | changed   | x         | ours kept                                                                     |
 * | x    | x         | changed   | theirs taken (`changedByTheirs`)                                              |
 * | x    | changed   | changed   | the same change: one copy; else a conflict (below)                            |
 * | x    | deleted   | x         | deleted                                                                       |
 * | x    | x         | deleted   | deleted (`deletedByTheirs`)                                                   |
 * | x    | deleted   | changed   | theirs kept: a change outlives a delete (`restoredFromTheirs`)                |
 * | x    | changed   | deleted   | ours kept: a change outlives a delete (`keptChangedHere`)                     |
 * | x    | deleted   | deleted   | deleted                                                                       |
 *
 * A **conflict** keeps both versions side by side: ours keeps the id; theirs is kept right after it under the id
 * `conflictCopyId(theirs)` (`urn:apparatus:conflict:<hash>`, the same convention as imports) with `via` set to the
 * original id (the W3C model's "copied from" property), so the copy names the note it conflicts with. A copy that
 * is already there (an earlier merge made it) is not added twice.
 *
 * Order: ours in its order (conflict copies right after their original), then what came from theirs only, in
 * theirs' order. Pure; never throws; the inputs are not changed.
 */
import type { Annotation } from './annotation-types.ts';
import { conflictCopyId, sameAnnotation } from './merge-annotations.ts';

/** A note changed on both sides: ours kept `id`, theirs was kept beside it as `keptAs` (with `via: id`). */
export interface ThreeWayConflict {
  id: string;
  keptAs: string;
  /** A sentence for the user. */
  message: string;
}

/** What a three-way merge did, by note id. Every id of `ours` or `theirs` is in at most one list. */
export interface ThreeWayReport {
  /** Added on theirs' side only: brought in. */
  fromTheirs: string[];
  /** Changed on theirs' side only: their version taken. */
  changedByTheirs: string[];
  /** Deleted on theirs' side and unchanged on ours: deleted. */
  deletedByTheirs: string[];
  /** Deleted on ours' side but changed on theirs: their version kept. */
  restoredFromTheirs: string[];
  /** Deleted on theirs' side but changed on ours: ours kept. */
  keptChangedHere: string[];
  /** Changed (or added) differently on both sides: both kept. */
  conflicts: ThreeWayConflict[];
}

/** The merged notes, the report, and whether the result differs from `ours` in anything (content or order aside from it). */
export interface ThreeWayResult {
  annotations: Annotation[];
  report: ThreeWayReport;
  /** True when the merge took anything from theirs (the result is not just `ours`). */
  changedOurs: boolean;
  /** True when the result holds exactly theirs' notes in theirs' order (nothing new for theirs' side). */
  sameAsTheirs: boolean;
}

/** A conflict copy: a version of a note kept beside the one that has its id, naming that one in `via`. */
export type ConflictCopy = Annotation & { via: string };

function byId(list: readonly Annotation[]): Map<string, Annotation> {
  const map = new Map<string, Annotation>();
  for (const a of list) if (!map.has(a.id)) map.set(a.id, a);
  return map;
}

/** Merges `ours` and `theirs`, which both started from `base` (see the module comment for the rules). */
export function mergeThreeWay(base: readonly Annotation[], ours: readonly Annotation[], theirs: readonly Annotation[]): ThreeWayResult {
  const report: ThreeWayReport = { fromTheirs: [], changedByTheirs: [], deletedByTheirs: [], restoredFromTheirs: [], keptChangedHere: [], conflicts: [] };
  const baseById = byId(base);
  const oursById = byId(ours);
  const theirsById = byId(theirs);
  const result: Annotation[] = [];
  const placed = new Set<string>();
  const put = (a: Annotation): void => {
    result.push(a);
    placed.add(a.id);
  };
  const conflictCopy = (original: Annotation): ConflictCopy => ({ ...original, id: conflictCopyId(original), via: original.id });

  for (const mine of ours) {
    if (placed.has(mine.id)) {
      // A second note under one id in ours: kept as it is (the validators refuse such sets before they get here).
      result.push(mine);
      continue;
    }
    const was = baseById.get(mine.id);
    const now = theirsById.get(mine.id);
    if (!now) {
      if (was && sameAnnotation(was, mine)) report.deletedByTheirs.push(mine.id);
      else {
        if (was) report.keptChangedHere.push(mine.id);
        put(mine);
      }
      continue;
    }
    if (sameAnnotation(mine, now)) {
      put(mine);
      continue;
    }
    if (was && sameAnnotation(was, mine)) {
      put(now);
      report.changedByTheirs.push(mine.id);
      continue;
    }
    if (was && sameAnnotation(was, now)) {
      put(mine);
      continue;
    }
    // Both sides changed it (or both added it), differently: both kept.
    put(mine);
    const copy = conflictCopy(now);
    if (oursById.has(copy.id) || placed.has(copy.id)) continue;
    put(copy);
    report.conflicts.push({
      id: mine.id,
      keptAs: copy.id,
      message: `The note ${mine.id} was changed both here and in the project file; this version keeps its id, the file's version was kept beside it as ${copy.id}.`,
    });
  }

  for (const theirsNote of theirs) {
    if (placed.has(theirsNote.id) || oursById.has(theirsNote.id)) continue;
    const was = baseById.get(theirsNote.id);
    if (!was) {
      put(theirsNote);
      report.fromTheirs.push(theirsNote.id);
    } else if (!sameAnnotation(was, theirsNote)) {
      put(theirsNote);
      report.restoredFromTheirs.push(theirsNote.id);
    }
    // else: deleted on ours' side, unchanged on theirs: stays deleted.
  }

  const changedOurs = result.length !== ours.length || result.some((a, i) => a !== ours[i]);
  const sameAsTheirs = result.length === theirs.length && result.every((a, i) => sameAnnotation(a, theirs[i]!) && a.id === theirs[i]!.id);
  return { annotations: result, report, changedOurs, sameAsTheirs };
}

/** The report in one line for the user, e.g. "1 added from the file, 1 conflict kept beside"; '' when nothing happened. */
export function describeThreeWay(report: ThreeWayReport, theirsName = 'the file'): string {
  const parts: string[] = [];
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (report.fromTheirs.length) parts.push(`${count(report.fromTheirs.length, 'note', 'notes')} added from ${theirsName}`);
  if (report.changedByTheirs.length) parts.push(`${count(report.changedByTheirs.length, 'note', 'notes')} changed in ${theirsName} taken`);
  if (report.deletedByTheirs.length) parts.push(`${count(report.deletedByTheirs.length, 'note', 'notes')} deleted in ${theirsName} removed`);
  if (report.restoredFromTheirs.length) parts.push(`${count(report.restoredFromTheirs.length, 'note', 'notes')} deleted here but changed in ${theirsName} kept`);
  if (report.keptChangedHere.length) parts.push(`${count(report.keptChangedHere.length, 'note', 'notes')} deleted in ${theirsName} but changed here kept`);
  if (report.conflicts.length) parts.push(`${count(report.conflicts.length, 'conflict', 'conflicts')} kept beside`);
  return parts.join(', ');
}
