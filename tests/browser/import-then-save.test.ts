/**
 * Issue 8 §5.4 and §5.10 in the reader: "Import notes…" with a Hypothesis export holding three rows the store would
 * refuse, and a W3C file of notes written on the mobile Wikipedia URL. The bad rows are listed under "Could not be
 * read" with the field at fault; the good notes import, "Save to project" writes them, and after a reload they are
 * still there (the browser's working copy saved them too).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseAnnotationFile } from '../../src/anchoring/annotation-file.ts';
import type { Annotation, TextTarget } from '../../src/anchoring/annotation-types.ts';
import { chromiumAvailable, deepText, launchChromium, openReader, PROJECT_ROOT, startReaderServer } from './support/browser.ts';

const MOBILE = 'https://en.m.wikipedia.org/wiki/Kavbiuro';

describe.skipIf(!chromiumAvailable())('imported notes can always be saved (Chromium)', () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let browser: Browser;
  let project: string;
  const previous = process.env['APPARATUS_PROJECT_ROOT'];

  beforeAll(async () => {
    project = mkdtempSync(join(tmpdir(), 'apparatus-import-save-'));
    cpSync(`${PROJECT_ROOT}corpus`, join(project, 'corpus'), { recursive: true });
    cpSync(`${PROJECT_ROOT}annotations`, join(project, 'annotations'), { recursive: true });
    process.env['APPARATUS_PROJECT_ROOT'] = project;
    server = await startReaderServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (previous === undefined) delete process.env['APPARATUS_PROJECT_ROOT'];
    else process.env['APPARATUS_PROJECT_ROOT'] = previous;
    rmSync(project, { recursive: true, force: true });
  });

  test('bad rows are listed, the rest import, save to the project and survive a reload', async () => {
    const notesFile = join(project, 'annotations', 'kavbiuro.jsonld');
    const curated = parseAnnotationFile(readFileSync(notesFile, 'utf8'), notesFile).annotations;
    const iri = (JSON.parse(readFileSync(join(project, 'corpus', 'kavbiuro', 'work.json'), 'utf8')) as { iri: string }).iri;

    // A Hypothesis export: six good rows, then three the store would refuse.
    const search = JSON.parse(readFileSync(`${PROJECT_ROOT}tests/fixtures/hypothesis/kavbiuro-search.json`, 'utf8')) as { rows: Record<string, unknown>[] };
    const good = search.rows[0]!;
    const rows = [
      ...search.rows.slice(0, 6),
      { ...good, id: 'badDateRow', created: '2024-13-45T10:00:00Z' },
      { ...good, id: 'hugePositionRow', target: [{ source: iri, selector: [{ type: 'TextPositionSelector', start: 0, end: 1e300 }] }] },
      { ...good, id: 'spaceRow', links: { html: 'https://hypo thes.is/a/spaceRow' } },
    ];
    const hypothesisFile = join(project, 'hypothesis-with-bad-rows.json');
    writeFileSync(hypothesisFile, JSON.stringify({ total: rows.length, rows }));
    // Two notes written on the mobile Wikipedia URL (W3C JSON-LD).
    const mobile: Annotation[] = curated.filter((a) => typeof a.target === 'object').slice(0, 2).map((a, i) => ({
      ...a,
      id: `urn:uuid:00000000-0000-4000-8000-00000000020${i}`,
      target: { ...(a.target as TextTarget), source: MOBILE },
    }));
    const mobileFile = join(project, 'mobile-notes.jsonld');
    writeFileSync(mobileFile, JSON.stringify(mobile));

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const { page, errors } = await openReader(context, server.url);
    const status = page.locator('ap-reader [role=status]');
    const input = page.locator('ap-export-menu input[type=file]');

    await input.setInputFiles(hypothesisFile);
    await expect.poll(async () => deepText(status)).toMatch(/Imported 6 notes from hypothesis-with-bad-rows\.json \(Hypothesis\).*3 could not be read/);
    await page.getByRole('tab', { name: /Notes/ }).click();
    await expect.poll(async () => deepText(page.locator('ap-note-list'))).toContain('Could not be read (3)');
    const list = await deepText(page.locator('ap-note-list'));
    expect(list).toContain('created: must be an ISO 8601 date-time');
    expect(list).toContain('target.selector[0].end: must be a non-negative integer');
    expect(list).toContain('id: must be an IRI');

    await input.setInputFiles(mobileFile);
    await expect.poll(async () => deepText(status)).toMatch(/Imported 2 notes from mobile-notes\.jsonld \(W3C\)/);

    await page.getByRole('button', { name: 'Save to project' }).click();
    await expect.poll(async () => deepText(status)).toMatch(/Saved: \d+ notes/);
    const saved = parseAnnotationFile(readFileSync(notesFile, 'utf8'), notesFile);
    expect(saved.rejected).toEqual([]);
    const savedIds = saved.annotations.map((a) => a.id);
    expect(savedIds).toEqual(expect.arrayContaining([...mobile.map((a) => a.id), 'https://hypothes.is/a/kT3m9QxZEe-4bF7wR1aVcA']));
    expect(savedIds.filter((id) => /badDateRow|hugePositionRow|spaceRow/.test(id))).toEqual([]);
    for (const a of saved.annotations.filter((x) => mobile.some((m) => m.id === x.id))) expect(a.target).toMatchObject({ source: iri, via: MOBILE });

    // The browser's working copy has them too: after a reload every imported note is still listed.
    await page.reload();
    await page.getByRole('tab', { name: /Notes/ }).click();
    const cards = page.locator('ap-note-list ap-note-card article');
    const shown = async () => cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-annotation')));
    // Replies are shown inside their note's card: the cards are the notes on the text.
    const notesOnText = saved.annotations.filter((a) => typeof a.target === 'object').map((a) => a.id);
    expect(notesOnText.length).toBeGreaterThan(curated.length);
    await expect.poll(shown).toEqual(expect.arrayContaining(notesOnText));
    expect(errors).toEqual([]);
    await context.close();
  });
});
