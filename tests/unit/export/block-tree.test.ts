import { describe, expect, test } from 'vitest';
import { blockTree, type TreeNode } from '../../../src/export/block-tree.ts';
import type { Block } from '../../../src/model/imported-text.ts';
import { cutRuns, linkRuns } from '../../../src/export/text-runs.ts';
import type { Link } from '../../../src/model/imported-text.ts';

const p = (text: string): Block => ({ type: 'paragraph', text });
const h = (level: number, text: string): Block => ({ type: 'heading', level, text });
const li = (level: number, text: string, ordered = false): Block => ({ type: 'list_item', level, ordered, text });

/** The tree as a compact string: `p0`, `§2(h1: …)`, `ul[i2(…) …]`. */
function show(nodes: readonly TreeNode[]): string {
  return nodes
    .map((n) => {
      if (n.kind === 'block') return `p${n.index}`;
      if (n.kind === 'section') return `§${n.level}(${n.heading === null ? '-' : `h${n.heading}`}${n.children.length ? ' ' + show(n.children) : ''})`;
      return `${n.ordered ? 'ol' : 'ul'}[${n.items.map((i) => `i${i.index}${i.lists.length ? `(${show(i.lists)})` : ''}`).join(' ')}]`;
    })
    .join(' ');
}

describe('blockTree', () => {
  test('plain-text works stay flat', () => {
    expect(show(blockTree([p('a'), { type: 'blockquote', text: 'b' }, p('c')]))).toBe('p0 p1 p2');
  });

  test('headings nest by level; a heading closes sections of its level and deeper', () => {
    expect(show(blockTree([p('lead'), h(2, 'A'), p('a'), h(3, 'A.1'), p('a1'), h(2, 'B'), p('b')]))).toBe('p0 §2(h1 p2 §3(h3 p4)) §2(h5 p6)');
  });

  test('a skipped level gets a section without heading, so nesting keeps the levels', () => {
    expect(show(blockTree([h(2, 'A'), h(4, 'deep'), p('x')]))).toBe('§2(h0 §3(- §4(h1 p2)))');
  });

  test('list items nest by level; a paragraph ends the list; a change of ordered starts a new list', () => {
    expect(show(blockTree([li(1, 'a'), li(2, 'a.1'), li(2, 'a.2'), li(1, 'b'), p('x'), li(1, 'c', true), li(1, 'd')]))).toBe('ul[i0(ul[i1 i2]) i3] p4 ol[i5] ul[i6]');
  });

  test('a deeper item nests one step whatever levels it skips; a shallower one returns to the list of its level', () => {
    expect(show(blockTree([li(3, 'first'), li(3, 'second'), li(1, 'back')]))).toBe('ul[i0 i1] ul[i2]');
    expect(show(blockTree([li(1, 'a'), li(3, 'deep'), li(2, 'mid'), li(1, 'b')]))).toBe('ul[i0(ul[i1] ul[i2]) i3]');
    expect(show(blockTree([li(1, 'a'), li(4, 'deep')]))).toBe('ul[i0(ul[i1])]');
  });

  test('lists sit inside the section of the heading before them', () => {
    expect(show(blockTree([h(2, 'A'), li(1, 'a'), h(2, 'B')]))).toBe('§2(h0 ul[i1]) §2(h2)');
  });
});

describe('links in the runs', () => {
  const link: Link = { block: 0, start: 4, end: 15, href: 'https://example.org/x', kind: 'external' };

  test('text pieces carry their link; a claim edge inside the link cuts it, a note start does not', () => {
    const text = 'See the example here.';
    const groups = cutRuns(text, [{ start: 0, end: 8, value: 'c1' }, { start: 8, end: 21, value: 'c2' }], [], [{ number: 1, from: 6, to: 6, opens: true, closes: false }], [{ start: 4, end: 15, value: link }]);
    const runs = groups.map((g) => linkRuns(g.pieces).map((r) => (r.kind === 'link' ? `<${r.pieces.map((q) => (q.kind === 'text' ? q.text : `^${q.kind}`)).join('|')}>` : r.kind === 'text' ? r.text : `^${r.kind}`)));
    expect(runs).toEqual([['See ', '<th|^note-start|e >'], ['<example>', ' here.']]);
  });

  test('a note end inside a link ends the link run (its mark is a link of its own)', () => {
    const groups = cutRuns('See the example here.', [], [], [{ number: 1, from: 0, to: 6, opens: true, closes: true }], [{ start: 4, end: 15, value: link }]);
    const kinds = linkRuns(groups[0]!.pieces).map((r) => r.kind);
    expect(kinds).toEqual(['note-start', 'text', 'link', 'note-end', 'link', 'text']);
  });
});
