import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumAvailable, CHROMIUM_PATH, deepText } from './support/browser.ts';
import { persistentReader } from './support/persistent-reader.ts';

// Checking claims against their sources as a reader does it: in the provenance panel, by mouse and by keyboard,
// and finding the checks again after a reload.
describe.skipIf(!chromiumAvailable())(`checking claims in Chromium (${CHROMIUM_PATH})`, () => {
  const { open } = persistentReader();
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
    // A quiet sign at the end of the claim in the text, with its outcome in words.
    const sign = page.locator('.ap-text .ap-check-sign');
    await expect.poll(() => sign.count()).toBe(1);
    expect(await sign.getAttribute('aria-label')).toBe('checked: Partly supported');
    expect(await sign.textContent()).toBe('◐');
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
