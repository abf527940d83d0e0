import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { mergeAnnotations, sameAnnotation } from '../../../src/anchoring/merge-annotations.ts';

const note = (id: string, value: string, extra: Partial<Annotation> = {}): Annotation => ({
  id,
  type: 'Annotation',
  motivation: 'commenting',
  created: '2026-01-01T00:00:00Z',
  body: [{ type: 'TextualBody', value }],
  target: { source: 'https://example.org/work', selector: [{ type: 'TextQuoteSelector', exact: 'words' }] },
  ...extra,
});
const reply = (id: string, parent: string, value: string): Annotation => ({
  id,
  type: 'Annotation',
  motivation: 'replying',
  created: '2026-01-02T00:00:00Z',
  body: [{ type: 'TextualBody', value, purpose: 'replying' }],
  target: parent,
});

describe('mergeAnnotations', () => {
  test('new ids are added after the existing annotations, in the order they came', () => {
    const existing = [note('urn:a', 'A')];
    const { annotations, report } = mergeAnnotations(existing, [note('urn:c', 'C'), note('urn:b', 'B')]);
    expect(annotations.map((a) => a.id)).toEqual(['urn:a', 'urn:c', 'urn:b']);
    expect(report).toEqual({ added: ['urn:c', 'urn:b'], duplicates: [], conflicts: [], repointed: [], rejected: [] });
  });

  test('an identical annotation (key order and @context aside) is a duplicate and is skipped', () => {
    const existing = [note('urn:a', 'A')];
    const same = { '@context': 'http://www.w3.org/ns/anno.jsonld', ...Object.fromEntries(Object.entries(note('urn:a', 'A')).reverse()) } as Annotation;
    expect(sameAnnotation(existing[0]!, same)).toBe(true);
    const { annotations, report } = mergeAnnotations(existing, [same]);
    expect(annotations).toEqual(existing);
    expect(annotations[0]).toBe(existing[0]);
    expect(report.duplicates).toEqual(['urn:a']);
    expect(report.added).toEqual([]);
  });

  test('a same-id annotation with different content never replaces the existing one: it is kept beside it under a new id', () => {
    const existing = [note('urn:a', 'A')];
    const changed = note('urn:a', 'A, revised', { modified: '2026-02-01T00:00:00Z' });
    const { annotations, report } = mergeAnnotations(existing, [changed]);
    expect(annotations[0]).toBe(existing[0]);
    expect(annotations).toHaveLength(2);
    const copy = annotations[1]!;
    expect(copy.id).toMatch(/^urn:apparatus:conflict:[0-9a-f]{8}$/);
    expect({ ...copy, id: 'urn:a' }).toEqual(changed);
    expect(report.conflicts).toEqual([{ id: 'urn:a', keptAs: copy.id, message: expect.stringContaining('urn:a') }]);
    expect(report.conflicts[0]!.message).toContain(copy.id);
  });

  test('conflict ids are stable for the same import and distinct for different content', () => {
    const existing = [note('urn:a', 'A')];
    const once = mergeAnnotations(existing, [note('urn:a', 'B')]).report.conflicts[0]!.keptAs;
    const again = mergeAnnotations(existing, [note('urn:a', 'B')]).report.conflicts[0]!.keptAs;
    const other = mergeAnnotations(existing, [note('urn:a', 'C')]).report.conflicts[0]!.keptAs;
    expect(once).toBe(again);
    expect(other).not.toBe(once);
  });

  test('two different incoming versions of one id both survive, each under its own id', () => {
    const { annotations, report } = mergeAnnotations([note('urn:a', 'A')], [note('urn:a', 'B'), note('urn:a', 'C'), note('urn:a', 'B')]);
    expect(annotations.map((a) => (a.body![0] as { value: string }).value)).toEqual(['A', 'B', 'C']);
    expect(new Set(annotations.map((a) => a.id)).size).toBe(3);
    expect(report.conflicts).toHaveLength(2);
    // The second "B" is the version already kept aside: a duplicate, not a third copy.
    expect(report.duplicates).toEqual(['urn:a']);
  });

  test('replies that came with a renamed annotation follow it to its new id; replies to existing ones stay', () => {
    const existing = [note('urn:a', 'A')];
    const incoming = [note('urn:a', 'A elsewhere'), reply('urn:r1', 'urn:a', 'agreed'), reply('urn:r2', 'urn:x', 'not ours')];
    const { annotations, report } = mergeAnnotations(existing, incoming);
    const keptAs = report.conflicts[0]!.keptAs;
    expect(annotations.find((a) => a.id === 'urn:r1')!.target).toBe(keptAs);
    expect(annotations.find((a) => a.id === 'urn:r2')!.target).toBe('urn:x');
    expect(report.repointed).toEqual(['urn:r1']);
    // Listed before its parent, it still follows it.
    const early = mergeAnnotations(existing, [reply('urn:r0', 'urn:a', 'first'), note('urn:a', 'A elsewhere')]);
    expect(early.annotations.find((a) => a.id === 'urn:r0')!.target).toBe(early.report.conflicts[0]!.keptAs);
    expect(early.report.repointed).toEqual(['urn:r0']);
    // A reply arriving alone, to an annotation already in the store, stays on it.
    const alone = mergeAnnotations(existing, [reply('urn:r3', 'urn:a', 'later')]);
    expect(alone.annotations.at(-1)!.target).toBe('urn:a');
    expect(alone.report.repointed).toEqual([]);
  });

  test('importing the same conflicting file twice adds nothing the second time', () => {
    const first = mergeAnnotations([note('urn:a', 'A')], [note('urn:a', 'B'), reply('urn:r', 'urn:a', 'R')]);
    const second = mergeAnnotations(first.annotations, [note('urn:a', 'B'), reply('urn:r', 'urn:a', 'R')]);
    expect(second.annotations).toEqual(first.annotations);
    expect(second.report.added).toEqual([]);
    expect(second.report.duplicates).toEqual(['urn:a', 'urn:r']);
    expect(second.report.conflicts).toEqual([]);
  });

  test('rejects from the parser are carried into the report', () => {
    const rejected = [{ where: 'rows[6]', id: 'x', reason: 'a page note' }];
    expect(mergeAnnotations([], [], rejected).report.rejected).toEqual(rejected);
  });

  test('every incoming annotation is accounted for exactly once', () => {
    const existing = [note('urn:a', 'A'), note('urn:b', 'B')];
    const incoming = [note('urn:a', 'A'), note('urn:b', 'B2'), note('urn:c', 'C'), reply('urn:d', 'urn:c', 'D')];
    const { annotations, report } = mergeAnnotations(existing, incoming);
    expect(report.added.length + report.duplicates.length + report.conflicts.length).toBe(incoming.length);
    expect(annotations).toHaveLength(existing.length + report.added.length + report.conflicts.length);
  });

  test('property: nothing existing is changed or lost, every incoming one is accounted for, ids stay unique, a re-merge adds nothing', () => {
    const ids = fc.constantFrom('urn:a', 'urn:b', 'urn:c', 'urn:d', 'urn:e');
    const item = fc.oneof(
      fc.tuple(ids, fc.constantFrom('x', 'y')).map(([id, v]) => note(id, v)),
      fc.tuple(ids, ids, fc.constantFrom('x', 'y')).map(([id, parent, v]) => reply(id, parent, v)),
    );
    const existingArb = fc.uniqueArray(item, { selector: (a) => a.id, maxLength: 4 });
    fc.assert(
      fc.property(existingArb, fc.array(item, { maxLength: 8 }), (existing, incoming) => {
        const { annotations, report } = mergeAnnotations(existing, incoming);
        expect(annotations.slice(0, existing.length)).toEqual(existing);
        expect(report.added.length + report.duplicates.length + report.conflicts.length).toBe(incoming.length);
        expect(new Set(annotations.map((a) => a.id)).size).toBe(annotations.length);
        const again = mergeAnnotations(annotations, incoming);
        expect(again.annotations).toEqual(annotations);
        expect(again.report.added).toEqual([]);
        expect(again.report.conflicts).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
