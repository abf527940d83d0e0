/**
 * The store's door checks on annotations it reads back or is asked to write — one stored record, a set to save,
 * or a whole `annotations/<work>.jsonld` file — all through the one validator, `src/anchoring/selectors.ts`.
 */
import type { Annotation } from '../anchoring/annotation-types.ts';
import { AnnotationFileError, parseAnnotationFile, parseAnnotations, type RejectedAnnotation } from '../anchoring/selectors.ts';

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

/**
 * Checks the JSON text of an `annotations/<work>.jsonld`: it must be an `AnnotationCollection` with its items
 * inline, every one a valid annotation. Returns the valid annotations with their index among the file's items, and
 * every problem found (none: the file may be written).
 */
export function annotationFileProblems(text: string, where: string): { annotations: { index: number; annotation: Annotation }[]; problems: AnnotationProblem[] } {
  let parsed;
  try {
    parsed = parseAnnotationFile(text, where);
  } catch (error) {
    if (error instanceof AnnotationFileError) return { annotations: [], problems: [{ index: null, id: null, field: '(file)', message: error.message }] };
    throw error;
  }
  const problems = toProblems(parsed.rejected);
  // Every item is either valid or rejected, in file order: the valid ones take the indexes the rejected leave.
  const rejectedAt = new Set(parsed.rejected.map((r) => r.index));
  const annotations: { index: number; annotation: Annotation }[] = [];
  for (let index = 0, next = 0; next < parsed.annotations.length; index++) {
    if (!rejectedAt.has(index)) annotations.push({ index, annotation: parsed.annotations[next++]! });
  }
  const top = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as { type?: unknown };
  const types = Array.isArray(top?.type) ? top.type : [top?.type];
  if (!types.includes('AnnotationCollection')) {
    problems.unshift({ index: null, id: null, field: 'type', message: `an annotation file holds one AnnotationCollection, found type ${JSON.stringify(top?.type) ?? 'none'}` });
  }
  return { annotations, problems };
}

function toProblems(rejected: RejectedAnnotation[]): AnnotationProblem[] {
  return rejected.flatMap((r) =>
    (r.errors.length ? r.errors : [{ field: '', message: 'rejected' }]).map((e) => ({ index: r.index, id: r.id, field: e.field || '(annotation)', message: e.message })),
  );
}
