/**
 * Property tests (fast-check) of the reader's state in Node: random sequences of reader actions — selections,
 * claim navigation, focus, new notes, edits, replies, deletions, undo, redo — mixed with raw transactions that try
 * to change the text (insertText, delete, replaceWith, addMark, removeMark) and that the read-only plugin must
 * refuse. After any sequence:
 * - the document is the very same object and its canonical text is byte-identical to the source's;
 * - every annotation entry's range lies inside the document, and an exact entry's words are its quote;
 * - undoing every note change returns the loaded set, and redoing them all returns the final set.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Node as PMNode } from 'prosemirror-model';
import { TextSelection, type EditorState, type Command, type Transaction } from 'prosemirror-state';
import { describe, expect, test } from 'vitest';
import type { Annotation, Certainty, Motivation, Verdict } from '../../../src/anchoring/annotation-types.ts';
import { DocText } from '../../../src/anchoring/doc-text.ts';
import type { NoteDraft } from '../../../src/anchoring/note-draft.ts';
import { parseAnnotationFile } from '../../../src/anchoring/annotation-file.ts';
import { quoteSelectorOf, textTargetOf } from '../../../src/anchoring/selectors.ts';
import { createNote, deleteNotes, editNote, focusNote, loadNotes, redoNotes, replyToNote, undoNotes, type NoteContext } from '../../../src/editor/annotation-commands.ts';
import { anchorEntries } from '../../../src/editor/anchor-entries.ts';
import { annotationsOf, type AnnotationEntry } from '../../../src/editor/annotation-plugin.ts';
import { focusReference, nextClaim, previousClaim, selectClaim } from '../../../src/editor/commands.ts';
import { createReaderState } from '../../../src/editor/create-state.ts';
import { buildDoc } from '../../../src/model/build-doc.ts';
import { importText } from '../../../src/model/import-text.ts';
import { schema } from '../../../src/model/schema.ts';

const SOURCE = 'https://en.wikipedia.org/wiki/Kavbiuro';
const bytes = new Uint8Array(readFileSync(new URL('../../../corpus/kavbiuro/text.txt', import.meta.url)));
const imported = importText(bytes);
const DOC = buildDoc(imported);
const TEXT = DocText.fromDoc(DOC).text;
const CURATED = parseAnnotationFile(readFileSync(new URL('../../../annotations/kavbiuro.jsonld', import.meta.url), 'utf8'), 'kavbiuro.jsonld').annotations;
const CLAIM_IDS = imported.claims.map((c) => c.id);
const LABELS = imported.references.map((r) => r.label);

/** The reader's state with the curated notes loaded, as main.ts builds it (minus the view's plugins). */
function loadedState(): EditorState {
  let state = createReaderState(DOC);
  loadNotes(anchorEntries(DOC, CURATED))(state, (tr) => (state = state.apply(tr)));
  return state;
}
const START = loadedState();

/** A reader action; `pick` values are in [0, 1) and choose among what exists when the action runs. */
type Action =
  | { type: 'select'; a: number; b: number }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'selectClaim'; pick: number; unknown: boolean }
  | { type: 'focusReference'; pick: number; kind: 'label' | 'null' | 'unknown' }
  | { type: 'focusNote'; pick: number }
  | { type: 'create'; draft: NoteDraft }
  | { type: 'edit'; pick: number; draft: NoteDraft }
  | { type: 'reply'; pick: number; text: string }
  | { type: 'delete'; picks: number[] }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'insertText'; a: number; text: string }
  | { type: 'delete-text'; a: number; b: number }
  | { type: 'replaceWith'; a: number; b: number; text: string }
  | { type: 'addMark'; a: number; b: number }
  | { type: 'removeMark'; a: number; b: number };

