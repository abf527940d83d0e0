import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { anchor, anchorAll } from '../../../src/anchoring/anchor.ts';
import { ANNOTATION_CONTEXT, type Annotation, type TextTarget } from '../../../src/anchoring/annotation-types.ts';
import { canonicalText } from '../../../src/anchoring/doc-text.ts';
import { carriedTarget, classifyLandings, countOutcomes, keptTarget, longestNonDecreasing, reviewRevision, type ReviewOutcome } from '../../../src/anchoring/revision-review.ts';
import { revisionIri, revisionOfTarget, revisionState, sha256OfRevisionIri } from '../../../src/anchoring/revision-state.ts';
import { parseAnnotations } from '../../../src/anchoring/selectors.ts';
import { diffAfter, diffBefore, wordDiff } from '../../../src/anchoring/word-diff.ts';
import { importText } from '../../../src/model/import-text.ts';
import { noteIfSchemasMissing, validateAnnotation } from '../../support/w3c-validator.ts';

const canonicalOf = (url: URL) => {
  const t = importText(readFileSync(url));
  return canonicalText(t.blocks, t.references);
};
const oldText = canonicalOf(new URL('../../../corpus/kavbiuro/text.txt', import.meta.url));
const newText = canonicalOf(new URL('../../fixtures/revisions/kavbiuro-revised.txt', import.meta.url));
const { annotations } = parseAnnotations(JSON.parse(readFileSync(new URL('../../../annotations/kavbiuro.jsonld', import.meta.url), 'utf8')), 'kavbiuro.jsonld');
const NEW = { sha256: 'a'.repeat(64), date: '2026-12-01T10:00:00Z', url: 'https://en.wikipedia.org/w/index.php?oldid=1' };
const OLD = { sha256: 'c80ad869a86c4c50d65be6d479d6863dfac9ef8a16810c5d39e8971f6a23e711' };

// What the fixture's README says each change does to the curated notes.
const expected: Record<string, ReviewOutcome> = {
  'lead-definition': 'reanchored', // reworded lead
  'founding-date': 'moved', // the founding paragraph moved after the quotation
  'ordzhonikidze-chairman': 'moved',
  'kirov-vice-chairman': 'moved',
  'independent-parties': 'moved',
  'ottoman-intervention': 'orphan', // the deleted sentence
  'british-intervention': 'orphan',
  'date-3-july-1920': 'reanchored', // the corrected date
  'reversed-two-days-later': 'reanchored',
  'stalin-narimanov-attribution': 'reanchored', // edited in place; its old wording planted elsewhere
};

describe('the review of the curated Kavbiuro notes on the revised fixture', () => {
  const items = reviewRevision(annotations, anchorAll(newText, annotations));

  test('every note has exactly one item, in the notes’ order, and each outcome is the one the change implies', () => {
    expect(items.map((i) => i.id)).toEqual(annotations.map((a) => a.id));
    for (const item of items) expect([item.id, item.outcome]).toEqual([item.id, expected[item.id.replace('urn:apparatus:kavbiuro:', '')] ?? 'unchanged']);
    expect(countOutcomes(items)).toEqual({ unchanged: 14, moved: 4, reanchored: 4, orphan: 2 });
  });

  test('the edited sentence lands on its edited words, not on the exact copy of its old wording', () => {
    const item = items.find((i) => i.id.endsWith('stalin-narimanov-attribution'))!;
    expect(item.after!.quote).toBe('Several Armenian historians attribute this to the intervention of Stalin and Nariman Narimanov');
    expect(newText.indexOf('"Some Armenian historians')).toBeGreaterThan(item.after!.end);
    expect(wordDiff(item.before.quote, item.after!.quote).filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'Some' },
      { kind: 'added', text: 'Several' },
      { kind: 'removed', text: 'have attributed' },
      { kind: 'added', text: 'attribute' },
    ]);
  });

  test('a re-anchored note shows its old quote and its new words; an orphan keeps its old passage and context', () => {
    const date = items.find((i) => i.id.endsWith('date-3-july-1920'))!;
    const diff = wordDiff(date.before.quote, date.after!.quote);
    expect(diffBefore(diff)).toBe('3 July 1920');
    expect(diffAfter(diff)).toBe('4 July 1921');
    const orphan = items.find((i) => i.id.endsWith('ottoman-intervention'))!;
    expect(orphan).toMatchObject({ after: null, before: { quote: 'This was prevented first through the intervention of the Ottoman Empire,' } });
    expect(orphan.before.prefix).toBe(oldText.slice(oldText.indexOf(orphan.before.quote) - orphan.before.prefix.length, oldText.indexOf(orphan.before.quote)));
  });

  test('a carried note re-anchors exactly on the new text and records the new revision; its other target fields stay', () => {
    for (const item of items.filter((i) => i.after)) {
      const a = annotations.find((x) => x.id === item.id)!;
      const target = carriedTarget({ ...(a.target as TextTarget), via: 'https://en.m.wikipedia.org/wiki/Kavbiuro' } as TextTarget, newText, item.after!.start, item.after!.end, NEW);
      expect(anchor(newText, target, a.id)).toMatchObject({ status: 'exact', start: item.after!.start, end: item.after!.end });
      expect(revisionOfTarget(target)).toEqual({ sha256: NEW.sha256, kept: false });
      expect(target).toMatchObject({ source: 'https://en.wikipedia.org/wiki/Kavbiuro', via: 'https://en.m.wikipedia.org/wiki/Kavbiuro' });
    }
  });
});

