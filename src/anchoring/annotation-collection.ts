/**
 * A work's notes as one W3C `AnnotationCollection` (the shape of `annotations/<work>.jsonld`): what "Save to
 * project" writes and what the reader reads back. Pure.
 */
import { ANNOTATION_CONTEXT, type Agent, type Annotation, type AnnotationCollection } from './annotation-types.ts';

/** The collection id of a work's notes file. */
export function notesCollectionId(workId: string): string {
  return `urn:apparatus:${workId}:notes`;
}

/**
 * The collection holding `annotations` inline in its first page. Each annotation loses any `@context` of its own
 * (the collection's applies); nothing else is changed.
 */
export function notesCollection(
  workId: string,
  title: string,
  annotations: readonly Annotation[],
  meta: { creator?: Agent; created?: string; modified?: string } = {},
): AnnotationCollection {
  const id = notesCollectionId(workId);
  const items = annotations.map((a) => {
    const { ['@context']: _context, ...rest } = a;
    return rest as Annotation;
  });
  const collection: AnnotationCollection = {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `Scholarly notes on "${title}"`,
    total: items.length,
    first: { id: `${id}:page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
  if (meta.creator) collection.creator = meta.creator;
  if (meta.created) collection.created = meta.created;
  if (meta.modified) collection.modified = meta.modified;
  return collection;
}
