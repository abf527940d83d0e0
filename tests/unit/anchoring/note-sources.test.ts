/**
 * A reader's note citing sources as the curated notes do (anchoring/note-sources.ts, note-draft.ts): a reference
 * of the work, a DOI, an ISBN, a URL or a citation in words, each with a locator and a CiTO relation; positions.
 * Bad input is refused with a message naming the field. The note round-trips through the store's validator and
 * JSON, and passes the W3C model's assertions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { notesCollection } from '../../../src/anchoring/annotation-collection.ts';
import { ANNOTATION_CONTEXT, type TextTarget } from '../../../src/anchoring/annotation-types.ts';
import { applyDraft, draftOf, noteFromDraft, noteSources } from '../../../src/anchoring/note-draft.ts';
import { positionFromFields, referenceSource, SourceInputError, sourceFromInput, sourceLine } from '../../../src/anchoring/note-sources.ts';
import { parseAnnotations } from '../../../src/anchoring/selectors.ts';
import { importText } from '../../../src/model/import-text.ts';
import { noteIfSchemasMissing, validateAnnotation, validateCollection } from '../../support/w3c-validator.ts';

const IRI = 'https://en.wikipedia.org/wiki/Kavbiuro';
const kavbiuro = importText(readFileSync(new URL('../../../corpus/kavbiuro/text.txt', import.meta.url)));
const curated = JSON.parse(readFileSync(new URL('../../../annotations/kavbiuro.jsonld', import.meta.url), 'utf8')) as { first: { items: { body?: { type: string; source?: string }[] }[] } };
const target: TextTarget = { source: IRI, selector: [{ type: 'TextQuoteSelector', exact: 'Kavbiuro', prefix: '', suffix: ' was' }, { type: 'TextPositionSelector', start: 0, end: 8 }] };
const me = { type: 'Person' as const, name: 'R. Eader' };

/** The error `fn` throws (a SourceInputError), for its field and message. */
function refused(fn: () => unknown): SourceInputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SourceInputError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('sources of a note', () => {
  test('a reference of the work: <work iri>#ref-N, cited by its entry, with locator and relation', () => {
    const ref = kavbiuro.references.find((r) => r.label === '1')!;
    expect(ref.text).toContain('Altstadt');
    const link = referenceSource(IRI, ref, 'qualifies', ' p. 91 ');
    expect(link).toEqual({ type: 'SpecificResource', source: `${IRI}#ref-1`, purpose: 'linking', relation: 'qualifies', citation: `Reference [1]: ${ref.text}`, locator: 'p. 91' });
    expect(sourceLine(link)).toBe(`Reference [1]: ${ref.text}, p. 91`);
    // The same shape as the curated notes' links to the work's references.
    const curatedRef = curated.first.items.flatMap((a) => a.body ?? []).find((b) => b.type === 'SpecificResource' && String(b.source).startsWith(`${IRI}#ref-`));
    expect(Object.keys(curatedRef!).filter((k) => k !== 'citation').every((k) => k in link)).toBe(true);
  });

  test('a DOI, bare, with doi: or as a doi.org address, is linked at doi.org', () => {
    for (const input of ['10.1080/02634937.2011.607965', 'doi:10.1080/02634937.2011.607965', 'https://doi.org/10.1080/02634937.2011.607965']) {
      expect(sourceFromInput(input, 'supports', 'p. 12')).toEqual({
        type: 'SpecificResource', source: 'https://doi.org/10.1080/02634937.2011.607965', purpose: 'linking', relation: 'supports', citation: 'doi:10.1080/02634937.2011.607965', locator: 'p. 12',
      });
    }
  });

  test('an ISBN (hyphens, ISBN prefix, 10 or 13 digits) becomes urn:isbn; a wrong check digit is refused', () => {
    expect(sourceFromInput('978-0-8179-9182-1', 'disputes')).toMatchObject({ source: 'urn:isbn:9780817991821', citation: 'ISBN 9780817991821' });
    expect(sourceFromInput('ISBN 0817991816', 'disputes')).toMatchObject({ source: 'urn:isbn:0817991816' });
    const e = refused(() => sourceFromInput('978-0-8179-9182-2', 'disputes'));
    expect(e.field).toBe('source');
    expect(e.message).toContain('check digit');
  });

  test('an http(s) URL is its own IRI; other schemes and an empty input are refused', () => {
    expect(sourceFromInput('https://www.aniarc.am/2018/12/21/x/', 'discusses')).toMatchObject({ source: 'https://www.aniarc.am/2018/12/21/x/', citation: 'https://www.aniarc.am/2018/12/21/x/' });
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x']) expect(refused(() => sourceFromInput(bad, 'supports')).message).toContain('only http and https');
    expect(refused(() => sourceFromInput('   ', 'supports')).message).toBe('Give a DOI, an ISBN, a URL or a citation of the source.');
  });

  test('a citation in words: its identifier when the reference parser finds one, else a stable urn from its words', () => {
    // Entries of the work's own reference list, typed in as citations.
    const withIsbn = kavbiuro.references.find((r) => r.ids.isbn.length)!;
    expect(sourceFromInput(withIsbn.text, 'citesAsEvidence', 'ch. 4')).toMatchObject({ source: `urn:isbn:${withIsbn.ids.isbn[0]}`, citation: withIsbn.text.trim().replace(/\s+/g, ' '), locator: 'ch. 4' });
    const words = 'Hasanli, Jamil (2011). Foreign policy of the Republic of Azerbaijan, part 4';
    const a = sourceFromInput(words, 'disputes');
    expect(a.source).toMatch(/^urn:apparatus:citation:[0-9a-f]{8}$/);
    expect(sourceFromInput(`  ${words} `, 'supports').source).toBe(a.source);
    expect(sourceFromInput(`${words}, p. 5`, 'supports').source).not.toBe(a.source);
    expect(a).not.toHaveProperty('locator');
  });
});

