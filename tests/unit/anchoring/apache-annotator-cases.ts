/**
 * The text-quote and text-position matching cases of Apache Annotator, restated as data so that our anchoring is
 * held to them. Source: github.com/apache/incubator-annotator, `packages/dom/test/text-quote/match-cases.ts`
 * (25 cases) and `packages/dom/test/text-position/match-cases.ts` (7 cases); each case keeps its name there.
 *
 * Their cases are HTML fragments and DOM ranges; ours are the fragment's text content (what a W3C selector
 * measures there) and spans of it in UTF-16 code units [start, end). Their text-quote matcher lists every place
 * the selector fits; our `anchor` picks one (the best scoring, the first among equals when no position says
 * otherwise) or orphans the note, so a case passes when our one anchor is the first of their places, or when both
 * find nothing. Where our contract deliberately differs, `ours` says what we do instead and `why`; README
 * ("Anchoring") states the contract.
 */

export type Span = [start: number, end: number];

/** What our anchoring does instead of Apache's answer, and the reason. */
export interface Difference {
  /** our one anchor, or null for an orphan */
  ours: Span | null;
  why: string;
}

export interface ApacheQuoteCase {
  name: string;
  text: string;
  exact: string;
  prefix?: string;
  suffix?: string;
  /** every place Apache's matcher reports, in text order ([] = no match) */
  expected: Span[];
  differs?: Difference;
}

export interface ApachePositionCase {
  name: string;
  text: string;
  /** the selector, in Unicode code points as the W3C model requires */
  start: number;
  end: number;
  /** the range it selects, in UTF-16 code units */
  expected: Span;
}

const LOREM = 'lorem ipsum dolor amet yada yada';
/** The same words with an astral character (U+1F603, two UTF-16 code units) as the second character. */
const LOREM_EMOJI = 'l\u{1F603}rem ipsum dolor amet yada yada';

const CONTEXT_IS_EVIDENCE =
  'context is evidence, not a hard constraint: the quote stands verbatim where its context differs by a couple of characters, so the note is anchored there (as Hypothesis would)';
const CARET_WITHOUT_CONTEXT =
  'an empty quote with neither context nor position says nothing about where it is: an orphan, never a note placed at an arbitrary spot';

export const apacheQuoteCases: ApacheQuoteCase[] = [
  { name: 'simple', text: LOREM, exact: 'dolor am', expected: [[12, 20]] },
  { name: 'first characters', text: LOREM, exact: 'lorem ipsum', expected: [[0, 11]] },
  { name: 'last characters', text: LOREM, exact: 'yada yada', expected: [[23, 32]] },
  // In the HTML the words are split over <b>, <i> and <u>; the text content is the same.
  { name: 'across elements', text: LOREM, exact: 'dolor am', expected: [[12, 20]] },
  { name: 'exact element contents', text: LOREM, exact: 'ipsum dolor', expected: [[6, 17]] },
  // A <title> in <head> counts: its text runs straight into the body's.
  { name: 'text inside <head>', text: `The title${LOREM}`, exact: 'title', expected: [[4, 9]] },
  { name: 'two matches in one node', text: LOREM, exact: 'yada', expected: [[23, 27], [28, 32]] },
  { name: 'matches in multiple nodes', text: 'Match again and again and again!', exact: 'again', expected: [[6, 11], [16, 21], [26, 31]] },
  { name: 'overlapping matches in one node', text: 'bananas', exact: 'ana', expected: [[1, 4], [3, 6]] },
  { name: 'overlapping matches stretching multiple nodes', text: 'banananas', exact: 'anana', expected: [[1, 6], [3, 8]] },
  { name: 'no matches', text: LOREM, exact: 'holy grail', expected: [] },
  { name: 'with prefix', text: LOREM, exact: 'yada', prefix: 't ', expected: [[23, 27]] },
  { name: 'with suffix', text: LOREM, exact: 'o', suffix: 'l', expected: [[13, 14]] },
  { name: 'with prefix and suffix', text: LOREM, exact: 'o', prefix: 'l', suffix: 're', expected: [[1, 2]] },
  { name: 'with prefix and suffix, two matches', text: LOREM, exact: 'o', prefix: 'l', suffix: 'r', expected: [[1, 2], [15, 16]] },
  { name: 'with prefix, no matches', text: LOREM, exact: 'dolor', prefix: 'oopsum ', expected: [], differs: { ours: [12, 17], why: CONTEXT_IS_EVIDENCE } },
  { name: 'with suffix, no matches', text: LOREM, exact: 'dolor', suffix: ' amot', expected: [], differs: { ours: [12, 17], why: CONTEXT_IS_EVIDENCE } },
  // The suffix "a" disagrees with the text's " amet" from its first character: no evidence for this place.
  { name: 'with suffix, no matches due to whitespace', text: LOREM, exact: 'dolor', suffix: 'a', expected: [] },
  { name: 'with empty prefix and suffix', text: LOREM, exact: 'dolor am', prefix: '', suffix: '', expected: [[12, 20]] },
  // An empty quote fits between any two characters: six places in a five-character text.
  { name: 'empty quote', text: 'lorem', exact: '', expected: [0, 1, 2, 3, 4, 5].map((i): Span => [i, i]), differs: { ours: null, why: CARET_WITHOUT_CONTEXT } },
  { name: 'empty quote, multiple elements', text: 'lorem', exact: '', expected: [0, 1, 2, 3, 4, 5].map((i): Span => [i, i]), differs: { ours: null, why: CARET_WITHOUT_CONTEXT } },
  { name: 'empty quote, with prefix', text: LOREM, exact: '', prefix: 'dolor', expected: [[17, 17]] },
  { name: 'empty quote, with suffix', text: LOREM, exact: '', suffix: 'i', expected: [[6, 6]] },
  { name: 'empty quote, with prefix and suffix', text: LOREM, exact: '', prefix: 'lorem ', suffix: 'ipsum', expected: [[6, 6]] },
  { name: 'empty quote, no matches', text: LOREM, exact: '', prefix: 'X', expected: [] },
];

export const apachePositionCases: ApachePositionCase[] = [
  { name: 'simple', text: LOREM_EMOJI, start: 12, end: 20, expected: [13, 21] },
  { name: 'first characters', text: LOREM_EMOJI, start: 0, end: 11, expected: [0, 12] },
  { name: 'last characters', text: LOREM_EMOJI, start: 23, end: 32, expected: [24, 33] },
  { name: 'across elements', text: LOREM_EMOJI, start: 12, end: 20, expected: [13, 21] },
  // The range ends at the start of the text node after </i>: in the text content, right after "dolor".
  { name: 'exact element contents', text: LOREM_EMOJI, start: 6, end: 17, expected: [7, 18] },
  // Title text then body text, with nothing between them: "amet" ends the title.
  { name: 'text inside <head>', text: `l\u{1F603}rem ipsum dolor ametyada yada`, start: 18, end: 22, expected: [19, 23] },
  { name: 'empty quote', text: 'l\u{1F603}rem', start: 3, end: 3, expected: [4, 4] },
];
