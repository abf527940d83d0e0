/**
 * The benchmark's annotations: W3C Web Annotations on ranges of the book's body, of varied lengths (a few words
 * to a couple of sentences), overlapping where chance puts them, many on passages that repeat elsewhere.
 * Pure: the book and a seeded generator in, plain data out.
 */
import type { Annotation } from '../src/anchoring/annotation-types.ts';
import type { Book } from './make-book.ts';
import type { Rng } from './prng.ts';

/** A canonical-text range [start, end) of the original book, inside one body block. */
export interface AnnotatedRange {
  start: number;
  end: number;
  block: number;
}

/** Annotations and the ranges they were made for (same order). */
export interface BenchAnnotations {
  annotations: Annotation[];
  ranges: AnnotatedRange[];
}

/** Width of the W3C TextQuoteSelector's prefix and suffix (DESIGN §1). */
export const CONTEXT_CHARS = 32;

/** The W3C target of canonical range [start, end): a quote with 32-character context and a position selector. */
export function targetOf(canonical: string, start: number, end: number, source: string): Annotation['target'] {
  return {
    source,
    selector: [
      {
        type: 'TextQuoteSelector',
        exact: canonical.slice(start, end),
        prefix: canonical.slice(Math.max(0, start - CONTEXT_CHARS), start),
        suffix: canonical.slice(end, end + CONTEXT_CHARS),
      },
      { type: 'TextPositionSelector', start, end },
    ],
  };
}

/** How many words an annotation spans: mostly a few words, often a sentence, sometimes two. */
function wordCount(rng: Rng): number {
  const r = rng.next();
  if (r < 0.55) return rng.int(3, 7);
  if (r < 0.9) return rng.int(10, 30);
  return rng.int(30, 70);
}

/**
 * Makes `count` annotations on the body of `book`, each starting and ending on word edges inside one block.
 * Blocks are chosen in proportion to their length. Ids are `urn:apparatus:bench:<n>`.
 */
export function makeAnnotations(book: Book, count: number, rng: Rng, source: string): BenchAnnotations {
  const cumulative: number[] = [];
  let total = 0;
  for (const b of book.blocks) {
    total += b.text.length;
    cumulative.push(total);
  }
  const wordsOf = new Map<number, { start: number; end: number }[]>();
  const words = (block: number) => {
    let list = wordsOf.get(block);
    if (!list) {
      list = [...book.blocks[block]!.text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
      wordsOf.set(block, list);
    }
    return list;
  };
  const annotations: Annotation[] = [];
  const ranges: AnnotatedRange[] = [];
  while (ranges.length < count) {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    const list = words(lo);
    if (list.length < 3) continue;
    const n = Math.min(wordCount(rng), list.length);
    const first = rng.int(0, list.length - n);
    const start = book.blockStarts[lo]! + list[first]!.start;
    const end = book.blockStarts[lo]! + list[first + n - 1]!.end;
    const i = ranges.length;
    ranges.push({ start, end, block: lo });
    annotations.push({
      id: `urn:apparatus:bench:${i}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: '2026-01-01T00:00:00Z',
      creator: { type: 'Software', name: 'Apparatus benchmark generator' },
      body: [{ type: 'TextualBody', value: `Benchmark note ${i}.`, format: 'text/plain' }],
      target: targetOf(book.canonical, start, end, source),
    });
  }
  return { annotations, ranges };
}
