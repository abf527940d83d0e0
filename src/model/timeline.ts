/**
 * The timeline of a work (issue 12 §4): the dates its claims state, in order, and beside each date a note corrects,
 * the date the note gives — marked as a correction with the note's certainty. Pure data in, pure data out.
 */
import { chronological, type ClaimDate } from './claim-dates.ts';

/**
 * A note giving another date for words of a claim: `quote` is the note's passage, `correctedDate` its ISO 8601
 * date or interval (`1921-07-04/1921-07-05`), `certainty` and `verdict` as the note states them.
 */
export interface DateCorrection {
  noteId: string;
  claimId: string;
  quote: string;
  correctedDate: string;
  certainty?: string;
  verdict?: string;
}

/**
 * One line of the timeline: a date the text states (`kind: 'stated'`, with the corrections made to it), or a
 * date a note gives instead (`kind: 'correction'`, placed at its own date, `of` the stated date it corrects).
 * `sortKey` is the ISO date the line is ordered by (an interval's start).
 */
export type TimelineEntry =
  | { kind: 'stated'; sortKey: string; date: ClaimDate; corrections: DateCorrection[] }
  | { kind: 'correction'; sortKey: string; correction: DateCorrection; of: ClaimDate };

/**
 * The date a correction corrects, among the dates of its claim (in text order): the one whose words are exactly its
 * passage, else the first whose words its passage contains, else one whose words contain its passage; null when its
 * passage concerns no date of the claim. A note on a passage with two dates corrects the first.
 */
function correctedOf(correction: DateCorrection, dates: readonly ClaimDate[]): ClaimDate | null {
  const own = dates.filter((d) => d.claimId === correction.claimId);
  return (
    own.find((d) => d.text === correction.quote) ??
    own.find((d) => correction.quote.includes(d.text)) ??
    own.find((d) => d.text.includes(correction.quote)) ??
    null
  );
}

/**
 * The timeline of `dates` (as `claimDates` finds them, in text order) with `corrections`: every stated date in
 * chronological order, each correction both beside the date it corrects and at its own place in time. A
 * correction whose passage concerns no recognised date has nothing on the timeline to correct: it is left to the
 * notes list.
 */
export function timelineOf(dates: readonly ClaimDate[], corrections: readonly DateCorrection[]): TimelineEntry[] {
  const byDate = new Map<ClaimDate, DateCorrection[]>();
  for (const correction of corrections) {
    const date = correctedOf(correction, dates);
    if (date) byDate.set(date, [...(byDate.get(date) ?? []), correction]);
  }
  const entries: TimelineEntry[] = [];
  for (const date of chronological(dates)) {
    const mine = byDate.get(date) ?? [];
    entries.push({ kind: 'stated', sortKey: date.iso, date, corrections: mine });
    for (const correction of mine) {
      entries.push({ kind: 'correction', sortKey: correction.correctedDate.split('/')[0]!, correction, of: date });
    }
  }
  // Stable: lines of one date keep text order, a correction follows the lines of its own date that came before it.
  return entries.map((e, i) => ({ e, i })).sort((a, b) => (a.e.sortKey < b.e.sortKey ? -1 : a.e.sortKey > b.e.sortKey ? 1 : a.i - b.i)).map(({ e }) => e);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An ISO date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) or interval in words: "4 July 1921", "4–5 July 1921", "April 1920". */
export function dateInWords(iso: string): string {
  const word = (d: string) => {
    const [y, m, day] = d.split('-');
    if (m === undefined) return { y: y!, m: '', d: '' };
    return { y: y!, m: MONTH_NAMES[Number(m) - 1] ?? m, d: day === undefined ? '' : String(Number(day)) };
  };
  const [a, b] = iso.split('/').map(word);
  const one = (x: { y: string; m: string; d: string }) => [x.d, x.m, x.y].filter(Boolean).join(' ');
  if (!b) return one(a!);
  if (a!.y === b.y && a!.m === b.m && a!.d && b.d) return `${a!.d}–${b.d} ${a!.m} ${a!.y}`;
  return `${one(a!)} – ${one(b)}`;
}
