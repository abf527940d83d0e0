import { describe, expect, test } from 'vitest';
import type { Annotation, TextTarget } from '../../../src/anchoring/annotation-types.ts';
import { applyDraft, draftOf, draftProblem, noteFromDraft, noteTags, noteText, parseTags, replyFromDraft } from '../../../src/anchoring/note-draft.ts';

const target: TextTarget = {
  source: 'https://en.wikipedia.org/wiki/Kavbiuro',
  selector: [
    { type: 'TextQuoteSelector', exact: 'Stalin', prefix: 'intervention of ', suffix: ' and Nariman' },
    { type: 'TextPositionSelector', start: 10, end: 16 },
  ],
};
const me = { type: 'Person' as const, name: 'A reader' };

describe('note drafts', () => {
  test('tags are split on commas and semicolons, trimmed and deduplicated', () => {
    expect(parseTags(' date, Stalin;date ,, \n sources')).toEqual(['date', 'Stalin', 'sources']);
  });

  test('a new note carries text, tags, verdict and certainty, and round-trips through draftOf', () => {
    const draft = { text: 'Check the year.', motivation: 'assessing' as const, tags: ['date'], verdict: 'likely-erroneous' as const, certainty: 'medium' as const };
    const a = noteFromDraft(draft, target, 'urn:uuid:1', '2026-01-01T00:00:00Z', me);
    expect(a).toMatchObject({ id: 'urn:uuid:1', type: 'Annotation', motivation: 'assessing', verdict: 'likely-erroneous', certainty: 'medium', target });
    expect(noteText(a)).toBe('Check the year.');
    expect(noteTags(a)).toEqual(['date']);
    expect(draftOf(a)).toEqual({ ...draft, sources: [], positions: [] });
  });

  test('editing keeps source links, positions and unknown fields, and clears a removed verdict', () => {
    const original = {
      ...noteFromDraft({ text: 'x', motivation: 'assessing', tags: [], verdict: 'contested', certainty: 'low' }, target, 'urn:uuid:2', '2026-01-01T00:00:00Z', me),
      positions: [{ holder: 'H', view: 'V', citation: 'C' }],
      body: [
        { type: 'TextualBody' as const, value: 'x', purpose: 'commenting' as const },
        { type: 'SpecificResource' as const, source: 'https://example.org/s', purpose: 'linking' as const, relation: 'disputes' as const },
      ],
      extra: { kept: true },
    } as Annotation & { extra: unknown };
    const edited = applyDraft(original, { text: 'y', motivation: 'commenting', tags: ['t'], verdict: '', certainty: '' }, '2026-02-02T00:00:00Z') as Annotation & { extra: unknown };
    expect(noteText(edited)).toBe('y');
    expect(noteTags(edited)).toEqual(['t']);
    expect(edited.body?.some((b) => b.type === 'SpecificResource')).toBe(true);
    expect(edited.positions).toEqual(original.positions);
    expect(edited.extra).toEqual({ kept: true });
    expect(edited.verdict).toBeUndefined();
    expect(edited.certainty).toBeUndefined();
    expect(edited.modified).toBe('2026-02-02T00:00:00Z');
    expect(edited.created).toBe(original.created);
  });

  test('a reply targets its parent by IRI', () => {
    const r = replyFromDraft('Agreed.', 'urn:uuid:parent', 'urn:uuid:r', '2026-01-01T00:00:00Z', me);
    expect(r.target).toBe('urn:uuid:parent');
    expect(r.motivation).toBe('replying');
    expect(noteText(r)).toBe('Agreed.');
  });

  test('empty drafts are refused with a reason', () => {
    expect(draftProblem({ text: ' ', motivation: 'commenting', tags: [], verdict: '', certainty: '' })).toMatch(/Write a note/);
    expect(draftProblem({ text: '', motivation: 'commenting', tags: ['t'], verdict: '', certainty: '' })).toBeNull();
    expect(draftProblem({ text: '', motivation: 'replying', tags: [], verdict: '', certainty: '' })).toMatch(/reply/);
  });
});
