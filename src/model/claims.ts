/**
 * Cuts body blocks into claims and decides each claim's support (DESIGN §1, "Claims").
 *
 * A block is cut at sentence ends (Intl.Segmenter in the work's language, run on the text with markers taken out
 * so that `[1]` never splits a sentence) and after every marker run. A piece that holds nothing but punctuation
 * and markers joins the claim before it (or after it, at the start of a block).
 */
import type { Claim, Support } from './claim-types.ts';
import { findMarkerRuns, runLabels, type MarkerRun } from './marker-runs.ts';

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    let locale = language;
    try {
      Intl.getCanonicalLocales(language);
    } catch {
      locale = 'en';
    }
    s = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(language, s);
  }
  return s;
}

/** 32-bit FNV-1a of a string, as 8 hex digits: short, stable ids. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Sentence boundaries of `text` (offsets in `text`, excluding 0 and text.length), markers ignored. */
function sentenceBoundaries(text: string, runs: readonly MarkerRun[], language: string): number[] {
  // Strip the marker runs and remember where each stripped offset came from.
  let stripped = '';
  const origin: number[] = [];
  let at = 0;
  for (const run of [...runs, { start: text.length, end: text.length, markers: [] }]) {
    stripped += text.slice(at, run.start);
    for (let i = at; i < run.start; i++) origin.push(i);
    at = run.end;
  }
  origin.push(text.length);
  const out: number[] = [];
  for (const seg of segmenterFor(language).segment(stripped)) {
    if (seg.index > 0) out.push(origin[seg.index]!);
  }
  return out;
}

const SUBSTANCE = /[\p{L}\p{N}]/u;

/** Trimmed [start, end) of text.slice(start, end), or null when only white space. */
function trimRange(text: string, start: number, end: number): [number, number] | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? [start, end] : null;
}

/** The claims of one block (ids not yet assigned: `id` is ''). */
export function blockClaims(text: string, block: number, language: string): Claim[] {
  const runs = findMarkerRuns(text);
  const cuts = new Set<number>([0, text.length]);
  for (const b of sentenceBoundaries(text, runs, language)) cuts.add(b);
  for (const run of runs) cuts.add(run.end);
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: [number, number][] = [];
  let pendingStart: number | null = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const r = trimRange(text, points[i]!, points[i + 1]!);
    if (!r) continue;
    const withoutMarkers = text.slice(r[0], r[1]).replace(/\[\d{1,9}\]/g, '');
    if (!SUBSTANCE.test(withoutMarkers)) {
      const last = pieces[pieces.length - 1];
      if (last) last[1] = r[1];
      else pendingStart ??= r[0];
      continue;
    }
    pieces.push([pendingStart ?? r[0], r[1]]);
    pendingStart = null;
  }
  if (pendingStart !== null && pieces.length === 0) {
    const r = trimRange(text, pendingStart, text.length);
    if (r) pieces.push(r);
  }
  return pieces.map(([start, end]) => {
    const direct = runs.find((run) => run.end === end && run.start >= start);
    let support: Support = 'none';
    let sources: string[] = [];
    if (direct) {
      support = 'direct';
      sources = runLabels(direct);
    } else {
      const later = runs.find((run) => run.start >= end);
      if (later) {
        support = 'inherited';
        sources = runLabels(later);
      }
    }
    return { id: '', block, start, end, text: text.slice(start, end), sources, support };
  });
}

/**
 * The claims of all blocks, in document order, with stable ids: `c` + FNV-1a of the claim's text, and `-2`, `-3`
 * … for later claims with the same text. The same text always yields the same ids.
 */
export function findClaims(blocks: readonly { text: string }[], language = 'en'): Claim[] {
  const claims = blocks.flatMap((b, i) => blockClaims(b.text, i, language));
  const seen = new Map<string, number>();
  for (const claim of claims) {
    const base = `c${fnv1a(claim.text)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    claim.id = n === 1 ? base : `${base}-${n}`;
  }
  return claims;
}
