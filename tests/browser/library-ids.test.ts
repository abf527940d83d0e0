/**
 * Library ids (issue 9 §6): a work's id comes from its title, but two different works with one title are never
 * merged as revisions — the second is kept beside the first under the next free id — while new bytes of the same
 * work become its new revision. Opened from the page with "Open…" (real IndexedDB); each test has its own context.
 */
import { type Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumAvailable, openReader } from './support/browser.ts';
import { readerPerTest } from './support/reader-per-test.ts';

/** The library's records as [id, source, revision count], by id. */
function library(page: Page): Promise<[string, string, number][]> {
  return page.evaluate(
    () =>
      new Promise<[string, string, number][]>((resolve, reject) => {
        const open = indexedDB.open('apparatus');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('library').objectStore('library').getAll();
          all.onsuccess = () => {
            db.close();
            const rows = (all.result as { id: string; source: string; revisions: unknown[] }[]).map((w) => [w.id, w.source, w.revisions.length] as [string, string, number]);
            resolve(rows.sort((a, b) => a[0].localeCompare(b[0])));
          };
        };
      }),
  );
}

const result = (page: Page) => page.locator('dialog:not(.ap-library-dialog) .ap-open-result');

async function open(page: Page, name: string, text: string, expected: string): Promise<string> {
  await page.locator('#ap-open-file').setInputFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });
  await expect.poll(async () => (await result(page).getAttribute('data-outcome')) === 'kept' && ((await result(page).textContent()) ?? '').includes(expected), { timeout: 60_000 }).toBe(true);
  return (await result(page).textContent()) ?? '';
}

describe.skipIf(!chromiumAvailable())('library ids (Chromium)', () => {
  const reader = readerPerTest({ viewport: { width: 1300, height: 900 } });

  test('two files titled alike are two works; new bytes of one become its revision', async () => {
    const { page, errors } = await openReader(reader.context, reader.url);
    await page.getByRole('button', { name: 'Open…' }).click();
    await open(page, 'baku.md', '# Introduction\n\nBaku is on the Caspian.[^1]\n\n[^1]: A gazetteer.\n', 'is in your library');
    const second = await open(page, 'tiflis.md', '# Introduction\n\nTiflis is on the Kura.[^1]\n\n[^1]: Another gazetteer.\n', 'kept beside it');
    expect(second).toContain('kept beside it as “introduction-2”');
    expect(await page.locator('.ap-open-read').getAttribute('href')).toContain('?library=introduction-2');
    const revised = await open(page, 'baku.md', '# Introduction\n\nBaku is on the Caspian Sea.[^1]\n\n[^1]: A gazetteer.\n', 'revision r2');
    expect(revised).toContain('these are revision r2');
    expect(await library(page)).toEqual([
      ['introduction', 'baku.md', 2],
      ['introduction-2', 'tiflis.md', 1],
    ]);
    expect(errors).toEqual([]);
  });
});
