import fc from 'fast-check';
import { expect, test } from 'vitest';
import { QgramIndex } from '../../../src/anchoring/qgram-index.ts';

const textArb = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', ' ', 'e', 'f'), minLength: 50, maxLength: 3000 });

test('verbatimCandidates: null, or a place within 32 characters of every exact occurrence', () => {
  fc.assert(
    fc.property(textArb, fc.nat(), fc.integer({ min: 11, max: 80 }), (text, at, length) => {
      const start = at % Math.max(1, text.length - length);
      const quote = text.slice(start, start + length);
      const places = QgramIndex.of(text).verbatimCandidates(quote, 64);
      if (places === null) return;
      for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
        expect(places.some((p) => Math.abs(p - i) <= 32)).toBe(true);
      }
    }),
    { numRuns: 300 },
  );
});

test('verbatimCandidates: a quote made only of very common q-grams cannot be told apart: null', () => {
  const text = 'ab'.repeat(5000);
  expect(QgramIndex.of(text).verbatimCandidates('abababababababab', 64)).toBeNull();
  expect(QgramIndex.of(text).verbatimCandidates('short', 64)).toBeNull();
});

test('likelyStarts points at a passage that moved far away and was edited', () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i} `).join('');
  const passage = 'the committee reversed its decision two days later under pressure';
  const text = `${filler(3000)}${passage.replace('two days', 'three days')}${filler(500)}`;
  const at = text.indexOf('the committee');
  const starts = QgramIndex.of(text).likelyStarts(passage, 8);
  expect(starts.some((s) => Math.abs(s - at) <= 32)).toBe(true);
});
