/**
 * Merging imported annotations into the ones a work already has, without ever replacing one silently:
 *
 * - an incoming annotation whose id is new is **added**;
 * - one whose id exists and whose content is the same (key order and a standalone `@context` aside) is an
 *   **identical duplicate**: skipped, and reported;
 * - one whose id exists with different content is a **conflict**: the existing annotation stays as it is, and the
 *   incoming one is kept beside it under a new id (`urn:apparatus:conflict:<hash>`, derived from the original id
 *   and the content, so the same import gives the same ids); the report says which id it was and what it is now.
 *   A version already kept aside that way (the same file imported twice) is an identical duplicate, not a new copy;
 * - replies in the same import that pointed at a renamed conflicting annotation are re-pointed to its new id, so a
 *   thread that arrived together stays together (parents are decided before their replies, whatever the order of
 *   the file); a reply already stored exactly as it came stays where it is, a duplicate;
 * - merging the same import again adds nothing (property-tested);
 * - rejects from the parser (rows that could not be read) are passed through into the report, never dropped.
 *
 * Pure; never throws. Existing annotations come first in the result, in their order; then the added ones, in
 * the order they came.
 */
import type { Annotation } from './annotation-types.ts';
import { fnv1a } from '../model/claims.ts';
import { canonicalJson } from './canonical-json.ts';

/** An incoming annotation kept beside an existing one with the same id. */
export interface MergeConflict {
  /** The id both had. */
  id: string;
  /** The new id of the incoming copy. */
  keptAs: string;
  /** A sentence for the user. */
  message: string;
}

/** What could not be read, as the parsers report it. */
export interface MergeRejected {
  where: string;
  id?: string;
  reason: string;
  /** The item as read, when there is one, so that it can be kept and shown ("Could not be read"). */
  raw?: unknown;
}

/** What a merge did. Every incoming annotation appears in exactly one of `added`, `duplicates`, `conflicts`. */
export interface MergeReport {
  /** Ids of the incoming annotations added as they were. */
  added: string[];
  /** Ids of incoming annotations identical to one already there: skipped. */
  duplicates: string[];
  /** Incoming annotations that differ from an existing one with the same id: kept under a new id. */
  conflicts: MergeConflict[];
  /** Ids of imported replies re-pointed to a conflict copy's new id. */
  repointed: string[];
  /** What the parser could not read. */
  rejected: MergeRejected[];
}

/** The merged list and the report. */
export interface MergeResult {
  annotations: Annotation[];
  report: MergeReport;
}

/** The content of an annotation for comparison: everything but a standalone `@context`. */
function content(a: Annotation): string {
  const { '@context': _context, ...rest } = a;
  return canonicalJson(rest);
}

/** True when `a` and `b` say the same thing (same fields and values, `@context` and key order aside). */
export function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return content(a) === content(b);
}

/**
 * The id under which a conflicting version `a` of a note is kept beside the version that keeps `a.id`:
 * `urn:apparatus:conflict:<hash>`, derived from `a.id` and `a`'s content (a `via` field aside), so that the same
 * version always gets the same id and a second merge recognises the copy it made before. Pure.
 */
export function conflictCopyId(a: Annotation): string {
  const { via: _via, ...rest } = a as Annotation & { via?: unknown };
  return `urn:apparatus:conflict:${fnv1a(`${a.id}\n${content(rest as Annotation)}`)}`;
}

/**
 * Merges `incoming` into `existing` (see the module comment). `rejected` are the parser's rejects, copied into
 * the report.
 */
export function mergeAnnotations(existing: readonly Annotation[], incoming: readonly Annotation[], rejected: readonly MergeRejected[] = []): MergeResult {
  const report: MergeReport = { added: [], duplicates: [], conflicts: [], repointed: [], rejected: [...rejected] };
  const merged: Annotation[] = [...existing];
  const byId = new Map<string, Annotation>();
  for (const a of existing) if (!byId.has(a.id)) byId.set(a.id, a);

  const renamed = new Map<string, string>();
  const incomingById = new Map<string, Annotation>();
  for (const a of incoming) if (!incomingById.has(a.id)) incomingById.set(a.id, a);
  // A reply that came with a renamed annotation follows it to its new id — before it is compared, so that
  // importing the same file twice finds the re-pointed reply identical.
  const follow = (a: Annotation): Annotation =>
    typeof a.target === 'string' && incomingById.has(a.target) && renamed.has(a.target) ? { ...a, target: renamed.get(a.target)! } : a;
  // Parents before their replies (depth in the imported threads; cycle-safe), otherwise in the order they came.
  const depth = (a: Annotation): number => {
    const seen = new Set([a.id]);
    let d = 0;
    for (let t = a.target; typeof t === 'string' && incomingById.has(t) && !seen.has(t); t = incomingById.get(t)!.target) {
      seen.add(t);
      d++;
    }
    return d;
  };
  const order = incoming.map((a, i) => ({ a, i, d: depth(a) })).sort((x, y) => x.d - y.d || x.i - y.i);

  const kept: { i: number; a: Annotation }[] = [];
  const added: { i: number; id: string }[] = [];
  const duplicates: { i: number; id: string }[] = [];
  const conflicts: { i: number; c: MergeConflict }[] = [];
  const repointed: { i: number; id: string }[] = [];
  for (const { a: original, i } of order) {
    // Already stored exactly as it came (a reply on the note it was written for, say): a duplicate, not moved.
    const stored = byId.get(original.id);
    if (stored && stored !== original && sameAnnotation(stored, original)) {
      duplicates.push({ i, id: original.id });
      continue;
    }
    const a = follow(original);
    if (a !== original) repointed.push({ i, id: a.id });
    const there = byId.get(a.id);
    if (!there) {
      byId.set(a.id, a);
      kept.push({ i, a });
      added.push({ i, id: a.id });
      continue;
    }
    if (sameAnnotation(there, a)) {
      duplicates.push({ i, id: a.id });
      if (a !== original) repointed.pop();
      continue;
    }
    const base = conflictCopyId(a);
    const earlierCopy = byId.get(base);
    if (earlierCopy && sameAnnotation(earlierCopy, { ...a, id: base })) {
      // This very version was kept aside before (earlier in this import, or by an earlier import of the file).
      if (!renamed.has(a.id)) renamed.set(a.id, base);
      duplicates.push({ i, id: a.id });
      if (a !== original) repointed.pop();
      continue;
    }
    let n = 1;
    let keptAs = base;
    while (byId.has(keptAs)) keptAs = `${base}-${++n}`;
    const copy: Annotation = { ...a, id: keptAs };
    byId.set(keptAs, copy);
    kept.push({ i, a: copy });
    // Only the first conflicting copy of an id takes over its replies: that is the one they came with.
    if (!renamed.has(a.id)) renamed.set(a.id, keptAs);
    conflicts.push({
      i,
      c: {
        id: a.id,
        keptAs,
        message: `An annotation with id ${a.id} already exists with different content; the imported one was kept beside it as ${keptAs}.`,
      },
    });
  }

  const byIndex = (x: { i: number }, y: { i: number }) => x.i - y.i;
  report.added = added.sort(byIndex).map((x) => x.id);
  report.duplicates = duplicates.sort(byIndex).map((x) => x.id);
  report.conflicts = conflicts.sort(byIndex).map((x) => x.c);
  report.repointed = repointed.sort(byIndex).map((x) => x.id);
  merged.push(...kept.sort(byIndex).map((x) => x.a));
  return { annotations: merged, report };
}
