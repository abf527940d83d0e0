import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ImportError, MAX_TEXT_BYTES } from '../../../src/model/import-error.ts';
import { importText } from '../../../src/model/import-text.ts';
import { allViolations } from './import-invariants.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/texts/bad/${name}`, import.meta.url)));
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

/** Runs the importer and returns the ImportError it must throw. */
function refusal(input: string | Uint8Array): ImportError {
  try {
    importText(input);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('imported, but should have been refused');
}

interface Refused {
  name: string;
  input: () => string | Uint8Array;
  code: ImportError['code'];
  message: RegExp;
  line: number;
  column: number;
}

const truncatedLine = '  2. Doe, Jane (2001). "Kars". Journal of History. 4 (2): 1';

const refused: Refused[] = [
  { name: 'latin1.txt', input: () => fixture('latin1.txt'), code: 'encoding', message: /not valid UTF-8: byte 0xE9 after "about the caf".*Latin-1 or Windows-1252; save it as UTF-8/, line: 4, column: 'about the caf'.length + 1 },
  { name: 'windows-1252.txt', input: () => fixture('windows-1252.txt'), code: 'encoding', message: /not valid UTF-8: byte 0x93 .*Windows-1252/, line: 1, column: 'He called it '.length + 1 },
  { name: 'utf16le-bom.txt', input: () => fixture('utf16le-bom.txt'), code: 'encoding', message: /looks like UTF-16 \(little-endian, with a byte-order mark\).*save it as UTF-8/, line: 1, column: 1 },
  { name: 'utf16be-bom.txt', input: () => fixture('utf16be-bom.txt'), code: 'encoding', message: /looks like UTF-16 \(big-endian.*save it as UTF-8/, line: 1, column: 1 },
  { name: 'utf16le-no-bom.txt', input: () => fixture('utf16le-no-bom.txt'), code: 'encoding', message: /looks like UTF-16 \(little-endian\).*save it as UTF-8/, line: 1, column: 1 },
  { name: 'UTF-32 with BOM', input: () => bytes([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), code: 'encoding', message: /looks like UTF-32/, line: 1, column: 1 },
  { name: 'truncated-utf8.txt (cut inside a character)', input: () => fixture('truncated-utf8.txt'), code: 'encoding', message: /byte 0xE2 after ".*: 1" is not part of a UTF-8 character/, line: 6, column: truncatedLine.length + 1 },
  { name: 'empty.txt', input: () => fixture('empty.txt'), code: 'empty', message: /The file is empty/, line: 1, column: 1 },
  { name: 'empty string', input: () => '', code: 'empty', message: /empty/, line: 1, column: 1 },
  { name: 'whitespace-only.txt (no blocks)', input: () => fixture('whitespace-only.txt'), code: 'empty', message: /only white space/, line: 1, column: 1 },
  { name: 'references-only.txt', input: () => fixture('references-only.txt'), code: 'no-body', message: /reference list but no body text/, line: 1, column: 1 },
  { name: 'json.txt', input: () => fixture('json.txt'), code: 'not-text', message: /JSON document, not a plain text/, line: 1, column: 1 },
  { name: 'html.txt', input: () => fixture('html.txt'), code: 'not-text', message: /HTML page, not a plain text/, line: 2, column: 1 },
  { name: 'XML', input: () => '<?xml version="1.0"?>\n<TEI/>\n', code: 'not-text', message: /XML document/, line: 1, column: 1 },
  { name: 'control-character.txt', input: () => fixture('control-character.txt'), code: 'binary', message: /looks binary.*U\+0007/, line: 2, column: 'Another line with a bell '.length + 1 },
  { name: 'PDF magic bytes', input: () => bytes('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n1 0 obj\n'), code: 'not-text', message: /PDF document/, line: 1, column: 1 },
  { name: 'PDF as a string', input: () => '%PDF-1.4\n1 0 obj\n', code: 'not-text', message: /PDF document/, line: 1, column: 1 },
  { name: 'PNG magic bytes', input: () => bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), code: 'not-text', message: /PNG image/, line: 1, column: 1 },
  { name: 'ZIP (docx) magic bytes', input: () => bytes('PK', [3, 4, 20, 0, 6, 0]), code: 'not-text', message: /ZIP archive.*Word/, line: 1, column: 1 },
  { name: 'gzip magic bytes', input: () => bytes([0x1f, 0x8b, 8, 0]), code: 'not-text', message: /gzip/, line: 1, column: 1 },
  { name: 'RTF', input: () => '{\\rtf1\\ansi Hello}', code: 'not-text', message: /RTF document/, line: 1, column: 1 },
  { name: 'binary with NUL and high bytes', input: () => bytes('ab\ncd', [0x00, 0xff, 0xfe, 0x80, 0x13]), code: 'binary', message: /U\+0000/, line: 2, column: 3 },
  { name: 'lone surrogate in a string', input: () => 'One.\n\nTwo \uD800 three.', code: 'encoding', message: /lone surrogate U\+D800/, line: 3, column: 5 },
  { name: '10 MiB + 1 byte', input: () => new Uint8Array(MAX_TEXT_BYTES + 1).fill(0x61), code: 'too-large', message: /10,485,761 bytes \(10\.00 MiB\); the limit is 10,485,760 bytes/, line: 1, column: 1 },
  { name: 'a string of 10 MiB + 1 UTF-8 bytes', input: () => 'é'.repeat(MAX_TEXT_BYTES / 2) + 'a', code: 'too-large', message: /10,485,761 bytes in UTF-8/, line: 1, column: 1 },
];

describe('bad input is refused with an ImportError that says what and where', () => {
  test.each(refused)('$name → $code', ({ input, code, message, line, column }) => {
    const error = refusal(input());
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.message).toContain(`(line ${line}, column ${column})`);
  });
});

describe('irregular but readable input imports with problems, nothing lost', () => {
  test('markers-without-entries.txt: each unknown marker reported where it stands; the unused entry reported', () => {
    const raw = fixture('markers-without-entries.txt');
    const imported = importText(raw);
    const missing = imported.problems.filter((p) => p.kind === 'missing-reference');
    expect(missing.map((p) => [p.label, p.block, p.offset])).toEqual([
      ['7', 0, 'The treaty was signed.[1] It held.'.length],
      ['3', 1, 'Nothing else.'.length],
    ]);
    expect(imported.problems.filter((p) => p.kind === 'uncited-reference').map((p) => p.label)).toEqual(['2']);
    expect(allViolations(new TextDecoder().decode(raw), imported)).toEqual([]);
  });

  test('duplicate-labels.txt: the repeat and the gap reported on their lines, every entry kept', () => {
    const raw = fixture('duplicate-labels.txt');
    const imported = importText(raw);
    expect(imported.references.map((r) => r.label)).toEqual(['1', '2', '2', '4']);
    const byKind = (kind: string) => imported.problems.filter((p) => p.kind === kind).map((p) => ('line' in p ? [p.label, p.line] : [p.label]));
    expect(byKind('duplicate-reference')).toEqual([['2', 5]]);
    expect(byKind('reference-order')).toEqual([['2', 5], ['4', 6]]);
    expect(byKind('uncited-reference')).toEqual([['4']]);
    expect(allViolations(new TextDecoder().decode(raw), imported)).toEqual([]);
  });

  test('exactly 10 MiB imports', () => {
    const line = 'A sentence of some length that ends here.[1] ';
    const body = line.repeat(Math.floor((MAX_TEXT_BYTES - 100) / line.length));
    const refs = '\n\n  1. Entry.\n';
    const text = body + ' '.repeat(MAX_TEXT_BYTES - body.length - refs.length) + refs;
    expect(new TextEncoder().encode(text).length).toBe(MAX_TEXT_BYTES);
    const imported = importText(new TextEncoder().encode(text));
    expect(imported.blocks.length).toBe(1);
    expect(imported.citations.length).toBe(Math.floor((MAX_TEXT_BYTES - 100) / line.length));
  });
});
