/**
 * Dates in claims, for the timeline (issue 12 §4): absolute dates written in the work's language ("8 April 1920",
 * "April 3, 1920", "April 1920", "in 1921") and relative ones ("two days later", "the next day", "a week later")
 * resolved against the date before them in the same block, marked as inferred. Pure: month names come from
 * `Intl.DateTimeFormat` for the work's language (English names are always understood as well, since English
 * sources are quoted everywhere).
 */
import type { Claim } from './claim-types.ts';

/** A calendar date as precise as the text says: `month` 1–12 and `day` 1–31 present only when written. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

/**
 * One date found in a claim. `start`/`end` are UTF-16 offsets of the words in the claim's block (as the claim's
 * own offsets). `inferred` dates were computed from a relative expression (`basis` is the date they count from,
 * `text` the expression); `iso` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 */
export interface ClaimDate {
  claimId: string;
  block: number;
  start: number;
  end: number;
  text: string;
  date: PartialDate;
  iso: string;
  inferred: boolean;
  basis?: string;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, several: NaN, few: NaN,
};

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, fortnight: 14 };

/** Month names (long and short, lower case) → month number, for `language` and for English. */
function monthNames(language: string): Map<string, number> {
  const names = new Map<string, number>();
  for (const lang of new Set([language, 'en'])) {
    let long: Intl.DateTimeFormat;
    let short: Intl.DateTimeFormat;
    try {
      long = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' });
      short = new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' });
    } catch {
      continue;
    }
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(2000, m, 15));
      names.set(long.format(d).toLocaleLowerCase(lang), m + 1);
      names.set(short.format(d).toLocaleLowerCase(lang).replace(/\.$/, ''), m + 1);
    }
  }
  return names;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoOf(d: PartialDate): string {
  const y = String(d.year).padStart(4, '0');
  if (d.month === undefined) return y;
  const m = String(d.month).padStart(2, '0');
  return d.day === undefined ? `${y}-${m}` : `${y}-${m}-${String(d.day).padStart(2, '0')}`;
}

function valid(d: PartialDate): boolean {
  if (d.year < 1 || d.year > 2999) return false;
  if (d.month !== undefined && (d.month < 1 || d.month > 12)) return false;
  if (d.day !== undefined && (d.month === undefined || d.day < 1 || d.day > daysIn(d.year, d.month))) return false;
  return true;
}

/** `basis` moved by `amount` units (days for day/week/fortnight; months; years), as precise as `basis`. */
function shifted(basis: PartialDate, amount: number, unit: string): PartialDate | null {
  if (unit in UNIT_DAYS) {
    if (basis.day === undefined || basis.month === undefined) return null;
    const t = new Date(Date.UTC(basis.year, basis.month - 1, basis.day + amount * UNIT_DAYS[unit]!));
    return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
  }
  if (unit === 'month') {
    if (basis.month === undefined) return null;
    const index = basis.year * 12 + (basis.month - 1) + amount;
    return { year: Math.floor(index / 12), month: (index % 12) + 1 };
  }
  return { year: basis.year + amount };
}

interface Found {
  start: number;
  end: number;
  text: string;
  date?: PartialDate;
  relative?: { amount: number; unit: string };
}

