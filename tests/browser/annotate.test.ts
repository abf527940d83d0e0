/**
 * Annotating in the reader, in real Chromium. Every test starts from a browser profile of its own and makes the
 * notes it needs through the reader's own form (`addNote`, `addReply`): no test reads what an earlier one left
 * behind, so one failure or one slow step cannot cascade into the next test.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumAvailable, deepText, highlightedNotes, PROJECT_ROOT, selectText } from './support/browser.ts';
import { persistentReader } from './support/persistent-reader.ts';

/** The note every test that needs one starts from: on "3 July 1920", as a reader would write it. */
const NOTE = 'The year cannot be right: Armenia was not yet Soviet in July 1920.';
const REPLY = 'Agreed; see protocols 11 and 12.';

describe.skipIf(!chromiumAvailable())('annotating in the reader (Chromium, persistent profile)', () => {
  // A fresh persistent profile per test: its own IndexedDB and localStorage, kept on disk across tabs and reloads.
  const reader = persistentReader();
  const { open } = reader;

  const card = (p: Page, text: string) => p.locator('ap-provenance-panel ap-note-card', { hasText: text }).first();
  const form = (p: Page) => p.locator('ap-note-form');
  const noteBox = (p: Page) => form(p).getByRole('textbox', { name: 'Note', exact: true });

  /** Puts the caret in `passage` and waits until the provenance panel shows a note card containing `text`. */
  async function showNote(p: Page, passage: string, text: string): Promise<void> {
    await p.locator('.ap-text').getByText(passage, { exact: false }).first().click();
    await expect.poll(() => card(p, text).count()).toBe(1);
  }

  /**
   * Writes a note on `passage` through the selection, the shortcut and the form (signed `name` when given);
   * resolves once it is highlighted.
   */
  async function addNote(p: Page, passage: string, text: string, name?: string): Promise<void> {
    const before = await highlightedNotes(p);
    await selectText(p, passage);
    await p.keyboard.press('Control+Alt+M');
    await noteBox(p).fill(text);
    if (name !== undefined) await form(p).getByRole('textbox', { name: 'Your name' }).fill(name);
    await form(p).getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => form(p).count()).toBe(0);
    await expect.poll(() => highlightedNotes(p)).toBe(before + 1);
  }

  /** Answers the note on `passage` whose card contains `noteText`, through the card's Reply button and the form. */
  async function addReply(p: Page, passage: string, noteText: string, text: string): Promise<void> {
    await showNote(p, passage, noteText);
    await card(p, noteText).getByRole('button', { name: 'Reply', exact: true }).click();
    await noteBox(p).fill(text);
    await form(p).getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => form(p).count()).toBe(0);
    await expect.poll(() => deepText(card(p, noteText))).toContain(text);
  }

  test('the curated notes are highlighted and listed with the claims they concern', async () => {
    const page = await open();
    expect(await highlightedNotes(page)).toBeGreaterThanOrEqual(20);
    await page.locator('.ap-text').getByText('Some Armenian historians', { exact: false }).first().click();
    // The panel re-renders asynchronously after the click.
    await expect.poll(() => deepText(page.locator('ap-provenance-panel'))).toContain('Contested');
    expect(await deepText(page.locator('ap-provenance-panel'))).toContain('Hasanli');
  });

  test('creates a note on a selection with the keyboard shortcut and the form', async () => {
    const page = await open();
    const before = await highlightedNotes(page);
    await selectText(page, '3 July 1920');
    await page.keyboard.press('Control+Alt+M');
    await expect.poll(() => form(page).count()).toBe(1);
    await noteBox(page).fill(NOTE);
    await form(page).getByRole('textbox', { name: 'Tags' }).fill('date, chronology');
    await form(page).getByRole('combobox', { name: 'Verdict' }).selectOption('likely-erroneous');
    await form(page).getByRole('combobox', { name: 'Certainty' }).selectOption('high');
    const name = form(page).getByRole('textbox', { name: 'Your name' });
    expect(await name.inputValue()).toBe('');
    expect(await name.getAttribute('placeholder')).toBe('Anonymous reader');
    await name.fill('  Test Reader ');
    await form(page).getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => highlightedNotes(page)).toBe(before + 1);
    await expect.poll(() => form(page).count()).toBe(0);
    await expect.poll(async () => deepText(page.locator('ap-provenance-panel'))).toContain('Armenia was not yet Soviet');
    // The note is signed with the name, and the name is remembered for the next notes.
    expect(await deepText(card(page, 'Armenia was not yet Soviet'))).toContain('Test Reader');
    expect(await page.evaluate(() => localStorage.getItem('apparatus:creator-name'))).toBe('Test Reader');
  });

  test('"Annotate selection" is a button by that name: disabled without a selection, opens the form with one, Escape closes it', async () => {
    const page = await open();
    await page.locator('.ap-text').getByText('Under Tsarist rule', { exact: false }).first().click();
    const button = page.getByRole('button', { name: 'Annotate selection' });
    // Lit re-renders the toolbar asynchronously after the click.
    await expect.poll(() => button.getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Control+Alt+M');
    await expect.poll(async () => deepText(page.locator('ap-reader'))).toContain('Select a passage of the text first');
    await selectText(page, 'Under Tsarist rule');
    await expect.poll(() => button.getAttribute('aria-disabled')).toBe('false');
    await button.click();
    await expect.poll(() => noteBox(page).evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => form(page).count()).toBe(0);
  });

  test('edits the note', async () => {
    const page = await open();
    await addNote(page, '3 July 1920', NOTE);
    await showNote(page, '3 July 1920', NOTE);
    await card(page, NOTE).getByRole('button', { name: 'Edit', exact: true }).click();
    await expect.poll(() => noteBox(page).inputValue()).toBe(NOTE);
    await noteBox(page).fill('Edited: the plenum met on 4 and 5 July 1921.');
    await form(page).getByRole('button', { name: 'Save note' }).click();
    await expect.poll(async () => deepText(page.locator('ap-provenance-panel'))).toContain('Edited: the plenum met on 4 and 5 July 1921.');
    expect(await deepText(page.locator('ap-provenance-panel'))).not.toContain(NOTE);
  });

  test('replies to the note', async () => {
    const page = await open();
    await addNote(page, '3 July 1920', NOTE);
    await showNote(page, '3 July 1920', NOTE);
    await card(page, NOTE).getByRole('button', { name: 'Reply', exact: true }).click();
    await noteBox(page).fill(REPLY);
    await form(page).getByRole('button', { name: 'Save note' }).click();
    await expect.poll(async () => deepText(page.locator('ap-provenance-panel'))).toContain(REPLY);
  });

  test('deletes the note with its reply, and undo brings both back', async () => {
    const page = await open();
    await addNote(page, '3 July 1920', NOTE);
    await addReply(page, '3 July 1920', NOTE, REPLY);
    const before = await highlightedNotes(page);
    await card(page, NOTE).getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => highlightedNotes(page)).toBe(before - 1);
    await expect.poll(() => card(page, NOTE).count()).toBe(0);
    await page.locator('ap-note-list').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => highlightedNotes(page)).toBe(before);
    await showNote(page, '3 July 1920', NOTE);
    expect(await deepText(card(page, NOTE))).toContain(REPLY);
  });

  test('after closing the tab right after a change, a new tab shows everything', async () => {
    const first = await open();
    await addNote(first, '3 July 1920', NOTE);
    await addReply(first, '3 July 1920', NOTE, REPLY);
    // One more change, then close at once: the pagehide flush must land it (and everything before it).
    await showNote(first, '3 July 1920', NOTE);
    await card(first, NOTE).getByRole('button', { name: 'Edit', exact: true }).click();
    await expect.poll(() => noteBox(first).inputValue()).toBe(NOTE);
    await noteBox(first).fill('Final wording: 4–5 July 1921, reversed the next day.');
    await form(first).getByRole('button', { name: 'Save note' }).click();
    await first.close({ runBeforeUnload: true });
    const page = await open();
    await showNote(page, '3 July 1920', 'Final wording: 4–5 July 1921, reversed the next day.');
    expect(await deepText(card(page, 'Final wording'))).toContain(REPLY);
  });

  test('after a reload everything is still there', async () => {
    const page = await open();
    await addNote(page, '3 July 1920', NOTE, 'Test Reader');
    await addReply(page, '3 July 1920', NOTE, REPLY);
    const before = await highlightedNotes(page);
    await page.reload();
    await page.waitForSelector('html[data-apparatus-ready="true"]');
    expect(await highlightedNotes(page)).toBe(before);
    await showNote(page, '3 July 1920', NOTE);
    expect(await deepText(card(page, NOTE))).toContain(REPLY);
    // The form remembers who signs new notes.
    await selectText(page, 'Under Tsarist rule');
    await page.keyboard.press('Control+Alt+M');
    await expect.poll(() => form(page).getByRole('textbox', { name: 'Your name' }).inputValue()).toBe('Test Reader');
    await page.keyboard.press('Escape');
    await expect.poll(() => form(page).count()).toBe(0);
    await page.screenshot({ path: `${PROJECT_ROOT}test-results/screenshots/reader-notes.png` });
  });

  test('a deep link #annotation=<id> opens the page on that note', async () => {
    const id = 'urn:apparatus:kavbiuro:stalin-narimanov-attribution';
    const linked = await open(`${reader.url}#annotation=${encodeURIComponent(id)}`);
    // The focused note is outlined by the reader's highlight stylesheet.
    const outline = () => linked.evaluate((i) => {
      const el = document.querySelector(`.ap-text [data-annotation="${CSS.escape(i)}"]`);
      return el ? getComputedStyle(el).outlineStyle : 'missing';
    }, id);
    await expect.poll(outline).toBe('solid');
  });
});
