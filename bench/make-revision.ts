/**
 * The benchmark's revision of the book, with the ground truth of where every annotation's words went.
 *
 * About 1% of the characters change: light edits (a letter or two, a replaced, inserted or deleted word) inside
 * annotated quotes and elsewhere, whole quotes rewritten beyond recognition, one paragraph moved far away, one
 * paragraph deleted, and exact copies of lightly edited quotes' OLD wording placed elsewhere (the trap for a
 * matcher that trusts exactness over context and position). Deletions, moves and rewrites touch only the book's
 * unique passages (see make-book.ts) so that the truth is never ambiguous.
 *
 * Every character of the revision remembers the original offset it came from (-1 for new text); the truth of an
 * annotation follows from that map:
 * - its surviving characters are the original characters of [start, end) still present; they stay in one block,
 *   in order, so their span [first, last + 1) in the revision is where the annotation's words are;
 * - `lost` = original characters of the quote gone, `added` = new characters inside that span; their maximum
 *   over the quote's length is the edit ratio (about the edit distance, relative);
 * - up to `ANCHOR_MAX_EDIT` (0.3) the annotation must land on its span; when more than `ORPHAN_MIN_EDIT` (0.7) of
 *   its original characters are gone, or nothing survives (a deleted paragraph), it must be an orphan ("edited
 *   beyond recognition"); in between, where reasonable anchorers differ (a 12-character quote with a word
 *   inserted into it keeps all its words but is 80% edited), either is right: landing on its span or being an
 *   orphan. Landing on other words is wrong whatever the ratio.
 *
 * Pure: the book, the annotated ranges and a seeded generator in; plain data out.
 */
import { BLOCK_SEPARATOR, canonicalText } from '../src/anchoring/doc-text.ts';
import type { Block } from '../src/model/imported-text.ts';
import type { AnnotatedRange } from './make-annotations.ts';
import { renderFile, type Book } from './make-book.ts';
import type { Rng } from './prng.ts';

/** What happened to an annotation's words (for per-kind accuracy; the first that applies, in this order). */
export type TruthKind = 'deleted' | 'rewritten' | 'moved' | 'copied' | 'edited' | 'unchanged';

/** Up to this edit ratio an annotation must anchor on its words. */
export const ANCHOR_MAX_EDIT = 0.3;
/** When more than this share of an annotation's original characters is gone, it must be an orphan. */
export const ORPHAN_MIN_EDIT = 0.7;

/**
 * Where an annotation should land in the revision. `range` is the span of its surviving characters (null when none
 * survive); `expect` says whether it must land there, must be an orphan, or may do either (see the module comment).
 */
export interface Truth {
  range: { start: number; end: number } | null;
  expect: 'anchor' | 'orphan' | 'either';
  kind: TruthKind;
  /** max(lost, added) / quote length: 0 for words intact. */
  editRatio: number;
}

/** Counts of what the revision did. */
export interface RevisionStats {
  /** Characters substituted, inserted or deleted, the deleted paragraph and the copies (the move not counted). */
  changedChars: number;
  changedRatio: number;
  substitutions: number;
  insertions: number;
  deletions: number;
  rewrites: number;
  copies: number;
  movedChars: number;
  deletedChars: number;
}

/** The revised book with the truth for each annotated range (same order as the ranges). */
export interface Revision {
  file: string;
  canonical: string;
  blocks: Block[];
  truth: Truth[];
  stats: RevisionStats;
}

/** Options of `makeRevision`; the defaults are the benchmark's. */
export interface RevisionOptions {
  /** Fraction of the canonical text's characters to change (default 0.01). */
  changeRatio?: number;
  /** Quotes rewritten beyond recognition (default 30 per million characters). */
  rewrites?: number;
  /** Exact copies of lightly edited quotes' old wording placed elsewhere (default 40 per million characters). */
  copies?: number;
  /** Share of the light-edit budget spent inside annotated quotes (default 0.6). */
  insideShare?: number;
}

type CharOp = { start: number; end: number; text: string };

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const PURE_WORD = /^\p{L}{2,}$/u;

