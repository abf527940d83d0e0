/**
 * Moving an imported note's text target onto the work it is imported into (issue 8 §5.10). A note written on
 * another address of the same text (the mobile Wikipedia URL, a permalink, a mirror) anchors by its quote, but the
 * store and "Save to project" accept only targets on the work's own IRI. So the target's `source` becomes the
 * work's IRI and the address it was written on is kept as the target's `via` — the W3C Web Annotation model's
 * property (§3.3.7, allowed on a SpecificResource target) for "the resource from which this one was obtained",
 * which must be a URI.
 *
 * Pure: plain data in, plain data out.
 */
import type { TextTarget } from './annotation-types.ts';

/** A target with the optional W3C `via` (one URI or a list). */
export type TargetWithVia = TextTarget & { via?: string | string[] };

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * `value` as a URI when it is an absolute IRI-like reference (it has a scheme): characters a URI may not hold
 * (spaces, quotes, non-ASCII letters …) are percent-encoded as UTF-8 and existing `%XX` escapes kept. Null when it
 * has no scheme (a relative or empty address cannot be a `via`).
 */
export function asUri(value: string): string | null {
  const trimmed = value.trim();
  if (!SCHEME.test(trimmed)) return null;
  return trimmed.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (c) => encodeURIComponent(c));
}

/**
 * `target` on the work `workIri`: unchanged when its `source` already is `workIri`; otherwise a copy with `source`
 * set to `workIri` and the old source appended to `via` (after any `via` it already had, without repeats). `moved`
 * is the old source when the target was moved; `keptAs` is the URI it was kept as in `via`, or null when it was
 * not a URI (the caller reports that, so the address is not lost without a word).
 */
export function targetOnWork(target: TargetWithVia, workIri: string): { target: TargetWithVia; moved: string | null; keptAs: string | null } {
  if (target.source === workIri) return { target, moved: null, keptAs: null };
  const keptAs = typeof target.source === 'string' ? asUri(target.source) : null;
  const earlier = target.via === undefined ? [] : Array.isArray(target.via) ? target.via : [target.via];
  const via = keptAs !== null && !earlier.includes(keptAs) ? [...earlier, keptAs] : earlier;
  const moved: TargetWithVia = { ...target, source: workIri };
  if (via.length === 1) moved.via = via[0]!;
  else if (via.length > 1) moved.via = via;
  return { target: moved, moved: target.source, keptAs };
}
