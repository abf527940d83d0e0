import { describe, expect, test } from 'vitest';
import type { ExportInput } from '../../../src/export/export-input.ts';
import { escapeMarkdown, exportMarkdown } from '../../../src/export/markdown.ts';
import { hostileExportInput, PAYLOADS } from '../../fixtures/export/hostile-export-input.ts';
import { kavbiuroExportInput } from '../../fixtures/export/kavbiuro-export-input.ts';
import { bodyTexts, countNotes, inlineText, pandocAst, pandocMissing, skipUnless } from './export-validators.ts';

const canRead = skipUnless(pandocMissing() === null, pandocMissing() ?? '');

/** What Pandoc should read back: each body block as it stands, its markers `[N]` included, spaces collapsed. */
function expectedBody(input: ExportInput): { type: string; text: string }[] {
  return input.text.blocks.map((b) => ({ type: b.type, text: b.text.replace(/[ \t]+/g, ' ') }));
}

/** Footnotes Pandoc should find: one per note ending in the body (the article's markers are links, not footnotes). */
function expectedNotes(_input: ExportInput, md: string): number {
  return md.match(/\[\^note-\d+\](?!:)/g)?.length ?? 0;
}

const collapse = (s: string) => s.replace(/[ \t]+/g, ' ');

describe.skipIf(!canRead)('Markdown read back by pandoc -f markdown -t json', () => {
  test('Kavbiuro: one Note per footnote reference, the text intact, blocks of the right kind', () => {
    const input = kavbiuroExportInput();
    const md = exportMarkdown(input);
    const ast = pandocAst(md);
    // The 4 notes that end in the body (the 5th is on a reference, the 6th and 7th are unanchored).
    expect(expectedNotes(input, md)).toBe(4);
    expect(countNotes(ast.blocks)).toBe(4);
    expect(bodyTexts(ast).slice(0, input.text.blocks.length).map((b) => ({ ...b, text: collapse(b.text) }))).toEqual(expectedBody(input));
  });

  test('the metadata reads back with the attribution as written, no backslash in it', () => {
    const ast = pandocAst(exportMarkdown(kavbiuroExportInput())) as unknown as { meta: Record<string, { c: unknown }> };
    const attribution = inlineText(ast.meta['attribution']!.c);
    expect(attribution).not.toContain('\\');
    expect(attribution).toBe('Wikipedia contributors, "Kavbiuro", English Wikipedia');
  });

  test('the check can fail: a missing footnote definition shows as a lost Note and stray text', () => {
    const input = kavbiuroExportInput();
    const md = exportMarkdown(input).replace(/^\[\^note-2\]: /m, '');
    const ast = pandocAst(md);
    expect(countNotes(ast.blocks)).toBeLessThan(expectedNotes(input, md));
    expect(bodyTexts(ast).slice(0, input.text.blocks.length).map((b) => ({ ...b, text: collapse(b.text) }))).not.toEqual(expectedBody(input));
  });

  test('hostile text: Markdown syntax, HTML and entities read back as the same text, with no raw HTML', () => {
    const input = hostileExportInput();
    const md = exportMarkdown(input);
    const ast = pandocAst(md);
    expect(JSON.stringify(ast)).not.toMatch(/"t":"Raw(Inline|Block)"/);
    expect(countNotes(ast.blocks)).toBe(expectedNotes(input, md));
    expect(bodyTexts(ast).slice(0, input.text.blocks.length).map((b) => ({ ...b, text: collapse(b.text) }))).toEqual(expectedBody(input));
    // The payloads in the notes are text too.
    expect(JSON.stringify(ast)).toContain('"Body"},{"t":"Space"},{"t":"Str","c":"<script>alert(1)</script>"}');
  });

  test.each([
    '# not a heading',
    '- not a list',
    '+ not a list',
    '* not a list',
    '1. not a list',
    '12) not a list',
    ': not a definition',
    '% not a title',
    '> not a quote',
    '| a | b |',
    '"quoted" and \'single\' -- dash --- em ... dots',
    '*a* _b_ `c` $d$ ~e~ ^f^ [g](h) [^1] @cite {.x} <b>i</b> &amp; \\ end',
    PAYLOADS.script,
    PAYLOADS.cdataEnd + ' ' + PAYLOADS.entity,
    'Gorbachev\'s Soviet Union: 481–506. hdl:2027/spo.act2080.0028.004:03.',
    'https://example.org/?a=1&b=<2>',
    'see e.g. this, i.e. that (cf. Latin), Mr. X, p. 5, Ph.D. thesis, etc. and so on. End.',
  ])('escapeMarkdown round trip: %s', (s) => {
    const ast = pandocAst(escapeMarkdown(s, true));
    expect(ast.blocks).toHaveLength(1);
    expect(ast.blocks[0]!.t).toBe('Para');
    expect(inlineText(ast.blocks[0]!.c)).toBe(s);
  });
});

