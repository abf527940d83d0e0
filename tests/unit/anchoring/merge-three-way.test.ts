import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { conflictCopyId, sameAnnotation } from '../../../src/anchoring/merge-annotations.ts';
import { describeThreeWay, mergeThreeWay, type ConflictCopy } from '../../../src/anchoring/merge-three-way.ts';

const note = (id: string, value: string): Annotation => ({
  id,
  type: 'Annotation',
  motivation: 'commenting',
  created: '2026-01-01T00:00:00Z',
  body: [{ type: 'TextualBody', value }],
  target: { source: 'https://example.org/work', selector: [{ type: 'TextQuoteSelector', exact: 'words' }] },
});
const ids = (list: readonly Annotation[]) => list.map((a) => a.id);
const bodyOf = (a: Annotation | undefined) => (a?.body?.[0] as { value?: string } | undefined)?.value;

describe('mergeThreeWay: the case table', () => {
  const A = note('urn:a', 'A');
  const B = note('urn:b', 'B');

  test('added on ours / added on theirs: both kept, theirs after ours', () => {
    const r = mergeThreeWay([A], [A, note('urn:mine', 'mine')], [A, note('urn:theirs', 'theirs')]);
    expect(ids(r.annotations)).toEqual(['urn:a', 'urn:mine', 'urn:theirs']);
    expect(r.report.fromTheirs).toEqual(['urn:theirs']);
    expect(r.changedOurs).toBe(true);
    expect(r.sameAsTheirs).toBe(false);
  });

  test('the same note added on both sides is kept once, no conflict', () => {
    const r = mergeThreeWay([], [note('urn:n', 'same')], [note('urn:n', 'same')]);
    expect(ids(r.annotations)).toEqual(['urn:n']);
    expect(r.report.conflicts).toEqual([]);
    expect(r.changedOurs).toBe(false);
    expect(r.sameAsTheirs).toBe(true);
  });

  test('deleted on one side and unchanged on the other: deleted (either side)', () => {
    const deletedHere = mergeThreeWay([A, B], [A], [A, B]);
    expect(ids(deletedHere.annotations)).toEqual(['urn:a']);
    expect(deletedHere.changedOurs).toBe(false);
    const deletedThere = mergeThreeWay([A, B], [A, B], [A]);
    expect(ids(deletedThere.annotations)).toEqual(['urn:a']);
    expect(deletedThere.report.deletedByTheirs).toEqual(['urn:b']);
  });

  test('changed on one side only: that change is taken', () => {
    const here = mergeThreeWay([A], [note('urn:a', 'A2')], [A]);
    expect(bodyOf(here.annotations[0])).toBe('A2');
    expect(here.report).toEqual({ fromTheirs: [], changedByTheirs: [], deletedByTheirs: [], restoredFromTheirs: [], keptChangedHere: [], conflicts: [] });
    const there = mergeThreeWay([A], [A], [note('urn:a', 'A3')]);
    expect(bodyOf(there.annotations[0])).toBe('A3');
    expect(there.report.changedByTheirs).toEqual(['urn:a']);
  });

  test('changed on both sides, differently: both kept side by side; ours keeps the id, theirs gets a fresh one naming it in via', () => {
    const mine = note('urn:a', 'mine');
    const theirs = note('urn:a', 'theirs');
    const r = mergeThreeWay([A, B], [mine, B], [theirs, B]);
    expect(r.annotations).toHaveLength(3);
    expect(r.annotations[0]).toBe(mine);
    const copy = r.annotations[1] as ConflictCopy;
    expect(copy.id).toBe(conflictCopyId(theirs));
    expect(copy.id).toMatch(/^urn:apparatus:conflict:/);
    expect(copy.via).toBe('urn:a');
    expect(bodyOf(copy)).toBe('theirs');
    expect(r.annotations[2]).toBe(B);
    expect(r.report.conflicts).toEqual([{ id: 'urn:a', keptAs: copy.id, message: expect.stringContaining('changed both here and in the project file') }]);
  });

  test('the same change on both sides is no conflict', () => {
    const r = mergeThreeWay([A], [note('urn:a', 'X')], [note('urn:a', 'X')]);
    expect(r.annotations).toHaveLength(1);
    expect(r.report.conflicts).toEqual([]);
  });

  test('a conflict merged again (the copy already there) adds no second copy', () => {
    const first = mergeThreeWay([A], [note('urn:a', 'mine')], [note('urn:a', 'theirs')]);
    const again = mergeThreeWay([A], first.annotations, [note('urn:a', 'theirs')]);
    expect(again.annotations).toEqual(first.annotations);
    expect(again.report.conflicts).toEqual([]);
  });

  test('changed here, deleted there: ours kept (a change outlives a delete)', () => {
    const r = mergeThreeWay([A], [note('urn:a', 'A2')], []);
    expect(bodyOf(r.annotations[0])).toBe('A2');
    expect(r.report.keptChangedHere).toEqual(['urn:a']);
  });

  test('deleted here, changed there: theirs kept (a change outlives a delete)', () => {
    const r = mergeThreeWay([A], [], [note('urn:a', 'A3')]);
    expect(bodyOf(r.annotations[0])).toBe('A3');
    expect(r.report.restoredFromTheirs).toEqual(['urn:a']);
  });

  test('deleted on both sides: gone', () => {
    expect(mergeThreeWay([A, B], [A], [A]).annotations).toEqual([A]);
  });

  test('key order and a standalone @context do not make a change', () => {
    const reordered = { '@context': 'http://www.w3.org/ns/anno.jsonld', ...Object.fromEntries(Object.entries(A).reverse()) } as Annotation;
    expect(sameAnnotation(A, reordered)).toBe(true);
    const r = mergeThreeWay([A], [A], [reordered]);
    expect(r.annotations).toEqual([A]);
    expect(r.changedOurs).toBe(false);
  });

  test('describeThreeWay says what happened in words', () => {
    const r = mergeThreeWay([A, B], [note('urn:a', 'mine'), B], [note('urn:a', 'theirs'), B, note('urn:c', 'C')]);
    expect(describeThreeWay(r.report)).toBe('1 note added from the file, 1 conflict kept beside');
    expect(describeThreeWay(mergeThreeWay([], [], []).report)).toBe('');
  });
});

