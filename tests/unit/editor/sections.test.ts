/**
 * Sections (editor/sections.ts), the section command, the links of a claim, and what the snapshot derives from the
 * state for a sectioned work: sections with coverage, the caret's section, the claim's links and the source's flags,
 * the import report. Built from the sectioned fixture (finishImport on hand-written parts).
 */
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, test } from 'vitest';
import { linksIn } from '../../../src/editor/claim-links.ts';
import { ClaimIndex } from '../../../src/editor/claim-index.ts';
import { selectSection } from '../../../src/editor/commands.ts';
import { createReaderState } from '../../../src/editor/create-state.ts';
import { finishLoading } from '../../../src/editor/read-only.ts';
import { sectionAt, sectionsOf } from '../../../src/editor/sections.ts';
import { SnapshotBuilder } from '../../../src/editor/snapshot.ts';
import { loadNotes } from '../../../src/editor/annotation-commands.ts';
import { buildDoc } from '../../../src/model/build-doc.ts';
import { importText } from '../../../src/model/import-text.ts';
import type { WorkMeta } from '../../../src/model/work.ts';
import { sectionedText } from '../../support/sectioned-text.ts';

const imported = sectionedText();
const doc = buildDoc(imported);
const supportOf = (id: string) => imported.claims.find((c) => c.id === id)?.support;
const meta: WorkMeta = {
  id: 'bureau', title: 'Caucasian Bureau', language: 'en', source: 'https://example.org', iri: 'urn:test:bureau',
  licence: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' }, attribution: 'test', sha256: '0'.repeat(64),
};

/** The claims of blocks `from`..`to` (inclusive), counted by support. */
function coverageOfBlocks(from: number, to: number) {
  const c = { total: 0, direct: 0, inherited: 0, none: 0 };
  for (const claim of imported.claims) if (claim.block >= from && claim.block <= to) (c.total++, c[claim.support]++);
  return c;
}

describe('sectionsOf', () => {
  const sections = sectionsOf(doc, supportOf);

  test('one section per heading, after the introduction, with titles, levels and anchors', () => {
    expect(sections.map((s) => [s.title, s.level, s.anchor, s.introduction])).toEqual([
      ['Introduction', 2, null, true],
      ['History', 2, 'History', false],
      ['Members', 3, '4', false],
      ['Legacy', 2, 'Legacy', false],
    ]);
    expect(sections.map((s) => s.index)).toEqual([0, 1, 2, 3]);
    for (const s of sections.slice(1)) expect(doc.nodeAt(s.from)?.type.name).toBe('heading');
  });

  test('a section runs to the next heading of its level or higher: its coverage counts its subsections\' claims', () => {
    expect(sections[0]!.coverage).toEqual(coverageOfBlocks(0, 0));
    // "History" (h2) holds "Members" (h3): blocks 1–5.
    expect(sections[1]!.coverage).toEqual(coverageOfBlocks(1, 5));
    expect(sections[2]!.coverage).toEqual(coverageOfBlocks(3, 5));
    expect(sections[3]!.coverage).toEqual(coverageOfBlocks(6, 7));
    expect(sections[1]!.to).toBe(sections[3]!.from);
    expect(sections[2]!.to).toBe(sections[3]!.from);
    // Each section lists the ids of the claims it counts, in document order.
    const idsOfBlocks = (from: number, to: number) => imported.claims.filter((c) => c.block >= from && c.block <= to).map((c) => c.id);
    expect(sections[1]!.claims).toEqual(idsOfBlocks(1, 5));
    expect(sections[3]!.claims).toEqual(idsOfBlocks(6, 7));
    // The last section ends where the reference list begins.
    let refs = -1;
    doc.forEach((n, pos) => n.type.name === 'references' && (refs = pos));
    expect(sections[3]!.to).toBe(refs);
    // Every claim of the body is in the introduction or a top-level section, once.
    const top = sections.filter((s) => s.level === 2);
    expect(top.reduce((n, s) => n + s.coverage.total, 0)).toBe(imported.claims.length);
  });

  test('a text without headings has no sections (Kavbiuro: no contents)', () => {
    const plain = importText('One claim.[1]\n\nAnother.\n\nReferences\n\n1. A book.\n');
    const plainDoc = buildDoc(plain);
    expect(sectionsOf(plainDoc, () => 'direct')).toEqual([]);
  });

  test('sectionAt gives the innermost section at a position', () => {
    expect(sectionAt(sections, 1)?.title).toBe('Introduction');
    expect(sectionAt(sections, sections[2]!.from + 3)?.title).toBe('Members');
    expect(sectionAt(sections, sections[3]!.from)?.title).toBe('Legacy');
    expect(sectionAt([], 5)).toBeNull();
  });
});

