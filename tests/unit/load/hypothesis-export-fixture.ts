/**
 * Large Hypothesis API exports for import tests, generated (never committed): `rows` rows in the shape of
 * `tests/fixtures/hypothesis/kavbiuro-search.json`, each quoting a passage of `text` with its prefix, suffix and
 * position, except every `orphanEvery`-th row, whose quote is not in the text (it is imported as unanchored).
 * Deterministic: the same arguments give the same export.
 */

/** Options: `orphanEvery` (default 100; 0 = none), the page `uri` the rows were written on. */
export interface HypothesisExportOptions {
  orphanEvery?: number;
  uri?: string;
}

/** A small deterministic generator (mulberry32), so the export is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The Hypothesis-style id of row `i` (22 characters, unique per row). */
export function hypothesisRowId(i: number): string {
  return `gen${String(i).padStart(8, '0')}Ee-AbCdEfGh`.slice(0, 22);
}

/** A search result `{ total, rows }` of `rows` generated rows on `text` (see the module comment). */
export function hypothesisExport(text: string, rows: number, options: HypothesisExportOptions = {}): { total: number; rows: unknown[] } {
  const uri = options.uri ?? 'https://en.wikipedia.org/wiki/Kavbiuro';
  const orphanEvery = options.orphanEvery ?? 100;
  const next = random(rows);
  const out: unknown[] = [];
  for (let i = 0; i < rows; i++) {
    const orphan = orphanEvery > 0 && i % orphanEvery === orphanEvery - 1;
    const length = 8 + Math.floor(next() * 40);
    const start = Math.floor(next() * (text.length - length));
    const end = start + length;
    const exact = orphan ? `no such passage in the text, row ${i}` : text.slice(start, end);
    const id = hypothesisRowId(i);
    const created = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
    out.push({
      id,
      created,
      updated: created,
      user: `acct:reader${i % 37}@hypothes.is`,
      uri,
      text: `Generated note ${i}: ${i % 3 === 0 ? 'check the date' : i % 3 === 1 ? 'which source says so?' : 'see the protocol'}.`,
      tags: i % 5 === 0 ? ['generated', `batch ${i % 11}`] : [],
      group: '__world__',
      permissions: { read: ['group:__world__'] },
      target: [
        {
          source: uri,
          selector: [
            { type: 'TextPositionSelector', start, end },
            { type: 'TextQuoteSelector', exact, prefix: orphan ? '' : text.slice(Math.max(0, start - 32), start), suffix: orphan ? '' : text.slice(end, end + 32) },
          ],
        },
      ],
      document: { title: ['Kavbiuro - Wikipedia'] },
      links: { html: `https://hypothes.is/a/${id}` },
      user_info: { display_name: `Reader ${i % 37}` },
      flagged: false,
      hidden: false,
    });
  }
  return { total: rows, rows: out };
}