/** The absolute and relative date expressions of `text`, in order. */
function scan(text: string, months: Map<string, number>): Found[] {
  const found: Found[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const take = (f: Found) => {
    if (!free(f.start, f.end)) return;
    taken.push([f.start, f.end]);
    found.push(f);
  };
  const word = '\\p{L}[\\p{L}.]*';
  const patterns: [RegExp, (m: RegExpExecArray) => PartialDate | null][] = [
    // 8 April 1920
    [new RegExp(`\\b(\\d{1,2})\\s+(${word})\\s+(\\d{3,4})\\b`, 'gu'), (m) => {
      const month = months.get(m[2]!.toLowerCase().replace(/\.$/, ''));
      return month ? { year: Number(m[3]), month, day: Number(m[1]) } : null;
    }],
    // April 3, 1920
    [new RegExp(`\\b(${word})\\s+(\\d{1,2}),\\s*(\\d{3,4})\\b`, 'gu'), (m) => {
      const month = months.get(m[1]!.toLowerCase().replace(/\.$/, ''));
      return month ? { year: Number(m[3]), month, day: Number(m[2]) } : null;
    }],
    // April 1920
    [new RegExp(`\\b(${word})\\s+(\\d{3,4})\\b`, 'gu'), (m) => {
      const month = months.get(m[1]!.toLowerCase().replace(/\.$/, ''));
      return month ? { year: Number(m[2]), month } : null;
    }],
    // in 1921 / of 1920 / by 1922 (not "to": "pages 1920 to 1930") — a bare year after a preposition, so page numbers and counts are not taken
    [/\b(?:in|of|by|since|until|from|during|early|late|mid-)\s*(1\d{3}|20\d{2})\b(?!\s*[–-]\s*\d)/giu, (m) => ({ year: Number(m[1]) })],
  ];
  for (const [re, read] of patterns) {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const date = read(m);
      if (!date) continue;
      if (!valid(date)) {
        // Words that name a date that does not exist ("31 February 1921") are no date, nor any coarser one.
        if (free(m.index, m.index + m[0].length)) taken.push([m.index, m.index + m[0].length]);
        continue;
      }
      const yearOnly = date.month === undefined;
      const start = yearOnly ? m.index + m[0].length - m[1]!.length : m.index;
      take({ start, end: m.index + m[0].length, text: text.slice(start, m.index + m[0].length), date });
    }
  }
  const relative =
    /\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+(day|week|fortnight|month|year)s?\s+later|the\s+(next|following)\s+(day|week|month|year))\b/giu;
  for (let m = relative.exec(text); m; m = relative.exec(text)) {
    const amountWord = (m[1] ?? '').toLowerCase();
    const amount = m[1] === undefined ? 1 : /^\d+$/.test(amountWord) ? Number(amountWord) : NUMBER_WORDS[amountWord]!;
    const unit = (m[2] ?? m[4]!).toLowerCase();
    if (!Number.isFinite(amount)) continue;
    take({ start: m.index, end: m.index + m[0].length, text: m[0], relative: { amount, unit } });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The dates of `claims` (each read in its own `text`), in text order. A relative expression is resolved against
 * the last date before it in the same block (absolute or itself inferred); with none, or one too coarse for it
 * ("two days later" after "1920"), it is left out — a date is never guessed.
 */
export function claimDates(claims: readonly Claim[], language = 'en'): ClaimDate[] {
  const months = monthNames(language);
  const out: ClaimDate[] = [];
  const byBlock = new Map<number, Claim[]>();
  for (const c of claims) {
    const list = byBlock.get(c.block) ?? [];
    list.push(c);
    byBlock.set(c.block, list);
  }
  for (const [block, list] of [...byBlock].sort((a, b) => a[0] - b[0])) {
    let last: { date: PartialDate; text: string } | null = null;
    for (const claim of [...list].sort((a, b) => a.start - b.start)) {
      for (const f of scan(claim.text, months)) {
        const start = claim.start + f.start;
        const end = claim.start + f.end;
        if (f.date) {
          out.push({ claimId: claim.id, block, start, end, text: f.text, date: f.date, iso: isoOf(f.date), inferred: false });
          last = { date: f.date, text: f.text };
        } else if (f.relative && last) {
          const date = shifted(last.date, f.relative.amount, f.relative.unit);
          if (!date) continue;
          out.push({ claimId: claim.id, block, start, end, text: f.text, date, iso: isoOf(date), inferred: true, basis: last.text });
          last = { date, text: f.text };
        }
      }
    }
  }
  return out;
}

/** `dates` in chronological order (coarser dates before finer ones of the same period; text order breaks ties). */
export function chronological(dates: readonly ClaimDate[]): ClaimDate[] {
  return dates
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.iso < b.d.iso ? -1 : a.d.iso > b.d.iso ? 1 : a.i - b.i))
    .map(({ d }) => d);
}
