import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chronological, claimDates } from '../../../src/model/claim-dates.ts';
import { importText } from '../../../src/model/import-text.ts';

const kavbiuro = importText(readFileSync(new URL('../../../../shared/seed/kavbiuro.txt', import.meta.url)));

function datesOf(text: string, language = 'en') {
  const imported = importText(text, { language });
  return claimDates(imported.claims, language);
}

describe('claimDates on Kavbiuro', () => {
  const dates = claimDates(kavbiuro.claims);
  const byText = (t: string) => dates.filter((d) => d.text === t);

  it('finds the absolute dates of the article with their precision', () => {
    expect(byText('8 April 1920').map((d) => d.iso)).toEqual(['1920-04-08']);
    expect(byText('3 July 1920').map((d) => d.iso)).toEqual(['1920-07-03']);
    expect(byText('April 1920').every((d) => d.iso === '1920-04')).toBe(true);
    expect(byText('April 1920').length).toBeGreaterThanOrEqual(2);
  });

  it('resolves "two days later" against 3 July 1920, marked as inferred', () => {
    const later = byText('two days later');
    expect(later).toHaveLength(1);
    expect(later[0]).toMatchObject({ iso: '1920-07-05', inferred: true, basis: '3 July 1920' });
  });

  it('places every date inside its claim, on the words it read', () => {
    for (const d of dates) {
      const claim = kavbiuro.claims.find((c) => c.id === d.claimId)!;
      expect(d.start).toBeGreaterThanOrEqual(claim.start);
      expect(d.end).toBeLessThanOrEqual(claim.end);
      expect(kavbiuro.blocks[d.block]!.text.slice(d.start, d.end)).toBe(d.text);
    }
  });

  it('orders the timeline chronologically', () => {
    const isos = chronological(dates).map((d) => d.iso);
    expect(isos).toEqual([...isos].sort());
    expect(isos.indexOf('1920-07-03')).toBeLessThan(isos.indexOf('1920-07-05'));
  });
});

describe('claimDates', () => {
  it('reads month-first dates and crosses month ends when counting days', () => {
    const [a, b] = datesOf('The treaty was signed on January 30, 1921. Troops left three days later.');
    expect(a).toMatchObject({ iso: '1921-01-30', inferred: false });
    expect(b).toMatchObject({ iso: '1921-02-02', inferred: true });
  });

  it('never guesses: a relative date with no date before it, or one too coarse, is left out', () => {
    expect(datesOf('Two days later the committee met.')).toEqual([]);
    expect(datesOf('In 1920 the bureau met. Two days later it met again.').map((d) => d.iso)).toEqual(['1920']);
  });

  it('does not take page numbers, counts or invalid dates for years or days', () => {
    expect(datesOf('See pages 1920 to 1930. The vote was 4 to 3. It happened on 31 February 1921.')).toEqual([]);
  });

  it('does not carry a date from one paragraph to the next', () => {
    expect(datesOf('It began on 1 May 1921.\n\nA week later it ended.').map((d) => d.iso)).toEqual(['1921-05-01']);
  });

  it('reads month names in the work\'s language', () => {
    expect(datesOf('Das Büro wurde am 8 April 1920 gegründet. Am 3 Juli 1920 tagte es.', 'de').map((d) => d.iso)).toEqual([
      '1920-04-08',
      '1920-07-03',
    ]);
  });
});
