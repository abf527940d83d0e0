import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseAnnotationFile } from '../../../src/anchoring/annotation-file.ts';
import { AnnotationFileError, describeRejection, parseAnnotations, positionSelectorOf, quoteSelectorOf, textTargetOf } from '../../../src/anchoring/selectors.ts';

/** A valid annotation; `over` replaces fields (undefined deletes one). */
function note(over: Record<string, unknown> = {}): Record<string, unknown> {
  const a: Record<string, unknown> = {
    id: 'urn:test:1',
    type: 'Annotation',
    motivation: 'commenting',
    created: '2026-01-31T12:00:00Z',
    body: [{ type: 'TextualBody', value: 'A note.', format: 'text/plain' }],
    target: {
      source: 'https://example.org/work',
      selector: [
        { type: 'TextQuoteSelector', exact: 'quoted words', prefix: 'before ', suffix: ' after' },
        { type: 'TextPositionSelector', start: 7, end: 19 },
      ],
    },
    ...over,
  };
  for (const [k, v] of Object.entries(over)) if (v === undefined) delete a[k];
  return a;
}

const target = (selector: unknown) => ({ source: 'https://example.org/work', selector });
const errorsOf = (a: unknown) => {
  const { annotations, rejected } = parseAnnotations([a], 'test.jsonld');
  expect(annotations.length + rejected.length).toBe(1);
  return rejected[0]?.errors ?? [];
};

