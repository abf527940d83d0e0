// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { NOTE_MOTIVATIONS } from '../../../src/anchoring/annotation-types.ts';
import '../../../src/panels/ap-note-form.ts';
import type { ApNoteForm } from '../../../src/panels/ap-note-form.ts';
import { NoteSubmitEvent } from '../../../src/panels/events.ts';
import { $, $$, listen, mount, settle, shadow, textOf, unmountAll } from './panel-fixtures.ts';

afterEach(unmountAll);

/** Sets a field of the form as typing or choosing would. */
function fill(form: ApNoteForm, name: string, value: string): void {
  const field = $(form, `[name=${name}]`) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Presses `key` in the textarea (with Ctrl when `ctrl`). */
function press(form: ApNoteForm, key: string, modifiers: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...modifiers });
  $(form, 'textarea').dispatchEvent(event);
  return event;
}

/**
 * Selects, in each of the form's lists, the option marked `selected` in the markup, as a browser does when it
 * parses the form (happy-dom 21 does not).
 */
function selectMarkedOptions(form: ApNoteForm): void {
  for (const select of $$(form, 'select') as HTMLSelectElement[]) {
    const marked = [...select.options].find((o) => o.hasAttribute('selected'));
    if (marked) select.value = marked.value;
  }
}

/** The values of the options of list `name` marked `selected` in the markup. */
const marked = (form: ApNoteForm, name: string) => $$(form, `[name=${name}] option[selected]`).map((o) => o.getAttribute('value'));

const labels = (form: ApNoteForm) => $$(form, 'label').map((l) => l.firstChild?.textContent?.trim());

