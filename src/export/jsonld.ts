/**
 * W3C Web Annotation (JSON-LD) export: one `AnnotationCollection` whose single embedded `AnnotationPage` holds
 *
 * 1. the **source links of the claims**: for every claim with sources, a `linking` annotation
 *    (`urn:apparatus:<work>:claim:<claim id>`) targeting the claim's words in the canonical text with both
 *    selectors, whose bodies are `SpecificResource`s pointing at the work's own references (`<work iri>#ref-N`);
 * 2. the **dated claims** (claim-date-annotations.ts): a `describing` annotation per date a claim states, with a
 *    dated body (ISO 8601 date; inferred dates say what they count from) — the work's timeline;
 * 3. **every stored note as stored** (replies included), in store order;
 * and, when claims were checked against their sources, the checks as schema.org `ClaimReview`s
 * (claim-reviews.ts) under the collection's `apparatus:claimReviews` (each with its own schema.org context).
 *
 * CiTO mapping of a claim's support: a claim cites the sources of the marker run that covers it as evidence for
 * what it says, whether the run follows it at once or closes a later sentence of its paragraph — so both get
 * `relation: "citesAsEvidence"` (cito:citesAsEvidence: "cites as source of factual evidence"). The weaker,
 * conventional tie of an inherited citation is not a different CiTO relation but a property of the link, so the
 * annotation says which it is in our own namespace: `"apparatus:support": "direct" | "inherited"` (a compact IRI
 * the collection's context resolves through its `apparatus` prefix). Claims with no sources get no annotation.
 *
 * Deterministic: the same input always gives the same bytes. Keys are written in one fixed order (the W3C
 * model's usual order, then any others alphabetically; a JSON-LD `@context` is copied untouched), claim links in
 * text order, notes in store order; two-space indentation, final newline. A note's own `@context` is dropped when
 * it is the collection's (`ANNOTATION_CONTEXT`), kept otherwise. When a stored note has the id of a generated claim
 * link (an export read back into the store), the stored note is written and the generated link is not — never two
 * items with one id.
 *
 * Pure: `(input) => string`; never reads the clock (`exportedAt` dates the collection) and never throws for
 * well-formed input.
 */
import { describe } from '../anchoring/anchor.ts';
import { ANNOTATION_CONTEXT, type Agent, type Annotation, type SourceLink } from '../anchoring/annotation-types.ts';
import { BLOCK_SEPARATOR, canonicalText } from '../anchoring/doc-text.ts';
import type { Claim } from '../model/claim-types.ts';
import { claimDateAnnotations } from './claim-date-annotations.ts';
import { claimReviews } from './claim-reviews.ts';
import type { ExportInput } from './export-input.ts';

/** Who makes the claim links and the collection. */
export const EXPORT_AGENT: Agent = { type: 'Software', name: 'Apparatus' };

/** The collection's key for the checks as schema.org ClaimReviews. */
export const CLAIM_REVIEWS_KEY = 'apparatus:claimReviews';

/** The key on a claim link that says whether the claim's citation is `direct` or `inherited`. */
export const SUPPORT_KEY = 'apparatus:support';

/** A claim's source link as exported. */
export type ClaimLinkAnnotation = Annotation & { [SUPPORT_KEY]: 'direct' | 'inherited' };

/** The id of the claim link of `claimId` in work `workId`. */
export function claimLinkId(workId: string, claimId: string): string {
  return `urn:apparatus:${workId}:claim:${claimId}`;
}

/** True when `id` names a generated claim link of work `workId` (what an importer may want to skip). */
export function isClaimLinkId(workId: string, id: string): boolean {
  return id.startsWith(`urn:apparatus:${workId}:claim:`);
}

/** The id of the exported collection of work `workId`; its page is `<id>:page-1`. */
export function exportCollectionId(workId: string): string {
  return `urn:apparatus:${workId}:annotations`;
}

