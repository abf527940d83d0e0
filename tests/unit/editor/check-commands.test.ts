/**
 * Checking claims against their sources: a check is a note on the claim's words with the checked source as a
 * linking body and the outcome in `verification`; a checker's second check of the same source replaces the first;
 * the next unchecked claim is found after the caret.
 */
import { readFileSync } from 'node:fs';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, test } from 'vitest';
import { loadNotes, undoNotes, type NoteContext } from '../../../src/editor/annotation-commands.ts';
import { annotationsOf } from '../../../src/editor/annotation-plugin.ts';
import { checkClaim, checkDraftProblem, checksOn, nextUncheckedClaim, type CheckDraft } from '../../../src/editor/check-commands.ts';
import { ClaimIndex } from '../../../src/editor/claim-index.ts';
import { createReaderState } from '../../../src/editor/create-state.ts';
import { anchorAll } from '../../../src/anchoring/anchor.ts';
import { canonicalText } from '../../../src/anchoring/doc-text.ts';
import { parseAnnotations } from '../../../src/anchoring/selectors.ts';
import { buildDoc } from '../../../src/model/build-doc.ts';
import { importText } from '../../../src/model/import-text.ts';
import { noteIfSchemasMissing, validateAnnotation } from '../../support/w3c-validator.ts';

const imported = importText(readFileSync(new URL('../../../corpus/kavbiuro/text.txt', import.meta.url)));
const IRI = 'https://en.wikipedia.org/wiki/Kavbiuro';
const claimWith = (words: string) => imported.claims.find((c) => c.text.includes(words))!;
const sources = new Map(imported.claims.map((c) => [c.id, c.sources]));

function session() {
  let state: EditorState = createReaderState(buildDoc(imported));
  const run = (c: (s: EditorState, d?: (tr: Transaction) => void) => boolean) => c(state, (tr) => (state = state.apply(tr)));
  run(loadNotes([]));
  let n = 0;
  const ctx = (name: string, now = '2026-12-05T10:00:00Z'): NoteContext => ({ source: IRI, creator: { type: 'Person', name }, newId: () => `urn:uuid:test-${++n}`, now: () => now });
  return { get state() { return state; }, run, ctx };
}

const draft = (words: string, fields: Partial<CheckDraft> = {}): CheckDraft => ({
  claimId: claimWith(words).id, label: '1', status: 'verified', locator: 'p. 91', passage: 'created on 8 April 1920', ...fields,
});