describe('<ap-note-form>', () => {
  test('a new note: its title, the passage, every field labelled, and the textarea focused', async () => {
    const form = await mount('ap-note-form', { quote: 'founded in 1919', author: 'Ada' });
    expect($(form, 'form').getAttribute('aria-label')).toBe('New note');
    expect(textOf($(form, 'h2'))).toBe('New note');
    expect(textOf($(form, '.quote'))).toBe('“founded in 1919”');
    expect(labels(form)).toEqual(['Note', 'Motivation', 'Tags', 'Verdict', 'Certainty', 'Your name']);
    expect(($(form, '[name=author]') as HTMLInputElement).value).toBe('Ada');
    expect(shadow(form).activeElement).toBe($(form, 'textarea'));
    expect($$(form, '[name=motivation] option').map((o) => o.getAttribute('value'))).toEqual([...NOTE_MOTIVATIONS]);
    expect([marked(form, 'motivation'), marked(form, 'verdict'), marked(form, 'certainty')]).toEqual([['commenting'], [''], ['']]);
  });

  test('Ctrl+Enter saves: ap-note-submit carries the draft as typed (tags split) and the trimmed name', async () => {
    const form = await mount('ap-note-form');
    const seen = listen<NoteSubmitEvent>(NoteSubmitEvent.type);
    fill(form, 'note', 'The date is disputed.');
    fill(form, 'motivation', 'assessing');
    fill(form, 'tags', 'date,  Stalin , date');
    fill(form, 'verdict', 'contested');
    fill(form, 'certainty', 'low');
    fill(form, 'author', '  Grace  ');
    press(form, 'Enter', { ctrlKey: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(NoteSubmitEvent);
    expect(seen[0]!.bubbles && seen[0]!.composed).toBe(true);
    expect(seen[0]!.detail).toEqual({
      draft: { text: 'The date is disputed.', motivation: 'assessing', tags: ['date', 'Stalin'], verdict: 'contested', certainty: 'low', sources: [], positions: [] },
      author: 'Grace',
    });
  });

  test('Cmd+Enter saves too; the Save button submits the form', async () => {
    const form = await mount('ap-note-form');
    const seen = listen<NoteSubmitEvent>(NoteSubmitEvent.type);
    fill(form, 'note', 'One.');
    press(form, 'Enter', { metaKey: true });
    fill(form, 'note', 'Two.');
    $(form, 'button[type=submit]').click();
    await settle(form);
    expect(seen.map((e) => e.detail.draft?.text)).toEqual(['One.', 'Two.']);
    // A plain Enter is a new line in the note, not a save.
    press(form, 'Enter');
    expect(seen).toHaveLength(2);
  });

  test('an empty note is not saved: the form says why, as an alert, and keeps the focus in the textarea', async () => {
    const form = await mount('ap-note-form');
    const seen = listen<NoteSubmitEvent>(NoteSubmitEvent.type);
    fill(form, 'note', '   ');
    press(form, 'Enter', { ctrlKey: true });
    await settle(form);
    expect(seen).toHaveLength(0);
    const alert = $(form, '[role=alert]');
    expect(textOf(alert)).toBe('Write a note, add a tag, a source or choose a verdict.');
    expect(shadow(form).activeElement).toBe($(form, 'textarea'));
    // A verdict alone is a note; the message goes away.
    fill(form, 'verdict', 'supported');
    press(form, 'Enter', { ctrlKey: true });
    await settle(form);
    expect(seen.map((e) => e.detail.draft?.verdict)).toEqual(['supported']);
    expect($$(form, '[role=alert]')).toHaveLength(0);
  });

  test('Escape and Cancel cancel: ap-note-submit with a null draft', async () => {
    const form = await mount('ap-note-form');
    const seen = listen<NoteSubmitEvent>(NoteSubmitEvent.type);
    fill(form, 'note', 'Half-written');
    const escape = press(form, 'Escape');
    expect(escape.defaultPrevented).toBe(true);
    $$(form, 'button[type=button]').find((b) => textOf(b) === 'Cancel')!.click();
    expect(seen.map((e) => e.detail)).toEqual([
      { draft: null, author: null },
      { draft: null, author: null },
    ]);
  });

  test('editing starts from the note, has no name field and sends a null author', async () => {
    const form = await mount('ap-note-form', {
      mode: 'edit',
      draft: { text: 'Old text', motivation: 'questioning', tags: ['a', 'b'], verdict: 'unsourced', certainty: 'high' },
    });
    expect(textOf($(form, 'h2'))).toBe('Edit note');
    expect(($(form, 'textarea') as HTMLTextAreaElement).value).toBe('Old text');
    expect(($(form, '[name=tags]') as HTMLInputElement).value).toBe('a, b');
    expect(marked(form, 'motivation')).toEqual(['questioning']);
    expect(marked(form, 'verdict')).toEqual(['unsourced']);
    expect(marked(form, 'certainty')).toEqual(['high']);
    expect($$(form, '[name=author]')).toHaveLength(0);
    selectMarkedOptions(form);
    const seen = listen<NoteSubmitEvent>(NoteSubmitEvent.type);
    press(form, 'Enter', { ctrlKey: true });
    expect(seen[0]!.detail).toEqual({ draft: { text: 'Old text', motivation: 'questioning', tags: ['a', 'b'], verdict: 'unsourced', certainty: 'high', sources: [], positions: [] }, author: null });
  });

  test('a note with a motivation the form does not offer keeps it as a choice (nothing is changed behind the reader)', async () => {
    const form = await mount('ap-note-form', { mode: 'edit', draft: { text: 'x', motivation: 'bookmarking', tags: [], verdict: '', certainty: '' } });
    expect(marked(form, 'motivation')).toEqual(['bookmarking']);
    expect($$(form, '[name=motivation] option').map((o) => o.getAttribute('value'))).toEqual([...NOTE_MOTIVATIONS, 'bookmarking']);
    selectMarkedOptions(form);
    const seen = listen<NoteSubmitEvent>(NoteSubmitEvent.type);
    press(form, 'Enter', { ctrlKey: true });
    expect(seen[0]!.detail.draft?.motivation).toBe('bookmarking');
  });

  test('a reply has only the text (and the name); it is saved as a reply', async () => {
    const form = await mount('ap-note-form', { mode: 'reply', author: 'Ada' });
    expect(textOf($(form, 'h2'))).toBe('Reply');
    expect(labels(form)).toEqual(['Note', 'Your name']);
    const seen = listen<NoteSubmitEvent>(NoteSubmitEvent.type);
    press(form, 'Enter', { ctrlKey: true });
    await settle(form);
    expect(textOf($(form, '[role=alert]'))).toBe('A reply needs some text.');
    fill(form, 'note', 'I agree.');
    press(form, 'Enter', { ctrlKey: true });
    expect(seen.map((e) => e.detail)).toEqual([{ draft: { text: 'I agree.', motivation: 'replying', tags: [], verdict: '', certainty: '' }, author: 'Ada' }]);
  });

  test('editing a reply is titled so and has only the text', async () => {
    const form = await mount('ap-note-form', { mode: 'edit', draft: { text: 'Yes.', motivation: 'replying', tags: [], verdict: '', certainty: '' } });
    expect(textOf($(form, 'h2'))).toBe('Edit reply');
    expect(labels(form)).toEqual(['Note']);
  });
});
