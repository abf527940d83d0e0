import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { importText } from '../../../src/model/import-text.ts';

const seed = readFileSync(new URL('../../../corpus/kavbiuro/text.txt', import.meta.url));
const imported = importText(seed);

describe('importing the Kavbiuro seed', () => {
  test('four body blocks, the last a block quotation', () => {
    expect(imported.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'blockquote']);
    expect(imported.blocks[3]!.text.startsWith('"the last session of the Kavbiuro')).toBe(true);
  });

  test('markers 1, 1, 2, 2 at the offsets of their brackets', () => {
    expect(imported.citations.map((c) => c.label)).toEqual(['1', '1', '2', '2']);
    for (const c of imported.citations) {
      expect(imported.blocks[c.block]!.text.slice(c.offset, c.offset + 3)).toBe(`[${c.label}]`);
    }
    expect(imported.citations.map((c) => c.block)).toEqual([1, 1, 2, 3]);
  });

  test('two references with their identifiers and CSL items', () => {
    const [altstadt, suny] = imported.references;
    expect(altstadt!.label).toBe('1');
    expect(altstadt!.ids).toEqual({ isbn: ['0817991816'], oclc: ['24846708'], ol: ['1560533M'], hdl: [], doi: [], url: [] });
    expect(altstadt!.csl).toMatchObject({
      id: 'ref-1',
      type: 'book',
      author: [{ family: 'Altstadt', given: 'Audrey L.' }],
      title: 'The Azerbaijani Turks',
      publisher: 'Hoover Institution Press, Stanford University',
      'publisher-place': 'Stanford, Calif',
      issued: { 'date-parts': [[1992]] },
      ISBN: '0817991816',
    });
    expect(suny!.label).toBe('2');
    expect(suny!.ids.hdl).toEqual(['2027/spo.act2080.0028.004:03']);
    expect(suny!.csl).toMatchObject({
      type: 'article-journal',
      author: [{ family: 'Suny', given: 'Ronald Grigor' }],
      title: "Nationalism and Democracy in Gorbachev's Soviet Union: The Case of Karabagh",
      'container-title': 'Michigan Quarterly Review',
      volume: 'XXVIII',
      issue: '4',
      page: '481–506',
      issued: { 'date-parts': [[1989]] },
    });
  });

  test('no problems: every marker resolves and every entry is cited', () => {
    expect(imported.problems).toEqual([]);
  });

  test('claims of each block with their support', () => {
    const byBlock = (b: number) => imported.claims.filter((c) => c.block === b).map((c) => [c.text.slice(0, 30), c.support, c.sources]);
    expect(byBlock(0)).toEqual([['Kavbiuro was an organisation s', 'none', []]]);
    expect(byBlock(1)).toEqual([
      ['Kavbiuro was set up on 8 April', 'direct', ['1']],
      ['One immediate concern was that', 'direct', ['1']],
    ]);
    expect(byBlock(2)).toEqual([
      ['One decision the Kavbiuro was ', 'inherited', ['2']],
      ['Under Tsarist rule the area ha', 'inherited', ['2']],
      ['However in the context of the ', 'inherited', ['2']],
      ['This was prevented first throu', 'inherited', ['2']],
      ['Originally the Azerbaijan Sovi', 'inherited', ['2']],
      ['This position was endorsed by ', 'direct', ['2']],
      ['Some Armenian historians have ', 'none', []],
      ['This position was maintained d', 'none', []],
      ['Aleksandr Myasnikyan described', 'none', []],
    ]);
    expect(byBlock(3)).toEqual([
      ['"the last session of the Kavbi', 'inherited', ['2']],
      ['Azerbaijan declared that if Ar', 'direct', ['2']],
    ]);
  });

  test('each claim is its block text between start and end; a direct claim ends with its marker', () => {
    for (const c of imported.claims) {
      expect(imported.blocks[c.block]!.text.slice(c.start, c.end)).toBe(c.text);
      if (c.support === 'direct') expect(c.text).toMatch(/\[\d+\]$/);
    }
  });

  test('claim ids are stable across reloads and unique', () => {
    const again = importText(seed);
    expect(again.claims.map((c) => c.id)).toEqual(imported.claims.map((c) => c.id));
    expect(new Set(imported.claims.map((c) => c.id)).size).toBe(imported.claims.length);
  });
});
