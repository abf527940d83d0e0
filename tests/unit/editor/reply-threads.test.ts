import { describe, expect, test } from 'vitest';
import type { AnnotationEntry } from '../../../src/editor/annotation-plugin.ts';
import { notesSnapshot, threadRoot } from '../../../src/editor/snapshot.ts';

const note = (id: string, target: string | null, created = '2026-01-01T00:00:00Z'): AnnotationEntry => ({
  annotation: {
    id,
    type: 'Annotation',
    motivation: target ? 'replying' : 'commenting',
    created,
    target: target ?? { source: 'w', selector: [{ type: 'TextPositionSelector', start: 0, end: 1 }] },
  },
  range: target ? null : { from: 1, to: 2 },
  status: target ? 'reply' : 'exact',
  score: 1,
});

describe('reply threads', () => {
  const entries = [
    note('top', null),
    note('r1', 'top', '2026-01-02T00:00:00Z'),
    note('r2', 'r1', '2026-01-03T00:00:00Z'),
    note('self', 'self'),
    note('a', 'b'),
    note('b', 'a'),
    note('lost', 'missing'),
  ];
  const byId = new Map(entries.map((e) => [e.annotation.id, e]));

  test('a reply to a reply belongs to the thread of the top note', () => {
    expect(threadRoot(byId, byId.get('r2')!)).toBe('top');
    const snap = notesSnapshot(byId, [], false, false);
    expect(snap.replies.get('top')!.map((e) => e.annotation.id)).toEqual(['r1', 'r2']);
  });

  test('loops and missing parents end nowhere: the replies are strays, kept and listed', () => {
    expect(threadRoot(byId, byId.get('self')!)).toBeNull();
    expect(threadRoot(byId, byId.get('a')!)).toBeNull();
    expect(threadRoot(byId, byId.get('lost')!)).toBeNull();
    const snap = notesSnapshot(byId, [], false, false);
    expect(snap.strays.map((e) => e.annotation.id).sort()).toEqual(['a', 'b', 'lost', 'self']);
    expect(snap.count).toBe(entries.length);
  });
});
