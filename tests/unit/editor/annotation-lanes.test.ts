import { describe, expect, test } from 'vitest';
import { annotationDecorations, assignLanes, MAX_LANES } from '../../../src/editor/annotation-decorations.ts';
import { schema } from '../../../src/model/schema.ts';
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

describe('a deep pile of notes', () => {
  test('notes beyond MAX_LANES share the band lane; the drawn lanes still never overlap', () => {
    const entries = Array.from({ length: 300 }, (_, i) => entry(`n${i}`, 1 + (i % 7), 40 + (i % 5)));
    const lanes = assignLanes(entries);
    expect(Math.max(...lanes.values())).toBe(MAX_LANES);
    expect([...lanes.values()].filter((l) => l < MAX_LANES)).toHaveLength(MAX_LANES);
    expect(lanes.size).toBe(300);
  });

  test('a pile draws MAX_LANES highlights and one merged band per stretch, not one element per note', () => {
    const doc = schema.nodes['doc']!.create(null, [schema.nodes['paragraph']!.create(null, schema.text('x'.repeat(200)))]);
    const entries = [...Array.from({ length: 300 }, (_, i) => entry(`n${i}`, 1 + (i % 7), 40 + (i % 5))), entry('far', 100, 120)];
    const found = annotationDecorations(doc, entries).find();
    expect(found.filter((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs['data-annotation'])).toHaveLength(MAX_LANES + 1);
    const bands = found.filter((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs['class']?.includes('ap-note--more'));
    expect(bands.map((d) => [d.from, d.to])).toEqual([[1, 44]]);
  });
});
