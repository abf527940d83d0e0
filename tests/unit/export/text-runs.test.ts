import { describe, expect, test } from 'vitest';
import { canonicalText } from '../../../src/anchoring/doc-text.ts';
import { cutRuns, placeNotes, textRegions, type Group, type Piece } from '../../../src/export/text-runs.ts';
import { importText } from '../../../src/model/import-text.ts';

/** A compact picture of groups: `{w:…}` wraps, `|` separates pieces, `<N`/`N>` note edges, `@…` atoms, `*` covered. */
function show(groups: readonly Group<string, string>[]): string {
  const piece = (p: Piece<string>) =>
    p.kind === 'text' ? `${p.text}${p.notes.length ? `*${p.notes.join(',')}` : ''}` : p.kind === 'atom' ? `@${p.text}` : p.kind === 'note-start' ? `<${p.number}` : `${p.number}>`;
  return groups.map((g) => (g.wrapper ? `{${g.wrapper}:${g.pieces.map(piece).join('|')}}` : g.pieces.map(piece).join('|'))).join('/');
}

const note = (number: number, from: number, to: number, opens = true, closes = true) => ({ number, from, to, opens, closes });

describe('cutRuns', () => {
  const text = 'Aaa bbb.[1] Ccc.';
  const wrappers = [{ start: 0, end: 11, value: 'c1' }, { start: 12, end: 16, value: 'c2' }];
  const atoms = [{ start: 8, end: 11, value: '1' }];

  test('claims wrap their text and markers; the space between claims is its own stretch', () => {
    expect(show(cutRuns(text, wrappers, atoms, []))).toBe('{c1:Aaa bbb.|@[1]}/ /{c2:Ccc.}');
  });

  test('a note crossing a claim edge is covered in both, opens in the first and closes in the second', () => {
    expect(show(cutRuns(text, wrappers, atoms, [note(1, 4, 14)]))).toBe('{c1:Aaa |<1|bbb.*1|@[1]}/ *1/{c2:Cc*1|1>|c.}');
  });

  test('an edge inside a marker moves outward to the marker edge', () => {
    expect(show(cutRuns(text, wrappers, atoms, [note(1, 9, 10)]))).toBe('{c1:Aaa bbb.|<1|@[1]|1>}/ /{c2:Ccc.}');
  });

  test('an empty note is a point; ends come before starts at the same offset', () => {
    expect(show(cutRuns(text, wrappers, atoms, [note(1, 0, 4), note(2, 4, 4), note(3, 4, 8)]))).toBe('{c1:<1|Aaa *1|1>|<3|<2|2>|bbb.*3|3>|@[1]}/ /{c2:Ccc.}');
  });

  test('a note part that neither opens nor closes only covers', () => {
    expect(show(cutRuns('abc', [], [], [note(7, 0, 3, false, false)]))).toBe('abc*7');
  });

  test('overlapping wrappers are clipped, never nested wrongly', () => {
    expect(show(cutRuns('abcdef', [{ start: 0, end: 4, value: 'x' }, { start: 2, end: 6, value: 'y' }], [], []))).toBe('{x:abcd}/{y:ef}');
  });
});

describe('textRegions and placeNotes', () => {
  const imported = importText('First block.[1]\n\nSecond block.\n\nReferences\n1. A book.\n');
  const canon = canonicalText(imported.blocks, imported.references);
  const regions = textRegions(imported);

  test('regions start where the canonical text has them (references after their "N. " prefix)', () => {
    for (const r of regions) expect(canon.slice(r.start, r.start + r.text.length)).toBe(r.text);
    expect(regions.map((r) => r.kind)).toEqual(['block', 'block', 'reference']);
  });

  test('a range across the separator opens in one block and closes in the next', () => {
    const start = canon.indexOf('block.[1]');
    const end = canon.indexOf('Second') + 6;
    const placed = placeNotes(regions, [{ number: 1, start, end }]);
    expect(placed.get(0)).toEqual([{ number: 1, from: 6, to: 15, opens: true, closes: false }]);
    expect(placed.get(1)).toEqual([{ number: 1, from: 0, to: 6, opens: false, closes: true }]);
  });

  test('a range inside a separator or a reference prefix becomes a point at the next region', () => {
    const sep = canon.indexOf('\n\nSecond');
    expect(placeNotes(regions, [{ number: 1, start: sep + 1, end: sep + 2 }]).get(1)).toEqual([{ number: 1, from: 0, to: 0, opens: true, closes: true }]);
    const prefix = canon.indexOf('1. A book');
    expect(placeNotes(regions, [{ number: 2, start: prefix, end: prefix + 2 }]).get(2)).toEqual([{ number: 2, from: 0, to: 0, opens: true, closes: true }]);
  });

  test('a range past the end is a point at the end of the last region', () => {
    expect(placeNotes(regions, [{ number: 3, start: canon.length + 5, end: canon.length + 9 }]).get(2)).toEqual([{ number: 3, from: 7, to: 7, opens: true, closes: true }]);
  });
});
