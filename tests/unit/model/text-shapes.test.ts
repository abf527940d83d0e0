import { describe, expect, test } from 'vitest';
import { buildDoc } from '../../../src/model/build-doc.ts';
import { ImportError } from '../../../src/model/import-error.ts';
import { importText } from '../../../src/model/import-text.ts';
import type { ImportedText } from '../../../src/model/imported-text.ts';
import { allViolations } from './import-invariants.ts';

const REFS = '\n\n  1. Smith, John (1990). The Treaty. London: Penguin.\n  2. Doe, Jane (2001). Kars. Oxford: OUP.\n  3. Roe, Ann (2005). Ardahan. Paris: Gallimard.\n  4. Poe, Al (2010). Batum. Berlin: Reimer.\n';

/** Imports `text` and checks every invariant (nothing lost, markers, claims, document). */
function sound(text: string | Uint8Array, language = 'en'): ImportedText {
  const imported = importText(text, { language });
  const input = typeof text === 'string' ? text : new TextDecoder().decode(text);
  expect(allViolations(input, imported)).toEqual([]);
  return imported;
}

const shape = (imported: ImportedText) => ({
  blocks: imported.blocks,
  references: imported.references.map((r) => [r.label, r.text]),
  claims: imported.claims.map((c) => [c.block, c.text, c.support, c.sources]),
});

const LF = 'The treaty was signed in Kars.[1] It gave the town to Turkey.\n\nA second paragraph.[2][3] More.[4]' + REFS;

describe('line endings and white space', () => {
  test('CRLF reads like LF', () => {
    expect(shape(sound(LF.replace(/\n/g, '\r\n')))).toEqual(shape(sound(LF)));
  });

  test('lone CR (old Mac) reads like LF', () => {
    expect(shape(sound(LF.replace(/\n/g, '\r')))).toEqual(shape(sound(LF)));
  });

  test('lines of tabs and no-break spaces are blank: they separate blocks', () => {
    const imported = sound('First block.[1]\n \t\u00A0 \nSecond block.\n\t\nThird.' + REFS);
    expect(imported.blocks.map((b) => b.text)).toEqual(['First block.[1]', 'Second block.', 'Third.']);
  });

  test('tabs and no-break spaces inside a block are kept as they are', () => {
    const imported = sound('A\u00A0B and\tC.[1]' + REFS);
    expect(imported.blocks[0]!.text).toBe('A\u00A0B and\tC.[1]');
  });

  test('a soft-wrapped paragraph joins its lines with one space, spaces and tabs at the wrap dropped', () => {
    const imported = sound('The treaty was   \n\t signed in\nKars.[1]\n\nNext.' + REFS);
    expect(imported.blocks.map((b) => b.text)).toEqual(['The treaty was signed in Kars.[1]', 'Next.']);
  });

  test('a UTF-8 byte-order mark is dropped, in bytes and in strings', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(LF)]);
    expect(sound(bom).blocks[0]!.text.startsWith('The treaty')).toBe(true);
    expect(sound('\uFEFF' + LF).blocks[0]!.text.startsWith('The treaty')).toBe(true);
  });
});

describe('brackets that are not markers', () => {
  test('[sic], [citation needed], [a], [n 3] stay text: no citations, no marker atoms', () => {
    const text = 'He wrote "teh"[sic] in 1921.[citation needed] A note[a] and another.[n 3] Done.[1]' + REFS;
    const imported = sound(text);
    expect(imported.citations.map((c) => c.label)).toEqual(['1']);
    let markers = 0;
    buildDoc(imported).descendants((n) => {
      if (n.type.name === 'marker') markers++;
      return true;
    });
    expect(markers).toBe(1);
    expect(imported.blocks[0]!.text).toContain('[citation needed]');
  });

  test('a note after a marker run belongs to the claim before it, which stays direct', () => {
    const imported = sound('The population grew.[1][n 8] As of 2019 it was larger.' + REFS);
    expect(imported.claims.map((c) => [c.text, c.support, c.sources])).toEqual([
      ['The population grew.[1][n 8]', 'direct', ['1']],
      ['As of 2019 it was larger.', 'none', []],
    ]);
  });

  test('a note alone at the end of a block joins the last claim', () => {
    const imported = sound('They are citizens.[1][n 7]' + REFS);
    expect(imported.claims.map((c) => c.text)).toEqual(['They are citizens.[1][n 7]']);
  });

  test('a marker before the full stop still supports its sentence directly', () => {
    const imported = sound('The town was ceded[1]. Then came peace.' + REFS);
    expect(imported.claims[0]).toMatchObject({ text: 'The town was ceded[1].', support: 'direct', sources: ['1'] });
  });
});

