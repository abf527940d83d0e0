/**
 * A large work (≈9.5 MB, the importer's limit is 10 MiB) loads without freezing the page: no long task and no
 * event-loop gap that would freeze it from navigation until ready; the whole text is there and its notes are highlighted.
 * A text over the limit is refused with a clear message, also without freezing. (Limits: see LARGE_SHARE_LIMIT.)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { notesCollection } from '../../src/anchoring/annotation-collection.ts';
import { buildDoc } from '../../src/model/build-doc.ts';
import { importText } from '../../src/model/import-text.ts';
import { largeWorkText, notesOn } from '../unit/load/large-work-fixture.ts';
import { chromiumAvailable, CHROMIUM_PATH, collectErrors, launchChromium, PROJECT_ROOT, startReaderServer } from './support/browser.ts';

const DIR = `${PROJECT_ROOT}test-results/large`;
/**
 * These limits guard against a real freeze (before the load worker and the slices, the whole load of a large work
 * was one blocking task of 60 s); they are not the goal. The goal — no main-thread task over 200 ms while a work
 * loads — is a speed figure, measured by `npm run bench` (`load_longest_task_ms`, against the 200 ms limit, with the
 * machine's load): on a 2-core machine shared with the rest of the suite a 200 ms assertion passed or failed by luck
 * (one clean-clone CI run: 222 ms for the 11 MB refusal, whose text the page never reads — the worker refuses it).
 * Wall-clock task lengths grow with the machine's load (at load ≈ 14 the 9.6 MB work was ready in 106 s with a
 * 1.7 s task; at load ≈ 1, in 10 s with 136 ms), so the guard for the large work is a share of the time to ready:
 * loaded in slices, no task or gap takes more than a few per cent of it (1.4–1.6 % in both runs); one blocking load
 * would take nearly all of it. The refusal is short, so its guard is absolute. All figures are printed.
 */
const LARGE_SHARE_LIMIT = 0.1;
const LONG_TASK_LIMIT_MS = 1000;
const GAP_LIMIT_MS = 1500;
const NOTES = 300;

/** Long tasks and the largest gap between 20 ms heartbeats, from the first script on. */
const RECORDER = `
  window.__load = { longTasks: [], maxGap: 0, gaps: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__load.longTasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    const gap = now - last;
    if (gap > window.__load.maxGap) window.__load.maxGap = gap;
    if (gap > 100) window.__load.gaps.push({ at: Math.round(last), gap: Math.round(gap) });
    last = now;
    if (document.documentElement.dataset.apparatusReady === 'true' && !window.__load.readyAt) window.__load.readyAt = Math.round(now);
  }, 20);
`;

interface LoadRecord {
  longTasks: { start: number; duration: number }[];
  maxGap: number;
  gaps: { at: number; gap: number }[];
  readyAt?: number;
}

function writeWork(name: string, text: string, notes: string | null): string {
  const dir = `${DIR}/${name}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/text.txt`, text);
  const sha256 = createHash('sha256').update(text).digest('hex');
  const iri = `urn:apparatus:test:${name}`;
  const meta = { id: `large-${name}`, title: `Large work (${name})`, language: 'en', source: iri, iri, licence: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' }, attribution: 'Wikipedia contributors (shared corpora)', sha256 };
  writeFileSync(`${dir}/work.json`, JSON.stringify(meta, null, 2));
  if (notes !== null) writeFileSync(`${dir}/notes.jsonld`, notes);
  const base = `/test-results/large/${name}`;
  return `?text=${base}/text.txt&meta=${base}/work.json${notes !== null ? `&annotations=${base}/notes.jsonld` : ''}`;
}

async function openAndRecord(browser: Browser, url: string, ready: string): Promise<{ page: Page; record: LoadRecord; errors: string[]; ms: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(RECORDER);
  const page = await context.newPage();
  const errors = collectErrors(page);
  const t = Date.now();
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 400_000 });
  const ms = Date.now() - t;
  // One more heartbeat after ready, so a freeze at the very end is counted.
  await page.waitForTimeout(100);
  const record = (await page.evaluate('window.__load')) as LoadRecord;
  return { page, record, errors, ms };
}