describe('positions of a note', () => {
  test('holder, view and citation are needed; the URL must be http(s); the perspective is optional', () => {
    expect(positionFromFields({ holder: ' Arsène Saparov ', view: 'No direct evidence.', citation: 'Interview, 2018', url: 'https://example.org/s', perspective: '' }))
      .toEqual({ holder: 'Arsène Saparov', view: 'No direct evidence.', citation: 'Interview, 2018', url: 'https://example.org/s' });
    expect(refused(() => positionFromFields({ holder: '', view: 'v', citation: 'c' })).field).toBe('holder');
    expect(refused(() => positionFromFields({ holder: 'h', view: ' ', citation: 'c' })).field).toBe('view');
    expect(refused(() => positionFromFields({ holder: 'h', view: 'v', citation: '' })).field).toBe('citation');
    expect(refused(() => positionFromFields({ holder: 'h', view: 'v', citation: 'c', url: 'javascript:alert(1)' })).field).toBe('url');
  });
});

describe('a note with sources and positions', () => {
  const ref = kavbiuro.references.find((r) => r.label === '2')!;
  const draft = {
    text: 'The *date* is disputed:\n\n- Kavbiuro minutes\n- [Saparov](https://example.org/saparov)',
    motivation: 'assessing' as const,
    tags: ['date'],
    verdict: 'contested' as const,
    certainty: 'medium' as const,
    sources: [referenceSource(IRI, ref, 'qualifies', 'p. 217'), sourceFromInput('10.1080/02634937.2011.607965', 'disputes', 'fond 64, op. 1, d. 19')],
    positions: [positionFromFields({ holder: 'Arsène Saparov', view: 'No direct evidence.', citation: 'Interview, 2018' })],
  };

  test('is a W3C annotation: Markdown body, tags, the sources as SpecificResource bodies, positions', () => {
    const a = noteFromDraft(draft, target, 'urn:uuid:n1', '2026-12-06T02:00:00Z', me);
    expect(a.body?.[0]).toEqual({ type: 'TextualBody', value: draft.text, format: 'text/markdown', purpose: 'commenting' });
    expect(noteSources(a)).toEqual(draft.sources);
    expect(a.positions).toEqual(draft.positions);
    if (noteIfSchemasMissing()) {
      expect(validateAnnotation({ '@context': ANNOTATION_CONTEXT, ...a })).toEqual([]);
      expect(validateCollection(notesCollection('kavbiuro', 'Kavbiuro', [a]))).toEqual([]);
    }
  });

  test('round-trips: JSON, the store validator, and back into the form unchanged', () => {
    const a = noteFromDraft(draft, target, 'urn:uuid:n1', '2026-12-06T02:00:00Z', me);
    const { annotations, rejected } = parseAnnotations([JSON.parse(JSON.stringify(a))], 'round trip');
    expect(rejected).toEqual([]);
    expect(annotations[0]).toEqual(a);
    expect(draftOf(annotations[0]!)).toEqual(draft);
  });

  test('editing replaces sources and positions the form shows; a draft without them keeps them', () => {
    const a = noteFromDraft(draft, target, 'urn:uuid:n1', '2026-12-06T02:00:00Z', me);
    const fewer = applyDraft(a, { ...draft, sources: [draft.sources[1]!], positions: [] }, '2026-12-06T03:00:00Z');
    expect(noteSources(fewer)).toEqual([draft.sources[1]]);
    expect(fewer).not.toHaveProperty('positions');
    const { sources: _s, positions: _p, ...withoutThem } = draft;
    const kept = applyDraft(a, { ...withoutThem, text: 'New words' }, '2026-12-06T03:00:00Z');
    expect(noteSources(kept)).toEqual(draft.sources);
    expect(kept.positions).toEqual(draft.positions);
  });

  test('a locator that is not a string is refused by the store, naming the field', () => {
    const a = noteFromDraft(draft, target, 'urn:uuid:n1', '2026-12-06T02:00:00Z', me);
    const bad = JSON.parse(JSON.stringify(a));
    bad.body[2].locator = 12;
    const { rejected } = parseAnnotations([bad], 'bad');
    expect(rejected[0]?.errors).toEqual([{ field: 'body[2].locator', message: 'must be a string, found the number 12' }]);
  });
});
