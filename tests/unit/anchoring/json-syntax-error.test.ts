import fc from 'fast-check';
import { expect, test } from 'vitest';
import { jsonSyntaxError } from '../../../src/anchoring/json-syntax-error.ts';

const parses = (s: string) => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};

test('null exactly when JSON.parse accepts the text', () => {
  const texts = fc.oneof(
    fc.json(),
    fc.json().map((s) => s.slice(0, Math.floor(s.length / 2))),
    fc.tuple(fc.json(), fc.nat(), fc.constantFrom(',', ']', '}', '"', ':', '-', '.', 'e', '\\', '\n', '0', 'tru')).map(([s, i, c]) => s.slice(0, i % (s.length + 1)) + c + s.slice(i % (s.length + 1))),
    fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', ':', ',', '1', '-', '.', 'e', ' ', 'a', '\\', 'u', '0', 'n', 'null', 'true') }),
  );
  fc.assert(
    fc.property(texts, (s) => {
      const error = jsonSyntaxError(s);
      expect(error === null).toBe(parses(s));
      if (error) {
        expect(error.offset).toBeGreaterThanOrEqual(0);
        expect(error.offset).toBeLessThanOrEqual(s.length);
        expect(error.message).toMatch(/^(unexpected|invalid) /);
      }
    }),
    { numRuns: 3000 },
  );
});

test.each([
  ['01', 1, /malformed number/],
  ['1.', 1, /malformed number/],
  ['-', 0, /malformed number/],
  ['"\\x"', 1, /invalid escape/],
  ['"\\u12G4"', 1, /invalid escape/],
  ['{"a" 1}', 5, /expected :/],
  ['[1 2]', 3, /expected , or \]/],
  ['{"a":1 "b":2}', 7, /expected , or \}/],
  ['nul', 0, /expected a value/],
])('%s: error at %i', (text, offset, message) => {
  const error = jsonSyntaxError(text);
  expect(error?.offset).toBe(offset);
  expect(error?.message).toMatch(message);
});

test('deep nesting does not overflow the stack', () => {
  expect(jsonSyntaxError('['.repeat(200_000) + ']'.repeat(200_000))).toBeNull();
  expect(jsonSyntaxError('['.repeat(200_000))?.offset).toBe(200_000);
});
