/**
 * A crafted link must not replace the project's notes (issue 8, §5 finding 1). A link
 * `?text=<the project's text>&meta=<its work.json>&annotations=<someone else's notes>` shows the project's text
 * with other notes; a note added there used to be saved as this browser's working copy of the project work, so
 * that `/` then showed the link's notes as the project's and "Save to project" wrote them. Now a text opened from a
 * link keeps its notes under a key of its own, says in a banner that it is not from this project, offers no
 * "Save to project", and loads files of this site only.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumAvailable, collectErrors, deepText, launchOptions, openReader, PROJECT_ROOT, selectText, startReaderServer } from './support/browser.ts';

/** The ids of the notes in the reader's state (the annotations plugin's state, by its key). */
function noteIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const state = window.apparatus!.editor.view.state as unknown as Record<string, { byId: Map<string, unknown> } | undefined>;
    return [...(state['apparatus-annotations$']?.byId.keys() ?? [])];
  });
}

/** The ids of the notes of a collection file of the project. */
const idsIn = (path: string): string[] =>
  (JSON.parse(readFileSync(join(PROJECT_ROOT, path), 'utf8')) as { first: { items: { id: string }[] } }).first.items.map((a) => a.id);

describe.skipIf(!chromiumAvailable())('a crafted link (Chromium)', () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let browser: Browser;
  let context: BrowserContext;
  // The project's text and details with two notes that are not the project's (a file of this site).
  const crafted = '?text=/corpus/kavbiuro/text.txt&meta=/corpus/kavbiuro/work.json&annotations=/tests/fixtures/reader/two-notes.jsonld';

  beforeAll(async () => {
    server = await startReaderServer();
    browser = await chromium.launch(launchOptions());
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  test('a note made on it is kept apart: the project page still shows the curated notes, and the link its own', async () => {
    const curated = idsIn('annotations/kavbiuro.jsonld');
    const linkNotes = idsIn('tests/fixtures/reader/two-notes.jsonld');
    expect(curated.length).toBeGreaterThan(linkNotes.length);

    const { page, errors } = await openReader(context, `${server.url}${crafted}`);
    const banner = page.getByRole('status', { name: 'Not from this project' });
    await expect.poll(() => banner.count()).toBe(1);
    expect(await banner.isVisible()).toBe(true);
    expect(await banner.textContent()).toContain('/tests/fixtures/reader/two-notes.jsonld');
    await selectText(page, '3 July 1920');
    await page.keyboard.press('Control+Alt+M');
    await page.locator('ap-note-form').getByRole('textbox', { name: 'Note', exact: true }).fill('Made on a page opened from a link.');
    await page.locator('ap-note-form').getByRole('button', { name: 'Save note' }).click();
    await expect.poll(async () => (await noteIds(page)).length).toBe(linkNotes.length + 1);
    await expect.poll(() => deepText(page.locator('ap-reader'))).toContain('All notes saved in this browser');
    // Offered on the project's page (the dev server can save), never on a linked one.
    expect(await page.getByRole('button', { name: 'Save to project' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();

    const { page: project } = await openReader(context, server.url);
    expect((await noteIds(project)).sort()).toEqual([...curated].sort());
    expect(await project.getByRole('status', { name: 'Not from this project' }).count()).toBe(0);
    await expect.poll(() => project.getByRole('button', { name: 'Save to project' }).count()).toBe(1);
    await project.close();

    // The link keeps its own working copy: its two notes and the new one.
    const { page: again } = await openReader(context, `${server.url}${crafted}`);
    const ids = await noteIds(again);
    expect(ids).toHaveLength(linkNotes.length + 1);
    expect(ids).toEqual(expect.arrayContaining(linkNotes));
    await again.close();
  });

  test('files that are not of this site (data:, another origin) are refused with a message, and nothing is loaded', async () => {
    const data = `data:application/ld+json,${encodeURIComponent('{"type":"AnnotationCollection"}')}`;
    for (const [name, query] of [
      ['annotations', `?text=/corpus/kavbiuro/text.txt&meta=/corpus/kavbiuro/work.json&annotations=${encodeURIComponent(data)}`],
      ['meta', `?text=/corpus/kavbiuro/text.txt&meta=${encodeURIComponent('http://example.invalid/work.json')}`],
    ] as const) {
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${server.url}${query}`);
      const alert = page.locator('#text [role="alert"]');
      await expect.poll(() => alert.count()).toBe(1);
      expect(await alert.textContent()).toMatch(new RegExp(`"${name}" is not a file of this site`));
      expect(await page.evaluate(() => window.apparatus === undefined)).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
