/**
 * The canonical text: what W3C selectors measure (DESIGN §1). Defined here once.
 *
 * The body blocks' texts (paragraphs, block quotations, headings and list items alike), then the reference entries
 * as `N. text`, joined by `\n\n`; each block trimmed, soft wraps as one space, every other character kept; footnote
 * markers literally (`[1]`, `[a]`, `[n 1]`). Links and flags are marks: they add no character. A work without
 * headings or lists (every plain-text work) reads exactly as it did before they existed. Offsets are UTF-16 code
 * units. `start`/`end` are canonical offsets; `from`/`to` (and `pos`) are ProseMirror positions.
 *
 * Pure: works on plain strings, or on a ProseMirror node through its structural API (type-only import).
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { ImportedText } from '../model/imported-text.ts';

/** The separator between blocks in the canonical text. */
export const BLOCK_SEPARATOR = '\n\n';

/** The canonical text of body blocks and reference entries given as plain data. */
export function canonicalText(blocks: readonly { text: string }[], references: readonly { label: string; text: string }[]): string {
  return [...blocks.map((b) => b.text), ...references.map((r) => referenceLine(r.label, r.text))].join(BLOCK_SEPARATOR);
}

/** How a reference entry reads in the canonical text. */
export function referenceLine(label: string, text: string): string {
  return text ? `${label}. ${text}` : `${label}.`;
}

/** A run of the canonical text tied to document positions. */
interface Segment {
  /** canonical offset where the run starts */
  start: number;
  /** its length in canonical characters */
  length: number;
  /** ProseMirror position of its first character */
  pos: number;
  /** one position wide whatever its length (a marker atom), or synthetic text with no positions (`N. `) */
  kind: 'text' | 'atom' | 'synthetic';
}

/** The canonical text of a document with the maps between canonical offsets and ProseMirror positions. */
export class DocText {
  private constructor(
    /** the canonical text */
    readonly text: string,
    private readonly segments: readonly Segment[],
    /** canonical offset where each top-level block's text starts (body blocks, then reference entries) */
    readonly blockStarts: readonly number[],
  ) {}

  /** Reads a document of the Apparatus schema (textblocks, `marker` atoms, `references` of `reference` entries). */
  static fromDoc(doc: PMNode): DocText {
    const parts: string[] = [];
    const segments: Segment[] = [];
    const blockStarts: number[] = [];
    let offset = 0;
    const addBlock = (block: PMNode, pos: number, prefix: string) => {
      if (blockStarts.length > 0) {
        parts.push(BLOCK_SEPARATOR);
        offset += BLOCK_SEPARATOR.length;
      }
      blockStarts.push(offset);
      if (prefix) {
        segments.push({ start: offset, length: prefix.length, pos: pos + 1, kind: 'synthetic' });
        parts.push(prefix);
        offset += prefix.length;
      }
      block.forEach((child, childOffset) => {
        const childPos = pos + 1 + childOffset;
        const t = child.isText ? child.text! : child.isLeaf ? (child.type.spec.leafText?.(child) ?? '') : child.textContent;
        segments.push({ start: offset, length: t.length, pos: childPos, kind: child.isText ? 'text' : 'atom' });
        parts.push(t);
        offset += t.length;
      });
    };
    doc.forEach((child, childOffset) => {
      if (child.isTextblock) {
        addBlock(child, childOffset, '');
      } else {
        child.forEach((entry, entryOffset) => {
          const label = String(entry.attrs['label'] ?? '');
          const prefix = entry.content.size > 0 ? `${label}. ` : `${label}.`;
          addBlock(entry, childOffset + 1 + entryOffset, prefix);
        });
      }
    });
    return new DocText(parts.join(''), segments, blockStarts);
  }

