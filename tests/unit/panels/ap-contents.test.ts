// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import type { ClaimCheck, VerificationStatus } from '../../../src/anchoring/verification.ts';
import type { Section } from '../../../src/editor/sections.ts';
import type { Claim } from '../../../src/model/claim-types.ts';
import '../../../src/panels/ap-contents.ts';
import { coverageInWords } from '../../../src/panels/ap-contents.ts';
import { SectionSelectEvent } from '../../../src/panels/events.ts';
import { $, $$, listen, mount, settle, shadow, textOf, unmountAll } from './panel-fixtures.ts';

afterEach(unmountAll);

const section = (index: number, title: string, level: number, from: number, coverage: [number, number, number], introduction = false): Section => ({
  index, title, level, anchor: introduction ? null : title, introduction, from, to: from + 100,
  coverage: { direct: coverage[0], inherited: coverage[1], none: coverage[2], total: coverage[0] + coverage[1] + coverage[2] },
  claims: Array.from({ length: coverage[0] + coverage[1] + coverage[2] }, (_, k) => `${title}-${k}`),
});
const sections = [
  section(0, 'Introduction', 2, 0, [2, 0, 0], true),
  section(1, 'History', 2, 50, [3, 1, 2]),
  section(2, 'Members', 3, 80, [0, 0, 0]),
  section(3, 'Legacy', 2, 120, [0, 0, 1]),
];
const buttons = (el: Element) => $$(el, 'button[data-section]');

describe('<ap-contents>', () => {
  test('one entry per section in order, indented by level, each with its coverage in words', async () => {
    const el = await mount('ap-contents', { sections, current: null });
    expect(buttons(el).map((b) => textOf(b.querySelector('.title')!))).toEqual(['Introduction', 'History', 'Members', 'Legacy']);
    expect(buttons(el).map((b) => b.getAttribute('style'))).toEqual(['--level:2', '--level:2', '--level:3', '--level:2']);
    expect($$(el, '.bar').map((b) => b.getAttribute('aria-label'))).toEqual([
      '2 cited, 0 covered by a later citation, 0 without a source, of 2 claims; 0 of 2 checked',
      '3 cited, 1 covered by a later citation, 2 without a source, of 6 claims; 0 of 6 checked',
      '0 cited, 0 covered by a later citation, 1 without a source, of 1 claim; 0 of 1 checked',
    ]);
    expect(textOf(buttons(el)[2]!)).toBe('Members no claims');
    expect($(el, '.seg--none', ).getAttribute('style')).toBe('width:0%');
    expect(textOf($(el, '.summary'))).toBe('3 sections · the bar shows each section\'s claims by support');
    expect($(el, 'nav').getAttribute('aria-labelledby')).toBe('contents-heading');
  });

  test('each section says how many of its claims are checked against every source they cite', async () => {
    const claim = (id: string, sources: string[]): Claim => ({ id, block: 0, start: 0, end: 1, text: id, sources, support: sources.length ? 'direct' : 'none' });
    const check = (label: string | null, status: VerificationStatus = 'verified'): ClaimCheck => ({ annotationId: `a-${label}`, label, status, locator: 'p. 1', passage: '', checker: 'A', date: '2026-12-06' });
    const claims = [claim('History-0', ['1']), claim('History-1', ['1', '2']), claim('History-2', []), claim('Legacy-0', [])];
    const checks = new Map([
      ['History-0', [check('1')]],
      // Checked against one of its two sources only: not yet checked.
      ['History-1', [check('1')]],
      ['History-2', [check(null, 'needs-source')]],
      ['Legacy-0', [check(null, 'needs-source')]],
    ]);
    const el = await mount('ap-contents', { sections, current: null, claims, checks });
    expect($$(el, '.checked').map((c) => c.getAttribute('data-checked'))).toEqual(['0', '2', '1']);
    expect(textOf($$(el, '.checked')[1]!)).toBe('2 of 6 checked');
    expect($$(el, '.bar')[1]!.getAttribute('aria-label')).toMatch(/; 2 of 6 checked$/);
  });

  test('the caret\'s section is the current location and the one entry in the tab order', async () => {
    const el = await mount('ap-contents', { sections, current: 2 });
    expect(buttons(el).map((b) => b.getAttribute('aria-current'))).toEqual(['false', 'false', 'location', 'false']);
    expect(buttons(el).map((b) => b.tabIndex)).toEqual([-1, -1, 0, -1]);
  });

  test('↓, ↑, End and Home move the focus (roving tabindex); Enter or a click chooses the section', async () => {
    const el = await mount('ap-contents', { sections, current: 0 });
    const chosen = listen<SectionSelectEvent>(SectionSelectEvent.type);
    const key = async (k: string) => {
      (shadow(el).activeElement ?? buttons(el)[0]!).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
      await settle(el);
      await el.updateComplete;
    };
    buttons(el)[0]!.focus();
    await key('ArrowDown');
    expect(shadow(el).activeElement).toBe(buttons(el)[1]);
    expect(buttons(el).map((b) => b.tabIndex)).toEqual([-1, 0, -1, -1]);
    await key('End');
    expect(shadow(el).activeElement).toBe(buttons(el)[3]);
    await key('ArrowDown');
    expect(shadow(el).activeElement).toBe(buttons(el)[3]);
    await key('ArrowUp');
    expect(shadow(el).activeElement).toBe(buttons(el)[2]);
    await key('Home');
    expect(shadow(el).activeElement).toBe(buttons(el)[0]);
    // Enter on a button is its click (the platform's); the click chooses the section.
    buttons(el)[2]!.click();
    expect(chosen.map((e) => e.detail.from)).toEqual([80]);
    expect(chosen[0]!.bubbles && chosen[0]!.composed).toBe(true);
  });

  test('a text without sections says so', async () => {
    const el = await mount('ap-contents', { sections: [], current: null });
    expect(textOf($(el, '.empty'))).toBe('This text has no sections.');
    expect(buttons(el)).toHaveLength(0);
  });

  test('coverageInWords', () => {
    expect(coverageInWords({ total: 0, direct: 0, inherited: 0, none: 0 })).toBe('no claims');
  });
});
