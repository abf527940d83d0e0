import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { MIN_SHARED_PASSAGES, sharedPassageShare } from '../../../src/library/revision-check.ts';

const kavbiuro = readFileSync(new URL('../../../corpus/kavbiuro/text.txt', import.meta.url), 'utf8');
const revised = readFileSync(new URL('../../fixtures/revisions/kavbiuro-revised.txt', import.meta.url), 'utf8');
const DUCK = new URL('../../../../shared/corpora/duck.txt', import.meta.url);

describe('sharedPassageShare', () => {
  test('the hand-made Kavbiuro revision is a revision; the text itself shares everything', () => {
    expect(sharedPassageShare(kavbiuro, kavbiuro)).toBe(1);
    const share = sharedPassageShare(kavbiuro, revised);
    expect(share).toBeGreaterThan(MIN_SHARED_PASSAGES);
    expect(share).toBeLessThan(1);
  });

  test.skipIf(!existsSync(DUCK))('another article is not a revision (../shared/corpora/duck.txt)', () => {
    expect(sharedPassageShare(kavbiuro, readFileSync(DUCK, 'utf8'))).toBeLessThan(MIN_SHARED_PASSAGES);
  });

  test('case and punctuation do not count; a text shorter than one passage is compared whole', () => {
    expect(sharedPassageShare('One two three four five six.', 'ONE two, three - four five six')).toBe(1);
    expect(sharedPassageShare('Short text', 'a short text here')).toBe(1);
    expect(sharedPassageShare('Short text', 'nothing alike')).toBe(0);
    expect(sharedPassageShare('', 'anything')).toBe(0);
  });
});
