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

/** True when a note on `quote` speaks about the date words `text` (one contains the other). */
function concerns(quote: string, text: string): boolean {
  return quote.includes(text) || text.includes(quote);
}

/**
 * The timeline of `dates` (as `claimDates` finds them) with `corrections`: every stated date in chronological
 * order, each correction both beside the date it corrects and at its own place in time. A correction whose
 * passage holds no recognised date is placed at its own date, `of` null is never made: it is left to the notes
 * list (it has nothing on the timeline to correct).
 */
export function timelineOf(dates: readonly ClaimDate[], corrections: readonly DateCorrection[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const date of chronological(dates)) {
    const mine = corrections.filter((c) => c.claimId === date.claimId && concerns(c.quote, date.text));
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