describe('what a file may hold', () => {
  const items = [note(), note({ id: 'urn:test:2' })];
  test.each([
    ['an array', items],
    ['an AnnotationPage', { type: 'AnnotationPage', items }],
    ['an AnnotationCollection with its first page inline', { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', id: 'urn:c', first: { type: 'AnnotationPage', items } }],
    ['an AnnotationCollection holding its items itself (no first page: not the W3C shape, never dropped)', { type: 'AnnotationCollection', items }],
  ])('%s', (_name, value) => {
    const parsed = parseAnnotations(value, 'f');
    expect(parsed.rejected).toEqual([]);
    expect(parsed.annotations.map((a) => a.id)).toEqual(['urn:test:1', 'urn:test:2']);
  });

  test('a single annotation', () => {
    expect(parseAnnotations(note(), 'f').annotations.map((a) => a.id)).toEqual(['urn:test:1']);
  });

  test('the curated Kavbiuro collection loads whole', () => {
    const json = readFileSync(new URL('../../../annotations/kavbiuro.jsonld', import.meta.url), 'utf8');
    const parsed = parseAnnotationFile(json, 'kavbiuro.jsonld');
    expect(parsed.rejected).toEqual([]);
    expect(parsed.annotations.length).toBe(JSON.parse(json).first.items.length);
  });

  test.each([
    ['a number', 42, /top level is the number 42/],
    ['a string', 'hello', /top level is the string "hello"/],
    ['an object of another type', { type: 'Person' }, /type "Person"/],
    ['a collection whose pages are only linked', { type: 'AnnotationCollection', first: 'https://example.org/page1' }, /only linked/],
    ['a page without items', { type: 'AnnotationPage' }, /no "items"/],
  ])('not annotations at all: %s', (_name, value, message) => {
    expect(() => parseAnnotations(value, 'f.json')).toThrow(AnnotationFileError);
    expect(() => parseAnnotations(value, 'f.json')).toThrow(message);
  });
});

describe('validation at the door: each bad annotation is rejected with the field named, the good ones load', () => {
  test.each(['1921', '1921-07', '1921-07-05', '1921-07-04/1921-07-05', '1920/1921-07'])('a corrected date %s is read', (correctedDate) => {
    const parsed = parseAnnotations([note({ correctedDate })], 'notes.jsonld');
    expect(parsed.rejected).toEqual([]);
    expect(parsed.annotations[0]!.correctedDate).toBe(correctedDate);
  });

  test.each<[string, Record<string, unknown>, string, RegExp]>([
    ['no id', note({ id: undefined }), 'id', /missing/],
    ['an id that is not an IRI', note({ id: 'abc' }), 'id', /IRI/],
    ['another type', note({ type: 'Note' }), 'type', /Annotation/],
    ['an unknown motivation', note({ motivation: 'admiring' }), 'motivation', /"admiring" is not one of/],
    ['no motivation', note({ motivation: undefined }), 'motivation', /missing/],
    ['no created date', note({ created: undefined }), 'created', /missing/],
    ['a created date that is not ISO 8601', note({ created: 'yesterday' }), 'created', /ISO 8601/],
    ['a verdict outside the enum', note({ verdict: 'true' }), 'verdict', /"true" is not one of supported/],
    ['a certainty outside the enum', note({ certainty: 'sure' }), 'certainty', /not one of high, medium, low/],
    ['a source link with an unknown relation', note({ body: [{ type: 'SpecificResource', source: 'urn:x', purpose: 'linking', relation: 'likes' }] }), 'body[0].relation', /"likes" is not one of supports/],
    ['a source link without purpose linking', note({ body: [{ type: 'SpecificResource', source: 'urn:x', relation: 'supports' }] }), 'body[0].purpose', /linking/],
    ['a body of an unknown type', note({ body: [{ type: 'Video' }] }), 'body[0].type', /TextualBody or SpecificResource/],
    ['a textual body without a value', note({ body: [{ type: 'TextualBody' }] }), 'body[0].value', /string/],
    ['a corrected date that is not ISO 8601', note({ correctedDate: '4 July 1921' }), 'correctedDate', /ISO 8601 date/],
    ['a corrected date that does not exist', note({ correctedDate: '1921-02-30' }), 'correctedDate', /ISO 8601 date/],
    ['a corrected interval that ends before it starts', note({ correctedDate: '1921-07-05/1921-07-04' }), 'correctedDate', /interval/],
    ['a check with an unknown outcome', note({ verification: { status: 'true' } }), 'verification.status', /"true" is not one of verified/],
    ['a check that is not an object', note({ verification: 'verified' }), 'verification', /must be an object/],
    ['a check with an empty locator', note({ verification: { status: 'verified', locator: '' } }), 'verification.locator', /non-empty string/],
    ['positions without a holder', note({ positions: [{ view: 'v', citation: 'c' }] }), 'positions[0].holder', /string/],
    ['no target', note({ target: undefined }), 'target', /missing/],
    ['several targets', note({ target: [target([]), target([])] }), 'target', /several targets/],
    ['a target without source', note({ target: { selector: [{ type: 'TextPositionSelector', start: 1, end: 2 }] } }), 'target.source', /IRI of the text/],
    ['a target without selector', note({ target: { source: 'urn:w' } }), 'target.selector', /missing/],
    ['a negative start', note({ target: target([{ type: 'TextQuoteSelector', exact: 'x' }, { type: 'TextPositionSelector', start: -1, end: 2 }]) }), 'target.selector[1].start', /non-negative integer, found -1/],
    ['a fractional end', note({ target: target([{ type: 'TextPositionSelector', start: 1, end: 2.5 }]) }), 'target.selector[0].end', /non-negative integer, found 2.5/],
    ['start after end', note({ target: target([{ type: 'TextPositionSelector', start: 9, end: 2 }]) }), 'target.selector[0].start', /start 9 is after end 2/],
    ['a quote that is not a string', note({ target: target([{ type: 'TextQuoteSelector', exact: 42 }]) }), 'target.selector[0].exact', /must be a string, found the number 42/],
    ['a prefix that is not a string', note({ target: target([{ type: 'TextQuoteSelector', exact: 'x', prefix: ['a'] }]) }), 'target.selector[0].prefix', /a list/],
    ['only other selector types', note({ target: target([{ type: 'CssSelector', value: '#p' }]) }), 'target.selector', /neither a TextQuoteSelector nor a TextPositionSelector/],
    ['a reply target that is not an IRI', note({ target: 'the note above' }), 'target', /IRI/],
  ])('%s', (_name, bad, field, message) => {
    const parsed = parseAnnotations([note({ id: 'urn:test:good' }), bad], 'notes.jsonld');
    expect(parsed.annotations.map((a) => a.id)).toEqual(['urn:test:good']);
    expect(parsed.rejected).toHaveLength(1);
    const [r] = parsed.rejected;
    expect(r!.index).toBe(1);
    expect(r!.raw).toBe(bad);
    expect(r!.id).toBe(typeof bad['id'] === 'string' ? bad['id'] : null);
    const e = r!.errors.find((x) => x.field === field);
    expect(e, JSON.stringify(r!.errors)).toBeDefined();
    expect(e!.message).toMatch(message);
    const line = describeRejection(r!, 'notes.jsonld');
    expect(line).toContain('notes.jsonld');
    expect(line).toContain(`${field}: `);
    expect(line).toContain(r!.id !== null ? `"${r!.id}"` : 'item 1');
  });

  test('every problem of an annotation is reported, not only the first', () => {
    const errors = errorsOf(note({ motivation: 'x', verdict: 'y', certainty: 'z' }));
    expect(errors.map((e) => e.field).sort()).toEqual(['certainty', 'motivation', 'verdict']);
  });

  test('an item that is not an object', () => {
    const { rejected } = parseAnnotations([note(), 'just a string', null], 'f');
    expect(rejected.map((r) => [r.index, r.id, r.errors[0]!.message])).toEqual([
      [1, null, 'an annotation must be an object, found the string "just a string"'],
      [2, null, 'an annotation must be an object, found null'],
    ]);
  });

  test('a duplicate id: the second is rejected with its raw JSON, the first kept', () => {
    const second = note({ body: [{ type: 'TextualBody', value: 'other' }] });
    const { annotations, rejected } = parseAnnotations([note(), second], 'f');
    expect(annotations).toHaveLength(1);
    expect(annotations[0]!.body).toEqual([{ type: 'TextualBody', value: 'A note.', format: 'text/plain' }]);
    expect(rejected).toEqual([{ index: 1, id: 'urn:test:1', raw: second, errors: [{ field: 'id', message: 'duplicate id: item 0 already has it (the first one is kept)' }] }]);
  });

  test('unknown fields are kept, and the input is not modified', () => {
    const raw = note({ 'x-extra': { deep: [1, 2] }, target: { ...target([{ type: 'TextQuoteSelector', exact: 'w', 'x-sel': 1 }]), 'x-target': true } });
    const before = structuredClone(raw);
    const [a] = parseAnnotations([raw], 'f').annotations;
    expect(a).toMatchObject({ 'x-extra': { deep: [1, 2] }, target: { 'x-target': true, selector: [{ 'x-sel': 1 }] } });
    expect(raw).toEqual(before);
  });

  test('a single body or selector object becomes a one-element list', () => {
    const [a] = parseAnnotations([note({ body: { type: 'TextualBody', value: 'v' }, target: target({ type: 'TextQuoteSelector', exact: 'w' }) })], 'f').annotations;
    expect(a!.body).toEqual([{ type: 'TextualBody', value: 'v' }]);
    expect(textTargetOf(a!)!.selector).toEqual([{ type: 'TextQuoteSelector', exact: 'w' }]);
  });

  test('a Hypothesis-style target with RangeSelector and friends is fine when a quote or position selector is there', () => {
    const selectors = [
      { type: 'RangeSelector', startContainer: '/div[1]/p[2]', startOffset: 0, endContainer: '/div[1]/p[2]', endOffset: 12 },
      { type: 'TextPositionSelector', start: 7, end: 19 },
      { type: 'TextQuoteSelector', exact: 'quoted words', prefix: 'before ', suffix: ' after' },
    ];
    const [a] = parseAnnotations([note({ target: target(selectors) })], 'f').annotations;
    const t = textTargetOf(a!)!;
    expect(t.selector).toHaveLength(3);
    expect(quoteSelectorOf(t)).toEqual(selectors[2]);
    expect(positionSelectorOf(t)).toEqual(selectors[1]);
  });

  test('replies: a string target is accepted and has no text target', () => {
    const [a] = parseAnnotations([note({ motivation: 'replying', target: 'urn:test:parent' })], 'f').annotations;
    expect(textTargetOf(a!)).toBeNull();
  });

  test('accessors return null when a selector is absent', () => {
    expect(quoteSelectorOf({ source: 's', selector: [{ type: 'TextPositionSelector', start: 0, end: 1 }] })).toBeNull();
    expect(positionSelectorOf({ source: 's', selector: [{ type: 'TextQuoteSelector', exact: 'x' }] })).toBeNull();
  });

  test('a 10 MB body neither crashes nor ends up in the message', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const json = JSON.stringify([note({ body: [{ type: 'TextualBody', value: huge }] }), note({ id: 'urn:test:2', motivation: huge })]);
    const { annotations, rejected } = parseAnnotationFile(json, 'big.json');
    expect((annotations[0]!.body![0] as { value: string }).value.length).toBe(huge.length);
    expect(rejected).toHaveLength(1);
    const message = describeRejection(rejected[0]!, 'big.json');
    expect(message.length).toBeLessThan(500);
  });
});

describe('parseAnnotationFile', () => {
  test.each([
    ['a missing value', '{\n  "id": \n}', 3, 1, /expected a value/],
    ['a trailing comma', '[\n  {"a": 1},\n]', 3, 1, /expected a value/],
    ['a single-quoted string', "[{'id': 1}]", 1, 3, /property name in double quotes/],
    ['an unterminated string', '[\n"abc', 2, 5, /unterminated string/],
    ['garbage after the value', '[]\n  x', 2, 3, /end of the input/],
    ['nothing at all', '', 1, 1, /unexpected end of input/],
    ['a raw control character in a string', '["a\tb"]', 1, 4, /control characters must be escaped/],
  ])('not JSON (%s): AnnotationFileError with line and column', (_name, json, line, column, message) => {
    let error: unknown;
    try {
      parseAnnotationFile(json, 'bad.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AnnotationFileError);
    const e = error as AnnotationFileError;
    expect([e.line, e.column]).toEqual([line, column]);
    expect(e.message).toMatch(message);
    expect(e.message).toContain(`bad.json:${line}:${column}: not JSON`);
  });

  test.each([
    ['UTF-16LE with a byte-order mark', [0xff, 0xfe], 'le'],
    ['UTF-16BE with a byte-order mark', [0xfe, 0xff], 'be'],
    ['UTF-16LE without one', [], 'le'],
  ] as const)('a %s file decoded as UTF-8 is named as UTF-16, at 1:1', (_name, bom, endian) => {
    const json = JSON.stringify([note()]);
    const bytes: number[] = [...bom];
    for (const ch of json) bytes.push(...(endian === 'le' ? [ch.charCodeAt(0), 0] : [0, ch.charCodeAt(0)]));
    const decoded = new TextDecoder('utf-8').decode(new Uint8Array(bytes));
    expect(() => parseAnnotationFile(decoded, 'u16.json')).toThrow(/^u16\.json:1:1: not UTF-8: the file looks like UTF-16/);
  });

  test('bytes that were not UTF-8 (replaced by U+FFFD when decoded) refuse the file, saying where', () => {
    const json = JSON.stringify([note({ body: [{ type: 'TextualBody', value: 'caf\uFFFD' }] })], null, 1);
    const e = (() => {
      try {
        parseAnnotationFile(json, 'latin1.json');
      } catch (x) {
        return x as AnnotationFileError;
      }
      throw new Error('accepted');
    })();
    expect(e).toBeInstanceOf(AnnotationFileError);
    const lines = json.split('\n');
    const line = lines.findIndex((l) => l.includes('\uFFFD')) + 1;
    expect([e.line, e.column]).toEqual([line, lines[line - 1]!.indexOf('\uFFFD') + 1]);
    expect(e.message).toMatch(/not UTF-8/);
    // Written as an escape, U+FFFD is a character like any other.
    expect(parseAnnotationFile(json.replace('\uFFFD', '\\uFFFD'), 'f').annotations).toHaveLength(1);
  });

  test('a byte-order mark is ignored', () => {
    expect(parseAnnotationFile('\uFEFF' + JSON.stringify([note()]), 'f').annotations).toHaveLength(1);
  });

  test('JSON that is not annotations points at the top-level value', () => {
    try {
      parseAnnotationFile('\n\n   {"type": "Person"}', 'p.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AnnotationFileError);
      expect([(e as AnnotationFileError).line, (e as AnnotationFileError).column]).toEqual([3, 4]);
    }
  });

  test('never throws anything but AnnotationFileError, whatever the string', () => {
    const jsonish = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.jsonValue().map((v) => JSON.stringify([v, { ...note(), target: v }])),
      fc.constantFrom('[' .repeat(100_000), '{"type":"AnnotationCollection","first":{"items":[' + '['.repeat(50_000)),
    );
    fc.assert(
      fc.property(jsonish, (s) => {
        try {
          const parsed = parseAnnotationFile(s, 'f');
          expect(Array.isArray(parsed.annotations) && Array.isArray(parsed.rejected)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(AnnotationFileError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('motivations', () => {
  test.each(['highlighting', 'bookmarking', 'classifying', 'describing', 'identifying', 'moderating', 'editing'])(
    'every W3C motivation is read: %s',
    (motivation) => {
      expect(errorsOf(note({ motivation }))).toEqual([]);
    },
  );

  test('a motivation the W3C model does not define is rejected, naming the field', () => {
    expect(errorsOf(note({ motivation: 'liking' })).map((e) => e.field)).toEqual(['motivation']);
  });
});