const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const someText = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('<script>window.__xss=1</script>', '\u0000', '\uFEFF', '\n\n', ' ', '[1]'));
const draftArb: fc.Arbitrary<NoteDraft> = fc.record({
  text: someText,
  motivation: fc.constantFrom<Motivation>('commenting', 'questioning', 'assessing', 'tagging'),
  tags: fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 3 }),
  verdict: fc.constantFrom<Verdict | ''>('', 'supported', 'contested', 'likely-erroneous'),
  certainty: fc.constantFrom<Certainty | ''>('', 'high', 'low'),
});

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant('select' as const), a: unit, b: unit }), weight: 4 },
  fc.constant({ type: 'next' as const }),
  fc.constant({ type: 'previous' as const }),
  fc.record({ type: fc.constant('selectClaim' as const), pick: unit, unknown: fc.boolean() }),
  fc.record({ type: fc.constant('focusReference' as const), pick: unit, kind: fc.constantFrom('label' as const, 'null' as const, 'unknown' as const) }),
  fc.record({ type: fc.constant('focusNote' as const), pick: unit }),
  { arbitrary: fc.record({ type: fc.constant('create' as const), draft: draftArb }), weight: 4 },
  { arbitrary: fc.record({ type: fc.constant('edit' as const), pick: unit, draft: draftArb }), weight: 2 },
  { arbitrary: fc.record({ type: fc.constant('reply' as const), pick: unit, text: someText }), weight: 2 },
  { arbitrary: fc.record({ type: fc.constant('delete' as const), picks: fc.array(unit, { minLength: 1, maxLength: 3 }) }), weight: 2 },
  { arbitrary: fc.constant({ type: 'undo' as const }), weight: 2 },
  { arbitrary: fc.constant({ type: 'redo' as const }), weight: 2 },
  fc.record({ type: fc.constant('insertText' as const), a: unit, text: fc.string({ minLength: 1, maxLength: 5 }) }),
  fc.record({ type: fc.constant('delete-text' as const), a: unit, b: unit }),
  fc.record({ type: fc.constant('replaceWith' as const), a: unit, b: unit, text: fc.string({ minLength: 1, maxLength: 5 }) }),
  fc.record({ type: fc.constant('addMark' as const), a: unit, b: unit }),
  fc.record({ type: fc.constant('removeMark' as const), a: unit, b: unit }),
);

/** Runs actions on a state; counts how many raw text changes were attempted and how many note changes landed. */
class Reader {
  state: EditorState;
  attempts = 0;
  private ids = 0;
  readonly ctx: NoteContext = {
    source: SOURCE,
    creator: { type: 'Person', name: 'Property tester' },
    newId: () => `urn:uuid:prop-${++this.ids}`,
    now: () => `2026-03-01T00:00:${String(this.ids % 60).padStart(2, '0')}Z`,
  };

  constructor(state: EditorState) {
    this.state = state;
  }

  run(cmd: Command): boolean {
    return cmd(this.state, (tr) => (this.state = this.state.apply(tr)));
  }

  private pos(u: number): number {
    return Math.floor(u * (this.state.doc.content.size + 1));
  }

  private ids_(): string[] {
    return [...annotationsOf(this.state).byId.keys()];
  }

  private pickId(u: number): string {
    const ids = this.ids_();
    return ids.length ? ids[Math.floor(u * ids.length)]! : 'urn:none';
  }

  /** A raw transaction that would change the document, if it can be built at all. */
  private tryRaw(make: (tr: Transaction) => Transaction): void {
    let tr: Transaction;
    try {
      tr = make(this.state.tr);
    } catch {
      return; // ProseMirror refused to build it (an invalid position or content): nothing to apply.
    }
    this.attempts++;
    this.state = this.state.apply(tr);
  }

  apply(a: Action): void {
    const [lo, hi] = 'b' in a ? [Math.min(this.pos(a.a), this.pos(a.b)), Math.max(this.pos(a.a), this.pos(a.b))] : [0, 0];
    switch (a.type) {
      case 'select': {
        const doc = this.state.doc;
        this.state = this.state.apply(this.state.tr.setSelection(TextSelection.between(doc.resolve(lo), doc.resolve(hi))));
        return;
      }
      case 'next':
        return void this.run(nextClaim);
      case 'previous':
        return void this.run(previousClaim);
      case 'selectClaim':
        return void this.run(selectClaim(a.unknown ? 'no-such-claim' : CLAIM_IDS[Math.floor(a.pick * CLAIM_IDS.length)]!));
      case 'focusReference':
        return void this.run(focusReference(a.kind === 'null' ? null : a.kind === 'unknown' ? '999' : LABELS[Math.floor(a.pick * LABELS.length)]!));
      case 'focusNote':
        return void this.run(focusNote(this.pickId(a.pick)));
      case 'create':
        return void this.run(createNote(a.draft, this.ctx));
      case 'edit':
        return void this.run(editNote(this.pickId(a.pick), a.draft, this.ctx.now()));
      case 'reply':
        return void this.run(replyToNote(this.pickId(a.pick), a.text, this.ctx));
      case 'delete':
        return void this.run(deleteNotes(a.picks.map((p) => this.pickId(p))));
      case 'undo':
        return void this.run(undoNotes);
      case 'redo':
        return void this.run(redoNotes);
      case 'insertText':
        return this.tryRaw((tr) => tr.insertText(a.text, this.pos(a.a)));
      case 'delete-text':
        return this.tryRaw((tr) => tr.delete(lo, hi === lo ? Math.min(hi + 1, this.state.doc.content.size) : hi));
      case 'replaceWith':
        return this.tryRaw((tr) => tr.replaceWith(lo, hi, schema.text(a.text)));
      case 'addMark':
        return this.tryRaw((tr) => tr.addMark(lo, Math.max(hi, lo + 1), schema.marks['claim']!.create({ id: 'injected', sources: [], support: 'none' })));
      case 'removeMark':
        return this.tryRaw((tr) => tr.removeMark(lo, Math.max(hi, lo + 1), schema.marks['claim']!));
    }
  }
}

