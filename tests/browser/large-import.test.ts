/**
 * A large notes import (issue 8 §5, finding 7: 20,000 Hypothesis rows froze the tab for 9 s; 50,000 and 100,000
 * crashed it). Exports of 20k, 50k and 100k rows on the Kavbiuro text are generated here (never committed).
 * - 20k: the file is read, merged and anchored in the worker while the page stays responsive (no long task over
 *   LONG_TASK_LIMIT_MS, a freeze guard, until the notes are put in); the notes list then shows at once, a page at a time, and a deep
 *   link reaches a note "Show more" has not reached.
 * - 50k (over the notes limit) and 100k (over the size limit) are refused with a message saying which limit and by
 *   how much; nothing changes.
 * - Cancel leaves the notes as they were.
 * The figures (load average, time, longest tasks) are printed, also those not yet held to the limit: putting
 * 20,000 notes into the editor is one task (one undoable step), and the autosave that follows writes them to
 * IndexedDB in one transaction, also one task.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { canonicalText } from '../../src/anchoring/doc-text.ts';
import { NOTE_LIST_PAGE } from '../../src/panels/ap-note-list.ts';
import { importText } from '../../src/model/import-text.ts';
import { hypothesisExport, hypothesisRowId } from '../unit/load/hypothesis-export-fixture.ts';
import { chromiumAvailable, collectErrors, deepText, launchChromium, PROJECT_ROOT, startReaderServer } from './support/browser.ts';

const DIR = `${PROJECT_ROOT}test-results/large-import`;
/**
 * A guard against a freeze while the worker imports (before the worker, the 20k import was one 9 s task), not the
 * reliability issue's 200 ms goal: on a 2-core machine shared with the rest of the suite a 200 ms assertion passes or
 * fails by luck. The longest task is printed; the goal is a speed figure for `npm run bench`.
 */
const LONG_TASK_LIMIT_MS = 1000;

/** Long tasks from the first script on. */
const RECORDER = `
  window.__tasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
`;

interface Task {
  start: number;
  duration: number;
}

const status = (page: Page) => deepText(page.locator('ap-reader [role=status]'));
const noteCount = (page: Page) =>
  page.evaluate(() => {
    const state = window.apparatus!.editor.view.state;
    const plugin = state.plugins.find((p) => (p as unknown as { key: string }).key.startsWith('apparatus-annotations$'))!;
    return (plugin.getState(state) as { byId: Map<string, unknown> }).byId.size;
  });
const tasks = (page: Page) => page.evaluate(() => (window as unknown as { __tasks: Task[] }).__tasks.slice());
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

