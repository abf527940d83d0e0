/**
 * The browser's working copy of a work's notes outlives the project's curated file: once this browser has saved
 * the notes, what the reader deleted stays deleted after a reload — the curated notes do not come back.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { chromiumAvailable, deepText, highlightedNotes, launchOptions, openReader, startReaderServer } from './support/browser.ts';

describe.skipIf(!chromiumAvailable())('the working copy of the notes (Chromium)', () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  // Kavbiuro with a notes file of two curated notes.
  const query = '?text=/corpus/kavbiuro/text.txt&meta=/corpus/kavbiuro/work.json&annotations=/tests/fixtures/reader/two-notes.jsonld';

  beforeAll(async () => {
    server = await startReaderServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  // Every test starts from a new profile of its own (a temporary one): nothing saved by an earlier test is there.
  beforeEach(async () => {
    context = await chromium.launchPersistentContext('', { ...launchOptions(), viewport: { width: 1400, height: 900 } });
    ({ page, errors } = await openReader(context, `${server.url}${query}`));
  });

  afterEach(async () => {
    try {
      expect(errors).toEqual([]);
    } finally {
      await context?.close();
    }
  });

  const deleteNoteOn = async (passage: string, body: string) => {
    await page.locator('.ap-text').getByText(passage, { exact: false }).first().click();
    const card = page.locator('ap-provenance-panel ap-note-card', { hasText: body }).first();
    await card.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => page.locator('ap-provenance-panel ap-note-card', { hasText: body }).count()).toBe(0);
  };

  test('starts from the notes file while this browser has saved nothing', async () => {
    await expect.poll(() => highlightedNotes(page)).toBe(2);
  });

  test('after every note is deleted and saved, a reload shows none: the curated ones do not come back', async () => {
    await deleteNoteOn('Under Tsarist rule', 'True only for part of the Tsarist period');
    await deleteNoteOn('by the British', 'Right in substance');
    await expect.poll(() => highlightedNotes(page)).toBe(0);
    await expect.poll(() => deepText(page.locator('ap-reader'))).toContain('All notes saved in this browser');
    await page.reload();
    await page.waitForSelector('html[data-apparatus-ready="true"]');
    expect(await highlightedNotes(page)).toBe(0);
    await page.getByRole('tab', { name: /Notes/ }).click();
    await expect.poll(async () => deepText(page.locator('ap-note-list'))).not.toContain('True only for part of the Tsarist period');
  });
});
