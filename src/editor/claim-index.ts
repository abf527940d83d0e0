/**
 * Where each claim lies in a document: claim marks → sorted position ranges, for caret look-up and navigation.
 * Computed once per document (the text never changes in the reader) and cached by document identity.
 */
import type { Node as PMNode } from 'prosemirror-model';

/** A claim's span in document positions. */
export interface ClaimRange {
  id: string;
  from: number;
  to: number;
}

const cache = new WeakMap<PMNode, ClaimIndex>();

/** Claim ranges of a document in document order, with O(log n) look-up by position. */
export class ClaimIndex {
  private readonly byId: Map<string, ClaimRange>;

  private constructor(readonly ranges: readonly ClaimRange[]) {
    this.byId = new Map(ranges.map((r) => [r.id, r]));
  }

  /** The index of `doc` (built on first use, unless `fromRanges` gave it already). */
  static of(doc: PMNode): ClaimIndex {
    const cached = cache.get(doc);
    if (cached) return cached;
    const blocks: PMNode[] = [];
    doc.forEach((block) => blocks.push(block));
    return ClaimIndex.fromRanges(doc, ClaimIndex.rangesOf(blocks, 0));
  }

  /**
   * The claim ranges of `blocks`, top-level nodes standing one after another from document position `start`, in
   * document order. A document loaded in slices is indexed slice by slice this way (no task walks it whole).
   */
  static rangesOf(blocks: readonly PMNode[], start: number): ClaimRange[] {
    const open = new Map<string, ClaimRange>();
    const ranges: ClaimRange[] = [];
    let at = start;
    for (const block of blocks) {
      const base = at + 1;
      block.descendants((node, rel) => {
        if (!node.isInline) return true;
        const pos = base + rel;
        for (const mark of node.marks) {
          if (mark.type.name !== 'claim') continue;
          const id = mark.attrs['id'] as string;
          const range = open.get(id);
          if (range && range.to === pos) range.to = pos + node.nodeSize;
          else if (!range) {
            const r = { id, from: pos, to: pos + node.nodeSize };
            open.set(id, r);
            ranges.push(r);
          }
        }
        return false;
      });
      at += block.nodeSize;
    }
    return ranges;
  }

  /** Makes (and keeps, as `of(doc)`) the index of `doc` from its claim ranges, e.g. gathered by `rangesOf`. */
  static fromRanges(doc: PMNode, ranges: ClaimRange[]): ClaimIndex {
    ranges.sort((a, b) => a.from - b.from);
    const index = new ClaimIndex(ranges);
    cache.set(doc, index);
    return index;
  }

  /** The range of claim `id`, or null. */
  get(id: string): ClaimRange | null {
    return this.byId.get(id) ?? null;
  }

  /**
   * The claim at `pos`: the one with from ≤ pos < to, else one ending exactly at pos (a caret just after a claim's
   * last character still reads that claim). Null between blocks or where no claim is.
   */
  at(pos: number): ClaimRange | null {
    const i = this.lastStartingAtOrBefore(pos);
    if (i < 0) return null;
    const r = this.ranges[i]!;
    if (pos < r.to) return r;
    if (pos === r.to) return r;
    return null;
  }

  /** The first claim starting after `pos`, or null. */
  after(pos: number): ClaimRange | null {
    const i = this.lastStartingAtOrBefore(pos);
    return this.ranges[i + 1] ?? null;
  }

  /** The last claim starting before `pos`, or null. */
  before(pos: number): ClaimRange | null {
    const i = this.lastStartingAtOrBefore(pos - 1);
    return i >= 0 ? this.ranges[i]! : null;
  }

  private lastStartingAtOrBefore(pos: number): number {
    let lo = 0;
    let hi = this.ranges.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.ranges[mid]!.from <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