// Keys in the order a reader of W3C annotations expects; unknown keys follow alphabetically.
const KEY_ORDER = [
  '@context', 'id', 'type', 'label', 'total', 'motivation', 'purpose', 'created', 'modified', 'generated', 'creator',
  'generator', 'name', 'value', 'format', 'language', 'source', 'relation', 'citation', 'selector', 'exact', 'prefix',
  'suffix', 'start', 'end', 'body', 'bodyValue', 'target', SUPPORT_KEY, 'verdict', 'certainty', 'correctedDate', 'evidence',
  'positions', 'holder', 'perspective', 'view', 'url', 'first', 'startIndex', 'items',
];
const KEY_RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function compareKeys(a: string, b: string): number {
  const ra = KEY_RANK.get(a) ?? KEY_ORDER.length;
  const rb = KEY_RANK.get(b) ?? KEY_ORDER.length;
  return ra - rb || (a < b ? -1 : a > b ? 1 : 0);
}

/** A copy of `value` with every object's keys in the fixed order (a `@context` value is copied as it is). */
function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (typeof value !== 'object' || value === null) return value;
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(o).sort(compareKeys)) {
    if (o[key] === undefined) continue;
    out[key] = key === '@context' ? o[key] : ordered(o[key]);
  }
  return out;
}

const SAME_CONTEXT = JSON.stringify(ANNOTATION_CONTEXT);

/** A stored note as it goes into the page: its own `@context` dropped when it is the collection's. */
function storedItem(a: Annotation): unknown {
  if (a['@context'] !== undefined && JSON.stringify(a['@context']) === SAME_CONTEXT) {
    const { '@context': _context, ...rest } = a;
    return rest;
  }
  return a;
}

/** Canonical offset where each body block starts (blocks joined by the separator, as in canonicalText). */
function blockStarts(blocks: readonly { text: string }[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const b of blocks) {
    starts.push(offset);
    offset += b.text.length + BLOCK_SEPARATOR.length;
  }
  return starts;
}

/** The claim links of `input`, in text order. */
export function claimLinks(input: ExportInput): ClaimLinkAnnotation[] {
  const { work, text: imported } = input;
  const text = canonicalText(imported.blocks, imported.references);
  const starts = blockStarts(imported.blocks);
  const referenceText = new Map(imported.references.map((r) => [r.label, r.text]));
  const withSources = imported.claims.filter((c): c is Claim & { support: 'direct' | 'inherited' } => c.sources.length > 0 && c.support !== 'none');
  return withSources
    .map((claim) => {
      const start = (starts[claim.block] ?? 0) + claim.start;
      const end = (starts[claim.block] ?? 0) + claim.end;
      const body: SourceLink[] = claim.sources.map((label) => {
        const entry = referenceText.get(label);
        return {
          type: 'SpecificResource',
          source: `${work.iri}#ref-${label}`,
          purpose: 'linking',
          relation: 'citesAsEvidence',
          citation: entry !== undefined ? `[${label}] ${entry}` : `[${label}] (no entry in the reference list)`,
        };
      });
      const link: ClaimLinkAnnotation = {
        id: claimLinkId(work.id, claim.id),
        type: 'Annotation',
        motivation: 'linking',
        created: input.exportedAt,
        creator: EXPORT_AGENT,
        body,
        target: describe(text, start, end, work.iri),
        [SUPPORT_KEY]: claim.support,
      };
      return { link, start, end };
    })
    .sort((x, y) => x.start - y.start || x.end - y.end)
    .map((x) => x.link);
}

/** The export as a JSON-LD string (see the module comment). */
export function exportJsonLd(input: ExportInput): string {
  const storedIds = new Set(input.annotations.map((a) => a.id));
  const items = [
    ...claimLinks(input).filter((link) => !storedIds.has(link.id)),
    ...claimDateAnnotations(input, EXPORT_AGENT).filter((dated) => !storedIds.has(dated.id)),
    ...input.annotations.map(storedItem),
  ];
  const id = exportCollectionId(input.work.id);
  const collection = {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `Annotations on "${input.work.title}": the sources of its claims, their dates and scholarly notes`,
    total: items.length,
    creator: EXPORT_AGENT,
    created: input.exportedAt,
    first: { id: `${id}:page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
  const reviews = claimReviews(input);
  if (reviews.length > 0) Object.assign(collection, { [CLAIM_REVIEWS_KEY]: reviews });
  return `${JSON.stringify(ordered(collection), null, 2)}\n`;
}
