/**
 * Curated notes stay as their editors wrote them (issue 11 §3, local-only use): "Edit" on a note signed by the
 * Apparatus editors opens "Propose an edit"; what the reader writes is added below the note as a proposed edit signed
 * with the reader's name, the editors' note keeps its words and shows no "(edited)", and both outlive a reload.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumAvailable, deepText } from './support/browser.ts';
import { persistentReader } from './support/persistent-reader.ts';

const CURATED_PASSAGE = 'Some Armenian historians have attributed this';
const CURATED_START = 'Unsourced, and it joins a documented fact to a disputed inference.';
const PROPOSAL = 'Proposed: name the historians, or drop "some Armenian historians".';

describe.skipIf(!chromiumAvailable())('editing a curated note proposes an edit (Chromium)', () => {
  const { open } = persistentReader();
  const card = (p: Page) => p.locator('ap-provenance-panel ap-note-card', { hasText: CURATED_START }).first();
  const form = (p: Page) => p.locator('ap-note-form');

  async function showCurated(p: Page): Promise<void> {
    await p.locator('.ap-text').getByText(CURATED_PASSAGE, { exact: false }).first().click();
    await expect.poll(() => card(p).count()).toBe(1);
  }

  test("the reader's words go below the editors' note, signed by the reader; the editors' note is unchanged, also after a reload", async () => {
    const page = await open();
    await showCurated(page);
    await card(page).getByRole('button', { name: 'Edit', exact: true }).click();
    await expect.poll(() => form(page).getByRole('heading').textContent()).toBe('Propose an edit');
    expect(await deepText(form(page))).toContain('stays as they wrote it');
    await form(page).getByRole('textbox', { name: 'Note', exact: true }).fill(PROPOSAL);
    await form(page).getByRole('textbox', { name: 'Your name' }).fill('Ada Reader');
    await form(page).getByRole('button', { name: 'Propose edit' }).click();
    await expect.poll(() => form(page).count()).toBe(0);

    const check = async (p: Page) => {
      await expect.poll(() => deepText(card(p))).toContain(PROPOSAL);
      const byLine = await card(p).locator('article > p.by').last().textContent();
      expect(byLine).toContain('Apparatus editors');
      expect(byLine).not.toContain('(edited)');
      const reply = card(p).locator('.reply', { hasText: PROPOSAL });
      expect(await deepText(reply)).toContain('Proposed edit');
      expect(await deepText(reply)).toContain('Ada Reader');
      expect(await deepText(card(p))).toContain(CURATED_START);
    };
    await check(page);
    await page.evaluate(() => window.apparatus!.flush());
    await page.close();
    const again = await open();
    await showCurated(again);
    await check(again);
  });
});
