// @vitest-environment happy-dom
/**
 * Notes that cite, in the panels: the form adds sources (a reference of the work, a DOI typed in) with a locator
 * and a relation, and positions, and sends them with the draft; a source typed but not added is added on save, or
 * the note waits with the reason; the card shows a Markdown note rendered (never as markup), its sources with
 * relation and locator, and "Copy link" on the note and on the claim.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import type { Claim } from '../../../src/model/claim-types.ts';
import '../../../src/panels/ap-note-card.ts';
import '../../../src/panels/ap-note-form.ts';
import '../../../src/panels/ap-provenance-panel.ts';
import type { ApNoteForm } from '../../../src/panels/ap-note-form.ts';
import { CopyLinkEvent, NoteSubmitEvent } from '../../../src/panels/events.ts';
import { loadMarkdown } from '../../../src/panels/note-body.ts';
import { $, $$, entry, listen, mount, note, reference, settle, textOf, unmountAll } from './panel-fixtures.ts';

afterEach(unmountAll);

const IRI = 'https://en.wikipedia.org/wiki/Kavbiuro';
const refs = [reference('1', 'Audrey L. Altstadt (1992), The Azerbaijani Turks, Hoover Press, ISBN 0817991816'), reference('2', 'Suny, Ronald Grigor (1989), The Making of the Georgian Nation')];

/** The `<ap-note-sources>` inside a form. */
const sourcesOf = (form: ApNoteForm) => $(form, 'ap-note-sources');

function fill(root: Element, name: string, value: string): void {
  const field = $(root, `[name=${name}]`) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

const click = (root: Element, words: string) => $$(root, 'button').find((b) => textOf(b).startsWith(words))!.click();

function save(form: ApNoteForm): void {
  $(form, 'textarea').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true, cancelable: true }));
}

describe('<ap-note-form> with sources and positions', () => {
  test('adds a reference of the work and a DOI, each with locator and relation, and a position; saves them with the note', async () => {
    const form = await mount('ap-note-form', { references: refs, workIri: IRI });
    const seen = listen<NoteSubmitEvent>(NoteSubmitEvent.type);
    const s = sourcesOf(form);
    await settle(s);
    expect($$(s, '[name=reference] option').map(textOf)).toEqual(['—', `[1] ${refs[0]!.text}`, `[2] ${refs[1]!.text}`]);
    fill(s, 'reference', '1');
    fill(s, 'locator', 'p. 91');
    fill(s, 'relation', 'qualifies');
    click(s, 'Add source');
    await settle(s);
    fill(s, 'source', 'doi:10.1080/02634937.2011.607965');
    fill(s, 'locator', 'fond 64, op. 1, d. 19');
    fill(s, 'relation', 'disputes');
    click(s, 'Add source');
    await settle(s);
    fill(s, 'holder', 'Arsène Saparov');
    fill(s, 'view', 'No direct evidence that Stalin decided it.');
    fill(s, 'citation', 'Interview with E. Sanamyan, 2018');
    click(s, 'Add position');
    await settle(s);
    expect($$(s, 'li').map(textOf).map((t) => t.replace(/\s+Remove.*$/, ''))).toEqual([
      `qualifies: Reference [1]: ${refs[0]!.text}, p. 91`,
      'disputes: doi:10.1080/02634937.2011.607965, fond 64, op. 1, d. 19',
      'Arsène Saparov: No direct evidence that Stalin decided it. — Interview with E. Sanamyan, 2018',
    ]);
    fill(form, 'note', 'See *both*.');
    save(form);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.detail.draft).toMatchObject({
      text: 'See *both*.',
      sources: [
        { type: 'SpecificResource', source: `${IRI}#ref-1`, purpose: 'linking', relation: 'qualifies', locator: 'p. 91' },
        { type: 'SpecificResource', source: 'https://doi.org/10.1080/02634937.2011.607965', relation: 'disputes', locator: 'fond 64, op. 1, d. 19' },
      ],
      positions: [{ holder: 'Arsène Saparov', view: 'No direct evidence that Stalin decided it.', citation: 'Interview with E. Sanamyan, 2018' }],
    });
  });

  test('a source typed but not added is added on save; one that cannot be is said, and the note waits', async () => {
    const form = await mount('ap-note-form', { references: refs, workIri: IRI });
    const seen = listen<NoteSubmitEvent>(NoteSubmitEvent.type);
    const s = sourcesOf(form);
    await settle(s);
    fill(s, 'source', '978-0-8179-9182-2');
    save(form);
    await settle(form);
    await settle(s);
    expect(seen).toHaveLength(0);
    expect(textOf($(form, '.error'))).toBe('The source could not be added: "978-0-8179-9182-2" is not an ISBN: its check digit is wrong.');
    expect(textOf($(s, '.error'))).toContain('check digit');
    expect(($(s, '[name=source]') as HTMLInputElement).value).toBe('978-0-8179-9182-2');
    fill(s, 'source', '978-0-8179-9182-1');
    save(form);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.detail.draft?.sources).toEqual([{ type: 'SpecificResource', source: 'urn:isbn:9780817991821', purpose: 'linking', relation: 'supports', citation: 'ISBN 9780817991821' }]);
  });

  test('an edit starts from the note\'s sources and positions; Remove takes one off', async () => {
    const link = { type: 'SpecificResource' as const, source: 'https://example.org/a', purpose: 'linking' as const, relation: 'supports' as const, citation: 'A' };
    const form = await mount('ap-note-form', {
      mode: 'edit', references: refs, workIri: IRI,
      draft: { text: 'x', motivation: 'commenting', tags: [], verdict: '', certainty: '', sources: [link, { ...link, citation: 'B' }], positions: [{ holder: 'H', view: 'V', citation: 'C' }] },
    });
    const s = sourcesOf(form);
    await settle(s);
    $$(s, 'li button')[0]!.click();
    await settle(s);
    const seen = listen<NoteSubmitEvent>(NoteSubmitEvent.type);
    save(form);
    expect(seen[0]!.detail.draft).toMatchObject({ sources: [{ citation: 'B' }], positions: [{ holder: 'H' }] });
  });
});

