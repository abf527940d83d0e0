import { AxeBuilder } from '@axe-core/playwright';
/**
 * Opening sources from the page (issue 9 §6): "Open…" with a file and by drag-and-drop, a Wikipedia URL fetched
 * with an Api-User-Agent (routed by Playwright to a local fixture: never the internet), the work kept in the
 * library and read again with no request for its text, and the messages for what cannot be opened.
 * Each test has its own browser context (its own IndexedDB).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumAvailable, collectErrors, openReader, PROJECT_ROOT } from './support/browser.ts';
import { readerPerTest } from './support/reader-per-test.ts';

const SHARED = join(PROJECT_ROOT, '..', 'shared');
const DOG = join(SHARED, 'sources', 'wikipedia-parsoid', 'dog.html');
const DUCK = join(SHARED, 'corpora', 'duck.txt');

/** The library's records as [id, title, revision count]. */
function libraryIn(page: Page): Promise<[string, string, number][]> {
  // Read with IndexedDB itself (the database the page opened), not through the module under test.
  return page.evaluate(
    () =>
      new Promise<[string, string, number][]>((resolve, reject) => {
        const open = indexedDB.open('apparatus');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('library')) return resolve([]);
          const all = db.transaction('library').objectStore('library').getAll();
          all.onsuccess = () => {
            db.close();
            resolve((all.result as { id: string; title: string; revisions: unknown[] }[]).map((w) => [w.id, w.title, w.revisions.length]));
          };
        };
      }),
  );
}

async function openDialog(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByRole('dialog', { name: 'Open a source' }).waitFor();
}

const result = (page: Page) => page.locator('dialog:not(.ap-library-dialog) .ap-open-result');

