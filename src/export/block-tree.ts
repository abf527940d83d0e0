/**
 * The structure the writers print around the body blocks: sections opened by headings and lists of list items,
 * nested as the blocks' `level`s say (imported-text.ts `Block`). The blocks themselves stay flat (the canonical
 * text and every offset are the same whatever the structure); this tree only says where a writer opens and closes
 * a division, a list or an item.
 *
 * - A heading of level L closes every open section of level ≥ L and opens its own. When the source skips a level
 *   (a level-4 heading right under a level-2 one), a section without a heading stands for the missing level, so
 *   that a nesting writer (TEI `div`) reads back the same levels.
 * - Consecutive list items of one level form a list; an item of a deeper level opens a list inside the item before
 *   it (one nesting step, however many levels the source skipped: a list cannot skip a level without an item to
 *   hang on); an item of a shallower level goes back to the open list of its level, or starts a list beside the
 *   lists it closes when none is open at its level. An item whose `ordered` differs from its list's starts a new
 *   list beside it.
 * - Any other block (paragraph, block quotation) ends the open lists.
 *
 * Plain-text works (paragraphs and block quotations only) give a flat list of `block` nodes. Pure.
 */
import type { Block } from '../model/imported-text.ts';

/** One node of the tree. `index` is a body block's index in `ImportedText.blocks`. */
export type TreeNode = { kind: 'block'; index: number } | SectionNode | ListNode;

/** A section: its heading block (null for a level the source skipped), its level (2–6) and what it contains. */
export interface SectionNode {
  kind: 'section';
  heading: number | null;
  level: number;
  children: TreeNode[];
}

/** A list: ordered or not, its items in order. */
export interface ListNode {
  kind: 'list';
  ordered: boolean;
  items: ListItemNode[];
}

/** A list item: its block and the lists nested in it. */
export interface ListItemNode {
  index: number;
  lists: ListNode[];
}

/** The tree of `blocks` (see the module comment). */
export function blockTree(blocks: readonly Block[]): TreeNode[] {
  const root: TreeNode[] = [];
  const sections: { level: number; children: TreeNode[] }[] = [{ level: 1, children: root }];
  // The open lists, outermost first, each with the source level of its items.
  let lists: { node: ListNode; level: number }[] = [];
  blocks.forEach((block, index) => {
    const here = sections[sections.length - 1]!;
    if (block.type === 'heading') {
      lists = [];
      const level = Math.min(6, Math.max(2, block.level ?? 2));
      while (sections[sections.length - 1]!.level >= level) sections.pop();
      while (sections[sections.length - 1]!.level < level - 1) {
        const parent = sections[sections.length - 1]!;
        const skipped: SectionNode = { kind: 'section', heading: null, level: parent.level + 1, children: [] };
        parent.children.push(skipped);
        sections.push(skipped);
      }
      const section: SectionNode = { kind: 'section', heading: index, level, children: [] };
      sections[sections.length - 1]!.children.push(section);
      sections.push(section);
      return;
    }
    if (block.type !== 'list_item') {
      lists = [];
      here.children.push({ kind: 'block', index });
      return;
    }
    const ordered = block.ordered === true;
    const level = Math.max(1, block.level ?? 1);
    while (lists.length > 0 && lists[lists.length - 1]!.level > level) lists.pop();
    const top = lists[lists.length - 1];
    if (top && top.level === level && top.node.ordered !== ordered) lists.pop();
    if (!(top && top.level === level && top.node.ordered === ordered)) {
      const list: ListNode = { kind: 'list', ordered, items: [] };
      const parent = lists[lists.length - 1];
      if (parent) parent.node.items.at(-1)!.lists.push(list);
      else here.children.push(list);
      lists.push({ node: list, level });
    }
    lists[lists.length - 1]!.node.items.push({ index, lists: [] });
  });
  return root;
}
