/**
 * Golden files: the Kavbiuro exports of the fixed fixture (tests/fixtures/export/kavbiuro-export-input.ts, fixed
 * exportedAt) compared byte for byte. After an intended change of a writer, regenerate them with
 *
 *   UPDATE_GOLDEN=1 npx vitest run --project unit tests/unit/export/golden.test.ts
 *
 * and review the diff (`git diff tests/golden`) before committing. The validity of these same documents is
 * checked by tei.test.ts, markdown.test.ts, html.test.ts and csl.test.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { EXPORT_FORMATS, type ExportFormatName } from '../../../src/export/formats.ts';
import { kavbiuroExportInput } from '../../fixtures/export/kavbiuro-export-input.ts';

const golden = (extension: string) => new URL(`../../golden/kavbiuro.${extension}`, import.meta.url);
const update = process.env['UPDATE_GOLDEN'] === '1';

describe('golden Kavbiuro exports', () => {
  test.each(['tei', 'md', 'html', 'csl', 'bibtex'] as ExportFormatName[])('%s matches tests/golden', async (name) => {
    const format = EXPORT_FORMATS[name];
    const output = (await format.load())(kavbiuroExportInput());
    const file = golden(format.extension);
    if (update) writeFileSync(file, output);
    expect(existsSync(file), `missing ${file.pathname}: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(output).toBe(readFileSync(file, 'utf8'));
  });
});