describe.skipIf(!chromiumAvailable())(`a large work in Chromium (${CHROMIUM_PATH})`, () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let browser: Browser;
  let bigQuery: string;
  let tooBigQuery: string;
  let blockCount: number;
  let bytes: number;
  let docHash: string;

  beforeAll(async () => {
    const work = largeWorkText(9.5e6);
    bytes = Buffer.byteLength(work.text);
    const imported = importText(work.text);
    blockCount = imported.blocks.length;
    docHash = createHash('sha256').update(JSON.stringify(buildDoc(imported).toJSON())).digest('hex');
    const iri = 'urn:apparatus:test:big';
    const notes = JSON.stringify(notesCollection('large-big', 'Large work', notesOn(work.text, NOTES, iri)));
    bigQuery = writeWork('big', work.text, notes);
    tooBigQuery = writeWork('too-big', largeWorkText(11 * 1024 * 1024).text, null);
    server = await startReaderServer();
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a ≈9.5 MB text with 300 notes loads whole, without freezing the page; notes are drawn where the reader is', async () => {
    expect(bytes).toBeGreaterThan(9_000_000);
    expect(bytes).toBeLessThanOrEqual(10 * 1024 * 1024);
    const { page, record, errors, ms } = await openAndRecord(browser, `${server.url}${bigQuery}`, 'html[data-apparatus-ready="true"]');
    const longest = Math.max(0, ...record.longTasks.map((t) => t.duration));
    console.log(`large work: ${(bytes / 1e6).toFixed(1)} MB, ${blockCount} blocks, ready in ${ms} ms; longest task ${longest} ms, largest heartbeat gap ${Math.round(record.maxGap)} ms`);
    console.log(`long tasks over 100 ms: ${JSON.stringify(record.longTasks.filter((t) => t.duration > 100))}; gaps: ${JSON.stringify(record.gaps)}`);
    expect(await page.locator('.ap-text > p, .ap-text > .ap-blockquote').count()).toBe(blockCount);
    expect(await page.locator('.ap-text .ap-references').count()).toBe(1);
    // The document mounted slice by slice is buildDoc's, node for node (the reference list last).
    const mounted = await page.evaluate(async () => {
      const json = JSON.stringify(window.apparatus!.editor.view.state.doc.toJSON());
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(json));
      return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    });
    expect(mounted).toBe(docHash);
    // Every note is loaded; only those near the viewport are drawn (a book's notes are not all drawn at load).
    const inState = await page.evaluate(() => {
      const state = window.apparatus!.editor.view.state;
      const plugin = state.plugins.find((p) => (p as unknown as { key: string }).key.startsWith('apparatus-annotations$'))!;
      return (plugin.getState(state) as { byId: Map<string, unknown> }).byId.size;
    });
    expect(inState).toBe(NOTES);
    const drawn = () => page.locator('.ap-text [data-annotation]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-annotation')))]);
    const noteId = (i: number) => `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const atTop = await drawn();
    expect(atTop).toContain(noteId(1));
    expect(atTop).not.toContain(noteId(NOTES));
    // Going to the last note (as a deep link or the note list does) draws the notes there.
    await page.evaluate((id) => (window.location.hash = `#annotation=${encodeURIComponent(id)}`), noteId(NOTES));
    await expect.poll(drawn, { timeout: 10_000 }).toContain(noteId(NOTES));
    expect(await drawn()).not.toContain(noteId(1));
    await expect.poll(() => page.locator(`.ap-text [data-annotation="${noteId(NOTES)}"]`).first().isVisible()).toBe(true);
    expect(await page.locator('ap-reader').getAttribute('aria-busy')).toBeNull();
    expect(errors).toEqual([]);
    expect(longest).toBeLessThanOrEqual(LARGE_SHARE_LIMIT * ms);
    expect(record.maxGap).toBeLessThanOrEqual(LARGE_SHARE_LIMIT * ms);
    await page.context().close();
  }, 600_000);

  test('an 11 MB text is refused with a clear message, without freezing', async () => {
    const { page, record } = await openAndRecord(browser, `${server.url}${tooBigQuery}`, '[role="alert"]');
    const message = await page.locator('[role="alert"]').textContent();
    expect(message).toMatch(/^The text cannot be read: The text is [\d,]+ bytes \(1[01]\.\d+ MiB\); the limit is 10,485,760 bytes/);
    expect(await page.locator('ap-reader').getAttribute('aria-busy')).toBeNull();
    const longest = Math.max(0, ...record.longTasks.map((t) => t.duration));
    console.log(`too-large text: longest task ${longest} ms, largest gap ${Math.round(record.maxGap)} ms, message: ${message}`);
    expect(longest).toBeLessThanOrEqual(LONG_TASK_LIMIT_MS);
    expect(record.maxGap).toBeLessThanOrEqual(GAP_LIMIT_MS);
    await page.context().close();
  }, 120_000);
});
