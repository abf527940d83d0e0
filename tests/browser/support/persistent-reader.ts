/**
 * The setup most reader tests share: one reader server for the file, and for every test a fresh persistent
 * Chromium profile of its own (its own IndexedDB and localStorage, kept on disk across tabs and reloads), whose
 * pages' console errors must be none when the test ends. Call once inside a `describe`; it registers the hooks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { launchOptions, openReader, startReaderServer } from './browser.ts';

export interface PersistentReader {
  /** The reader server's base URL (set before the first test). */
  readonly url: string;
  /** The current test's browser context. */
  readonly context: BrowserContext;
  /** Opens the reader at `url` (default: the Kavbiuro page) in the test's profile and collects its console errors. */
  open(url?: string): Promise<Page>;
}

export function persistentReader(viewport = { width: 1400, height: 900 }): PersistentReader {
  let server: Awaited<ReturnType<typeof startReaderServer>> | undefined;
  let context: BrowserContext | undefined;
  let profile = '';
  let errors: string[][] = [];

  beforeAll(async () => {
    server = await startReaderServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    profile = mkdtempSync(join(tmpdir(), 'apparatus-profile-'));
    context = await chromium.launchPersistentContext(profile, { ...launchOptions(), viewport });
    errors = [];
  });
  afterEach(async () => {
    try {
      expect(errors.flat()).toEqual([]);
    } finally {
      await context?.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  const urlOf = () => {
    if (!server) throw new Error('the reader server is not started yet (use persistentReader() inside a describe)');
    return server.url;
  };
  const contextOf = () => {
    if (!context) throw new Error('no browser context outside a test');
    return context;
  };
  // `open` is a closure (not a method): it may be destructured.
  const open = async (url?: string) => {
    const opened = await openReader(contextOf(), url ?? urlOf());
    errors.push(opened.errors);
    return opened.page;
  };
  return {
    get url() {
      return urlOf();
    },
    get context() {
      return contextOf();
    },
    open,
  };
}
