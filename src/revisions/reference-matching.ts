/**
 * Which reference entry of one revision is which of the other, and what changed in a matched entry's structured
 * data (its CSL-JSON item and identifiers). Labels are not identities: Wikipedia renumbers every note after an
 * inserted one, so entries are matched by what they say.
 *
 * Matching, best evidence first: the same text (after white space); then, among the rest, pairs sharing an
 * identifier (DOI, ISBN, URL, OCLC, handle, Open Library id) or with similar words once URLs and identifiers are
 * taken out (1 − edit distance ÷ the longer length ≥ `REFERENCE_SIMILARITY`), taken greedily from the most similar. An entry whose text changed beyond that
 * and shares no identifier is a different source: removed on one side, added on the other.
 *
 * Pure: plain data in and out.
 */
import { editDistance } from '../anchoring/edit-distance.ts';
import type { CslDate, CslItem, CslName, Reference } from '../model/reference-types.ts';
import type { FieldChange } from './evidence-types.ts';

/** Least text similarity for two entries without a shared identifier to be the same entry edited. */
export const REFERENCE_SIMILARITY = 0.6;

/** Entries sharing an identifier are the same source edited when at least this similar. */
const SHARED_ID_SIMILARITY = 0.3;

/** Above this many unmatched pairs, only pairs sharing an identifier or a leading word are compared. */
const FULL_COMPARISON_LIMIT = 40_000;

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The words of an entry that say which source it is: its text without URLs and without the identifiers found in
 * it (a DOI or URL added or removed is a field change of the same source, not another source).
 */
function sourceWords(r: Reference): string {
  let t = r.text.replace(/\bhttps?:\/\/\S+/gi, ' ');
  for (const v of Object.values(r.ids).flat()) if (v.length >= 4) t = t.split(v).join(' ');
  return normalise(t.replace(/\b(?:doi|hdl|isbn|oclc|ol|issn)\b[:.]?/gi, ' '));
}

/**
 * 1 − edit distance ÷ the longer length (1 for equal strings). When the lengths alone put it below 0.3, that
 * bound is returned instead (cheaper, and below every threshold that uses it).
 */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  // The distance is at least the difference of the lengths: skip hopeless pairs cheaply.
  if (Math.abs(a.length - b.length) / longer > 1 - SHARED_ID_SIMILARITY) return 1 - Math.abs(a.length - b.length) / longer;
  // A common prefix and suffix never change the distance (Levenshtein): compare only what lies between (a light
  // edit leaves a few characters).
  let start = 0;
  const shorter = Math.min(a.length, b.length);
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  return 1 - editDistance(a.slice(start, a.length - end), b.slice(start, b.length - end)) / longer;
}

function identifiers(r: Reference): string[] {
  const { ids } = r;
  return [
    ...ids.doi.map((v) => `doi:${v.toLowerCase()}`),
    ...ids.isbn.map((v) => `isbn:${v}`),
    ...ids.url.map((v) => `url:${v}`),
    ...ids.oclc.map((v) => `oclc:${v}`),
    ...ids.hdl.map((v) => `hdl:${v}`),
    ...ids.ol.map((v) => `ol:${v}`),
  ];
}

/**
 * Matches `before` with `after`: `forward[i]` is the index in `after` of `before[i]`'s counterpart (−1 when it
 * has none), `backward` the reverse.
 */
