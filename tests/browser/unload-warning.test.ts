/**
 * While saving to the browser fails, leaving the page asks first (issue 8, §5 finding 4): the note written after
 * the failure would otherwise be lost on reload without a word. When saving works, the page closes without asking.
 */
import { chromium, type Browser, type BrowserContext, type Dialog, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumAvailable, deepText, launchOptions, openReader, selectText, startReaderServer } from './support/browser.ts';

describe.skipIf(!chromiumAvailable())('the unload warning while saving fails (Chromium)', () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startReaderServer();
    browser = await chromium.launch(launchOptions());
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const writeNote = async (page: Page, passage: string, text: string) => {
    await selectText(page, passage);
    await page.keyboard.press('Control+Alt+M');
    await page.locator('ap-note-form').getByRole('textbox', { name: 'Note', exact: true }).fill(text);
    await page.locator('ap-note-form').getByRole('button', { name: 'Save note' }).click();
  };

  /** Closes `page` running its unload handlers; resolves with the beforeunload dialog it raised, or null. */
  const closeAndWatch = async (page: Page): Promise<Dialog | null> => {
    const dialog = new Promise<Dialog>((resolve) => page.once('dialog', resolve));
    const closed = new Promise<null>((resolve) => page.once('close', () => resolve(null)));
    await page.close({ runBeforeUnload: true });
    return Promise.race([dialog, closed]);
  };

  test('saved: the page closes without asking', async () => {
    const { page } = await openReader(context, server.url);
    await writeNote(page, 'Under Tsarist rule', 'Saved fine.');
    await expect.poll(() => deepText(page.locator('ap-reader'))).toContain('All notes saved in this browser');
    expect(await closeAndWatch(page)).toBeNull();
  });

  test('saving failed: leaving asks first', async () => {
    const { page } = await openReader(context, server.url);
    // The browser refuses every write from now on (as when the disk is full).
    await page.evaluate(() => {
      IDBDatabase.prototype.transaction = () => {
        throw new DOMException('The disk is full.', 'QuotaExceededError');
      };
    });
    await writeNote(page, 'Sergey Kirov', 'Not saved: the disk is full.');
    await expect.poll(() => deepText(page.locator('ap-reader'))).toContain('Save failed');
    const dialog = await closeAndWatch(page);
    expect(dialog?.type()).toBe('beforeunload');
    await dialog!.accept();
  });
});
