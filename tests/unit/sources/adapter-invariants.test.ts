/**
 * The invariants every import must keep (tests/unit/model/import-invariants.ts: markers at their offsets or
 * reported, entries cited or reported, claims inside their blocks in order), held by the Markdown and TEI adapters
 * on every fixture and real document they are tested with.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportTei } from '../../../src/export/tei.ts';
import type { ImportedText } from '../../../src/model/imported-text.ts';
import { importMarkdown } from '../../../src/sources/markdown.ts';
import { importTei } from '../../../src/sources/tei.ts';
import { kavbiuroExportInput } from '../../fixtures/export/kavbiuro-export-input.ts';
import { citationViolations, claimViolations } from '../model/import-invariants.ts';

/** Violations, headings aside: they hold no claim by contract (finishImport), which the plain-text checks do not know. */
function violations(imported: ImportedText): string[] {
  const headingsEmpty = { ...imported, blocks: imported.blocks.map((b) => (b.type === 'heading' ? { ...b, text: '' } : b)) };
  expect(imported.citations.every((c) => imported.blocks[c.block]!.type !== 'heading')).toBe(true);
  return [...citationViolations(headingsEmpty), ...claimViolations(headingsEmpty)];
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const teiDir = join(resolve(root, process.env['APPARATUS_SHARED'] ?? '../shared'), 'sources', 'tei');

describe('adapter invariants', () => {
  it.each(['footnotes.md', 'structure.md', 'hostile.md'])('Markdown %s', (name) => {
    const imported = importMarkdown(readFileSync(join(root, 'tests', 'fixtures', 'sources', name)));
    expect(violations(imported)).toEqual([]);
  });

  it.skipIf(!existsSync(teiDir)).each(['sermon-27003.xml', 'stylesheets-test.xml'])('TEI %s', (name) => {
    const imported = importTei(readFileSync(join(teiDir, name)));
    expect(violations(imported)).toEqual([]);
  });

  it('TEI export of Kavbiuro', () => {
    const imported = importTei(exportTei(kavbiuroExportInput()));
    expect(violations(imported)).toEqual([]);
  });
});
