import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { schemasAvailable, validateCollection } from '../support/w3c-validator.ts';
import { pandocBibtex } from '../unit/export/export-validators.ts';
import { chromiumAvailable, deepText, highlightedNotes, launchChromium, openReader, PROJECT_ROOT, startReaderServer } from './support/browser.ts';

const OUT = `${PROJECT_ROOT}test-results/downloads`;
const jingAvailable = spawnSync('jing', [], { encoding: 'utf8' }).error === undefined;
const TEI_RNG = resolve(process.env['APPARATUS_SCHEMAS'] ?? `${PROJECT_ROOT}../shared/schemas`, 'tei', 'tei_all.rng');

describe.skipIf(!chromiumAvailable())('export menu and import control in the reader (Chromium)', () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let browser: Browser;
  // Every test opens the reader in a context of its own (its own storage): no test starts from the notes or the
  // page an earlier one left behind.
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  /** Paths the test's page requested, in order. */
  let requested: string[];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    server = await startReaderServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    requested = [];
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    context.on('request', (r) => requested.push(new URL(r.url()).pathname));
    ({ page, errors } = await openReader(context, server.url));
  });

  afterEach(async () => {
    try {
      expect(errors).toEqual([]);
    } finally {
      await context?.close();
    }
  });

  /** Opens the export menu with the keyboard and chooses the item whose label contains `label`. */
  async function exportWithKeyboard(label: string): Promise<string> {
    await page.locator('ap-export-menu #export-button').focus();
    await page.keyboard.press('ArrowDown');
    const items = page.locator('ap-export-menu [role=menuitem]');
    const labels = await items.allTextContents();
    const index = labels.findIndex((l) => l.includes(label));
    expect(index).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const path = `${OUT}/${download.suggestedFilename()}`;
    await download.saveAs(path);
    return path;
  }

  test('exporters are not loaded before they are used', () => {
    expect(requested.some((p) => p.startsWith('/src/export/tei') || p.startsWith('/src/export/html'))).toBe(false);
  });

  test('exports W3C JSON-LD from the menu by keyboard; it holds every note and passes the W3C MUST assertions', async () => {
    const path = await exportWithKeyboard('W3C Web Annotations');
    expect(path.endsWith('kavbiuro.jsonld')).toBe(true);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    expect(json.type).toBe('AnnotationCollection');
    const ids = json.first.items.map((a: { id: string }) => a.id);
    expect(ids).toContain('urn:apparatus:kavbiuro:stalin-narimanov-attribution');
    if (schemasAvailable()) expect(validateCollection(json)).toEqual([]);
    expect(requested.some((p) => p.startsWith('/src/export/jsonld'))).toBe(true);
  });

  test.skipIf(!jingAvailable || !existsSync(TEI_RNG))('exports TEI that jing accepts against tei_all', async () => {
    const path = await exportWithKeyboard('TEI');
    const result = spawnSync('jing', [TEI_RNG, path], { encoding: 'utf8' });
    // jing prints nothing on stdout for a valid document (Debian's wrapper may warn on stderr about its JVM).
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  test('exports Markdown, standalone HTML, CSL-JSON and BibTeX', async () => {
    const md = readFileSync(await exportWithKeyboard('Markdown'), 'utf8');
    expect(md).toContain('[^');
    const html = readFileSync(await exportWithKeyboard('Standalone HTML'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).not.toMatch(/<script/i);
    const csl = JSON.parse(readFileSync(await exportWithKeyboard('CSL-JSON'), 'utf8'));
    expect(csl.map((i: { id: string }) => i.id)).toEqual(['ref-1', 'ref-2']);
    // BibTeX (citation-js, loaded on first use in the browser), read back by pandoc.
    const bib = await exportWithKeyboard('BibTeX');
    expect(bib.endsWith('.bib')).toBe(true);
    expect(pandocBibtex(readFileSync(bib, 'utf8')).map((r) => r.id)).toEqual(['Altstadt1992Azerbaijani', 'Suny1989Nationalism']);
  });

  test('Escape closes the menu and returns focus to its button', async () => {
    await page.locator('ap-export-menu #export-button').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('ap-export-menu [role=menu]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('ap-export-menu [role=menu]').count()).toBe(0);
    await expect.poll(() => page.locator('ap-export-menu #export-button').evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
  });


  test('imports a Hypothesis export: reports exact / fuzzy / unanchored, then skips duplicates on a second import', async () => {
    const before = await deepText(page.locator('ap-note-list'));
    const countBefore = Number(/of (\d+) anchored notes/.exec(before)?.[1]);
    await page.locator('ap-export-menu input[type=file]').setInputFiles(`${PROJECT_ROOT}tests/fixtures/hypothesis/kavbiuro-search.json`);
    await expect.poll(async () => deepText(page.locator('ap-reader [role=status]'))).toMatch(/Imported \d+ notes? from kavbiuro-search\.json \(Hypothesis\)/);
    const status = await deepText(page.locator('ap-reader [role=status]'));
    expect(status).toMatch(/\d+ exact, \d+ fuzzy, \d+ unanchored/);
    const after = await deepText(page.locator('ap-note-list'));
    const countAfter = Number(/of (\d+) anchored notes/.exec(after)?.[1]);
    expect(countAfter).toBeGreaterThan(countBefore);
    const highlighted = await highlightedNotes(page);
    await page.locator('ap-export-menu input[type=file]').setInputFiles(`${PROJECT_ROOT}tests/fixtures/hypothesis/kavbiuro-search.json`);
    await expect.poll(async () => deepText(page.locator('ap-reader [role=status]'))).toMatch(/Imported 0 notes.*duplicates? skipped/);
    expect(await highlightedNotes(page)).toBe(highlighted);
  });

  test('an import that is not JSON says so and imports nothing', async () => {
    const bad = `${OUT}/not-json.jsonld`;
    writeFileSync(bad, '{"type": "AnnotationCollection", ');
    await page.locator('ap-export-menu input[type=file]').setInputFiles(bad);
    await expect.poll(async () => deepText(page.locator('ap-reader [role=status]'))).toContain('not-json.jsonld is not JSON');
    await page.getByRole('tab', { name: /Notes/ }).click();
    await expect.poll(async () => deepText(page.locator('ap-note-list'))).toContain('Could not be read');
  });
});
