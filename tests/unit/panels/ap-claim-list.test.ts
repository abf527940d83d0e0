// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import type { Claim, Support } from '../../../src/model/claim-types.ts';
import { coverageOf } from '../../../src/model/coverage.ts';
import { CLAIM_LIST_PAGE } from '../../../src/panels/ap-claim-list.ts';
import { ClaimSelectEvent } from '../../../src/panels/events.ts';
import type { ClaimCheck } from '../../../src/anchoring/verification.ts';
import { $, $$, listen, mount, settle, textOf, unmountAll } from './panel-fixtures.ts';

afterEach(unmountAll);

const claim = (id: string, support: Support, text = `Claim ${id}.`): Claim => ({ id, block: 0, start: 0, end: text.length, text, sources: support === 'none' ? [] : ['1'], support });
const claims = [claim('c1', 'direct'), claim('c2', 'inherited'), claim('c3', 'none'), claim('c4', 'direct')];

async function list(items: readonly Claim[] = claims, currentId: string | null = null) {
  return mount('ap-claim-list', { claims: items, coverage: coverageOf(items), currentId });
}
const shownIds = (el: Element) => $$(el, 'button.claim').map((b) => b.dataset['claim']);

describe('<ap-claim-list>', () => {
  test('the coverage bar says in words how many claims are cited, covered later and without a source', async () => {
    const el = await list();
    const bar = $(el, '.bar');
    expect(bar.getAttribute('role')).toBe('img');
    expect(bar.getAttribute('aria-label')).toBe('2 cited, 1 covered by a later citation, 1 without a source, of 4 claims');
    expect($(el, '.seg--direct').getAttribute('style')).toContain('width:50%');
  });

  test('every claim is a button in document order, with its support level for screen readers', async () => {
    const el = await list();
    expect(shownIds(el)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(textOf($$(el, 'button.claim')[2]!)).toBe('No source: Claim c3.');
    expect($(el, 'ol').getAttribute('aria-labelledby')).toBe('claims-heading');
    expect(textOf($(el, '#claims-heading'))).toBe('Claims');
  });

  test('the claim under the caret is marked current', async () => {
    const el = await list(claims, 'c2');
    expect($$(el, 'button.claim').map((b) => b.getAttribute('aria-current'))).toEqual(['false', 'true', 'false', 'false']);
  });

  test('a long claim is cut at 110 characters with an ellipsis', async () => {
    const long = claim('long', 'direct', `${'word '.repeat(40)}end.`);
    const el = await list([long]);
    const shown = textOf($(el, 'button.claim')).replace('Cited: ', '');
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(110);
  });

  test('choosing a claim sends ap-claim-select with its id, bubbling and composed', async () => {
    const el = await list();
    const seen = listen<ClaimSelectEvent>(ClaimSelectEvent.type);
    $$(el, 'button.claim')[1]!.click();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(ClaimSelectEvent);
    expect(seen[0]!.detail).toEqual({ id: 'c2' });
    expect(seen[0]!.bubbles && seen[0]!.composed).toBe(true);
  });

  test('the filters show one support level at a time, with their counts, and say which is on', async () => {
    const el = await list();
    const filters = $$(el, 'button.filter');
    expect(filters.map((b) => textOf(b))).toEqual(['All 4', 'Cited 2', 'Covered later 1', 'No source 1', 'Not yet checked 4']);
    expect(filters.map((b) => b.getAttribute('aria-pressed'))).toEqual(['true', 'false', 'false', 'false', 'false']);
    $(el, 'button.filter[data-filter=direct]').click();
    await settle(el);
    expect(shownIds(el)).toEqual(['c1', 'c4']);
    expect($$(el, 'button.filter').map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'true', 'false', 'false', 'false']);
    $(el, 'button.filter[data-filter=none]').click();
    await settle(el);
    expect(shownIds(el)).toEqual(['c3']);
    $(el, 'button.filter[data-filter=all]').click();
    await settle(el);
    expect(shownIds(el)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  test(`a long list shows ${CLAIM_LIST_PAGE} claims and a "Show more" button for the next ones; a filter starts again from the top`, async () => {
    const many = Array.from({ length: CLAIM_LIST_PAGE * 2 + 5 }, (_, i) => claim(`c${i}`, i % 2 ? 'none' : 'direct'));
    const el = await list(many);
    expect(shownIds(el)).toHaveLength(CLAIM_LIST_PAGE);
    expect(textOf($(el, 'button.more'))).toBe(`Show ${CLAIM_LIST_PAGE} more of ${CLAIM_LIST_PAGE + 5}`);
    $(el, 'button.more').click();
    await settle(el);
    expect(shownIds(el)).toHaveLength(CLAIM_LIST_PAGE * 2);
    expect(textOf($(el, 'button.more'))).toBe('Show 5 more of 5');
    $(el, 'button.more').click();
    await settle(el);
    expect(shownIds(el)).toEqual(many.map((c) => c.id));
    expect($$(el, 'button.more')).toHaveLength(0);
    $(el, 'button.filter[data-filter=none]').click();
    await settle(el);
    expect(shownIds(el)).toEqual(many.filter((c) => c.support === 'none').slice(0, CLAIM_LIST_PAGE).map((c) => c.id));
  });

  test('without coverage (still loading) there is neither bar nor filters, only the list', async () => {
    const el = await mount('ap-claim-list', { claims, coverage: null });
    expect($$(el, '.bar, button.filter')).toHaveLength(0);
    expect(shownIds(el)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });
});

describe('<ap-claim-list> and checks', () => {
  const check = (label: string | null, status: ClaimCheck['status']): ClaimCheck => ({
    annotationId: `urn:x:${label}`, label, status, locator: '', passage: '', checker: 'R', date: '2026-12-05',
  });
  test('counts the claims checked, filters the ones not yet checked, and signs each checked claim with its outcome', async () => {
    const checks = new Map<string, ClaimCheck[]>([
      ['c1', [check('1', 'verified')]],
      ['c3', [check(null, 'needs-source')]],
    ]);
    const el = await mount('ap-claim-list', { claims, coverage: coverageOf(claims), currentId: null, checks });
    expect(textOf($(el, '.progress'))).toBe('2 of 4 claims checked against their sources');
    $(el, 'button.filter[data-filter=unchecked]').click();
    await settle(el);
    expect(shownIds(el)).toEqual(['c2', 'c4']);
    $(el, 'button.filter[data-filter=all]').click();
    await settle(el);
    const signs = $$(el, 'button.claim').map((b) => b.querySelector('.check')?.getAttribute('aria-label') ?? '');
    expect(signs).toEqual([', Verified', '', ', Needs a source', '']);
  });

  test('a claim with two sources counts as checked only when both are', async () => {
    const two: Claim = { ...claim('c9', 'direct'), sources: ['1', '2'] };
    const el = await mount('ap-claim-list', { claims: [two], coverage: coverageOf([two]), checks: new Map([['c9', [check('1', 'verified')]]]) });
    expect(textOf($(el, '.progress'))).toBe('0 of 1 claims checked against their sources');
  });
});
