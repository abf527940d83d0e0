// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import '../../../src/panels/ap-note-card.ts';
import { NoteActionEvent } from '../../../src/panels/events.ts';
import { $, $$, entry, listen, mount, note, reply, settle, shadow, textOf, unmountAll } from './panel-fixtures.ts';

afterEach(unmountAll);

const assessed: Annotation = {
  ...note('urn:n:1', 'The date is disputed.', { tags: ['date', 'Stalin'], quote: 'founded in 1919' }),
  motivation: 'assessing',
  verdict: 'contested',
  certainty: 'medium',
  evidence: ['V', 'T', 'custom'],
  positions: [
    { holder: 'Hasanli', view: '1919', citation: 'Hasanli 2011', url: 'https://example.org/hasanli', perspective: 'Azerbaijani historian' },
    { holder: 'Other', view: '1920', citation: 'Other 2005', url: 'javascript:alert(1)' },
  ],
  body: [
    ...(note('urn:n:1', 'The date is disputed.', { tags: ['date', 'Stalin'] }).body ?? []),
    { type: 'SpecificResource', source: 'https://example.org/source', purpose: 'linking', relation: 'disputes', citation: 'Source 2020' },
    { type: 'SpecificResource', source: 'urn:test:work#ref-3', purpose: 'linking', relation: 'citesAsEvidence' },
    { type: 'SpecificResource', source: '#ref-4', purpose: 'linking', relation: 'citesAsEvidence', citation: 'Reference 4' },
    { type: 'SpecificResource', source: 'javascript:alert(2)', purpose: 'linking', relation: 'citesAsEvidence', citation: 'Bad link' },
  ],
  modified: '2026-02-03T08:00:00Z',
};

const button = (root: Element, label: string) => $$(root, '.actions button').filter((b) => textOf(b).startsWith(label));