/** Entries as comparable plain data (id → annotation and range). */
function snapshotOf(state: EditorState): Map<string, { annotation: Annotation; range: AnnotationEntry['range'] }> {
  return new Map([...annotationsOf(state).byId].map(([id, e]) => [id, { annotation: e.annotation, range: e.range }]));
}

function expectEntriesInside(state: EditorState, doc: PMNode): void {
  const text = DocText.fromDoc(doc);
  for (const e of annotationsOf(state).byId.values()) {
    if (!e.range) {
      expect(e.status === 'orphan' || e.status === 'reply', `${e.annotation.id}: no range only for orphans and replies`).toBe(true);
      continue;
    }
    expect(0 <= e.range.from && e.range.from <= e.range.to && e.range.to <= doc.content.size, `${e.annotation.id} inside the doc`).toBe(true);
    const target = textTargetOf(e.annotation);
    const quote = target && quoteSelectorOf(target);
    if (e.status === 'exact' && quote) {
      // The document holds the text but not the synthetic parts of the canonical text (block separators, a
      // reference entry's "N. " label): what the range covers is the quote less those at its ends.
      const covered = text.text.slice(text.toOffset(e.range.from), text.toOffset(e.range.to));
      const at = quote.exact.indexOf(covered);
      expect(at, `${e.annotation.id}: the range covers its quote`).toBeGreaterThanOrEqual(0);
      expect(quote.exact.slice(0, at)).toMatch(SYNTHETIC_EDGE);
      expect(quote.exact.slice(at + covered.length)).toMatch(SYNTHETIC_EDGE);
    }
  }
}

/** What the canonical text has and the document has not, at a range's edge: a separator and/or a reference label. */
const SYNTHETIC_EDGE = /^(\n\n)?([^\s.]+\. ?)?(\n\n)?$/;

const sequences = fc.array(actionArb, { minLength: 1, maxLength: 40 });

describe('reader actions (fast-check, Node)', () => {
  test('the curated notes load whole and inside the text', () => {
    expect(annotationsOf(START).byId.size).toBe(CURATED.length);
    expectEntriesInside(START, DOC);
  });

  test('no sequence of actions changes the text; every entry stays inside it; exact entries sit on their quotes', () => {
    let attempts = 0;
    let created = 0;
    fc.assert(
      fc.property(sequences, (actions) => {
        const reader = new Reader(START);
        for (const a of actions) {
          reader.apply(a);
          expect(reader.state.doc).toBe(DOC);
        }
        expect(DocText.fromDoc(reader.state.doc).text).toBe(TEXT);
        expect(reader.state.doc.eq(DOC)).toBe(true);
        expectEntriesInside(reader.state, reader.state.doc);
        attempts += reader.attempts;
        created += [...annotationsOf(reader.state).byId.keys()].filter((id) => id.startsWith('urn:uuid:prop-')).length;
      }),
      { numRuns: 200 },
    );
    // The property is not vacuous: text changes were really attempted (and refused), notes really made.
    expect(attempts).toBeGreaterThan(100);
    expect(created).toBeGreaterThan(20);
  });

  test('undo after N changes returns the loaded set; redo N returns the final set', () => {
    fc.assert(
      fc.property(sequences, (actions) => {
        const reader = new Reader(START);
        for (const a of actions) reader.apply(a);
        const final = snapshotOf(reader.state);
        const n = annotationsOf(reader.state).undo.length;
        const pendingRedo = annotationsOf(reader.state).redo.length;
        for (let i = 0; i < n; i++) expect(reader.run(undoNotes)).toBe(true);
        expect(reader.run(undoNotes)).toBe(false);
        expect(snapshotOf(reader.state)).toEqual(snapshotOf(START));
        for (let i = 0; i < n; i++) expect(reader.run(redoNotes)).toBe(true);
        expect(snapshotOf(reader.state)).toEqual(final);
        // What was undone before the round trip is still there to redo, and nothing else.
        expect(annotationsOf(reader.state).redo.length).toBe(pendingRedo);
        expect(reader.state.doc).toBe(DOC);
      }),
      { numRuns: 150 },
    );
  });

  test('each refused text change leaves the state object itself untouched', () => {
    const reader = new Reader(START);
    const before = reader.state;
    reader.apply({ type: 'insertText', a: 0.5, text: 'x' });
    reader.apply({ type: 'delete-text', a: 0.1, b: 0.2 });
    reader.apply({ type: 'replaceWith', a: 0.3, b: 0.31, text: 'y' });
    reader.apply({ type: 'addMark', a: 0.4, b: 0.45 });
    reader.apply({ type: 'removeMark', a: 0.0, b: 1 - 1e-9 });
    expect(reader.attempts).toBe(5);
    expect(reader.state).toBe(before);
  });
});
