/**
 * A long work is first rendered with only the blocks near the viewport built in full (src/editor/lazy-blocks.ts);
 * the rest hold their plain text, so the browser's find in page still finds any word, and a block is built when the
 * reader reaches it (by scrolling, by find in page, or by a link to a claim).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importText } from '../../src/model/import-text.ts';
import { largeWorkText } from '../unit/load/large-work-fixture.ts';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium, openReader, PROJECT_ROOT, startReaderServer } from './support/browser.ts';

const DIR = `${PROJECT_ROOT}test-results/lazy`;

describe.skipIf(!chromiumAvailable())(`lazily built blocks in Chromium (${CHROMIUM_PATH})`, () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let imported: ReturnType<typeof importText>;

  beforeAll(async () => {
    const { text } = largeWorkText(400_000);
    imported = importText(text);
    mkdirSync(DIR, { recursive: true });
    writeFileSync(`${DIR}/text.txt`, text);
    const iri = 'urn:apparatus:test:lazy';
    const sha256 = createHash('sha256').update(text).digest('hex');
    const meta = { id: 'lazy-work', title: 'Lazy work', language: 'en', source: iri, iri, licence: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' }, attribution: 'Wikipedia contributors (shared corpora)', sha256 };
    writeFileSync(`${DIR}/work.json`, JSON.stringify(meta));
    server = await startReaderServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    ({ page, errors } = await openReader(context, `${server.url}?text=/test-results/lazy/text.txt&meta=/test-results/lazy/work.json`));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** For body block `i`: whether it is built (has claim spans) and its text. */
  const block = (i: number) =>
    page.evaluate((n) => {
      const el = document.querySelectorAll('.ap-text > p, .ap-text > .ap-blockquote')[n]!;
      return { built: el.querySelector('.ap-claim') !== null, text: el.textContent ?? '' };
    }, i);
  /** The last body block with a claim (the one to reach). */
  const lastWithClaim = () => {
    const i = imported.claims[imported.claims.length - 1]!.block;
    return { i, claim: imported.claims[imported.claims.length - 1]! };
  };

  test('every block is in the page with its text; far ones are not built yet', async () => {
    expect(await page.locator('.ap-text > p, .ap-text > .ap-blockquote').count()).toBe(imported.blocks.length);
    const { i } = lastWithClaim();
    const far = await block(i);
    expect(far.built).toBe(false);
    // Markers show as their text ([N]) until built.
    expect(far.text.replace(/\u2060/g, '')).toBe(imported.blocks[i]!.text);
    expect((await block(0)).built).toBe(true);
  });

  test('find in page finds a word far down, and the block it scrolls to gets built', async () => {
    const { i, claim } = lastWithClaim();
    const words = imported.blocks[i]!.text.slice(claim.start, claim.end).slice(0, 40);
    // window.find is the browser's own find in page (what Ctrl+F does), which scrolls to the match. Searching
    // backwards with wrap-around from the top finds the last occurrence (the corpora repeat in this work).
    const found = await page.evaluate((w) => {
      const ok = (window as unknown as { find: (...a: unknown[]) => boolean }).find(w, false, true, true);
      const blocks = [...document.querySelectorAll('.ap-text > p, .ap-text > .ap-blockquote')];
      const node = window.getSelection()?.anchorNode ?? null;
      const el = node instanceof Element ? node : node?.parentElement;
      const at = el?.closest('.ap-text > p, .ap-text > .ap-blockquote');
      return { ok, index: at ? blocks.indexOf(at) : -1, builtWhenFound: at?.querySelector('.ap-claim') != null, selected: window.getSelection()?.toString() };
    }, words);
    expect(found.ok).toBe(true);
    expect(found.selected).toBe(words);
    expect(found.index).toBeGreaterThan(imported.blocks.length / 2);
    expect(found.builtWhenFound).toBe(false);
    await expect.poll(async () => (await block(found.index)).built, { timeout: 10_000 }).toBe(true);
  });

  test('a link to a claim in a far block builds it and shows the claim', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const target = imported.claims[Math.floor(imported.claims.length * 0.6)]!;
    expect((await block(target.block)).built).toBe(false);
    await page.evaluate((id) => (window.location.hash = `#claim=${encodeURIComponent(id)}`), target.id);
    await expect.poll(async () => (await block(target.block)).built, { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.locator('ap-provenance-panel').getAttribute('data-claim')).toBe(target.id);
  });

  test('no console errors', () => {
    expect(errors).toEqual([]);
  });
});
