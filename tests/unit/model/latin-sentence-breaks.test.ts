import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { latinSentenceBreaks } from '../../../src/model/latin-sentence-breaks.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
/** The oracle: what Intl.Segmenter reports. */
const icu = (text: string) => [...segmenter.segment(text)].map((s) => s.index).filter((i) => i > 0);

const supported = [
  ...'aAzZéÉßçÇñøØæŒœłŁşŞİıäöüÄÖÜ09 \u00A0\t\u202F',
  ...'.!?.."\'()[]{},-:;«»‘’‚“”„‹›–—…§%&/°·¡¿×ªµº−€′″\u2009',
];
const tricky = ['. ', '.) ', '." ', '?! ', '... ', 'e.g. ', 'U.S.', '3.5', 'Mr. a', '. 3 a', '.\u00A0A', '."[', ' (a.) B'];

describe('the Latin fast path agrees with Intl.Segmenter', () => {
  test('on random strings over the supported characters', () => {
    const unit = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...supported) }, { weight: 1, arbitrary: fc.constantFrom(...tricky) });
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), (text) => {
        expect(latinSentenceBreaks(text)).toEqual(icu(text));
      }),
      { numRuns: 3000 },
    );
  });

  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const dir = join(resolve(root, process.env['APPARATUS_SHARED'] ?? '../shared'), 'corpora');
  test.skipIf(!existsSync(dir))(`on every line of the corpora in ${dir} that it supports`, () => {
    let supportedLines = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        const fast = latinSentenceBreaks(line);
        if (fast === null) continue;
        supportedLines++;
        expect(fast, line.slice(0, 60)).toEqual(icu(line));
      }
    }
    expect(supportedLines).toBeGreaterThan(500);
  });

  test('declines texts outside the supported set', () => {
    expect(latinSentenceBreaks('Line one.\nLine two.')).toBeNull();
    expect(latinSentenceBreaks('Греция. Рим.')).toBeNull();
    expect(latinSentenceBreaks('soft\u00ADhyphen. Next')).toBeNull();
  });
});
