/**
 * Every file of ../shared/sources — what Wikipedia (Parsoid and saved pages) and TEI publishers serve — opened from
 * the page as a user does (issue 9 "Done when"): "Open…" with the file, the import report, the work read from the
 * library with its sections and references, a note added, and after a reload the work and the note are still there.
 * The figures the page shows are compared with the importer's own, run here in Node on the same bytes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { importSource } from '../../src/sources/import-source.ts';
import { chromiumAvailable, collectErrors, PROJECT_ROOT } from './support/browser.ts';
import { readerPerTest } from './support/reader-per-test.ts';

const SOURCES = join(PROJECT_ROOT, '..', 'shared', 'sources');
const FILES = existsSync(SOURCES)
  ? readdirSync(SOURCES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(SOURCES, d.name)).map((f) => join(SOURCES, d.name, f)))
      .sort()
  : [];
if (FILES.length === 0) console.warn(`Skipping the every-source browser test: ${SOURCES} is absent.`);

/** What the importer makes of `file` in Node: the figures the page must show. */
function expected(file: string) {
  const { format, imported } = importSource(new Uint8Array(readFileSync(file)), { origin: basename(file) });
  const claims = imported.claims.length;
  const headings = imported.blocks.filter((b) => b.type === 'heading').length;
  // A passage to annotate: the first paragraph's first claim (its first 40 characters, at least a few words).
  const first = imported.claims.find((c) => imported.blocks[c.block]?.type !== 'heading' && c.end - c.start >= 12)!;
  return { format, blocks: imported.blocks.length, claims, references: imported.references.length, headings, claim: first };
}

describe.skipIf(!chromiumAvailable() || FILES.length === 0)('every source of ../shared/sources, opened from the page (Chromium)', () => {
  const reader = readerPerTest({ viewport: { width: 1300, height: 900 } });

  /** Opens `url` and waits for the reader (a large work may take a while on a busy machine). */
  async function read(url: string): Promise<{ page: Page; errors: string[] }> {
    const page = await reader.context.newPage();
    const errors = collectErrors(page);
    await page.goto(url);
    await page.waitForSelector('html[data-apparatus-ready="true"]', { timeout: 120_000 });
    return { page, errors };
  }

  /** The document's heading count, top-level block count (reference list excluded) and the notes in the state. */
  const shape = (page: Page) =>
    page.evaluate(() => {
      const state = window.apparatus!.editor.view.state;
      let headings = 0;
      let blocks = 0;
      state.doc.forEach((n) => {
        if (n.type.name === 'references') return;
        blocks++;
        if (n.type.name === 'heading') headings++;
      });
      const plugin = state.plugins.find((p) => (p as unknown as { key: string }).key.startsWith('apparatus-annotations$'))!;
      const notes = [...(plugin.getState(state) as { byId: Map<string, { annotation: { body?: { value?: string }[] } }> }).byId.values()];
      return { headings, blocks, notes: notes.map((e) => e.annotation.body?.[0]?.value ?? '') };
    });

  for (const file of FILES) {
    const name = basename(file);
    test(`${basename(join(file, '..'))}/${name}: opened, read with its sections, annotated, and found again after a reload`, async () => {
      const want = expected(file);
      const start = await read(reader.url);
      await start.page.getByRole('button', { name: 'Open…' }).click();
      await start.page.getByRole('dialog', { name: 'Open a source' }).waitFor();
      await start.page.locator('#ap-open-file').setInputFiles({ name, mimeType: name.endsWith('.xml') ? 'application/xml' : 'text/html', buffer: readFileSync(file) });
      const result = start.page.locator('dialog:not(.ap-library-dialog) .ap-open-result');
      await expect.poll(() => result.getAttribute('data-outcome'), { timeout: 120_000 }).toBe('kept');
      const said = ((await result.textContent()) ?? '').replace(/\s+/g, ' ');
      expect(said).toContain(`(${want.format}) is in your library`);
      expect(said).toContain(`${want.blocks} blocks, ${want.claims} claims, ${want.references} references.`);

      // Read it from the library: the same blocks and sections as the importer made.
      const href = (await start.page.locator('.ap-open-read').getAttribute('href'))!;
      expect(href).toMatch(/\?library=[\w-]+$/);
      const reading = await read(new URL(href, reader.url).href);
      const before = await shape(reading.page);
      expect(before.blocks).toBe(want.blocks);
      expect(before.headings).toBe(want.headings);
      if (want.headings > 0) {
        await reading.page.getByRole('tab', { name: 'Contents' }).click();
        expect(await reading.page.locator('ap-contents button[data-section]').count()).toBeGreaterThan(0);
      }

      // Annotate the first claim's words through the note form.
      const note = `A note on ${name}.`;
      const claim = want.claim;
      await reading.page.evaluate((id) => {
        const view = window.apparatus!.editor.view;
        // The claim's first run of text (found by its claim mark), up to 40 characters of it.
        let range: [number, number] | null = null;
        view.state.doc.descendants((n, pos) => {
          if (range) return false;
          if (n.isText && n.marks.some((m) => m.type.name === 'claim' && m.attrs['id'] === id)) range = [pos, pos + Math.min(n.nodeSize, 40)];
          return true;
        });
        if (!range) throw new Error(`claim ${id} is not in the document`);
        const Selection = view.state.selection.constructor as unknown as { create(doc: unknown, from: number, to: number): never };
        view.focus();
        view.dispatch(view.state.tr.setSelection(Selection.create(view.state.doc, range[0], range[1])));
      }, claim.id);
      await reading.page.keyboard.press('Control+Alt+M');
      const form = reading.page.locator('ap-note-form');
      await form.getByRole('textbox', { name: 'Note', exact: true }).fill(note);
      await form.getByRole('button', { name: 'Save note' }).click();
      await expect.poll(async () => (await shape(reading.page)).notes, { timeout: 20_000 }).toEqual([note]);
      await reading.page.evaluate(() => window.apparatus!.flush());

      // Reload: the work comes from the library, the note from this browser's store.
      await reading.page.reload();
      await reading.page.waitForSelector('html[data-apparatus-ready="true"]', { timeout: 120_000 });
      const after = await shape(reading.page);
      expect(after.blocks).toBe(want.blocks);
      expect(after.notes).toEqual([note]);
      expect(start.errors).toEqual([]);
      expect(reading.errors).toEqual([]);
    }, 400_000);
  }
});
