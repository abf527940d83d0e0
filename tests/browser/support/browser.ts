/**
 * Real-browser test support: the reader served by Vite (the project's own config) and Debian's Chromium driven by
 * playwright-core. Chromium is never downloaded: it is `$CHROMIUM_PATH` or `/usr/bin/chromium` (`.ci/run` installs
 * it with apt).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type LaunchOptions, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The flags DESIGN §4 prescribes for a closed network and a root user. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** True when the Chromium binary is there (tests skip with a visible reason otherwise). */
export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export function launchOptions(extra: Partial<LaunchOptions> = {}): LaunchOptions {
  return { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, ...extra };
}

/** Launches Chromium. */
export function launchChromium(extra: Partial<LaunchOptions> = {}): Promise<Browser> {
  return chromium.launch(launchOptions(extra));
}

/** A Vite dev server for the project on a free port. */
export async function startReaderServer(): Promise<{ url: string; server: ViteDevServer; close: () => Promise<void> }> {
  const server = await createServer({
    root: PROJECT_ROOT,
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false, watch: null },
    clearScreen: false,
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the Vite server has no port');
  return { url: `http://127.0.0.1:${address.port}/`, server, close: () => server.close() };
}

/** Console errors and uncaught exceptions of a page, collected for "no console errors" checks. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/** Opens `url` in a new page of `context` and waits until the reader says it is ready. */
export async function openReader(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(url);
  await page.waitForSelector('html[data-apparatus-ready="true"]', { timeout: 30_000 });
  return { page, errors };
}

/** How many notes have a highlight in the reader's text (distinct `data-annotation` ids). */
export function highlightedNotes(page: Page): Promise<number> {
  return page.evaluate(() => new Set([...document.querySelectorAll('.ap-text [data-annotation]')].map((e) => e.getAttribute('data-annotation'))).size);
}

/** The visible text of an element including its (nested) shadow roots: what a reader of a Lit panel sees. */
export function deepText(locator: import('playwright-core').Locator): Promise<string> {
  return locator.evaluate((el) => {
    const walk = (n: Node): string => {
      if (n.nodeType === Node.TEXT_NODE) return n.textContent ?? '';
      if (n.nodeType !== Node.ELEMENT_NODE && n.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return '';
      if (n instanceof Element && (n.tagName === 'STYLE' || n.tagName === 'SCRIPT')) return '';
      const root = n instanceof Element ? n.shadowRoot : null;
      let out = '';
      for (const c of Array.from((root ?? n).childNodes)) out += walk(c);
      return out;
    };
    return walk(el);
  });
}

/**
 * Selects the first occurrence of `text` in the reader's text as a mouse selection would (a DOM range that
 * ProseMirror reads on selectionchange), and waits until the editor's selection is that range.
 */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const root = document.querySelector('.ap-text')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(needle);
      if (i >= 0) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + needle.length);
        (root as HTMLElement).focus();
        const sel = getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        return;
      }
    }
    throw new Error(`text not found: ${needle}`);
  }, text);
  await page.waitForFunction(() => !window.apparatus!.editor.view.state.selection.empty);
}