describe('classifyLandings', () => {
  test('in order: unchanged; out of order: moved; fuzzy: re-anchored; orphan stays orphan; no old position: unchanged', () => {
    expect(
      classifyLandings([
        { before: 0, status: 'exact', after: 5 },
        { before: 10, status: 'exact', after: 100 }, // moved far down
        { before: 20, status: 'exact', after: 25 },
        { before: 30, status: 'fuzzy', after: 31 },
        { before: 40, status: 'orphan', after: 0 },
        { before: null, status: 'exact', after: 3 },
        { before: 50, status: 'exact', after: 60 },
      ]),
    ).toEqual(['unchanged', 'moved', 'unchanged', 'reanchored', 'orphan', 'unchanged', 'unchanged']);
  });

  test('notes on the same passage keep their order: equal places are not moves', () => {
    expect(classifyLandings([{ before: 5, status: 'exact', after: 9 }, { before: 5, status: 'exact', after: 9 }, { before: 7, status: 'exact', after: 9 }])).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  test('property: longestNonDecreasing is non-decreasing, increasing in index, and as long as the quadratic answer', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 40 }), (values) => {
        const picked = longestNonDecreasing(values);
        for (let k = 1; k < picked.length; k++) {
          expect(picked[k]!).toBeGreaterThan(picked[k - 1]!);
          expect(values[picked[k]!]!).toBeGreaterThanOrEqual(values[picked[k - 1]!]!);
        }
        const best = values.map(() => 1);
        for (let i = 0; i < values.length; i++) for (let j = 0; j < i; j++) if (values[j]! <= values[i]!) best[i] = Math.max(best[i]!, best[j]! + 1);
        expect(picked.length).toBe(Math.max(0, ...best));
      }),
    );
  });
});

describe('the revision a note records', () => {
  test('a SHA-256 round-trips through its ni URI; anything else is refused or not read', () => {
    const iri = revisionIri(OLD.sha256);
    // RFC 6920: base64url without padding (the same as Node's Buffer gives).
    expect(iri).toBe('ni:///sha-256;yArYaahsTFDWW-bUedaGPfrJ74oWgQxdOeiXH2oj5xE');
    expect(sha256OfRevisionIri(iri)).toBe(OLD.sha256);
    expect(() => revisionIri('c80a')).toThrow(/not a SHA-256/);
    expect(sha256OfRevisionIri('urn:x')).toBeNull();
    expect(sha256OfRevisionIri('ni:///sha-256;short')).toBeNull();
  });

  test('a dated revision is a TimeState with sourceDate and cached; an undated one is a State with an id', () => {
    expect(revisionState(NEW)).toEqual({ id: revisionIri(NEW.sha256), type: 'TimeState', sourceDate: NEW.date, cached: NEW.url });
    expect(revisionState({ sha256: OLD.sha256, date: '3 July 1920' })).toEqual({ id: revisionIri(OLD.sha256) });
    expect(revisionState(OLD, true)).toEqual({ id: revisionIri(OLD.sha256), keptOnRevision: true });
  });

  test('a kept note keeps its selectors and says it was kept; a target without a State records no revision', () => {
    const target = annotations[0]!.target as TextTarget;
    expect(revisionOfTarget(target)).toBeNull();
    const kept = keptTarget(target, OLD);
    expect(kept.selector).toEqual(target.selector);
    expect(revisionOfTarget(kept)).toEqual({ sha256: OLD.sha256, kept: true });
  });

  const available = noteIfSchemasMissing();
  test.skipIf(!available)('notes carrying either State are valid W3C annotations, and read back unchanged', () => {
    const base = annotations.find((a) => a.id.endsWith('date-3-july-1920'))!;
    const start = newText.indexOf('4 July 1921');
    for (const target of [carriedTarget(base.target as TextTarget, newText, start, start + 11, NEW), keptTarget(base.target as TextTarget, OLD), carriedTarget(base.target as TextTarget, newText, start, start + 11, { sha256: NEW.sha256 })]) {
      const note: Annotation = { ...base, '@context': ANNOTATION_CONTEXT, target };
      expect(validateAnnotation(JSON.parse(JSON.stringify(note)))).toEqual([]);
      const read = parseAnnotations(JSON.parse(JSON.stringify(note)), 'note');
      expect(read.rejected).toEqual([]);
      expect(read.annotations[0]!.target).toEqual(target);
    }
  });
});
