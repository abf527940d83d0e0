import { describe, expect, test } from 'vitest';
import { cslItems, exportCsl } from '../../../src/export/csl.ts';
import { importText } from '../../../src/model/import-text.ts';
import { kavbiuroExportInput } from '../../fixtures/export/kavbiuro-export-input.ts';
import { cslMissing, skipUnless, validateCsl } from './export-validators.ts';

const canValidate = skipUnless(cslMissing() === null, cslMissing() ?? '');
const input = kavbiuroExportInput();

describe.skipIf(!canValidate)('CSL-JSON validity (ajv, csl-data.json)', () => {
  test('the Kavbiuro reference list is valid CSL-JSON', () => {
    const r = validateCsl(JSON.parse(exportCsl(input)));
    expect(r.errors).toBeNull();
    expect(r.ok).toBe(true);
  });

  test('the validator can fail: an unknown item type and a string date are rejected', () => {
    const items = JSON.parse(exportCsl(input)) as Record<string, unknown>[];
    items[0]!['type'] = 'scroll';
    items[1]!['issued'] = '1989';
    expect(validateCsl(items).ok).toBe(false);
  });

  test('a text with a repeated label and an entry with no parsable title stays valid, ids unique', () => {
    const text = importText('A claim.[1] Another.[2]\n\nReferences\n1. Smith (2001). "A title". Press.\n2. ???\n2. Jones, "Other" (1999).\n');
    const items = cslItems({ ...input, text, annotations: [], anchors: new Map() });
    expect(items.map((i) => i.id)).toEqual(['ref-1', 'ref-2', 'ref-2-2']);
    expect(validateCsl(items).ok).toBe(true);
  });
});

describe('CSL-JSON content', () => {
  test('one item per reference entry, in order, with the importer\'s fields', () => {
    const items = JSON.parse(exportCsl(input)) as { id: string; type: string; ISBN?: string; title?: string }[];
    expect(items).toHaveLength(input.text.references.length);
    expect(items[0]).toMatchObject({ id: 'ref-1', type: 'book', ISBN: '0817991816', title: 'The Azerbaijani Turks' });
    expect(items[1]).toMatchObject({ id: 'ref-2', type: 'article-journal' });
  });

  test('an entry whose title could not be read keeps its text in note', () => {
    const noIds = { isbn: [], oclc: [], ol: [], hdl: [], doi: [], url: [] };
    const references = [{ label: '1', text: 'Notes of a meeting, 1921', ids: noIds, csl: { id: 'ref-1', type: 'document' } }];
    const [item] = cslItems({ ...input, text: { ...input.text, references }, annotations: [], anchors: new Map() });
    expect(item).toEqual({ id: 'ref-1', type: 'document', note: 'Notes of a meeting, 1921' });
  });
});
