import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumAvailable, deepText, highlightedNotes, launchOptions, openReader, PROJECT_ROOT, selectText, startReaderServer } from './support/browser.ts';


describe.skipIf(!chromiumAvailable())('annotating in the reader (Chromium, persistent profile)', () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let context: BrowserContext;
  let profile: string;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await startReaderServer();
    profile = mkdtempSync(join(tmpdir(), 'apparatus-profile-'));
    context = await chromium.launchPersistentContext(profile, { ...launchOptions(), viewport: { width: 1400, height: 900 } });
    ({ page, errors } = await openReader(context, server.url));
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const card = (p: Page, text: string) => p.locator('ap-provenance-panel ap-note-card', { hasText: text }).first();

  test('the curated notes are highlighted and listed with the claims they concern', async () => {
    expect(await highlightedNotes(page)).toBeGreaterThanOrEqual(20);
    await page.locator('.ap-text').getByText('Some Armenian historians', { exact: false }).first().click();
    // The panel re-renders asynchronously after the click.
    await expect.poll(() => deepText(page.locator('ap-provenance-panel'))).toContain('Contested');
    expect(await deepText(page.locator('ap-provenance-panel'))).toContain('Hasanli');
  });

  test('creates a note on a selection with the keyboard shortcut and the form', async () => {
    const before = await highlightedNotes(page);
    await selectText(page, '3 July 1920');
    await page.keyboard.press('Control+Alt+M');
    const form = page.locator('ap-note-form');
    await expect.poll(() => form.count()).toBe(1);
    await page.locator('ap-note-form').getByRole('textbox', { name: 'Note', exact: true }).fill('The year cannot be right: Armenia was not yet Soviet in July 1920.');
    await page.locator('ap-note-form').getByRole('textbox', { name: 'Tags' }).fill('date, chronology');
    await page.locator('ap-note-form').getByRole('combobox', { name: 'Verdict' }).selectOption('likely-erroneous');
    await page.locator('ap-note-form').getByRole('combobox', { name: 'Certainty' }).selectOption('high');
    const name = page.locator('ap-note-form').getByRole('textbox', { name: 'Your name' });
    expect(await name.inputValue()).toBe('');
    expect(await name.getAttribute('placeholder')).toBe('Anonymous reader');
    await name.fill('  Test Reader ');
    await page.locator('ap-note-form').getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => highlightedNotes(page)).toBe(before + 1);
    await expect.poll(() => form.count()).toBe(0);
    await expect.poll(async () => deepText(page.locator('ap-provenance-panel'))).toContain('Armenia was not yet Soviet');
    // The note is signed with the name, and the name is remembered for the next notes.
    expect(await deepText(card(page, 'Armenia was not yet Soviet'))).toContain('Test Reader');
    expect(await page.evaluate(() => localStorage.getItem('apparatus:creator-name'))).toBe('Test Reader');
  });

  test('"Annotate selection" is a button by that name: disabled without a selection, opens the form with one, Escape closes it', async () => {
    await page.locator('.ap-text').getByText('Under Tsarist rule', { exact: false }).first().click();
    const button = page.getByRole('button', { name: 'Annotate selection' });
    // The click collapses the selection left by the previous test; Lit re-renders the toolbar asynchronously.
    await expect.poll(() => button.getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Control+Alt+M');
    await expect.poll(async () => deepText(page.locator('ap-reader'))).toContain('Select a passage of the text first');
    await selectText(page, 'Under Tsarist rule');
    await expect.poll(() => button.getAttribute('aria-disabled')).toBe('false');
    await button.click();
    const note = page.locator('ap-note-form').getByRole('textbox', { name: 'Note', exact: true });
    await expect.poll(() => note.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('ap-note-form').count()).toBe(0);
  });

  test('edits the note', async () => {
    await page.locator('.ap-text').getByText('3 July 1920', { exact: false }).first().click();
    await card(page, 'Armenia was not yet Soviet').getByRole('button', { name: 'Edit', exact: true }).click();
    const note = page.locator('ap-note-form').getByRole('textbox', { name: 'Note', exact: true });
    await note.fill('Edited: the plenum met on 4 and 5 July 1921.');
    await page.locator('ap-note-form').getByRole('button', { name: 'Save note' }).click();
    await expect.poll(async () => deepText(page.locator('ap-provenance-panel'))).toContain('Edited: the plenum met on 4 and 5 July 1921.');
  });

  test('replies to the note', async () => {
    await card(page, 'Edited: the plenum').getByRole('button', { name: 'Reply', exact: true }).click();
    await page.locator('ap-note-form').getByRole('textbox', { name: 'Note', exact: true }).fill('Agreed; see protocols 11 and 12.');
    await page.locator('ap-note-form').getByRole('button', { name: 'Save note' }).click();
    await expect.poll(async () => deepText(page.locator('ap-provenance-panel'))).toContain('Agreed; see protocols 11 and 12.');
  });

  test('deletes the note with its reply, and undo brings both back', async () => {
    const before = await highlightedNotes(page);
    await card(page, 'Edited: the plenum').getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => highlightedNotes(page)).toBe(before - 1);
    await page.locator('ap-note-list').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => highlightedNotes(page)).toBe(before);
    await page.locator('.ap-text').getByText('3 July 1920', { exact: false }).first().click();
    await expect.poll(() => deepText(page.locator('ap-provenance-panel'))).toContain('Edited: the plenum');
    expect(await deepText(page.locator('ap-provenance-panel'))).toContain('Agreed; see protocols 11 and 12.');
  });

  test('after closing the tab right after a change, a new tab shows everything', async () => {
    // One more change, then close at once: the pagehide flush must land it.
    await page.locator('.ap-text').getByText('3 July 1920', { exact: false }).first().click();
    await card(page, 'Edited: the plenum').getByRole('button', { name: 'Edit', exact: true }).click();
    await page.locator('ap-note-form').getByRole('textbox', { name: 'Note', exact: true }).fill('Final wording: 4–5 July 1921, reversed the next day.');
    await page.locator('ap-note-form').getByRole('button', { name: 'Save note' }).click();
    await page.close({ runBeforeUnload: true });
    const again = await openReader(context, server.url);
    page = again.page;
    errors = again.errors;
    await page.locator('.ap-text').getByText('3 July 1920', { exact: false }).first().click();
    await expect.poll(() => deepText(page.locator('ap-provenance-panel'))).toContain('Final wording: 4–5 July 1921, reversed the next day.');
    expect(await deepText(page.locator('ap-provenance-panel'))).toContain('Agreed; see protocols 11 and 12.');
  });

  test('after a reload everything is still there', async () => {
    const before = await highlightedNotes(page);
    await page.reload();
    await page.waitForSelector('html[data-apparatus-ready="true"]');
    expect(await highlightedNotes(page)).toBe(before);
    // The form remembers who signs new notes.
    await selectText(page, 'Under Tsarist rule');
    await page.keyboard.press('Control+Alt+M');
    await expect.poll(() => page.locator('ap-note-form').getByRole('textbox', { name: 'Your name' }).inputValue()).toBe('Test Reader');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('ap-note-form').count()).toBe(0);
    await page.screenshot({ path: `${PROJECT_ROOT}test-results/screenshots/reader-notes.png` });
  });

  test('a deep link #annotation=<id> opens the page on that note', async () => {
    const id = 'urn:apparatus:kavbiuro:stalin-narimanov-attribution';
    const { page: linked } = await openReader(context, `${server.url}#annotation=${encodeURIComponent(id)}`);
    // The focused note is outlined by the reader's highlight stylesheet.
    const outline = () => linked.evaluate((i) => {
      const el = document.querySelector(`.ap-text [data-annotation="${CSS.escape(i)}"]`);
      return el ? getComputedStyle(el).outlineStyle : 'missing';
    }, id);
    await expect.poll(outline).toBe('solid');
    await linked.close();
  });

  test('no console errors', () => {
    expect(errors).toEqual([]);
  });
});


