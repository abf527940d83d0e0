/**
 * The dated claims of a work as W3C annotations, for the JSON-LD export (issue 12 §4): one `describing`
 * annotation per date a claim states, targeting the date's words with both selectors, whose body is a dated
 * `TextualBody` — `value` the date in words, `apparatus:date` the ISO 8601 date, and for a date computed from words
 * such as "two days later", `apparatus:inferredFrom` the words of the date it counts from. Ids are
 * `urn:apparatus:<work>:date:<claim id>[-N]` (the Nth date of that claim), generated like the claim links'.
 */
import { describe } from '../anchoring/anchor.ts';
import type { Agent, Annotation, TextualBody } from '../anchoring/annotation-types.ts';
import { BLOCK_SEPARATOR, canonicalText } from '../anchoring/doc-text.ts';
import { claimDates } from '../model/claim-dates.ts';
import { dateInWords } from '../model/timeline.ts';
import type { ExportInput } from './export-input.ts';

/** The key of a dated body's ISO 8601 date. */
export const DATE_KEY = 'apparatus:date';
/** The key of an inferred date's basis (the words of the date it counts from). */
export const INFERRED_FROM_KEY = 'apparatus:inferredFrom';

/** The start of the ids of work `workId`'s dated-claim annotations. */
function claimDatePrefix(workId: string): string {
  return `urn:apparatus:${workId}:date:`;
}

/** True when `id` names a generated dated-claim annotation of work `workId`. */
export function isClaimDateId(workId: string, id: string): boolean {
  return id.startsWith(claimDatePrefix(workId));
}

/** A dated body as exported. */
export type DatedBody = TextualBody & { [DATE_KEY]: string; [INFERRED_FROM_KEY]?: string };

/** The dated-claim annotations of `input`, in text order. Pure; the same input gives the same items. */
export function claimDateAnnotations(input: ExportInput, creator: Agent): Annotation[] {
  const { work, text: imported } = input;
  const text = canonicalText(imported.blocks, imported.references);
  const starts: number[] = [];
  let offset = 0;
  for (const b of imported.blocks) {
    starts.push(offset);
    offset += b.text.length + BLOCK_SEPARATOR.length;
  }
  const perClaim = new Map<string, number>();
  return claimDates(imported.claims, work.language).map((d) => {
    const n = (perClaim.get(d.claimId) ?? 0) + 1;
    perClaim.set(d.claimId, n);
    const body: DatedBody = {
      type: 'TextualBody',
      purpose: 'describing',
      value: d.inferred ? `${dateInWords(d.iso)} (inferred from "${d.text}" after ${d.basis})` : dateInWords(d.iso),
      format: 'text/plain',
      language: 'en',
      [DATE_KEY]: d.iso,
      ...(d.inferred && d.basis !== undefined ? { [INFERRED_FROM_KEY]: d.basis } : {}),
    };
    const start = (starts[d.block] ?? 0) + d.start;
    return {
      id: `${claimDatePrefix(work.id)}${d.claimId}${n === 1 ? '' : `-${n}`}`,
      type: 'Annotation',
      motivation: 'describing',
      created: input.exportedAt,
      creator,
      body: [body],
      target: describe(text, start, start + d.text.length, work.iri),
    } satisfies Annotation;
  });
}
