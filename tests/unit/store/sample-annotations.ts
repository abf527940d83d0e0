/**
 * Annotations for store tests: well-formed notes in Apparatus's shape (both selectors, a textual body), numbered
 * so that tests can tell sets apart.
 */
import { ANNOTATION_CONTEXT, type Annotation } from '../../../src/anchoring/annotation-types.ts';

/** The work IRI the samples target. */
export const SAMPLE_WORK_IRI = 'https://en.wikipedia.org/wiki/Kavbiuro';

/** A note numbered `n`, with `text` as its body (default: "Note n"). */
export function sampleAnnotation(n: number, text = `Note ${n}`): Annotation {
  return {
    id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: '2026-11-24T22:00:00Z',
    creator: { type: 'Person', name: 'A. Scholar' },
    body: [{ type: 'TextualBody', value: text, format: 'text/plain' }],
    target: {
      source: SAMPLE_WORK_IRI,
      selector: [
        { type: 'TextQuoteSelector', exact: 'Kavbiuro', prefix: '', suffix: ' was an organisation set up by t' },
        { type: 'TextPositionSelector', start: 0, end: 8 },
      ],
    },
  };
}

/** `count` numbered notes, 1…count. */
export function sampleAnnotations(count: number): Annotation[] {
  return Array.from({ length: count }, (_, i) => sampleAnnotation(i + 1));
}

/** An `AnnotationCollection` JSON-LD document holding `items`, as `annotations/<work>.jsonld` stores them. */
export function sampleCollection(workId: string, items: Annotation[]): Record<string, unknown> {
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:apparatus:${workId}:annotations`,
    type: 'AnnotationCollection',
    label: `Notes on ${workId}`,
    total: items.length,
    first: { id: `urn:apparatus:${workId}:annotations:page1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
