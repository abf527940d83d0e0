/**
 * The import report in words (imported-text.ts `ImportReport`): what was left out, counted, never silent —
 * "2 tables, 1 infobox not shown". One place for the page and its tests.
 */
import type { ImportReport, Signal } from '../model/imported-text.ts';
import { signalPhrase } from '../model/signal-labels.ts';

/** Singular and plural of the kinds adapters count; another kind reads as itself ("1 widget", "2 widgets"). */
const KINDS: Record<string, [string, string]> = {
  table: ['table', 'tables'],
  infobox: ['infobox', 'infoboxes'],
  navbox: ['navigation box', 'navigation boxes'],
  hatnote: ['hatnote', 'hatnotes'],
  figure: ['figure', 'figures'],
  maintenance: ['maintenance box', 'maintenance boxes'],
  'edit-link': ['edit link', 'edit links'],
  script: ['script', 'scripts'],
  style: ['style sheet', 'style sheets'],
  math: ['formula', 'formulas'],
  gallery: ['gallery', 'galleries'],
  hidden: ['hidden element', 'hidden elements'],
  contents: ['contents box', 'contents boxes'],
  'reference-list': ['reference list (read as the references)', 'reference lists (read as the references)'],
};

/** "2 tables, 1 infobox" for the counts of `omitted` (kinds with a count of 0 left out), in the report's order. */
export function omittedInWords(omitted: Record<string, number>): string {
  return Object.entries(omitted)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => {
      const [one, many] = KINDS[kind] ?? [kind.replace(/-/g, ' '), `${kind.replace(/-/g, ' ')}s`];
      return `${n} ${n === 1 ? one : many}`;
    })
    .join(', ');
}

/** The sentences of a report: what was not shown, then its notes, then flags that fall on no claim. */
export function reportSentences(report: ImportReport, unplaced: readonly Signal[] = []): string[] {
  const out: string[] = [];
  const omitted = omittedInWords(report.omitted);
  if (omitted) out.push(`${omitted} not shown.`);
  for (const note of report.notes) out.push(note);
  for (const s of unplaced) out.push(`The source flags a passage outside any claim (${signalPhrase(s.kind)}) in block ${s.block + 1}.`);
  return out;
}