describe('<ap-note-card> for a note that cites', () => {
  const cited: Annotation = {
    ...note('urn:n:md', ''),
    body: [
      { type: 'TextualBody', value: 'The *date* is wrong:\n\n- see [Saparov](https://example.org/s)\n- <img src=x onerror=alert(1)> [bad](javascript:alert(2))', format: 'text/markdown', purpose: 'commenting' },
      { type: 'SpecificResource', source: `${IRI}#ref-2`, purpose: 'linking', relation: 'qualifies', citation: 'Reference [2]: Suny 1989', locator: 'p. 217' },
      { type: 'SpecificResource', source: 'urn:isbn:9780817991821', purpose: 'linking', relation: 'disputes', citation: 'ISBN 9780817991821' },
    ],
  };

  test('renders its Markdown (emphasis, list, http link) and never markup; sources with relation and locator', async () => {
    await loadMarkdown();
    const card = await mount('ap-note-card', { entry: entry(cited) });
    expect(textOf($(card, '.text em'))).toBe('date');
    expect($$(card, '.text li')).toHaveLength(2);
    expect($$(card, '.text a').map((a) => [textOf(a), a.getAttribute('href'), a.getAttribute('rel')])).toEqual([['Saparov', 'https://example.org/s', 'noopener noreferrer']]);
    expect($$(card, 'img, script')).toHaveLength(0);
    expect(textOf($$(card, '.text li')[1]!)).toBe('<img src=x onerror=alert(1)> [bad](javascript:alert(2))');
    const sources = $$(card, 'ul:not(.tags) li').slice(-2).map(textOf);
    expect(sources).toEqual(['qualifies: Reference [2]: Suny 1989, p. 217', 'disputes: ISBN 9780817991821']);
    // An ISBN opens at Open Library.
    expect($$(card, 'a').map((a) => a.getAttribute('href'))).toContain('https://openlibrary.org/isbn/9780817991821');
  });

  test('a plain-text note stays plain text, Markdown characters and all', async () => {
    await loadMarkdown();
    const card = await mount('ap-note-card', { entry: entry(note('urn:n:p', 'Not *emphasis* here')) });
    expect(textOf($(card, 'p.text'))).toBe('Not *emphasis* here');
    expect($$(card, 'em')).toHaveLength(0);
  });

  test('"Copy link" asks for a link to the note', async () => {
    const card = await mount('ap-note-card', { entry: entry(cited) });
    const seen = listen<CopyLinkEvent>(CopyLinkEvent.type);
    $$(card, '.actions button').find((b) => textOf(b).startsWith('Copy link'))!.click();
    expect(seen.map((e) => e.detail)).toEqual([{ kind: 'annotation', id: 'urn:n:md' }]);
    expect(seen[0]!.bubbles && seen[0]!.composed).toBe(true);
  });
});

describe('<ap-provenance-panel>', () => {
  test('"Copy link" asks for a link to the claim under the caret', async () => {
    const claim: Claim = { id: 'b1-s2', block: 1, start: 0, end: 10, text: 'A claim.', sources: [], support: 'none' } as unknown as Claim;
    const panel = await mount('ap-provenance-panel', { caret: { claim, sources: [], missing: [], reference: null, links: [], signals: [], notes: [], claimNotes: [], focused: null, hasSelection: false, section: null } as never });
    const seen = listen<CopyLinkEvent>(CopyLinkEvent.type);
    const copy = $$(panel, 'button').find((b) => textOf(b).startsWith('Copy link'))!;
    expect(textOf(copy)).toBe('Copy link to this claim');
    copy.click();
    expect(seen.map((e) => e.detail)).toEqual([{ kind: 'claim', id: 'b1-s2' }]);
  });
});
