import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Annotation, AnnotationCollection } from '../../../src/anchoring/annotation-types.ts';
import { canonicalText } from '../../../src/anchoring/doc-text.ts';
import { importAnnotations } from '../../../src/anchoring/import-annotations.ts';
import { parseAnnotations } from '../../../src/anchoring/selectors.ts';
import { exportJsonLd } from '../../../src/export/jsonld.ts';
import { importText } from '../../../src/model/import-text.ts';
import { parseWorkMeta } from '../../../src/model/work.ts';

const work = parseWorkMeta(JSON.parse(readFileSync(new URL('../../../corpus/kavbiuro/work.json', import.meta.url), 'utf8')));
const imported = importText(readFileSync(new URL('../../../corpus/kavbiuro/text.txt', import.meta.url)));
const text = canonicalText(imported.blocks, imported.references);
const curatedJson = JSON.parse(readFileSync(new URL('../../../annotations/kavbiuro.jsonld', import.meta.url), 'utf8')) as AnnotationCollection;
const curated = parseAnnotations(curatedJson, 'kavbiuro.jsonld').annotations;
const hypothesis = JSON.parse(readFileSync(new URL('../../fixtures/hypothesis/kavbiuro-search.json', import.meta.url), 'utf8'));
const options = { source: work.iri, where: 'hypothesis.json' };
const h = (id: string) => `https://hypothes.is/a/${id}`;

