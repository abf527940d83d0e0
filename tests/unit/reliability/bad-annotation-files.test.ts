/**
 * Bad annotation files (tests/fixtures/reliability/bad-annotation-files.ts) read the way the reader reads them
 * (the response's bytes decoded as UTF-8, then `parseAnnotationFile`; a Hypothesis export through
 * `importAnnotations`): each gets its clear error naming what and where, and nothing valid is lost — every valid
 * annotation of the same file loads, anchors inside the text, and is shown by the reader.
 */
import { describe, expect, test } from 'vitest';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { importAnnotations } from '../../../src/anchoring/import-annotations.ts';
import { parseAnnotationFile } from '../../../src/anchoring/annotation-file.ts';
import { AnnotationFileError, describeRejection, quoteSelectorOf, textTargetOf } from '../../../src/anchoring/selectors.ts';
import { docTextOf } from '../../../src/editor/annotation-commands.ts';
import { anchorEntries } from '../../../src/editor/anchor-entries.ts';
import { withReplies } from '../../../src/editor/annotation-plugin.ts';
import { notesSnapshot } from '../../../src/editor/snapshot.ts';
import { BAD_ANNOTATION_FILES, KAVBIURO_DOC, KAVBIURO_IRI, KAVBIURO_TEXT } from '../../fixtures/reliability/bad-annotation-files.ts';

const WHERE = 'notes.jsonld';

/** What `Response.text()` gives the reader (main.ts loadNotesFile): UTF-8, a BOM dropped, bad bytes replaced. */
const asReaderReads = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

function fileError(text: string): AnnotationFileError {
  try {
    parseAnnotationFile(text, WHERE);
  } catch (e) {
    if (e instanceof AnnotationFileError) return e;
    throw new Error(`threw something other than AnnotationFileError: ${String(e)}`);
  }
  throw new Error('the file was read, but it should have been refused as a whole');
}

function endOf(text: string): [number, number] {
  const lines = text.split('\n');
  return [lines.length, lines.at(-1)!.length + 1];
}

/** What the reader does with the valid annotations: anchors them and lists them; checks nothing is lost. */
function expectKeptByTheReader(annotations: Annotation[]): void {
  const entries = anchorEntries(KAVBIURO_DOC, annotations);
  expect(entries.map((e) => e.annotation.id)).toEqual(annotations.map((a) => a.id));
  const size = KAVBIURO_DOC.content.size;
  const docText = docTextOf(KAVBIURO_DOC);
  for (const e of entries) {
    if (!e.range) continue;
    expect(0 <= e.range.from && e.range.from <= e.range.to && e.range.to <= size, `${e.annotation.id} range inside the doc`).toBe(true);
    const target = textTargetOf(e.annotation);
    const quote = target && quoteSelectorOf(target);
    if (e.status === 'exact' && quote) {
      // Equal to the quote — unless the quote cuts a footnote marker (one document position, `[N]` in the text):
      // then the range takes in the whole marker, and still holds the quote.
      const shownText = KAVBIURO_TEXT.slice(docText.toOffset(e.range.from), docText.toOffset(e.range.to));
      if (shownText !== quote.exact) {
        expect(shownText, `${e.annotation.id}: exact anchor widened over a marker`).toMatch(/\[\d+\]/);
        expect(shownText, `${e.annotation.id}: exact anchor holds the quote`).toContain(quote.exact);
      }
      // A note on words must have something to highlight and click in the text.
      if (quote.exact.length > 0) expect(e.range.to, `${e.annotation.id}: a non-empty range`).toBeGreaterThan(e.range.from);
    }
  }
  const byId = new Map(entries.map((e) => [e.annotation.id, e]));
  const snap = notesSnapshot(byId, [], false, false);
  expect(snap.count).toBe(annotations.length);
  // What the panels show: anchored notes and orphans (ap-note-list), each with the replies filed under its id,
  // and replies whose thread leads to no note ("Replies without a note").
  const shown = new Set<string>(snap.strays.map((e) => e.annotation.id));
  for (const e of [...snap.notes, ...snap.orphans]) {
    shown.add(e.annotation.id);
    for (const r of snap.replies.get(e.annotation.id) ?? []) shown.add(r.annotation.id);
  }
  const hidden = annotations.map((a) => a.id).filter((id) => !shown.has(id));
  expect(hidden, 'annotations the reader keeps but shows nowhere').toEqual([]);
  // Deleting any one of them (with its replies) terminates and takes only it and replies below it.
  for (const a of annotations) {
    const gone = withReplies(byId, [a.id]);
    expect(gone).toContain(a.id);
    for (const id of gone) if (id !== a.id) expect(typeof byId.get(id)!.annotation.target).toBe('string');
  }
}

