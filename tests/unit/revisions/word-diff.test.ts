import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { diffAfter, diffBefore, wordDiff, wordTokens } from '../../../src/anchoring/word-diff.ts';

describe('wordDiff', () => {
  test('a corrected date differs in the changed words only, punctuation kept apart', () => {
    expect(wordDiff('endorsed by Kavbiuro on 3 July 1920, only to be reversed two days later', 'endorsed by Kavbiuro on 4 July 1921, only to be reversed the next day')).toEqual([
      { kind: 'same', text: 'endorsed by Kavbiuro on ' },
      { kind: 'removed', text: '3' },
      { kind: 'added', text: '4' },
      { kind: 'same', text: ' July ' },
      { kind: 'removed', text: '1920' },
      { kind: 'added', text: '1921' },
      { kind: 'same', text: ', only to be reversed ' },
      { kind: 'removed', text: 'two days later' },
      { kind: 'added', text: 'the next day' },
    ]);
  });

  test('a reworded lead: words replaced, the rest the same', () => {
    const parts = wordDiff('to supervise the subordination of Caucasia to the', 'to oversee the subordination of the Caucasus to the');
    expect(parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'supervise' },
      { kind: 'added', text: 'oversee' },
      { kind: 'removed', text: 'Caucasia' },
      { kind: 'added', text: 'the Caucasus' },
    ]);
  });

  test('identical passages are one same part; empty sides are all added or all removed', () => {
    expect(wordDiff('Kavbiuro meeting', 'Kavbiuro meeting')).toEqual([{ kind: 'same', text: 'Kavbiuro meeting' }]);
    expect(wordDiff('', 'new words')).toEqual([{ kind: 'added', text: 'new words' }]);
    expect(wordDiff('old words', '')).toEqual([{ kind: 'removed', text: 'old words' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  test('words of any script are tokens; combining marks stay with their letter', () => {
    expect(wordTokens('Карабах, «Nagorno»')).toEqual(['Карабах', ',', ' ', '«', 'Nagorno', '»']);
    expect(wordTokens('Cafe\u0301 x')).toEqual(['Cafe\u0301', ' ', 'x']);
  });

  test('property: the old and the new passage come back from the parts, no two neighbours of one kind', () => {
    const words = fc.constantFrom('Kavbiuro', 'July', '1920', '1921', ',', ' ', '  ', 'Karabagh', '"', '[2]', 'é', '\n');
    const passage = fc.array(words, { maxLength: 30 }).map((w) => w.join(''));
    fc.assert(
      fc.property(passage, passage, (a, b) => {
        const parts = wordDiff(a, b);
        expect(diffBefore(parts)).toBe(a);
        expect(diffAfter(parts)).toBe(b);
        for (let i = 1; i < parts.length; i++) expect(parts[i]!.kind).not.toBe(parts[i - 1]!.kind);
        for (const p of parts) expect(p.text).not.toBe('');
      }),
    );
  });

  test('the alignment is a longest common one: one inserted word is the only change', () => {
    expect(wordDiff('a b c d e', 'a b x c d e').filter((p) => p.kind !== 'same')).toEqual([{ kind: 'added', text: 'x ' }]);
  });
});
