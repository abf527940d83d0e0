import { describe, expect, test } from 'vitest';
import { assignLanes } from '../../../src/editor/annotation-decorations.ts';
import type { AnnotationEntry } from '../../../src/editor/annotation-plugin.ts';

const entry = (id: string, from: number, to: number): AnnotationEntry => ({
  annotation: { id, type: 'Annotation', motivation: 'commenting', created: '2026-01-01T00:00:00Z', target: 'x' },
  range: { from, to },
  status: 'exact',
  score: 1,
});

describe('annotation lanes', () => {
  test('overlapping notes never share a lane; disjoint ones reuse lane 0', () => {
    const entries = [entry('a', 1, 10), entry('b', 5, 15), entry('c', 12, 20), entry('d', 6, 8), entry('e', 30, 40)];
    const lanes = assignLanes(entries);
    for (const x of entries) {
      for (const y of entries) {
        if (x === y) continue;
        const overlap = x.range!.from < y.range!.to && y.range!.from < x.range!.to;
        if (overlap) expect(lanes.get(x.annotation.id)).not.toBe(lanes.get(y.annotation.id));
      }
    }
    expect(lanes.get('e')).toBe(0);
    expect(new Set(lanes.values()).size).toBe(3);
  });

  test('empty ranges and entries without a range get no lane', () => {
    const lanes = assignLanes([entry('a', 3, 3), { ...entry('b', 1, 2), range: null }]);
    expect(lanes.size).toBe(0);
  });
});
