/**
 * The door check on a whole `annotations/<work>.jsonld` before "Save to project" writes it (project-file.ts), with
 * the same validator and problem shape as the store's other checks (annotation-problems.ts).
 */
import { parseAnnotationFile } from '../anchoring/annotation-file.ts';
import type { Annotation } from '../anchoring/annotation-types.ts';
import { AnnotationFileError } from '../anchoring/selectors.ts';
import { toProblems, type AnnotationProblem } from './annotation-problems.ts';

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
