import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium, openReader, startReaderServer } from './support/browser.ts';

// The timeline tab (src/panels/ap-timeline.ts) on Kavbiuro with its curated notes, as a reader meets it.
describe.skipIf(!chromiumAvailable())(`the timeline in Chromium (${CHROMIUM_PATH})`, () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startReaderServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh reader (own context, so no test sees another's state) with the Timeline tab opened by keyboard. */
  async function openTimeline() {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const { page, errors } = await openReader(context, server.url);
    const tabs = page.getByRole('tab');
    await page.getByRole('tab', { name: /^Notes/ }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: 'Timeline' }).getAttribute('aria-selected')).toBe('true');
    expect(await tabs.count()).toBe(3);
    return { context, page, errors, panel: page.locator('ap-timeline') };
  }

  test('the arrow keys reach the Timeline tab, which lists the dates in order with the curated corrections', async () => {
    const { context, page, errors, panel } = await openTimeline();
    await expect.poll(() => panel.locator('li').count()).toBeGreaterThan(3);
    const stamps = await panel.locator('li time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    const keys = stamps.map((s) => s.split('/')[0]!);
    expect(keys).toEqual([...keys].sort());
    // The curated note on "3 July 1920" gives 4–5 July 1921 with high certainty: shown at its own date, and beside the text's.
    const correction = panel.locator('li.correction', { hasText: '4–5 July 1921' });
    await expect.poll(() => correction.count()).toBe(1);
    expect(await correction.innerText()).toContain('high certainty');
    expect(await panel.locator('li.stated', { hasText: '3 July 1920' }).first().innerText()).toContain('A note gives 4–5 July 1921');
    // "two days later" is inferred from 3 July 1920, and a note corrects it to 5 July 1921.
    const inferred = panel.locator('li.stated', { hasText: 'Inferred' });
    expect(await inferred.innerText()).toContain('5 July 1920');
    expect(await inferred.innerText()).toContain('A note gives 5 July 1921 (medium certainty)');
    expect(errors).toEqual([]);
    await page.screenshot({ path: 'test-results/timeline.png' });
    await context.close();
  });

  test('choosing a date puts the caret in its claim, and a correction opens its note', async () => {
    const { context, page, panel } = await openTimeline();
    await panel.locator('li.stated', { hasText: '8 April 1920' }).locator('button').click();
    const provenance = page.locator('ap-provenance-panel');
    await expect.poll(() => provenance.getAttribute('data-claim')).not.toBeNull();
    const claim = (await provenance.getAttribute('data-claim'))!;
    const words = await page.evaluate((id) => [...document.querySelectorAll(`.ap-text [data-claim="${CSS.escape(id)}"]`)].map((e) => e.textContent).join(''), claim);
    expect(words).toContain('8 April 1920');
    await panel.locator('li.correction button').first().click();
    await expect.poll(() => provenance.getByText('Wrong year', { exact: false }).count()).toBeGreaterThan(0);
    await context.close();
  });
});
