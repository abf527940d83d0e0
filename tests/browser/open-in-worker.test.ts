/**
 * "Open…" imports in a worker (issue 9 §8: the page never freezes while a large source opens): the file's bytes go
 * to the source-open worker, which checks, imports and hashes them; the dialog shows the progress and "Cancel
 * opening", which ends the worker and keeps nothing. The cancel test holds the worker's script (routed by
 * Playwright) until Cancel was pressed, so it does not depend on timing. Each test has its own browser context.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page, type Route } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumAvailable, openReader, PROJECT_ROOT } from './support/browser.ts';
import { readerPerTest } from './support/reader-per-test.ts';

const NEW_ZEALAND = join(PROJECT_ROOT, '..', 'shared', 'sources', 'wikipedia-page', 'new-zealand.html');

/** The ids of the library's records, read with IndexedDB itself. */
function libraryIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('apparatus');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('library')) return resolve([]);
          const all = db.transaction('library').objectStore('library').getAllKeys();
          all.onsuccess = () => {
            db.close();
            resolve(all.result.map(String));
          };
        };
      }),
  );
}

const result = (page: Page) => page.locator('dialog:not(.ap-library-dialog) .ap-open-result');

describe.skipIf(!chromiumAvailable() || !existsSync(NEW_ZEALAND))('Open… imports in a worker (Chromium)', () => {
  const reader = readerPerTest({ viewport: { width: 1300, height: 900 } });

  test('a saved Wikipedia page (1 MB) is imported in the source-open worker and kept', async () => {
    const { page, errors } = await openReader(reader.context, reader.url);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.locator('#ap-open-file').setInputFiles({ name: 'new-zealand.html', mimeType: 'text/html', buffer: readFileSync(NEW_ZEALAND) });
    await expect.poll(() => result(page).getAttribute('data-outcome'), { timeout: 120_000 }).toBe('kept');
    expect(workers.some((u) => u.includes('source-open-worker'))).toBe(true);
    expect(await result(page).textContent()).toContain('(wikipedia-page) is in your library');
    expect(await page.locator('.ap-open-cancel').isHidden()).toBe(true);
    expect(await libraryIds(page)).toEqual(['new-zealand']);
    expect(errors).toEqual([]);
  });

  test('"Cancel opening" ends the import: nothing is kept, and the next file opens', async () => {
    const { page, errors } = await openReader(reader.context, reader.url);
    // Hold the worker's script until Cancel was pressed: the import cannot finish first.
    let held: Route | null = null;
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await reader.context.route(/source-open-worker/, async (route) => {
      held = route;
      await released;
      await route.continue().catch(() => undefined);
    });
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.locator('#ap-open-file').setInputFiles({ name: 'new-zealand.html', mimeType: 'text/html', buffer: readFileSync(NEW_ZEALAND) });
    await expect.poll(() => held !== null, { timeout: 60_000 }).toBe(true);
    expect(await result(page).textContent()).toMatch(/^Opening…/);
    await page.getByRole('button', { name: 'Cancel opening' }).click();
    await expect.poll(() => result(page).getAttribute('data-outcome')).toBe('cancelled');
    expect(await result(page).textContent()).toBe('Opening new-zealand.html was cancelled. Nothing was added to the library.');
    release();
    await reader.context.unroute(/source-open-worker/);
    expect(await libraryIds(page)).toEqual([]);

    await page.locator('#ap-open-file').setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Notes\n\nA claim.[^1]\n\n[^1]: A source.\n') });
    await expect.poll(() => result(page).getAttribute('data-outcome'), { timeout: 60_000 }).toBe('kept');
    expect(await libraryIds(page)).toEqual(['notes']);
    expect(errors).toEqual([]);
  });
});
