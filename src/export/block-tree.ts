/**
 * The structure the writers print around the body blocks: sections opened by headings and lists of list items,
 * nested as the blocks' `level`s say (imported-text.ts `Block`). The blocks themselves stay flat (the canonical
 * text and every offset are the same whatever the structure); this tree only says where a writer opens and closes
 * a division, a list or an item.
 *
 * - A heading of level L closes every open section of level ≥ L and opens its own. When the source skips a level
 *   (a level-4 heading right under a level-2 one), a section without a heading stands for the missing level, so
 *   that a nesting writer (TEI `div`) reads back the same levels.
 * - Consecutive list items form a list; an item of level n + 1 after one of level n opens a list inside that item.
 *   An item deeper than one level below the list it follows is taken one level below it (a list cannot skip a
 *   level without an item to hang on). An item whose `ordered` differs from its list's starts a new list beside it.
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
  let lists: ListNode[] = [];
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
    const level = Math.min(Math.max(1, block.level ?? 1), lists.length + 1);
    lists = lists.slice(0, level);
    if (lists.length === level && lists[level - 1]!.ordered !== ordered) lists = lists.slice(0, level - 1);
    if (lists.length < level) {
      const list: ListNode = { kind: 'list', ordered, items: [] };
      if (level === 1) here.children.push(list);
      else lists[level - 2]!.items.at(-1)!.lists.push(list);
      lists.push(list);
    }
    lists[level - 1]!.items.push({ index, lists: [] });
  });
  return root;
}
