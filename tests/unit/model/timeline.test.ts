import { describe, expect, it } from 'vitest';
import type { ClaimDate } from '../../../src/model/claim-dates.ts';
import { dateInWords, timelineOf } from '../../../src/model/timeline.ts';

const date = (claimId: string, iso: string, text: string): ClaimDate => ({
  claimId, block: 0, start: 0, end: text.length, text, date: { year: Number(iso.slice(0, 4)) }, iso, inferred: false,
});

describe('timelineOf', () => {
  it('orders stated dates and places a correction both beside its date and at its own date', () => {
    const dates = [date('c2', '1920-07-03', '3 July 1920'), date('c1', '1920-04-08', '8 April 1920'), date('c3', '1921-01', 'January 1921')];
    const fix = { noteId: 'n1', claimId: 'c2', quote: '3 July 1920', correctedDate: '1921-07-04/1921-07-05', certainty: 'high' };
    const entries = timelineOf(dates, [fix]);
    expect(entries.map((e) => e.sortKey)).toEqual(['1920-04-08', '1920-07-03', '1921-01', '1921-07-04']);
    expect(entries[1]).toMatchObject({ kind: 'stated', corrections: [fix] });
    expect(entries[3]).toMatchObject({ kind: 'correction', correction: fix, of: dates[0] });
  });

  it('a note on a passage with two dates corrects the first, once', () => {
    const dates = [date('c1', '1920-07-03', '3 July 1920'), { ...date('c1', '1920-07-05', 'two days later'), inferred: true }];
    const fix = { noteId: 'n', claimId: 'c1', quote: '3 July 1920, only to be reversed two days later', correctedDate: '1921-07-04' };
    const entries = timelineOf(dates, [fix]);
    expect(entries.filter((e) => e.kind === 'correction')).toHaveLength(1);
    expect(entries.map((e) => (e.kind === 'stated' ? e.corrections.length : -1))).toEqual([1, 0, -1]);
  });

  it('ties a correction only to the date words its passage concerns, on its own claim', () => {
    const dates = [date('c1', '1920-04', 'April 1920'), date('c2', '1920-04', 'April 1920')];
    const other = { noteId: 'n', claimId: 'c2', quote: 'promised that Karabagh', correctedDate: '1920-12' };
    const same = { noteId: 'm', claimId: 'c2', quote: 'in April 1920 promised', correctedDate: '1920-12' };
    const entries = timelineOf(dates, [other, same]);
    expect(entries.filter((e) => e.kind === 'stated').map((e) => (e.kind === 'stated' ? e.corrections.map((c) => c.noteId) : []))).toEqual([[], ['m']]);
  });
});

describe('dateInWords', () => {
  it.each([
    ['1920', '1920'],
    ['1920-04', 'April 1920'],
    ['1920-04-08', '8 April 1920'],
    ['1921-07-04/1921-07-05', '4–5 July 1921'],
    ['1920-12/1921-07', 'December 1920 – July 1921'],
  ])('%s → %s', (iso, words) => expect(dateInWords(iso)).toBe(words));
});
