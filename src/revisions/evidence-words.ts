/**
 * How the evidence report reads, for the Markdown and HTML renderers and the reader's view alike: the heading of
 * each kind of change and the phrases of the summary. Pure.
 */
import type { Coverage } from '../model/coverage.ts';
import { signalPhrase } from '../model/signal-labels.ts';
import type { ChangeKind, EvidenceChange, EvidenceReport } from './evidence-types.ts';

/** The heading of each kind of change. */
export const KIND_TITLE: Record<ChangeKind, string> = {
  'claim-added': 'Claims added',
  'claim-removed': 'Claims removed',
  'claim-reworded': 'Claims reworded',
  'claim-moved': 'Claims moved',
  'citation-lost': 'Claims that lost a citation',
  'citation-gained': 'Claims that gained a citation',
  'signal-added': 'Flags added ([citation needed] and the like)',
  'signal-removed': 'Flags removed',
  'reference-changed': 'Reference entries changed',
  'reference-added': 'Reference entries added',
  'reference-removed': 'Reference entries removed',
};

/** "4 direct, 6 inherited, 4 without source (of 14)". */
export function coverageWords(c: Coverage | null): string {
  if (!c) return '—';
  return `${c.direct} direct, ${c.inherited} inherited, ${c.none} without source (of ${c.total})`;
}

/** Sourced share of a coverage, as a whole percentage ("71 %"), or "—". */
export function sourcedShare(c: Coverage | null): string {
  if (!c || c.total === 0) return '—';
  return `${Math.round(((c.direct + c.inherited) / c.total) * 100)} %`;
}

/** The summary lines of a report. */
export function summaryLines(r: EvidenceReport): string[] {
  const n = r.counts;
  return [
    `Claims: ${r.claimsBefore} → ${r.claimsAfter} (${r.unchangedClaims} with the same words, ${n['claim-reworded']} reworded, ${n['claim-added']} added, ${n['claim-removed']} removed, ${n['claim-moved']} moved).`,
    `Coverage before: ${coverageWords(r.coverageBefore)}; after: ${coverageWords(r.coverageAfter)}.`,
    `Citations: ${n['citation-lost']} lost, ${n['citation-gained']} gained. Reference entries: ${n['reference-changed']} changed, ${n['reference-added']} added, ${n['reference-removed']} removed.`,
    `Flags such as [citation needed]: ${n['signal-added']} added, ${n['signal-removed']} removed.`,
  ];
}

/** One line saying what the change is, beyond its kind (the similarity, the reference, the flag), or ''. */
export function changeDetail(c: EvidenceChange): string {
  switch (c.kind) {
    case 'claim-reworded':
      return `similarity ${c.similarity.toFixed(2)}`;
    case 'citation-lost':
      return `no longer cites [${c.reference.label}] ${c.reference.text}`;
    case 'citation-gained':
      return `now cites [${c.reference.label}] ${c.reference.text}`;
    case 'signal-added':
    case 'signal-removed':
      return `[${signalPhrase(c.signal)}]`;
    case 'reference-changed':
      return c.citations.length === 1 ? '1 marker cites it' : `${c.citations.length} markers cite it`;
    default:
      return '';
  }
}

/** How a field value reads in a field change ("(none)" when absent). */
export function fieldValue(v: string | null): string {
  return v === null ? '(none)' : v;
}
