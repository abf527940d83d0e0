/*
 * The importer's output, byte for byte, over many inputs: the shared corpora, Kavbiuro, every line of them read as
 * a reference entry, the reference cases, and seeded variations of corpus passages with markers, brackets, quotes,
 * dates and identifiers spliced in. Each input's output (importText's result and buildDoc's JSON, or the error) is
 * kept as a SHA-256 in import-output-snapshot.json, so that a change meant to make the importer faster or clearer
 * is shown to change nothing. A change meant to alter the output updates the file (`vitest run -u`), and its
 * commit says why.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { createRng } from '../../../bench/prng.ts';
import { buildDoc } from '../../../src/model/build-doc.ts';
import { findClaims } from '../../../src/model/claims.ts';
import { importText } from '../../../src/model/import-text.ts';
import { parseReference } from '../../../src/model/references.ts';
import { referenceCases } from './reference-cases.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = join(resolve(root, process.env['APPARATUS_SHARED'] ?? '../shared'), 'corpora');
const present = existsSync(dir);

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 20);

function importedHash(input: string, language: string): string {
  try {
    const imported = importText(input, { language });
    return sha(JSON.stringify(imported) + JSON.stringify(buildDoc(imported).toJSON()));
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

/** Pieces spliced into corpus passages: what the importer's cutting and reference reading react to. */
const PIECES = [
  '[1]', '[2][3]', '[', ']', '[n 4]', '[citation needed]', ' (1999) ', '"', '“', '”', ':', '. ', '.[5] ', ' et al. ', ' u. a. ',
  ' (Hrsg.) ', ' ISBN 978-0-306-40615-7 ', ' doi:10.1000/182. ', ' <https://example.org/x>', ' http://a.b/c) ', ' hdl:1234/5678, ',
  ' Retrieved 17 February 2008. ', ' pp. 3–5', ' 12 (3): 4–5', ' In: ', ' (eds.). ', '\n', '\n\n', '\nReferences\n', '\n1. ', '𝔸',
  'É. ', '\n\n[6] ', '\n[7][8]', ' OCLC 123 ', ' OL 45M ', ' abgerufen am 5. Januar 2016', ', S. 7', ' London: Penguin, 2001', '\t', '  ',
];

describe.skipIf(!present)('the importer’s output over many inputs', () => {
  test('is the one recorded in import-output-snapshot.json', async () => {
    const texts: [string, string][] = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
    texts.push(['kavbiuro', readFileSync(join(root, 'corpus/kavbiuro/text.txt'), 'utf8')]);
    const out: Record<string, string> = {};
    for (const [name, text] of texts) for (const language of ['en', 'de']) out[`${name} (${language})`] = importedHash(text, language);
    referenceCases.forEach((c, i) => (out[`reference case ${i}`] = sha(JSON.stringify(parseReference('1', c.text)))));
    // Every line of every text as a reference entry (its own `N. ` label taken off).
    const lines = [...new Set(texts.flatMap(([, t]) => t.split('\n')).filter((l) => l.trim()).map((l) => l.replace(/^\s*\d+\.\s*/, '')))];
    out['lines as reference entries'] = sha(JSON.stringify(lines.map((l) => parseReference('1', l))));
    out['paragraphs as claims'] = sha(JSON.stringify(texts.map(([, t]) => findClaims(t.split('\n').filter((l) => l.trim()).map((text) => ({ text }))))));
    const rng = createRng(7);
    const all = texts.map(([, t]) => t).join('\n');
    for (let i = 0; i < 600; i++) {
      const start = rng.int(0, all.length - 1);
      let s = all.slice(start, start + rng.int(20, 3000));
      for (let k = rng.int(0, 24); k > 0; k--) {
        const at = rng.int(0, s.length);
        s = s.slice(0, at) + rng.pick(PIECES) + s.slice(at);
      }
      if (i % 3 === 0) s += `\n\nReferences\n${s.split('\n').filter(Boolean).slice(0, 5).map((l, n) => `${n + 1}. ${l}`).join('\n')}\n`;
      out[`variation ${i}`] = importedHash(s, i % 5 === 0 ? 'de' : 'en');
      out[`variation ${i} as one entry`] = sha(JSON.stringify(parseReference('1', s.replace(/\n/g, ' '))));
    }
    expect(Object.keys(out).length).toBeGreaterThan(1200);
    await expect(`${JSON.stringify(out, null, 1)}\n`).toMatchFileSnapshot('./import-output-snapshot.json');
  });
});
