/**
 * The checks of an export as schema.org `ClaimReview`s (issue 12 §1), the vocabulary fact-checkers and search
 * engines read: one review per check, `claimReviewed` the claim's words, `itemReviewed` the claim as it appears in
 * the work, `reviewRating` the outcome (a 1–5 `ratingValue` where the outcome rates the claim, and always its words
 * as `alternateName`), `author` the checker, `datePublished` the day of the check, `reviewBody` the locator and the
 * source's passage. Typed against schema-dts (schema.org's vocabulary as TypeScript types), so a property or type
 * outside schema.org does not compile. Pure.
 */
import type { ClaimReview, Rating, WithContext } from 'schema-dts';
import type { VerificationStatus } from '../anchoring/verification.ts';
import { exportChecks } from './export-checks.ts';
import type { ExportInput } from './export-input.ts';

/** How each outcome rates the claim (5 = true to its source), null where the outcome rates no claim. */
const RATING: Record<VerificationStatus, { value: number | null; name: string }> = {
  verified: { value: 5, name: 'Verified against its source' },
  'partly-supported': { value: 3, name: 'Partly supported by its source' },
  'not-supported': { value: 1, name: 'Not supported by its source' },
  'source-inaccessible': { value: null, name: 'Source not accessible' },
  'page-needed': { value: null, name: 'Page needed to check the source' },
  'needs-source': { value: null, name: 'Needs a source' },
};

/** The ClaimReviews of `input`'s checks, in text order. */
export function claimReviews(input: ExportInput): WithContext<ClaimReview>[] {
  return exportChecks(input).flatMap(({ claim, checks }) =>
    checks.map((c) => {
      const rating = RATING[c.status];
      const reviewRating: Rating = rating.value === null
        ? { '@type': 'Rating', alternateName: rating.name }
        : { '@type': 'Rating', ratingValue: rating.value, bestRating: 5, worstRating: 1, alternateName: rating.name };
      const body = [c.label === null ? null : `Source [${c.label}]${c.locator ? `, ${c.locator}` : ''}.`, c.passage ? `The source says: "${c.passage}"` : null].filter(Boolean).join(' ');
      const review: WithContext<ClaimReview> = {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        identifier: c.annotationId,
        claimReviewed: claim.text,
        itemReviewed: { '@type': 'Claim', text: claim.text, appearance: { '@type': 'CreativeWork', url: input.work.source, name: input.work.title } },
        reviewRating,
        author: { '@type': 'Person', name: c.checker },
        datePublished: c.date,
        ...(body ? { reviewBody: body } : {}),
      };
      return review;
    }),
  );
}
