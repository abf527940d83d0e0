/**
 * Browser figures of the reader on the benchmark book, in Debian's Chromium (playwright-core, never a downloaded
 * browser): the production build served by a small static server, the book passed by URL
 * (`?text=…&meta=…&annotations=…`).
 *
 * - first render: from navigation (the page's time origin) to `<html data-apparatus-ready="true">` (the page sets
 *   it once the document and its annotations are shown), read by an observer installed before any page script;
 * - static render: the same book as a static page (static-page.ts) timed by the same observer, each load right
 *   after a load of the reader in the same browser, so that the two are compared under the same load;
 * - panel update: the caret moved through the ProseMirror view (`window.apparatus.editor.view`) onto a claim
 *   other than the one shown, until `<ap-provenance-panel>`'s `data-claim` changed (seen by a MutationObserver)
 *   and its Lit update completed; timed inside the page with `performance.now()`;
 * - panel painted: the same move, made at the start of a frame (in a `requestAnimationFrame` callback, where
 *   Chromium also handles input aligned to frames), timed until the end of the main-thread rendering (style,
 *   layout, paint) of the first frame whose rendering began after the panel's Lit update had completed. A task
 *   posted from a rAF callback runs after that frame's rendering task, so "after the frame" is when it runs. When
 *   the update completes within the move's own frame, the figure is that frame's work; each frame it misses adds
 *   the frame's remaining wait (up to 16.7 ms at 60 Hz). Starting at the frame's start leaves out the wait for the
 *   next frame that a key press at a random moment would add (0–16.7 ms), which no reader can remove;
 * - heap: `Runtime.getHeapUsage` (CDP) after `HeapProfiler.collectGarbage`, with the book loaded;
 * - longest task of a load: the longest main-thread task (`PerformanceObserver` of type `longtask`, buffered, from
 *   before any page script) between navigation and ready, per measured load; the figure is their median. The goal
 *   is 200 ms (no freeze a reader would feel); the browser tests only guard against a real freeze, since a timed
 *   assertion on a shared 2-core machine passes or fails by luck.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { median, quantile } from './measure.ts';

/** Chromium flags of DESIGN §4 (closed network, root user). */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--js-flags=--expose-gc',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Serves `mounts` (URL prefix → folder) on a free local port. */
export async function serveStatic(mounts: Record<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const prefix = prefixes.find((p) => path.startsWith(p));
    let file = prefix ? join(mounts[prefix]!, normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '')) : '';
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** What the browser part measured; `null` where the page does not (yet) offer what the measure needs. */
export interface BrowserFigures {
  first_render_ms: number | null;
  first_render_runs: number[];
  /** Median First Contentful Paint: when the first text was painted, before the whole book is ready. */
  first_contentful_paint_ms: number | null;
  panel_update_p95_ms: number | null;
  panel_update_median_ms: number | null;
  /** Caret move at a frame's start → that frame's (or a later one's) rendering done with the panel updated. */
  panel_painted_p95_ms: number | null;
  panel_painted_median_ms: number | null;
  /** How many moves were painted in their own frame, one frame later, …: `[own, +1, +2 or more]`. */
  panel_painted_frames: number[] | null;
  /** The static page of the same book (static-page.ts), loaded alternately with the reader. */
  static_render_ms: number | null;
  static_render_runs: number[];
  heap_mb: number | null;
  /** Median over the measured loads of the longest main-thread task from navigation to ready (0 when none ≥ 50 ms). */
  load_longest_task_ms: number | null;
  load_longest_task_runs: number[];
  chromium: string;
  notes: string[];
}

/** Options of `measureBrowser`. */
export interface BrowserOptions {
  chromiumPath: string;
  /** Full URL of the reader page with the book's parameters. */
  pageUrl: string;
  /** Full URL of the static page of the same book, or null not to measure it. */
  staticUrl: string | null;
  runs: number;
  moves: number;
  log: (line: string) => void;
}

