import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { chromiumAvailable, CHROMIUM_PATH, deepText, launchChromium, openReader, PROJECT_ROOT, selectText, startReaderServer } from './support/browser.ts';

const SHOTS = `${PROJECT_ROOT}test-results/screenshots`;

describe.skipIf(!chromiumAvailable())(`the reader in Chromium (${CHROMIUM_PATH})`, () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let browser: Browser;
  // Every test opens the reader in a context of its own: no test starts from the page an earlier one left behind.
  let context: BrowserContext;
  let page: Page;
  /** Console errors of every page the test opened. */
  let errors: string[][];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startReaderServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    errors = [];
    page = await open();
  });

  afterEach(async () => {
    try {
      expect(errors.flat()).toEqual([]);
    } finally {
      await context?.close();
    }
  });

  /** Opens the reader at `url` (default: the Kavbiuro page) in the test's context and collects its console errors. */
  async function open(url = server.url): Promise<Page> {
    const opened = await openReader(context, url);
    errors.push(opened.errors);
    return opened.page;
  }

  const panel = () => page.locator('ap-provenance-panel');
  const docText = () => page.locator('.ap-text').evaluate((el) => el.textContent);

  test('shows the Kavbiuro text with its title, claims styled by support and a legend', async () => {
    await expect(page.locator('h1').textContent()).resolves.toBe('Kavbiuro');
    expect(await page.locator('.ap-text p').count()).toBe(3);
    expect(await page.locator('.ap-text .ap-blockquote').count()).toBe(1);
    expect(await page.locator('.ap-text .ap-claim--none').count()).toBe(4);
    expect(await page.locator('.ap-text .ap-marker').count()).toBe(4);
    expect(await page.locator('.ap-text .ap-reference').count()).toBe(2);
    await expect(deepText(page.locator('ap-legend'))).resolves.toContain('No source');
    await page.screenshot({ path: `${SHOTS}/reader-1400x900.png` });
  });

  test('clicking "8 April 1920" shows Altstadt with identifier links', async () => {
    await page.getByText('8 April 1920', { exact: false }).first().click();
    await expect.poll(() => panel().getAttribute('data-claim')).not.toBe('');
    const text = await deepText(panel());
    expect(text).toContain('Altstadt (1992)');
    expect(text).toContain('The Azerbaijani Turks');
    const isbn = panel().locator('a[href="https://openlibrary.org/isbn/0817991816"]');
    await expect(isbn.count()).resolves.toBe(1);
    await expect(panel().locator('a[href="https://www.worldcat.org/oclc/24846708"]').count()).resolves.toBe(1);
    await expect(panel().locator('a[href="https://openlibrary.org/books/1560533M"]').count()).resolves.toBe(1);
    await page.screenshot({ path: `${SHOTS}/reader-altstadt.png` });
  });

  test('clicking "Some Armenian historians" says that no source is cited', async () => {
    await page.getByText('Some Armenian historians', { exact: false }).first().click();
    await expect.poll(() => deepText(panel())).toContain('No source is cited for this claim.');
    expect(await panel().locator('ap-source-card').count()).toBe(0);
  });

  test('clicking a marker shows its reference with a handle link', async () => {
    await page.locator('.ap-text .ap-marker[data-marker="2"]').first().click();
    await expect.poll(() => deepText(panel())).toContain('Suny (1989)');
    await expect(panel().locator('a[href="https://hdl.handle.net/2027/spo.act2080.0028.004%3A03"]').count()).resolves.toBe(1);
    await expect.poll(() => page.locator('.ap-text .ap-reference.is-focused').getAttribute('data-label')).toBe('2');
    // The reference also shows in a popover at the marker.
    await expect.poll(() => deepText(page.locator('ap-footnote-popover'))).toContain('Suny (1989)');
  });

  test('] and [ move between claims; the claim list jumps to a claim', async () => {
    await page.getByText('8 April 1920', { exact: false }).first().click();
    await expect.poll(() => deepText(panel())).toContain('8 April 1920');
    const first = await panel().getAttribute('data-claim');
    await page.keyboard.press(']');
    await expect.poll(() => deepText(panel())).toContain('One immediate concern');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => deepText(panel())).toContain('One decision the Kavbiuro');
    await page.keyboard.press('[');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => panel().getAttribute('data-claim')).toBe(first);
    await page.getByRole('tab', { name: /Claims/ }).click();
    await page.locator('ap-claim-list button.claim', { hasText: 'Aleksandr Myasnikyan described' }).click();
    await expect.poll(() => deepText(panel())).toContain('Aleksandr Myasnikyan described the Kavbiuro meeting:');
    await expect.poll(() => page.locator('ap-claim-list button[aria-current="true"]').textContent()).toContain('Aleksandr Myasnikyan');
  });

  test('the text cannot be changed by typing, deleting, pasting or cutting', async () => {
    const before = await docText();
    await page.getByText('Under Tsarist rule', { exact: false }).first().click();
    await page.keyboard.type('INSERTED');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+x');
    await page.keyboard.press('Control+v');
    expect(await docText()).toBe(before);
  });

  test('filters the claim list by support', async () => {
    await page.getByRole('tab', { name: /Claims/ }).click();
    await page.locator('ap-claim-list button[data-filter="none"]').click();
    await expect.poll(() => page.locator('ap-claim-list button.claim').count()).toBe(4);
    await page.locator('ap-claim-list button[data-filter="all"]').click();
    await expect.poll(() => page.locator('ap-claim-list button.claim').count()).toBe(14);
  });

  test('has no serious or critical accessibility violations (axe)', async () => {
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });

  test('has no serious or critical accessibility violations with the note form and the export menu open (axe)', async () => {
    await selectText(page, 'Under Tsarist rule');
    await page.keyboard.press('Control+Alt+M');
    await expect.poll(() => page.locator('ap-note-form').getByRole('textbox', { name: 'Your name' }).count()).toBe(1);
    await page.locator('ap-export-menu #export-button').click();
    await expect.poll(() => page.locator('ap-export-menu [role=menu]').count()).toBe(1);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('ap-note-form').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.locator('ap-note-form').count()).toBe(0);
  });

  test('a deep link #claim=<id> opens the page on that claim', async () => {
    const id = await page.locator('.ap-claim--none[data-claim]').nth(2).getAttribute('data-claim');
    const linked = await open(`${server.url}#claim=${id}`);
    await expect.poll(() => linked.locator('ap-provenance-panel').getAttribute('data-claim')).toBe(id);
  });

  test('says clearly when the text does not match the hash in work.json', async () => {
    const url = `${server.url}?text=/corpus/kavbiuro/text.txt&meta=/tests/fixtures/reader/altered-work.json`;
    const altered = await open(url);
    await expect.poll(() => altered.locator('ap-reader [role="alert"]').textContent()).toContain('has been altered');
  });

  test('is readable in a narrow window (420 × 900)', async () => {
    const narrow = await browser.newContext({ viewport: { width: 420, height: 900 } });
    const { page: small, errors: smallErrors } = await openReader(narrow, server.url);
    const width = await small.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(420);
    // The provenance stays in view as a sheet along the bottom edge, whatever the scroll position.
    const sheet = await small.locator('ap-reader section.provenance').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { position: getComputedStyle(el).position, bottom: Math.round(r.bottom), height: r.height };
    });
    expect(sheet.position).toBe('fixed');
    expect(sheet.bottom).toBe(900);
    expect(sheet.height).toBeLessThanOrEqual(900 * 0.4);
    await small.screenshot({ path: `${SHOTS}/reader-420x900.png`, fullPage: true });
    expect(smallErrors).toEqual([]);
    await narrow.close();
  });
});