describe('Markdown content', () => {
  const md = exportMarkdown(kavbiuroExportInput());

  test('metadata block with title, source, licence and the export date', () => {
    expect(md.startsWith("---\ntitle: 'Kavbiuro'\nsource: 'https://en.wikipedia.org/wiki/Kavbiuro'\n")).toBe(true);
    expect(md).toContain("date: '2026-01-15T12:00:00Z'");
  });

  test("the article's markers keep its own numbers, as links to its reference list, apart from the scholarly notes", () => {
    expect(md).toContain('(Vice Chairman).^[\\[1\\]](#ref-1)^ One immediate concern');
    expect(md).toMatch(/^## References\n\n\[\\\[1\\\]\]\{#ref-1\} Audrey L\. Altstadt/m);
    expect(md).not.toMatch(/\[\^\d+\]/);
    expect(md).toContain('[^note-1]');
  });

  test('the attribution reads without backslashes, in the metadata and in the source line', () => {
    expect(md).toContain(`attribution: 'Wikipedia contributors, "Kavbiuro", English Wikipedia'`);
    expect(md).toContain('\n\nWikipedia contributors, "Kavbiuro", English Wikipedia, [');
  });

  test('evidence codes are printed with their meanings', () => {
    expect(md).toContain('Evidence: V (verified), V-p (verified through a partisan source)');
  });

  test('notes are footnotes with verdict, certainty, passage, positions and replies', () => {
    const note3 = md.slice(md.indexOf('[^note-3]:'));
    expect(note3).toMatch(/^\[\^note-3\]: \*\*Note 3\*\* · assessing · verdict: \*\*contested\*\* · certainty: medium · Apparatus editors/);
    expect(note3).toContain('On “Some Armenian historians have attributed this to the intervention of Stalin and Nariman Narimanov”');
    expect(note3).toContain('    - **Arsène Saparov**: The record contains no direct evidence');
    expect(note3).toContain('    Reply by A. Reader:');
  });

  test('orphans, replies to missing notes and notes on references are kept in marked sections', () => {
    expect(md).toContain('## Notes on the references\n\n**Note 5**');
    expect(md).toMatch(/## Unanchored notes\n\n\*\*Note 6\*\*[^]*the Transcaucasian committee of 1919[^]*\*\*Note 7\*\*[^]*A reply whose parent was deleted/);
  });

  test('references nobody cites are listed, not lost', () => {
    const input = kavbiuroExportInput();
    const text = { ...input.text, citations: input.text.citations.filter((c) => c.label !== '2'), blocks: input.text.blocks.map((b) => ({ ...b, text: b.text.replace(/\[2\]/g, '') })) };
    const out = exportMarkdown({ ...input, text, annotations: [], anchors: new Map() });
    expect(out).toContain('## Uncited references\n\n- 2\\. Suny, Ronald Grigor');
  });
});
