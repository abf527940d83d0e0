/**
 * The research brief behind the curated Kavbiuro notes (../shared/research/kavbiuro-brief.md), as data: for each
 * note, the brief's claims it states, each with the brief's section and confidence tag, and what the brief requires
 * the note to say or not to say. `briefProblems` checks a collection of notes against this table and the brief's
 * text, and returns the problems found (none when the notes hold): certainty within the tags, general-knowledge
 * and unchecked points hedged, pages as the brief gives them, every person, work and page found in the brief.
 */
import type { Annotation, Certainty, SourceLink, TextualBody } from '../../../src/anchoring/annotation-types.ts';

export type Tag = 'V' | 'V-p' | 'T' | 'G' | 'N';

/** One claim of the brief that a note states. */
export interface BriefClaim {
  /** The brief's section: `C1`–`C20`, `F1`, `F2` (claim entries), `4.1`–`4.4` (focus topics). */
  section: string;
  tag: Tag;
  claim: string;
  /** The note's verdict rests on it, so the note can be no surer than this claim's tag allows. */
  basis?: true;
  /** Where the note states it (a `G` or `N` claim must be stated with a hedge in that sentence). */
  words?: RegExp;
  /** The source (register id) and page the brief gives for it: the note must cite that source at that page. */
  source?: string;
  page?: string;
}

/** What the brief requires a note to say (`must`) or not to say (`mustNot`), with the section that says so. */
export interface BriefRequirement {
  section: string;
  must?: RegExp;
  mustNot?: RegExp;
  why: string;
}

const c = (section: string, tag: Tag, claim: string, more: Partial<BriefClaim> = {}): BriefClaim => ({ section, tag, claim, ...more });
const B = { basis: true } as const;

