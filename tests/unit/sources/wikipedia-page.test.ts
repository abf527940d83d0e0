import { describe, expect, it } from 'vitest';
import { importText } from '../../../src/model/import-text.ts';
import { importSource } from '../../../src/sources/import-source.ts';
import { importWikipediaPage } from '../../../src/sources/wikipedia-page.ts';
import { cslMissing, validateCsl } from '../export/export-validators.ts';
import { sharedFile } from './wikipedia-sources.ts';

const nzBytes = sharedFile('sources/wikipedia-page/new-zealand.html');
const nzText = sharedFile('corpora/new-zealand.txt');
const mozBytes = sharedFile('sources/wikipedia-page/mozilla.html');

/** A block's text without its markers (`[12]`, `[n 3]`). */
const unmarked = (s: string) => s.replace(/\[[^\]]*\]/g, '');

describe.skipIf(!nzBytes)('saved rendered page "New Zealand" (wgRevisionId 917976458)', () => {
  const raw = nzBytes!.toString('utf8');
  const nz = importWikipediaPage(nzBytes!);

  it('is detected as a rendered page and imported the same through importSource', () => {
    const { format, imported } = importSource(nzBytes!);
    expect(format).toBe('wikipedia-page');
    expect(imported.references.length).toBe(nz.references.length);
  });

  it('has one reference per ol.references entry, one citation per marker of the prose, one heading per section', () => {
    expect(nz.references.length).toBe(raw.match(/<li id="cite_note/g)!.length);
    const inP = [...raw.matchAll(/<p[ >].*?<\/p>/gs)].reduce((n, p) => n + (p[0].match(/class="reference"/g)?.length ?? 0), 0);
    expect(nz.citations.length).toBe(inP);
    expect(nz.blocks.filter((b) => b.type === 'heading').length).toBe(raw.match(/class="mw-headline"/g)!.length);
    expect(nz.problems.filter((p) => p.kind === 'missing-reference')).toEqual([]);
  });

  it('keeps the "n" notes apart from the numbered references', () => {
    const notes = nz.references.filter((r) => r.group === 'n');
    expect(notes.length).toBe(new Set(raw.match(/>\[n \d+\]</g)!.map((s) => s)).size);
    expect(notes.every((r) => /^n \d+$/.test(r.label))).toBe(true);
  });

  it('takes the notes’ external links as their URLs', () => {
    const withLink = [...raw.matchAll(/<li id="cite_note[^"]*">(.*?)<\/li>/gs)].filter((m) => /<a [^>]*class="external/.test(m[1]!)).length;
    expect(nz.references.filter((r) => r.ids.url.length > 0).length).toBe(withLink);
  });

  it('pins the revision from wgRevisionId and the canonical link, with the page’s licence', () => {
    expect(nz.meta).toMatchObject({
      title: 'New Zealand',
      revision: '917976458',
      source: 'https://en.wikipedia.org/w/index.php?title=New_Zealand&oldid=917976458',
      licence: { name: 'CC BY-SA 3.0' },
    });
    expect(nz.report!.omitted).toMatchObject({ infobox: 1, table: 1 });
    expect(nz.report!.omitted['figure']).toBeGreaterThan(0);
  });

  it.skipIf(cslMissing() !== null)('gives CSL items valid against csl-data.json', () => {
    expect(validateCsl(nz.references.map((r) => r.csl)).errors).toBeNull();
  });

  it.skipIf(!nzText)('agrees with the plain-text adaptation of the same revision (corpora/new-zealand.txt)', () => {
    const text = importText(nzText!);
    const numbered = nz.references.filter((r) => r.group === undefined);
    // Measured: 368 of 368 references, same labels and titles; 316 of 316 first URLs; 411 of 411 numbered markers;
    // all 71 prose blocks of the text shape are blocks of the page, markers aside.
    expect(numbered.map((r) => r.label)).toEqual(text.references.map((r) => r.label));
    for (const r of text.references) {
      const mine = numbered.find((x) => x.label === r.label)!;
      expect(mine.csl.title).toBe(r.csl.title);
      if (r.ids.url[0]) expect(mine.ids.url).toContain(r.ids.url[0]);
    }
    expect(nz.citations.filter((c) => /^\d+$/.test(c.label)).map((c) => c.label)).toEqual(text.citations.map((c) => c.label));
    const blocks = new Set(nz.blocks.map((b) => unmarked(b.text)));
    expect(text.blocks.filter((b) => !blocks.has(unmarked(b.text)))).toEqual([]);
  });
});

describe.skipIf(!mozBytes)('saved rendered page "Mozilla" (oldid 746574460)', () => {
  const raw = mozBytes!.toString('utf8');
  const moz = importWikipediaPage(mozBytes!);

  it('reads citations from COinS where the page has them, field by field', () => {
    const entries = [...raw.matchAll(/<li id="cite_note[^"]*">(.*?)<\/li>/gs)].map((m) => m[1]!);
    const withCoins = entries.filter((e) => /class="Z3988"/.test(e)).length;
    expect(moz.report!.notes).toContain(`Citations read from templates: 0, from COinS: ${withCoins}, from the rendered text: ${entries.length - withCoins}`);
    const ref3 = moz.references.find((r) => r.label === '3')!;
    const span = /<span[^>]*class="Z3988"[^>]*>/.exec(entries[2]!)![0];
    const coins = /title="([^"]*)"/.exec(span)![1]!.replace(/&amp;/g, '&');
    const atitle = decodeURIComponent(/rft\.(?:a|b)?title=([^&]*)/.exec(coins)![1]!.replace(/\+/g, ' '));
    expect(ref3.csl.title).toBe(atitle);
  });

  it('makes [citation needed] a signal on its claim and keeps wiki links', () => {
    expect(moz.signals!.map((s) => s.kind)).toEqual(['citation-needed', 'citation-needed']);
    expect(moz.blocks.some((b) => b.text.includes('citation needed'))).toBe(false);
    const netscape = moz.links!.find((l) => l.title === 'Netscape')!;
    expect(netscape).toMatchObject({ kind: 'wiki', href: 'https://en.wikipedia.org/wiki/Netscape' });
    expect(moz.blocks[netscape.block]!.text.slice(netscape.start, netscape.end)).toBe('Netscape');
    expect(moz.report!.omitted['edit-link']).toBe(raw.match(/class="mw-editsection"/g)!.length);
  });
});
