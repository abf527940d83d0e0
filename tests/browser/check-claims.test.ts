import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { chromiumAvailable, CHROMIUM_PATH, deepText, launchOptions, openReader, startReaderServer } from './support/browser.ts';

// Checking claims against their sources as a reader does it: in the provenance panel, by mouse and by keyboard,
// and finding the checks again after a reload.
describe.skipIf(!chromiumAvailable())(`checking claims in Chromium (${CHROMIUM_PATH})`, () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let profile: string;
  let context: BrowserContext;
  let errors: string[][];

  beforeAll(async () => {
    server = await startReaderServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    profile = mkdtempSync(join(tmpdir(), 'apparatus-profile-'));
    context = await chromium.launchPersistentContext(profile, { ...launchOptions(), viewport: { width: 1400, height: 900 } });
    errors = [];
  });
  afterEach(async () => {
    try {
      expect(errors.flat()).toEqual([]);
    } finally {
      await context?.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  async function open(): Promise<Page> {
    const opened = await openReader(context, server.url);
    errors.push(opened.errors);
    return opened.page;
  }
  const checker = (p: Page) => p.locator('ap-provenance-panel ap-claim-check');
  const progress = (p: Page) => p.locator('ap-claim-list .progress');

  test('two checks recorded with pages, the progress counts them, and they are there after a reload', async () => {
    const page = await open();
    await page.getByRole('tab', { name: /^Claims/ }).click();
    const before = Number(await progress(page).getAttribute('data-checked'));
    expect(before).toBe(0);
    // First check, by mouse: the founding date against footnote [1].
    await page.getByText('8 April 1920', { exact: false }).first().click();
    await checker(page).getByRole('button', { name: 'Check source [1]' }).click();
    await checker(page).getByLabel('Partly supported').check();
    await checker(page).getByLabel(/Locator/).fill('p. 97');
    await checker(page).getByLabel('Passage of the source').fill('the Kavbiuro, created in April 1920');
    await checker(page).getByRole('button', { name: 'Record check' }).click();
    await expect.poll(() => deepText(checker(page))).toContain('Partly supported, p. 97');
    // Second, by keyboard: Alt+U goes to a claim not yet checked; Tab reaches its form.
    await page.locator('.ap-text').focus();
    await page.keyboard.press('Alt+U');
    const claimId = await page.locator('ap-provenance-panel').getAttribute('data-claim');
    expect(claimId).toBeTruthy();
    const button = checker(page).getByRole('button', { name: /^(Check source|Mark as needing a source)/ }).first();
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => checker(page).locator('form').count()).toBe(1);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => Number(await progress(page).getAttribute("data-checked"))).toBe(2);
    await page.getByRole('button', { name: /^Not yet checked/ }).click();
    await page.screenshot({ path: 'test-results/check-claims.png' });
    // Everything is in the browser's store: a reload brings it back.
    await page.reload();
    await page.waitForSelector('html[data-apparatus-ready="true"]');
    await page.getByRole('tab', { name: /^Claims/ }).click();
    await expect.poll(async () => Number(await progress(page).getAttribute("data-checked"))).toBe(2);
    await page.getByText('8 April 1920', { exact: false }).first().click();
    await expect.poll(() => deepText(checker(page))).toContain('“the Kavbiuro, created in April 1920”');
  });
});
