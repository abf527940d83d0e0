import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium, openReader, startReaderServer } from './support/browser.ts';

// The claim under the caret is painted as a CSS highlight (src/editor/claim-highlight.ts), not by a style rule.
describe.skipIf(!chromiumAvailable())(`the current claim's highlight in Chromium (${CHROMIUM_PATH})`, () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await startReaderServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    ({ page, errors } = await openReader(context, server.url));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The text of every range of the named highlight, and the claim the panel shows. */
  const shown = () =>
    page.evaluate(() => {
      const texts = (name: string) => [...((CSS.highlights.get(name) as Highlight | undefined) ?? [])].map((r) => (r as Range).toString());
      return {
        sourced: texts('ap-current-claim'),
        unsourced: texts('ap-current-claim-none'),
        claim: document.querySelector('ap-reader')?.shadowRoot?.querySelector('ap-provenance-panel')?.getAttribute('data-claim') ?? '',
        rules: document.querySelector('style[data-apparatus="current"]')?.textContent ?? '',
      };
    });
  /** The text of claim `id` in the document (all its mark spans). */
  const claimText = (id: string) =>
    page.evaluate((i) => [...document.querySelectorAll(`.ap-text [data-claim="${CSS.escape(i)}"]`)].map((e) => e.textContent).join(''), id);

  test('a click in a claim paints exactly that claim, with no style rule written for it', async () => {
    await page.getByText('8 April 1920', { exact: false }).first().click();
    await expect.poll(async () => (await shown()).claim).not.toBe('');
    const s = await shown();
    expect(s.unsourced).toEqual([]);
    expect(s.sourced).toHaveLength(1);
    expect(s.sourced[0]).toBe(await claimText(s.claim));
    expect(s.sourced[0]).toContain('8 April 1920');
    expect(s.rules).not.toContain('data-claim');
  });

  test('a claim without a source gets its own highlight, and the previous one is gone', async () => {
    await page.getByText('Some Armenian historians', { exact: false }).first().click();
    await expect.poll(async () => (await shown()).unsourced.length).toBe(1);
    const s = await shown();
    expect(s.sourced).toEqual([]);
    expect(s.unsourced[0]).toBe(await claimText(s.claim));
  });

  test('moving the caret out of every claim clears the highlight', async () => {
    await page.locator('.ap-text .ap-reference').first().click();
    await expect.poll(async () => { const s = await shown(); return s.sourced.length + s.unsourced.length; }).toBe(0);
  });

  test('no console errors', () => {
    expect(errors).toEqual([]);
  });
});
