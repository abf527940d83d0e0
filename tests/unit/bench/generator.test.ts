import { describe, expect, it } from 'vitest';
import search from 'approx-string-match';
import { canonicalText } from '../../../src/anchoring/doc-text.ts';
import { importText } from '../../../src/model/import-text.ts';
import { makeFixture, type Fixture } from '../../../bench/make-fixture.ts';
import { readCorpora } from '../../../bench/read-corpora.ts';
import { isRight } from '../../../bench/score-anchors.ts';

const corpora = readCorpora(process.cwd());
const small = (seed: number): Fixture => makeFixture(corpora!, { seed, targetBytes: 200_000, annotations: 1500 });

describe.skipIf(!corpora)('benchmark generator (needs ../shared/corpora)', () => {
  const f = small(7);
  const quote = (i: number) => f.book.canonical.slice(f.ranges[i]!.start, f.ranges[i]!.end);

  it('writes a book the importer reads back to the same canonical text, every marker resolved', () => {
    const imported = importText(f.book.file);
    expect(canonicalText(imported.blocks, imported.references)).toBe(f.book.canonical);
    expect(imported.problems.filter((p) => p.kind === 'missing-reference')).toEqual([]);
    expect(f.book.file.length).toBeGreaterThanOrEqual(200_000);
  });

  it('describes each annotation by its quote, 32-character context and position', () => {
    f.annotations.forEach((a, i) => {
      const r = f.ranges[i]!;
      const target = a.target as Exclude<typeof a.target, string>;
      expect(target.selector).toEqual([
        { type: 'TextQuoteSelector', exact: quote(i), prefix: f.book.canonical.slice(Math.max(0, r.start - 32), r.start), suffix: f.book.canonical.slice(r.end, r.end + 32) },
        { type: 'TextPositionSelector', start: r.start, end: r.end },
      ]);
      expect(quote(i)).not.toContain('\n');
    });
  });

  it('writes a revision the importer reads back to its canonical text, about 1% changed', () => {
    const imported = importText(f.revision.file);
    expect(canonicalText(imported.blocks, imported.references)).toBe(f.revision.canonical);
    expect(imported.problems.filter((p) => p.kind === 'missing-reference')).toEqual([]);
    expect(f.revision.stats.changedRatio).toBeGreaterThan(0.008);
    expect(f.revision.stats.changedRatio).toBeLessThan(0.02);
  });

  it('puts every annotation whose words were not edited on exactly its old quote in the revision', () => {
    let intact = 0;
    f.revision.truth.forEach((t, i) => {
      if (t.editRatio !== 0) return;
      intact++;
      expect(t.expect).toBe('anchor');
      expect(f.revision.canonical.slice(t.range!.start, t.range!.end)).toBe(quote(i));
    });
    expect(intact).toBeGreaterThan(f.ranges.length / 2);
  });

  it('puts lightly edited annotations on their edited words, within 30% of the quote in edit distance', () => {
    const edited = f.revision.truth.map((t, i) => [t, i] as const).filter(([t]) => t.expect === 'anchor' && t.editRatio > 0);
    expect(edited.length).toBeGreaterThan(50);
    for (const [t, i] of edited) {
      const now = f.revision.canonical.slice(t.range!.start, t.range!.end);
      expect(now).not.toBe(quote(i));
      const best = search(now, quote(i), quote(i).length)[0]!;
      expect(best.errors).toBeLessThanOrEqual(Math.ceil(quote(i).length * 0.3));
    }
  });

  it('makes orphans of deleted and rewritten quotes, moves one paragraph and copies old wording elsewhere', () => {
    const kinds = (k: string) => f.revision.truth.map((t, i) => [t, i] as const).filter(([t]) => t.kind === k);
    expect(kinds('deleted').length).toBeGreaterThan(0);
    for (const [t] of [...kinds('deleted'), ...kinds('rewritten')]) expect(t.expect).toBe('orphan');
    for (const [t] of kinds('deleted')) expect(t.range).toBeNull();
    expect(kinds('rewritten').length).toBeGreaterThanOrEqual(3);
    expect(kinds('moved').length).toBeGreaterThan(0);
    const copied = kinds('copied');
    expect(copied.length).toBeGreaterThanOrEqual(3);
    for (const [t, i] of copied) {
      const at = f.revision.canonical.indexOf(quote(i));
      expect(at).toBeGreaterThanOrEqual(0);
      // The exact old wording exists, but not where the annotation's (edited) words are.
      expect(isRight(t, { status: 'exact', start: at, end: at + quote(i).length }) && at === t.range!.start).toBe(false);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const again = small(7);
    expect(again.revision.file).toBe(f.revision.file);
    expect(again.annotations).toEqual(f.annotations);
    expect(small(8).revision.file).not.toBe(f.revision.file);
  });
});