/**
 * Makes the revision. Deterministic for a given book, ranges and generator state.
 * @throws Error when the book has no unique passage with annotations to delete or move.
 */
export function makeRevision(book: Book, ranges: readonly AnnotatedRange[], rng: Rng, options: RevisionOptions = {}): Revision {
  const changeRatio = options.changeRatio ?? 0.01;
  const n = book.canonical.length;
  const touched = new Uint8Array(n + 1);
  const ops: CharOp[] = [];
  const stats: RevisionStats = {
    changedChars: 0, changedRatio: 0, substitutions: 0, insertions: 0, deletions: 0, rewrites: 0, copies: 0, movedChars: 0, deletedChars: 0,
  };
  const blockEnd = (b: number) => book.blockStarts[b]! + book.blocks[b]!.text.length;
  const blockOf = (offset: number) => {
    let lo = 0;
    let hi = book.blockStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (book.blockStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const free = (a: number, b: number) => {
    for (let i = Math.max(0, a - 1); i <= Math.min(n, b); i++) if (touched[i]) return false;
    return true;
  };
  const mark = (a: number, b: number) => {
    for (let i = Math.max(0, a - 1); i <= Math.min(n, b); i++) touched[i] = 1;
  };
  const addOp = (op: CharOp): boolean => {
    if (!free(op.start, op.end)) return false;
    mark(op.start, op.end);
    ops.push(op);
    return true;
  };

  // Block-level changes on unique passages that carry annotations.
  const annotatedBlocks = new Set(ranges.map((r) => r.block));
  const candidates = book.blocks
    .map((_b, i) => i)
    .filter((i) => book.uniqueBlocks[i] && annotatedBlocks.has(i) && book.blocks[i]!.text.length >= 300 && book.blocks[i]!.text.length <= 1500);
  if (candidates.length < 2) throw new Error('makeRevision: need two unique annotated paragraphs of 300–1500 characters');
  const deletedBlock = rng.pick(candidates);
  const movedBlock = rng.pick(candidates.filter((i) => i !== deletedBlock));
  mark(book.blockStarts[deletedBlock]!, blockEnd(deletedBlock));
  stats.deletedChars = book.blocks[deletedBlock]!.text.length;
  stats.movedChars = book.blocks[movedBlock]!.text.length;

  const vocabulary = [...new Set(book.canonical.match(/\p{L}{3,10}/gu) ?? [])].sort();
  const byLength = new Map<number, string[]>();
  for (const v of vocabulary) byLength.set(v.length, [...(byLength.get(v.length) ?? []), v]);
  const wordsIn = (a: number, b: number) => {
    const out: { start: number; end: number }[] = [];
    const re = /\S+/g;
    re.lastIndex = a;
    for (let m = re.exec(book.canonical); m && m.index + m[0].length <= b; m = re.exec(book.canonical)) {
      if (PURE_WORD.test(m[0])) out.push({ start: m.index, end: m.index + m[0].length });
    }
    return out;
  };
  const lightEdit = (a: number, b: number): boolean => {
    const words = wordsIn(a, b);
    if (words.length === 0) return false;
    const w = rng.pick(words);
    const r = rng.next();
    if (r < 0.35) {
      const k = Math.min(rng.int(1, 2), w.end - w.start);
      const at = rng.int(w.start, w.end - k);
      let text = '';
      for (let i = 0; i < k; i++) {
        const old = book.canonical[at + i]!.toLowerCase();
        let c = rng.pick([...LETTERS]);
        if (c === old) c = LETTERS[(LETTERS.indexOf(c) + 1) % 26]!;
        text += c;
      }
      if (addOp({ start: at, end: at + k, text })) return (stats.substitutions++, true);
    } else if (r < 0.6) {
      if (w.end - w.start > 10) return false;
      const len = w.end - w.start;
      const text = rng.pick(byLength.get(Math.max(3, Math.min(10, len + rng.int(-2, 2))))!);
      if (text !== book.canonical.slice(w.start, w.end) && addOp({ start: w.start, end: w.end, text })) return (stats.substitutions++, true);
    } else if (r < 0.8) {
      if (addOp({ start: w.end, end: w.end, text: ` ${rng.pick(vocabulary)}` })) return (stats.insertions++, true);
    } else if (w.end - w.start <= 8 && book.canonical[w.end] === ' ' && blockOf(w.end + 1) === blockOf(w.start)) {
      if (addOp({ start: w.start, end: w.end + 1, text: '' })) return (stats.deletions++, true);
    }
    return false;
  };
  const changed = () => ops.reduce((s, o) => s + Math.max(o.end - o.start, o.text.length), 0) + stats.deletedChars;
  const budget = Math.round(n * changeRatio);

  // Quotes rewritten beyond recognition (unique passages only, no markers inside).
  const rewriteTargets = ranges
    .map((_r, i) => i)
    .filter((i) => {
      const r = ranges[i]!;
      const len = r.end - r.start;
      return book.uniqueBlocks[r.block] && r.block !== deletedBlock && len >= 20 && len <= 200 && !book.canonical.slice(r.start, r.end).includes('[');
    });
  for (let tries = 0; stats.rewrites < (options.rewrites ?? Math.max(3, Math.round((30 * n) / 1e6))) && tries < 10_000 && rewriteTargets.length > 0; tries++) {
    const r = ranges[rng.pick(rewriteTargets)]!;
    let text = '';
    while (text.length < r.end - r.start) text += (text ? ' ' : '') + rng.pick(vocabulary).toLowerCase().split('').reverse().join('');
    if (addOp({ start: r.start, end: r.end, text: text.slice(0, r.end - r.start).trimEnd() + 'x' })) stats.rewrites++;
  }

  // Light edits inside annotated quotes; remember which quotes they hit, for the copies.
  const edited: number[] = [];
  const insideBudget = budget * (options.insideShare ?? 0.6);
  for (let tries = 0; changed() < insideBudget && tries < 200_000; tries++) {
    const i = rng.int(0, ranges.length - 1);
    const r = ranges[i]!;
    if (r.block === deletedBlock) continue;
    if (lightEdit(r.start, r.end)) edited.push(i);
  }

  // Exact copies of edited quotes' old wording: half as new paragraphs, half at the end of another paragraph.
  const copyParagraphs: { before: number; text: string }[] = [];
  const copyable = edited.filter((i) => {
    const r = ranges[i]!;
    return r.end - r.start >= 20 && r.end - r.start <= 150;
  });
  for (let tries = 0; stats.copies < (options.copies ?? Math.max(3, Math.round((40 * n) / 1e6))) && tries < 10_000 && copyable.length > 0; tries++) {
    const r = ranges[rng.pick(copyable)]!;
    const quote = book.canonical.slice(r.start, r.end);
    let target = rng.int(1, book.blocks.length - 2);
    if (Math.abs(target - r.block) < 20 || target === deletedBlock || target === movedBlock) continue;
    if (rng.chance(0.5) && !/^\d+\.\s/.test(quote)) {
      copyParagraphs.push({ before: target, text: quote });
      stats.copies++;
    } else if (addOp({ start: blockEnd(target), end: blockEnd(target), text: ` ${quote}` })) {
      stats.copies++;
    } else {
      target = -1;
    }
  }

  // Light edits anywhere until the budget is spent.
  for (let tries = 0; changed() + copyParagraphs.reduce((s, c) => s + c.text.length, 0) < budget && tries < 200_000; tries++) {
    const b = rng.int(0, book.blocks.length - 1);
    if (b === deletedBlock) continue;
    const at = book.blockStarts[b]! + rng.int(0, book.blocks[b]!.text.length);
    lightEdit(at, Math.min(blockEnd(b), at + 40));
  }

  // Apply the character edits block by block, keeping each character's origin.
  ops.sort((x, y) => x.start - y.start || x.end - y.end);
  type Piece = { text: string; origin: Int32Array };
  const pieces: Piece[] = [];
  let k = 0;
  book.blocks.forEach((block, b) => {
    const start = book.blockStarts[b]!;
    const end = start + block.text.length;
    let text = '';
    const origin: number[] = [];
    let at = start;
    while (k < ops.length && ops[k]!.start <= end) {
      const op = ops[k++]!;
      text += book.canonical.slice(at, op.start);
      for (let i = at; i < op.start; i++) origin.push(i);
      text += op.text;
      for (let i = 0; i < op.text.length; i++) origin.push(-1);
      at = op.end;
    }
    text += book.canonical.slice(at, end);
    for (let i = at; i < end; i++) origin.push(i);
    pieces.push({ text, origin: Int32Array.from(origin) });
  });

  // Block-level changes: copies as new paragraphs, the move, the deletion.
  const order: (Piece & { type: Block['type'] })[] = pieces.map((p, i) => ({ ...p, type: book.blocks[i]!.type }));
  const newParagraphs = new Map<number, { text: string }[]>();
  for (const c of copyParagraphs) newParagraphs.set(c.before, [...(newParagraphs.get(c.before) ?? []), c]);
  const withCopies: typeof order = [];
  order.forEach((p, i) => {
    for (const c of newParagraphs.get(i) ?? []) withCopies.push({ text: c.text, origin: new Int32Array(c.text.length).fill(-1), type: 'paragraph' });
    withCopies.push(p);
  });
  const moved = withCopies.find((p) => p === order[movedBlock])!;
  const deleted = order[deletedBlock]!;
  const rest = withCopies.filter((p) => p !== moved && p !== deleted);
  // Far away: a fifth to a half of the book from where it was, never last.
  const from = withCopies.indexOf(moved);
  const distance = Math.round(rest.length * (0.2 + 0.3 * rng.next()));
  const dest = Math.max(1, Math.min(rest.length - 1, from - distance >= 0 ? from - distance : from + distance));
  rest.splice(dest, 0, moved);

  const blocks: Block[] = rest.map((p) => ({ type: p.type, text: p.text }));
  const canonical = canonicalText(blocks, book.references);
  const refStart = book.blockStarts[book.blocks.length - 1]! + book.blocks[book.blocks.length - 1]!.text.length + BLOCK_SEPARATOR.length;
  const newRefStart = canonical.length - (n - refStart);
  const inverse = new Int32Array(n).fill(-1);
  let offset = 0;
  for (const p of rest) {
    for (let i = 0; i < p.origin.length; i++) if (p.origin[i]! >= 0) inverse[p.origin[i]!] = offset + i;
    offset += p.text.length + BLOCK_SEPARATOR.length;
  }
  for (let i = refStart; i < n; i++) inverse[i] = newRefStart + (i - refStart);

  const rewritten = new Set(ops.filter((o) => o.end - o.start >= 20).map((o) => o.start));
  const truth: Truth[] = ranges.map((r) => {
    let survivors = 0;
    let first = -1;
    let last = -1;
    for (let i = r.start; i < r.end; i++) {
      const j = inverse[i]!;
      if (j < 0) continue;
      survivors++;
      if (first < 0) first = j;
      last = j;
    }
    const len = r.end - r.start;
    const lost = len - survivors;
    const added = survivors > 0 ? last + 1 - first - survivors : 0;
    const editRatio = survivors > 0 ? Math.max(lost, added) / len : 1;
    const range = survivors > 0 ? { start: first, end: last + 1 } : null;
    const expect: Truth['expect'] = editRatio <= ANCHOR_MAX_EDIT ? 'anchor' : lost / len > ORPHAN_MIN_EDIT || !range ? 'orphan' : 'either';
    const quote = book.canonical.slice(r.start, r.end);
    const kind: TruthKind =
      r.block === deletedBlock ? 'deleted'
      : rewritten.has(r.start) && expect === 'orphan' ? 'rewritten'
      : r.block === movedBlock ? 'moved'
      : editRatio > 0 && (copyParagraphs.some((c) => c.text === quote) || ops.some((o) => o.text === ` ${quote}`)) ? 'copied'
      : editRatio > 0 ? 'edited'
      : 'unchanged';
    return { range, expect, kind, editRatio };
  });
  stats.changedChars = changed() + copyParagraphs.reduce((s, c) => s + c.text.length, 0);
  stats.changedRatio = stats.changedChars / n;
  return { file: renderFile(blocks, book.references), canonical, blocks, truth, stats };
}