describe('checkClaim', () => {
  test('records a check on the claim\'s words: W3C assessing note, the source as a CiTO link, the outcome and locator', () => {
    const s = session();
    expect(s.run(checkClaim(draft('8 April 1920', { citation: 'Altstadt 1992' }), s.ctx('R. Checker')))).toBe(true);
    const [entry] = [...annotationsOf(s.state).byId.values()];
    const a = entry!.annotation;
    expect(a).toMatchObject({ motivation: 'assessing', creator: { name: 'R. Checker' }, verification: { status: 'verified', locator: 'p. 91', passage: 'created on 8 April 1920' } });
    expect(a.body).toEqual([{ type: 'SpecificResource', source: `${IRI}#ref-1`, purpose: 'linking', relation: 'citesAsEvidence', citation: '[1] Altstadt 1992' }]);
    if (noteIfSchemasMissing()) expect(validateAnnotation(a)).toEqual([]);
    // It reads back through the store's own validator and anchors exactly on the claim.
    const parsed = parseAnnotations([a], 'check');
    expect(parsed.rejected).toEqual([]);
    const text = canonicalText(imported.blocks, imported.references);
    const anchor = anchorAll(text, parsed.annotations).get(a.id)!;
    expect(anchor.status).toBe('exact');
    expect(text.slice(anchor.start, anchor.end)).toBe(claimWith('8 April 1920').text);
    expect(checksOn(s.state).get(claimWith('8 April 1920').id)).toEqual([
      { annotationId: a.id, label: '1', status: 'verified', locator: 'p. 91', passage: 'created on 8 April 1920', checker: 'R. Checker', date: '2026-12-05' },
    ]);
  });

  test('the same checker\'s second check of a source replaces the first (id kept); another checker\'s stands beside it; undo works', () => {
    const s = session();
    s.run(checkClaim(draft('8 April 1920'), s.ctx('A')));
    s.run(checkClaim(draft('8 April 1920', { status: 'page-needed', locator: '' }), s.ctx('A', '2026-12-06T09:00:00Z')));
    s.run(checkClaim(draft('8 April 1920', { status: 'not-supported' }), s.ctx('B')));
    const checks = checksOn(s.state).get(claimWith('8 April 1920').id)!;
    expect(checks.map((c) => [c.checker, c.status]).sort()).toEqual([['A', 'page-needed'], ['B', 'not-supported']]);
    expect(annotationsOf(s.state).byId.size).toBe(2);
    const a = [...annotationsOf(s.state).byId.values()].find((e) => e.annotation.creator?.name === 'A')!.annotation;
    expect(a).toMatchObject({ created: '2026-12-05T10:00:00Z', modified: '2026-12-06T09:00:00Z', verification: { status: 'page-needed' } });
    expect(a.verification!.locator).toBeUndefined();
    expect(a.body![0]).toMatchObject({ relation: 'discusses' });
    s.run(undoNotes);
    s.run(undoNotes);
    expect(checksOn(s.state).get(claimWith('8 April 1920').id)!.map((c) => c.status)).toEqual(['verified']);
  });

  test('a claim without a source can be marked as needing one; drafts that do not fit are refused', () => {
    const s = session();
    const unsourced = claimWith('Some Armenian historians');
    expect(unsourced.sources).toEqual([]);
    expect(checkDraftProblem({ ...draft('Some Armenian historians'), label: null })).toMatch(/Choose the source/);
    expect(checkDraftProblem({ ...draft('Some Armenian historians'), status: 'needs-source' })).toMatch(/no source to check/);
    expect(s.run(checkClaim({ ...draft('Some Armenian historians'), label: null }, s.ctx('A')))).toBe(false);
    expect(s.run(checkClaim({ ...draft('Some Armenian historians'), claimId: 'c-no-such-claim' }, s.ctx('A')))).toBe(false);
    expect(s.run(checkClaim({ ...draft('Some Armenian historians'), label: null, status: 'needs-source', locator: '', passage: '' }, s.ctx('A')))).toBe(true);
    const [a] = [...annotationsOf(s.state).byId.values()].map((e) => e.annotation);
    expect(a!.body).toBeUndefined();
    if (noteIfSchemasMissing()) expect(validateAnnotation(a)).toEqual([]);
    expect(a!.verification).toEqual({ status: 'needs-source' });
  });
});

describe('nextUncheckedClaim', () => {
  test('steps to the next claim not yet checked after the caret, skipping checked ones, wrapping, false when all are', () => {
    const s = session();
    const index = ClaimIndex.of(s.state.doc);
    const [first, second, third] = index.ranges;
    const checkAll = (id: string) => {
      const labels = sources.get(id)!;
      if (labels.length === 0) s.run(checkClaim({ claimId: id, label: null, status: 'needs-source', locator: '', passage: '' }, s.ctx('A')));
      for (const label of labels) s.run(checkClaim({ claimId: id, label, status: 'verified', locator: '', passage: '' }, s.ctx('A')));
    };
    checkAll(second!.id);
    s.run((st, d) => (d?.(st.tr.setSelection(TextSelection.create(st.doc, first!.from + 1))), true));
    expect(s.run(nextUncheckedClaim)).toBe(true);
    expect(s.state.selection.from).toBe(third!.from);
    // At the last claim it wraps to the first unchecked one.
    const last = index.ranges.at(-1)!;
    s.run((st, d) => (d?.(st.tr.setSelection(TextSelection.create(st.doc, last.from + 1))), true));
    s.run(nextUncheckedClaim);
    expect(s.state.selection.from).toBe(first!.from);
    for (const r of index.ranges) checkAll(r.id);
    expect(s.run(nextUncheckedClaim)).toBe(false);
  });
});
