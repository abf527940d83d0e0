/**
 * Browser figures of the reader on the benchmark book, in Debian's Chromium (playwright-core, never a downloaded
 * browser): the production build served by a small static server, the book passed by URL
 * (`?text=…&meta=…&annotations=…`).
 *
 * - first render: from navigation (the page's time origin) to `<html data-apparatus-ready="true">` (the page sets
 *   it once the document and its annotations are shown), read by an observer installed before any page script;
 * - panel update: the caret moved through the ProseMirror view (`window.apparatus.editor.view`) onto a claim
 *   other than the one shown, until `<ap-provenance-panel>`'s `data-claim` changed (seen by a MutationObserver)
 *   and its Lit update completed; timed inside the page with `performance.now()`. Also, separately, until the
 *   frame that shows it has been rendered (style, layout, paint), which is what the reader waits for;
 * - heap: `Runtime.getHeapUsage` (CDP) after `HeapProfiler.collectGarbage`, with the book loaded.
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
  /** Caret move → the frame showing the updated panel rendered (layout, paint of the whole book included). */
  panel_painted_p95_ms: number | null;
  heap_mb: number | null;
  chromium: string;
  notes: string[];
}

/** Options of `measureBrowser`. */
export interface BrowserOptions {
  chromiumPath: string;
  /** Full URL of the reader page with the book's parameters. */
  pageUrl: string;
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
    const w = window as unknown as { __apparatusReadyAt?: number };
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
  const { readyAt, fcp } = await page.evaluate(() => ({
    readyAt: (window as unknown as { __apparatusReadyAt: number }).__apparatusReadyAt,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
  return { context, page, readyAt, fcp, errors };
}

/** Measures first render, panel updates and heap. Throws only when Chromium cannot start. */
export async function measureBrowser(options: BrowserOptions): Promise<BrowserFigures> {
  const notes: string[] = [];
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: CHROMIUM_ARGS, headless: true });
  try {
    const renders: number[] = [];
    const paints: number[] = [];
    // One warm-up load (disk cache of the server's files, Chromium's code cache), then the measured ones.
    for (let i = 0; i <= options.runs; i++) {
      const { context, readyAt, fcp } = await loadOnce(browser, options.pageUrl);
      if (i > 0) {
        renders.push(readyAt);
        if (fcp !== null) paints.push(fcp);
      }
      options.log(`  first render ${i === 0 ? '(warm-up)' : `#${i}`}: ${readyAt.toFixed(0)} ms`);
      await context.close();
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
      for (let i = 0; i < count; i++) {
        const shown = panel.dataset['claim'] ?? '';
        let spot = spots[at % spots.length]!;
        for (let guard = 0; spot.ids.includes(shown) && guard < spots.length; guard++) spot = spots[++at % spots.length]!;
        at += 7919;
        // The panel reflects its claim in data-claim from its Lit `updated()`; a MutationObserver sees that
        // change in the same task, before any rendering frame.
        let observer: MutationObserver | null = null;
        const changed = new Promise<boolean>((resolve) => {
          observer = new MutationObserver(() => {
            if ((panel.dataset['claim'] ?? '') !== shown) resolve(true);
          });
          observer.observe(panel, { attributes: true, attributeFilter: ['data-claim'] });
          setTimeout(() => resolve(false), 5000);
        });
        const t0 = performance.now();
        view.dispatch(view.state.tr.setSelection(Selection.create(view.state.doc, spot.pos)));
        const ok = await changed;
        (observer as MutationObserver | null)?.disconnect();
        if (!ok) return { error: `the panel did not change data-claim within 5 s (move ${i})` };
        await panel.updateComplete;
        times.push(performance.now() - t0);
        // Until the frame that shows it has been rendered: a task queued from requestAnimationFrame runs after it.
        await new Promise<void>((resolve) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve();
            channel.port2.postMessage(0);
          }),
        );
        painted.push(performance.now() - t0);
      }
      return { times, painted };
    }, options.moves);
    await context.close();
    let p95: number | null = null;
    let med: number | null = null;
    let paintedP95: number | null = null;
    if ('error' in moves) notes.push(`panel update not measured: ${moves.error}`);
    else {
      p95 = quantile(moves.times!, 0.95);
      med = median(moves.times!);
      paintedP95 = quantile(moves.painted!, 0.95);
    }
    return {
      first_render_ms: median(renders),
      first_render_runs: renders,
      first_contentful_paint_ms: paints.length ? median(paints) : null,
      panel_update_p95_ms: p95,
      panel_update_median_ms: med,
      panel_painted_p95_ms: paintedP95,
      heap_mb: heapMb,
      chromium: browser.version(),
      notes,
    };
  } finally {
    await browser.close();
  }
}