export function matchReferences(before: readonly Reference[], after: readonly Reference[]): { forward: Int32Array; backward: Int32Array } {
  const forward = new Int32Array(before.length).fill(-1);
  const backward = new Int32Array(after.length).fill(-1);
  // The same text: as written first (no work for the entries a revision left alone), then after white space.
  for (const key of [(r: Reference) => r.text, (r: Reference) => normalise(r.text)]) {
    const byText = new Map<string, number[]>();
    after.forEach((r, j) => {
      if (backward[j] !== -1) return;
      const k = key(r);
      const list = byText.get(k);
      if (list) list.push(j);
      else byText.set(k, [j]);
    });
    before.forEach((r, i) => {
      if (forward[i] !== -1) return;
      const j = byText.get(key(r))?.shift();
      if (j !== undefined) {
        forward[i] = j;
        backward[j] = i;
      }
    });
  }
  const restBefore = before.map((_, i) => i).filter((i) => forward[i] === -1);
  const restAfter = after.map((_, j) => j).filter((j) => backward[j] === -1);
  if (restBefore.length === 0 || restAfter.length === 0) return { forward, backward };

  const idsAfter = new Map<string, number[]>();
  for (const j of restAfter) {
    for (const id of identifiers(after[j]!)) {
      const list = idsAfter.get(id);
      if (list) list.push(j);
      else idsAfter.set(id, [j]);
    }
  }
  const firstWord = (r: Reference) => normalise(r.text).split(' ', 1)[0]!.toLowerCase();
  const full = restBefore.length * restAfter.length <= FULL_COMPARISON_LIMIT;
  const candidates: { i: number; j: number; score: number }[] = [];
  for (const i of restBefore) {
    const shared = new Set<number>();
    for (const id of identifiers(before[i]!)) for (const j of idsAfter.get(id) ?? []) shared.add(j);
    const word = firstWord(before[i]!);
    for (const j of restAfter) {
      if (!full && !shared.has(j) && firstWord(after[j]!) !== word) continue;
      const s = similarity(sourceWords(before[i]!), sourceWords(after[j]!));
      if (s >= REFERENCE_SIMILARITY || (shared.has(j) && s >= SHARED_ID_SIMILARITY)) {
        // A shared identifier outranks text alone; the order of the lists breaks ties (entries rarely move).
        candidates.push({ i, j, score: s + (shared.has(j) ? 1 : 0) - Math.abs(i - j) * 1e-9 });
      }
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  for (const { i, j } of candidates) {
    if (forward[i] !== -1 || backward[j] !== -1) continue;
    forward[i] = j;
    backward[j] = i;
  }
  return { forward, backward };
}

const names = (list: readonly CslName[] | undefined) =>
  list?.length ? list.map((n) => n.literal ?? [n.given, n.family].filter(Boolean).join(' ')).join('; ') : null;
const date = (d: CslDate | undefined) => (d ? d['date-parts'][0].join('-') : null);

/** The fields of a CSL item compared between revisions, as strings (null when absent). */
const CSL_FIELDS: readonly [string, (c: CslItem) => string | null][] = [
  ['type', (c) => c.type],
  ['title', (c) => c.title ?? null],
  ['author', (c) => names(c.author)],
  ['editor', (c) => names(c.editor)],
  ['container-title', (c) => c['container-title'] ?? null],
  ['volume', (c) => c.volume ?? null],
  ['issue', (c) => c.issue ?? null],
  ['page', (c) => c.page ?? null],
  ['publisher', (c) => c.publisher ?? null],
  ['publisher-place', (c) => c['publisher-place'] ?? null],
  ['issued', (c) => date(c.issued)],
  ['accessed', (c) => date(c.accessed)],
  ['DOI', (c) => c.DOI ?? null],
  ['ISBN', (c) => c.ISBN ?? null],
  ['ISSN', (c) => c.ISSN ?? null],
  ['URL', (c) => c.URL ?? null],
];

/** The identifier lists compared (those the CSL item has no field for, or keeps only one of). */
const ID_FIELDS = ['doi', 'isbn', 'url', 'oclc', 'hdl', 'ol'] as const;

/**
 * What differs between two entries taken as the same source: every CSL field, then every identifier list (as
 * `ids.doi`, …, values joined by `; `), then — when nothing structured differs but the words do — `text`.
 */
export function referenceFieldChanges(before: Reference, after: Reference): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, get] of CSL_FIELDS) {
    const b = get(before.csl);
    const a = get(after.csl);
    if (b !== a) out.push({ field, before: b, after: a });
  }
  for (const k of ID_FIELDS) {
    const b = before.ids[k].join('; ') || null;
    const a = after.ids[k].join('; ') || null;
    if (b !== a) out.push({ field: `ids.${k}`, before: b, after: a });
  }
  if (out.length === 0 && normalise(before.text) !== normalise(after.text)) {
    out.push({ field: 'text', before: before.text, after: after.text });
  }
  return out;
}
