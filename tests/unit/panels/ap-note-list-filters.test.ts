// @vitest-environment happy-dom
/*
 * The note list as a reader meets it: counts, filters, sections and events. These tests read which notes are
 * listed, never how many DOM nodes the list has, so that a windowed or paged rendering keeps them valid.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { ApNoteCard } from '../../../src/panels/ap-note-card.ts';
import type { ApNoteList } from '../../../src/panels/ap-note-list.ts';
import { matchesFilters } from '../../../src/panels/ap-note-list.ts';
import { HistoryEvent, NoteActionEvent } from '../../../src/panels/events.ts';
import { $, $$, entry, listen, mount, note, notesSnapshot, reply, settle, shadow, textOf, unmountAll } from './panel-fixtures.ts';

afterEach(unmountAll);

const dated = entry(note('urn:n:date', 'The date is disputed.', { motivation: 'assessing', verdict: 'contested', tags: ['date', 'Stalin'] }), 1);
const asked = entry(note('urn:n:ask', 'Who founded the BUREAU?', { motivation: 'questioning', tags: ['people'] }), 20);
const plain = entry(note('urn:n:plain', 'A remark on the bureau.', { tags: ['Bureau'] }), 40);
const lost = entry(note('urn:n:lost', 'On words no longer there.', { tags: ['archive'], quote: 'vanished words' }), null, 'orphan', 0);
const answer = entry(reply('urn:r:1', 'urn:n:date', 'It is 1919.'), null, 'reply');
const stray = entry(reply('urn:r:stray', 'urn:n:gone', 'Answer to a deleted note.'), null, 'reply');

const snapshot = notesSnapshot({ notes: [dated, asked, plain], orphans: [lost], replies: new Map([['urn:n:date', [answer]]]), canUndo: true });

/** The ids of the anchored notes the list shows, in order. */
function listed(el: ApNoteList): string[] {
  return ($$(el, '[aria-labelledby="notes-heading"] ap-note-card') as ApNoteCard[]).map((c) => c.entry!.annotation.id);
}

/** The cards of the section headed `heading` (an id), in order, by annotation id. */
function section(el: ApNoteList, heading: string): string[] {
  return ($$(el, `[aria-labelledby="${heading}"] ap-note-card`) as ApNoteCard[]).map((c) => c.entry!.annotation.id);
}

/** Chooses `value` in the filter labelled `label`, as a reader would. */
async function choose(el: ApNoteList, label: string, value: string): Promise<void> {
  const field = $$(el, '.filters label').find((l) => l.firstChild?.textContent?.trim() === label)!.querySelector('select, input') as HTMLSelectElement | HTMLInputElement;
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLInputElement ? 'input' : 'change', { bubbles: true }));
  await settle(el);
}

const count = (el: ApNoteList) => textOf($(el, '.count'));