describe('<ap-note-card>', () => {
  test('names the note by motivation and verdict, with its badges, text, tags, evidence, author and date', async () => {
    const card = await mount('ap-note-card', { entry: entry(assessed) });
    const article = $(card, 'article');
    expect(article.getAttribute('aria-label')).toBe('Assessment: Contested');
    expect(article.dataset['annotation']).toBe('urn:n:1');
    expect($$(card, '.badge').map(textOf)).toEqual(['Assessment', 'Contested', 'medium certainty']);
    expect(textOf($(card, '.text'))).toBe('The date is disputed.');
    const tags = $(card, 'ul.tags');
    expect(tags.getAttribute('aria-label')).toBe('Tags');
    expect($$(card, 'ul.tags li').map(textOf)).toEqual(['date', 'Stalin']);
    expect($$(card, '.by').map(textOf)).toEqual(['Evidence: verified; tertiary source only; custom', 'Ada · 2026-02-03 (edited)']);
  });

  test('positions and sources: http(s) and in-work (#ref) links open in a new tab; any other URL is plain text', async () => {
    const card = await mount('ap-note-card', { entry: entry(assessed) });
    const links = $$(card, 'a').map((a) => [textOf(a), a.getAttribute('href'), a.getAttribute('rel')]);
    expect(links).toEqual([
      ['Hasanli 2011', 'https://example.org/hasanli', 'noopener noreferrer'],
      ['Source 2020', 'https://example.org/source', 'noopener noreferrer'],
      ['Reference 4', '#ref-4', 'noopener noreferrer'],
    ]);
    expect(shadow(card).innerHTML).not.toContain('javascript:');
    const lists = $$(card, 'ul:not(.tags)');
    expect(textOf(lists[0]!)).toContain('Hasanli (Azerbaijani historian): 1919 — Hasanli 2011');
    expect(textOf(lists[0]!)).toContain('Other: 1920 — Other 2005');
    // A source without a citation shows its IRI; a non-http IRI is not a link.
    expect(textOf(lists[1]!)).toContain('urn:test:work#ref-3');
    expect(textOf(lists[1]!)).toContain('Bad link');
    expect(textOf(lists[1]!)).toContain('disputes: Source 2020');
  });

  test('what a note says is shown as text, never as markup', async () => {
    const card = await mount('ap-note-card', { entry: entry(note('urn:n:x', '<img src=x onerror=alert(1)><script>alert(2)</script>', { tags: ['<b>t</b>'], quote: '<i>q</i>' })), showQuote: true });
    expect($$(card, 'img, script, b, i')).toHaveLength(0);
    expect(textOf($(card, '.text'))).toBe('<img src=x onerror=alert(1)><script>alert(2)</script>');
  });

  test('the quoted passage is shown only with show-quote; an anchored one is a button that focuses the note', async () => {
    const plain = await mount('ap-note-card', { entry: entry(assessed) });
    expect($$(plain, '.quote')).toHaveLength(0);
    const card = await mount('ap-note-card', { entry: entry(assessed), showQuote: true });
    const seen = listen<NoteActionEvent>(NoteActionEvent.type);
    $(card, '.quote button').click();
    expect(textOf($(card, '.quote'))).toBe('“founded in 1919”');
    expect(seen.map((e) => e.detail)).toEqual([{ action: 'focus', id: 'urn:n:1' }]);
    expect(seen[0]!.bubbles && seen[0]!.composed).toBe(true);
  });

  test('an orphan says it is unanchored, and its quote is not a button', async () => {
    const card = await mount('ap-note-card', { entry: entry(assessed, null, 'orphan', 0), showQuote: true });
    expect(textOf($(card, '.status'))).toBe('Unanchored: the passage it was written for was not found in this text.');
    expect($$(card, '.quote button')).toHaveLength(0);
    expect(textOf($(card, '.quote'))).toBe('“founded in 1919”');
  });

  test('a note re-anchored on changed wording says how well it matched', async () => {
    const card = await mount('ap-note-card', { entry: entry(assessed, 3, 'fuzzy', 0.834) });
    expect(textOf($(card, '.status'))).toBe('Re-anchored on changed wording (match 83%).');
  });

  test('a reply whose note is missing says so', async () => {
    const card = await mount('ap-note-card', { entry: entry(reply('urn:r:1', 'urn:n:gone', 'Agreed.'), null, 'reply') });
    expect(textOf($(card, '.status'))).toBe('A reply to urn:n:gone, which is not a note of this work (or its thread loops).');
  });

  test('a note without author or date says "Unknown author"; an unknown motivation is shown as it is', async () => {
    const bare = { ...note('urn:n:b', 'x'), creator: undefined, motivation: 'bookmarking' as const, created: 'not a date' };
    const card = await mount('ap-note-card', { entry: entry(bare) });
    expect(textOf($(card, '.by'))).toBe('Unknown author · not a date');
    expect($(card, 'article').getAttribute('aria-label')).toBe('Bookmark');
  });

  test('Edit, Reply and Delete send ap-note-action for this note', async () => {
    const card = await mount('ap-note-card', { entry: entry(assessed) });
    const seen = listen<NoteActionEvent>(NoteActionEvent.type);
    for (const label of ['Edit', 'Reply', 'Delete']) button(card, label)[0]!.click();
    expect(seen.map((e) => e.detail)).toEqual([
      { action: 'edit', id: 'urn:n:1' },
      { action: 'reply', id: 'urn:n:1' },
      { action: 'delete', id: 'urn:n:1' },
    ]);
    expect(seen.every((e) => e instanceof NoteActionEvent && e.bubbles && e.composed)).toBe(true);
  });

  test('replies are listed oldest first as given, each with its own Edit and Delete', async () => {
    const first = entry(reply('urn:r:1', 'urn:n:1', 'First answer.', '2026-01-03T00:00:00Z'), null, 'reply');
    const second = entry(reply('urn:r:2', 'urn:n:1', 'Second answer.', '2026-01-04T00:00:00Z'), null, 'reply');
    const card = await mount('ap-note-card', { entry: entry(assessed), replies: [first, second] });
    expect($(card, '.replies').getAttribute('aria-label')).toBe('Replies');
    expect($$(card, '.reply').map((r) => [r.dataset['annotation'], textOf($(card, `.reply[data-annotation="${r.dataset['annotation']}"] p`))])).toEqual([
      ['urn:r:1', 'First answer.'],
      ['urn:r:2', 'Second answer.'],
    ]);
    const seen = listen<NoteActionEvent>(NoteActionEvent.type);
    const secondReply = $$(card, '.reply')[1]!;
    for (const b of secondReply.querySelectorAll<HTMLElement>('.actions button')) b.click();
    expect(seen.map((e) => e.detail)).toEqual([
      { action: 'edit', id: 'urn:r:2' },
      { action: 'delete', id: 'urn:r:2' },
    ]);
    // Their buttons say whose they are to a screen reader.
    expect(textOf(secondReply.querySelector('.actions button')!)).toBe('Edit reply');
  });

  test('active is reflected as an attribute (the outline of the focused note)', async () => {
    const card = await mount('ap-note-card', { entry: entry(assessed) });
    expect(card.hasAttribute('active')).toBe(false);
    card.active = true;
    await settle(card);
    expect(card.hasAttribute('active')).toBe(true);
  });

  test('no entry: nothing is rendered', async () => {
    const card = await mount('ap-note-card');
    expect(textOf(shadow(card))).toBe('');
  });
});

describe('<ap-note-card> of a check', () => {
  test('shows the outcome, locator and passage of the check', async () => {
    const a = { ...note('urn:x:check', ''), motivation: 'assessing' as const, verification: { status: 'not-supported' as const, locator: 'f. 12 ob.', passage: 'nothing of the kind' } };
    const el = await mount('ap-note-card', { entry: entry(a) });
    expect(textOf($(el, '.check'))).toBe('Check: ✗ Not supported by the source, f. 12 ob. — “nothing of the kind”');
  });
});
