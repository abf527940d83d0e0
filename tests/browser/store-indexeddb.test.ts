/**
 * The IndexedDB repository in real Chromium, with a persistent profile so that data must survive the browser
 * closing: what is saved (or flushed on pagehide) is there after a relaunch; unreadable records are reported and
 * survive later saves; an upgrade in another tab closes this connection cleanly.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/anchoring/annotation-types.ts';
import { sampleAnnotation, sampleAnnotations } from '../unit/store/sample-annotations.ts';
import { CHROMIUM_PATH, chromiumAvailable, collectErrors, launchOptions, startReaderServer } from './support/browser.ts';

describe.skipIf(!chromiumAvailable())(`IndexedDB annotation repository in Chromium (${CHROMIUM_PATH})`, () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let profile: string;
  let context: BrowserContext | null = null;
  let errors: string[] = [];

  beforeAll(async () => {
    server = await startReaderServer();
    profile = await mkdtemp(join(tmpdir(), 'apparatus-chromium-profile-'));
  });
  afterEach(async () => quit());
  afterAll(async () => {
    await context?.close();
    await server?.close();
    await rm(profile, { recursive: true, force: true });
  });

  /** Starts Chromium on the persistent profile and opens the harness page. */
  async function launch(): Promise<Page> {
    context = await chromium.launchPersistentContext(profile, launchOptions());
    const page = await context.newPage();
    errors = collectErrors(page);
    await page.goto(`${server.url}tests/browser/pages/store-indexeddb.html`);
    await page.waitForSelector('html[data-store-harness="ready"]');
    return page;
  }
  /** Quits Chromium at once. */
  async function quit(): Promise<void> {
    await context?.close();
    context = null;
  }

  const open = (page: Page, name: string) => page.evaluate((n) => window.storeHarness.open(n), name);
  const save = (page: Page, name: string, annotations: Annotation[]) =>
    page.evaluate(([w, a]) => window.storeHarness.save(w, a), [name, annotations] as const);
  const load = (page: Page, workId: string) => page.evaluate((w) => window.storeHarness.load(w), workId);

  it('keeps every note saved when the browser is closed the moment the save resolves', async () => {
    const notes = sampleAnnotations(20);
    notes[3] = sampleAnnotation(4, 'Ордженикидзе — «Кавбюро» 🗒 with a\ttab and a no-break\u00a0space');
    let page = await launch();
    await open(page, 'durability');
    await save(page, 'kavbiuro', notes);
    await quit();

    page = await launch();
    await open(page, 'durability');
    expect(await load(page, 'kavbiuro')).toEqual({ annotations: notes, unreadable: [], saved: true });
    expect(await load(page, 'other-work')).toEqual({ annotations: [], unreadable: [], saved: false });
    expect(errors).toEqual([]);
    await quit();
  });

  it('a save replaces the whole set: removed notes are deleted, changed ones rewritten, order kept', async () => {
    let page = await launch();
    await open(page, 'replace');
    await save(page, 'kavbiuro', sampleAnnotations(6));
    await save(page, 'other', [sampleAnnotation(1)]);
    const second = [sampleAnnotation(5), sampleAnnotation(2, 'edited'), sampleAnnotation(9)];
    await save(page, 'kavbiuro', second);
    await quit();

    page = await launch();
    await open(page, 'replace');
    expect((await load(page, 'kavbiuro')).annotations).toEqual(second);
    expect((await load(page, 'other')).annotations).toEqual([sampleAnnotation(1)]);
    const keys = await page.evaluate(() => window.storeHarness.rawKeys('replace'));
    expect(keys).toHaveLength(4);
    await quit();
  });

  it('overlapping saves land in call order: the last set is what is stored, with nothing from earlier sets left over', async () => {
    const page = await launch();
    await open(page, 'overlap');
    const sets = [sampleAnnotations(3), sampleAnnotations(5).slice(1), [sampleAnnotation(5, 'last'), sampleAnnotation(6)]];
    const loaded = await page.evaluate(async (s) => {
      const h = window.storeHarness;
      await h.load('kavbiuro');
      await Promise.all(s.map((set) => h.save('kavbiuro', set)));
      return h.load('kavbiuro');
    }, sets);
    expect(loaded).toEqual({ annotations: sets[2], unreadable: [], saved: true });
    expect(await page.evaluate(() => window.storeHarness.rawKeys('overlap'))).toHaveLength(2);
  });

  it('keeps a change flushed from pagehide when the tab is closed at once (after a load, as in the reader)', async () => {
    let page = await launch();
    await open(page, 'pagehide');
    await save(page, 'kavbiuro', [sampleAnnotation(8)]);
    await load(page, 'kavbiuro'); // as the reader does at start
    await page.evaluate(() => window.storeHarness.startAutosave('kavbiuro'));
    const notes = sampleAnnotations(3);
    expect(await page.evaluate((a) => window.storeHarness.schedule(a), notes)).toBe('pending');
    await page.close();
    await quit();

    page = await launch();
    await open(page, 'pagehide');
    expect((await load(page, 'kavbiuro')).annotations).toEqual(notes);
    await quit();
  });

  it('reports corrupt records as unreadable, moves them aside, and no later save deletes or overwrites them', async () => {
    let page = await launch();
    await open(page, 'corrupt');
    const good = sampleAnnotations(3);
    await save(page, 'kavbiuro', good);
    const invalid = { v: 1, order: 1, annotation: { id: 'urn:x', type: 'Note' } };
    await page.evaluate(([k1, k2, v]) => Promise.all([
      window.storeHarness.putRaw('corrupt', k1, 'not an annotation at all'),
      window.storeHarness.putRaw('corrupt', k2, v),
    ]), [['kavbiuro', 'urn:garbage'], ['kavbiuro', 'urn:x'], invalid] as const);

    const first = await load(page, 'kavbiuro');
    expect(first.annotations).toEqual(good);
    expect(first.unreadable.map((u) => [u.key, u.raw])).toEqual([
      ['kavbiuro/urn:garbage', 'not an annotation at all'],
      ['kavbiuro/urn:x', invalid],
    ]);
    expect(first.unreadable[0]!.reason).toMatch(/expected a record object/);
    expect(first.unreadable[1]!.reason).toMatch(/type/);

    // A record that goes bad after the load and is then hit by a save that overwrites its id.
    await page.evaluate(([k]) => window.storeHarness.putRaw('corrupt', k, 12345), [['kavbiuro', good[0]!.id]] as const);
    const next = [sampleAnnotation(1, 'rewritten'), sampleAnnotation(7)];
    await save(page, 'kavbiuro', next);
    // Setting the overwritten record aside is a follow-up transaction; a load is ordered after it.
    expect((await load(page, 'kavbiuro')).unreadable).toHaveLength(3);
    await quit();

    page = await launch();
    await open(page, 'corrupt');
    const after = await load(page, 'kavbiuro');
    expect(after.annotations).toEqual(next);
    expect(after.unreadable.map((u) => [u.key, u.raw])).toEqual([
      ['kavbiuro/urn:garbage', 'not an annotation at all'],
      ['kavbiuro/urn:x', invalid],
      [`kavbiuro/${good[0]!.id}`, 12345],
    ]);
    await quit();
  });

  it('closes its connection when another tab upgrades the database, and will not open a newer database', async () => {
    const page = await launch();
    await open(page, 'upgrade');
    await save(page, 'kavbiuro', sampleAnnotations(1));
    expect(await page.evaluate(() => window.storeHarness.upgradeElsewhere('upgrade', 5))).toBe(5);
    await expect(save(page, 'kavbiuro', sampleAnnotations(2))).rejects.toThrow(/closed: Apparatus was updated in another tab/);
    await expect(open(page, 'upgrade')).rejects.toThrow(/unavailable: The notes database was written by a newer version/);
    await quit();
  });

  it('keeps an emptied working copy as saved, after a relaunch', async () => {
    let page = await launch();
    await open(page, 'emptied');
    await save(page, 'kavbiuro', sampleAnnotations(3));
    await save(page, 'kavbiuro', []);
    await quit();
    page = await launch();
    await open(page, 'emptied');
    expect(await load(page, 'kavbiuro')).toEqual({ annotations: [], unreadable: [], saved: true });
    expect(await load(page, 'never-saved')).toEqual({ annotations: [], unreadable: [], saved: false });
    await quit();
  });

  it('upgrades a version 1 database: its notes stay, and each work that had notes counts as saved', async () => {
    const page = await launch();
    const notes = sampleAnnotations(3);
    await page.evaluate((a) => window.storeHarness.createVersion1('v1', { kavbiuro: a, 'other-work': a.slice(0, 1) }), notes);
    await open(page, 'v1');
    expect(await load(page, 'kavbiuro')).toEqual({ annotations: notes, unreadable: [], saved: true });
    expect(await load(page, 'other-work')).toEqual({ annotations: notes.slice(0, 1), unreadable: [], saved: true });
    expect(await load(page, 'third')).toEqual({ annotations: [], unreadable: [], saved: false });
    await quit();
  });

  it('upgrades a version 2 database: its notes stay, its works stay saved, with no base recorded yet', async () => {
    let page = await launch();
    const notes = sampleAnnotations(3);
    await page.evaluate((a) => window.storeHarness.createVersion2('v2', { kavbiuro: a, emptied: [] }), notes);
    await open(page, 'v2');
    expect(await load(page, 'kavbiuro')).toEqual({ annotations: notes, unreadable: [], saved: true });
    expect(await load(page, 'emptied')).toEqual({ annotations: [], unreadable: [], saved: true });
    // The new store works: a base recorded with a save, kept by a later save without one.
    const base = { sha256: 'ab'.repeat(32), annotations: notes.slice(0, 2) };
    await page.evaluate(([a, b]) => window.storeHarness.save('kavbiuro', a, b), [notes, base] as const);
    await save(page, 'kavbiuro', notes.slice(1));
    await quit();
    page = await launch();
    await open(page, 'v2');
    expect(await load(page, 'kavbiuro')).toEqual({ annotations: notes.slice(1), unreadable: [], saved: true, base });
  });

  it('records a base alone without making a working copy', async () => {
    const page = await launch();
    await open(page, 'base-only');
    const base = { sha256: null, annotations: sampleAnnotations(1) };
    await page.evaluate((b) => window.storeHarness.recordBase('kavbiuro', b), base);
    expect(await load(page, 'kavbiuro')).toEqual({ annotations: [], unreadable: [], saved: false, base });
  });

  it('keeps a stored record of a future format unchanged through later saves, and reports it', async () => {
    let page = await launch();
    await open(page, 'future');
    await save(page, 'kavbiuro', sampleAnnotations(2));
    const future = { v: 2, order: 5, annotation: sampleAnnotation(9), comments: ['a field this version does not know'] };
    await page.evaluate(([k, v]) => window.storeHarness.putRaw('future', k, v), [['kavbiuro', sampleAnnotation(9).id], future] as const);
    expect((await load(page, 'kavbiuro')).unreadable.map((u) => u.raw)).toEqual([future]);
    await save(page, 'kavbiuro', sampleAnnotations(3));
    await quit();
    page = await launch();
    await open(page, 'future');
    const after = await load(page, 'kavbiuro');
    expect(after.annotations).toEqual(sampleAnnotations(3));
    expect(after.unreadable.map((u) => [u.raw, u.reason])).toEqual([[future, expect.stringMatching(/unknown record format 2/)]]);
  });

  it('gives the reader durable storage, with no warning, in Chromium', async () => {
    const page = await launch();
    expect(await page.evaluate(() => window.storeHarness.openDefault('default-check'))).toEqual({ memory: false, warning: null });
    await quit();
  });
});
