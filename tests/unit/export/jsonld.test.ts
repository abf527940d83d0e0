import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { anchorAll, describe as describeTarget } from '../../../src/anchoring/anchor.ts';
import {
  CERTAINTIES,
  CITO_RELATIONS,
  VERDICTS,
  ANNOTATION_CONTEXT,
  type Annotation,
  type Body,
  type TextPositionSelector,
  type TextTarget,
} from '../../../src/anchoring/annotation-types.ts';
import { canonicalText } from '../../../src/anchoring/doc-text.ts';
import { parseAnnotations } from '../../../src/anchoring/selectors.ts';
import type { ExportInput } from '../../../src/export/export-input.ts';
import { claimLinkId, exportJsonLd, isClaimLinkId, SUPPORT_KEY } from '../../../src/export/jsonld.ts';
import { DATE_KEY, INFERRED_FROM_KEY, isClaimDateId } from '../../../src/export/claim-date-annotations.ts';
import { importText } from '../../../src/model/import-text.ts';
import { parseWorkMeta } from '../../../src/model/work.ts';
import { noteIfSchemasMissing, validateCollection } from '../../support/w3c-validator.ts';

const work = parseWorkMeta(JSON.parse(readFileSync(new URL('../../../corpus/kavbiuro/work.json', import.meta.url), 'utf8')));
const imported = importText(readFileSync(new URL('../../../corpus/kavbiuro/text.txt', import.meta.url)));
const text = canonicalText(imported.blocks, imported.references);
const curated = parseAnnotations(JSON.parse(readFileSync(new URL('../../../annotations/kavbiuro.jsonld', import.meta.url), 'utf8')), 'kavbiuro.jsonld');
const EXPORTED_AT = '2026-11-24T23:00:00Z';

const reply: Annotation = {
  id: 'urn:uuid:6f1f7a0e-3c1d-4a55-9a77-0c1b7d3f9a01',
  type: 'Annotation',
  motivation: 'replying',
  created: '2026-11-24T21:00:00Z',
  creator: { type: 'Person', name: 'A reader' },
  body: [{ type: 'TextualBody', value: 'Does Suny give the 1920 date himself?', format: 'text/plain', purpose: 'replying' }],
  target: 'urn:apparatus:kavbiuro:date-3-july-1920',
};
const standalone: Annotation = {
  '@context': ANNOTATION_CONTEXT,
  id: 'urn:uuid:0d6a1c57-8e0b-4f5c-b1f2-3a4e5d6c7b8a',
  type: 'Annotation',
  motivation: 'questioning',
  created: '2026-11-24T21:05:00Z',
  body: [{ type: 'TextualBody', value: 'Which Armenian historians?', format: 'text/plain' }],
  target: describeTarget(text, text.indexOf('Some Armenian historians'), text.indexOf('Some Armenian historians') + 24, work.iri),
};

const inputWith = (annotations: readonly Annotation[]): ExportInput => ({
  work,
  text: imported,
  annotations,
  anchors: anchorAll(text, annotations),
  exportedAt: EXPORTED_AT,
});
const input = inputWith([...curated.annotations, reply, standalone]);
const out = exportJsonLd(input);
const parsedOut = JSON.parse(out) as { first: { items: Record<string, unknown>[] }; total: number };
const items = parsedOut.first.items;
const linkItems = items.filter((i) => isClaimLinkId(work.id, String(i['id'])));
const blockStart = (block: number) => imported.blocks.slice(0, block).reduce((n, b) => n + b.text.length + 2, 0);

const schemas = noteIfSchemasMissing();

