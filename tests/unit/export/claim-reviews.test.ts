import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { anchorAll } from '../../../src/anchoring/anchor.ts';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { canonicalText } from '../../../src/anchoring/doc-text.ts';
import { CLAIM_REVIEWS_KEY, exportJsonLd } from '../../../src/export/jsonld.ts';
import { noteIfSchemasMissing, validateCollection } from '../../support/w3c-validator.ts';
import { kavbiuroExportInput, locate, textNote } from '../../fixtures/export/kavbiuro-export-input.ts';

const input = kavbiuroExportInput();
const canon = canonicalText(input.text.blocks, input.text.references);
const claimOf = (words: string) => input.text.claims.find((c) => c.text.includes(words))!;
const check = (words: string, id: string, verification: Annotation['verification'], label: string | null): Annotation =>
  textNote(input.work, canon, locate(canon, claimOf(words).text), {
    id,
    motivation: 'assessing',
    created: '2026-12-05T10:00:00Z',
    creator: { type: 'Person', name: 'R. Checker' },
    ...(label === null ? {} : { body: [{ type: 'SpecificResource', source: `${input.work.iri}#ref-${label}`, purpose: 'linking', relation: 'citesAsEvidence', citation: `[${label}]` }] }),
    verification,
  });
const checks = [
  check('8 April 1920', 'urn:c:1', { status: 'verified', locator: 'p. 97', passage: 'created in April 1920' }, '1'),
  check('Some Armenian historians', 'urn:c:2', { status: 'needs-source' }, null),
];
const anchors = new Map(input.anchors);
for (const [id, r] of anchorAll(canon, checks)) anchors.set(id, r);
const out = JSON.parse(exportJsonLd({ ...input, annotations: [...input.annotations, ...checks], anchors }));
const reviews = out[CLAIM_REVIEWS_KEY] as Record<string, unknown>[];

/** schema.org's vocabulary as schema-dts publishes it: every class and property name it declares. */
const vocabulary = (() => {
  const dts = readFileSync(createRequire(import.meta.url).resolve('schema-dts/dist/schema.d.ts'), 'utf8');
  return new Set([...dts.matchAll(/"([A-Za-z]+)"\??:/g)].map((m) => m[1]!).concat([...dts.matchAll(/"@type": "([A-Za-z]+)"/g)].map((m) => m[1]!)));
})();

/** Every property name and @type used in `value` (recursively), JSON-LD keywords aside. */
function termsOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => termsOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '@type') out.add(String(v));
      else if (!k.startsWith('@')) out.add(k);
      if (k !== '@context') termsOf(v, out);
    }
  }
  return out;
}

describe('ClaimReview in the JSON-LD export', () => {
  test('one schema.org ClaimReview per check, with the claim, its rating, the checker and the date', () => {
    expect(reviews).toHaveLength(2);
    expect(reviews[0]).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: claimOf('8 April 1920').text,
      reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: 'Verified against its source' },
      author: { '@type': 'Person', name: 'R. Checker' },
      datePublished: '2026-12-05',
      reviewBody: 'Source [1], p. 97. The source says: "created in April 1920"',
      itemReviewed: { '@type': 'Claim', appearance: { '@type': 'CreativeWork', url: input.work.source } },
    });
    expect(reviews[1]).toMatchObject({ reviewRating: { alternateName: 'Needs a source' } });
    expect((reviews[1]!['reviewRating'] as Record<string, unknown>)['ratingValue']).toBeUndefined();
  });

  test('uses only schema.org\'s vocabulary (every class and property is one schema.org declares)', () => {
    expect(vocabulary.has('ClaimReview')).toBe(true);
    expect(vocabulary.has('claimReviewed')).toBe(true);
    const unknown = [...termsOf(reviews)].filter((t) => !vocabulary.has(t));
    expect(unknown).toEqual([]);
    // The check can fail: a made-up property is caught.
    expect([...termsOf([{ '@type': 'ClaimReview', truthiness: 1 }])].filter((t) => !vocabulary.has(t))).toEqual(['truthiness']);
  });

  test.skipIf(!noteIfSchemasMissing())('the collection still passes the W3C assertions', () => {
    expect(validateCollection(out, 'export')).toEqual([]);
  });

  test('an export with no checks has no ClaimReviews', () => {
    expect(JSON.parse(exportJsonLd(input))[CLAIM_REVIEWS_KEY]).toBeUndefined();
  });
});
