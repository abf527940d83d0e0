import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ImportError } from '../../../src/model/import-error.ts';
import { importText } from '../../../src/model/import-text.ts';
import type { ImportedText } from '../../../src/model/imported-text.ts';
import { allViolations } from './import-invariants.ts';

/** Imports, or returns the ImportError; anything else thrown fails the property. */
function attempt(input: string | Uint8Array): ImportedText | ImportError {
  try {
    return importText(input);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
}

/** One UTF-16 code unit or code point of any kind: text, white space, controls, brackets, lone surrogates. */
const unit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'Z', 'é', '1', '9', ' ', '.', '"', '“', '”', '[', ']', '\n', '\n', '\r\n', '\t', '\u00A0', '\uFEFF', '\u2028') },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.constantFrom('[1]', '[12]', '[n 3]', '[sic]', '\n\n', '\n  1. ', '\nReferences\n') },
);

const anyText = fc.string({ unit, maxLength: 300 });

describe('any input either imports soundly or raises ImportError', () => {
  test('any string (unicode, controls, lone surrogates)', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const result = attempt(input);
        if (result instanceof ImportError) {
          expect(result.line).toBeGreaterThanOrEqual(1);
          expect(result.column).toBeGreaterThanOrEqual(1);
          return;
        }
        expect(allViolations(input, result)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  test('any bytes', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      anyText.map((s) => new TextEncoder().encode(s)),
    );
    fc.assert(
      fc.property(bytes, (input) => {
        const result = attempt(input);
        if (result instanceof ImportError) return;
        const text = new TextDecoder('utf-8', { fatal: true }).decode(input);
        expect(allViolations(text, result)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});

const word = fc.constantFrom('the', 'treaty', 'Kars', 'was', 'signed', 'Dr.', 'U.S.', 'z. B.', '1921', 'Stalin', '„Zitat“', 'é', 'naïve', '[sic]', '[n 3]', '(see p. 5)');
const end = fc.constantFrom('.', '!', '?', '.', '."', '');
const label = fc.integer({ min: 1, max: 8 }).map(String);
const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 8 }), end, fc.array(label, { maxLength: 3 }))
  .map(([words, stop, labels]) => ({ text: `${words.join(' ')}${stop}${labels.map((l) => `[${l}]`).join('')}`, markers: labels.length }));
// A paragraph never opens with "1921. …": by the text shape's contract, a trailing block that does is a reference
// entry, not body text (fast-check found that case: "1921. the." alone is a reference list with no body).
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((s) => ({
  text: s.map((x) => x.text).join(' ').replace(/^(\d)/, 'In $1'),
  markers: s.reduce((n, x) => n + x.markers, 0),
}));
const wrap = fc.constantFrom(' ', '\n', ' \n', '\r\n', '\n\t');
const gap = fc.constantFrom('\n\n', '\r\n\r\n', '\n \t\u00A0\n', '\n\n\n');
const entry = fc.tuple(fc.array(word, { minLength: 1, maxLength: 6 }), fc.constantFrom('', ' ISBN 978-0-8179-9181-9', ' <https://example.org/x>', ' doi:10.1000/xyz.'));

/** A text in the shape of DESIGN §1: paragraphs (soft-wrapped at random), then maybe a heading, then entries. */
const shapedText = fc
  .record({
    paragraphs: fc.array(fc.tuple(paragraph, wrap), { minLength: 1, maxLength: 6 }),
    gaps: fc.array(gap, { minLength: 8, maxLength: 8 }),
    heading: fc.constantFrom('', 'References', 'Notes', 'Einzelnachweise'),
    entries: fc.array(entry, { maxLength: 8 }),
  })
  .map(({ paragraphs, gaps, heading, entries }) => {
    const body = paragraphs.map(([p, w], i) => p.text.split(' ').join(i % 2 ? w : ' ')).join(gaps[0]!);
    const list = entries.map(([words, id], i) => `  ${i + 1}. ${words.join(' ')}${id}`).join('\n');
    const tail = entries.length ? `${gaps[1]}${heading ? heading + gaps[2] : ''}${list}\n` : '';
    return { text: body + tail, blocks: paragraphs.length, markers: paragraphs.reduce((n, [p]) => n + p.markers, 0), entries: entries.length };
  });

describe('texts in the documented shape', () => {
  test('import with every paragraph a block, every marker cited, nothing lost, claims sound', () => {
    fc.assert(
      fc.property(shapedText, ({ text, blocks, markers, entries }) => {
        const imported = importText(text);
        expect(imported.blocks).toHaveLength(blocks);
        expect(imported.citations).toHaveLength(markers);
        expect(imported.references).toHaveLength(entries);
        expect(allViolations(text, imported)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  test('claim ids are stable on re-import, and the same with CRLF line endings', () => {
    fc.assert(
      fc.property(shapedText, ({ text }) => {
        const ids = importText(text).claims.map((c) => c.id);
        expect(importText(text).claims.map((c) => c.id)).toEqual(ids);
        expect(importText(text.replace(/\r?\n/g, '\r\n')).claims.map((c) => c.id)).toEqual(ids);
      }),
      { numRuns: 100 },
    );
  });

  test('German texts segment soundly too', () => {
    fc.assert(
      fc.property(shapedText, ({ text }) => {
        expect(allViolations(text, importText(text, { language: 'de' }))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
