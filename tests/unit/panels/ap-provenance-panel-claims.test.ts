// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import type { CaretSnapshot } from '../../../src/editor/snapshot.ts';
import type { Claim } from '../../../src/model/claim-types.ts';
import '../../../src/panels/ap-provenance-panel.ts';
import { NoteActionEvent } from '../../../src/panels/events.ts';
import { $, $$, entry, listen, mount, note, reference, reply, settle, shadow, textOf, unmountAll } from './panel-fixtures.ts';

afterEach(unmountAll);

const caret = (fields: Partial<CaretSnapshot>): CaretSnapshot => ({
  claim: null,
  sources: [],
  missing: [],
  reference: null,
  notes: [],
  claimNotes: [],
  focused: null,
  hasSelection: false,
  links: [],
  signals: [],
  section: null,
  ...fields,
});
const cited: Claim = { id: 'c1a2b3c4d', block: 0, start: 0, end: 30, text: 'The bureau was founded in 1919.', sources: ['1', '2'], support: 'direct' };
const ref1 = reference('1', 'Smith, John (1990). Founding. Oxford: OUP.', { title: 'Founding', author: [{ family: 'Smith', given: 'John' }], issued: { 'date-parts': [[1990]] } });
const ref2 = reference('2', 'Jones (2001). "Bureau". Review.', { title: 'Bureau', author: [{ family: 'Jones' }], issued: { 'date-parts': [[2001]] } });

describe('<ap-provenance-panel>', () => {
  test('with nothing under the caret it says how to use it', async () => {
    const el = await mount('ap-provenance-panel', { caret: caret({}) });
    expect(textOf($(el, 'h2'))).toBe('Provenance');
    expect(textOf($(el, '.empty'))).toBe('Place the caret in the text, or choose a claim, to see which sources support it.');
    expect(el.dataset['claim']).toBe('');
  });

  test('a cited claim: its text, its support with the markers, the explanation and each source in full', async () => {
    const el = await mount('ap-provenance-panel', { caret: caret({ claim: cited, sources: [ref1, ref2] }) });
    expect(textOf($(el, 'h2'))).toBe('Claim');
    expect(textOf($(el, 'blockquote'))).toBe(cited.text);
    expect(textOf($(el, '.badge'))).toBe('Cited · [1][2]');
    expect(textOf($(el, '.explain'))).toBe('A footnote marker follows this claim directly.');
    const cards = $$(el, 'ap-source-card');
    expect(cards.map((c) => textOf($(c, 'h4')))).toEqual(['Smith (1990)', 'Jones (2001)']);
    expect($$(el, '.nosource')).toHaveLength(0);
    expect(el.dataset['claim']).toBe('c1a2b3c4d');
  });

  test('a marker without an entry is named', async () => {
    const el = await mount('ap-provenance-panel', { caret: caret({ claim: { ...cited, sources: ['1', '9'] }, sources: [ref1], missing: ['9'] }) });
    expect($$(el, '.missing').map(textOf)).toEqual(['Marker [9] has no entry in the reference list.']);
  });

  test('a claim without a source says so plainly, as a note to assistive technology', async () => {
    const bare: Claim = { ...cited, id: 'cbare', sources: [], support: 'none' };
    const el = await mount('ap-provenance-panel', { caret: caret({ claim: bare }) });
    expect(textOf($(el, '.badge'))).toBe('No source');
    const plain = $(el, '.nosource');
    expect(plain.getAttribute('role')).toBe('note');
    expect(textOf(plain)).toBe('No source is cited for this claim.');
    expect($$(el, 'ap-source-card')).toHaveLength(0);
  });

  test('a clicked marker shows its reference', async () => {
    const el = await mount('ap-provenance-panel', { caret: caret({ claim: cited, reference: ref2 }) });
    expect(textOf($(el, 'h2'))).toBe('Source');
    expect($$(el, 'ap-source-card').map((c) => textOf($(c, '.label')))).toEqual(['Source [2]']);
  });

  test('the notes at the caret and on the claim are listed in labelled sections, with their replies', async () => {
    const here = entry(note('urn:n:1', 'Founded earlier?'));
    const onClaim = entry(note('urn:n:2', 'See the charter.'));
    const answer = entry(reply('urn:r:1', 'urn:n:1', 'No, 1919 is right.'), null, 'reply');
    const el = await mount('ap-provenance-panel', {
      caret: caret({ claim: cited, sources: [ref1], notes: [here], claimNotes: [onClaim] }),
      replies: new Map([['urn:n:1', [answer]]]),
    });
    const sections = $$(el, 'section.notes');
    expect(sections.map((s) => textOf(shadow(el).getElementById(s.getAttribute('aria-labelledby')!)!))).toEqual(['Notes here (1)', 'Notes on this claim (1)']);
    const cards = $$(el, 'ap-note-card');
    expect(cards.map((c) => $(c, 'article').dataset['annotation'])).toEqual(['urn:n:1', 'urn:n:2']);
    expect(textOf($(cards[0]!, '.replies'))).toContain('No, 1919 is right.');
    // The cards show the quoted passage (the panel sits beside the text, away from it).
    expect(textOf($(cards[0]!, '.quote'))).toBe('“the quoted words”');
  });

  test('the focused note is outlined; a focused note elsewhere is shown alone as "Chosen note"', async () => {
    const here = entry(note('urn:n:1', 'Here.'));
    const elsewhere = entry(note('urn:n:9', 'Far away.'));
    const el = await mount('ap-provenance-panel', { caret: caret({ claim: cited, notes: [here], focused: here }) });
    expect($(el, 'ap-note-card').hasAttribute('active')).toBe(true);
    el.caret = caret({ claim: cited, notes: [here], focused: elsewhere });
    await settle(el);
    expect(textOf($(el, 'h2'))).toBe('Note');
    expect(textOf($(el, 'h3'))).toBe('Chosen note (1)');
    expect($$(el, 'ap-note-card').map((c) => $(c, 'article').dataset['annotation'])).toEqual(['urn:n:9']);
  });

  test("a note card's action reaches the document as ap-note-action", async () => {
    const el = await mount('ap-provenance-panel', { caret: caret({ claim: cited, notes: [entry(note('urn:n:1', 'Here.'))] }) });
    const seen = listen<NoteActionEvent>(NoteActionEvent.type);
    const edit = $$($(el, 'ap-note-card'), '.actions button').find((b) => textOf(b) === 'Edit')!;
    edit.click();
    expect(seen.map((e) => e.detail)).toEqual([{ action: 'edit', id: 'urn:n:1' }]);
  });
});

