/**
 * The DOM-free half of a notes import (notes-importer.ts), its limits (notes-import-limits.ts) and the page's
 * client run inline (notes-import-client.ts): the same answers as `importAnnotations`, parts put back together,
 * files over a limit refused whole with a message saying which limit and by how much, and cancel.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { canonicalText } from '../../../src/anchoring/doc-text.ts';
import { importAnnotations } from '../../../src/anchoring/import-annotations.ts';
import { ImportCancelled, inlineNotesImport, NotesImportError } from '../../../src/load/notes-import-client.ts';
import { countProblem, importItemCount, MAX_IMPORT_BYTES, MAX_IMPORT_NOTES, sizeProblem } from '../../../src/load/notes-import-limits.ts';
import type { FromImportWorker } from '../../../src/load/notes-import-messages.ts';
import { NOTES_PART_SIZE, NotesImporter } from '../../../src/load/notes-importer.ts';
import { importText } from '../../../src/model/import-text.ts';
import { hypothesisExport } from './hypothesis-export-fixture.ts';

const IRI = 'https://en.wikipedia.org/wiki/Kavbiuro';
const imported = importText(readFileSync(new URL('../../../corpus/kavbiuro/text.txt', import.meta.url)));
const TEXT = canonicalText(imported.blocks, imported.references);
const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).buffer as ArrayBuffer;
const request = (name = 'notes.json') => ({ name, text: TEXT, source: IRI });

describe('import limits', () => {
  test('the size limit: at the limit passes; one byte over is refused with the size, the limit and what to do', () => {
    expect(sizeProblem('a.json', MAX_IMPORT_BYTES)).toBeNull();
    const message = sizeProblem('a.json', MAX_IMPORT_BYTES + 1);
    expect(message).toBe(
      'a.json is 50,331,649 bytes (48.0 MiB); the limit for one import is 50,331,648 bytes (48.0 MiB). Nothing was imported: split the file into smaller ones.',
    );
  });

  test('the notes limit: at the limit passes; over it is refused with the count and the limit', () => {
    expect(countProblem('b.json', MAX_IMPORT_NOTES)).toBeNull();
    expect(countProblem('b.json', 50_000)).toBe('b.json holds 50,000 notes; the limit for one import is 25,000 notes. Nothing was imported: split the file into files of at most 25,000 notes.');
  });

  test('notes are counted as the importers read the file', () => {
    expect(importItemCount({ total: 3, rows: [1, 2, 3] })).toBe(3);
    expect(importItemCount([1, 2])).toBe(2);
    expect(importItemCount({ type: 'AnnotationCollection', first: { items: [1, 2, 3, 4] } })).toBe(4);
    expect(importItemCount({ type: 'AnnotationPage', items: [1] })).toBe(1);
    expect(importItemCount({ type: 'Annotation' })).toBe(1);
    expect(importItemCount('x')).toBe(1);
  });
});

function run(importer: NotesImporter, value: unknown, name = 'notes.json'): void {
  importer.handle({ type: 'import', request: request(name), bytes: bytesOf(value) });
}

describe('NotesImporter', () => {
  test('answers what importAnnotations gives, in parts of JSON text, after progress; existing notes are merged into', () => {
    const value = hypothesisExport(TEXT, 1234, { orphanEvery: 10 });
    const first = importAnnotations(value, TEXT, [], { source: IRI, where: 'notes.json' });
    const existing = first.annotations.slice(0, 100);
    const expected = importAnnotations(value, TEXT, existing, { source: IRI, where: 'notes.json' });
    const messages: FromImportWorker[] = [];
    const importer = new NotesImporter((m) => messages.push(m));
    importer.handle({ type: 'existing-part', items: existing.slice(0, 60) });
    importer.handle({ type: 'existing-part', items: existing.slice(60) });
    run(importer, value);
    const parts = messages.filter((m) => m.type === 'notes-part');
    expect(parts.length).toBe(Math.ceil((1234 - 100) / NOTES_PART_SIZE));
    const notes = parts.flatMap((m) => JSON.parse(m.json) as [{ id: string }, { status: string } | null][]);
    expect(notes.map(([a]) => a.id)).toEqual(expected.annotations.slice(100).map((a) => a.id));
    expect(notes.map(([a, r]) => [a.id, r?.status])).toEqual(expected.annotations.slice(100).map((a) => [a.id, expected.anchors.get(a.id)?.status]));
    const done = messages.at(-1)!;
    expect(done.type).toBe('done');
    if (done.type === 'done') {
      expect(done.report.duplicates).toHaveLength(100);
      expect(done.report.anchors.orphan.length).toBeGreaterThan(0);
    }
    expect(messages[0]).toEqual({ type: 'progress', progress: { stage: 'reading', fraction: 0 } });
  });

  test('a file with more notes than the limit is refused whole: no part is sent', () => {
    const messages: FromImportWorker[] = [];
    run(new NotesImporter((m) => messages.push(m), { bytes: MAX_IMPORT_BYTES, notes: 50 }), hypothesisExport(TEXT, 51), 'many.json');
    expect(messages.filter((m) => m.type === 'notes-part')).toEqual([]);
    expect(messages.at(-1)).toEqual({
      type: 'failed',
      failure: { kind: 'too-large', reason: 'over the limit of notes per import', message: 'many.json holds 51 notes; the limit for one import is 50 notes. Nothing was imported: split the file into files of at most 50 notes.' },
    });
  });

  test('a file over the size limit is refused before it is read', () => {
    const messages: FromImportWorker[] = [];
    run(new NotesImporter((m) => messages.push(m), { bytes: 100, notes: MAX_IMPORT_NOTES }), hypothesisExport(TEXT, 3), 'big.json');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ type: 'failed', failure: { kind: 'too-large' } });
    expect((messages[0] as { failure: { message: string } }).failure.message).toMatch(/^big\.json is [\d,]+ bytes .*the limit for one import is 100 bytes/);
  });

  test('a file that is not JSON is refused with the parser\'s words', () => {
    const messages: FromImportWorker[] = [];
    new NotesImporter((m) => messages.push(m)).handle({ type: 'import', request: request('bad.json'), bytes: new TextEncoder().encode('{"rows": [').buffer as ArrayBuffer });
    expect(messages.at(-1)).toMatchObject({ type: 'failed', failure: { kind: 'not-json', reason: expect.stringMatching(/^not JSON: /) } });
    expect((messages.at(-1) as { failure: { message: string } }).failure.message).toMatch(/^bad\.json is not JSON: .*Nothing was imported\.$/);
  });
});

describe('the page\'s client (inline)', () => {
  test('puts the parts back together and reports progress', async () => {
    const value = hypothesisExport(TEXT, 1100);
    const stages: string[] = [];
    const job = inlineNotesImport(bytesOf(value), request(), [], (p) => stages.push(p.stage));
    expect(job.inWorker).toBe(false);
    const { notes, report } = await job.outcome;
    expect(notes).toHaveLength(1100);
    expect(report.anchors.exact.length + report.anchors.fuzzy.length + report.anchors.orphan.length).toBe(1100);
    expect(new Set(stages)).toEqual(new Set(['reading', 'anchoring', 'sending']));
  });

  test('a refused file rejects with NotesImportError', async () => {
    const job = inlineNotesImport(new TextEncoder().encode('nope').buffer as ArrayBuffer, request('x.json'), []);
    await expect(job.outcome).rejects.toBeInstanceOf(NotesImportError);
  });

  test('cancel rejects with ImportCancelled, and what the importer answers later is ignored', async () => {
    const job = inlineNotesImport(bytesOf(hypothesisExport(TEXT, 200)), request('c.json'), []);
    job.cancel();
    await expect(job.outcome).rejects.toThrow(new ImportCancelled('c.json').message);
  });
});
