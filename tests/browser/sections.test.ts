/**
 * A sectioned work end to end: the real Parsoid HTML of Wikipedia's "Dog" (../shared/sources, read from there and
 * written with a work.json naming its format into test-results/, never into the repository) loads through the
 * worker into the page; the contents open first with each section's coverage; a section is reached by keyboard and
 * by mouse (caret in its heading, heading at the top of the window, far blocks built); the provenance panel lists
 * the claim's links and Wikipedia's flags; the import report is shown; axe finds nothing serious.
 * Each test opens its own page. Screenshots at 1400×900 and at a phone's width go to $APPARATUS_SHOTS when set.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumAvailable, CHROMIUM_PATH, deepText, launchChromium, openReader, PROJECT_ROOT, startReaderServer } from './support/browser.ts';

const SOURCE = `${process.env['APPARATUS_SOURCES'] ?? `${PROJECT_ROOT}../shared/sources`}/wikipedia-parsoid/dog.html`;
const DIR = `${PROJECT_ROOT}test-results/sections`;
const SHOTS = process.env['APPARATUS_SHOTS'];
// Not `.html`: Vite's dev server rewrites HTML pages it serves (it injects its client), which would alter the bytes.
const URL_PATH = '?text=/test-results/sections/dog.parsoid.txt&meta=/test-results/sections/work.json';

if (!existsSync(SOURCE)) console.warn(`sections browser test skipped: ${SOURCE} is absent`);

describe.skipIf(!chromiumAvailable() || !existsSync(SOURCE))(`a sectioned Wikipedia article in Chromium (${CHROMIUM_PATH})`, () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let browser: Browser;

  beforeAll(async () => {
    const bytes = readFileSync(SOURCE);
    mkdirSync(DIR, { recursive: true });
    writeFileSync(`${DIR}/dog.parsoid.txt`, bytes);
    const iri = 'https://en.wikipedia.org/w/index.php?title=Dog&oldid=845493773';
    const meta = {
      id: 'dog', title: 'Dog', language: 'en', source: iri, iri, format: 'wikipedia-parsoid',
      licence: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
      attribution: '"Dog", Wikipedia contributors, revision 845493773', sha256: createHash('sha256').update(bytes).digest('hex'),
    };
    writeFileSync(`${DIR}/work.json`, JSON.stringify(meta));
    server = await startReaderServer();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(width = 1400, height = 900, hash = ''): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height } });
    return openReader(context, `${server.url}${URL_PATH}${hash}`);
  }

  const contentsEntries = (page: Page) => page.locator('ap-contents button[data-section]');

  test('the contents open first, one entry per heading, each with its coverage; the import report is shown', async () => {
    const { page, errors } = await open();
    await expect(page.locator('ap-reader #tab-contents').getAttribute('aria-selected')).resolves.toBe('true');
    const headings = await page.locator('.ap-text .ap-heading').allTextContents();
    expect(headings.length).toBeGreaterThan(10);
    const titles = await page.locator('ap-contents button[data-section] .title').allTextContents();
    expect(titles).toEqual(['Introduction', ...headings]);
    const firstBar = await page.locator('ap-contents .bar').first().getAttribute('aria-label');
    expect(firstBar).toMatch(/^\d+ cited, \d+ covered by a later citation, \d+ without a source, of \d+ claims?; \d+ of \d+ checked$/);
    const report = await deepText(page.locator('ap-import-report'));
    expect(report).toContain('Imported from Wikipedia article (Parsoid HTML)');
    expect(report).toMatch(/1 infobox/);
    expect(report).toMatch(/not shown\./);
    // The text is the file's, byte for byte (no "altered" warning).
    expect(await page.locator('ap-reader .warning').count()).toBe(0);
    expect(errors).toEqual([]);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/sections-desktop.png` });
    }
    // After a jump to a section: the heading at the top, the contents in view beside it.
    await contentsEntries(page).nth(3).click();
    await page.waitForFunction(() => window.apparatus!.editor.state.selection.$head.parent.type.name === 'heading');
    await page.locator('ap-contents button[data-section="3"]').scrollIntoViewIfNeeded();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/sections-desktop-contents.png` });
    await page.context().close();
  });

  test('a section is reached by the keyboard: ↓ to it, Enter; the caret is in its heading, at the top of the window', async () => {
    const { page } = await open();
    await contentsEntries(page).first().focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.querySelector('ap-reader')!.shadowRoot!.querySelector('ap-contents')!.shadowRoot!.activeElement?.getAttribute('data-section'));
    expect(focused).toBe('4');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.apparatus!.editor.state.selection.$head.parent.type.name === 'heading');
    const title = await contentsEntries(page).nth(4).locator('.title').textContent();
    const at = await page.evaluate(() => {
      const { $head } = window.apparatus!.editor.state.selection;
      const dom = window.apparatus!.editor.view.nodeDOM($head.before()) as HTMLElement;
      return { text: $head.parent.textContent, offset: $head.parentOffset, top: dom.getBoundingClientRect().top };
    });
    expect(at.text).toBe(title);
    expect(at.offset).toBe(0);
    expect(at.top).toBeGreaterThanOrEqual(0);
    expect(at.top).toBeLessThan(200);
    await expect(contentsEntries(page).nth(4).getAttribute('aria-current')).resolves.toBe('location');
    await page.context().close();
  });

  test('the last section, far down, by the mouse: its heading is shown and the text around it is built', async () => {
    const { page } = await open();
    const last = contentsEntries(page).last();
    const title = await last.locator('.title').textContent();
    await last.click();
    await page.waitForFunction((t) => window.apparatus!.editor.state.selection.$head.parent.textContent === t, title);
    const heading = page.locator('.ap-text .ap-heading', { hasText: title! }).last();
    const box = await heading.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
    // The block after the heading is built in full (claim spans), not plain text.
    await page.waitForFunction((t) => {
      const hs = [...document.querySelectorAll('.ap-text .ap-heading')].filter((h) => h.textContent === t);
      const next = hs[hs.length - 1]?.nextElementSibling;
      return next !== null && next !== undefined && next.querySelector('.ap-claim') !== null;
    }, title);
    await page.context().close();
  });

  test('the provenance panel lists the claim\'s wiki links and Wikipedia\'s flag', async () => {
    // A claim the article flags "citation needed", opened by its link.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const probe = await openReader(context, `${server.url}${URL_PATH}`);
    const target = await probe.page.evaluate(() => {
      const { imported } = window.apparatus!;
      const s = imported.signals!.find((x) => x.kind === 'citation-needed')!;
      const claim = imported.claims.find((c) => c.block === s.block && c.end === s.offset) ?? imported.claims.find((c) => c.block === s.block && c.start <= s.offset && s.offset < c.end)!;
      const linked = imported.claims.find((c) => imported.links!.some((l) => l.kind === 'wiki' && l.block === c.block && l.start >= c.start && l.end <= c.end))!;
      return { flagged: claim.id, linked: linked.id };
    });
    await probe.page.goto(`${server.url}${URL_PATH}#claim=${target.flagged}`);
    await probe.page.waitForSelector('html[data-apparatus-ready="true"]');
    await probe.page.waitForFunction((id) => document.querySelector('ap-reader')!.shadowRoot!.querySelector('ap-provenance-panel')!.dataset['claim'] === id, target.flagged);
    expect(await deepText(probe.page.locator('ap-provenance-panel'))).toContain('Wikipedia flags this claim: citation needed');
    expect(await probe.page.locator('.ap-text .ap-flag').count()).toBeGreaterThan(0);
    await probe.page.evaluate((id) => (window.location.hash = `#claim=${id}`), target.linked);
    await probe.page.waitForFunction((id) => document.querySelector('ap-reader')!.shadowRoot!.querySelector('ap-provenance-panel')!.dataset['claim'] === id, target.linked);
    const links = probe.page.locator('ap-provenance-panel .links a[data-kind="wiki"]');
    expect(await links.count()).toBeGreaterThan(0);
    expect(await links.first().getAttribute('href')).toMatch(/^https:\/\/en\.wikipedia\.org\//);
    await context.close();
  });

  test.each([
    [1400, 900],
    [390, 844],
  ] as const)('has no serious or critical accessibility violations (axe) at %i×%i', async (...size) => {
    for (const [w, h] of [size]) {
      const { page } = await open(w, h);
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      if (SHOTS && w < 600) {
        await page.locator('ap-contents').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/sections-phone-contents.png` });
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: `${SHOTS}/sections-phone.png` });
      }
      await page.context().close();
    }
  }, 400_000);
});
