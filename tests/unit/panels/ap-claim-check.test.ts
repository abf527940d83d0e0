// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import type { ClaimCheck } from '../../../src/anchoring/verification.ts';
import type { Claim } from '../../../src/model/claim-types.ts';
import { ClaimCheckEvent } from '../../../src/panels/events.ts';
import '../../../src/panels/ap-claim-check.ts';
import { $, $$, listen, mount, reference, settle, textOf, unmountAll } from './panel-fixtures.ts';

afterEach(unmountAll);

const sourced: Claim = { id: 'c1', block: 0, start: 0, end: 10, text: 'Kavbiuro was set up on 8 April 1920.[1]', sources: ['1'], support: 'direct' };
const unsourced: Claim = { ...sourced, id: 'c2', sources: [], support: 'none', text: 'Some historians say so.' };
const refs = [reference('1', 'Audrey L. Altstadt (1992), The Azerbaijani Turks', { title: 'The Azerbaijani Turks' })];
const check: ClaimCheck = { annotationId: 'urn:x', label: '1', status: 'partly-supported', locator: 'pp. 96–97', passage: 'in April 1920', checker: 'R. Checker', date: '2026-12-05' };

describe('<ap-claim-check>', () => {
  test('lists each source with its checks, or says it is not yet checked', async () => {
    const el = await mount('ap-claim-check', { claim: sourced, sources: refs, checks: [check] });
    const text = textOf($(el, '.source'));
    expect(text).toContain('[1] The Azerbaijani Turks');
    expect(text).toContain('◐ Partly supported, pp. 96–97');
    expect(text).toContain('“in April 1920”');
    expect(text).toContain('R. Checker · 2026-12-05');
    const bare = await mount('ap-claim-check', { claim: sourced, sources: refs, checks: [] });
    expect(textOf($(bare, '.source'))).toContain('Not yet checked.');
  });

  test('the form records the outcome, locator and passage for that source, and sends it up', async () => {
    const el = await mount('ap-claim-check', { claim: sourced, sources: refs, checks: [] });
    $(el, '.source button').click();
    await settle(el);
    expect($$(el, 'input[name=status]').map((i) => (i as HTMLInputElement).value)).toEqual(['verified', 'partly-supported', 'not-supported', 'source-inaccessible', 'page-needed']);
    ($$(el, 'input[name=status]')[2] as HTMLInputElement).click();
    const locator = $(el, 'input[name=locator]') as HTMLInputElement;
    locator.value = 'p. 12';
    locator.dispatchEvent(new Event('input'));
    const passage = $(el, 'textarea[name=passage]') as HTMLTextAreaElement;
    passage.value = 'nothing of the kind';
    passage.dispatchEvent(new Event('input'));
    await settle(el);
    const sent = listen<ClaimCheckEvent>(ClaimCheckEvent.type);
    ($(el, 'form') as HTMLFormElement).requestSubmit();
    await settle(el);
    expect(sent.map((e) => e.detail.draft)).toEqual([
      { claimId: 'c1', label: '1', status: 'not-supported', locator: 'p. 12', passage: 'nothing of the kind', citation: 'Audrey L. Altstadt (1992), The Azerbaijani Turks' },
    ]);
    expect($$(el, 'form')).toHaveLength(0);
  });

  test('"page needed" with a locator is refused with a reason, nothing sent', async () => {
    const el = await mount('ap-claim-check', { claim: sourced, sources: refs, checks: [] });
    $(el, '.source button').click();
    await settle(el);
    ($$(el, 'input[name=status]')[4] as HTMLInputElement).click();
    const locator = $(el, 'input[name=locator]') as HTMLInputElement;
    locator.value = 'p. 12';
    locator.dispatchEvent(new Event('input'));
    await settle(el);
    const sent = listen<ClaimCheckEvent>(ClaimCheckEvent.type);
    ($(el, 'form') as HTMLFormElement).requestSubmit();
    await settle(el);
    expect(sent).toEqual([]);
    expect(textOf($(el, '[role=alert]'))).toMatch(/A page is needed, yet a locator is given/);
  });

  test('a claim without a source can be marked as needing one', async () => {
    const el = await mount('ap-claim-check', { claim: unsourced, sources: [], checks: [] });
    expect(textOf($(el, 'button'))).toBe('Mark as needing a source');
    $(el, 'button').click();
    await settle(el);
    const sent = listen<ClaimCheckEvent>(ClaimCheckEvent.type);
    ($(el, 'form') as HTMLFormElement).requestSubmit();
    expect(sent.map((e) => e.detail.draft)).toEqual([{ claimId: 'c2', label: null, status: 'needs-source', locator: '', passage: '' }]);
  });

  test('moving to another claim closes an open form', async () => {
    const el = await mount('ap-claim-check', { claim: sourced, sources: refs, checks: [] });
    $(el, '.source button').click();
    await settle(el);
    expect($$(el, 'form')).toHaveLength(1);
    el.claim = { ...sourced, id: 'c3' };
    await settle(el);
    expect($$(el, 'form')).toHaveLength(0);
  });
});
