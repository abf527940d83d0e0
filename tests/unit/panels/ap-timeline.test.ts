// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { importText } from '../../../src/model/import-text.ts';
import type { DateCorrection } from '../../../src/model/timeline.ts';
import { ClaimSelectEvent, NoteActionEvent } from '../../../src/panels/events.ts';
import '../../../src/panels/ap-timeline.ts';
import { $, $$, listen, mount, textOf, unmountAll } from './panel-fixtures.ts';

afterEach(unmountAll);

const kavbiuro = importText(readFileSync(fileURLToPath(new globalThis.URL('../../../../shared/seed/kavbiuro.txt', import.meta.url).href)));
const claimOf = (words: string) => kavbiuro.claims.find((c) => c.text.includes(words))!;
const correction: DateCorrection = {
  noteId: 'urn:apparatus:kavbiuro:date-3-july-1920',
  claimId: claimOf('3 July 1920').id,
  quote: '3 July 1920',
  correctedDate: '1921-07-04/1921-07-05',
  certainty: 'high',
  verdict: 'likely-erroneous',
};

async function timeline(active = true, corrections: DateCorrection[] = [correction]) {
  return mount('ap-timeline', { claims: kavbiuro.claims, language: 'en', corrections, currentId: null, active });
}

describe('<ap-timeline>', () => {
  test('finds nothing until it is shown (a book has thousands of claims)', async () => {
    const el = await timeline(false);
    expect($$(el, 'li')).toHaveLength(0);
    expect(textOf(el)).toBe('Timeline');
  });

  test('lists the stated dates in order, each a button to its claim', async () => {
    const el = await timeline(true, []);
    const times = $$(el, 'li.stated time').map((t) => t.getAttribute('datetime'));
    expect(times).toEqual([...times].sort());
    expect(times).toContain('1920-04-08');
    const april8 = $$(el, 'li.stated').find((li) => li.querySelector('time')!.getAttribute('datetime') === '1920-04-08')!;
    expect(textOf(april8)).toContain('8 April 1920');
    const seen = listen<ClaimSelectEvent>(ClaimSelectEvent.type);
    (april8.querySelector('button.claim') as HTMLButtonElement).click();
    expect(seen.map((e) => e.detail.id)).toEqual([claimOf('8 April 1920').id]);
  });

  test('marks an inferred date with the words and the date it counts from', async () => {
    const el = await timeline(true, []);
    const inferred = $$(el, 'li.stated').find((li) => textOf(li).includes('Inferred'))!;
    expect(inferred.querySelector('time')!.getAttribute('datetime')).toBe('1920-07-05');
    expect(textOf(inferred)).toContain('Inferred: “two days later” after 3 July 1920');
  });

  test('shows a note\'s correction beside the stated date and at its own date, with its certainty', async () => {
    const el = await timeline();
    const stated = $$(el, 'li.stated').find((li) => li.querySelector('time')!.getAttribute('datetime') === '1920-07-03')!;
    expect(textOf(stated)).toContain('A note gives 4–5 July 1921 (high certainty)');
    const [corr] = $$(el, 'li.correction');
    expect(corr!.querySelector('time')!.getAttribute('datetime')).toBe('1921-07-04/1921-07-05');
    expect(textOf(corr!)).toContain('4–5 July 1921');
    expect(textOf(corr!)).toContain('Correction · high certainty');
    const lines = $$(el, 'li');
    expect(lines.indexOf(corr!)).toBeGreaterThan(lines.indexOf(stated));
    const seen = listen<NoteActionEvent>(NoteActionEvent.type);
    (corr!.querySelector('button.note') as HTMLButtonElement).click();
    expect(seen.map((e) => e.detail)).toEqual([{ action: 'focus', id: correction.noteId }]);
  });

  test('says so when no claim states a date', async () => {
    const el = await mount('ap-timeline', { claims: importText('A claim without a date.').claims, active: true });
    expect(textOf($(el, '.empty'))).toContain('No claim of this text states a date');
  });

  test('marks the date of the claim under the caret as current', async () => {
    const el = await mount('ap-timeline', { claims: kavbiuro.claims, active: true, currentId: claimOf('8 April 1920').id });
    const current = $$(el, 'button.claim').filter((b) => b.getAttribute('aria-current') === 'true');
    expect(current.map((b) => b.dataset['claim'])).toEqual([claimOf('8 April 1920').id]);
  });
});
