/**
 * The store's door checks on annotations it reads back or is asked to write: one stored record, or a whole
 * `annotations/<work>.jsonld` file. The one place where the store meets the annotation validator.
 */

/** One thing wrong in an annotation file: which annotation (index in `first.items`, and id when it has one). */
export interface AnnotationProblem {
  /** Index of the annotation in the file's items; null for a problem with the collection itself. */
  index: number | null;
  id: string | null;
  field: string;
  message: string;
}

/**
 * The problems that make `value` unusable as an annotation, each as `<field>: <what is wrong>`; empty when it is
 * usable. `where` names the record in the validator's messages.
 */
export function annotationProblems(value: unknown, where: string): string[] {
  void where;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['annotation: expected an object'];
  const a = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof a['id'] !== 'string' || a['id'] === '') problems.push('id: must be a non-empty string');
  if (a['type'] !== 'Annotation') problems.push('type: must be "Annotation"');
  const target = a['target'];
  if (typeof target !== 'string' && (typeof target !== 'object' || target === null || !Array.isArray((target as { selector?: unknown }).selector))) {
    problems.push('target: must be an IRI or an object with a selector list');
  }
  return problems;
}

/**
 * Checks a parsed `annotations/<work>.jsonld`: an `AnnotationCollection` whose `first.items` are annotations.
 * Returns how many annotations it holds and every problem found (empty when the file may be written).
 */
export function annotationFileProblems(value: unknown, where: string): { count: number; problems: AnnotationProblem[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { count: 0, problems: [{ index: null, id: null, field: '(root)', message: `${where}: expected an AnnotationCollection object` }] };
  }
  const c = value as Record<string, unknown>;
  if (c['type'] !== 'AnnotationCollection') {
    return { count: 0, problems: [{ index: null, id: null, field: 'type', message: `${where}: "type" must be "AnnotationCollection"` }] };
  }
  const first = c['first'] as { items?: unknown } | undefined;
  if (typeof first !== 'object' || first === null || !Array.isArray(first.items)) {
    return { count: 0, problems: [{ index: null, id: null, field: 'first.items', message: `${where}: "first.items" must be a list of annotations` }] };
  }
  const problems: AnnotationProblem[] = [];
  first.items.forEach((item: unknown, index) => {
    const id = typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : null;
    for (const p of annotationProblems(item, `${where} item ${index}`)) {
      const colon = p.indexOf(':');
      problems.push({ index, id, field: p.slice(0, colon), message: p.slice(colon + 1).trim() });
    }
  });
  return { count: first.items.length, problems };
}