/** The table: every curated note (by slug) and the brief's claims it states. A note with none states no certainty. */
export const BRIEF_CLAIMS: Record<string, BriefClaim[]> = {
  'lead-definition': [c('C1', 'V', 'created by a Central Committee plenum in April 1920 as its plenipotentiary organ', B), c('C1', 'T', 'the current revision rewords "subordination"', B)],
  'founding-date': [c('C2', 'V', 'Central Committee plenum decision of 8 April 1920', B), c('C2', 'N', 'the Altstadt page was not checked', { words: /Altstadt/ })],
  'ordzhonikidze-chairman': [
    c('C3', 'V-p', 'June 1920 Chicherin telegram to him as head of the bureau', B), c('C3', 'V-p', 'heads the member list of the July 1921 protocols', B),
    c('C3', 'V', 'chaired the predecessor bodies in February–March 1920'), c('C3', 'G', 'he was Georgian', { words: /Georgian/ }),
  ],
  'kirov-vice-chairman': [
    c('C4', 'G', 'Kavbiuro vice-chairmanship from 8 April 1920', { ...B, words: /vice-chairman/ }),
    c('C4', 'V', "Ordzhonikidze's deputy in the North Caucasus bureau of 3 Feb 1920"), c('C4', 'T', 'deputy chairman of the North Caucasus Revkom'),
    c('C4', 'T', 'stage-managed the Sovietisation of Baku'), c('C4', 'V', 'RSFSR envoy in Georgia from mid-1920'),
    c('C4', 'V-p', 'Kavbiuro member at the July 1921 plenum'), c('C4', 'T', 'First Secretary in Azerbaijan from July 1921'),
  ],
  'independent-parties': [
    c('C5', 'T', 'parties of 30 June 1920 subordinated to the bureau', B), c('C5', 'V-p', 'attachment to protocol No. 8 on "nationalistically communist" groups'),
    c('F1', 'N', 'the cited Altstadt page was not checked', { words: /Altstadt/ }),
  ],
  'karabagh-armenian-and-disputed': [
    c('C6', 'V', 'Saparov: Armenian-populated mountainous Karabakh in a Turkic-majority guberniya', B), c('C6', 'T', '1926 census: 89.2% Armenians', B),
    c('C6', 'G', 'the wider region mixed, with Muslim majorities in the lowland districts', { words: /lowland/ }),
  ],
  'administered-from-baku': [c('C7', 'T', 'Elizavetpol governorate from 1868', B), c('C7', 'V-p', 'Karabagh in Elizavetpol province in 1918'), c('C7', 'V', 'Saparov: Elizavetpol guberniya')],
  'armenians-sought-union': [
    c('C8', 'V-p', 'First Assembly of Karabagh Armenians, 22–24 July 1918', B), c('C8', 'T', 'provisional Azerbaijani rule accepted in 1919', B),
    c('C8', 'G', 'the date of that agreement, 22 Aug 1919', { words: /August 1919/ }),
  ],
  'ottoman-intervention': [c('C9', 'V-p', 'the 1918 Ottoman campaign; Shusha submitted, villages resisted', B), c('C9', 'V-p', 'Turkish and Azerbaijani framing as liberation')],
  'british-intervention': [c('C10', 'V-p', 'Ottoman withdrawal after Mudros; British in Baku', B), c('C10', 'V-p', "British-backed appointment of Sultanov, 15 Jan 1919", B), c('C10', 'T', "Sultanov's term of office")],
  'azerbaijan-ssr-founded': [c('C11', 'T', 'Azrevkom 27 April, Soviet rule 28 April 1920', B), c('C11', 'V-p', 'the same, in Hasanly')],
  'azerbaijani-promise': [
    c('C12', 'V-p', "Narimanov's declaration: Zangezur and Nakhichevan to Armenia, self-determination for Nagorno-Karabakh", B),
    c('C12', 'V-p', "a version in Yerevan's Kommunist, 7 Dec 1920, counting all three as Armenian", { words: /Kommunist/ }),
    c('C12', 'V-p', 'an Armenian-perspective text: Stalin publicly confirmed the step', { source: 'S5', page: '16' }),
    c('C12', 'G', 'the underlying Stalin article (Pravda, 4 Dec 1920)', { words: /Pravda/ }),
    c('C12', 'V', 'Soviet envoys promised the disputed lands to both sides'), c('C12', 'V-p', 'Hasanli: the declaration contradicted a party decision of 30 Nov 1920'),
  ],
  'endorsed-position': [c('4.3', 'V-p', 'secret point of 3 June 1921 (protocol No. 6)', B), c('4.3', 'T', 'the same, per the Wikipedia biography', B), c('4.3', 'V-p', 'vote of 4 July 1921 for inclusion in the Armenian SSR')],
  'date-3-july-1920': [
    c('4.2', 'V', 'the decisions were taken on 4 and 5 July 1921', B), c('4.2', 'V-p', 'Armenia not yet Soviet in July 1920'),
    c('C13', 'V-p', "Chicherin's telegram of 19 July 1920"), c('4.2', 'V', 'S30 repeats "3 July 1921 … two days later"'),
  ],
  'reversed-two-days-later': [c('C14', 'V-p', 'reversed at the session of 5 July 1921', B), c('C14', 'V', 'the Russian book: "unexpectedly" returned to the question on 5 July', B)],
  'doubled-quotation-mark': [],
  'quoted-reasoning': [
    c('C15', 'V-p', 'translations of the 5 July minutes give the same three grounds', B), c('C15', 'V', 'the Russian text quoted in S13'),
    c('C15', 'V-p', 'the resolution: 4 for, 3 abstentions; moved by Ordzhonikidze and Nazaretyan'),
    c('4.1', 'V-p', "the translations disagree on Makharadze's attendance on 5 July", { words: /Makharadze/ }),
    c('C15', 'N', "Suny's article was not reached", { words: /Suny/ }),
  ],
  'stalin-narimanov-attribution': [
    c('4.1', 'V-p', 'Narimanov voted on 4 July to keep Karabakh in Azerbaijan', B), c('4.1', 'V-p', 'Stalin present on both days, recorded neither moving, speaking nor voting', B),
    c('4.1', 'V', 'Saparov: no direct evidence that Stalin made the decision'), c('4.1', 'T', 'Robert Service, as paraphrased in a Wikipedia mirror'),
  ],
  'narimanov-title': [c('C17', 'V', 'chaired Azrevkom 16 May 1920 – 19 May 1921, then Sovnarkom', B), c('C17', 'T', 'Azrevkom formed while he was away'), c('C17', 'V-p', 'at the July 1921 plenum as a member')],
  'maintained-despite-protests': [
    c('C18', 'V-p', 'the Armenian Central Committee on 16 July 1921', B), c('C18', 'T', 'NKAO created on 7 July 1923', B),
    c('C18', 'V', 'the same, per Sanamyan'), c('C18', 'V-p', 'Azerbaijani presidium of 19 July 1921'),
  ],
  'myasnikyan-occasion': [
    c('C19', 'V-p', 'the remark dates from January 1922', B), c('C19', 'T', 'chaired the Armenian Sovnarkom 1921–22'),
    c('C19', 'N', '"the last session" read as the July 1921 plenum', { words: /the last session/ }),
  ],
  'myasnikyan-quotation': [
    c('C20', 'V-p', 'Hasanli gives the same two sentences and dates them to January 1922', B), c('C20', 'T', 'the Wikipedia biography reports the kerosene threat'),
    c('C20', 'G', 'who Aharonian, Topchubashov and Chkhenkeli were', { words: /Aharonian, Topchubashov and Chkhenkeli/ }),
    c('C20', 'V', "Topchubashov's role at the Paris Peace Conference"),
    c('C20', 'G', '"kerosene" as leverage through Baku oil', { words: /oil products/ }),
    c('F2', 'N', "the exact English wording against Suny's article", { words: /Suny/ }),
  ],
  'footnote-1-altstadt': [
    c('F1', 'N', 'the relevant pages of Altstadt 1992 were not reached', B), c('F1', 'V', 'the book exists as cited'),
    c('F1', 'V-p', 'an Azerbaijani site quotes her on the Peace Conference'), c('F1', 'T', 'a Wikipedia mirror reports her view of the 1923 borders'),
  ],
  'footnote-2-suny': [c('F2', 'N', "Suny's 1989 article was not reached", B), c('F2', 'V', 'Looking Toward Ararat exists (metadata)')],
};

