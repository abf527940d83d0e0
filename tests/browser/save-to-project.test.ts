import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseAnnotationFile } from '../../src/anchoring/annotation-file.ts';
import { chromiumAvailable, deepText, launchChromium, openReader, PROJECT_ROOT, startReaderServer } from './support/browser.ts';

describe.skipIf(!chromiumAvailable())('"Save to project" writes the notes file the reader started from (Chromium)', () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let browser: Browser;
  let project: string;
  const previous = process.env['APPARATUS_PROJECT_ROOT'];

  beforeAll(async () => {
    // A copy of the project's data, so that the test never writes the real annotations/ folder.
    project = mkdtempSync(join(tmpdir(), 'apparatus-project-'));
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

  test('deleting a note and saving writes a valid collection without it; the old file is replaced whole', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const { page, errors } = await openReader(context, server.url);
    const file = join(project, 'annotations', 'kavbiuro.jsonld');
    const before = parseAnnotationFile(readFileSync(file, 'utf8'), file).annotations;
    await page.getByRole('tab', { name: /Notes/ }).click();
    const first = page.locator('ap-note-list ap-note-card').first();
    const targetId = await first.locator('article').getAttribute('data-annotation');
    expect(before.map((a) => a.id)).toContain(targetId);
    await first.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Save to project' }).click();
    await expect.poll(async () => deepText(page.locator('ap-reader [role=status]'))).toMatch(/Saved: \d+ notes/);
    const after = parseAnnotationFile(readFileSync(file, 'utf8'), file);
    expect(after.rejected).toEqual([]);
    expect(after.annotations.length).toBe(before.length - 1);
    expect(after.annotations.map((a) => a.id)).not.toContain(targetId);
    expect(errors).toEqual([]);
    await context.close();
  });
});
