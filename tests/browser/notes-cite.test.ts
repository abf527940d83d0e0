/**
 * Notes that cite, in real Chromium (issue 12 §2): a reader's note citing a reference of the work with a locator and
 * a relation and a source by DOI, found again after a reload; a Markdown note rendered with an XSS payload inert;
 * "Copy link" on a claim and a note (by keyboard, read back from the clipboard); the address following the claim
 * under the caret without new history entries, and a note's deep link left alone while it is open. axe finds no
 * serious or critical violation with the form open and with the cited note shown. Every test has its own profile.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { chromiumAvailable, deepText, highlightedNotes, launchOptions, openReader, PROJECT_ROOT, selectText, startReaderServer } from './support/browser.ts';

const SHOTS = join(PROJECT_ROOT, 'test-results', 'notes-cite');
const PASSAGE = '3 July 1920';

describe.skipIf(!chromiumAvailable())('notes that cite (Chromium, persistent profile)', () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let context: BrowserContext;
  let profile: string;
  let errors: string[][];

  beforeAll(async () => {
    server = await startReaderServer();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    profile = mkdtempSync(join(tmpdir(), 'apparatus-profile-'));
    context = await chromium.launchPersistentContext(profile, {
      ...launchOptions(),
      viewport: { width: 1400, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
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

  async function open(url = server.url): Promise<Page> {
    const opened = await openReader(context, url);
    errors.push(opened.errors);
    return opened.page;
  }

  const form = (p: Page) => p.locator('ap-note-form');
  const card = (p: Page, text: string) => p.locator('ap-provenance-panel ap-note-card', { hasText: text }).first();
  const status = (p: Page) => p.locator('ap-reader').getByRole('status').first();
  /** axe's serious and critical violations on the whole page (the form or the cited note open in it). */
  const seriousAxe = async (p: Page) => {
    const result = await new AxeBuilder({ page: p }).analyze();
    // axe did look at the page's fields and colours.
    expect(result.passes.filter((r) => r.nodes.length > 0).map((r) => r.id)).toEqual(expect.arrayContaining(['label', 'color-contrast']));
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };

  test('a note citing footnote [2] with a page and a relation, and a source by DOI, is there after a reload', async () => {
    const page = await open();
    const before = await highlightedNotes(page);
    await selectText(page, PASSAGE);
    await page.keyboard.press('Control+Alt+M');
    await form(page).getByRole('textbox', { name: 'Note', exact: true }).fill('The year is wrong: the vote was on **4 July 1921**.\n\n- see the minutes\n- and [Saparov](https://example.org/saparov)');
    await form(page).getByLabel('A reference of this work').selectOption('2');
    await form(page).getByLabel('Locator').fill('p. 217');
    await form(page).getByLabel('Relation').selectOption('qualifies');
    await form(page).getByRole('button', { name: 'Add source' }).click();
    await form(page).getByLabel('DOI, ISBN, URL or citation').fill('10.1080/02634937.2011.607965');
    await form(page).getByLabel('Locator').fill('fond 64, op. 1, d. 19');
    await form(page).getByLabel('Relation').selectOption('disputes');
    // Enter in the field adds the source (it does not save the note).
    await form(page).getByLabel('Locator').press('Enter');
    await form(page).getByText(/^Positions \(0\)/).click();
    await form(page).getByLabel('Who holds it').fill('Arsène Saparov');
    await form(page).getByLabel('View').fill('No direct evidence that Stalin decided it.');
    await form(page).getByLabel('Where it is stated').fill('Interview with E. Sanamyan, 2018');
    await form(page).getByRole('button', { name: 'Add position' }).click();
    await expect.poll(() => deepText(form(page))).toContain('Sources (2)');
    expect(await deepText(form(page))).toContain('disputes: doi:10.1080/02634937.2011.607965, fond 64, op. 1, d. 19');
    expect(await seriousAxe(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'note-form-page.png') });
    await form(page).screenshot({ path: join(SHOTS, 'note-form.png') });
    await form(page).getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => form(page).count()).toBe(0);
    await expect.poll(() => highlightedNotes(page)).toBe(before + 1);

    const check = async (p: Page) => {
      await p.locator('.ap-text').getByText(PASSAGE, { exact: false }).first().click();
      const c = card(p, 'The year is wrong');
      await expect.poll(() => c.count()).toBe(1);
      const text = await deepText(c);
      expect(text).toContain('qualifies: Reference [2]:');
      expect(text).toContain(', p. 217');
      expect(text).toContain('disputes: doi:10.1080/02634937.2011.607965, fond 64, op. 1, d. 19');
      expect(text).toContain('Arsène Saparov: No direct evidence that Stalin decided it.');
      await expect.poll(() => c.locator('.text strong').count()).toBe(1);
      expect(await c.locator('.text li').count()).toBe(2);
      expect(await c.locator('a[href="https://doi.org/10.1080/02634937.2011.607965"]').count()).toBe(1);
      return c;
    };
    await check(page);
    await page.reload();
    await page.waitForSelector('html[data-apparatus-ready="true"]');
    const c = await check(page);
    expect(await seriousAxe(page)).toEqual([]);
    await c.scrollIntoViewIfNeeded();
    await c.screenshot({ path: join(SHOTS, 'note-card.png') });
    await page.screenshot({ path: join(SHOTS, 'page.png') });
    // Two page loads, a long form and two axe runs: more than the default 120 s on a busy machine.
  }, 300_000);

  test('a Markdown note renders emphasis and an http link; its script, handler and javascript: link stay inert text', async () => {
    await context.addInitScript(() => {
      (window as unknown as { __xssHits: unknown[] }).__xssHits = [];
      Object.defineProperty(window, '__xss', { set: (v) => (window as unknown as { __xssHits: unknown[] }).__xssHits.push(v), get: () => undefined });
    });
    const page = await open();
    await selectText(page, PASSAGE);
    await page.keyboard.press('Control+Alt+M');
    const body = 'Plainly *wrong*, see <https://example.org/a>.\n\n<img src=x onerror=window.__xss=1> <script>window.__xss=2</script> [click](javascript:window.__xss=3) <svg onload=window.__xss=4>';
    await form(page).getByRole('textbox', { name: 'Note', exact: true }).fill(body);
    await form(page).getByRole('button', { name: 'Save note' }).click();
    await page.locator('.ap-text').getByText(PASSAGE, { exact: false }).first().click();
    const c = card(page, 'Plainly');
    await expect.poll(() => c.locator('.text em').count()).toBe(1);
    expect(await c.locator('.text a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['https://example.org/a']);
    expect(await c.locator('.text img, .text script, .text svg').count()).toBe(0);
    expect(await deepText(c.locator('.text'))).toContain('<img src=x onerror=window.__xss=1> <script>window.__xss=2</script> [click](javascript:window.__xss=3)');
    await c.locator('.text a').hover();
    expect(await page.evaluate(() => (window as unknown as { __xssHits: unknown[] }).__xssHits)).toEqual([]);
  });

  test('"Copy link" on a claim and on a note, by keyboard: the clipboard holds the absolute address, the status says so', async () => {
    const page = await open();
    await page.locator('.ap-text').getByText(PASSAGE, { exact: false }).first().click();
    const claimId = await page.locator('ap-provenance-panel').getAttribute('data-claim');
    expect(claimId).toBeTruthy();
    const copyClaim = page.locator('ap-provenance-panel').getByRole('button', { name: 'Copy link to this claim' });
    await copyClaim.focus();
    await page.keyboard.press('Enter');
    const claimUrl = `${server.url}#claim=${encodeURIComponent(claimId!)}`;
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(claimUrl);
    await expect.poll(() => status(page).textContent()).toContain(`Link to this claim copied: ${claimUrl}`);
    // A curated note on the same claim: its own link.
    const noteCard = page.locator('ap-provenance-panel ap-note-card').first();
    const noteId = await noteCard.locator('article').getAttribute('data-annotation');
    await noteCard.getByRole('button', { name: 'Copy link to this note' }).focus();
    await page.keyboard.press('Space');
    const noteUrl = `${server.url}#annotation=${encodeURIComponent(noteId!)}`;
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(noteUrl);
    await expect.poll(() => status(page).textContent()).toContain('Link to this note copied');
    // The copied links open the claim and the note.
    const other = await open(claimUrl);
    expect(await other.locator('ap-provenance-panel').getAttribute('data-claim')).toBe(claimId);
    const third = await open(noteUrl);
    await expect.poll(() => third.locator('ap-provenance-panel ap-note-card[active]').locator('article').getAttribute('data-annotation')).toBe(noteId);
  });

  test('the address follows the claim under the caret, adding no history; a note opened by its link keeps its address', async () => {
    const noteId = 'urn:apparatus:kavbiuro:stalin-narimanov-attribution';
    const page = await open(`${server.url}#annotation=${encodeURIComponent(noteId)}`);
    await expect.poll(() => page.locator('ap-provenance-panel ap-note-card[active]').count()).toBe(1);
    expect(await page.evaluate(() => location.hash)).toBe(`#annotation=${encodeURIComponent(noteId)}`);
    const historyLength = await page.evaluate(() => history.length);
    await page.locator('.ap-text').getByText('Kavbiuro was set up on 8 April 1920', { exact: false }).first().click();
    const first = await page.locator('ap-provenance-panel').getAttribute('data-claim');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#claim=${encodeURIComponent(first!)}`);
    await page.keyboard.press(']');
    await expect.poll(() => page.locator('ap-provenance-panel').getAttribute('data-claim')).not.toBe(first);
    const second = await page.locator('ap-provenance-panel').getAttribute('data-claim');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#claim=${encodeURIComponent(second!)}`);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    // The address bar's link opens the claim being read.
    const again = await open(await page.evaluate(() => location.href));
    expect(await again.locator('ap-provenance-panel').getAttribute('data-claim')).toBe(second);
  });
});
