/**
 * The store's door checks on annotations it reads back or is asked to write — one stored record or a set to save
 * (a whole `annotations/<work>.jsonld` file: annotation-file-problems.ts) — all through the one validator,
 * `src/anchoring/selectors.ts`.
 */
import type { Annotation } from '../anchoring/annotation-types.ts';
import { parseAnnotations, type RejectedAnnotation } from '../anchoring/selectors.ts';

/** One thing wrong in a set or file of annotations: which annotation (its index, and id when it has one), which field. */
export interface AnnotationProblem {
  /** Index of the annotation in the set or the file's items; null for a problem with the file as a whole. */
  index: number | null;
  id: string | null;
  /** Path of the field (`target.selector[1].start`); `(file)` for the file as a whole, `(annotation)` for all of it. */
  field: string;
  message: string;
}

/**
 * Reads `value` as one annotation. Returns the annotation as the validator normalises it (a single body or
 * selector becomes a list; unknown fields kept), or the problems (`<field>: <what is wrong>`) that make it
 * unusable. `where` names the record in messages. Never throws.
 */
export function readAnnotation(value: unknown, where: string): { annotation: Annotation } | { problems: string[] } {
  try {
    const { annotations, rejected } = parseAnnotations([value], where);
    const annotation = annotations[0];
    if (annotation && rejected.length === 0) return { annotation };
    return { problems: (rejected[0]?.errors ?? []).map((e) => `${e.field || '(annotation)'}: ${e.message}`) };
  } catch (error) {
    return { problems: [`(annotation): ${(error as Error).message}`] };
  }
}

/** The problems of a set of annotations about to be stored; empty when every one is valid. `where` names the set. */
export function annotationSetProblems(annotations: readonly unknown[], where: string): AnnotationProblem[] {
  try {
    return toProblems(parseAnnotations([...annotations], where).rejected);
  } catch (error) {
    return [{ index: null, id: null, field: '(file)', message: (error as Error).message }];
  }
}

/** Each field error of `rejected` as a problem. */
export function toProblems(rejected: RejectedAnnotation[]): AnnotationProblem[] {
  return rejected.flatMap((r) =>
    (r.errors.length ? r.errors : [{ field: '', message: 'rejected' }]).map((e) => ({ index: r.index, id: r.id, field: e.field || '(annotation)', message: e.message })),
  );
}
