/**
 * The text does not move under the reader's pointer when the status line changes (issue 8 §2: a long status
 * message used to wrap the toolbar onto a second line 150–300 ms after each change, pushing the text down by a line
 * while a click could be on its way).
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumAvailable, launchOptions, openReader, startReaderServer } from './support/browser.ts';

describe.skipIf(!chromiumAvailable())('layout stability of the reader (Chromium)', () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startReaderServer();
    browser = await chromium.launch(launchOptions());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test.each([
    [1400, 900],
    [420, 900],
  ])('at %i × %i a long status message leaves the text where it was, and the whole message stays readable', async (width, height) => {
    const context = await browser.newContext({ viewport: { width, height } });
    try {
      const { page, errors } = await openReader(context, server.url);
      const top = () => page.evaluate(() => document.querySelector('.ap-text')!.getBoundingClientRect().top);
      const before = await top();
      const long = 'Imported 1,234 notes from a-file-with-a-long-name.json (Hypothesis); 1,200 exact, 30 fuzzy, 4 unanchored; 12 duplicates skipped';
      await page.evaluate((text) => document.querySelector('ap-reader')!.announce(text), long);
      const status = page.locator('ap-reader').locator('[role="status"]').first();
      await expect.poll(async () => status.textContent()).toContain(long);
      expect(await top()).toBe(before);
      expect(await status.getAttribute('title')).toContain(long);
      await page.evaluate(() => document.querySelector('ap-reader')!.announce(''));
      await expect.poll(async () => status.textContent()).not.toContain('Imported');
      expect(await top()).toBe(before);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
