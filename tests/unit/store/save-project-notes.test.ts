import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { parseAnnotationFile } from '../../../src/anchoring/annotation-file.ts';
import { ProjectFileError, sha256Hex } from '../../../src/store/project-file.ts';
import { saveProjectNotes } from '../../../src/store/save-project-notes.ts';
import { sampleAnnotation, sampleAnnotations, sampleCollection } from './sample-annotations.ts';
import { tempProject } from './temp-project.ts';

/** The file a colleague committed: with the collection's own metadata, which a save must keep. */
function curated(items: unknown[]): string {
  const collection = { ...sampleCollection('kavbiuro', items as Annotation[]), creator: { type: 'Person', name: 'The Editor' }, created: '2026-01-01T00:00:00Z', label: 'Curated notes' };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

describe('saveProjectNotes: a merging Save to project', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let file: string;
  const v0 = sampleAnnotations(3);
  const v0Text = curated(v0);
  beforeEach(async () => {
    project = await tempProject('apparatus-merge-save-', v0Text);
    file = join(project.root, 'annotations', 'kavbiuro.jsonld');
  });
  afterEach(async () => project.remove());

  const baseV0 = { sha256: sha256Hex(v0Text), items: v0 };
  const save = (notes: Annotation[], base: { sha256: string | null; items: unknown[] } | null = baseV0) =>
    saveProjectNotes(project.root, 'kavbiuro', { base, notes: { ...sampleCollection('kavbiuro', notes), modified: '2026-12-03T08:00:00Z' } });
  const onDisk = async () => parseAnnotationFile(await readFile(file, 'utf8'), file);
  const top = async () => JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  const text = (a: Annotation | undefined) => (a?.body?.[0] as { value: string } | undefined)?.value;

  it('with the file unchanged since the base, writes the notes sent, keeping the collection\'s metadata', async () => {
    const saved = await save([...v0, sampleAnnotation(4)]);
    expect(saved).toMatchObject({ written: true, upToDate: true, count: 4, message: 'Saved: 4 notes' });
    expect((await onDisk()).annotations.map((a) => a.id)).toEqual([...v0, sampleAnnotation(4)].map((a) => a.id));
    expect(await top()).toMatchObject({ label: 'Curated notes', creator: { name: 'The Editor' }, created: '2026-01-01T00:00:00Z', modified: '2026-12-03T08:00:00Z', total: 4 });
    expect(saved.sha256).toBe(sha256Hex(await readFile(file)));
  });

  it('a save with no change does not touch the file: same bytes, same mtime', async () => {
    const before = await stat(file);
    const saved = await save(v0);
    expect(saved).toMatchObject({ written: false, upToDate: true, sha256: sha256Hex(v0Text) });
    expect(saved.message).toBe('Already saved: annotations/kavbiuro.jsonld holds 3 notes');
    expect(await readFile(file, 'utf8')).toBe(v0Text);
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  it('added/added: a note added in the file meanwhile (another browser, a git pull) is kept beside the one sent', async () => {
    await writeFile(file, curated([...v0, sampleAnnotation(10, 'colleague')]));
    const saved = await save([...v0, sampleAnnotation(11, 'mine')]);
    expect((await onDisk()).annotations.map((a) => text(a))).toEqual(['Note 1', 'Note 2', 'Note 3', 'mine', 'colleague']);
    expect(saved).toMatchObject({ upToDate: false, report: { fromTheirs: [sampleAnnotation(10).id] }, message: 'Saved: 5 notes, 1 note added from the file' });
  });

  it('an older copy saved after a newer one (the two-browsers case) deletes nothing the other added', async () => {
    await save([...v0, sampleAnnotation(4, 'A')]);
    const b = await save(v0);
    expect((await onDisk()).annotations.map((a) => text(a))).toContain('A');
    expect(b.report.fromTheirs).toEqual([sampleAnnotation(4).id]);
    expect(b.upToDate).toBe(false);
  });

  it('deleted/unchanged: a note deleted on one side and unchanged on the other is deleted', async () => {
    await writeFile(file, curated([v0[0], v0[1]]));
    await save(v0.slice(1));
    expect((await onDisk()).annotations.map((a) => a.id)).toEqual([v0[1]!.id]);
  });

  it('changed/changed: both versions kept side by side, the file\'s under a fresh id naming the original in via', async () => {
    await writeFile(file, curated([sampleAnnotation(1, 'theirs'), v0[1], v0[2]]));
    const saved = await save([sampleAnnotation(1, 'mine'), v0[1]!, v0[2]!]);
    const back = (await onDisk()).annotations;
    expect(back.map((a) => text(a))).toEqual(['mine', 'theirs', 'Note 2', 'Note 3']);
    expect(back[0]!.id).toBe(v0[0]!.id);
    expect(back[1]!.id).toBe(saved.report.conflicts[0]!.keptAs);
    expect((back[1] as Annotation & { via?: string }).via).toBe(v0[0]!.id);
    expect(saved.message).toBe('Saved: 4 notes, 1 conflict kept beside');
  });

  it('changed/deleted: a note changed on one side and deleted on the other is kept, changed', async () => {
    await writeFile(file, curated([v0[1], v0[2]]));
    await save([sampleAnnotation(1, 'edited here'), v0[1]!, v0[2]!]);
    expect((await onDisk()).annotations.map((a) => text(a))).toEqual(['edited here', 'Note 2', 'Note 3']);
    await writeFile(file, curated([sampleAnnotation(1, 'edited there'), v0[1], v0[2]]));
    await save(v0.slice(1));
    expect((await onDisk()).annotations.map((a) => text(a))).toContain('edited there');
  });

  it('unreadable items of the file (an unknown motivation) are written back unchanged', async () => {
    const strange = { ...sampleAnnotation(20), motivation: 'pondering-the-future' };
    const withStrange = curated([...v0, strange]);
    await writeFile(file, withStrange);
    const saved = await save([...v0, sampleAnnotation(4)], { sha256: sha256Hex(withStrange), items: v0 });
    expect(saved.keptUnreadable).toBe(1);
    expect(saved.message).toContain('1 unreadable note of the file kept unchanged');
    const items = ((await top())['first'] as { items: unknown[] }).items;
    expect(items).toContainEqual(strange);
    expect(items).toHaveLength(5);
  });

  it('without a base (unknown), deletes nothing: both sides kept, differences as conflicts', async () => {
    await save([v0[0]!, sampleAnnotation(2, 'changed')], null);
    const back = (await onDisk()).annotations;
    expect(back.map((a) => text(a)).sort()).toEqual(['Note 1', 'Note 2', 'Note 3', 'changed'].sort());
  });

  it('refuses (409) to merge with or overwrite a file on disk it cannot read, and leaves it as it is', async () => {
    const broken = '<<<<<<< HEAD\n{ "type": "AnnotationCollection" }\n=======\n';
    await writeFile(file, broken);
    const error = await save(v0).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectFileError);
    expect((error as ProjectFileError).status).toBe(409);
    expect((error as Error).message).toMatch(/cannot be read/);
    expect(await readFile(file, 'utf8')).toBe(broken);
  });

  it('refuses invalid notes (400), naming the note and field, and changes nothing', async () => {
    const error = await save([{ ...sampleAnnotation(5), type: 'Note' } as unknown as Annotation]).then(() => null, (e: unknown) => e);
    expect((error as ProjectFileError).status).toBe(400);
    expect((error as Error).message).toContain(sampleAnnotation(5).id);
    expect(await readFile(file, 'utf8')).toBe(v0Text);
  });
});
