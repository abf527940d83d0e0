/**
 * Issue 8 §5.4 and §5.10: what an import brings in can always be saved.
 * - §5.4: a Hypothesis row the store would refuse (a `created` of `2024-13-45T…`, a position of `1e300`, an
 *   address with a space) is rejected at import with where and which field, kept raw; the other rows import, and
 *   the store's door check (`checkAnnotationsToSave`) and "Save to project" (`saveAnnotationFile`) accept the result.
 * - §5.10: notes written on another address of the text (the mobile Wikipedia URL) are put on the work's IRI with
 *   that address as the target's `via`; "Save to project" accepts them and every one passes the W3C MUST assertions.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { notesCollection } from '../../../src/anchoring/annotation-collection.ts';
import type { Annotation, AnnotationCollection, TextTarget } from '../../../src/anchoring/annotation-types.ts';
import { canonicalText } from '../../../src/anchoring/doc-text.ts';
import { importAnnotations } from '../../../src/anchoring/import-annotations.ts';
import { parseAnnotations } from '../../../src/anchoring/selectors.ts';
import { asUri, targetOnWork } from '../../../src/anchoring/target-on-work.ts';
import { importText } from '../../../src/model/import-text.ts';
import { parseWorkMeta } from '../../../src/model/work.ts';
import { checkAnnotationsToSave } from '../../../src/store/check-annotations-to-save.ts';
import { saveAnnotationFile } from '../../../src/store/project-file.ts';
import { noteIfSchemasMissing, validateAnnotation, validateCollection } from '../../support/w3c-validator.ts';

const WORK_JSON = new URL('../../../corpus/kavbiuro/work.json', import.meta.url);
const work = parseWorkMeta(JSON.parse(readFileSync(WORK_JSON, 'utf8')));
const imported = importText(readFileSync(new URL('../../../corpus/kavbiuro/text.txt', import.meta.url)));
const text = canonicalText(imported.blocks, imported.references);
const curated = parseAnnotations(JSON.parse(readFileSync(new URL('../../../annotations/kavbiuro.jsonld', import.meta.url), 'utf8')), 'kavbiuro.jsonld').annotations;
const hypothesis = JSON.parse(readFileSync(new URL('../../fixtures/hypothesis/kavbiuro-search.json', import.meta.url), 'utf8')) as { rows: Record<string, unknown>[] };
const schemas = noteIfSchemasMissing();

const good = hypothesis.rows[0]!;
const badRows = [
  { ...good, id: 'badDateRow', created: '2024-13-45T10:00:00Z' },
  { ...good, id: 'hugePositionRow', target: [{ source: work.iri, selector: [{ type: 'TextPositionSelector', start: 0, end: 1e300 }] }] },
  { ...good, id: 'spaceRow', links: { html: 'https://hypo thes.is/a/spaceRow' } },
];

let root = '';
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'apparatus-import-save-'));
  await mkdir(join(root, 'corpus', 'kavbiuro'), { recursive: true });
  await writeFile(join(root, 'corpus', 'kavbiuro', 'work.json'), await readFile(WORK_JSON));
  await mkdir(join(root, 'annotations'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** "Save to project" of `annotations` as the reader sends them: one collection. */
const saveToProject = (annotations: readonly Annotation[]) =>
  saveAnnotationFile(root, 'kavbiuro', `${JSON.stringify(notesCollection('kavbiuro', work.title, annotations), null, 2)}\n`);