describe('markers', () => {
  test('a run [3][4] gives one claim with two sources', () => {
    const imported = sound('Both sources say so.[3][4] Nothing else.' + REFS);
    expect(imported.claims[0]).toMatchObject({ text: 'Both sources say so.[3][4]', support: 'direct', sources: ['3', '4'] });
    expect(imported.citations.map((c) => [c.label, c.offset])).toEqual([['3', 20], ['4', 23]]);
  });

  test('earlier sentences inherit a later marker run of their block', () => {
    const imported = sound('First. Second.[2] Third.' + REFS);
    expect(imported.claims.map((c) => [c.text, c.support, c.sources])).toEqual([
      ['First.', 'inherited', ['2']],
      ['Second.[2]', 'direct', ['2']],
      ['Third.', 'none', []],
    ]);
  });

  test('a marker at the start of a block is cited and kept in the first claim', () => {
    const imported = sound('[1] The block starts with a marker.' + REFS);
    expect(imported.citations).toEqual([{ label: '1', block: 0, offset: 0 }]);
    expect(imported.claims.map((c) => c.text)).toEqual(['[1] The block starts with a marker.']);
  });

  test('markers inside a quotation and at its end', () => {
    const imported = sound('"He said it.[1] And he meant it."[2]\n\nAfter.' + REFS);
    expect(imported.blocks[0]!.type).toBe('blockquote');
    expect(imported.citations.map((c) => [c.label, c.block])).toEqual([['1', 0], ['2', 0]]);
    expect(imported.claims.map((c) => [c.text, c.support])).toEqual([
      ['"He said it.[1]', 'direct'],
      ['And he meant it."[2]', 'direct'],
      ['After.', 'none'],
    ]);
  });
});

describe('block quotations (DESIGN: opens and closes with a double quotation mark, markers may follow)', () => {
  test.each([
    ['straight quotes', '"The last session."'],
    ['straight quotes and a marker run', '"The last session."[1][2]'],
    ['English curly quotes', '\u201CThe last session.\u201D[1]'],
    ['German quotes', '\u201EDie letzte Sitzung.\u201C[1]'],
    ['guillemets', '\u00ABLa derni\u00E8re s\u00E9ance.\u00BB'],
    ['German guillemets', '\u00BBDie letzte Sitzung.\u00AB'],
  ])('%s → blockquote', (_name, block) => {
    expect(sound(`Intro.\n\n${block}` + REFS).blocks[1]!.type).toBe('blockquote');
  });

  test.each([
    ['quotation only at the start', '"The last session," he said.'],
    ['quotation only at the end', 'He said "the last session."'],
    ['a single quotation mark', '"'],
    ['single quotation marks', '\u2018The last session.\u2019'],
  ])('%s → paragraph', (_name, block) => {
    expect(sound(`Intro.\n\n${block}` + REFS).blocks[1]!.type).toBe('paragraph');
  });
});

