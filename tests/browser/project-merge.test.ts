/**
 * Nothing overwritten, nothing shadowed (issue 8 §3): two browsers saving to one project lose nothing, a save after
 * a `git pull` keeps the colleague's note, and a working copy made before the file changed brings the change in at
 * load — all on a real dev server over a temporary copy of the project.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { parseAnnotationFile } from '../../src/anchoring/annotation-file.ts';
import type { Annotation } from '../../src/anchoring/annotation-types.ts';
import { chromiumAvailable, deepText, launchChromium, openReader, PROJECT_ROOT, selectText, startReaderServer } from './support/browser.ts';

describe.skipIf(!chromiumAvailable())('Save to project and load merge with the project file (Chromium)', () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let browser: Browser;
  let project: string;
  let file: string;
  let original: string;
  const previous = process.env['APPARATUS_PROJECT_ROOT'];

  beforeAll(async () => {
    project = mkdtempSync(join(tmpdir(), 'apparatus-merge-'));
    cpSync(`${PROJECT_ROOT}corpus`, join(project, 'corpus'), { recursive: true });
    cpSync(`${PROJECT_ROOT}annotations`, join(project, 'annotations'), { recursive: true });
    file = join(project, 'annotations', 'kavbiuro.jsonld');
    original = readFileSync(file, 'utf8');
    process.env['APPARATUS_PROJECT_ROOT'] = project;
    server = await startReaderServer();
    browser = await launchChromium();
  });
  beforeEach(() => writeFileSync(file, original));
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (previous === undefined) delete process.env['APPARATUS_PROJECT_ROOT'];
    else process.env['APPARATUS_PROJECT_ROOT'] = previous;
    rmSync(project, { recursive: true, force: true });
  });

  const onDisk = () => parseAnnotationFile(readFileSync(file, 'utf8'), file);
  const bodies = (notes: Annotation[]) => notes.map((a) => (a.body?.[0] as { value?: string } | undefined)?.value ?? '');
  const status = (page: Page) => deepText(page.locator('ap-reader [role=status]'));
  const notesList = async (page: Page) => {
    await page.getByRole('tab', { name: /Notes/ }).click();
    return deepText(page.locator('ap-note-list'));
  };
  /** A colleague's note, as a `git pull` brings it: a copy of the file's first note with its own id and words. */
  const pullColleagueNote = (words: string) => {
    const collection = JSON.parse(readFileSync(file, 'utf8')) as { total: number; first: { items: Annotation[] } };
    const first = collection.first.items[0]!;
    collection.first.items.push({ ...first, id: 'urn:uuid:00000000-0000-4000-8000-c011ea90e000', body: [{ type: 'TextualBody', value: words, format: 'text/plain' }] });
    collection.total += 1;
    writeFileSync(file, `${JSON.stringify(collection, null, 2)}\n`);
  };
  const addNote = async (page: Page, passage: string, words: string) => {
    await selectText(page, passage);
    await page.keyboard.press('Control+Alt+M');
    await page.locator('ap-note-form').getByRole('textbox', { name: 'Note', exact: true }).fill(words);
    await page.locator('ap-note-form').getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => page.locator('ap-note-form').count()).toBe(0);
  };
  const saveToProject = (page: Page) => page.getByRole('button', { name: 'Save to project' }).click();

  test('two browsers: A saves a new note, B saves its older copy — A\'s note stays, and B is told so', async () => {
    const a = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const b = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const pageA = await openReader(a, server.url);
    const pageB = await openReader(b, server.url);
    const before = onDisk().annotations.length;

    await addNote(pageA.page, '3 July 1920', 'Written in browser A');
    await saveToProject(pageA.page);
    await expect.poll(() => status(pageA.page)).toMatch(new RegExp(`Saved: ${before + 1} notes`));
    expect(bodies(onDisk().annotations)).toContain('Written in browser A');

    await saveToProject(pageB.page);
    await expect.poll(() => status(pageB.page)).toContain('1 note added from the file');
    const after = onDisk();
    expect(after.annotations).toHaveLength(before + 1);
    expect(bodies(after.annotations)).toContain('Written in browser A');
    // B now shows A's note too.
    await expect.poll(() => notesList(pageB.page)).toContain('Written in browser A');
    expect([...pageA.errors, ...pageB.errors]).toEqual([]);
    await a.close();
    await b.close();
  });

  test('a git pull brought a colleague\'s note, then a save: the note is kept in the file and shown here', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const { page, errors } = await openReader(context, server.url);
    pullColleagueNote('A colleague’s note that came with git pull');
    await addNote(page, '3 July 1920', 'My own note after the pull');
    await saveToProject(page);
    await expect.poll(() => status(page)).toMatch(/Saved: \d+ notes, 1 note added from the file/);
    const texts = bodies(onDisk().annotations);
    expect(texts).toContain('A colleague’s note that came with git pull');
    expect(texts).toContain('My own note after the pull');
    await expect.poll(() => notesList(page)).toContain('A colleague’s note that came with git pull');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the project file changed since the working copy was made: the load brings the change in and says so', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const { page, errors } = await openReader(context, server.url);
    // A working copy of its own: one note deleted here (saved in this browser).
    await page.getByRole('tab', { name: /Notes/ }).click();
    const first = page.locator('ap-note-list ap-note-card').first();
    const deleted = await first.locator('article').getAttribute('data-annotation');
    await first.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => deepText(page.locator('ap-reader'))).toContain('All notes saved in this browser');

    pullColleagueNote('Brought in at load');
    await page.reload();
    await page.waitForSelector('html[data-apparatus-ready="true"]');
    await expect.poll(() => notesList(page)).toContain('Brought in at load');
    expect(await page.locator(`ap-note-list article[data-annotation="${deleted}"]`).count()).toBe(0);
    expect(await deepText(page.locator('ap-reader'))).toContain('The project’s notes file changed since this browser’s copy was made: 1 note added from the project file');
    expect(errors).toEqual([]);
    await context.close();
  });
});
