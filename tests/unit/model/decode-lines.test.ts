import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { decodeLines, decodeText } from '../../../src/model/decode-text.ts';

/** What a call returns, or the ImportError it throws, as plain data. */
function outcome(f: () => unknown): unknown {
  try {
    return { value: f() };
  } catch (e) {
    const { name, code, message, line, column } = e as Record<string, unknown>;
    return { name, code, message, line, column };
  }
}

const enc = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

// decodeLines decodes bytes a line at a time; it must give exactly the lines of the whole decoded text, and refuse
// exactly what decodeText refuses, with the same message, line and column.
const cases: [string, Uint8Array][] = [
  ['LF, CRLF, CR and LF CR', enc('One.\nTwo.\r\nThree.\rFour.\n\rFive.\n')],
  ['a byte-order mark at the start goes, one inside stays', enc([0xef, 0xbb, 0xbf], 'A\n', [0xef, 0xbb, 0xbf], 'B')],
  ['two byte-order marks at the start', enc([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'A')],
  ['non-ASCII lines, no-break and ideographic spaces', enc('Café — “quoted”\u00a0x\n\u3000indented\n😀')],
  ['tab and form feed are text', enc('a\tb\fc\n')],
  ['a control character late in the file', enc('a'.repeat(9000), '\nb', [0x07], 'c')],
  ['DEL late in the file', enc('a'.repeat(9000), '\nb', [0x7f])],
  ['invalid UTF-8 on line 3', enc('one\ntwo\nthr', [0xe9], 'e')],
  ['a character cut by a line break', enc('ab', [0xe2, 0x82], '\ncd')],
  ['a surrogate encoded in UTF-8', enc('ab', [0xed, 0xa0, 0x80])],
  ['only white space, with a no-break space', enc(' \n\u00a0\t\r\n')],
  ['JSON after white space', enc('\n  {"a": [1, 2]}\n')],
  ['a JSON array of strings is text', enc('["a", "b"]')],
  ['HTML after a no-break space', enc('\u00a0<html>\n<body>x</body></html>')],
  ['XML', enc('<?xml version="1.0"?>\n<TEI/>')],
  ['a text that opens with a bracket', enc('[1] Note.\n\nBody.')],
  ['RTF', enc('{\\rtf1 Hello}')],
  ['empty', enc()],
];

describe('decodeLines reads bytes line by line with the results of decodeText', () => {
  test.each(cases)('%s', (_, bytes) => {
    expect(outcome(() => decodeLines(bytes))).toEqual(outcome(() => decodeText(bytes).split(/\r\n|\n|\r/)));
  });

  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const corpora = join(resolve(root, process.env['APPARATUS_SHARED'] ?? '../shared'), 'corpora');
  test.skipIf(!existsSync(corpora))('the corpora', () => {
    for (const f of readdirSync(corpora).filter((name) => name.endsWith('.txt'))) {
      const bytes = new Uint8Array(readFileSync(join(corpora, f)));
      expect(decodeLines(bytes)).toEqual(decodeText(bytes).split(/\r\n|\n|\r/));
    }
  });

  test('strings are split as decoded', () => {
    expect(decodeLines('a\r\nb\rc')).toEqual(['a', 'b', 'c']);
  });
});