describe('<ap-note-list>', () => {
  test('lists the anchored notes in document order and says how many there are, politely to screen readers', async () => {
    const el = await mount('ap-note-list', { notes: snapshot });
    expect(listed(el)).toEqual(['urn:n:date', 'urn:n:ask', 'urn:n:plain']);
    expect(count(el)).toBe('3 of 3 anchored notes, 1 unanchored');
    expect($(el, '.count').getAttribute('aria-live')).toBe('polite');
    // The heading carries the total, replies included, for screen readers.
    expect(textOf($(el, '#notes-heading'))).toBe('Notes (5)');
  });

  test('each note shows its quote and its replies; the focused note is active', async () => {
    const el = await mount('ap-note-list', { notes: snapshot, activeId: 'urn:n:ask' });
    const cards = $$(el, '[aria-labelledby="notes-heading"] ap-note-card') as ApNoteCard[];
    expect(cards.map((c) => c.active)).toEqual([false, true, false]);
    expect(cards.every((c) => c.showQuote)).toBe(true);
    expect(cards[0]!.replies.map((r) => r.annotation.id)).toEqual(['urn:r:1']);
    expect(textOf(cards[0]!)).toContain('It is 1919.');
  });

  test('filter by motivation (replies are not a choice), by verdict, by tag and by words, alone and together', async () => {
    const el = await mount('ap-note-list', { notes: snapshot });
    const options = (label: string) =>
      $$(el, '.filters label').find((l) => l.firstChild?.textContent?.trim() === label)!.querySelectorAll('option');
    expect([...options('Motivation')].map((o) => o.value)).not.toContain('replying');

    await choose(el, 'Motivation', 'questioning');
    expect(listed(el)).toEqual(['urn:n:ask']);
    expect(count(el)).toBe('1 of 3 anchored notes, 1 unanchored');
    await choose(el, 'Motivation', '');
    await choose(el, 'Verdict', 'contested');
    expect(listed(el)).toEqual(['urn:n:date']);
    await choose(el, 'Verdict', '');
    await choose(el, 'Tag', 'Stalin');
    expect(listed(el)).toEqual(['urn:n:date']);
    await choose(el, 'Tag', '');
    // Words: case-insensitive, in the note's text (not in its tags).
    await choose(el, 'Search notes', 'bureau');
    expect(listed(el)).toEqual(['urn:n:ask', 'urn:n:plain']);
    await choose(el, 'Motivation', 'commenting');
    expect(listed(el)).toEqual(['urn:n:plain']);
    await choose(el, 'Search notes', 'nothing like this');
    expect(listed(el)).toEqual([]);
    expect(count(el)).toBe('0 of 3 anchored notes, 1 unanchored');
  });

  test('the tag filter offers every tag of the anchored and unanchored notes once, in alphabetical order', async () => {
    const el = await mount('ap-note-list', { notes: snapshot });
    const tagSelect = $$(el, '.filters label').find((l) => l.firstChild?.textContent?.trim() === 'Tag')!.querySelector('select')!;
    expect([...tagSelect.options].map((o) => o.value)).toEqual(['', 'archive', 'Bureau', 'date', 'people', 'Stalin']);
    expect(tagSelect.options[0]!.textContent).toBe('Any');
  });

  test('unanchored notes are kept in their own section, with quote and replies', async () => {
    const withReply = notesSnapshot({ ...snapshot, replies: new Map([['urn:n:lost', [answer]]]) });
    const el = await mount('ap-note-list', { notes: withReply });
    expect(textOf($(el, '#orphans-heading'))).toBe('Unanchored (1)');
    expect(section(el, 'orphans-heading')).toEqual(['urn:n:lost']);
    const card = $(el, '[aria-labelledby="orphans-heading"] ap-note-card') as ApNoteCard;
    expect(textOf(card)).toContain('Unanchored: the passage it was written for was not found in this text.');
    expect(textOf(card)).toContain('“vanished words”');
    expect(card.replies.map((r) => r.annotation.id)).toEqual(['urn:r:1']);
  });

  test('replies whose note is missing are listed, never dropped', async () => {
    const el = await mount('ap-note-list', { notes: notesSnapshot({ notes: [plain], strays: [stray] }) });
    expect(textOf($(el, '#strays-heading'))).toBe('Replies without a note (1)');
    expect(section(el, 'strays-heading')).toEqual(['urn:r:stray']);
    expect(textOf($(el, '[aria-labelledby="strays-heading"]'))).toContain('Answer to a deleted note.');
  });

  test('records that could not be read are listed with where they came from, why, and their data shown as text', async () => {
    const raw = { id: 'urn:bad', motivation: 'singing', note: '<img src=x onerror=alert(1)>' };
    const el = await mount('ap-note-list', {
      notes: notesSnapshot({ notes: [plain], unreadable: [{ origin: 'annotations/kavbiuro.jsonld', key: 'urn:bad', reason: 'unknown motivation "singing"', raw }] }),
    });
    expect(textOf($(el, '#unreadable-heading'))).toBe('Could not be read (1)');
    const item = $(el, '[aria-labelledby="unreadable-heading"] li');
    expect(textOf(item)).toContain('urn:bad in annotations/kavbiuro.jsonld: unknown motivation "singing"');
    expect(JSON.parse(item.querySelector('details pre')!.textContent!)).toEqual(raw);
    expect(item.querySelector('details summary')!.textContent).toBe('Stored data');
    expect(item.querySelectorAll('img')).toHaveLength(0);
  });

  test('without orphans, strays or unreadable records, those sections are absent', async () => {
    const el = await mount('ap-note-list', { notes: notesSnapshot({ notes: [plain] }) });
    expect($$(el, '#orphans-heading, #strays-heading, #unreadable-heading')).toHaveLength(0);
    expect(count(el)).toBe('1 of 1 anchored notes');
  });

  test('Undo and Redo are enabled only when there is something to undo or redo, and send ap-history', async () => {
    const el = await mount('ap-note-list', { notes: snapshot });
    const [undo, redo] = $$(el, '.history button') as HTMLButtonElement[];
    expect([textOf(undo!), undo!.disabled, textOf(redo!), redo!.disabled]).toEqual(['Undo', false, 'Redo', true]);
    const seen = listen<HistoryEvent>(HistoryEvent.type);
    undo!.click();
    expect(seen.map((e) => e.detail)).toEqual([{ direction: 'undo' }]);
    expect(seen[0]).toBeInstanceOf(HistoryEvent);
    expect(seen[0]!.bubbles && seen[0]!.composed).toBe(true);
    el.notes = notesSnapshot({ ...snapshot, canUndo: false, canRedo: true });
    await settle(el);
    expect([undo!.disabled, redo!.disabled]).toEqual([true, false]);
    redo!.click();
    expect(seen.map((e) => e.detail.direction)).toEqual(['undo', 'redo']);
  });

  test("a card's actions reach the document through the list", async () => {
    const el = await mount('ap-note-list', { notes: snapshot });
    const seen = listen<NoteActionEvent>(NoteActionEvent.type);
    const card = $$(el, '[aria-labelledby="notes-heading"] ap-note-card')[1]!;
    $$(card, '.actions button').find((b) => textOf(b) === 'Delete')!.click();
    $(card, '.quote button').click();
    expect(seen.map((e) => e.detail)).toEqual([
      { action: 'delete', id: 'urn:n:ask' },
      { action: 'focus', id: 'urn:n:ask' },
    ]);
  });

  test('no snapshot yet: nothing is rendered', async () => {
    const el = await mount('ap-note-list');
    expect(textOf(shadow(el))).toBe('');
  });
});

describe('matchesFilters', () => {
  const none = { motivation: '', tag: '', verdict: '', text: '' };
  test('empty filters let every note through', () => {
    expect([dated, asked, plain, lost].every((e) => matchesFilters(e, none))).toBe(true);
  });
  test('each filter must hold; a tag matches exactly, words case-insensitively in the text', () => {
    expect(matchesFilters(dated, { ...none, motivation: 'assessing', verdict: 'contested', tag: 'date', text: 'DISPUTED' })).toBe(true);
    expect(matchesFilters(dated, { ...none, tag: 'Date' })).toBe(false);
    expect(matchesFilters(dated, { ...none, text: 'stalin' })).toBe(false);
    expect(matchesFilters(dated, { ...none, verdict: 'supported' })).toBe(false);
    expect(matchesFilters(asked, { ...none, verdict: 'contested' })).toBe(false);
  });
});
