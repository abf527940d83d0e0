// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ClaimIndex } from '../../../src/editor/claim-index.ts';
import { isLoading } from '../../../src/editor/read-only.ts';
import { mountInSlices } from '../../../src/load/mount-in-slices.ts';
import { buildDoc } from '../../../src/model/build-doc.ts';
import { importText } from '../../../src/model/import-text.ts';
import { largeWorkText } from './large-work-fixture.ts';
import { sectionedText } from '../../support/sectioned-text.ts';

// happy-dom replaces the global URL, so the path is built from the module's file path.
const kavbiuro = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../corpus/kavbiuro/text.txt'), 'utf8');

describe('mounting a work slice by slice', () => {
  test.each([
    ['Kavbiuro', kavbiuro],
    ['a 300 kB work from the corpora', largeWorkText(300_000).text],
  ])('%s: the document is buildDoc’s, and its claim index, gathered slice by slice, is the one a whole walk gives', async (_name, text) => {
    const imported = importText(text);
    const place = document.createElement('div');
    document.body.append(place);
    let slices = 0;
    // A tiny budget: many slices, as on a slow machine.
    const editor = await mountInSlices({ place, imported, setup: {}, label: 'test', onProgress: () => slices++, budgetMs: 0.01 });
    const whole = buildDoc(imported);
    expect(editor.view.state.doc.eq(whole)).toBe(true);
    expect(isLoading(editor.view.state)).toBe(true);
    expect(slices).toBeGreaterThanOrEqual(text.length > 100_000 ? 10 : 1);
    // The index is there already (no walk of the document on first use), and equals a fresh walk of the same document.
    const seeded = ClaimIndex.of(editor.view.state.doc);
    expect(seeded.ranges.length).toBe(imported.claims.length);
    expect(seeded.ranges).toEqual(ClaimIndex.of(whole).ranges);
    editor.destroy();
    place.remove();
  });
});

test('a sectioned work (headings, list items, links, group markers, a flagged claim) mounted slice by slice is buildDoc\'s', async () => {
  const imported = sectionedText();
  const place = document.createElement('div');
  document.body.append(place);
  const editor = await mountInSlices({ place, imported, setup: {}, label: 'test', budgetMs: 0.0001 });
  const whole = buildDoc(imported);
  expect(editor.view.state.doc.eq(whole)).toBe(true);
  let links = 0;
  editor.view.state.doc.descendants((n) => {
    if (n.marks.some((m) => m.type.name === 'link')) links++;
    return true;
  });
  expect(links).toBeGreaterThan(0);
  expect(place.querySelector('h2#section-History')?.textContent).toBe('History');
  editor.destroy();
  place.remove();
});
