import { AxeBuilder } from '@axe-core/playwright';
/**
 * Issue 10 §4 in the page: a library work with two revisions (the Kavbiuro article, then the revised fixture of
 * tests/fixtures/revisions, both dropped on the page under one name) offers "Compare with previous revision"; the
 * report shows what changed in the evidence; "Go to", pressed from the keyboard, selects the change in the text;
 * the report downloads as Markdown and HTML; the dialog has no serious accessibility violation. A work with one
 * revision has no such command. Each test has its own browser context (its own IndexedDB).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumAvailable, deepText, openReader, PROJECT_ROOT } from './support/browser.ts';
import { readerPerTest } from './support/reader-per-test.ts';

const OLD = readFileSync(join(PROJECT_ROOT, 'corpus', 'kavbiuro', 'text.txt'), 'utf8');
const NEW = readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'revisions', 'kavbiuro-revised.txt'), 'utf8');

/** Drops `content` on the page as a file called `name` and waits until the library kept it. */
async function drop(page: Page, name: string, content: string, said: string): Promise<void> {
  await page.evaluate(
    ([n, c]) => {
      const data = new DataTransfer();
      data.items.add(new File([c!], n!, { type: 'text/plain' }));
      document.querySelector('#text')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [name, content],
  );
  await expect.poll(async () => (await page.locator('dialog.ap-open-dialog:not(.ap-library-dialog) .ap-open-result').textContent()) ?? '', { timeout: 60_000 }).toContain(said);
  await page.locator('dialog.ap-open-dialog:not(.ap-library-dialog) .ap-open-close').click();
}

describe.skipIf(!chromiumAvailable())('what changed in the evidence, in the page (Chromium)', () => {
  const reader = readerPerTest({ viewport: { width: 1300, height: 900 }, acceptDownloads: true });

  test('compare with the previous revision, go to a change from the keyboard, download the report', async () => {
    const { page } = await openReader(reader.context, reader.url);
    await drop(page, 'kavbiuro-history.txt', OLD, 'is in your library');
    const one = await openReader(reader.context, `${reader.url}?library=kavbiuro-history`);
    // One revision: nothing to compare with.
    await one.page.waitForSelector('ap-reader[data-revisions="1"]');
    expect(await one.page.getByRole('button', { name: 'Compare with previous revision' }).count()).toBe(0);
    await drop(page, 'kavbiuro-history.txt', NEW, 'these are revision r2');

    const { page: reading, errors } = await openReader(reader.context, `${reader.url}?library=kavbiuro-history`);
    await reading.waitForSelector('ap-reader[data-evidence-tools="ready"]');
    const compare = reading.getByRole('button', { name: 'Compare with previous revision' });
    await compare.click();
    const dialog = reading.getByRole('dialog', { name: 'What changed in the evidence' });
    await dialog.waitFor();
    const said = await deepText(reading.locator('ap-evidence-diff'));
    expect(said).toMatch(/From\s+r1, \d{4}-\d\d-\d\d\s+to\s+r2, \d{4}-\d\d-\d\d/);
    expect(said).toContain('Claims reworded (3)');
    expect(said).toContain('Claims removed (1)');
    expect(said).toContain('Claims moved (2)');
    expect(said).toContain('This was prevented first through the intervention of the Ottoman Empire');

    // The words that changed in a reworded claim are marked.
    expect(await reading.locator('ap-evidence-diff blockquote.now ins').first().textContent()).toBe('oversee the subordination of the Caucasus ');
    await reading.locator('ap-evidence-diff h3', { hasText: 'Claims reworded' }).scrollIntoViewIfNeeded();
    await reading.screenshot({ path: '/work/notes/shots/evidence-report-reworded.png' }).catch(() => undefined);
    await reading.locator('ap-evidence-diff h2').scrollIntoViewIfNeeded();

    const axe = (await new AxeBuilder({ page: reading }).include('.ap-evidence-dialog').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(axe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await reading.screenshot({ path: '/work/notes/shots/evidence-report.png' }).catch(() => undefined);

    // Downloads: the same report as Markdown and as HTML.
    const [md] = await Promise.all([reading.waitForEvent('download'), reading.getByRole('button', { name: 'Download Markdown' }).click()]);
    expect(md.suggestedFilename()).toBe('kavbiuro-history-r1-r2-evidence.md');
    const mdText = readFileSync((await md.path())!, 'utf8');
    expect(mdText).toMatch(/^# What changed in the evidence\n/);
    expect(mdText).toContain('## Claims reworded (3)');
    const [htmlFile] = await Promise.all([reading.waitForEvent('download'), reading.getByRole('button', { name: 'Download HTML' }).click()]);
    expect(htmlFile.suggestedFilename()).toBe('kavbiuro-history-r1-r2-evidence.html');
    expect(readFileSync((await htmlFile.path())!, 'utf8')).toContain('<h2>Claims removed (1)</h2>');

    // "Go to" from the keyboard: the reworded date, selected in the text.
    const goTo = reading.getByRole('button', { name: /^Go to: change \d+, claims reworded$/ }).nth(1);
    await goTo.focus();
    await reading.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    const selected = await reading.evaluate(() => {
      const { state } = window.apparatus!.editor.view;
      return state.doc.textBetween(state.selection.from, state.selection.to);
    });
    expect(selected).toMatch(/^This position was endorsed by Kavbiuro on 4 July 1921, only to be reversed the next day/);

    // A removed claim: "Where it stood" puts the selection on the claim it followed.
    await compare.click();
    await dialog.waitFor();
    await reading.getByRole('button', { name: /^Where it stood: change \d+, claims removed$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const near = await reading.evaluate(() => {
      const { state } = window.apparatus!.editor.view;
      return state.doc.textBetween(state.selection.from, state.selection.to);
    });
    expect(near).toMatch(/^However in the context of the ethnic conflicts/);
    expect(errors).toEqual([]);
  });
});
