import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { notesCollection } from '../../../src/anchoring/annotation-collection.ts';
import { parseAnnotations } from '../../../src/anchoring/selectors.ts';
import { schemasAvailable, validateCollection } from '../../support/w3c-validator.ts';

const curated = parseAnnotations(JSON.parse(readFileSync(new URL('../../../annotations/kavbiuro.jsonld', import.meta.url), 'utf8')), 'kavbiuro.jsonld');

describe('notes collection (what "Save to project" writes)', () => {
  test('reads back to the same annotations', () => {
    const c = notesCollection('kavbiuro', 'Kavbiuro', curated.annotations, { modified: '2026-11-24T00:00:00Z' });
    expect(c.total).toBe(curated.annotations.length);
    const again = parseAnnotations(JSON.parse(JSON.stringify(c)), 'saved');
    expect(again.rejected).toEqual([]);
    expect(again.annotations).toEqual(curated.annotations);
  });

  test.skipIf(!schemasAvailable())('passes the W3C MUST assertions', () => {
    expect(validateCollection(notesCollection('kavbiuro', 'Kavbiuro', curated.annotations))).toEqual([]);
  });
});