/** What the brief requires of particular notes (issue 12 §6). */
export const BRIEF_REQUIREMENTS: Record<string, BriefRequirement[]> = {
  'azerbaijani-promise': [{ section: 'C12', mustNot: /a choice, not a transfer/i, why: 'the editors take no side on whether the declaration was a promise of union' }],
  'endorsed-position': [
    { section: '4.3', mustNot: /plebiscite/i, why: "the brief's suggested note has no plebiscite" },
    { section: '1', mustNot: /no such endorsement/i, why: 'the brief says only that neither decision was taken in 1920' },
  ],
  'quoted-reasoning': [
    { section: 'C15', must: /resolution[^.;]*4 votes for and 3 abstentions/, why: 'the 4–0–3 vote belongs to the resolution' },
    { section: '4.1', must: /Makharadze[^.]*5 July/, why: "Makharadze's attendance on 5 July is disputed (it bears on the count)" },
  ],
  'stalin-narimanov-attribution': [
    { section: '4.1', must: /Ordzhonikidze and Nazaretyan moved to reconsider/, why: 'the reversal was moved by Ordzhonikidze and Nazaretyan' },
    { section: '4.1', must: /Narimanov's own part[^.]*disputed/, why: "Narimanov's own causal role is disputed" },
    { section: '4.1', must: /chapter title/, why: "the Tarasov position as the brief qualifies it (per his chapter title and Hasanli's rebuttal)" },
    { section: '4.3', must: /reportedly with Narimanov's support[^.]*Narimanov did not comment/, why: "the ombudsman's claim as the brief qualifies it (reportedly; Hasanli: Narimanov did not comment at the time)" },
  ],
  'kirov-vice-chairman': [
    { section: 'C4', must: /remains unconfirmed/, why: 'the Kavbiuro vice-chairmanship was not found on a page' },
    { section: 'C4', mustNot: /\bconsulted\b|\bI could\b|could not find/i, why: 'describe the evidence, not the research process' },
  ],
  'doubled-quotation-mark': [
    { section: 'issue 12 §6', must: /^Editorial remark/, why: 'an editorial remark on the typography' },
    { section: 'issue 12 §6', mustNot: /\bfault\b|\berror\b|\bwrong\b|erroneous/i, why: 'no verdict on a typographical slip' },
  ],
  'independent-parties': [{ section: 'C5', must: /remains unconfirmed/, why: 'the cited page was not checked' }],
  'footnote-1-altstadt': [{ section: 'F1', mustNot: /sympathetic|Altstadt's reading/i, why: 'the brief never read the book: report others\' reports, do not characterise it' }],
};

/** Words that mark a point as unchecked, general knowledge or unconfirmed. */
const HEDGE = /general[- ]knowledge|common knowledge|not (?:itself )?checked|unchecked|unconfirmed|not compared|generally|could not|is said|reportedly|unverified/i;

const CAP: Record<Tag, Certainty> = { V: 'high', 'V-p': 'medium', T: 'medium', G: 'low', N: 'low' };
const RANK: Record<Certainty, number> = { low: 1, medium: 2, high: 3 };

export const slugOf = (id: string) => id.replace(/^urn:apparatus:kavbiuro:/, '');
const texts = (n: Annotation) => (n.body ?? []).filter((b): b is TextualBody => b.type === 'TextualBody' && b.purpose !== 'editing').map((b) => b.value);
const links = (n: Annotation) => (n.body ?? []).filter((b): b is SourceLink => b.type === 'SpecificResource');
/** Each citation of a note with the URL it points to (links and positions). */
const citations = (n: Annotation) => [
  ...links(n).map((l) => ({ citation: l.citation ?? '', url: l.source })),
  ...(n.positions ?? []).map((p) => ({ citation: p.citation, url: p.url ?? '' })),
];

/** The brief, read for what the checks need. */
export class Brief {
  private readonly plain: string;
  constructor(readonly text: string) {
    this.plain = text.replace(/[*_`]/g, '');
  }
  /** The text of a section: a claim entry `C6`/`F1` or a focus topic `4.1`, or a headline finding `1`. */
  section(id: string): string {
    const heading = /^\d+\.\d+$/.test(id) ? `### ${id} ` : /^\d+$/.test(id) ? '## 1. Headline findings' : `### ${id}. `;
    const start = this.text.indexOf(heading);
    if (start < 0) throw new Error(`the brief has no section ${id}`);
    const rest = this.text.slice(start + heading.length);
    const next = rest.search(/^#{2,3} /m);
    return next < 0 ? this.text.slice(start) : this.text.slice(start, start + heading.length + next);
  }
  has(words: string): boolean {
    const norm = (s: string) => s.replace(/[*_`]/g, '').replace(/[“”]/g, '"').replace(/[‘’]/g, "'").toLowerCase();
    return norm(this.plain).includes(norm(words));
  }
  /** The register row (§2) of the source read at `url`, with its id: exact URL, or the URL of another page of it. */
  register(url: string): { id: string; row: string } | undefined {
    const rows = this.text.split('\n').filter((l) => /^\| S\d+ \|/.test(l));
    const decoded = safeDecode(url);
    const row = rows.find((r) => r.includes(url) || r.includes(decoded)) ?? rows.find((r) => r.includes(decoded.replace(/\d+\/?$/, '')));
    return row ? { id: /^\| (S\d+) /.exec(row)![1]!, row } : undefined;
  }
  /** Whether the brief gives page `page` for source `id` (its register row, or "S5 p. 16" anywhere). */
  pageOf(id: string | undefined, row: string | undefined, page: string): boolean {
    const listed = (s: string) => new RegExp(`(?:\\bpp?\\.|\\bpages?)\\s+(?:\\d+(?:,\\s*|\\s+and\\s+|[–-]))*${page}\\b`).test(s);
    if (id === undefined) return listed(this.text);
    return listed(row ?? '') || new RegExp(`\\b${id} pp?\\. (?:\\d+(?:,\\s*|[–-]))*${page}\\b`).test(this.text);
  }
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

const sentences = (t: string) => t.split(/(?<=[.!?])\s+(?=["“(]?\p{Lu})/u);

/** Pages cited in `text`: "p. 16", "pp. 12–14", "pp. 49, 53". */
export function pagesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\bpp?\. (\d+(?:(?:[–-]|,\s*)\d+)*)/g)) out.push(...m[1]!.split(/[–-]|,\s*/));
  return out;
}

/** People named in a note: position holders (up to their first qualifier) and citations' authors ("J. Hasanli"). */
export function peopleIn(n: Annotation): string[] {
  const out: string[] = [];
  for (const p of n.positions ?? []) {
    const name = p.holder.split(/,| \(| as | at /)[0]!.trim();
    if (/^\p{Lu}/u.test(name)) out.push(name);
  }
  for (const { citation } of citations(n)) for (const m of citation.matchAll(/(?:\b\p{Lu}\. )+(\p{Lu}[\p{L}'-]+)/gu)) out.push(m[1]!);
  return out;
}

/** Titles of works in citations: quoted titles (up to a "…"), Cyrillic titles, and the title after an author. */
export function titlesIn(n: Annotation): string[] {
  const out: string[] = [];
  for (const { citation } of citations(n)) {
    for (const m of citation.matchAll(/"([^"]+)"/g)) out.push(m[1]!.split('…')[0]!.trim());
    for (const m of citation.matchAll(/[\p{Script=Cyrillic}][\p{Script=Cyrillic}\s«»–.\d]*[\p{Script=Cyrillic}»]/gu)) out.push(m[0]);
    for (const m of citation.matchAll(/(?:\b\p{Lu}\. )+\p{Lu}[\p{L}-]+, ([^,("]+)/gu)) if (/^\p{Lu}/u.test(m[1]!)) out.push(m[1]!.trim());
    for (const m of citation.matchAll(/\bfrom (\p{Lu}[^(,]+?) \(/gu)) out.push(m[1]!);
  }
  return out;
}

/** Capitalised words of `text` not at a sentence start: names of people, places, bodies and works. */
export function properWordsIn(text: string): string[] {
  const MONTHS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![.!?:;]\s|^|["“(]|\p{L})\p{Lu}[\p{L}'’-]{2,}/gu)) {
    const word = m[0].replace(/['’]s$/, '');
    if (!MONTHS.test(word)) out.push(word);
  }
  return out;
}

/** Every problem of `notes` against the brief and the table: empty when they hold. */
export function briefProblems(notes: readonly Annotation[], brief: Brief): string[] {
  const problems: string[] = [];
  for (const n of notes) {
    const slug = slugOf(n.id);
    const claims = BRIEF_CLAIMS[slug];
    if (!claims) {
      problems.push(`${slug}: not in the table of the brief's claims`);
      continue;
    }
    const body = texts(n).join(' ');
    // The table cites the brief: each claim's tag is among the tags of the section it names.
    for (const cl of claims) if (!brief.section(cl.section).includes(`[${cl.tag}`) && !new RegExp(`[/\\[ ]${cl.tag.replace('-', '\\-')}[\\]/:;]`).test(brief.section(cl.section))) problems.push(`${slug}: the brief's ${cl.section} has no [${cl.tag}] for "${cl.claim}"`);
    // Certainty within the tags: no surer than the weakest claim the verdict rests on; a contested point stays open.
    if (claims.length === 0) {
      if (n.certainty !== undefined) problems.push(`${slug}: certainty "${n.certainty}" on no claim of the brief`);
      if (n.verdict !== undefined) problems.push(`${slug}: verdict "${n.verdict}" on no claim of the brief`);
    } else {
      const basis = claims.filter((cl) => cl.basis);
      let most: Certainty = basis.map((cl) => CAP[cl.tag]).reduce((a, b) => (RANK[a] <= RANK[b] ? a : b), 'high');
      if (n.verdict === 'contested' && most === 'high') most = 'medium';
      if (n.certainty === undefined) problems.push(`${slug}: no certainty`);
      else if (RANK[n.certainty] > RANK[most]) problems.push(`${slug}: certainty "${n.certainty}" exceeds "${most}", the most its claims' tags allow (${basis.map((cl) => `${cl.section} [${cl.tag}]`).join(', ')})`);
    }
    // Evidence codes: those of the claims it states, and every general-knowledge or unchecked point declared.
    const tags = new Set(claims.map((cl) => cl.tag));
    for (const t of n.evidence ?? []) if (!tags.has(t as Tag)) problems.push(`${slug}: evidence ${t} is not the tag of any of its claims`);
    for (const cl of claims) if ((cl.tag === 'G' || cl.tag === 'N') && !(n.evidence ?? []).includes(cl.tag)) problems.push(`${slug}: states a [${cl.tag}] point ("${cl.claim}") without ${cl.tag} among its evidence`);
    // [G] and [N] points are not stated as fact: the sentence that states one hedges it.
    for (const cl of claims) {
      if (!cl.words || (cl.tag !== 'G' && cl.tag !== 'N')) continue;
      const stating = [body, ...(n.positions ?? []).map((p) => p.view)].flatMap(sentences).filter((s) => cl.words!.test(s));
      if (stating.length === 0) problems.push(`${slug}: does not state "${cl.claim}" (${cl.section})`);
      for (const s of stating) if (!HEDGE.test(s)) problems.push(`${slug}: states the [${cl.tag}] point "${cl.claim}" (${cl.section}) as fact: "${s}"`);
    }
    // The page the brief gives for a claim's source is the page the note cites it at.
    for (const cl of claims) {
      if (!cl.source || !cl.page) continue;
      const cited = citations(n).filter((x) => brief.register(x.url)?.id === cl.source);
      if (cited.length === 0) problems.push(`${slug}: does not cite ${cl.source} for "${cl.claim}"`);
      for (const x of cited) for (const p of pagesIn(x.citation)) if (p !== cl.page) problems.push(`${slug}: cites ${cl.source} at p. ${p} where the brief gives p. ${cl.page} (${cl.section})`);
    }
    // What the brief requires the note to say, or not to say.
    const all = [body, ...(n.positions ?? []).map((p) => p.view)].join(' ');
    for (const r of BRIEF_REQUIREMENTS[slug] ?? []) {
      if (r.must && !r.must.test(all)) problems.push(`${slug}: ${r.why} (${r.section})`);
      if (r.mustNot && r.mustNot.test(all)) problems.push(`${slug}: ${r.why} (${r.section}): "${r.mustNot.exec(all)![0]}"`);
    }
    // Every person, work and page in the note occurs in the brief.
    for (const person of peopleIn(n)) for (const w of person.split(/\s+/)) if (/^\p{Lu}/u.test(w) && !brief.has(w)) problems.push(`${slug}: person "${person}" is not in the brief`);
    for (const title of titlesIn(n)) if (!brief.has(title)) problems.push(`${slug}: work "${title}" is not in the brief`);
    for (const x of citations(n)) {
      const reg = brief.register(x.url);
      for (const p of pagesIn(x.citation)) if (!brief.pageOf(reg?.id, reg?.row, p)) problems.push(`${slug}: page ${p} of ${reg?.id ?? x.url} is not in the brief`);
    }
    for (const p of pagesIn(body)) if (!brief.pageOf(undefined, undefined, p)) problems.push(`${slug}: page ${p} is not in the brief`);
    const words = [body, ...(n.positions ?? []).flatMap((p) => [p.holder, p.view, p.perspective ?? ''])].flatMap(properWordsIn);
    for (const w of new Set(words)) if (!brief.has(w)) problems.push(`${slug}: name "${w}" is not in the brief`);
  }
  return problems;
}