describe('selectSection', () => {
  const state = EditorState.create({ doc });
  const sections = sectionsOf(doc, supportOf);

  test('puts the caret at the start of the heading\'s text and scrolls to it', () => {
    let next: EditorState | null = null;
    expect(selectSection(sections[2]!.from)(state, (tr) => (next = state.apply(tr)))).toBe(true);
    expect(next!.selection.empty).toBe(true);
    expect(next!.selection.head).toBe(sections[2]!.from + 1);
    expect(next!.doc.resolve(next!.selection.head).parent.textContent).toBe('Members');
  });

  test('refuses a position where no block starts', () => {
    expect(selectSection(sections[2]!.from + 2)(state)).toBe(false);
    expect(selectSection(-1)(state)).toBe(false);
    expect(selectSection(doc.content.size + 5)(state)).toBe(false);
  });
});

describe('linksIn', () => {
  test('the links of a claim, one per address, with the linked words and title', () => {
    const claim = imported.claims.find((c) => c.text.startsWith('The Caucasian Bureau'))!;
    const range = ClaimIndex.of(doc).get(claim.id)!;
    expect(linksIn(doc, range.from, range.to)).toEqual([
      { text: 'Russian Communist Party', href: 'https://en.wikipedia.org/wiki/Russian_Communist_Party', kind: 'wiki', title: 'Russian Communist Party' },
    ]);
  });
});

describe('the snapshot of a sectioned work', () => {
  function session() {
    const builder = new SnapshotBuilder(meta, imported);
    let state = createReaderState(doc, { loading: true });
    const whileLoading = builder.build(state);
    state = state.apply(finishLoading(state.tr));
    const loaded = state;
    let tr = loaded.tr;
    expect(loadNotes([])(loaded, (t) => (tr = t))).toBe(true);
    state = loaded.apply(tr);
    return { builder, state, whileLoading };
  }

  test('sections come once the text is loaded, with the import report and the signals that fall on no claim', () => {
    const { builder, state, whileLoading } = session();
    expect(whileLoading.document.sections).toEqual([]);
    const snap = builder.build(state);
    expect(snap.document.sections.map((s) => s.title)).toEqual(['Introduction', 'History', 'Members', 'Legacy']);
    expect(snap.document.report).toEqual(imported.report);
    expect(snap.document.unplacedSignals).toEqual([]);
    // Nothing changed: the same snapshot object.
    expect(builder.build(state)).toBe(snap);
  });

  test('the caret on the flagged claim: its section, its signal, its links (an unsafe address kept as data)', () => {
    const { builder, state } = session();
    const claim = imported.claims.find((c) => c.text.includes('Stalin attended'))!;
    const range = ClaimIndex.of(state.doc).get(claim.id)!;
    const at = state.apply(state.tr.setSelection(TextSelection.create(state.doc, range.from + 2)));
    const caret = builder.build(at).caret;
    expect(caret.claim?.id).toBe(claim.id);
    expect(caret.signals.map((s) => s.kind)).toEqual(['citation-needed']);
    expect(caret.links).toEqual([{ text: 'Stalin', href: 'javascript:alert(1)', kind: 'external', title: null }]);
    expect(caret.section).toBe(1);
    // Another claim: no signal.
    const other = imported.claims.find((c) => c.text.startsWith('Sergo Ordzhonikidze chaired'))!;
    const there = at.apply(at.tr.setSelection(TextSelection.create(at.doc, ClaimIndex.of(at.doc).get(other.id)!.from + 1)));
    const caret2 = builder.build(there).caret;
    expect(caret2.signals).toEqual([]);
    expect(caret2.links.map((l) => l.title)).toEqual(['Sergo Ordzhonikidze']);
  });
});

test('a text without headings gives the same (empty) sections object every time, so snapshots stay the same', () => {
  const plainDoc = buildDoc(importText('One claim.[1]\n\nReferences\n\n1. A book.\n'));
  expect(sectionsOf(plainDoc, () => 'direct')).toBe(sectionsOf(plainDoc, () => 'direct'));
  expect(sectionsOf(plainDoc, () => 'direct')).toBe(sectionsOf(buildDoc(importText('Other.')), () => 'none'));
});