  /**
   * The same maps for the document `buildDoc(imported)` would build (model/build-doc.ts), computed from the plain
   * data without building it: body blocks (of every kind) are top-level textblocks holding text and one-position
   * `marker` atoms where the citation list says (their text is the marker, `[label]`), then the `references` node of
   * textblock entries. Text runs are not split where claim, link or flag marks change, which no offset or position
   * depends on. Lets the load worker anchor without ProseMirror.
   */
  static fromImported(imported: Pick<ImportedText, 'blocks' | 'references' | 'citations'>): DocText {
    const parts: string[] = [];
    const segments: Segment[] = [];
    const blockStarts: number[] = [];
    let offset = 0;
    let pos = 0;
    const startBlock = () => {
      if (blockStarts.length > 0) {
        parts.push(BLOCK_SEPARATOR);
        offset += BLOCK_SEPARATOR.length;
      }
      blockStarts.push(offset);
    };
    const addText = (t: string, at: number) => {
      if (t.length === 0) return;
      segments.push({ start: offset, length: t.length, pos: at, kind: 'text' });
      offset += t.length;
    };
    const citations = isInDocumentOrder(imported.citations)
      ? imported.citations
      : [...imported.citations].sort((a, b) => a.block - b.block || a.offset - b.offset);
    let next = 0;
    imported.blocks.forEach((block, index) => {
      startBlock();
      parts.push(block.text);
      // Inside the block: text, marker atoms (one position each), text …
      let inner = pos + 1;
      let from = 0;
      while (next < citations.length && citations[next]!.block < index) next++;
      for (; next < citations.length && citations[next]!.block === index; next++) {
        const m = citations[next]!;
        const end = m.offset + m.label.length + 2;
        addText(block.text.slice(from, m.offset), inner);
        inner += m.offset - from;
        segments.push({ start: offset, length: end - m.offset, pos: inner, kind: 'atom' });
        offset += end - m.offset;
        inner += 1;
        from = end;
      }
      addText(block.text.slice(from), inner);
      inner += block.text.length - from;
      pos = inner + 1;
    });
    if (imported.references.length > 0) {
      let entry = pos + 1;
      for (const r of imported.references) {
        startBlock();
        const prefix = r.text ? `${r.label}. ` : `${r.label}.`;
        segments.push({ start: offset, length: prefix.length, pos: entry + 1, kind: 'synthetic' });
        parts.push(prefix, r.text);
        offset += prefix.length;
        addText(r.text, entry + 1);
        entry += r.text.length + 2;
      }
    }
    return new DocText(parts.join(''), segments, blockStarts);
  }

  /** Index of the last segment starting at or before `offset` (or -1). */
  private segmentAtOffset(offset: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.segments[mid]!.start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /**
   * The document position of canonical `offset`. `side` says which way an offset inside a marker, a synthetic
   * prefix or a block separator goes: -1 to the position before it (for a range start use 1, for an end -1 is
   * usual only for collapsed carets). Offsets outside the text are clamped.
   */
  toPos(offset: number, side: -1 | 1 = 1): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    // Prefer a segment that ends exactly here when mapping an end (side -1), one that starts here otherwise.
    let i = this.segmentAtOffset(o);
    if (i < 0) return this.segments[0]?.pos ?? 0;
    let seg = this.segments[i]!;
    if (side < 0 && seg.start === o && i > 0) {
      const prev = this.segments[i - 1]!;
      if (prev.start + prev.length === o && prev.kind !== 'synthetic') {
        i--;
        seg = prev;
      }
    }
    const inner = o - seg.start;
    if (inner > seg.length) {
      // In a separator after this segment: end of this block, or start of the next one.
      const next = this.segments[i + 1];
      if (side > 0 && next) return next.kind === 'synthetic' ? next.pos : next.pos;
      return this.segmentEndPos(seg);
    }
    switch (seg.kind) {
      case 'text':
        return seg.pos + inner;
      case 'atom':
        return inner === 0 ? seg.pos : inner >= seg.length ? seg.pos + 1 : side < 0 ? seg.pos : seg.pos + 1;
      case 'synthetic': {
        // An end (side -1) at the start of an entry's `N. ` prefix belongs to the block before it.
        const prev = this.segments[i - 1];
        return side < 0 && inner === 0 && prev ? this.segmentEndPos(prev) : seg.pos;
      }
    }
  }

  private segmentEndPos(seg: Segment): number {
    return seg.kind === 'text' ? seg.pos + seg.length : seg.kind === 'atom' ? seg.pos + 1 : seg.pos;
  }

  /** The canonical offset of document position `pos` (positions between blocks go to the nearest block edge). */
  toOffset(pos: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.segments[mid]!.pos <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return 0;
    // Synthetic prefixes share their position with the first real child: prefer the real child.
    const seg = this.segments[found]!;
    const inner = pos - seg.pos;
    switch (seg.kind) {
      case 'text':
        return seg.start + Math.min(inner, seg.length);
      case 'atom':
        return inner === 0 ? seg.start : seg.start + seg.length;
      case 'synthetic':
        return seg.start + seg.length;
    }
  }
}

/** Whether citations are sorted by block, then offset (as every importer gives them). */
function isInDocumentOrder(citations: ImportedText['citations']): boolean {
  for (let i = 1; i < citations.length; i++) {
    const a = citations[i - 1]!;
    const b = citations[i]!;
    if (b.block < a.block || (b.block === a.block && b.offset < a.offset)) return false;
  }
  return true;
}