describe('§5.4: one bad Hypothesis row never blocks saving the others', () => {
  const file = { rows: [...hypothesis.rows.slice(0, 6), ...badRows] };
  const result = importAnnotations(file, text, curated, { source: work.iri, where: 'rows.json' });

  test('each bad row is rejected with where, which field and its raw JSON; the good rows are imported', () => {
    const bad = result.report.rejected.filter((r) => badRows.some((b) => r.id === b.id));
    expect(bad.map((r) => [r.where, r.id])).toEqual([
      ['rows.json rows[6]', 'badDateRow'],
      ['rows.json rows[7]', 'hugePositionRow'],
      ['rows.json rows[8]', 'spaceRow'],
    ]);
    expect(bad[0]!.reason).toMatch(/^cannot be stored as read: created: must be an ISO 8601 date-time, found "2024-13-45T10:00:00Z"/);
    expect(bad[1]!.reason).toMatch(/target\.selector\[0\]\.end: must be a non-negative integer, found 1e\+300/);
    expect(bad[2]!.reason).toMatch(/^cannot be stored as read: id: must be an IRI/);
    expect(bad.map((r) => r.raw)).toEqual(badRows);
    expect(result.report.added).toHaveLength(6);
    // No warning about a row that was not imported.
    expect(result.report.warnings.map((w) => w.id).filter((id) => /badDateRow|hugePositionRow|spaceRow/.test(id))).toEqual([]);
  });

  test('the store\'s door check accepts everything the import produced', () => {
    expect(() => checkAnnotationsToSave('kavbiuro', result.annotations)).not.toThrow();
  });

  test('"Save to project" writes the curated notes and the imported ones', async () => {
    const saved = await saveToProject(result.annotations);
    expect(saved.count).toBe(curated.length + 6);
  });

  test('W3C import: the same faults are rejected by the same validator, and the rest save', async () => {
    const notes = curated.filter((a) => typeof a.target === 'object').slice(0, 3).map((a, i): Annotation => ({ ...a, id: `urn:uuid:00000000-0000-4000-8000-00000000030${i}` }));
    const t = notes[1]!.target as TextTarget;
    const bad = [
      { ...notes[0]!, created: '2024-13-45T10:00:00Z' },
      { ...notes[1]!, target: { ...t, selector: [{ type: 'TextPositionSelector', start: 0, end: 1e300 }] } },
      { ...notes[2]!, id: 'https://example.org/a note' },
    ];
    const r = importAnnotations(bad, text, curated, { source: work.iri, where: 'w3c.jsonld' });
    expect(r.report.rejected.map((x) => x.reason)).toEqual([
      expect.stringMatching(/^created: /),
      expect.stringMatching(/^target\.selector\[0\]\.end: /),
      expect.stringMatching(/^id: /),
    ]);
    expect(r.report.rejected.map((x) => x.raw)).toEqual(bad);
    const okNote = { ...notes[0]!, id: 'urn:uuid:00000000-0000-4000-8000-000000000399' };
    const mixed = importAnnotations([...bad, okNote], text, curated, { source: work.iri, where: 'w3c.jsonld' });
    expect(mixed.report.added).toEqual([okNote.id]);
    expect((await saveToProject(mixed.annotations)).count).toBe(curated.length + 1);
  });

  test('a row with a date that cannot be parsed at all is rejected before (as before)', () => {
    const r = importAnnotations({ rows: [{ ...good, id: 'plainBadDate', created: '2024-13-45' }] }, text, [], { source: work.iri, where: 'x.json' });
    expect(r.annotations).toEqual([]);
    expect(r.report.rejected).toEqual([expect.objectContaining({ id: 'plainBadDate', reason: expect.stringMatching(/"created"/) })]);
  });
});

describe('§5.10: notes written on another address of the text', () => {
  const MOBILE = 'https://en.m.wikipedia.org/wiki/Kavbiuro';
  const onMobile = curated.filter((a) => typeof a.target === 'object').slice(0, 3).map((a, i): Annotation => ({
    ...a,
    id: `urn:uuid:00000000-0000-4000-8000-00000000010${i}`,
    target: { ...(a.target as TextTarget), source: MOBILE },
  }));

  test('W3C import: the target is put on the work, the mobile URL kept as via; they anchor and can be saved', async () => {
    const result = importAnnotations(onMobile, text, curated, { source: work.iri, where: 'mobile.jsonld' });
    const added = result.annotations.slice(curated.length);
    expect(added).toHaveLength(3);
    for (const a of added) expect(a.target).toMatchObject({ source: work.iri, via: MOBILE });
    expect(result.report.anchors.exact).toEqual(added.map((a) => a.id));
    expect(result.report.warnings[0]!.message).toContain(`${MOBILE} kept as "via"`);
    expect(() => checkAnnotationsToSave('kavbiuro', result.annotations)).not.toThrow();
    expect((await saveToProject(result.annotations)).count).toBe(curated.length + 3);
  });

  test('the check can fail: the notes as they came (not moved) are refused by "Save to project"', async () => {
    await expect(saveToProject([...curated, ...onMobile])).rejects.toMatchObject({ status: 400, message: expect.stringContaining('target.source') });
  });

  test('Hypothesis import: the row\'s own page address is kept as via', () => {
    const row = { ...good, id: 'mobileRow', uri: MOBILE, target: [{ ...(good['target'] as object[])[0], source: MOBILE }] };
    const r = importAnnotations({ rows: [row] }, text, [], { source: work.iri, where: 'h.json' });
    expect(r.annotations[0]!.target).toMatchObject({ source: work.iri, via: MOBILE });
  });

  test.skipIf(!schemas)('the moved notes and the saved file pass the W3C MUST assertions', async () => {
    const result = importAnnotations(onMobile, text, [], { source: work.iri, where: 'mobile.jsonld' });
    for (const a of result.annotations) expect(validateAnnotation({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...a }, a.id)).toEqual([]);
    await saveToProject(result.annotations);
    const file = JSON.parse(await readFile(join(root, 'annotations', 'kavbiuro.jsonld'), 'utf8')) as AnnotationCollection;
    expect(validateCollection(file)).toEqual([]);
  });

  test('via: an address with spaces or non-ASCII letters is kept as a URI; one without a scheme is not kept', () => {
    expect(asUri('https://de.wikipedia.org/wiki/Panzerbüchse 39')).toBe('https://de.wikipedia.org/wiki/Panzerb%C3%BCchse%2039');
    expect(asUri('wiki/Kavbiuro')).toBeNull();
    const moved = targetOnWork({ source: 'wiki/Kavbiuro', selector: [] }, work.iri);
    expect(moved).toEqual({ target: { source: work.iri, selector: [] }, moved: 'wiki/Kavbiuro', keptAs: null });
    const twice = targetOnWork({ source: MOBILE, selector: [], via: MOBILE }, work.iri);
    expect(twice.target.via).toBe(MOBILE);
    expect(targetOnWork({ source: work.iri, selector: [] }, work.iri).moved).toBeNull();
  });
});
