/**
 * Checking a claim against its source (issue 12 §1): the record a checker leaves on a claim — for one cited source,
 * whether it supports the claim, where (a locator: page, section, folio, archival reference such as
 * fond/opis/delo) and with which passage of the source — or, for a claim without a source, that it needs one.
 *
 * Stored as a W3C annotation: motivation `assessing`, target the claim's words, the checked source as a
 * `SpecificResource` body (`<work iri>#ref-N`, a CiTO relation), and Apparatus's `verification` field
 * `{ status, locator?, passage? }` (defined by the context). The checker is the annotation's `creator`, the date
 * its `created` (or `modified`). Pure.
 */
import type { Annotation, CitoRelation, SourceLink } from './annotation-types.ts';

/**
 * The outcome of a check:
 * - `verified`: the source says what the claim says;
 * - `partly-supported`: it supports part of the claim;
 * - `not-supported`: it does not support the claim;
 * - `source-inaccessible`: the source could not be consulted;
 * - `page-needed`: the source is too large to check without a page or other locator;
 * - `needs-source`: the claim cites nothing and should (no source body).
 */
export type VerificationStatus = 'verified' | 'partly-supported' | 'not-supported' | 'source-inaccessible' | 'page-needed' | 'needs-source';

export const VERIFICATION_STATUSES: readonly VerificationStatus[] = [
  'verified', 'partly-supported', 'not-supported', 'source-inaccessible', 'page-needed', 'needs-source',
];

/** What a check records besides who and when. `locator` and `passage` are free text ('' is never stored). */
export interface Verification {
  status: VerificationStatus;
  locator?: string;
  passage?: string;
}

/** The CiTO relation a check gives the claim's tie to the checked source. */
export function relationOfStatus(status: VerificationStatus): CitoRelation {
  switch (status) {
    case 'verified':
    case 'partly-supported':
      return 'citesAsEvidence';
    case 'not-supported':
      return 'disputes';
    default:
      return 'discusses';
  }
}

/**
 * The reference label a check is about — the `#ref-N` of its source body on the work its target is on — or null
 * (`needs-source`, or a source outside the work).
 */
export function checkedLabel(a: Annotation): string | null {
  if (typeof a.target === 'string') return null;
  const prefix = `${a.target.source}#ref-`;
  const link = (a.body ?? []).find((b): b is SourceLink => b.type === 'SpecificResource' && b.source.startsWith(prefix));
  return link ? decodeURIComponent(link.source.slice(prefix.length)) : null;
}

/** True when `a` is a check (it carries a `verification`). */
export function isCheck(a: Annotation): a is Annotation & { verification: Verification } {
  return typeof a.verification === 'object' && a.verification !== null;
}

/** One check as the reader lists it. */
export interface ClaimCheck {
  annotationId: string;
  /** the reference checked, or null for `needs-source` */
  label: string | null;
  status: VerificationStatus;
  locator: string;
  passage: string;
  checker: string;
  date: string;
}

/** `a` (a check) as the reader lists it. */
export function claimCheckOf(a: Annotation & { verification: Verification }): ClaimCheck {
  return {
    annotationId: a.id,
    label: checkedLabel(a),
    status: a.verification.status,
    locator: a.verification.locator ?? '',
    passage: a.verification.passage ?? '',
    checker: a.creator?.name ?? 'Anonymous',
    date: (a.modified ?? a.created).slice(0, 10),
  };
}

/**
 * Whether a claim counts as checked: a claim with sources when every source it cites has a check; a claim without
 * one when it has any check (`needs-source`, or a source the checker found).
 */
export function isChecked(sources: readonly string[], checks: readonly ClaimCheck[]): boolean {
  if (sources.length === 0) return checks.length > 0;
  return sources.every((label) => checks.some((c) => c.label === label));
}
