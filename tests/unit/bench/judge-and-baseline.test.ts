import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { baselineAnchor, baselineMatch } from '../../../bench/hypothesis-baseline.ts';
import { targetOf } from '../../../bench/make-annotations.ts';
import { median, quantile, timeMedian } from '../../../bench/measure.ts';
import { isRight, scoreAnchors } from '../../../bench/score-anchors.ts';
import type { Truth } from '../../../bench/make-revision.ts';

const annotationOn = (text: string, start: number, end: number): Annotation => ({
  id: 'urn:test:1',
  type: 'Annotation',
  motivation: 'commenting',
  created: '2026-01-01T00:00:00Z',
  target: targetOf(text, start, end, 'urn:test:work'),
});

describe('the judge', () => {
  const truth: Truth = { range: { start: 10, end: 20 }, expect: 'anchor', kind: 'edited', editRatio: 0.1 };
  const gone: Truth = { range: null, expect: 'orphan', kind: 'deleted', editRatio: 1 };
  it('accepts an anchor overlapping the truth by at least half of the union, and no less', () => {
    expect(isRight(truth, { status: 'fuzzy', start: 10, end: 20 })).toBe(true);
    expect(isRight(truth, { status: 'fuzzy', start: 12, end: 22 })).toBe(true); // 8 / 12
    expect(isRight(truth, { status: 'fuzzy', start: 15, end: 26 })).toBe(false); // 5 / 16
    expect(isRight(truth, { status: 'exact', start: 30, end: 40 })).toBe(false);
  });
  it('wants an orphan exactly when the truth is an orphan', () => {
    expect(isRight(truth, { status: 'orphan', start: 10, end: 20 })).toBe(false);
    expect(isRight(gone, { status: 'orphan', start: 0, end: 0 })).toBe(true);
    expect(isRight(gone, { status: 'fuzzy', start: 10, end: 20 })).toBe(false);
    expect(isRight(truth, undefined)).toBe(false);
  });
  it('accepts an orphan or the right words, never other words, where the words were edited by 30–70%', () => {
    const half: Truth = { range: { start: 10, end: 20 }, expect: 'either', kind: 'edited', editRatio: 0.5 };
    expect(isRight(half, { status: 'orphan', start: 10, end: 20 })).toBe(true);
    expect(isRight(half, { status: 'fuzzy', start: 11, end: 20 })).toBe(true);
    expect(isRight(half, { status: 'exact', start: 100, end: 110 })).toBe(false);
  });
  it('counts right answers per kind', () => {
    const a = scoreAnchors(['a', 'b'], [truth, gone], new Map([['a', { status: 'exact' as const, start: 10, end: 20 }]]));
    expect(a.accuracy).toBe(0.5);
    expect(a.byKind.edited).toEqual({ right: 1, total: 1 });
    expect(a.byKind.deleted).toEqual({ right: 0, total: 1 });
    expect(a.wrong.deleted).toEqual(['b']);
  });
});

describe('the Hypothesis-style baseline', () => {
  const original = 'Alpha beta gamma delta. The quick brown fox jumps over the lazy dog. Epsilon zeta eta theta.';
  const start = original.indexOf('quick brown fox');
  const end = start + 'quick brown fox'.length;

  it('takes the position selector when the text there equals the quote', () => {
    expect(baselineAnchor(original, annotationOn(original, start, end))).toMatchObject({ status: 'exact', start, end, score: 1 });
  });

  it('finds a shifted quote by exact search, and an edited one by approximate search', () => {
    const shifted = `Prologue. ${original}`;
    expect(baselineAnchor(shifted, annotationOn(original, start, end))).toMatchObject({ start: start + 10, end: end + 10 });
    const edited = original.replace('quick brown fox', 'quick brawn fox');
    const r = baselineAnchor(edited, annotationOn(original, start, end));
    expect(r.status).toBe('fuzzy');
    expect(edited.slice(r.start, r.end)).toBe('quick brawn fox');
  });

  it('prefers an exact copy elsewhere over the edited passage in place (the weakness the benchmark measures)', () => {
    const edited = `${original.replace('quick brown fox', 'quick brawn fox')} Elsewhere: quick brown fox.`;
    const r = baselineAnchor(edited, annotationOn(original, start, end));
    expect(r.start).toBe(edited.lastIndexOf('quick brown fox'));
  });

  it('scores candidates by quote, context and position, and finds nothing in unrelated text', () => {
    const text = 'one two three. one two three.';
    const m = baselineMatch(text, 'two', { prefix: 'one ', suffix: ' three', hint: 19 });
    expect(m?.start).toBe(19);
    expect(baselineMatch('zzzz', 'quick brown fox', {})).toBeNull();
  });
});

describe('timing helpers', () => {
  it('take medians and nearest-rank quantiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(quantile([...Array(100).keys()].map((i) => i + 1), 0.95)).toBe(95);
    expect(() => median([])).toThrow();
  });
  it('runs a task once to warm up and then the asked number of times', () => {
    let calls = 0;
    const t = timeMedian(() => ++calls, 5);
    expect(calls).toBe(6);
    expect(t.runs).toHaveLength(5);
    expect(t.value).toBe(6);
  });
});
