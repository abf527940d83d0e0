/**
 * Following a source as it changes (issue 10), end to end in Chromium on Kavbiuro with the curated notes and the
 * hand-made revision `tests/fixtures/revisions/kavbiuro-revised.txt`: "Newer revision…" re-anchors every note in the
 * load worker and says where they would go without changing anything; confirming opens the page on the new revision
 * with the review; the review's decisions (leave on the older revision, re-attach to selected words, accept all) are
 * undoable and saved; a reload finds them; the older revision stays readable by deep link. And what is refused:
 * the same bytes, an empty or binary file, another article, a Wikipedia check that fails.
 * Each test has its own browser context (its own IndexedDB). Requests to Wikipedia are routed, never sent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { chromiumAvailable, deepText, launchOptions, openReader, PROJECT_ROOT, selectText, startReaderServer } from './support/browser.ts';

const REVISED = join(PROJECT_ROOT, 'tests', 'fixtures', 'revisions', 'kavbiuro-revised.txt');
const ORIGINAL = join(PROJECT_ROOT, 'corpus', 'kavbiuro', 'text.txt');
const DUCK = join(PROJECT_ROOT, '..', 'shared', 'corpora', 'duck.txt');
const DOG = join(PROJECT_ROOT, '..', 'shared', 'sources', 'wikipedia-parsoid', 'dog.html');
const PARSOID = /wikipedia\.org\/w\/rest\.php\/v1\/page\/Kavbiuro\/html/;

/** The revised fixture as Parsoid HTML of revision 1234567890 (its body paragraphs; enough for the importer). */
function revisedAsParsoid(): string {
  const blocks = readFileSync(REVISED, 'utf8').split(/\n\s*\n/).filter((b) => b.trim() && !/^\s*1\./.test(b));
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!DOCTYPE html><html prefix="dc: http://purl.org/dc/terms/ mw: http://mediawiki.org/rdf/" about="http://en.wikipedia.org/wiki/Special:Redirect/revision/1234567890"><head><meta charset="utf-8"/><meta property="mw:pageNamespace" content="0"/><meta property="dc:modified" content="2026-12-01T09:30:00.000Z"/><link rel="dc:isVersionOf" href="//en.wikipedia.org/wiki/Kavbiuro"/><title>Kavbiuro</title><base href="//en.wikipedia.org/wiki/"/></head><body lang="en" class="mw-parser-output"><section data-mw-section-id="0" data-mw="{}">${blocks.map((b) => `<p>${escape(b.trim().replace(/\[\d\]/g, ''))}</p>`).join('')}</section></body></html>`;
}
const ID = (slug: string) => `urn:apparatus:kavbiuro:${slug}`;

/** Each note's id → [placement status, revision State id or null, kept, quote now]. */
function notesIn(page: Page): Promise<Record<string, [string, string | null, boolean, string]>> {
  return page.evaluate(() => {
    const state = window.apparatus!.editor.state;
    const plugin = state.plugins.find((p) => (p as unknown as { key: string }).key.startsWith('apparatus-annotations'))!;
    const byId = (plugin.getState(state) as { byId: Map<string, { annotation: { target: { state?: { id: string; keptOnRevision?: boolean }; selector: { type: string; exact?: string }[] } }; status: string }> }).byId;
    const out: Record<string, [string, string | null, boolean, string]> = {};
    for (const [id, e] of byId) {
      const t = e.annotation.target;
      if (typeof t !== 'object') continue;
      out[id] = [e.status, t.state?.id ?? null, t.state?.keptOnRevision === true, t.selector.find((s) => s.type === 'TextQuoteSelector')?.exact ?? ''];
    }
    return out;
  });
}

/** The library's record ids with their revision counts, read with IndexedDB itself. */
function libraryIn(page: Page): Promise<[string, number][]> {
  return page.evaluate(
    () =>
      new Promise<[string, number][]>((resolve, reject) => {
        const open = indexedDB.open('apparatus');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('library')) return resolve([]);
          const all = db.transaction('library').objectStore('library').getAll();
          all.onsuccess = () => {
            db.close();
            resolve((all.result as { id: string; revisions: unknown[] }[]).map((w) => [w.id, w.revisions.length]));
          };
        };
      }),
  );
}

const dialog = (page: Page) => page.locator('dialog.ap-revision-dialog');
const result = (page: Page) => page.locator('dialog.ap-revision-dialog .ap-revision-result');
const review = (page: Page) => page.locator('ap-revision-review');
/** The review's rows as [id, outcome, decision]. */
const rows = (page: Page) =>
  review(page).evaluate((el) => [...el.shadowRoot!.querySelectorAll('li')].map((li) => [li.dataset['id']!, li.dataset['outcome']!, li.dataset['decision']!] as const));
const decisionOf = async (page: Page, id: string) => (await rows(page)).find((r) => r[0] === id)?.[2];

async function openNewer(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Newer revision…' }).click();
  await dialog(page).waitFor();
}

describe.skipIf(!chromiumAvailable())('following Kavbiuro to a newer revision (Chromium)', () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startReaderServer();
    browser = await chromium.launch(launchOptions());
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 950 } });
    // Never the internet: any request to Wikipedia fails loudly unless a test routes it.
    await context.route(/wikipedia\.org/, (route) => route.abort('blockedbyclient'));
  });
  afterEach(async () => context?.close());
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('open the revision, review every note, leave one, re-attach one, accept all, undo, reload: all kept', async () => {
    const { page, errors } = await openReader(context, server.url);
    const before = await notesIn(page);
    expect(Object.keys(before)).toHaveLength(24);
    await openNewer(page);
    await page.locator('#ap-revision-file').setInputFiles({ name: 'kavbiuro-revised.txt', mimeType: 'text/plain', buffer: readFileSync(REVISED) });
    await expect.poll(() => result(page).getAttribute('data-outcome'), { timeout: 60_000 }).toBe('ready');
    expect(await result(page).textContent()).toContain('Of 24 notes, 14 stay as they are, 4 moved with their passage, 4 are on changed words and 2 are not found. Nothing has changed yet.');
    // Nothing changed: the notes, the text and the library are as they were.
    expect(await notesIn(page)).toEqual(before);
    expect(await libraryIn(page)).toEqual([]);
    expect(await page.locator('.ap-text').textContent()).toContain('3 July 1920');

    await Promise.all([page.waitForURL(/revision=r2#review$/), page.getByRole('button', { name: 'Open this revision and review the notes' }).click()]);
    await page.waitForSelector('html[data-apparatus-ready="true"]', { timeout: 30_000 });
    expect(await libraryIn(page)).toEqual([['project-kavbiuro', 2]]);
    expect(await page.locator('.ap-text').textContent()).toContain('4 July 1921');
    await review(page).waitFor();
    await expect.poll(async () => (await rows(page)).length).toBe(24);
    const listed = await rows(page);
    const outcomeOf = (slug: string) => listed.find((r) => r[0] === ID(slug))?.[1];
    expect([outcomeOf('ottoman-intervention'), outcomeOf('british-intervention')]).toEqual(['orphan', 'orphan']);
    expect([outcomeOf('lead-definition'), outcomeOf('date-3-july-1920'), outcomeOf('stalin-narimanov-attribution')]).toEqual(['reanchored', 'reanchored', 'reanchored']);
    expect(outcomeOf('founding-date')).toBe('moved');
    expect(listed.filter((r) => r[1] === 'unchanged')).toHaveLength(14);
    expect(listed.every((r) => r[2] === 'pending')).toBe(true);
    // Orphans first, then the notes on changed words: what needs the reader's eye.
    expect(listed.slice(0, 2).map((r) => r[1])).toEqual(['orphan', 'orphan']);
    const said = await deepText(review(page));
    expect(said).toContain('24 notes on revision r2');
    expect(said).toContain('What changed in the evidence');
    // The evidence report of r1 → r2 in the review: the reworded date claim is among its changes, and "Go to"
    // selects the change in the text of r2.
    const evidence = review(page).locator('ap-evidence-diff');
    await evidence.waitFor();
    const reported = await deepText(evidence);
    expect(reported).toContain('4 July 1921');
    // The date note side by side: the old words struck, the new ones marked.
    const dateRow = review(page).locator(`li[data-id="${ID('date-3-july-1920')}"]`);
    expect(await dateRow.locator('del').allTextContents()).toEqual(['3', '1920']);
    expect(await dateRow.locator('ins').allTextContents()).toEqual(['4', '1921']);
    await page.screenshot({ path: '/work/notes/shots/revision-review.png' }).catch(() => undefined);

    // Keyboard: the first orphan has focus; "o" leaves it on the older revision.
    expect(listed[0]![0]).toBe(ID('ottoman-intervention'));
    await page.keyboard.press('o');
    await expect.poll(() => decisionOf(page, ID('ottoman-intervention'))).toBe('kept');
    const there = await review(page).locator(`li[data-id="${ID('ottoman-intervention')}"] a`, { hasText: 'read it there' }).getAttribute('href');
    expect(there).toBe(`${server.url}?revision=r1#annotation=${encodeURIComponent(ID('ottoman-intervention'))}`);
    // Re-attach the other orphan to words selected in the text.
    await selectText(page, 'the Russian Revolution');
    await review(page).locator(`li[data-id="${ID('british-intervention')}"] button`, { hasText: 'Re-attach to selected words' }).click();
    await expect.poll(() => decisionOf(page, ID('british-intervention'))).toBe('reattached');
    // Accept all the rest with Shift+A.
    await review(page).locator('ol[aria-label="Notes to review"]').focus();
    await page.keyboard.press('Shift+A');
    await expect.poll(async () => (await rows(page)).filter((r) => r[2] === 'accepted').length).toBe(22);
    // Undo takes the acceptance back (the review follows), redo puts it again.
    await page.locator('.ap-text').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await rows(page)).filter((r) => r[2] === 'pending').length).toBe(22);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await rows(page)).filter((r) => r[2] === 'pending').length).toBe(0);
    await page.screenshot({ path: '/work/notes/shots/revision-review-decided.png' }).catch(() => undefined);
    // "Go to" in the review's evidence report selects that change in the text of r2.
    await page.locator('.ap-text').click();
    expect(await page.evaluate(() => window.apparatus!.editor.view.state.selection.empty)).toBe(true);
    await review(page).locator('ap-evidence-diff').getByRole('button', { name: /^Go to/ }).first().click();
    await expect.poll(() => page.evaluate(() => !window.apparatus!.editor.view.state.selection.empty)).toBe(true);

    const decided = await notesIn(page);
    await page.evaluate(() => window.apparatus!.flush());
    // Reload on the newest revision (no &revision=): every decision is there, nothing was dropped.
    await page.goto(`${server.url}?work=kavbiuro`);
    await page.waitForSelector('html[data-apparatus-ready="true"]', { timeout: 30_000 });
    const after = await notesIn(page);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const r2 = after[ID('founding-date')]![1];
    expect(r2).toMatch(/^ni:\/\/\/sha-256;/);
    for (const [id, [status, state, kept, quote]] of Object.entries(after)) {
      expect([id, state, kept, quote]).toEqual([id, decided[id]![1], decided[id]![2], decided[id]![3]]);
      if (id === ID('ottoman-intervention')) expect([status, kept, state === r2]).toEqual(['orphan', true, false]);
      else expect([id, status, state]).toEqual([id, 'exact', r2]);
    }
    expect(after[ID('british-intervention')]![3]).toBe('the Russian Revolution');
    expect(after[ID('date-3-july-1920')]![3]).toBe('4 July 1921');
    expect(await page.getByRole('button', { name: 'Review notes' }).count()).toBe(1);

    // The older revision stays readable: the kept note opens there, on its own words.
    await page.goto(there!);
    await page.waitForSelector('html[data-apparatus-ready="true"]', { timeout: 30_000 });
    expect(await page.locator('.ap-text').textContent()).toContain('3 July 1920');
    const old = await notesIn(page);
    expect(old[ID('ottoman-intervention')]![0]).toBe('exact');
    expect(await page.evaluate(() => getSelection()!.toString())).toBe('This was prevented first through the intervention of the Ottoman Empire,');
    expect(errors).toEqual([]);
  }, 240_000);

  test('what is not a newer revision is refused with a message, and nothing changes', async () => {
    const { page, errors } = await openReader(context, server.url);
    const before = await notesIn(page);
    await openNewer(page);
    const tryFile = async (name: string, buffer: Buffer) => {
      await page.locator('#ap-revision-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
      await expect.poll(() => result(page).getAttribute('data-outcome'), { timeout: 60_000 }).toBe('failed');
      return (await result(page).textContent()) ?? '';
    };
    expect(await tryFile('text.txt', readFileSync(ORIGINAL))).toContain('text.txt is the very revision you are reading (the same bytes)');
    expect(await tryFile('empty.txt', Buffer.alloc(0))).toContain('empty.txt is empty.');
    expect(await tryFile('scan.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x00]))).toContain('scan.png is not UTF-8 text');
    const other = existsSync(DUCK) ? readFileSync(DUCK) : Buffer.from('The duck is a waterbird with a broad blunt bill, short legs and webbed feet.\n');
    expect(await tryFile('duck.txt', other)).toMatch(/duck\.txt does not look like a revision of “Kavbiuro”: only \d+ % of its passages are in it\./);
    // Pasted text that is the same as the text read.
    await page.locator('#ap-revision-text').fill(readFileSync(ORIGINAL, 'utf8'));
    await page.getByRole('button', { name: 'Use the pasted text' }).click();
    await expect.poll(() => result(page).textContent()).toContain('the pasted text is the very revision you are reading');
    // Wikipedia: the connection fails; then the server fails; each says so.
    await page.getByRole('button', { name: 'Check Wikipedia for a newer revision' }).click();
    await expect.poll(() => result(page).textContent()).toContain('Could not reach en.wikipedia.org to check “Kavbiuro”');
    await context.route(/wikipedia\.org\/w\/rest\.php\/v1\/page\/Kavbiuro\/html/, (route) => route.fulfill({ status: 503, body: 'busy' }));
    await page.getByRole('button', { name: 'Check Wikipedia for a newer revision' }).click();
    await expect.poll(() => result(page).textContent()).toContain('en.wikipedia.org answered 503');
    expect(await result(page).textContent()).toContain('The revision you are reading and its notes are unchanged.');
    await page.screenshot({ path: '/work/notes/shots/revision-refused.png' }).catch(() => undefined);
    expect(await page.getByRole('button', { name: 'Open this revision and review the notes' }).isVisible()).toBe(false);
    expect(await notesIn(page)).toEqual(before);
    expect(await libraryIn(page)).toEqual([]);
    expect(errors.filter((e) => !/wikipedia|ERR_BLOCKED|503/.test(e))).toEqual([]);
  }, 180_000);

  test('"Check Wikipedia for a newer revision" fetches the latest Parsoid HTML (routed) and keeps its revision id; another article is refused', async () => {
    const { page } = await openReader(context, server.url);
    const before = await notesIn(page);
    await openNewer(page);
    if (existsSync(DOG)) {
      await context.route(PARSOID, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: readFileSync(DOG) }));
      await page.getByRole('button', { name: 'Check Wikipedia for a newer revision' }).click();
      await expect.poll(() => result(page).getAttribute('data-outcome'), { timeout: 60_000 }).toBe('failed');
      expect(await result(page).textContent()).toContain('is “Dog”, not a revision of “Kavbiuro”.');
      expect(await notesIn(page)).toEqual(before);
      await context.unroute(PARSOID);
    }
    let asked: Record<string, string> = {};
    await context.route(PARSOID, (route) => {
      asked = route.request().headers();
      return route.fulfill({ status: 200, contentType: 'text/html', body: revisedAsParsoid() });
    });
    await page.getByRole('button', { name: 'Check Wikipedia for a newer revision' }).click();
    await expect.poll(async () => `${await result(page).getAttribute('data-outcome')}: ${await result(page).textContent()}`, { timeout: 60_000 }).toMatch(/^ready: /);
    expect(asked['api-user-agent']).toMatch(/^Apparatus\//);
    expect(await result(page).textContent()).toContain('the latest revision of en:Kavbiuro:');
    await Promise.all([page.waitForURL(/revision=r2#review$/), page.getByRole('button', { name: 'Open this revision and review the notes' }).click()]);
    await page.waitForSelector('html[data-apparatus-ready="true"]', { timeout: 30_000 });
    const kept = await page.evaluate(
      () =>
        new Promise<{ revision: string | null; date: string; source: string }[]>((resolve) => {
          const open = indexedDB.open('apparatus');
          open.onsuccess = () => {
            const get = open.result.transaction('library').objectStore('library').get('project-kavbiuro');
            get.onsuccess = () => resolve((get.result as { revisions: { revision: string | null; date: string; source: string }[] }).revisions.map(({ revision, date, source }) => ({ revision, date, source })));
          };
        }),
    );
    expect(kept[1]).toMatchObject({ revision: '1234567890', date: '2026-12-01T09:30:00.000Z' });
    // Accepting a note records the revision as a TimeState with Wikipedia's permanent link.
    await review(page).waitFor();
    const id = ID('date-3-july-1920');
    // The panel scrolls on its own: a note far down the list is reached and accepted with the mouse.
    await review(page).locator(`li[data-id="${id}"] button`, { hasText: 'Accept' }).first().click();
    await expect.poll(() => decisionOf(page, id)).toBe('accepted');
    const state = await page.evaluate((noteId) => {
      const s = window.apparatus!.editor.state;
      const plugin = s.plugins.find((p) => (p as unknown as { key: string }).key.startsWith('apparatus-annotations'))!;
      return (plugin.getState(s) as { byId: Map<string, { annotation: { target: { state: unknown } } }> }).byId.get(noteId)!.annotation.target.state;
    }, id);
    expect(state).toMatchObject({ type: 'TimeState', sourceDate: '2026-12-01T09:30:00.000Z', cached: 'https://en.wikipedia.org/w/index.php?oldid=1234567890' });
  }, 180_000);

  test('pasted text opens as a newer revision; the review is the same', async () => {
    const { page } = await openReader(context, server.url);
    await openNewer(page);
    await page.locator('#ap-revision-text').fill(readFileSync(REVISED, 'utf8'));
    await page.getByRole('button', { name: 'Use the pasted text' }).click();
    await expect.poll(() => result(page).getAttribute('data-outcome'), { timeout: 60_000 }).toBe('ready');
    expect(await result(page).textContent()).toContain('the pasted text:');
    await Promise.all([page.waitForURL(/revision=r2#review$/), page.getByRole('button', { name: 'Open this revision and review the notes' }).click()]);
    await page.waitForSelector('html[data-apparatus-ready="true"]', { timeout: 30_000 });
    await review(page).waitFor();
    await expect.poll(async () => (await rows(page)).length).toBe(24);
    expect((await rows(page)).filter((r) => r[1] === 'orphan').map((r) => r[0])).toEqual([ID('ottoman-intervention'), ID('british-intervention')]);
  }, 180_000);
});