describe('exportJsonLd', () => {
  test('the curated notes load without rejects (the fixture this suite relies on)', () => {
    expect(curated.rejected).toEqual([]);
    expect(curated.annotations.length).toBeGreaterThan(20);
  });

  test.skipIf(!schemas)('passes the W3C MUST assertions: collection, page and every annotation', () => {
    expect(validateCollection(parsedOut, 'export')).toEqual([]);
  });

  test('is pretty JSON ending with one newline, and the same bytes every time', () => {
    expect(out.endsWith('}\n')).toBe(true);
    expect(out).toBe(`${JSON.stringify(parsedOut, null, 2)}\n`);
    expect(exportJsonLd(inputWith([...curated.annotations, reply, standalone]))).toBe(out);
    expect(parsedOut.total).toBe(items.length);
  });

  test('one linking annotation per claim with sources, none for unsourced claims, in text order', () => {
    const sourced = imported.claims.filter((c) => c.sources.length > 0);
    expect(sourced.length).toBeGreaterThan(0);
    expect(imported.claims.some((c) => c.support === 'none')).toBe(true);
    expect(linkItems.map((i) => i['id'])).toEqual(sourced.map((c) => claimLinkId(work.id, c.id)));
    for (const item of linkItems) expect(item['motivation']).toBe('linking');
  });

  test('a claim link targets the claim\'s words at canonical offsets (block start + claim start) with both selectors', () => {
    for (const claim of imported.claims.filter((c) => c.sources.length > 0)) {
      const item = linkItems.find((i) => i['id'] === claimLinkId(work.id, claim.id))!;
      const target = item['target'] as TextTarget;
      expect(target.source).toBe(work.iri);
      const position = target.selector.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector')!;
      expect(position.start).toBe(blockStart(claim.block) + claim.start);
      expect(text.slice(position.start, position.end)).toBe(claim.text);
      expect(target.selector.find((s) => s.type === 'TextQuoteSelector')).toEqual({
        type: 'TextQuoteSelector',
        exact: claim.text,
        prefix: text.slice(Math.max(0, position.start - 32), position.start),
        suffix: text.slice(position.end, position.end + 32),
      });
    }
  });

  test('its bodies point at the work\'s references with cito:citesAsEvidence; the support kind is recorded', () => {
    for (const claim of imported.claims.filter((c) => c.sources.length > 0)) {
      const item = linkItems.find((i) => i['id'] === claimLinkId(work.id, claim.id))!;
      const bodies = item['body'] as Body[];
      expect(bodies.map((b) => (b.type === 'SpecificResource' ? b.source : ''))).toEqual(claim.sources.map((l) => `${work.iri}#ref-${l}`));
      for (const b of bodies) {
        expect(b).toMatchObject({ type: 'SpecificResource', purpose: 'linking', relation: 'citesAsEvidence' });
        expect((b as { citation?: string }).citation).toMatch(/^\[\d+\] /);
      }
      expect(item[SUPPORT_KEY]).toBe(claim.support);
    }
    expect(new Set(linkItems.map((i) => i[SUPPORT_KEY]))).toEqual(new Set(['direct', 'inherited']));
  });

  test('the dated claims are describing annotations with dated bodies, on the date words, the inferred date saying what it counts from', () => {
    const dated = items.filter((i) => isClaimDateId(work.id, String(i['id'])));
    const bodies = dated.map((i) => (i['body'] as Record<string, unknown>[])[0]!);
    expect(dated.every((i) => i['motivation'] === 'describing')).toBe(true);
    expect(bodies.map((b) => b[DATE_KEY])).toEqual(expect.arrayContaining(['1920-04-08', '1920-07-03', '1920-07-05']));
    const parsed = parseAnnotations(parsedOut, 'export').annotations.filter((a) => isClaimDateId(work.id, a.id));
    expect(parsed).toHaveLength(dated.length);
    const anchors = anchorAll(text, parsed);
    expect([...anchors.values()].every((r) => r.status === 'exact')).toBe(true);
    const inferred = dated.find((i) => (i['body'] as Record<string, unknown>[])[0]![INFERRED_FROM_KEY] !== undefined)!;
    expect((inferred['body'] as Record<string, unknown>[])[0]).toMatchObject({ [DATE_KEY]: '1920-07-05', [INFERRED_FROM_KEY]: '3 July 1920', purpose: 'describing' });
    const words = (inferred['target'] as { selector: { type: string; exact?: string }[] }).selector.find((x) => x.type === 'TextQuoteSelector')!.exact;
    expect(words).toBe('two days later');
  });

  test('claim links anchor exactly on the text', () => {
    const links = parseAnnotations(parsedOut, 'export').annotations.filter((a) => isClaimLinkId(work.id, a.id));
    const anchors = anchorAll(text, links);
    expect([...anchors.values()].every((r) => r.status === 'exact')).toBe(true);
    expect(anchors.size).toBe(linkItems.length);
  });

  test('every stored note is written as stored, in store order, replies included; the collection context is not repeated', () => {
    const notes = items.filter((i) => !isClaimLinkId(work.id, String(i['id'])) && !isClaimDateId(work.id, String(i['id'])));
    expect(notes.map((n) => n['id'])).toEqual(input.annotations.map((a) => a.id));
    const { '@context': _c, ...standaloneWithoutContext } = standalone;
    expect(notes.at(-1)).toEqual(standaloneWithoutContext);
    expect(notes.at(-2)).toEqual(reply);
    curated.annotations.forEach((a, i) => expect(notes[i]).toEqual(a));
  });

  test('a note with another @context keeps it; key order of the input does not change the output', () => {
    const other = { ...standalone, '@context': 'http://www.w3.org/ns/anno.jsonld' } as Annotation;
    const written = JSON.parse(exportJsonLd(inputWith([other]))).first.items.at(-1);
    expect(written['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    const reversed = curated.annotations.map((a) => Object.fromEntries(Object.entries(a).reverse()) as unknown as Annotation);
    expect(exportJsonLd(inputWith(reversed))).toBe(exportJsonLd(inputWith(curated.annotations)));
  });

  test('a stored note with a claim link\'s id is written instead of the generated link, never both', () => {
    const claim = imported.claims.find((c) => c.sources.length > 0)!;
    const stored: Annotation = { ...standalone, id: claimLinkId(work.id, claim.id) };
    const written = JSON.parse(exportJsonLd(inputWith([stored]))).first.items as { id: string; motivation: string }[];
    const same = written.filter((i) => i.id === stored.id);
    expect(same).toHaveLength(1);
    expect(same[0]!.motivation).toBe('questioning');
  });

  test('round trip: export → parseAnnotations → export gives the same annotations and the same bytes', () => {
    const parsed = parseAnnotations(JSON.parse(out), 'export');
    expect(parsed.rejected).toEqual([]);
    const notes = parsed.annotations.filter((a) => !isClaimLinkId(work.id, a.id) && !isClaimDateId(work.id, a.id));
    const { '@context': _c, ...standaloneWithoutContext } = standalone;
    expect(notes).toEqual([...curated.annotations, reply, standaloneWithoutContext]);
    expect(exportJsonLd(inputWith(notes))).toBe(out);
  });

  test('round trip holds for random annotation sets (property)', () => {
    const range = fc
      .tuple(fc.nat({ max: text.length }), fc.nat({ max: 200 }))
      .map(([start, len]) => [start, Math.min(text.length, start + len)] as const);
    const agent = fc.record({ type: fc.constantFrom('Person' as const, 'Organization' as const, 'Software' as const), name: fc.string({ minLength: 1 }) });
    const date = fc
      .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString());
    const body: fc.Arbitrary<Body> = fc.oneof(
      fc.record({ type: fc.constant('TextualBody' as const), value: fc.string(), format: fc.constantFrom('text/plain' as const, 'text/markdown' as const) }),
      fc.record({ type: fc.constant('TextualBody' as const), value: fc.string({ minLength: 1 }), purpose: fc.constant('tagging' as const) }),
      fc.record(
        {
          type: fc.constant('SpecificResource' as const),
          source: fc.webUrl(),
          purpose: fc.constant('linking' as const),
          relation: fc.constantFrom(...CITO_RELATIONS),
          citation: fc.string(),
        },
        { requiredKeys: ['type', 'source', 'purpose', 'relation'] },
      ),
    );
    const note = fc
      .record(
        {
          id: fc.uuid().map((u) => `urn:uuid:${u}`),
          motivation: fc.constantFrom('commenting' as const, 'questioning' as const, 'assessing' as const, 'linking' as const, 'tagging' as const, 'editing' as const),
          created: date,
          modified: date,
          creator: agent,
          body: fc.array(body, { maxLength: 4 }),
          range,
          verdict: fc.constantFrom(...VERDICTS),
          certainty: fc.constantFrom(...CERTAINTIES),
          evidence: fc.subarray(['V', 'V-p', 'T', 'G', 'N']),
          positions: fc.array(
            fc.record({ holder: fc.string({ minLength: 1 }), view: fc.string({ minLength: 1 }), citation: fc.string({ minLength: 1 }), url: fc.webUrl() }, { requiredKeys: ['holder', 'view', 'citation'] }),
            { minLength: 1, maxLength: 3 },
          ),
          replyTo: fc.nat(),
        },
        { requiredKeys: ['id', 'motivation', 'created', 'range', 'replyTo'] },
      );
    const notes = fc.uniqueArray(note, { selector: (n) => n.id, maxLength: 12 }).map((list) =>
      list.map(({ range: [start, end], replyTo, ...rest }, i): Annotation => {
        // Every third note after the first replies to an earlier one.
        if (i > 0 && i % 3 === 0) {
          const parent = list[replyTo % i]!.id;
          return { id: rest.id, type: 'Annotation', motivation: 'replying', created: rest.created, body: [{ type: 'TextualBody', value: 'reply', purpose: 'replying' }], target: parent };
        }
        return { ...rest, type: 'Annotation', target: describeTarget(text, start, end, work.iri) } as Annotation;
      }),
    );
    fc.assert(
      fc.property(notes, (annotations) => {
        const first = exportJsonLd(inputWith(annotations));
        const parsed = parseAnnotations(JSON.parse(first), 'export');
        expect(parsed.rejected).toEqual([]);
        const back = parsed.annotations.filter((a) => !isClaimLinkId(work.id, a.id) && !isClaimDateId(work.id, a.id));
        expect(back).toEqual(annotations);
        expect(exportJsonLd(inputWith(back))).toBe(first);
      }),
      { numRuns: 60 },
    );
  });
});
