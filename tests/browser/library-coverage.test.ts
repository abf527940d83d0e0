/**
 * The library lists the project's works (corpus/, as the dev server lists them at /api/corpus) besides this
 * browser's, each with a coverage bar (the share of its claims with a source) and its number of sections, read in
 * the source-open worker. The expected figures are computed here by the real importer from the same files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { coverageOf } from '../../src/model/coverage.ts';
import { importSource } from '../../src/sources/import-source.ts';
import { listCorpus } from '../../src/store/corpus-listing.ts';
import { chromiumAvailable, openReader, PROJECT_ROOT } from './support/browser.ts';
import { readerPerTest } from './support/reader-per-test.ts';

/** "N% of M claims sourced · K sections" as the panel writes it for `bytes`. */
function expectedFigures(bytes: Uint8Array): string {
  const { imported } = importSource(bytes);
  const c = coverageOf(imported.claims);
  const sections = imported.blocks.filter((b) => b.type === 'heading').length;
  return `${Math.round(((c.direct + c.inherited) / c.total) * 100)}% of ${c.total} claims sourced · ${sections} section${sections === 1 ? '' : 's'}`;
}

const STRUCTURE = join(PROJECT_ROOT, 'tests', 'fixtures', 'sources', 'structure.md');

describe.skipIf(!chromiumAvailable())('the library lists the project’s works with coverage and sections (Chromium)', () => {
  const reader = readerPerTest({ viewport: { width: 1300, height: 1000 } });

  test('every corpus work and an opened Markdown file, each with its coverage bar and section count', async () => {
    const corpus = await listCorpus(PROJECT_ROOT);
    expect(corpus.works.map((w) => w.id)).toContain('kavbiuro');
    const { page, errors } = await openReader(reader.context, reader.url);
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.locator('#ap-open-file').setInputFiles({ name: 'structure.md', mimeType: 'text/markdown', buffer: readFileSync(STRUCTURE) });
    await expect.poll(() => page.locator('dialog:not(.ap-library-dialog) .ap-open-result').getAttribute('data-outcome'), { timeout: 60_000 }).toBe('kept');
    await page.locator('.ap-open-close').click();

    await page.getByRole('button', { name: 'Library' }).click();
    const project = page.getByRole('list', { name: 'This project’s works' });
    await project.waitFor();
    expect(await project.locator(':scope > li').count()).toBe(corpus.works.length);
    for (const w of corpus.works) {
      const item = project.locator(':scope > li', { hasText: w.title });
      expect(await item.getByRole('link', { name: `Read “${w.title}”` }).getAttribute('href')).toMatch(new RegExp(`\\?work=${w.id}$`));
      const figures = expectedFigures(readFileSync(join(PROJECT_ROOT, 'corpus', w.id, 'text.txt')));
      await expect.poll(() => item.locator('.figures').textContent(), { timeout: 60_000 }).toContain(figures);
      expect(await item.getByRole('img').getAttribute('aria-label')).toMatch(new RegExp(`^Coverage of “${w.title}”: \\d+% of \\d+ claims have a source`));
    }
    const mine = page.getByRole('list', { name: 'Works in this browser' }).locator(':scope > li');
    await expect.poll(() => mine.locator('.figures').textContent(), { timeout: 60_000 }).toContain(expectedFigures(readFileSync(STRUCTURE)));
    expect(expectedFigures(readFileSync(STRUCTURE))).toMatch(/· [1-9]\d* sections?$/);
    await page.screenshot({ path: '/work/notes/shots/structure-library-coverage.png' }).catch(() => undefined);
    expect(errors).toEqual([]);
  });
});