describe('bad annotation files: a clear error, and nothing valid lost', () => {
  test('the fixture set is large enough (with the importer\'s bad texts, ≥ 50 bad inputs)', () => {
    expect(BAD_ANNOTATION_FILES.length).toBeGreaterThanOrEqual(35);
    expect(new Set(BAD_ANNOTATION_FILES.map((c) => c.name)).size).toBe(BAD_ANNOTATION_FILES.length);
  });

  test.each(BAD_ANNOTATION_FILES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const text = asReaderReads(c.bytes());
    const want = c.expect;
    switch (want.kind) {
      case 'file': {
        const e = fileError(text);
        expect(e.message).toMatch(want.message);
        expect(e.message.startsWith(`${WHERE}`), 'the message names the file').toBe(true);
        expect(e.message.length, 'a short message, whatever the input').toBeLessThan(400);
        if (want.at !== 'anywhere') {
          const [line, column] = want.at === 'end' ? endOf(text) : want.at;
          expect([e.line, e.column]).toEqual([line, column]);
          if (e.message.includes('not JSON')) expect(e.message).toContain(`${WHERE}:${line}:${column}:`);
        }
        break;
      }
      case 'items': {
        const parsed = parseAnnotationFile(text, WHERE);
        expect(parsed.annotations.map((a) => a.id), 'every valid annotation loads, in order').toEqual(want.loaded);
        expect([...new Set(parsed.rejected.map((r) => r.index))]).toEqual([...new Set(want.rejected.map((r) => r.index))]);
        for (const w of want.rejected) {
          const r = parsed.rejected.find((x) => x.index === w.index)!;
          expect(r.id).toBe(w.id);
          const error = r.errors.find((x) => x.field === w.field);
          expect(error, `an error on ${w.field} of item ${w.index}; got ${JSON.stringify(r.errors).slice(0, 300)}`).toBeDefined();
          expect(error!.message).toMatch(w.message);
          const line = describeRejection(r, WHERE);
          expect(line).toContain(w.id !== null ? `annotation ${JSON.stringify(w.id.length > 60 ? `${w.id.slice(0, 60)}…` : w.id)} (item ${w.index})` : `item ${w.index}`);
          if (w.field) expect(line).toContain(`${w.field}: `);
          expect(line.length).toBeLessThan(2000);
          expect(r.raw, 'the refused item is kept as it was read').toBeDefined();
        }
        expect(parsed.rejected.flatMap((r) => r.errors).length).toBeGreaterThanOrEqual(want.rejected.length);
        expectKeptByTheReader(parsed.annotations);
        break;
      }
      case 'hypothesis': {
        const result = importAnnotations(JSON.parse(text), KAVBIURO_TEXT, [], { source: KAVBIURO_IRI, where: WHERE });
        expect(result.annotations.map((a) => a.id)).toEqual(want.loaded);
        expect(result.report.rejected).toHaveLength(want.rejected.length);
        want.rejected.forEach((w, i) => {
          const r = result.report.rejected[i]!;
          expect(r.where).toContain(WHERE);
          expect(r.where).toMatch(w.where);
          expect(r.reason).toMatch(w.reason);
        });
        expectKeptByTheReader(result.annotations);
        break;
      }
    }
  });
});
