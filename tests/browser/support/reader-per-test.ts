/**
 * The setup of the browser tests that need a fresh browser context per test (its own IndexedDB, nothing on disk):
 * one reader server and one Chromium for the file, a new context before each test, closed after it. Call once
 * inside a `describe`; it registers the hooks.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchOptions, startReaderServer } from './browser.ts';

export interface ReaderPerTest {
  /** The reader server's base URL (set before the first test). */
  readonly url: string;
  /** The file's Chromium. */
  readonly browser: Browser;
  /** The current test's browser context. */
  readonly context: BrowserContext;
}

export function readerPerTest(options: BrowserContextOptions = { viewport: { width: 1300, height: 900 } }): ReaderPerTest {
  let server: Awaited<ReturnType<typeof startReaderServer>> | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    server = await startReaderServer();
    browser = await chromium.launch(launchOptions());
  });
  beforeEach(async () => {
    context = await browser!.newContext(options);
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not there (use readerPerTest() inside a describe, and its context inside a test)`);
    return value;
  };
  return {
    get url() {
      return need(server, 'the reader server').url;
    },
    get browser() {
      return need(browser, 'Chromium');
    },
    get context() {
      return need(context, 'the browser context');
    },
  };
}
