/**
 * The curated notes held to the research brief they come from (../shared/research/kavbiuro-brief.md): each note's
 * certainty within what the brief's confidence tags allow for the claim it is about, and every name, work and page
 * in the notes found in the brief. The table below says which section of the brief each note rests on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { AnnotationCollection, SourceLink, TextualBody } from '../../../src/anchoring/annotation-types.ts';

const collection = JSON.parse(readFileSync(new URL('../../../annotations/kavbiuro.jsonld', import.meta.url), 'utf8')) as AnnotationCollection;
const notes = collection.first.items;
const briefUrl = new URL('../../../../shared/research/kavbiuro-brief.md', import.meta.url);
const brief = existsSync(briefUrl) ? readFileSync(briefUrl, 'utf8') : null;

/**
 * Each note (by slug) and the sections of the brief it rests on: claim entries `C1`–`C20`, footnotes `F1`/`F2`,
 * focus topics `4.1`–`4.4`. A note with no section (the editorial remark on a doubled quotation mark) rests on
 * the text alone and may state no certainty.
 */
const SECTIONS: Record<string, string[]> = {
  'lead-definition': ['C1'],
  'founding-date': ['C2'],
  'ordzhonikidze-chairman': ['C3'],
  'kirov-vice-chairman': ['C4'],
  'independent-parties': ['C5', 'F1'],
  'karabagh-armenian-and-disputed': ['C6'],
  'administered-from-baku': ['C7'],
  'armenians-sought-union': ['C8'],
  'ottoman-intervention': ['C9'],
  'british-intervention': ['C10'],
  'azerbaijan-ssr-founded': ['C11'],
  'azerbaijani-promise': ['C12'],
  'endorsed-position': ['C13', '4.3'],
  'date-3-july-1920': ['C13', '4.2'],
  'reversed-two-days-later': ['C14'],
  'doubled-quotation-mark': [],
  'quoted-reasoning': ['C15', '4.1'],
  'stalin-narimanov-attribution': ['C16', '4.1'],
  'narimanov-title': ['C17'],
  'maintained-despite-protests': ['C18'],
  'myasnikyan-occasion': ['C19', '4.4'],
  'myasnikyan-quotation': ['C20', '4.4'],
  'footnote-1-altstadt': ['F1'],
  'footnote-2-suny': ['F2'],
};

const RANK = { low: 1, medium: 2, high: 3 } as const;

/** The text of section `id` of the brief (from its heading to the next heading of the same or a higher level). */
function section(id: string): string {
  const heading = /^\d/.test(id) ? `### ${id} ` : `### ${id}. `;
  const start = brief!.indexOf(heading);
  if (start < 0) throw new Error(`the brief has no section ${id}`);
  const next = brief!.slice(start + heading.length).search(/^#{2,3} /m);
  return next < 0 ? brief!.slice(start) : brief!.slice(start, start + heading.length + next);
}

/** The confidence tags used in `text`: `[V]`, `[V-p: S3]`, `[V/V-p: …]`, `[T]/[V]`… */
function tagsIn(text: string): Set<string> {
  const tags = new Set<string>();
  for (const m of text.matchAll(/\[([^\]]*)\]/g)) {
    for (const part of m[1]!.split(/[;,]/)) {
      const head = part.trim().split(/[:\s]/)[0]!;
      for (const t of head.split('/')) if (['V', 'V-p', 'T', 'G', 'N'].includes(t)) tags.add(t);
    }
  }
  return tags;
}

/**
 * The most certainty the brief's tags allow: `high` only where a point was verified against a public page (`V`),
 * is not contested and the note does not rest on general knowledge too (`G` among its evidence); `medium` where
 * the best evidence is partisan or tertiary (`V-p`, `T`), the point is contested or partly general knowledge;
 * `low` where it is only general knowledge or unchecked (`G`, `N`).
 */
function allowed(tags: Set<string>, contested: boolean, evidence: readonly string[]): keyof typeof RANK {
  if (tags.has('V') && !contested && !evidence.includes('G')) return 'high';
  if (tags.has('V') || tags.has('V-p') || tags.has('T')) return 'medium';
  return 'low';
}

const slugOf = (id: string) => id.replace('urn:apparatus:kavbiuro:', '');
const texts = (n: (typeof notes)[number]) => (n.body ?? []).filter((b): b is TextualBody => b.type === 'TextualBody').map((b) => b.value);
const citations = (n: (typeof notes)[number]) => [
  ...(n.body ?? []).filter((b): b is SourceLink => b.type === 'SpecificResource').map((b) => b.citation ?? ''),
  ...(n.positions ?? []).map((p) => p.citation),
];

