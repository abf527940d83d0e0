import { describe, expect, test } from 'vitest';
import { sentenceBreaks } from '../../../src/model/sentence-breaks.ts';

/** The sentences of `text` as strings. */
function sentences(text: string, language: string): string[] {
  const cuts = [0, ...sentenceBreaks(text, language), text.length];
  return cuts.slice(1).map((end, i) => text.slice(cuts[i], end).trim());
}

describe('sentence breaks in English', () => {
  test.each([
    ['Mr. Smith met Dr. Jones. They talked.', ['Mr. Smith met Dr. Jones.', 'They talked.']],
    ['Dwight D. Eisenhower spoke. Then he left.', ['Dwight D. Eisenhower spoke.', 'Then he left.']],
    ['The U.S. Army came. It stayed.', ['The U.S. Army came.', 'It stayed.']],
    ['See Smith et al. for details. Next.', ['See Smith et al. for details.', 'Next.']],
    ['It happened on Jan. 5. Nobody knew.', ['It happened on Jan. 5.', 'Nobody knew.']],
    ['Apples, pears, etc. Then plums.', ['Apples, pears, etc.', 'Then plums.']],
    ['It was founded in 1921. Then it grew.', ['It was founded in 1921.', 'Then it grew.']],
  ])('%s', (text, expected) => {
    expect(sentences(text, 'en')).toEqual(expected);
  });
});

describe('sentence breaks in German', () => {
  test.each([
    ['Am 6. November 1918 kam er. Dann ging er.', ['Am 6. November 1918 kam er.', 'Dann ging er.']],
    ['Seit Ende des 18. Jahrhunderts war es bekannt. Mehr nicht.', ['Seit Ende des 18. Jahrhunderts war es bekannt.', 'Mehr nicht.']],
    ['Es gab z. B. Raketen bzw. Granaten. Sonst nichts.', ['Es gab z. B. Raketen bzw. Granaten.', 'Sonst nichts.']],
    ['Siehe S. 7 und vgl. Nr. 12 im Anhang. Ende.', ['Siehe S. 7 und vgl. Nr. 12 im Anhang.', 'Ende.']],
    ['Das war eine neue Art. Danach kam mehr.', ['Das war eine neue Art.', 'Danach kam mehr.']],
    ['Man fand das Gen. Es war klein.', ['Man fand das Gen.', 'Es war klein.']],
    ['Das war 1944. Danach kam der Frieden.', ['Das war 1944.', 'Danach kam der Frieden.']],
  ])('%s', (text, expected) => {
    expect(sentences(text, 'de')).toEqual(expected);
  });

  test('an English text keeps its sentence end after a small number ("in 3. Then")', () => {
    expect(sentences('They scored 3. Then they left.', 'en')).toEqual(['They scored 3.', 'Then they left.']);
  });

  test('Cyrillic text falls back to Intl.Segmenter', () => {
    expect(sentences('Это Рим. Это Греция.', 'ru')).toEqual(['Это Рим.', 'Это Греция.']);
  });
});
