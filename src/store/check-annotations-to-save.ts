/**
 * The door check before anything is written: a repository refuses a set it could not read back whole.
 */
import type { Annotation } from '../anchoring/annotation-types.ts';
import { annotationSetProblems } from './annotation-problems.ts';
import { StoreError } from './store-error.ts';

/**
 * Checks that `annotations` can be stored for `workId`: the work id is a non-empty string, every annotation has a
 * non-empty string `id`, no id occurs twice (two notes under one key would silently become one), and every one
 * passes the annotation validator (`parseAnnotations`) — what would be unreadable on the next load is refused now,
 * while the user can still be told. Returns nothing when the set is fine.
 * @throws StoreError `invalid`, naming the annotation (by index and id) and the field that is wrong.
 */
export function checkAnnotationsToSave(workId: string, annotations: readonly Annotation[]): void {
  if (typeof workId !== 'string' || workId === '') {
    throw new StoreError('invalid', `Cannot save notes: the work id must be a non-empty string, not ${JSON.stringify(workId)}.`);
  }
  if (!Array.isArray(annotations)) {
    throw new StoreError('invalid', `Cannot save the notes on ${workId}: expected a list of annotations.`);
  }
  const seen = new Map<string, number>();
  annotations.forEach((a, index) => {
    const id: unknown = typeof a === 'object' && a !== null ? (a as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || id === '') {
      throw new StoreError('invalid', `Cannot save the notes on ${workId}: annotation #${index} has no "id" (a non-empty string is required).`);
    }
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      throw new StoreError('invalid', `Cannot save the notes on ${workId}: annotations #${earlier} and #${index} share the id "${id}".`);
    }
    seen.set(id, index);
  });
  const problems = annotationSetProblems(annotations, `the notes on ${workId}`);
  const first = problems[0];
  if (first) {
    const which = first.index === null ? 'the set' : `annotation #${first.index}${first.id ? ` (${first.id})` : ''}`;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw new StoreError('invalid', `Cannot save the notes on ${workId}: ${which}, ${first.field}: ${first.message}${more}.`);
  }
}
