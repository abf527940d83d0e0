import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { makeFixture } from '../../../bench/make-fixture.ts';
import { readCorpora } from '../../../bench/read-corpora.ts';
import { scoreAnchors } from '../../../bench/score-anchors.ts';
import { anchorAll } from '../../../src/anchoring/anchor.ts';

const corpora = readCorpora(fileURLToPath(new URL('../../../', import.meta.url)));

// Accuracy only: timing belongs to the benchmark (npm run bench), not to tests.
describe.skipIf(corpora === null)('re-anchoring on the benchmark revision (skipped: ../shared/corpora absent)', () => {
  test.each([11, 12])('seed %i: ≥ 99 % right overall, every deleted passage orphaned, every unchanged one exact', (seed) => {
    const fx = makeFixture(corpora!, { seed, targetBytes: 400_000, annotations: 3000 });
    const ids = fx.annotations.map((a) => a.id);
    const anchors = anchorAll(fx.revision.canonical, fx.annotations);
    const accuracy = scoreAnchors(ids, fx.revision.truth, anchors);
    expect(accuracy.accuracy, JSON.stringify(accuracy.byKind)).toBeGreaterThanOrEqual(0.99);
    expect(accuracy.byKind.deleted.right).toBe(accuracy.byKind.deleted.total);
    expect(accuracy.byKind.moved.right).toBe(accuracy.byKind.moved.total);
    fx.revision.truth.forEach((t, i) => {
      if (t.kind === 'unchanged') expect(anchors.get(ids[i]!)!.status).toBe('exact');
    });
    // Edited passages whose old wording stands verbatim elsewhere land on the edited words, not on the copy.
    expect(accuracy.byKind.copied.right / Math.max(1, accuracy.byKind.copied.total)).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
