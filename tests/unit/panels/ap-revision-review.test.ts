// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { REVIEW_PAGE, ReviewDecisionEvent, type ReviewRow } from '../../../src/panels/ap-revision-review.ts';
import { $, $$, listen, mount, settle, textOf, unmountAll } from './panel-fixtures.ts';

afterEach(unmountAll);

const row = (id: string, outcome: ReviewRow['outcome'], fields: Partial<ReviewRow> = {}): ReviewRow => ({
  id,
  outcome,
  label: `Note ${id}`,
  decision: 'pending',
  before: { quote: `old ${id}`, prefix: 'before ', suffix: ' after' },
  after: outcome === 'orphan' ? null : { start: 0, end: 5, quote: `new ${id}`, prefix: '', suffix: '' },
  score: 1,
  ...fields,
});

const rows: ReviewRow[] = [
  row('u1', 'unchanged'),
  row('m1', 'moved'),
  row('r1', 'reanchored', { before: { quote: '3 July 1920', prefix: 'on ', suffix: ', only' }, after: { start: 0, end: 11, quote: '4 July 1921', prefix: 'on ', suffix: ', only' } }),
  row('o1', 'orphan', { before: { quote: 'by the British.', prefix: 'and following its collapse, ', suffix: ' Originally the' } }),
];

const review = () => mount('ap-revision-review', { items: rows, revisionLabel: 'revision r2 (kavbiuro-revised.txt)' });
const decisions = () => listen<ReviewDecisionEvent>(ReviewDecisionEvent.type);
const press = async (el: HTMLElement, key: string, shiftKey = false) => {
  $(el, 'ol').dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, composed: true }));
  await settle(el);
};

describe('<ap-revision-review>', () => {
  test('says how many notes of each outcome, lists orphans first, and marks the evidence report’s place', async () => {
    const el = await review();
    expect(textOf($(el, '.summary'))).toBe('4 notes on revision r2 (kavbiuro-revised.txt): 1 not found, 1 on changed words, 1 moved, 1 unchanged. 4 still to decide.');
    expect($$(el, 'li').map((li) => li.dataset['id'])).toEqual(['o1', 'r1', 'm1', 'u1']);
    expect(textOf($(el, '.evidence'))).toContain('What changed in the evidence');
  });

  test('a re-anchored note: old and new side by side, the differing words struck and marked; an orphan: its old passage in context', async () => {
    const el = await review();
    const reanchored = $(el, 'li[data-id="r1"]');
    expect([...reanchored.querySelectorAll('del')].map((d) => d.textContent)).toEqual(['3', '1920']);
    expect([...reanchored.querySelectorAll('ins')].map((d) => d.textContent)).toEqual(['4', '1921']);
    expect(textOf(reanchored)).toContain('Before 3 July 1920');
    const orphan = $(el, 'li[data-id="o1"]');
    expect(orphan.querySelector('mark')!.textContent).toBe('by the British.');
    expect(textOf(orphan)).toContain('…and following its collapse, by the British. Originally the…');
    // An orphan has no new place to accept: only re-attach or leave.
    expect([...orphan.querySelectorAll('button')].map((b) => b.textContent!.trim())).toEqual(['Re-attach to selected words', 'Leave on older revision']);
  });

  test('keyboard: ↓/↑ move, a accepts, r re-attaches, o leaves, Enter shows, Shift+A accepts every undecided note with a place', async () => {
    const el = await review();
    const seen = decisions();
    await press(el, 'o'); // the orphan is first
    await press(el, 'ArrowDown');
    expect($(el, 'li[aria-current="true"]').dataset['id']).toBe('r1');
    await press(el, 'a');
    await press(el, 'r');
    await press(el, 'Enter');
    await press(el, 'j');
    await press(el, 'k');
    await press(el, 'End');
    expect($(el, 'li[aria-current="true"]').dataset['id']).toBe('u1');
    await press(el, 'A', true);
    expect(seen.map((e) => [e.action, [...e.ids]])).toEqual([
      ['keep', ['o1']],
      ['accept', ['r1']],
      ['reattach', ['r1']],
      ['show', ['r1']],
      ['accept', ['r1', 'm1', 'u1']],
    ]);
  });

  test('a decided note says what was decided and offers nothing more; "Accept all" counts only what is left', async () => {
    const el = await review();
    el.items = rows.map((r) => (r.id === 'm1' ? { ...r, decision: 'accepted' } : r.id === 'o1' ? { ...r, decision: 'kept' } : r));
    await settle(el);
    expect(textOf($(el, 'li[data-id="m1"]'))).toContain('Accepted on the new revision');
    expect(textOf($(el, 'li[data-id="o1"]'))).toContain('Left on the older revision');
    el.items = rows.map((r) => (r.id === 'o1' ? { ...r, decision: 'reattached', attachedTo: 'the Russian Revolution' } : r));
    await settle(el);
    expect(textOf($(el, 'li[data-id="o1"]'))).toContain('Re-attached to the selected words: the Russian Revolution');
    el.items = rows.map((r) => (r.id === 'm1' ? { ...r, decision: 'accepted' } : r.id === 'o1' ? { ...r, decision: 'kept' } : r));
    await settle(el);
    expect($(el, 'li[data-id="m1"]').querySelector('button')).toBeNull();
    expect(textOf($(el, '.bar button'))).toBe('Accept all (2)');
    expect(textOf($(el, '.summary'))).toContain('2 still to decide.');
  });

  test(`a long review shows ${REVIEW_PAGE} notes at a time; moving past them shows more`, async () => {
    const many = Array.from({ length: REVIEW_PAGE + 7 }, (_, i) => row(`n${i}`, 'unchanged'));
    const el = await mount('ap-revision-review', { items: many });
    expect($$(el, 'li')).toHaveLength(REVIEW_PAGE);
    expect(textOf($$(el, 'button').at(-1)!)).toBe('Show more (7 more)');
    await press(el, 'End');
    expect($$(el, 'li')).toHaveLength(REVIEW_PAGE + 7);
  });
});
