import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { TextTarget, TextualBody } from '../../../src/anchoring/annotation-types.ts';
import { importHypothesis, isHypothesisExport } from '../../../src/anchoring/hypothesis-import.ts';
import { parseAnnotations } from '../../../src/anchoring/selectors.ts';
import { noteIfSchemasMissing, validateAnnotation } from '../../support/w3c-validator.ts';

const WORK = 'https://en.wikipedia.org/wiki/Kavbiuro';
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/hypothesis/kavbiuro-search.json', import.meta.url), 'utf8')) as {
  total: number;
  rows: Record<string, unknown>[];
};
const result = importHypothesis(fixture, { source: WORK });
const byHid = (hid: string) => result.annotations.find((a) => a.id === `https://hypothes.is/a/${hid}`);
const schemas = noteIfSchemasMissing();

describe('importHypothesis on a Hypothesis search export', () => {
  test('every row is either imported or rejected with where and why', () => {
    expect(result.annotations.length + result.rejected.length).toBe(fixture.rows.length);
    expect(result.rejected.map((r) => r.where)).toEqual(['rows[6]', 'rows[7]', 'rows[8]']);
    expect(result.rejected[0]).toMatchObject({ id: 'Pa9sD8fGEe-3hJ5kL7zXcV', reason: expect.stringMatching(/page note/) });
    expect(result.rejected[1]).toMatchObject({ id: 'Bn7mK4jHEe-5gF2dS1aQwE', reason: expect.stringMatching(/"created"/) });
    expect(result.rejected[2]).toMatchObject({ id: 'Vc3xZ1aSEe-7dF9gH2jKlM', reason: expect.stringMatching(/RangeSelector/) });
  });

  test('a comment: id IRI, creator from user and user_info, created/updated, Markdown text, tags, both selectors', () => {
    const a = byHid('kT3m9QxZEe-4bF7wR1aVcA')!;
    expect(a).toMatchObject({
      type: 'Annotation',
      motivation: 'commenting',
      created: '2025-03-14T09:12:44.081215+00:00',
      modified: '2025-03-14T09:20:02.533901+00:00',
      creator: { type: 'Person', id: 'acct:mkaraian@hypothes.is', name: 'M. Karaian' },
    });
    const bodies = a.body as TextualBody[];
    expect(bodies[0]).toMatchObject({ type: 'TextualBody', format: 'text/markdown', purpose: 'commenting' });
    expect(bodies[0]!.value).toBe(fixture.rows[0]!['text']);
    expect(bodies.slice(1)).toEqual([
      { type: 'TextualBody', value: 'date', purpose: 'tagging' },
      { type: 'TextualBody', value: 'Kavbiuro plenum', purpose: 'tagging' },
    ]);
    const target = a.target as TextTarget;
    expect(target.source).toBe(WORK);
    expect(target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: '3 July 1920', prefix: 'ion was endorsed by Kavbiuro on ', suffix: ', only to be reversed two days l' },
      { type: 'TextPositionSelector', start: 2261, end: 2272 },
    ]);
    expect(result.warnings).toContainEqual({ id: a.id, message: expect.stringMatching(/RangeSelector/) });
  });

  test('a reply targets its parent\'s IRI with motivation replying', () => {
    const reply = byHid('pL8vN2cYEe-9dH3sT6bWxQ')!;
    expect(reply.motivation).toBe('replying');
    expect(reply.target).toBe('https://hypothes.is/a/kT3m9QxZEe-4bF7wR1aVcA');
    expect(reply.modified).toBeUndefined();
  });

  test('a bare highlight has no body (with a warning); tags alone make a tagging note', () => {
    const highlight = byHid('Qw1eR5tYEe-2gJ8kL0mNbP')!;
    expect(highlight.body).toBeUndefined();
    expect(highlight.motivation).toBe('commenting');
    expect(result.warnings).toContainEqual({ id: highlight.id, message: expect.stringMatching(/highlight/) });
    const tagsOnly = byHid('Zx4cV7bNEe-6hK1jM3nQrS')!;
    expect(tagsOnly.motivation).toBe('tagging');
    expect((tagsOnly.body as TextualBody[]).map((b) => b.value)).toEqual(['Narimanov', 'titles']);
  });

  test('what it makes passes our validating parser and the W3C MUST assertions', () => {
    const parsed = parseAnnotations(result.annotations, 'imported');
    expect(parsed.rejected).toEqual([]);
    if (schemas) {
      for (const a of result.annotations) expect(validateAnnotation({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...a }, a.id)).toEqual([]);
    }
  });

  test('without a source option the target keeps the page the row was made on', () => {
    const a = importHypothesis(fixture.rows[0]).annotations[0]!;
    expect((a.target as TextTarget).source).toBe('https://en.wikipedia.org/wiki/Kavbiuro');
  });

  test('accepts one row, an array of rows, or {rows}; the annotation server comes from links.html', () => {
    expect(importHypothesis(fixture.rows[0]).annotations).toHaveLength(1);
    expect(importHypothesis(fixture.rows.slice(0, 2)).annotations).toHaveLength(2);
    const other = { ...fixture.rows[0]!, links: { html: 'https://annotations.example.edu/a/kT3m9QxZEe-4bF7wR1aVcA' } };
    expect(importHypothesis(other).annotations[0]!.id).toBe('https://annotations.example.edu/a/kT3m9QxZEe-4bF7wR1aVcA');
  });

  test('unknown shapes are reported, never thrown', () => {
    expect(importHypothesis(42)).toEqual({ annotations: [], rejected: [{ where: '(root)', reason: expect.stringMatching(/found number/) }], warnings: [] });
    expect(importHypothesis(null).rejected[0]!.reason).toMatch(/found null/);
    expect(importHypothesis({ rows: 'x' }).rejected).toEqual([{ where: 'rows', reason: '"rows" is not an array' }]);
    const mixed = importHypothesis([fixture.rows[0], 'text', [], { created: '2025-01-01T00:00:00Z' }]);
    expect(mixed.annotations).toHaveLength(1);
    expect(mixed.rejected.map((r) => [r.where, r.reason])).toEqual([
      ['[1]', 'expected an annotation object, found string'],
      ['[2]', 'expected an annotation object, found an array'],
      ['[3]', 'no "id"'],
    ]);
  });

  test('a created time in another ISO form is normalised; a bad one rejects the row', () => {
    const row = { ...fixture.rows[0]!, created: '2025-03-14 09:12:44Z', updated: 'not a date' };
    const [a] = importHypothesis(row).annotations;
    expect(a!.created).toBe('2025-03-14T09:12:44.000Z');
    expect(a!.modified).toBeUndefined();
  });

  test('tells Hypothesis exports from W3C JSON-LD', () => {
    expect(isHypothesisExport(fixture)).toBe(true);
    expect(isHypothesisExport(fixture.rows)).toBe(true);
    expect(isHypothesisExport(fixture.rows[0])).toBe(true);
    expect(isHypothesisExport({ total: 0, rows: [] })).toBe(true);
    expect(importHypothesis({ total: 0, rows: [] })).toEqual({ annotations: [], rejected: [], warnings: [] });
    expect(isHypothesisExport({ type: 'AnnotationCollection', first: { items: [] } })).toBe(false);
    expect(isHypothesisExport([{ id: 'urn:x', type: 'Annotation', target: [] }])).toBe(false);
  });
});
