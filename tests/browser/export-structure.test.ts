/**
 * The reader's own exports keep a source's structure (issue 9): a Markdown file opened with "Open…" and read from
 * the library exports, from the Export menu, as HTML with its headings, lists and links, and as Markdown with `#`
 * headings, list items and `[text](url)` links. Its own browser context; downloads saved under test-results/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumAvailable, openReader, PROJECT_ROOT } from './support/browser.ts';
import { readerPerTest } from './support/reader-per-test.ts';

const STRUCTURE = join(PROJECT_ROOT, 'tests', 'fixtures', 'sources', 'structure.md');
const OUT = `${PROJECT_ROOT}test-results/downloads`;

async function exportAs(page: Page, label: string): Promise<string> {
  await page.locator('ap-export-menu #export-button').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('ap-export-menu [role=menuitem]', { hasText: label }).click()]);
  const path = `${OUT}/structure-${download.suggestedFilename()}`;
  await download.saveAs(path);
  return readFileSync(path, 'utf8');
}

describe.skipIf(!chromiumAvailable())('exports of a structured source from the page (Chromium)', () => {
  const reader = readerPerTest({ viewport: { width: 1300, height: 900 }, acceptDownloads: true });

  test('HTML and Markdown exports of a library work have its sections, list items and links', async () => {
    const { page, errors } = await openReader(reader.context, reader.url);
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.locator('#ap-open-file').setInputFiles({ name: 'structure.md', mimeType: 'text/markdown', buffer: readFileSync(STRUCTURE) });
    await expect.poll(() => page.locator('dialog:not(.ap-library-dialog) .ap-open-result').getAttribute('data-outcome'), { timeout: 60_000 }).toBe('kept');
    const href = (await page.locator('.ap-open-read').getAttribute('href'))!;
    await page.goto(href);
    await page.locator('.ap-heading', { hasText: 'Setext section' }).waitFor({ timeout: 60_000 });

    const html = await exportAs(page, 'HTML');
    expect(html).toMatch(/<h2[^>]*>Setext section<\/h2>/);
    expect(html).toMatch(/<h4[^>]*>A deep heading<\/h4>/);
    expect(html).toMatch(/<ol>\s*<li>/);
    expect(html).toMatch(/<li>(?:(?!<\/li>).)*a nested bullet item/s);
    expect(html).toContain('<a href="https://en.wikipedia.org/wiki/Baku" class="external">external link</a>');
    expect(html).not.toContain('mailto:');

    const md = await exportAs(page, 'Markdown');
    expect(md).toMatch(/^## Setext section$/m);
    expect(md).toMatch(/^#### A deep heading$/m);
    expect(md).toMatch(/^1\. First numbered item\.$/m);
    expect(md).toContain('[external link](https://en.wikipedia.org/wiki/Baku)');
    expect(errors).toEqual([]);
  });
});