describe.skipIf(!chromiumAvailable())('opening a source from the page (Chromium)', () => {
  const reader = readerPerTest({ viewport: { width: 1300, height: 900 } });

  test.skipIf(!existsSync(DUCK))('a file chosen with "Open…" is imported, kept, and read from the library with no request for its text', async () => {
    const { page, errors } = await openReader(reader.context, reader.url);
    await openDialog(page);
    await page.locator('#ap-open-file').setInputFiles({ name: 'Duck_notes.txt', mimeType: 'text/plain', buffer: readFileSync(DUCK) });
    await expect.poll(() => result(page).getAttribute('data-outcome'), { timeout: 60_000 }).toBe('kept');
    const said = (await result(page).textContent()) ?? '';
    expect(said).toContain('“Duck notes” (text) is in your library');
    expect(said).toMatch(/\d+ blocks, \d+ claims, \d+ references\./);
    expect(said).toContain('Licence: Unknown');
    expect(await libraryIn(page)).toEqual([['duck-notes', 'Duck notes', 1]]);
    await page.screenshot({ path: '/work/notes/shots/open-file-report.png' }).catch(() => undefined);
    const axeOpen = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(axeOpen.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // Read it: a new page, the text from IndexedDB only (any request under corpus/ would be a failure).
    const requested: string[] = [];
    reader.context.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const href = await page.locator('.ap-open-read').getAttribute('href');
    expect(href).toMatch(/\?library=duck-notes$/);
    const reading = await openReader(reader.context, href!);
    expect(await reading.page.locator('ap-reader h1').textContent()).toBe('Duck notes');
    expect(await reading.page.title()).toBe('Duck notes — Apparatus');
    expect(requested.filter((p) => p.startsWith('/corpus/') || p.startsWith('/annotations/'))).toEqual([]);
    const text = await reading.page.locator('#text').textContent();
    expect(text).toContain(readFileSync(DUCK, 'utf8').split('\n')[0]!.trim().slice(0, 40));
    expect(errors).toEqual([]);
    expect(reading.errors).toEqual([]);
  });

  test('a file dropped on the page is opened; other bytes under the same name become a new revision, the old kept', async () => {
    const { page } = await openReader(reader.context, reader.url);
    const drop = (content: string) =>
      page.evaluate((c) => {
        const data = new DataTransfer();
        data.items.add(new File([c], 'dropped.txt', { type: 'text/plain' }));
        document.querySelector('#text')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }, content);
    await drop('A first text.[1]\n\nReferences\n1. A source, 1900.\n');
    await expect.poll(() => result(page).getAttribute('data-outcome'), { timeout: 60_000 }).toBe('kept');
    expect(await libraryIn(page)).toEqual([['dropped', 'dropped', 1]]);
    await page.locator('.ap-open-close').click();
    await drop('A second text.[1]\n\nReferences\n1. Another source, 1901.\n');
    await expect.poll(async () => (await result(page).textContent()) ?? '').toContain('kept as revision r1, and these are revision r2');
    expect(await libraryIn(page)).toEqual([['dropped', 'dropped', 2]]);
  });

  test('a file that is not UTF-8 is refused with where, and nothing is kept', async () => {
    const { page } = await openReader(reader.context, reader.url);
    await openDialog(page);
    await page.locator('#ap-open-file').setInputFiles({ name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]) });
    await expect.poll(() => result(page).getAttribute('data-outcome'), { timeout: 60_000 }).toBe('failed');
    expect(await page.getByRole('alert').filter({ hasText: 'latin1.txt' }).textContent()).toBe(
      'latin1.txt is not UTF-8 text: the byte at offset 3 (0xe9) is not valid UTF-8. Save it as UTF-8 and open it again. Nothing was added to the library.',
    );
    expect(await libraryIn(page)).toEqual([]);
  });

  test.skipIf(!existsSync(DOG))('a Wikipedia URL of another edition is fetched as Parsoid HTML with an Api-User-Agent', async () => {
    const asked: { url: string; agent: string | null }[] = [];
    await reader.context.route('https://*.wikipedia.org/**', (route) => {
      asked.push({ url: route.request().url(), agent: route.request().headers()['api-user-agent'] ?? null });
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(DOG) });
    });
    const { page } = await openReader(reader.context, reader.url);
    await openDialog(page);
    await page.getByLabel('A Wikipedia article').fill('https://de.wikipedia.org/wiki/Haushund');
    await page.getByRole('button', { name: 'Fetch' }).click();
    await expect.poll(() => result(page).getAttribute('data-outcome'), { timeout: 60_000 }).not.toBeNull();
    expect(asked).toEqual([{ url: 'https://de.wikipedia.org/w/rest.php/v1/page/Haushund/html', agent: expect.stringMatching(/^Apparatus\//) }]);
    await expect.poll(() => result(page).getAttribute('data-outcome'), { timeout: 60_000 }).toBe('kept');
    const said = (await result(page).textContent())!.replace(/\s+/g, ' ');
    expect(said).toMatch(/^“Dog” \(wikipedia-parsoid\) is in your library, revision \d+\./);
    expect(said).toMatch(/Import report:.*1 infobox not shown/);
    expect(await libraryIn(page)).toEqual([['dog', 'Dog', 1]]);
    await page.screenshot({ path: '/work/notes/shots/open-wikipedia-report.png' }).catch(() => undefined);

    // Offline for Wikipedia from now on: the article opens from the library, with no request to any wiki.
    await reader.context.unrouteAll();
    await reader.context.route('https://*.wikipedia.org/**', (route) => route.abort('internetdisconnected'));
    asked.length = 0;
    const reading = await openReader(reader.context, (await page.locator('.ap-open-read').getAttribute('href'))!);
    expect(await reading.page.locator('ap-reader h1').textContent()).toBe('Dog');
    expect(await reading.page.locator('#text').textContent()).toContain('The domestic dog (Canis lupus familiaris');
    expect(await reading.page.evaluate(() => window.apparatus!.meta.source)).toMatch(/^https:\/\/en\.wikipedia\.org\/.*oldid=\d+/);
    expect(asked).toEqual([]);
    await reading.page.screenshot({ path: '/work/notes/shots/open-wikipedia-read.png' }).catch(() => undefined);
    expect(reading.errors).toEqual([]);
  });

  test('a missing article (404) and a network error say what went wrong; nothing is kept', async () => {
    await reader.context.route('https://en.wikipedia.org/**', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await reader.context.route('https://fr.wikipedia.org/**', (route) => route.abort('internetdisconnected'));
    const { page } = await openReader(reader.context, reader.url);
    await openDialog(page);
    const fetchArticle = async (input: string) => {
      await page.getByLabel('A Wikipedia article').fill(input);
      await page.getByRole('button', { name: 'Fetch' }).click();
      await expect.poll(() => result(page).getAttribute('data-outcome'), { timeout: 60_000 }).toBe('failed');
      const text = (await result(page).textContent()) ?? '';
      await page.evaluate(() => document.querySelector('.ap-open-result')!.removeAttribute('data-outcome'));
      return text;
    };
    expect(await fetchArticle('No such article')).toBe('en.wikipedia.org has no article "No such article" (404 at https://en.wikipedia.org/w/rest.php/v1/page/No_such_article/html).');
    expect(await fetchArticle('fr:Chien')).toMatch(/^Could not reach fr\.wikipedia\.org to fetch "Chien" \(.+\)\. Check the connection and try again\.$/);
    expect(await fetchArticle('https://example.org/wiki/Dog')).toBe('"example.org" is not a Wikipedia site (expected xx.wikipedia.org).');
    expect(await libraryIn(page)).toEqual([]);
  });

  test('?work= for a missing work and ?library= for a work this browser lacks say what is wrong', async () => {
    const page = await reader.context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${reader.url}?work=duck`);
    const alert = page.locator('#text [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('This project has no work "duck" (corpus/duck/work.json was not found). Check the name in the address, or open a file or a Wikipedia article with "Open…".');
    await expect.poll(() => page.locator('ap-reader h1').textContent()).toBe('This work cannot be opened');
    expect(await page.title()).toBe('Cannot open — Apparatus');
    // "Open…" is still offered.
    expect(await page.getByRole('button', { name: 'Open…' }).count()).toBe(1);
    await page.goto(`${reader.url}?library=nothing-here`);
    await alert.waitFor();
    expect(await alert.textContent()).toContain('This browser\'s library has no work "nothing-here"');
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
  });

  test('?text= without meta opens the text with metadata derived from its name, notes kept apart', async () => {
    const { page, errors } = await openReader(reader.context, `${reader.url}?text=/corpus/kavbiuro/text.txt`);
    expect(await page.locator('ap-reader h1').textContent()).toBe('text');
    expect(await page.evaluate(() => window.apparatus!.meta.sha256)).toMatch(/^[0-9a-f]{64}$/);
    expect(errors).toEqual([]);
  });

  test('the library lists the works; removing asks first and deletes notes only when asked to', async () => {
    const { page, errors } = await openReader(reader.context, reader.url);
    await openDialog(page);
    await page.locator('#ap-open-file').setInputFiles({ name: 'Kept text.txt', mimeType: 'text/plain', buffer: Buffer.from('A claim.[1]\n\nReferences\n1. A source, 1900.\n') });
    await expect.poll(() => result(page).getAttribute('data-outcome'), { timeout: 60_000 }).toBe('kept');
    await page.locator('.ap-open-close').click();
    // Two notes kept for it in this browser (put with IndexedDB itself, under the library key).
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('apparatus');
          open.onsuccess = () => {
            const tx = open.result.transaction('annotations', 'readwrite');
            tx.objectStore('annotations').put({ v: 1, order: 0, annotation: { id: 'urn:uuid:1' } }, ['library:kept-text', 'urn:uuid:1']);
            tx.objectStore('annotations').put({ v: 1, order: 1, annotation: { id: 'urn:uuid:2' } }, ['library:kept-text', 'urn:uuid:2']);
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onabort = () => reject(tx.error);
          };
        }),
    );
    const countNotes = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('apparatus');
            open.onsuccess = () => {
              const r = open.result.transaction('annotations').objectStore('annotations').count(IDBKeyRange.bound(['library:kept-text'], ['library:kept-text', []]));
              r.onsuccess = () => (open.result.close(), resolve(r.result));
            };
          }),
      );
    await page.getByRole('button', { name: 'Library' }).click();
    const list = page.getByRole('list', { name: 'Works in this browser' });
    await list.waitFor();
    expect(await list.locator('li').count()).toBe(1);
    expect((await list.textContent())!.replace(/\s+/g, ' ')).toMatch(/Kept text text · source Kept text\.txt · opened \d{4}-\d\d-\d\d · 2 notes (?:Reading its text for coverage… |\d+% of \d+ claims sourced · \d+ sections? )Read “Kept text” Remove “Kept text”…/);
    expect(await list.getByRole('link', { name: 'Read “Kept text”' }).getAttribute('href')).toMatch(/\?library=kept-text$/);
    await page.screenshot({ path: '/work/notes/shots/library.png' }).catch(() => undefined);

    // Remove, keeping the notes (the box is not ticked): the work goes, the notes stay.
    await page.getByRole('button', { name: 'Remove “Kept text”…' }).click();
    const ask = page.getByRole('dialog', { name: 'Remove “Kept text” from this browser?' });
    await ask.waitFor();
    expect(await ask.textContent()).toContain('It has 2 notes. They are kept unless you tick the box below');
    expect(await ask.getByRole('button', { name: 'Export its notes…' }).count()).toBe(1);
    await page.screenshot({ path: '/work/notes/shots/library-remove.png' }).catch(() => undefined);
    const axeRemove = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(axeRemove.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await ask.getByRole('button', { name: 'Cancel' }).click();
    expect(await libraryIn(page)).toHaveLength(1);
    await page.getByRole('button', { name: 'Remove “Kept text”…' }).click();
    await ask.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => libraryIn(page)).toEqual([]);
    expect(await countNotes()).toBe(2);
    await expect.poll(() => page.locator('.ap-library-dialog .ap-open-result').textContent()).toContain('its notes are kept in this browser');
    expect(errors).toEqual([]);
  });
});