/** The check of each note against the brief, as a list of problems (empty when the note holds). */
export function problemsOf(n: (typeof notes)[number]): string[] {
  const problems: string[] = [];
  const slug = slugOf(n.id);
  const ids = SECTIONS[slug];
  if (!ids) return [`${slug}: not in the table of the brief's sections`];
  const scope = ids.map(section).join('\n');
  const tags = tagsIn(scope);
  if (ids.length === 0) {
    if (n.certainty !== undefined) problems.push(`${slug}: states certainty "${n.certainty}" with no evidence in the brief`);
    if (n.verdict !== undefined) problems.push(`${slug}: gives verdict "${n.verdict}" with no evidence in the brief`);
  } else if (n.certainty !== undefined) {
    const most = allowed(tags, n.verdict === 'contested', n.evidence ?? []);
    if (RANK[n.certainty] > RANK[most]) problems.push(`${slug}: certainty "${n.certainty}" exceeds "${most}" allowed by the brief's tags ${[...tags].join(', ')}`);
  }
  for (const t of n.evidence ?? []) if (!tags.has(t)) problems.push(`${slug}: evidence ${t} is not among the brief's tags for ${ids.join(', ')}`);
  // Pages: every page a note cites occurs in the brief; where its sections give a page for a source, that page.
  for (const c of [...texts(n), ...citations(n)]) {
    for (const m of c.matchAll(/\bpp?\. (\d+)/g)) {
      const page = m[1]!;
      if (!new RegExp(`(?:\\bpp?\\.|\\bpages?)\\s+(?:\\d+(?:,\\s*|\\s+and\\s+|[–-]))*${page}\\b`).test(brief!)) problems.push(`${slug}: page ${page} is not in the brief`);
    }
  }
  for (const m of scope.matchAll(/(S\d+) p\. (\d+)/g)) {
    const [, source, page] = m;
    const register = brief!.split('\n').find((line) => line.startsWith(`| ${source} |`)) ?? '';
    const label = register.split('|')[2]?.trim().slice(0, 25).replace(/[*"]/g, '') ?? '';
    for (const c of citations(n)) {
      if (label && c.replace(/[*"]/g, '').includes(label.slice(0, 20)) && /\bp\. \d+/.test(c) && !c.includes(`p. ${page}`)) {
        problems.push(`${slug}: cites ${source} at ${/\bp\. \d+/.exec(c)![0]} where the brief gives p. ${page}`);
      }
    }
  }
  return problems;
}

/** Month names: dates are written out in the notes and abbreviated in the brief ("30 October" / "30 Oct"). */
const MONTHS = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);

/** Capitalised words of `text` not at the start of a sentence: names of people, places, bodies and works. */
function names(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![.!?:;]\s|^|["“(]|\p{L})\p{Lu}[\p{L}'’-]{2,}/gu)) {
    const word = m[0].replace(/['’]s$/, '');
    if (!MONTHS.has(word)) out.push(word);
  }
  return out;
}

describe.skipIf(brief === null)('the curated notes held to the research brief', () => {
  test('every note is in the table, and the table names sections the brief has', () => {
    expect(notes.map((n) => slugOf(n.id)).sort()).toEqual(Object.keys(SECTIONS).sort());
    for (const ids of Object.values(SECTIONS)) for (const id of ids) expect(() => section(id)).not.toThrow();
  });

  test("each note's certainty stays within the brief's tags, and its evidence codes are the brief's for that claim", () => {
    expect(notes.flatMap(problemsOf)).toEqual([]);
  });

  test('the check can fail: a [G] point stated with high certainty, a page the brief does not give, a verdict on a typo', () => {
    const byslug = (s: string) => notes.find((n) => slugOf(n.id) === s)!;
    expect(problemsOf({ ...byslug('karabagh-armenian-and-disputed'), certainty: 'high' })).toEqual([
      expect.stringMatching(/certainty "high" exceeds "medium"/),
    ]);
    const promise = byslug('azerbaijani-promise');
    const wrongPage = { ...promise, positions: promise.positions!.map((p) => ({ ...p, citation: p.citation.replace('p. 16', 'p. 18') })) };
    expect(problemsOf(wrongPage)).toEqual([expect.stringMatching(/cites S5 at p\. 18 where the brief gives p\. 16/)]);
    expect(problemsOf({ ...byslug('doubled-quotation-mark'), verdict: 'likely-erroneous', certainty: 'medium' })).toHaveLength(2);
    expect(problemsOf({ ...byslug('founding-date'), evidence: ['V', 'G'] })).toContainEqual(expect.stringMatching(/evidence G is not among/));
  });

  test('every name and work in the notes occurs in the brief', () => {
    const missing = new Set<string>();
    for (const n of notes) {
      const words = [...texts(n), ...citations(n), ...(n.positions ?? []).flatMap((p) => [p.holder, p.view, p.perspective ?? ''])];
      for (const w of words.flatMap(names)) if (!brief!.includes(w)) missing.add(w);
    }
    expect([...missing].sort()).toEqual([]);
  });
});

describe('what the brief flags, the notes say', () => {
  const note = (slug: string) => texts(notes.find((n) => slugOf(n.id) === slug)!).join(' ');
  test('the 4–0–3 count is the resolution\'s, and Makharadze\'s attendance on 5 July is disputed', () => {
    expect(note('quoted-reasoning')).toMatch(/resolution was carried by 4 votes for and 3 abstentions/);
    expect(note('quoted-reasoning')).toMatch(/Makharadze was present on 5 July/);
  });
  test('the reversal was moved by Ordzhonikidze and Nazaretyan, and Narimanov\'s own part is disputed', () => {
    expect(note('stalin-narimanov-attribution')).toMatch(/Ordzhonikidze and Nazaretyan moved to reconsider/);
    expect(note('stalin-narimanov-attribution')).toMatch(/Narimanov's own part in it is disputed/);
  });
  test('the Kirov and independent-parties sentences remain unconfirmed', () => {
    expect(note('kirov-vice-chairman')).toMatch(/remains unconfirmed/);
    expect(note('independent-parties')).toMatch(/remains unconfirmed/);
  });
  test('the editors take no side and state no general-knowledge point as fact', () => {
    expect(note('azerbaijani-promise')).not.toMatch(/a choice, not a transfer/);
    expect(note('karabagh-armenian-and-disputed')).toMatch(/general knowledge/);
    expect(note('myasnikyan-quotation')).toMatch(/general-knowledge reading/);
    expect(note('footnote-1-altstadt')).not.toMatch(/sympathetic/);
  });
});