describe('<ap-provenance-panel>: what the source says about the claim', () => {
  test('a flag of the source ("Wikipedia flags this claim: citation needed") and the claim\'s links, wiki links first; an unsafe address is not a link', async () => {
    const el = await mount('ap-provenance-panel', {
      caret: caret({
        claim: { ...cited, support: 'none', sources: [] },
        signals: [{ kind: 'citation-needed', block: 0, offset: 30, text: '[citation needed]' }],
        links: [
          { text: 'founded', href: 'javascript:alert(1)', kind: 'external', title: null },
          { text: 'the bureau', href: 'https://en.wikipedia.org/wiki/Kavbiuro', kind: 'wiki', title: 'Kavbiuro' },
        ],
      }),
    });
    expect(textOf($(el, '.flag'))).toBe('Wikipedia flags this claim: citation needed');
    expect($(el, '.flag').getAttribute('role')).toBe('note');
    expect(textOf($(el, '#links-heading'))).toBe('Linked in this claim (2)');
    const items = $$(el, '.links li');
    expect(items.map((li) => textOf(li))).toEqual(['the bureau (Kavbiuro)', 'founded']);
    expect(items[0]!.querySelector('a')?.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Kavbiuro');
    expect(items[0]!.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(items[1]!.querySelector('a')).toBeNull();
  });

  test('a claim without links or flags shows neither', async () => {
    const el = await mount('ap-provenance-panel', { caret: caret({ claim: cited, sources: [ref1, ref2] }) });
    expect(shadow(el).querySelector('.flag')).toBeNull();
    expect(shadow(el).querySelector('.links')).toBeNull();
  });
});