describe('importAnnotations', () => {
  test('a Hypothesis export onto the curated notes: added, rejected with where and why, anchored exact / fuzzy / orphan', () => {
    const { annotations, anchors, report } = importAnnotations(hypothesis, text, curated, options);
    expect(report.format).toBe('hypothesis');
    expect(annotations.slice(0, curated.length)).toEqual(curated);
    expect(report.added).toEqual([
      h('kT3m9QxZEe-4bF7wR1aVcA'), h('pL8vN2cYEe-9dH3sT6bWxQ'), h('Qw1eR5tYEe-2gJ8kL0mNbP'),
      h('Zx4cV7bNEe-6hK1jM3nQrS'), h('Hj6kL9mPEe-1aS4dF7gZxC'), h('Mn2bV5cXEe-8qW3eR6tYuI'),
    ]);
    expect(report.rejected.map((r) => r.where)).toEqual(['hypothesis.json rows[6]', 'hypothesis.json rows[7]', 'hypothesis.json rows[8]']);
    expect(report.anchors.exact).toEqual([h('kT3m9QxZEe-4bF7wR1aVcA'), h('Qw1eR5tYEe-2gJ8kL0mNbP'), h('Zx4cV7bNEe-6hK1jM3nQrS')]);
    expect(report.anchors.fuzzy).toEqual([h('Hj6kL9mPEe-1aS4dF7gZxC')]);
    expect(report.anchors.orphan).toEqual([h('Mn2bV5cXEe-8qW3eR6tYuI')]);
    // The exact one sits on our words although Hypothesis measured its position on the web page.
    const date = anchors.get(h('kT3m9QxZEe-4bF7wR1aVcA'))!;
    expect(text.slice(date.start, date.end)).toBe('3 July 1920');
    // The fuzzy one lands on the passage its edited quote came from.
    const fuzzy = anchors.get(h('Hj6kL9mPEe-1aS4dF7gZxC'))!;
    expect(fuzzy.quote).toMatch(/Ordzhonikidze \(Chairman\)/);
    // The reply is imported, under its parent, and not anchored itself.
    expect(anchors.has(h('pL8vN2cYEe-9dH3sT6bWxQ'))).toBe(false);
  });

  test('importing the same file twice changes nothing: all duplicates', () => {
    const once = importAnnotations(hypothesis, text, curated, options);
    const twice = importAnnotations(hypothesis, text, once.annotations, options);
    expect(twice.annotations).toEqual(once.annotations);
    expect(twice.report.added).toEqual([]);
    expect(twice.report.duplicates).toHaveLength(once.report.added.length);
  });

  test('an edited re-import keeps both versions side by side and says so', () => {
    const once = importAnnotations(hypothesis, text, curated, options);
    const edited = structuredClone(hypothesis);
    edited.rows[0].text = 'Revised: the vote was on 4 July 1921.';
    const twice = importAnnotations(edited, text, once.annotations, options);
    expect(twice.report.conflicts.map((c) => c.id)).toEqual([h('kT3m9QxZEe-4bF7wR1aVcA')]);
    const original = twice.annotations.find((a) => a.id === h('kT3m9QxZEe-4bF7wR1aVcA'))!;
    const copy = twice.annotations.find((a) => a.id === twice.report.conflicts[0]!.keptAs)!;
    expect((original.body![0] as { value: string }).value).toMatch(/^The protocols/);
    expect((copy.body![0] as { value: string }).value).toMatch(/^Revised/);
    // Its reply is already in the store, on the note it was written for: a duplicate, not copied or moved.
    expect(twice.report.repointed).toEqual([]);
    expect(twice.report.duplicates).toContain(h('pL8vN2cYEe-9dH3sT6bWxQ'));
    expect(twice.annotations.find((a) => a.id === h('pL8vN2cYEe-9dH3sT6bWxQ'))!.target).toBe(original.id);
    expect(twice.report.anchors.exact).toContain(copy.id);
  });

  test('our own JSON-LD: the curated file onto an empty store, then its export back onto the same notes', () => {
    const fresh = importAnnotations(curatedJson, text, [], { source: work.iri, where: 'kavbiuro.jsonld' });
    expect(fresh.report.format).toBe('w3c');
    expect(fresh.report.added).toHaveLength(curated.length);
    expect(fresh.report.anchors.exact).toHaveLength(curated.length);
    const exported = JSON.parse(
      exportJsonLd({ work, text: imported, annotations: curated, anchors: new Map(), exportedAt: '2026-11-24T23:00:00Z' }),
    );
    const back = importAnnotations(exported, text, curated, { source: work.iri, where: 'export.jsonld' });
    expect(back.report.duplicates).toHaveLength(curated.length);
    expect(back.report.added).toEqual([]);
    const dated = exported.first.items.filter((i: { id: string }) => i.id.startsWith(`urn:apparatus:${work.id}:date:`));
    expect(dated.length).toBeGreaterThan(0);
    expect(back.report.skipped.length).toBe(imported.claims.filter((c) => c.sources.length > 0).length + dated.length);
    expect(back.report.skipped.filter((s) => s.reason.includes('date from an export')).map((s) => s.id)).toEqual(dated.map((i: { id: string }) => i.id));
    expect(back.annotations).toEqual(curated);
  });

  test('a W3C file with a bad annotation: the good ones load, the bad one is reported with its field', () => {
    const good = curated[0]!;
    const bad = { ...curated[1]!, created: 'last Tuesday' };
    const { report } = importAnnotations([good, bad], text, [], { source: work.iri, where: 'mixed.json' });
    expect(report.added).toEqual([good.id]);
    expect(report.rejected).toEqual([{ where: 'mixed.json item 1', id: bad.id, reason: expect.stringMatching(/^created: /), raw: bad }]);
  });

  test('a note written on another document is imported with a warning; anything else is one reject, never a throw', () => {
    const elsewhere: Annotation = { ...curated[0]!, id: 'urn:uuid:00000000-0000-4000-8000-000000000001', target: { ...(curated[0]!.target as object), source: 'https://example.org/other' } as Annotation['target'] };
    const r = importAnnotations([elsewhere], text, [], { source: work.iri, where: 'x.json' });
    expect(r.report.warnings).toEqual([{ id: elsewhere.id, message: expect.stringContaining('https://example.org/other') }]);
    expect(r.report.anchors.exact).toEqual([elsewhere.id]);
    const junk = importAnnotations({ hello: 'world' }, text, curated, { source: work.iri, where: 'junk.json' });
    expect(junk.annotations).toEqual(curated);
    expect(junk.report.rejected).toEqual([{ where: 'junk.json', reason: expect.stringContaining('not W3C annotations') }]);
  });
});

describe('importAnnotations: positions written in UTF-16 units by another client', () => {
  test('are stored in code points once the quote shows that is what they meant', () => {
    const astral = 'The 𝔄 ward 🦆 met twice in the 𠀀 hall and parted.';
    // "met" is at UTF-16 offset 15 and code point 13 (two astral characters come before it).
    const note: Annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:test:units',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2026-12-03T00:00:00Z',
      body: [{ type: 'TextualBody', value: 'counted in units', format: 'text/plain' }],
      target: {
        source: 'urn:test:astral',
        selector: [
          { type: 'TextQuoteSelector', exact: 'met twice', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 15, end: 24 },
        ],
      },
    } as Annotation;
    const result = importAnnotations([note], astral, [], { source: 'urn:test:astral', where: 'units.jsonld' });
    expect(result.report.rejected).toEqual([]);
    const stored = result.annotations[0]!;
    const position = (stored.target as { selector: { type: string; start?: number; end?: number }[] }).selector.find((s) => s.type === 'TextPositionSelector');
    expect(position).toMatchObject({ start: 13, end: 22 });
    expect(result.anchors.get('urn:test:units')).toMatchObject({ status: 'exact', start: 15, end: 24 });
  });
});
