/**
 * Odd but valid inputs every writer must handle: markers without an entry, repeated reference labels, empty
 * ranges, a note spanning the whole text (body and references), a contested note that cannot be placed.
 */
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import type { AnchorResult } from '../../../src/anchoring/anchor-result.ts';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { canonicalText } from '../../../src/anchoring/doc-text.ts';
import type { ExportInput } from '../../../src/export/export-input.ts';
import { exportHtml } from '../../../src/export/html.ts';
import { exportMarkdown } from '../../../src/export/markdown.ts';
import { exportTei } from '../../../src/export/tei.ts';
import { importText } from '../../../src/model/import-text.ts';
import { exactAnchor, kavbiuroExportInput, textNote } from '../../fixtures/export/kavbiuro-export-input.ts';
import { countNotes, jingAll, pandocAst, pandocMissing, skipUnless, teiMissing } from './export-validators.ts';

const ODD_TEXT = 'A claim with a lost marker.[7] A cited one.[1]\n\nSecond block.[2]\n\nReferences\n1. First.\n2. Second.\n2. Second again.\n';

function oddInput(): ExportInput {
  const base = kavbiuroExportInput();
  const text = importText(ODD_TEXT);
  const canon = canonicalText(text.blocks, text.references);
  const work = base.work;
  const all = { start: 0, end: canon.length };
  const empty = { start: canon.indexOf('A cited'), end: canon.indexOf('A cited') };
  const notes: Annotation[] = [
    textNote(work, canon, all, { id: 'urn:x:all', motivation: 'commenting', body: [{ type: 'TextualBody', value: 'Over everything.' }] }),
    textNote(work, canon, empty, { id: 'urn:x:empty', motivation: 'commenting', body: [{ type: 'TextualBody', value: 'A point.' }] }),
    textNote(work, canon, { start: 2, end: 7 }, { id: 'urn:x:lost', motivation: 'assessing', verdict: 'contested', certainty: 'low', body: [{ type: 'TextualBody', value: 'Lost.' }] }),
  ];
  const anchors = new Map<string, AnchorResult>([
    ['urn:x:all', exactAnchor('urn:x:all', canon, all)],
    ['urn:x:empty', exactAnchor('urn:x:empty', canon, empty)],
    ['urn:x:lost', { id: 'urn:x:lost', status: 'orphan', score: 0, start: 2, end: 7, quote: 'claim', prefix: '', suffix: '' }],
  ]);
  return { work, text, annotations: notes, anchors, exportedAt: base.exportedAt };
}

/** Every `#id` in a pointing attribute names an xml:id of the document. */
function danglingPointers(tei: string): string[] {
  const ids = new Set([...tei.matchAll(/xml:id="([^"]+)"/g)].map((m) => m[1]!));
  const pointers = [...tei.matchAll(/\s(?:target|targetEnd|corresp|resp)="([^"]+)"/g)].flatMap((m) => m[1]!.split(/\s+/)).filter((p) => p.startsWith('#'));
  return pointers.filter((p) => !ids.has(p.slice(1)));
}

const input = oddInput();
const tei = exportTei(input);

describe('odd inputs', () => {
  test('the importer sees what this test is about', () => {
    expect(input.text.problems.some((p) => p.kind === 'missing-reference')).toBe(true);
    expect(input.text.problems.some((p) => p.kind === 'duplicate-reference')).toBe(true);
  });

  test('TEI: every #pointer resolves (the contested orphan\'s certainty points at the note)', () => {
    expect(danglingPointers(tei)).toEqual([]);
    expect(danglingPointers(exportTei(kavbiuroExportInput()))).toEqual([]);
    expect(tei).toMatch(/<note xml:id="note-3"[^>]*type="orphan"[^]*<certainty locus="value" cert="low" target="#note-3">/);
  });

  test('TEI: the lost marker is a ref without target; repeated labels get distinct ids', () => {
    expect(tei).toContain('<ref type="footnote" n="7">[7]</ref>');
    expect(tei).toContain('<bibl xml:id="ref-2" n="2">');
    expect(tei).toContain('<bibl xml:id="ref-2-2" n="2">');
  });

  test('TEI: the whole-text note opens in the first block and closes in the last reference; the point note is two adjacent anchors', () => {
    expect(tei).toMatch(/<body>\s*<p><seg [^>]*><anchor xml:id="note-1-start"\/>A claim/);
    expect(tei).toMatch(/Second again\.<anchor xml:id="note-1-end"\/><\/bibl>/);
    expect(tei).toContain('<anchor xml:id="note-2-start"/><anchor xml:id="note-2-end"/>');
  });

  test('HTML: ids unique, the lost marker is not a link, every note listed', () => {
    const doc = new new Window().DOMParser().parseFromString(exportHtml(input), 'text/html');
    const ids = [...doc.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.querySelector('sup.cite.missing')?.textContent).toBe('[7]');
    expect(doc.querySelector('sup.cite.missing a')).toBeNull();
    expect(['note-1', 'note-2', 'note-3'].map((id) => doc.getElementById(id) !== null)).toEqual([true, true, true]);
    expect(doc.querySelector('#ref-2-2')?.textContent).toContain('not cited in the text');
  });

  test('Markdown: the lost marker stays text; the second entry with a repeated label is listed as uncited', () => {
    const md = exportMarkdown(input);
    expect(md).toContain('lost marker.\\[7\\]');
    expect(md).toContain('## Uncited references\n\n- 2\\. Second again.');
  });
});

const canJing = skipUnless(teiMissing() === null, teiMissing() ?? '');
test.skipIf(!canJing)('TEI of the odd inputs is valid', () => {
  const r = jingAll({ odd: tei });
  expect(r.messages).toBe('');
  expect(r.ok).toBe(true);
});

const canPandoc = skipUnless(pandocMissing() === null, pandocMissing() ?? '');
test.skipIf(!canPandoc)('Markdown of the odd inputs: links for the two resolved markers, footnotes for the two placed notes', () => {
  const md = exportMarkdown(input);
  const ast = pandocAst(md);
  expect(countNotes(ast.blocks)).toBe(md.match(/\[\^note-\d+\](?!:)/g)?.length ?? 0);
  expect(JSON.stringify(ast).match(/"#ref-[^"]*"/g)?.length ?? 0).toBe(2);
});
