// @vitest-environment happy-dom
/**
 * The notes list with twenty thousand notes: a page of cards per list, counts of every note, "Show more" adds a
 * page and moves the focus to it, the focused note is rendered wherever it lies, and filters reset the page.
 */
import { describe, expect, test } from 'vitest';
import type { AnnotationEntry } from '../../../src/editor/annotation-plugin.ts';
import type { NotesSnapshot, UnreadableNote } from '../../../src/editor/snapshot.ts';
import { ApNoteList, NOTE_LIST_PAGE } from '../../../src/panels/ap-note-list.ts';

const entry = (i: number, anchored: boolean): AnnotationEntry => ({
  annotation: {
    id: `urn:uuid:note-${i}`,
    type: 'Annotation',
    motivation: i % 2 ? 'commenting' : 'questioning',
    created: '2026-01-01T00:00:00Z',
    body: [{ type: 'TextualBody', value: `note ${i}`, format: 'text/plain' }],
    target: { source: 'urn:x', selector: [{ type: 'TextQuoteSelector', exact: 'x' }] },
  } as AnnotationEntry['annotation'],
  range: anchored ? { from: i + 1, to: i + 2 } : null,
  status: anchored ? 'exact' : 'orphan',
  score: 1,
});

function snapshot(notes: number, orphans: number, unreadable: number): NotesSnapshot {
  const list: UnreadableNote[] = Array.from({ length: unreadable }, (_, i) => ({ origin: 'f.json', key: `row ${i}`, reason: 'bad', raw: null }));
  return {
    notes: Array.from({ length: notes }, (_, i) => entry(i, true)),
    orphans: Array.from({ length: orphans }, (_, i) => entry(notes + i, false)),
    replies: new Map(),
    strays: [],
    unreadable: list,
    canUndo: false,
    canRedo: false,
    count: notes + orphans,
    corrections: [],
    checks: new Map(),
  };
}

async function mount(notes: NotesSnapshot): Promise<ApNoteList> {
  const el = document.createElement('ap-note-list') as ApNoteList;
  el.notes = notes;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const rendered = (el: ApNoteList, list: string) => [...el.shadowRoot!.querySelectorAll(`ol.${list} > li[data-index]`)].map((li) => Number(li.getAttribute('data-index')));
const moreButton = (el: ApNoteList, label: RegExp) => [...el.shadowRoot!.querySelectorAll('button.more')].find((b) => label.test(b.textContent ?? '')) as HTMLButtonElement | undefined;

describe('ap-note-list with 20,000 notes', () => {
  test('renders a page of each list, with the counts of all', async () => {
    const el = await mount(snapshot(19_800, 200, 120));
    expect(el.shadowRoot!.querySelector('.count')!.textContent).toBe('19800 of 19800 anchored notes, 200 unanchored');
    expect(rendered(el, 'notes')).toHaveLength(NOTE_LIST_PAGE);
    expect(rendered(el, 'orphans')).toHaveLength(NOTE_LIST_PAGE);
    expect(rendered(el, 'unreadable')).toHaveLength(NOTE_LIST_PAGE);
    expect(el.shadowRoot!.textContent).toContain('Unanchored (200)');
    expect(el.shadowRoot!.textContent).toContain('Could not be read (120)');
    expect(moreButton(el, /^Show more \(/)!.textContent).toBe('Show more (19750 left)');
    expect(moreButton(el, /unanchored/)!.textContent).toBe('Show more unanchored notes (150 left)');
    expect(moreButton(el, /records/)!.textContent).toBe('Show more records (70 left)');
    el.remove();
  });

  test('"Show more" adds a page and moves the focus to its first card', async () => {
    const el = await mount(snapshot(19_800, 200, 0));
    moreButton(el, /unanchored/)!.click();
    await el.updateComplete;
    expect(rendered(el, 'orphans')).toEqual(Array.from({ length: 2 * NOTE_LIST_PAGE }, (_, i) => i));
    expect(el.shadowRoot!.activeElement?.getAttribute('data-index')).toBe(String(NOTE_LIST_PAGE));
    expect(rendered(el, 'notes')).toHaveLength(NOTE_LIST_PAGE);
    el.remove();
  });

  test('the focused note is rendered with its page, wherever it lies; in the unanchored list too', async () => {
    const el = await mount(snapshot(19_800, 200, 0));
    el.activeId = 'urn:uuid:note-12345';
    await el.updateComplete;
    const shown = rendered(el, 'notes');
    expect(shown).toHaveLength(2 * NOTE_LIST_PAGE);
    expect(shown).toContain(12_345);
    expect(el.shadowRoot!.querySelector('ol.notes .gap')!.textContent).toContain(`${12_300 - NOTE_LIST_PAGE} more`);
    expect(el.shadowRoot!.querySelector('ap-note-card[active]')).not.toBeNull();
    el.activeId = 'urn:uuid:note-19990';
    await el.updateComplete;
    expect(rendered(el, 'orphans')).toContain(190);
    el.remove();
  });

  test('a filter starts its list from the first page again', async () => {
    const el = await mount(snapshot(19_800, 0, 0));
    moreButton(el, /^Show more \(/)!.click();
    await el.updateComplete;
    expect(rendered(el, 'notes')).toHaveLength(2 * NOTE_LIST_PAGE);
    const select = el.shadowRoot!.querySelector('select')!;
    select.value = 'questioning';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.count')!.textContent).toBe('9900 of 19800 anchored notes');
    expect(rendered(el, 'notes')).toHaveLength(NOTE_LIST_PAGE);
    el.remove();
  });
});