describe('the reference list', () => {
  test.each(['References', 'Notes', 'Einzelnachweise', 'References:', '  NOTES  '])('a heading line "%s" before it is not body text', (heading) => {
    const imported = sound(`Body.[1][2][3][4]\n\n${heading}` + REFS);
    expect(imported.blocks.map((b) => b.text)).toEqual(['Body.[1][2][3][4]']);
    expect(imported.referencesHeading).toBe(heading.trim());
    expect(imported.references).toHaveLength(4);
  });

  test('a heading-like line inside the body stays body text', () => {
    const imported = sound('Notes\n\nBody.[1][2][3][4]' + REFS);
    expect(imported.blocks.map((b) => b.text)).toEqual(['Notes', 'Body.[1][2][3][4]']);
    expect(imported.referencesHeading).toBeNull();
  });

  test('an entry wrapped onto the next line continues; an indented line after a blank line continues too', () => {
    const imported = sound('Body.[1][2][3]\n\n1. Smith, John (1990).\nThe Treaty. London: Penguin.\n2. Doe, Jane (2001). Kars.\n\n     <https://example.org/kars>\n3. Roe, Ann (2005). Ardahan.\n');
    expect(imported.references.map((r) => r.text)).toEqual([
      'Smith, John (1990). The Treaty. London: Penguin.',
      'Doe, Jane (2001). Kars. <https://example.org/kars>',
      'Roe, Ann (2005). Ardahan.',
    ]);
    expect(imported.references[1]!.ids.url).toEqual(['https://example.org/kars']);
    expect(imported.problems).toEqual([]);
  });

  test('an unindented line after a blank line ends the list search: it and what is above stay body', () => {
    const imported = sound('Body.[1]\n\n1. Smith (1990). The Treaty.\n\nA closing remark.\n\n2. Doe (2001). Kars.\n');
    expect(imported.blocks.map((b) => b.text)).toEqual(['Body.[1]', '1. Smith (1990). The Treaty.', 'A closing remark.']);
    expect(imported.references.map((r) => r.label)).toEqual(['2']);
    expect(imported.problems.map((p) => p.kind)).toEqual(['missing-reference', 'uncited-reference']);
  });

  test('indented body paragraphs above a numbered heading do not become an entry\'s continuation', () => {
    const text = '   1. Introduction\n\n   The treaty was signed.[1]\n\n   It held for years.\n\n   Then it failed.\n\n   Nobody knows why.\n\n  1. Smith (1990).\n';
    const imported = sound(text);
    expect(imported.references.map((r) => [r.label, r.text])).toEqual([['1', 'Smith (1990).']]);
    expect(imported.blocks.map((b) => b.text)).toEqual(['1. Introduction', 'The treaty was signed.[1]', 'It held for years.', 'Then it failed.', 'Nobody knows why.']);
  });

  test('a wrapped body line that starts with "1921. " stays in its paragraph', () => {
    const imported = sound('The treaty was finally ratified in\n1921. It remains in force.[1]\n\n  1. Smith (1990).\n');
    expect(imported.blocks.map((b) => b.text)).toEqual(['The treaty was finally ratified in 1921. It remains in force.[1]']);
    expect(imported.references.map((r) => r.label)).toEqual(['1']);
    expect(imported.problems).toEqual([]);
  });

  test('a list glued to the paragraph above it (no blank line) is that paragraph\'s soft wrap, its markers reported', () => {
    const imported = sound('Body.[1]\n1. Smith (1990).\n');
    expect(imported.blocks.map((b) => b.text)).toEqual(['Body.[1] 1. Smith (1990).']);
    expect(imported.problems.map((p) => p.kind)).toEqual(['missing-reference']);
  });

  test('a heading line directly above the list (no blank line) is still the heading', () => {
    const imported = sound('Body.[1]\n\nReferences\n  1. Smith (1990).\n');
    expect(imported.referencesHeading).toBe('References');
    expect(imported.references).toHaveLength(1);
  });

  test('tabs and no-break spaces around entries', () => {
    const imported = sound('Body.[1][2]\n\t\n\t1.\tSmith (1990).\n\u00A0\n\u00A02.\u00A0Doe (2001).\n');
    expect(imported.references.map((r) => [r.label, r.text])).toEqual([['1', 'Smith (1990).'], ['2', 'Doe (2001).']]);
  });

  test('a reference list only is refused as having no body', () => {
    expect(() => importText('References\n\n  1. Smith (1990).\n')).toThrow(ImportError);
    expect(() => importText('  1. Smith (1990).\n  2. Doe (2001).\n')).toThrowError(/no body text/);
  });

  test('markers without entries and entries never cited are problems, not errors', () => {
    const imported = sound('One.[1] Two.[9]' + REFS);
    expect(imported.problems.filter((p) => p.kind === 'missing-reference').map((p) => p.label)).toEqual(['9']);
    expect(imported.problems.filter((p) => p.kind === 'uncited-reference').map((p) => p.label)).toEqual(['2', '3', '4']);
  });

  test('a text with markers and no list reports every marker', () => {
    const imported = sound('One.[1] Two.[2]');
    expect(imported.references).toEqual([]);
    expect(imported.problems.map((p) => p.kind)).toEqual(['missing-reference', 'missing-reference']);
  });
});

describe('English sentences', () => {
  test('titles, initials and initialisms do not end sentences; real ends do', () => {
    const imported = sound('Dr. Smith met Mr. J. R. Jones in the U.S. Army camp at 3 p.m. on Jan. 5. It rained.');
    expect(imported.claims.map((c) => c.text)).toEqual([
      'Dr. Smith met Mr. J. R. Jones in the U.S. Army camp at 3 p.m. on Jan. 5.',
      'It rained.',
    ]);
  });

  test('an invalid language tag segments as English instead of failing', () => {
    expect(sound('One. Two.', 'not a tag!').claims).toHaveLength(2);
  });
});

describe('sizes', () => {
  test('a single enormous line (2 MB, no sentence end) imports whole', () => {
    const line = 'word '.repeat(400_000) + 'end[1]';
    const imported = sound(line + REFS);
    expect(imported.blocks).toHaveLength(1);
    expect(imported.claims).toHaveLength(1);
    expect(imported.claims[0]!.support).toBe('direct');
  });

  test('fifty thousand one-letter blocks import, each its own block and claim', () => {
    const imported = sound('a\n\n'.repeat(50_000));
    expect(imported.blocks).toHaveLength(50_000);
    expect(imported.claims).toHaveLength(50_000);
  });

  test('a block of 30,000 markers and no list: every marker reported where it stands', () => {
    const imported = sound('[7]'.repeat(30_000));
    expect(imported.citations).toHaveLength(30_000);
    const missing = imported.problems.filter((p) => p.kind === 'missing-reference');
    expect(missing).toHaveLength(30_000);
    expect(missing[29_999]).toMatchObject({ label: '7', block: 0, offset: 3 * 29_999 });
  });

  test('a long block of many sentences is cut at every sentence (windowed segmentation)', () => {
    const n = 3000;
    const imported = sound('This is one sentence. '.repeat(n).trim());
    expect(imported.claims).toHaveLength(n);
    expect(new Set(imported.claims.map((c) => c.text)).size).toBe(1);
    expect(new Set(imported.claims.map((c) => c.id)).size).toBe(n);
  });
});
