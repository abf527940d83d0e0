import { describe, expect, test } from 'vitest';
import { ANNOTATION_CONTEXT } from '../../../src/anchoring/annotation-types.ts';
import {
  assertionCounts,
  noteIfSchemasMissing,
  validateAnnotation,
  validateCollection,
} from '../../support/w3c-validator.ts';

const available = noteIfSchemasMissing();

const good = () => ({
  '@context': ANNOTATION_CONTEXT,
  id: 'urn:apparatus:test:good',
  type: 'Annotation',
  motivation: 'commenting',
  created: '2026-11-24T12:00:00Z',
  creator: { type: 'Organization', name: 'Apparatus editors' },
  body: [{ type: 'TextualBody', value: 'A note.', format: 'text/plain' }],
  target: {
    source: 'https://en.wikipedia.org/wiki/Kavbiuro',
    selector: [
      { type: 'TextQuoteSelector', exact: 'Kavbiuro', prefix: '', suffix: ' was an organisation' },
      { type: 'TextPositionSelector', start: 0, end: 8 },
    ],
  },
});

const collectionOf = (items: unknown[]) => ({
  '@context': ANNOTATION_CONTEXT,
  id: 'urn:apparatus:test:collection',
  type: 'AnnotationCollection',
  label: 'Test notes',
  total: items.length,
  first: { id: 'urn:apparatus:test:collection:page-1', type: 'AnnotationPage', startIndex: 0, items },
});

describe.skipIf(!available)('the W3C MUST harness', () => {
  test('loads the annotation, collection and page MUST assertions', () => {
    const counts = assertionCounts();
    expect(counts.annotation).toBeGreaterThan(40);
    expect(counts.collection).toBeGreaterThan(5);
    expect(counts.page).toBeGreaterThan(5);
  });

  test('a well-formed annotation passes', () => {
    expect(validateAnnotation(good())).toEqual([]);
  });

  const broken: [string, (a: Record<string, unknown>) => void, RegExp][] = [
    ['no @context', (a) => delete a['@context'], /annotationContextValidated/],
    ['a @context without the W3C context', (a) => (a['@context'] = 'http://example.org/ctx.jsonld'), /annotationContextValidated/],
    ['no target', (a) => delete a['target'], /targetKeyFound/],
    ['no id', (a) => delete a['id'], /annotationIdValidated/],
    ['a wrong type', (a) => (a['type'] = 'Note'), /annotationTypeValidated/],
    ['body and bodyValue both', (a) => (a['bodyValue'] = 'also this'), /notBodyBodyValue/],
    ['a created date that is not a date-time', (a) => (a['created'] = '24 November 2026'), /annotationCreatedValidated/],
    ['a modified date without a time', (a) => (a['modified'] = '2026-11-24'), /annotationModifiedValidated/],
    [
      'a TextQuoteSelector without exact',
      (a) => ((a['target'] as { selector: unknown[] }).selector = [{ type: 'TextQuoteSelector', prefix: 'x' }]),
      /textQuoteSelectorValid/,
    ],
    [
      'a TextPositionSelector without end',
      (a) => ((a['target'] as { selector: unknown[] }).selector = [{ type: 'TextPositionSelector', start: 3 }]),
      /TextDataPositionSelectorValid/,
    ],
    ['a TextualBody without value', (a) => (a['body'] = [{ type: 'TextualBody', format: 'text/plain' }]), /bodyObjectsRecognized/],
  ];
  for (const [what, breakIt, expected] of broken) {
    test(`fails an annotation with ${what}`, () => {
      const a = good() as Record<string, unknown>;
      breakIt(a);
      const failures = validateAnnotation(a);
      expect(failures.length).toBeGreaterThan(0);
      expect(failures.join('\n')).toMatch(expected);
    });
  }

  test('a collection with one good annotation passes; the annotation inherits the collection context', () => {
    const { '@context': _c, ...item } = good();
    expect(validateCollection(collectionOf([item]))).toEqual([]);
  });

  test('a collection fails for its own faults and for each faulty item, naming the item', () => {
    const bad = { ...good(), id: 'urn:apparatus:test:bad', created: 'yesterday' };
    const c = collectionOf([good(), bad]) as Record<string, unknown>;
    c['total'] = -1;
    const failures = validateCollection(c);
    expect(failures.some((f) => /collectionTotalValidated/.test(f))).toBe(true);
    expect(failures.some((f) => f.includes('urn:apparatus:test:bad') && /annotationCreatedValidated/.test(f))).toBe(true);
    expect(failures.some((f) => f.includes('urn:apparatus:test:good'))).toBe(false);
  });

  test('a collection without @context or with a page lacking items fails', () => {
    const c = collectionOf([good()]) as Record<string, unknown>;
    delete c['@context'];
    (c['first'] as Record<string, unknown>)['items'] = 'not a list';
    const failures = validateCollection(c);
    expect(failures.some((f) => /collectionContextValidated/.test(f))).toBe(true);
    expect(failures.some((f) => /pageItemsValidated/.test(f))).toBe(true);
  });
});