describe('mergeThreeWay: properties', () => {
  // Small worlds: a few ids, a few bodies, each side a random edit of the base.
  const world = fc.record({
    base: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 4 }),
    ours: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.constantFrom('0', '1', '2')), { maxLength: 5 }),
    theirs: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'f'), fc.constantFrom('0', '1', '2')), { maxLength: 5 }),
  });
  const build = (pairs: [string, string][]) => {
    const seen = new Set<string>();
    return pairs.filter(([id]) => !seen.has(id) && seen.add(id)).map(([id, v]) => note(`urn:${id}`, v));
  };

  test('nothing that either side added or changed is lost', () => {
    fc.assert(
      fc.property(world, ({ base: b, ours: o, theirs: t }) => {
        const base = b.map((id) => note(`urn:${id}`, '0'));
        const ours = build(o);
        const theirs = build(t);
        const { annotations } = mergeThreeWay(base, ours, theirs);
        const kept = (a: Annotation) => annotations.some((m) => sameAnnotation({ ...m, id: a.id, via: undefined } as Annotation, a));
        for (const side of [ours, theirs]) {
          for (const a of side) {
            const was = base.find((x) => x.id === a.id);
            if (!was || !sameAnnotation(was, a)) expect(kept(a)).toBe(true);
          }
        }
        expect(new Set(ids(annotations)).size).toBe(annotations.length);
      }),
    );
  });

  test('with theirs unchanged from base the result is ours; with ours unchanged it is theirs', () => {
    fc.assert(
      fc.property(world, ({ base: b, ours: o }) => {
        const base = b.map((id) => note(`urn:${id}`, '0'));
        const ours = build(o);
        expect(mergeThreeWay(base, ours, base).annotations).toEqual(ours);
        expect(ids(mergeThreeWay(base, base, ours).annotations).sort()).toEqual(ids(ours).sort());
      }),
    );
  });
});
