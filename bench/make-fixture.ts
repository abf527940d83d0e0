/**
 * The whole benchmark input from one seed: the book, its annotations, the revision and the ground truth.
 * Pure: corpus texts in; the same seed and corpora always give the same fixture.
 */
import type { Annotation } from '../src/anchoring/annotation-types.ts';
import { makeAnnotations, type AnnotatedRange } from './make-annotations.ts';
import { makeBook, type Book, type BookCorpus } from './make-book.ts';
import { makeRevision, type Revision, type RevisionOptions } from './make-revision.ts';
import { createRng } from './prng.ts';

/** Options of `makeFixture`. */
export interface FixtureOptions {
  seed: number;
  /** Size of the book file in UTF-8 bytes (at least). */
  targetBytes: number;
  /** Number of annotations. */
  annotations: number;
  /** The corpus used once (default `new-zealand`). */
  uniqueCorpus?: string;
  /** IRI the annotations target. */
  source?: string;
  revision?: RevisionOptions;
}

/** Everything one benchmark run measures against. */
export interface Fixture {
  book: Book;
  annotations: Annotation[];
  ranges: AnnotatedRange[];
  revision: Revision;
  source: string;
}

/** Default IRI of the benchmark work. */
export const BENCH_SOURCE = 'urn:apparatus:work:bench-book';

/** Builds the fixture; see `makeBook`, `makeAnnotations`, `makeRevision` for what may throw. */
export function makeFixture(corpora: readonly BookCorpus[], options: FixtureOptions): Fixture {
  const source = options.source ?? BENCH_SOURCE;
  const book = makeBook(corpora, { targetBytes: options.targetBytes, uniqueCorpus: options.uniqueCorpus ?? 'new-zealand' });
  const { annotations, ranges } = makeAnnotations(book, options.annotations, createRng(options.seed), source);
  const revision = makeRevision(book, ranges, createRng(options.seed ^ 0x5bd1e995), options.revision);
  return { book, annotations, ranges, revision, source };
}