/** Loads the page in a fresh context and returns the page time at which it declared itself ready. */
async function loadOnce(browser: Browser, url: string, timeoutMs = 60_000) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __apparatusReadyAt?: number; __apparatusLongest?: number };
    w.__apparatusLongest = 0;
    try {
      new PerformanceObserver((list) => {
        if (w.__apparatusReadyAt !== undefined) return;
        for (const e of list.getEntries()) w.__apparatusLongest = Math.max(w.__apparatusLongest ?? 0, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No Long Tasks API: the figure stays 0 and is reported as such.
    }
    new MutationObserver(() => {
      if (w.__apparatusReadyAt === undefined && document.documentElement.dataset['apparatusReady'] === 'true') {
        w.__apparatusReadyAt = performance.now();
      }
      // The init script runs before <html> exists: watch the whole document.
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-apparatus-ready'] });
  });
  await page.goto(url, { waitUntil: 'commit' });
  try {
    await page.waitForFunction(() => (window as unknown as { __apparatusReadyAt?: number }).__apparatusReadyAt !== undefined, null, { timeout: timeoutMs, polling: 50 });
  } catch {
    throw new Error(`the reader never set data-apparatus-ready within ${timeoutMs} ms${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`);
  }
  const { readyAt, fcp, longest } = await page.evaluate(() => ({
    readyAt: (window as unknown as { __apparatusReadyAt: number }).__apparatusReadyAt,
    longest: (window as unknown as { __apparatusLongest?: number }).__apparatusLongest ?? 0,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
  return { context, page, readyAt, fcp, longest, errors };
}

/** Measures first render, panel updates and heap. Throws only when Chromium cannot start. */
export async function measureBrowser(options: BrowserOptions): Promise<BrowserFigures> {
  const notes: string[] = [];
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: CHROMIUM_ARGS, headless: true });
  try {
    const renders: number[] = [];
    const statics: number[] = [];
    const paints: number[] = [];
    const longestTasks: number[] = [];
    // One warm-up load of each page (disk cache of the server's files, Chromium's code cache), then the measured
    // ones, the reader and the static page alternately.
    for (let i = 0; i <= options.runs; i++) {
      const { context, readyAt, fcp, longest } = await loadOnce(browser, options.pageUrl);
      if (i > 0) {
        renders.push(readyAt);
        longestTasks.push(longest);
        if (fcp !== null) paints.push(fcp);
      }
      await context.close();
      let line = `  first render ${i === 0 ? '(warm-up)' : `#${i}`}: ${readyAt.toFixed(0)} ms (longest task ${longest.toFixed(0)} ms)`;
      if (options.staticUrl) {
        const still = await loadOnce(browser, options.staticUrl);
        if (i > 0) statics.push(still.readyAt);
        await still.context.close();
        line += `, static page ${still.readyAt.toFixed(0)} ms`;
      }
      options.log(line);
    }

    const { context, page } = await loadOnce(browser, options.pageUrl);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const heapMb = heap.usedSize / (1024 * 1024);

    const moves = await page.evaluate(async (count: number) => {
      type PMNode = { isText: boolean; nodeSize: number; marks: { type: { name: string }; attrs: Record<string, unknown> }[] };
      const w = window as unknown as {
        apparatus?: { editor?: { view?: { state: any; dispatch: (tr: unknown) => void } } };
      };
      const view = w.apparatus?.editor?.view;
      if (!view) return { error: 'window.apparatus.editor.view is missing' };
      const find = (root: Document | ShadowRoot): HTMLElement | null => {
        const hit = root.querySelector('ap-provenance-panel');
        if (hit) return hit as HTMLElement;
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) {
            const inner = find(el.shadowRoot);
            if (inner) return inner;
          }
        }
        return null;
      };
      const panel = find(document) as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
      if (!panel) return { error: '<ap-provenance-panel> is not on the page' };
      const spots: { pos: number; ids: string[] }[] = [];
      view.state.doc.descendants((node: PMNode, pos: number) => {
        if (!node.isText) return;
        const ids = node.marks.filter((m) => m.type.name === 'claim').map((m) => String(m.attrs['id']));
        if (ids.length > 0 && node.nodeSize > 2) spots.push({ pos: pos + (node.nodeSize >> 1), ids });
      });
      if (spots.length < 2) return { error: 'the document has no claim marks' };
      const Selection = view.state.selection.constructor as { create?: (doc: unknown, pos: number) => unknown };
      if (typeof Selection.create !== 'function') return { error: 'the view selection is not a TextSelection' };
      // Deterministic walk over the book: a large stride so that moves land all over it.
      let at = 0;
      const times: number[] = [];
      const painted: number[] = [];
      const frames = [0, 0, 0];
      const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      let updatedAt = -1;
      // Called in a rAF callback (or its microtasks): this frame's rendering is still to come. A ResizeObserver
      // newly observing an element is called in that rendering, after style and layout and before paint: whether
      // the update had completed by then says whether this frame paints the panel. A task posted now runs after
      // the rendering task: its time is when the frame's main-thread rendering (paint included) is done.
      const renderFrame = () =>
        new Promise<{ included: boolean; doneAt: number }>((resolve) => {
          let included = false;
          const ro = new ResizeObserver(() => {
            included = updatedAt >= 0;
            ro.disconnect();
          });
          ro.observe(document.documentElement);
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ included, doneAt: performance.now() });
          channel.port2.postMessage(0);
        });
      for (let i = 0; i < count; i++) {
        const shown = panel.dataset['claim'] ?? '';
        let spot = spots[at % spots.length]!;
        for (let guard = 0; spot.ids.includes(shown) && guard < spots.length; guard++) spot = spots[++at % spots.length]!;
        at += 7919;
        // The panel reflects its claim in data-claim from its Lit `updated()`; a MutationObserver sees that
        // change in the same task, before any rendering frame.
        let observer: MutationObserver | null = null;
        updatedAt = -1;
        const changed = new Promise<boolean>((resolve) => {
          observer = new MutationObserver(() => {
            if ((panel.dataset['claim'] ?? '') !== shown) resolve(true);
          });
          observer.observe(panel, { attributes: true, attributeFilter: ['data-claim'] });
          setTimeout(() => resolve(false), 5000);
        });
        const updated = changed.then(async (ok) => {
          if (ok) await panel.updateComplete;
          updatedAt = performance.now();
          return ok;
        });
        // The move, at the start of a frame; then frame after frame until one paints the updated panel.
        await nextFrame();
        const t0 = performance.now();
        view.dispatch(view.state.tr.setSelection(Selection.create(view.state.doc, spot.pos)));
        let frame = await renderFrame();
        let late = 0;
        while (!frame.included && performance.now() - t0 < 5000) {
          await nextFrame();
          frame = await renderFrame();
          late++;
        }
        const ok = await updated;
        (observer as MutationObserver | null)?.disconnect();
        if (!ok || !frame.included) return { error: `the panel did not change data-claim within 5 s (move ${i})` };
        times.push(updatedAt - t0);
        painted.push(frame.doneAt - t0);
        frames[Math.min(2, late)]!++;
      }
      return { times, painted, frames };
    }, options.moves);
    await context.close();
    let p95: number | null = null;
    let med: number | null = null;
    let paintedP95: number | null = null;
    let paintedMedian: number | null = null;
    let paintedFrames: number[] | null = null;
    if ('error' in moves) notes.push(`panel update not measured: ${moves.error}`);
    else {
      p95 = quantile(moves.times!, 0.95);
      med = median(moves.times!);
      paintedP95 = quantile(moves.painted!, 0.95);
      paintedMedian = median(moves.painted!);
      paintedFrames = moves.frames!;
    }
    return {
      first_render_ms: median(renders),
      first_render_runs: renders,
      first_contentful_paint_ms: paints.length ? median(paints) : null,
      panel_update_p95_ms: p95,
      panel_update_median_ms: med,
      panel_painted_p95_ms: paintedP95,
      panel_painted_median_ms: paintedMedian,
      panel_painted_frames: paintedFrames,
      static_render_ms: statics.length ? median(statics) : null,
      static_render_runs: statics,
      heap_mb: heapMb,
      load_longest_task_ms: longestTasks.length ? median(longestTasks) : null,
      load_longest_task_runs: longestTasks,
      chromium: browser.version(),
      notes,
    };
  } finally {
    await browser.close();
  }
}
