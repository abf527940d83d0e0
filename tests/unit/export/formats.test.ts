import { describe, expect, test } from 'vitest';
import { exportCsl } from '../../../src/export/csl.ts';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, exportFormat, isExportFormatName } from '../../../src/export/formats.ts';
import { exportHtml } from '../../../src/export/html.ts';
import { exportMarkdown } from '../../../src/export/markdown.ts';
import { exportTei } from '../../../src/export/tei.ts';
import { kavbiuroExportInput } from '../../fixtures/export/kavbiuro-export-input.ts';

describe('the format registry', () => {
  test('names the five formats of the CLI, in menu order', () => {
    expect(EXPORT_FORMAT_NAMES).toEqual(['jsonld', 'tei', 'md', 'html', 'csl', 'bibtex', 'wikipedia-report']);
    for (const name of EXPORT_FORMAT_NAMES) expect(EXPORT_FORMATS[name].name).toBe(name);
  });

  test('load() gives the writer of each format', async () => {
    const input = kavbiuroExportInput();
    const direct = { tei: exportTei, md: exportMarkdown, html: exportHtml, csl: exportCsl } as const;
    for (const [name, writer] of Object.entries(direct)) {
      expect(await exportFormat(name)!.load()).toBe(writer);
    }
    const jsonld = (await EXPORT_FORMATS.jsonld.load())(input);
    expect(JSON.parse(jsonld)).toHaveProperty('type', 'AnnotationCollection');
  });

  test('extensions and media types', () => {
    expect(EXPORT_FORMATS.tei).toMatchObject({ extension: 'tei.xml', mediaType: 'application/tei+xml' });
    expect(EXPORT_FORMATS.html.mediaType).toMatch(/^text\/html/);
    expect(EXPORT_FORMATS.csl.extension).toBe('csl.json');
  });

  test('unknown names are refused, inherited properties included', () => {
    expect(isExportFormatName('TEI')).toBe(false);
    expect(isExportFormatName('toString')).toBe(false);
    expect(exportFormat('docx')).toBeNull();
  });
});