describe.skipIf(!chromiumAvailable())('a large notes import (Chromium)', () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let browser: Browser;
  const files: Record<number, string> = {};

  beforeAll(async () => {
    mkdirSync(DIR, { recursive: true });
    const imported = importText(readFileSync(`${PROJECT_ROOT}corpus/kavbiuro/text.txt`));
    const text = canonicalText(imported.blocks, imported.references);
    for (const rows of [20_000, 50_000, 100_000]) {
      files[rows] = `${DIR}/hypothesis-${rows}.json`;
      writeFileSync(files[rows], JSON.stringify(hypothesisExport(text, rows)));
    }
    server = await startReaderServer();
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(RECORDER);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url);
    await page.waitForSelector('html[data-apparatus-ready="true"]', { timeout: 60_000 });
    return { page, errors };
  }

  test('20,000 rows: imported in the worker without a long task; the list shows a page at once; a deep link reaches any note', async () => {
    const { page, errors } = await open();
    const before = await noteCount(page);
    const chosen = Math.round(await page.evaluate(() => performance.now()));
    const t = Date.now();
    await page.locator('ap-export-menu input[type=file]').setInputFiles(files[20_000]!);
    await expect.poll(() => status(page), { timeout: 300_000, interval: 100 }).toMatch(/^Imported 20,000 notes from hypothesis-20000\.json \(Hypothesis\); 19,?800 exact, 0 fuzzy, 200 unanchored/);
    const ms = Date.now() - t;
    expect(await noteCount(page)).toBe(before + 20_000);
    const put = await page.evaluate(() => performance.getEntriesByName('apparatus:import-put').map((m) => ({ start: Math.round(m.startTime), duration: Math.round(m.duration) }))[0]!);
    const all = (await tasks(page)).filter((x) => x.start + x.duration >= chosen);
    // While the worker reads, merges and anchors, the page runs only short tasks.
    const working = all.filter((x) => x.start + x.duration < put.start);
    const applyTask = all.find((x) => x.start <= put.start && put.start <= x.start + x.duration);
    const longestWorking = Math.max(0, ...working.map((x) => x.duration));

    // The notes list (the default tab) shows a page of cards, the counts of every note and the Unanchored section.
    const listStart = Date.now();
    const list = await deepText(page.locator('ap-note-list'));
    const [, shownCount, anchoredCount, unanchoredCount] = /(\d+) of (\d+) anchored notes, (\d+) unanchored/.exec(list)!.map(Number);
    expect(shownCount).toBe(anchoredCount);
    expect(anchoredCount).toBeGreaterThanOrEqual(19_800);
    expect(unanchoredCount).toBeGreaterThanOrEqual(200);
    expect(anchoredCount! + unanchoredCount!).toBeLessThanOrEqual(before + 20_000);
    expect(list).toContain(`Unanchored (${unanchoredCount})`);
    const cards = await page.locator('ap-note-list ap-note-card').count();
    expect(cards).toBe(2 * NOTE_LIST_PAGE);
    const listMs = Date.now() - listStart;

    // "Show more" by keyboard adds a page and puts the focus on the first card it added.
    const more = page.locator('ap-note-list').getByRole('button', { name: /^Show more \(/ });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('ap-note-list ol.notes > li[data-index]').count()).toBe(2 * NOTE_LIST_PAGE);
    expect(await page.locator('ap-note-list').evaluate((el) => el.shadowRoot!.activeElement?.getAttribute('data-index'))).toBe(String(NOTE_LIST_PAGE));

    // A deep link to a note the list has not reached renders it, in the list and in the panel.
    const ids = Array.from({ length: 40 }, (_, k) => `https://hypothes.is/a/${hypothesisRowId(19_000 + k)}`);
    const rendered = await page.locator('ap-note-list ap-note-card article[data-annotation]').evaluateAll((els) => els.map((e) => e.getAttribute('data-annotation')));
    const target = ids.find((id) => !rendered.includes(id) && !id.endsWith(hypothesisRowId(19_099)))!;
    expect(target).toBeDefined();
    const clickTasks = (await tasks(page)).length;
    await page.evaluate((id) => (window.location.hash = `#annotation=${encodeURIComponent(id)}`), target);
    await expect.poll(() => page.locator(`ap-note-list ap-note-card article[data-annotation="${target}"]`).count()).toBe(1);
    await expect.poll(() => page.locator(`ap-provenance-panel ap-note-card article[data-annotation="${target}"]`).count()).toBeGreaterThan(0);
    const focusTasks = (await tasks(page)).slice(clickTasks);

    const after = (await tasks(page)).filter((x) => x.start > put.start + put.duration && !focusTasks.includes(x));
    console.log(
      `20k import (load average ${load()}): status after ${ms} ms; longest task while the worker ran ${longestWorking} ms (${working.length} tasks over 50 ms: ${JSON.stringify(working.map((x) => `+${x.start - chosen}:${x.duration}`))}); ` +
        `putting the notes in: ${put.duration} ms measured, its task ${applyTask?.duration ?? 'under 50'} ms; later tasks (autosave to IndexedDB, rendering) ${JSON.stringify(after.map((x) => x.duration))}; ` +
        `list read in ${listMs} ms with ${cards} cards; deep link tasks ${JSON.stringify(focusTasks.map((x) => x.duration))}`,
    );
    expect(longestWorking).toBeLessThanOrEqual(LONG_TASK_LIMIT_MS);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 600_000);

  test('50,000 rows (over the notes limit) and 100,000 rows (over the size limit) are refused with what and how much; nothing changes', async () => {
    const { page, errors } = await open();
    const before = await noteCount(page);
    const listBefore = await deepText(page.locator('ap-note-list'));
    await page.locator('ap-export-menu input[type=file]').setInputFiles(files[50_000]!);
    await expect.poll(() => status(page), { timeout: 300_000, interval: 100 }).toMatch(/^hypothesis-50000\.json holds 50,000 notes; the limit for one import is 25,000 notes\. Nothing was imported/);
    expect(await noteCount(page)).toBe(before);
    await page.locator('ap-export-menu input[type=file]').setInputFiles(files[100_000]!);
    await expect.poll(() => status(page), { timeout: 300_000, interval: 100 }).toMatch(
      /^hypothesis-100000\.json is [\d,]+ bytes \(\d+\.\d MiB\); the limit for one import is 50,331,648 bytes \(48\.0 MiB\)\. Nothing was imported/,
    );
    console.log(`over the limits (load average ${load()}): ${await status(page)}`);
    expect(await noteCount(page)).toBe(before);
    expect(await deepText(page.locator('ap-note-list'))).toBe(listBefore);
    expect(await page.getByRole('button', { name: 'Cancel import' }).isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 600_000);

  test('cancel leaves the notes as they were; the next import works', async () => {
    const { page, errors } = await open();
    const before = await noteCount(page);
    await page.locator('ap-export-menu input[type=file]').setInputFiles(files[20_000]!);
    await expect.poll(() => status(page), { interval: 50 }).toMatch(/^Importing notes from hypothesis-20000\.json: /);
    await page.getByRole('button', { name: 'Cancel import' }).click();
    await expect.poll(() => status(page)).toMatch(/^The import of hypothesis-20000\.json was cancelled\. Nothing was imported\./);
    expect(await page.getByRole('button', { name: 'Cancel import' }).isVisible()).toBe(false);
    expect(await noteCount(page)).toBe(before);
    // The cancelled import never lands: the next one adds exactly its own notes.
    await page.locator('ap-export-menu input[type=file]').setInputFiles(`${PROJECT_ROOT}tests/fixtures/hypothesis/kavbiuro-search.json`);
    await expect.poll(() => status(page), { timeout: 60_000 }).toMatch(/^Imported (\d+) notes? from kavbiuro-search\.json/);
    const added = Number(/^Imported (\d+)/.exec(await status(page))![1]);
    expect(added).toBeGreaterThan(0);
    expect(await noteCount(page)).toBe(before + added);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 600_000);
});
