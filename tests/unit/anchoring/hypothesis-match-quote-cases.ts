/**
 * The quote-matcher cases of Hypothesis's client, restated as data so that our `matchQuote` is held to them.
 * Source: github.com/hypothesis/client, `src/annotator/anchoring/test/match-quote-test.js` (19 tests); each case
 * names the test it restates in `from`. Their matcher and ours take the same arguments (text, quote, context with
 * prefix, suffix and a position hint) and return the same shape ({start, end, score} or null), so the inputs and
 * expected outputs carry over unchanged; only the wording here is ours.
 *
 * The two texts are the ones their tests use, with runs of whitespace collapsed to one space as they do.
 */

/** The opening of a novel (the test suite's `solitude` fixture). */
export const SOLITUDE =
  'Many years later, as he faced the firing squad, Colonel Aureliano Buendía was to remember that distant afternoon when his father took him to discover ice';

/** The opening of A Tale of Two Cities (the suite's `twoCities` fixture). */
export const TWO_CITIES =
  'It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season of Light, it was the season of Darkness, it was the spring of hope, it was the winter of despair, we had everything before us, we had nothing before us, we were all going direct to Heaven, we were all going direct the other way.';

export interface QuoteContextData {
  prefix?: string;
  suffix?: string;
  hint?: number;
}

export type HypothesisCase =
  /** The match must be found: its text is `slice`, it starts where `startsAt` first occurs (when given), and its
   *  score is exactly 1 (`score: 'one'`) or strictly between 0 and 1 (`'partial'`). */
  | { from: string; kind: 'match'; text: string; quote: string; context?: QuoteContextData; slice: string; startsAt?: string; score?: 'one' | 'partial' }
  /** No match at all (null). */
  | { from: string; kind: 'none'; text: string; quote: string }
  /** The scores must fall strictly as the varied input (quote, prefix or suffix) moves away from the text. */
  | { from: string; kind: 'ranking'; text: string; vary: 'quote' | 'prefix' | 'suffix'; quote?: string; values: string[] }
  /** Several equal candidates: the hint picks the one it is nearest to; without a hint, the first one. */
  | { from: string; kind: 'hints'; text: string; quote: string; candidates: { after: string; words: string }[] };

export const hypothesisCases: HypothesisCase[] = [
  { from: 'finds exact match', kind: 'match', text: SOLITUDE, quote: 'discover ice', slice: 'discover ice', score: 'one' },
  { from: 'finds best approximate match if there is no exact match', kind: 'match', text: SOLITUDE, quote: 'some years later', slice: 'Many years later', score: 'partial' },
  { from: 'scores matches based on quote similarity', kind: 'ranking', text: SOLITUDE, vary: 'quote', values: ['Many years later', 'Many yers later', 'Some years later', 'Some years after'] },
  {
    from: 'scores matches based on prefix similarity',
    kind: 'ranking',
    text: SOLITUDE,
    vary: 'prefix',
    quote: ', as he faced the firing squad',
    values: ['Many years later', 'Many yers later', 'Some years later', 'Some years after'],
  },
  {
    from: 'scores matches based on suffix similarity',
    kind: 'ranking',
    text: SOLITUDE,
    vary: 'suffix',
    quote: 'Many years later',
    values: [', as he faced the firing squad', ', as she faced the firing squad', ', as he awaited the firing squad', ', as he awaited his death'],
  },
  { from: 'returns `null` if there is no acceptable approximate match', kind: 'none', text: TWO_CITIES, quote: SOLITUDE },
  { from: 'returns `null` if quote is empty', kind: 'none', text: 'foobar', quote: '' },
  { from: 'returns `null` if text is empty', kind: 'none', text: '', quote: 'foobar' },
  // "finds match with best context match (0…7)": a quote standing several times is told apart by its context,
  // verbatim or approximate, before or after it.
  { from: 'finds match with best context match (0)', kind: 'match', text: TWO_CITIES, quote: 'before us', context: { prefix: 'we had everything' }, slice: 'before us', startsAt: 'before us, we had nothing' },
  { from: 'finds match with best context match (1)', kind: 'match', text: TWO_CITIES, quote: 'before us', context: { prefix: 'we had nothing' }, slice: 'before us', startsAt: 'before us, we were all going' },
  { from: 'finds match with best context match (2)', kind: 'match', text: TWO_CITIES, quote: 'before us', context: { prefix: 'we had every-thing' }, slice: 'before us', startsAt: 'before us, we had nothing' },
  { from: 'finds match with best context match (3)', kind: 'match', text: TWO_CITIES, quote: 'before us', context: { prefix: 'we had nout' }, slice: 'before us', startsAt: 'before us, we were all going' },
  { from: 'finds match with best context match (4)', kind: 'match', text: TWO_CITIES, quote: 'we had', context: { suffix: 'everything' }, slice: 'we had', startsAt: 'we had everything' },
  { from: 'finds match with best context match (5)', kind: 'match', text: TWO_CITIES, quote: 'we had', context: { suffix: 'nothing' }, slice: 'we had', startsAt: 'we had nothing' },
  { from: 'finds match with best context match (6)', kind: 'match', text: TWO_CITIES, quote: 'we had', context: { suffix: 'ever ting' }, slice: 'we had', startsAt: 'we had everything' },
  { from: 'finds match with best context match (7)', kind: 'match', text: TWO_CITIES, quote: 'we had', context: { suffix: 'nutting' }, slice: 'we had', startsAt: 'we had nothing' },
  {
    from: 'uses `hint` as a tie-breaker to choose between matches with close scores',
    kind: 'hints',
    text: TWO_CITIES,
    quote: 'befor us',
    // each candidate: `words` where they first follow `after`
    candidates: [
      { after: 'everything ', words: 'before us' },
      { after: 'nothing ', words: 'before us' },
    ],
  },
  { from: 'matches when prefix length is greater than the match start offset', kind: 'match', text: SOLITUDE, quote: 'years later', context: { prefix: 'It used to be many' }, slice: 'years later', startsAt: 'years later' },
  { from: 'matches when match ends at end of text and there is a non-empty suffix', kind: 'match', text: 'Some document text', quote: 'text', context: { suffix: 'missing' }, slice: 'text', startsAt: 'text' },
];
