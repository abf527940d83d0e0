/**
 * The Markdown adapter on the fixtures of tests/fixtures/sources (written for these tests): Pandoc footnotes
 * (multi-paragraph, inline, unused, missing), headings, lists, links, front matter, raw HTML and hostile links.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/model/import-error.ts';
import { importSource } from '../../../src/sources/import-source.ts';
import { importSourceLazily } from '../../../src/sources/import-source-lazily.ts';
import { importMarkdown } from '../../../src/sources/markdown.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/sources/${name}`, import.meta.url));

function refusal(f: () => unknown): ImportError {
  try {
    f();
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error('no ImportError thrown');
}

describe('Markdown footnotes (footnotes.md)', () => {
  const imported = importMarkdown(fixture('footnotes.md'));

  it('numbers footnotes in order of first citation, as Pandoc does, and keeps the source label as anchor', () => {
    expect(imported.references.map((r) => [r.label, r.anchor])).toEqual([
      ['1', 'congress'],
      ['2', undefined],
      ['3', 'zinoviev'],
      ['4', 'unused'],
    ]);
    expect(imported.citations.map((c) => c.label)).toEqual(['1', '2', '3', '1', '3']);
    for (const c of imported.citations) expect(imported.blocks[c.block]!.text.slice(c.offset, c.offset + 3)).toBe(`[${c.label}]`);
  });

  it('parses what a footnote contains as a reference entry: a journal article with a DOI, a book with an ISBN', () => {
    const [congress, inline] = imported.references;
    expect(congress!.csl).toMatchObject({ type: 'article-journal', title: 'Communism and the East: The Baku Congress, 1920', 'container-title': 'Slavic Review', volume: '33', issue: '3', DOI: '10.2307/2495801' });
    // An inline note ^[…] is a reference like any other; its emphasis is plain text.
    expect(inline!.text).toBe('Riddell, John (ed.) (1993). To See the Dawn: Baku, 1920. New York: Pathfinder. ISBN 978-0-87348-768-9.');
    expect(inline!.ids.isbn).toEqual(['9780873487689']);
  });

  it('reads a multi-paragraph definition whole, with the URL of its link as an identifier', () => {
    const zinoviev = imported.references[2]!;
    expect(zinoviev.text).toBe(
      'The speech is quoted at length in the stenographic report. A second paragraph of the same note: see the report <https://www.marxists.org/history/international/comintern/baku/>.',
    );
    expect(zinoviev.ids.url).toEqual(['https://www.marxists.org/history/international/comintern/baku/']);
  });

  it('keeps a definition nothing cites and reports it; shows a marker without definition as written and says on which line', () => {
    expect(imported.references[3]!.text).toBe('Carr, E. H. (1953). The Bolshevik Revolution. London: Macmillan.');
    const block = imported.blocks.findIndex((b) => b.text === 'A sentence citing a note that is not defined.[^ghost]');
    expect(block).toBeGreaterThan(0);
    expect(imported.problems).toEqual([
      { kind: 'missing-reference', label: 'ghost', block, offset: 45, message: `Footnote marker [^ghost] on line 18 (block ${block + 1}) has no definition; it is shown as written` },
      { kind: 'uncited-reference', label: '4', message: 'Reference 4 is never cited in the text' },
    ]);
    expect(readFileSync(new URL('../../fixtures/sources/footnotes.md', import.meta.url), 'utf8').split('\n')[17]).toContain('[^ghost]');
    expect(imported.report!.notes).toContain('Footnote definition [^unused] on line 26 is never cited; it is kept as reference 4');
  });

  it('takes title, language and source from the front matter, and the title heading is not a block', () => {
    expect(imported.meta).toEqual({ title: 'The Baku Congress of 1920', language: 'en', source: 'https://example.org/baku-congress' });
    expect(imported.blocks[0]!.text.startsWith('The Congress of the Peoples')).toBe(true);
    expect(imported.report!.notes).toContain('Front matter fields not read: author');
  });

  it('ties claims to their footnotes, never in headings; block quotes are block quotes', () => {
    expect(imported.blocks.map((b) => b.type)).toEqual(['paragraph', 'heading', 'paragraph', 'blockquote', 'paragraph']);
    expect(imported.blocks[1]).toEqual({ type: 'heading', text: 'Proceedings', level: 2 });
    expect(imported.claims.map((c) => [c.text, c.sources])).toEqual([
      ['The Congress of the Peoples of the East met in Baku in September 1920.[1]', ['1']],
      ['About 1,900 delegates attended.[2]', ['2']],
      ['Zinoviev opened the first session with a call to holy war.[3]', ['3']],
      ['The speech was printed in Pravda soon after.[1]', ['1']],
      ['The delegates rose and brandished their weapons.[3]', ['3']],
      ['A sentence citing a note that is not defined.[^ghost]', []],
    ]);
  });
});

describe('Markdown structure (structure.md)', () => {
  const imported = importMarkdown(fixture('structure.md'));

  it('reads Setext and ATX headings, ordered, bullet and nested lists, soft wraps and inline code', () => {
    expect(imported.meta).toEqual({ title: 'Introduction' });
    expect(imported.blocks).toEqual([
      { type: 'paragraph', text: 'A first paragraph with an external link and a mail link, soft-wrapped over two lines.' },
      { type: 'heading', text: 'Setext section', level: 2 },
      { type: 'list_item', text: 'First numbered item.', level: 1, ordered: true },
      { type: 'list_item', text: 'Second numbered item', level: 1, ordered: true },
      { type: 'list_item', text: 'a nested bullet item', level: 2, ordered: false },
      { type: 'list_item', text: 'Third numbered item.', level: 1, ordered: true },
      { type: 'heading', text: 'A deep heading', level: 4 },
      { type: 'list_item', text: 'One bullet.', level: 1, ordered: false },
      { type: 'list_item', text: 'Its second paragraph.', level: 1, ordered: false },
      { type: 'paragraph', text: 'Final paragraph with emphasis and code.' },
    ]);
  });

  it('makes http(s) and mailto links marks over their text', () => {
    const text = imported.blocks[0]!.text;
    expect(imported.links!.map((l) => [text.slice(l.start, l.end), l.href, l.kind])).toEqual([
      ['external link', 'https://en.wikipedia.org/wiki/Baku', 'external'],
      ['mail link', 'mailto:editor@example.org', 'external'],
    ]);
    expect(imported.report).toEqual({ format: 'markdown', omitted: {}, notes: [] });
  });
});

describe('hostile Markdown (hostile.md)', () => {
  const imported = importMarkdown(fixture('hostile.md'));

  it('never keeps raw HTML, scripts or event handlers, and counts them', () => {
    const all = imported.blocks.map((b) => b.text).join('\n');
    expect(all).not.toMatch(/<|>|alert\(|onclick|onerror|onmouseover|raw block/i);
    expect(imported.blocks.map((b) => b.text)).toEqual(['A paragraph with inline HTML and an image tag.', 'A javascript link and a data link and .']);
    // script block, <b …>, </b>, <img …>, the <div …> block
    expect(imported.report!.omitted).toEqual({ html: 5, 'unsafe-link': 2, image: 1, table: 1, 'thematic-break': 1 });
  });

  it('keeps the text of a javascript: or data: link but not the link, and says so', () => {
    expect(imported.links).toEqual([]);
    expect(imported.report!.notes).toEqual([
      'A link to "javascript:alert(3)" on line 7 is not an http(s) or mailto link: its text is kept, the link is not',
      'A link to "data:text/html;base64,PHNjcmlwdD4=" on line 7 is not an http(s) or mailto link: its text is kept, the link is not',
    ]);
  });
});

describe('Markdown entrance and bad input', () => {
  it('is detected and imported by importSource, eagerly and lazily alike', async () => {
    const eager = importSource(fixture('footnotes.md'));
    expect(eager.format).toBe('markdown');
    expect(JSON.stringify(await importSourceLazily(fixture('footnotes.md')))).toBe(JSON.stringify(eager));
  });

  it('refuses bytes that are not UTF-8 with line and column', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('# Title\n\nCaf'), 0xe9, ...new TextEncoder().encode(' au lait.[^1]\n')]);
    const err = refusal(() => importMarkdown(bytes));
    expect(err.code).toBe('encoding');
    expect(err.message).toMatch(/^The file is not valid UTF-8: byte 0xE9 after "Caf".*\(line 3, column 4\)$/);
  });

  it('refuses empty input and a text with no body', () => {
    expect(refusal(() => importMarkdown(new Uint8Array())).message).toBe('The file is empty (line 1, column 1)');
    const onlyFront = refusal(() => importMarkdown('---\ntitle: T\n---\n\n# T\n\n## Section\n\n[^1]: An unused note.\n'));
    expect([onlyFront.code, onlyFront.message]).toEqual(['no-body', 'The Markdown text has no body text (only front matter, headings or footnote definitions) (line 4, column 1)']);
  });

  it('keeps a footnote cited only from a heading as an unmarked reference, and says so', () => {
    const imported = importMarkdown('Intro text.\n\n## A section[^h]\n\nBody text.\n\n[^h]: A note on the heading.\n');
    expect(imported.blocks[1]).toEqual({ type: 'heading', text: 'A section', level: 2 });
    expect(imported.citations).toEqual([]);
    expect(imported.references.map((r) => [r.label, r.text, r.anchor])).toEqual([['1', 'A note on the heading.', 'h']]);
    expect(imported.problems.map((p) => p.kind)).toEqual(['uncited-reference']);
    expect(imported.report!.notes).toEqual(['The footnote marker in the heading on line 3 is not kept (headings carry no markers); its note is reference 1']);
  });

  it('takes the front matter language for segmentation unless the caller gives one', () => {
    expect(importMarkdown('---\nlang: de\n---\nEin Satz. Noch einer.').meta).toEqual({ language: 'de' });
  });
});
