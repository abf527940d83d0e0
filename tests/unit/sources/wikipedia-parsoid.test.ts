import { describe, expect, it } from 'vitest';
import { importWikipediaParsoid } from '../../../src/sources/wikipedia-parsoid.ts';
import { importSource } from '../../../src/sources/import-source.ts';
import { cslMissing, validateCsl } from '../export/export-validators.ts';
import { sharedFile } from './wikipedia-sources.ts';

const dogBytes = sharedFile('sources/wikipedia-parsoid/dog.html');
const subBytes = sharedFile('sources/wikipedia-parsoid/subreferences.html');

describe.skipIf(!dogBytes)('Parsoid HTML of "Dog" (revision 845493773)', () => {
  const raw = dogBytes!.toString('utf8');
  const dog = importWikipediaParsoid(dogBytes!);

  it('is detected as Parsoid HTML and imported the same through importSource', () => {
    const { format, imported } = importSource(dogBytes!);
    expect(format).toBe('wikipedia-parsoid');
    expect(imported.citations.length).toBe(dog.citations.length);
  });

  it('keeps one reference per reference-list entry of the file, each anchored to its entry id', () => {
    const entries = [...raw.matchAll(/<li about="#(cite_note[^"]*)"/g)].map((m) => m[1]);
    expect(dog.references.length).toBe(entries.length);
    expect(dog.references.map((r) => r.anchor)).toEqual(entries);
  });

  it('reads every marker of the prose: at least those in <p>, at most all of the file, each written [label] at its offset', () => {
    const all = raw.match(/typeof="[^"]*mw:Extension\/ref\b[^"]*"/g)!.length;
    const inP = [...raw.matchAll(/<p[ >].*?<\/p>/gs)].reduce((n, p) => n + (p[0].match(/typeof="[^"]*mw:Extension\/ref\b/g)?.length ?? 0), 0);
    expect(dog.citations.length).toBeGreaterThanOrEqual(inP);
    expect(dog.citations.length).toBeLessThanOrEqual(all);
    for (const c of dog.citations) expect(dog.blocks[c.block]!.text.slice(c.offset, c.offset + c.label.length + 2)).toBe(`[${c.label}]`);
    expect(dog.problems.filter((p) => p.kind === 'missing-reference')).toEqual([]);
  });

  it('cites one reference from every reuse of a named ref', () => {
    const reuses = raw.match(/data-mw='\{"name":"ref","attrs":\{"name":"wozencraft2005"\}\}'/g)!.length;
    const ref = dog.references.find((r) => r.anchor === 'cite_note-wozencraft2005-1')!;
    expect(reuses).toBeGreaterThan(1);
    const citing = dog.citations.filter((c) => c.label === ref.label).length;
    expect(citing).toBeGreaterThan(0);
    expect(citing).toBeLessThanOrEqual(reuses);
    expect(dog.references.filter((r) => r.label === ref.label)).toHaveLength(1);
  });

  it('makes a heading block (with its level) of every section heading h2–h6', () => {
    const headings = [...raw.matchAll(/<h([2-6]) id="([^"]*)"[^>]*>/g)];
    const blocks = dog.blocks.filter((b) => b.type === 'heading');
    expect(blocks.map((b) => [b.level, b.anchor])).toEqual(headings.map((h) => [Number(h[1]), h[2]]));
    expect(dog.claims.every((c) => dog.blocks[c.block]!.type !== 'heading')).toBe(true);
  });

  it('reads a citation template into CSL field by field, as its parameters say', () => {
    const m = /id="mw-reference-text-cite_note-Lopez-76"[^>]*><cite[^>]*data-mw='([^']*)'/.exec(raw)!;
    const params = (JSON.parse(m[1]!) as { parts: { template: { params: Record<string, { wt: string }> } }[] }).parts[0]!.template.params;
    const ref = dog.references.find((r) => r.anchor === 'cite_note-Lopez-76')!;
    expect(ref.csl).toMatchObject({
      type: 'book',
      title: params['title']!.wt,
      author: [{ literal: params['author']!.wt }],
      publisher: params['publisher']!.wt,
      'publisher-place': params['location']!.wt,
      page: params['page']!.wt,
      issued: { 'date-parts': [[Number(params['year']!.wt)]] },
      ISBN: params['isbn']!.wt.replace(/-/g, ''),
    });
  });

  it('reads last/first author lists and the journal of a cite journal template', () => {
    const m = /<cite[^>]*data-mw='(\{"parts":\[\{"template":\{"target":\{"wt":"cite journal[^']*"last2"[^']*)'/i.exec(raw)!;
    const params = (JSON.parse(m[1]!) as { parts: { template: { params: Record<string, { wt: string }> } }[] }).parts[0]!.template.params;
    const ref = dog.references.find((r) => r.csl.type === 'article-journal' && r.csl.author?.[1]?.family === params['last2']!.wt)!;
    expect(ref.csl.author![0]).toEqual({ family: params['last1']?.wt ?? params['last']!.wt, given: params['first1']?.wt ?? params['first']!.wt });
    expect(ref.csl['container-title']).toBe(params['journal']!.wt.replace(/^\[\[(.*)\]\]$/, '$1'));
  });

  it.skipIf(cslMissing() !== null)('gives CSL items valid against csl-data.json', () => {
    const r = validateCsl(dog.references.map((x) => x.csl));
    expect(r.errors).toBeNull();
  });

  it('keeps the explanatory note group apart, labelled as Wikipedia shows it', () => {
    const note = dog.references.find((r) => r.anchor === 'cite_note-40')!;
    expect(note).toMatchObject({ label: 'a', group: 'lower-alpha' });
    expect(dog.citations.some((c) => c.label === 'a')).toBe(true);
    expect(dog.references.filter((r) => r.group === undefined).every((r) => /^\d+$/.test(r.label))).toBe(true);
  });

  it('turns inline maintenance tags into signals, not text', () => {
    const prose = raw.slice(0, raw.indexOf('typeof="mw:Extension/references"'));
    expect(dog.signals).toHaveLength(prose.match(/class="[^"]*Inline-Template/g)!.length);
    expect(dog.signals!.map((s) => s.kind)).toEqual(['citation-needed', 'better-source-needed', 'failed-verification']);
    expect(dog.references.some((r) => r.text.includes('[page'))).toBe(false);
    expect(dog.blocks.some((b) => b.text.includes('citation needed'))).toBe(false);
    const s = dog.signals![0]!;
    expect(dog.claims.some((c) => c.block === s.block && c.start <= s.offset && s.offset <= c.end + 1)).toBe(true);
  });

  it('keeps wiki links as absolute article URLs with titles, never over a marker', () => {
    const linnaeus = dog.links!.find((l) => l.title === 'Carl Linnaeus' || l.title === 'Gray wolf');
    expect(linnaeus?.href).toMatch(/^https:\/\/en\.wikipedia\.org\/wiki\//);
    for (const l of dog.links!) {
      expect(dog.blocks[l.block]!.text.slice(l.start, l.end).length).toBeGreaterThan(0);
      expect(dog.citations.some((c) => c.block === l.block && c.offset >= l.start && c.offset < l.end)).toBe(false);
    }
  });

  it('counts what it left out and pins the revision', () => {
    expect(dog.report!.omitted).toMatchObject({ infobox: 1 });
    expect(dog.report!.omitted['figure']).toBeGreaterThan(0);
    expect(dog.report!.omitted['navbox']).toBeGreaterThan(0);
    expect(dog.report!.omitted['hatnote']).toBeGreaterThan(0);
    expect(dog.meta).toMatchObject({
      title: 'Dog',
      language: 'en',
      revision: '845493773',
      date: '2018-06-12T04:32:17.000Z',
      source: 'https://en.wikipedia.org/w/index.php?title=Dog&oldid=845493773',
    });
    expect(dog.report!.notes.some((n) => n.includes('CC BY-SA 4.0'))).toBe(true);
  });

  it('keeps no hatnote, infobox or script text', () => {
    const all = dog.blocks.map((b) => b.text).join('\n');
    expect(all).not.toContain('This article is about the domestic dog');
    expect(all).not.toContain('mw.config');
  });
});

describe.skipIf(!subBytes)('Parsoid HTML 2.8 sub-references (test.wikipedia.org revision 673412)', () => {
  const sub = importWikipediaParsoid(subBytes!);

  it('keeps each sub-reference with its parent, the parent cited through it', () => {
    expect(sub.references.find((r) => r.label === '1.1')).toMatchObject({ parent: '1', text: 'p. 123' });
    expect(sub.references.find((r) => r.label === '2.1')).toMatchObject({ parent: '2', text: 'Subreference (body)' });
    expect(sub.references.find((r) => r.label === 'group 1.1')).toMatchObject({ parent: 'group 1', group: 'group' });
    expect(sub.problems.some((p) => p.kind === 'uncited-reference' && p.label === '1')).toBe(false);
  });

  it('keeps groups apart and labels markers as the page shows them', () => {
    expect(sub.blocks[2]!.text).toBe('Reuse[2][2][2]');
    expect(sub.references.find((r) => r.label === 'group2 1')?.group).toBe('group2');
    expect(sub.problems.filter((p) => p.kind === 'uncited-reference').map((p) => p.label)).toEqual(['group 2']);
  });
});
