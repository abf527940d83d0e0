/**
 * A calm page (issue 12 §3), in Chromium: the provenance stays in view after a list was scrolled far; on a phone
 * (390×844) the provenance is a bottom sheet that closes (button, Escape) and resizes (keys, drag); a footnote
 * marker shows its reference in a popover at the marker without moving the reading place; focus returns to the
 * text after a note is saved, cancelled or deleted; Ctrl+Z works after Delete wherever the focus is and the status
 * line offers "Undo"; the skip link lands in the text; `?` lists every key; axe finds nothing serious at either
 * size. Each test opens its own page.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { READER_KEYS, keyLabel } from '../../src/editor/reader-keys.ts';
import { chromiumAvailable, CHROMIUM_PATH, deepText, highlightedNotes, launchChromium, openReader, selectText, startReaderServer } from './support/browser.ts';

describe.skipIf(!chromiumAvailable())(`a calm page in Chromium (${CHROMIUM_PATH})`, () => {
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

  async function open(width = 1400, height = 900, url = server.url): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height } });
    return openReader(context, url);
  }

  /** The element's box against the window. */
  const box = (page: Page, selector: string) =>
    page.locator(selector).first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: r.height, innerHeight: window.innerHeight, visible: getComputedStyle(el).display !== 'none' };
    });
  /** Whether the focus is in the reader's text. */
  const focusInText = (page: Page) => page.evaluate(() => document.activeElement === document.querySelector('.ap-text'));
  const panel = (page: Page) => page.locator('ap-provenance-panel');

  test('the provenance stays in view with its own scroll after a list was scrolled far', async () => {
    const { page, errors } = await open();
    await page.getByRole('tab', { name: /Notes/ }).click();
    // Scroll the notes list to its end: only the list's own box scrolls.
    const scrolled = await page.locator('ap-reader').evaluate((host) => {
      const list = host.shadowRoot!.querySelector('#panel-notes') as HTMLElement;
      list.scrollTop = list.scrollHeight;
      return { list: list.scrollTop, page: window.scrollY, overflow: getComputedStyle(list).overflowY };
    });
    expect(scrolled.overflow).toBe('auto');
    expect(scrolled.list).toBeGreaterThan(500);
    await page.getByText('Some Armenian historians', { exact: false }).first().click();
    await expect.poll(() => deepText(panel(page))).toContain('No source is cited for this claim.');
    const p = await box(page, 'ap-reader >> section.provenance');
    expect(p.top).toBeGreaterThanOrEqual(0);
    expect(p.bottom).toBeLessThanOrEqual(p.innerHeight);
    expect(p.height).toBeGreaterThan(150);
    expect(await page.locator('ap-reader >> section.provenance').evaluate((el) => getComputedStyle(el).overflowY)).toBe('auto');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('on a phone the sheet can be resized by keys and by dragging, closed by Escape or its button, and reopened', async () => {
    const { page, errors } = await open(390, 844);
    await page.getByText('Under Tsarist rule', { exact: false }).first().click();
    const handle = page.getByRole('separator', { name: /Height of the provenance sheet/ });
    await expect(handle.getAttribute('aria-valuenow')).resolves.toBe('40');
    const before = await box(page, 'ap-reader >> section.provenance');
    expect(Math.round(before.bottom)).toBe(844);
    expect(before.height).toBeLessThanOrEqual(844 * 0.41);
    // Keys.
    await handle.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => handle.getAttribute('aria-valuenow')).toBe('50');
    await expect.poll(async () => Math.round((await box(page, 'ap-reader >> section.provenance')).height)).toBe(422);
    await page.keyboard.press('Home');
    await expect.poll(() => handle.getAttribute('aria-valuenow')).toBe('15');
    // Drag the handle to the middle of the window.
    const hb = (await handle.boundingBox())!;
    await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
    await page.mouse.down();
    await page.mouse.move(hb.x + hb.width / 2, 844 * 0.4, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => Number(await handle.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(58);
    expect(Number(await handle.getAttribute('aria-valuenow'))).toBeLessThanOrEqual(62);
    // Escape inside the sheet closes it; the focus goes back to the text; a button reopens it.
    await handle.focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('ap-reader >> section.provenance').isVisible()).toBe(false);
    expect(await focusInText(page)).toBe(true);
    await page.locator('ap-reader >> button.open-sheet').click();
    await expect.poll(() => page.locator('ap-reader >> section.provenance').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Close the provenance sheet' }).click();
    await expect.poll(() => page.locator('ap-reader >> section.provenance').isVisible()).toBe(false);
    // The text then has the screen below the toolbar: nothing covers its bottom.
    const hit = await page.evaluate(() => document.elementFromPoint(195, 800)?.closest('ap-reader') !== null);
    expect(hit).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('on a phone the note form is a sheet over the provenance: its buttons are in view and not covered', async () => {
    const { page, errors } = await open(390, 844);
    await selectText(page, 'Under Tsarist rule');
    await page.keyboard.press('Control+Alt+M');
    const save = page.locator('ap-note-form').getByRole('button', { name: 'Save note' });
    await expect.poll(() => save.count()).toBe(1);
    const b = (await save.boundingBox())!;
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.y + b.height).toBeLessThanOrEqual(844);
    const onTop = await page.evaluate(([x, y]) => {
      let el: Element | null = document.elementFromPoint(x!, y!);
      while (el?.shadowRoot) {
        const inner = el.shadowRoot.elementFromPoint(x!, y!);
        if (!inner || inner === el) break;
        el = inner;
      }
      return el?.closest('form')?.getAttribute('aria-label') ?? el?.tagName ?? null;
    }, [b.x + b.width / 2, b.y + b.height / 2]);
    expect(onTop).toBe('New note');
    // Nothing in the form is wider than the sheet (the screen): no field runs past its right edge.
    const overflow = await page.locator('ap-note-form').evaluate((el) => {
      const widest = Math.max(...[...el.shadowRoot!.querySelectorAll('*'), ...[...el.shadowRoot!.querySelectorAll('*')].flatMap((e) => [...(e.shadowRoot?.querySelectorAll('*') ?? [])])].map((e) => e.getBoundingClientRect().right));
      return widest - document.documentElement.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('ap-note-form').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.locator('ap-note-form').count()).toBe(0);
    expect(await focusInText(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('on a phone the header and toolbar are compact: the text has most of the screen', async () => {
    const { page, errors } = await open(390, 844);
    const text = await box(page, '.ap-text');
    // Header and toolbar together take less than a quarter of the screen; no sideways scroll of the page.
    expect(text.top).toBeLessThan(844 * 0.25);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a footnote marker shows its reference in a popover at the marker, by click and by Enter, without moving the page', async () => {
    const { page, errors } = await open();
    const marker = page.locator('.ap-text .ap-marker[data-marker="2"]').first();
    await marker.scrollIntoViewIfNeeded();
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await marker.click();
    const popover = page.locator('ap-footnote-popover');
    await expect.poll(() => popover.count()).toBe(1);
    await expect.poll(() => deepText(popover)).toContain('Suny (1989)');
    const dialog = popover.getByRole('dialog', { name: 'Reference [2]' });
    await expect(dialog.count()).resolves.toBe(1);
    // At the marker: just below it, and the page did not move.
    const m = (await marker.boundingBox())!;
    const p = (await popover.boundingBox())!;
    expect(p.y).toBeGreaterThanOrEqual(m.y + m.height - 1);
    expect(p.y).toBeLessThan(m.y + m.height + 30);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
    // The focus is in the popover; Escape closes it and puts the focus back at the marker (the caret beside it).
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.tagName)).toBe('AP-FOOTNOTE-POPOVER');
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.count()).toBe(0);
    expect(await focusInText(page)).toBe(true);
    const caretAtMarker = () =>
      page.evaluate(() => {
        const $h = window.apparatus!.editor.state.selection.$head;
        return $h.nodeBefore?.type.name === 'marker' ? ($h.nodeBefore.attrs['label'] as string) : null;
      });
    expect(await caretAtMarker()).toBe('2');
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
    // Enter at the marker opens it again.
    await page.keyboard.press('Enter');
    await expect.poll(() => popover.count()).toBe(1);
    await expect.poll(() => deepText(popover)).toContain('Suny (1989)');
    await popover.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => popover.count()).toBe(0);
    expect(await focusInText(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('after saving, cancelling or deleting a note the focus is back in the text; Ctrl+Z after Delete works anywhere, and "Undo" is offered', async () => {
    const { page, errors } = await open();
    const notes = await highlightedNotes(page);
    // Cancel.
    await selectText(page, 'Under Tsarist rule');
    const selection = () => page.evaluate(() => { const s = window.apparatus!.editor.state.selection; return [s.from, s.to]; });
    const where = await selection();
    await page.keyboard.press('Control+Alt+M');
    const form = page.locator('ap-note-form');
    await expect.poll(() => form.count()).toBe(1);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => form.count()).toBe(0);
    expect(await focusInText(page)).toBe(true);
    expect(await selection()).toEqual(where);
    // Save.
    await page.keyboard.press('Control+Alt+M');
    await expect.poll(() => form.count()).toBe(1);
    await form.getByRole('textbox', { name: 'Note', exact: true }).fill('A calm note.');
    await form.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => form.count()).toBe(0);
    await expect.poll(() => highlightedNotes(page)).toBe(notes + 1);
    expect(await page.locator('ap-reader').getByRole('status').textContent()).toContain('Note saved.');
    expect(await focusInText(page)).toBe(true);
    expect(await selection()).toEqual(where);
    // Delete from its card: the focus is back in the text and "Undo" is offered.
    await page.getByRole('tab', { name: /Notes/ }).click();
    const card = page.locator('ap-note-list ap-note-card', { hasText: 'A calm note.' });
    await card.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => highlightedNotes(page)).toBe(notes);
    expect(await focusInText(page)).toBe(true);
    const undo = page.locator('ap-reader').getByRole('status').getByRole('button', { name: 'Undo' });
    await expect(undo.count()).resolves.toBe(1);
    await undo.click();
    await expect.poll(() => highlightedNotes(page)).toBe(notes + 1);
    // Delete again, move the focus out of the text (to a toolbar button) and press Ctrl+Z there.
    await card.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => highlightedNotes(page)).toBe(notes);
    await page.getByRole('button', { name: 'Claim marks' }).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => highlightedNotes(page)).toBe(notes + 1);
    // And Ctrl+Shift+Z there redoes the delete.
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => highlightedNotes(page)).toBe(notes);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('the skip link lands in the text, and ? lists every key of the key table', async () => {
    const { page, errors } = await open();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('ap-skip');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusInText(page)).toBe(true);
    await page.keyboard.press('?');
    const dialog = page.locator('ap-key-list').getByRole('dialog', { name: 'Keys' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const listed = await deepText(page.locator('ap-key-list'));
    for (const k of READER_KEYS) {
      expect(listed).toContain(k.does);
      for (const key of [...k.keys, ...(k.hidden ?? [])]) expect(listed).toContain(keyLabel(key));
    }
    expect(listed).toContain('Esc');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // `?` typed in a field is the field's.
    await selectText(page, 'Under Tsarist rule');
    await page.keyboard.press('Control+Alt+M');
    const text = page.locator('ap-note-form').getByRole('textbox', { name: 'Note', exact: true });
    await text.fill('Why');
    await text.press('?');
    await expect(text.inputValue()).resolves.toBe('Why?');
    expect(await dialog.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test.each([
    [1400, 900],
    [390, 844],
  ] as const)('has no serious or critical accessibility violations (axe) at %i×%i, the legend and a popover open', async (width, height) => {
    const { page, errors } = await open(width, height);
    await page.locator('ap-legend summary').click();
    await page.locator('.ap-text .ap-marker[data-marker="1"]').first().click();
    await expect.poll(() => page.locator('ap-footnote-popover').count()).toBe(1);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
