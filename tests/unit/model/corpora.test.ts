import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { importText } from '../../../src/model/import-text.ts';
import { allViolations, claimMarkTexts } from './import-invariants.ts';
import { buildDoc } from '../../../src/model/build-doc.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const shared = resolve(root, process.env['APPARATUS_SHARED'] ?? '../shared');
const dir = join(shared, 'corpora');
const present = existsSync(dir);
const files = present ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort() : [];
if (!present) console.warn(`corpora tests skipped: ${dir} is absent (set APPARATUS_SHARED)`);

/** The work's language: the corpora name German articles `*-de.txt`. */
const languageOf = (file: string) => (file.endsWith('-de.txt') ? 'de' : 'en');

describe.skipIf(!present)(`importing every text in ${dir}`, () => {
  test('there are corpora to import', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  describe.each(files)('%s', (file) => {
    const raw = readFileSync(join(dir, file));
    const input = raw.toString('utf8');
    const imported = importText(raw, { language: languageOf(file) });

    test('has body blocks and a reference list with one entry per `  N. ` line', () => {
      expect(imported.blocks.length).toBeGreaterThan(0);
      const entryLines = input.split('\n').filter((l) => /^ {2}\d+\. /.test(l)).length;
      expect(imported.references.length).toBe(entryLines);
      expect(imported.references.map((r) => r.label)).toEqual(imported.references.map((_, i) => String(i + 1)));
    });

    test('nothing lost, every marker resolved or reported, claims sound, the document agrees', () => {
      expect(allViolations(input, imported)).toEqual([]);
    });

    test('the body is the input before the reference list, non-space characters in order', () => {
      const firstEntry = input.search(/^ {2}1\. /m);
      expect(firstEntry).toBeGreaterThan(0);
      const body = imported.blocks.map((b) => b.text).join('');
      expect(body.replace(/\s+/g, '')).toBe(input.slice(0, firstEntry).replace(/\s+/g, ''));
    });

    test('the only problems are uncited entries (the corpora cite some only from dropped tables)', () => {
      expect(imported.problems.filter((p) => p.kind !== 'uncited-reference')).toEqual([]);
    });

    test('bracketed notes stay text: only `[N]` becomes a marker', () => {
      const notes = input.slice(0, input.search(/^ {2}1\. /m)).match(/\[[^\]\d][^\]]*\]/g) ?? [];
      const doc = buildDoc(imported);
      let text = '';
      doc.descendants((node) => {
        if (node.isText) text += node.text;
        return true;
      });
      for (const note of notes) expect(text).toContain(note);
      const markers = (input.slice(0, input.search(/^ {2}1\. /m)).match(/\[\d+\]/g) ?? []).length;
      expect(imported.citations.length).toBe(markers);
    });

    test('every claim mark covers exactly its claim', () => {
      const marks = claimMarkTexts(buildDoc(imported));
      expect([...marks.keys()].sort()).toEqual(imported.claims.map((c) => c.id).sort());
    });

    test('claim ids are stable on re-import', () => {
      const again = importText(input, { language: languageOf(file) });
      expect(again.claims.map((c) => c.id)).toEqual(imported.claims.map((c) => c.id));
    });
  });
});

describe.skipIf(!present || !files.includes('bazooka-de.txt'))('German sentences in bazooka-de (language de)', () => {
  const imported = present && files.includes('bazooka-de.txt') ? importText(readFileSync(join(dir, 'bazooka-de.txt')), { language: 'de' }) : null;
  const claimWith = (words: string) => imported!.claims.find((c) => c.text.includes(words));

  test.each([
    ['an ordinal date is not a sentence end', 'am 6. November 1918 in Aberdeen'],
    ['an ordinal century is not a sentence end', 'Seit Ende des 18. Jahrhunderts war bekannt'],
    ['a middle initial is not a sentence end', 'Colonel Wiley T. Moore'],
    ['"Dwight D. Eisenhower" stays one name', 'Dwight D. Eisenhower'],
    ['"bzw." is not a sentence end', 'Rauch- bzw. Brandgranate'],
    ['"U.S." is not a sentence end', 'Die U.S. Army'],
  ])('%s', (_why, words) => {
    expect(claimWith(words), words).toBeDefined();
  });

  test('no claim ends at an abbreviation or ordinal (a marker run after it is a cut of its own)', () => {
    const fragments = imported!.claims.filter((c) => /(?:^|\s)(?:\d{1,2}|\p{Lu}|bzw|z\. ?B)\.$/u.test(c.text));
    expect(fragments.map((c) => c.text)).toEqual([]);
  });

  test('real sentence ends still cut', () => {
    const claim = claimWith('Die Rakete wird elektrisch gezündet.');
    expect(claim?.text).toBe('Die Rakete wird elektrisch gezündet.');
  });
});
