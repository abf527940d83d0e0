/**
 * Reads a reference-list entry: its identifiers (ISBN, OCLC, Open Library, handle, DOI, URL) and a CSL-JSON item
 * with as much of author, title, container, volume, issue, pages, publisher, place and year as the entry gives.
 *
 * The entry styles met in Wikipedia text are handled: CS1 (`Last, First (Year). "Title". Container. 12 (3): 4–5.`),
 * the older `First Last (Year), Title, Place: Publisher, ISBN …`, web citations (`"Title". Site. Retrieved …`)
 * and German `Author: Title. Publisher, Year, ISBN …, S. 7`.  Whatever cannot be read is simply not in the item; nothing of
 * the entry is lost: its full text is always kept beside its CSL item.
 */
import type { CslDate, CslItem, CslName, Reference, ReferenceIds } from './reference-types.ts';

/** Removes the punctuation that closes a sentence after an identifier or URL. */
function trimTrailing(value: string): string {
  return value.replace(/[.,;:)\]]+$/, '');
}

function isValidIsbn(digits: string): boolean {
  if (/^\d{9}[\dX]$/.test(digits)) {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += (10 - i) * (digits[i] === 'X' ? 10 : Number(digits[i]));
    return sum % 11 === 0;
  }
  if (/^\d{13}$/.test(digits)) {
    let sum = 0;
    for (let i = 0; i < 13; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(digits[i]);
    return sum % 10 === 0;
  }
  return false;
}

function pushUnique(list: string[], value: string): void {
  if (value && !list.includes(value)) list.push(value);
}

/**
 * The identifiers in `text`. ISBNs are normalised (no hyphens or spaces, upper-case X) and kept only when their
 * check digit is right; DOIs and handles lose closing punctuation; URLs come from `<…>` or bare `http(s)://…`.
 */
export function parseIdentifiers(text: string): ReferenceIds {
  const ids: ReferenceIds = { isbn: [], oclc: [], ol: [], hdl: [], doi: [], url: [] };
  // Most entries carry one or two kinds of identifier: a substring test spares the others' regular expressions.
  const lower = text.toLowerCase();
  if (text.includes('ISBN')) for (const m of text.matchAll(/\bISBN(?:-1[03])?:?\s*((?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx])\b/g)) {
    const digits = m[1]!.replace(/[\s-]/g, '').toUpperCase();
    if (isValidIsbn(digits)) pushUnique(ids.isbn, digits);
  }
  if (text.includes('OCLC')) for (const m of text.matchAll(/\bOCLC:?\s*(\d{1,12})\b/g)) pushUnique(ids.oclc, m[1]!);
  if (text.includes('OL')) for (const m of text.matchAll(/\bOL:?\s*(\d+[MWA])\b/g)) pushUnique(ids.ol, m[1]!);
  if (lower.includes('hdl:')) for (const m of text.matchAll(/\bhdl:\s*(\d[\w.]*\/\S+)/gi)) pushUnique(ids.hdl, trimTrailing(m[1]!));
  if (lower.includes('doi')) for (const m of text.matchAll(/(?:\bdoi:\s*|\bDOI\s+|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/[^\s<>"]+)/gi)) {
    pushUnique(ids.doi, trimTrailing(m[1]!));
  }
  if (text.includes('http')) for (const m of text.matchAll(/<(https?:\/\/[^\s<>]+)>|(?<![<\w])(https?:\/\/[^\s<>"]+)/g)) {
    pushUnique(ids.url, m[1] ?? trimTrailing(m[2]!));
  }
  return ids;
}

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, januar: 1, februar: 2, märz: 3, juni: 6, juli: 7, oktober: 10, dezember: 12,
};

/** A CSL date from `2012-12-23`, `17 February 2008`, `April 2, 2003`, `March 2009` or `1992`; null otherwise. */
export function parseDate(text: string): CslDate | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12 && Number(iso[3]) >= 1 && Number(iso[3]) <= 31) {
    return { 'date-parts': [[Number(iso[1]), Number(iso[2]), Number(iso[3])]] };
  }
  const dmy = /\b(\d{1,2})\.?\s+([A-Za-zä]+)\.?\s+(\d{4})\b/.exec(text);
  if (dmy && MONTHS[dmy[2]!.toLowerCase()] && Number(dmy[1]) >= 1 && Number(dmy[1]) <= 31) {
    return { 'date-parts': [[Number(dmy[3]), MONTHS[dmy[2]!.toLowerCase()]!, Number(dmy[1])]] };
  }
  const mdy = /\b([A-Za-z]+)\s+(\d{1,2}),\s+(\d{4})\b/.exec(text);
  if (mdy && MONTHS[mdy[1]!.toLowerCase()] && Number(mdy[2]) >= 1 && Number(mdy[2]) <= 31) {
    return { 'date-parts': [[Number(mdy[3]), MONTHS[mdy[1]!.toLowerCase()]!, Number(mdy[2])]] };
  }
  const my = /\b([A-Za-z]+)\s+(\d{4})\b/.exec(text);
  if (my && MONTHS[my[1]!.toLowerCase()]) return { 'date-parts': [[Number(my[2]), MONTHS[my[1]!.toLowerCase()]!]] };
  const y = /\b(1[5-9]\d{2}|20\d{2})\b/.exec(text);
  return y ? { 'date-parts': [[Number(y[1])]] } : null;
}

const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'zu', 'ten', 'ter', 'Van', 'Von', 'De', 'al', 'el', 'bin', 'ibn', 'u.', 'a.', 'ed.', 'eds.']);
/** Words that make an author an organisation (kept as a literal name). */
const ORGANISATION = /\b(?:Government|Ministry|Office|Council|Association|University|Department|Museum|Institute|Institution|Press|Agency|Society|Company|Corporation|Foundation|Library|Archives?|Service|Union|Bureau|Commission|Committee|Centre|Center|Organi[sz]ation|Statistics|Parliament|Bank|Trust)\b/;

/** One author string → a CSL name: `Last, First` or `First Last`; organisations stay literal. */
function parseName(raw: string): CslName | null {
  const name = raw.trim().replace(/\s+/g, ' ').replace(/^(?:and|und|&)\s+/, '');
  if (!name || /\d/.test(name)) return null;
  // A name is capitalised words, initials and particles; a lower-case word means this is prose, not a name.
  if (name.split(/[\s,]+/).some((w) => w && !/^[\p{Lu}'(]/u.test(w) && !PARTICLES.has(w))) return null;
  if (ORGANISATION.test(name)) return { literal: name };
  if (name.includes(',')) {
    const [family, given] = name.split(/,\s*/, 2) as [string, string | undefined];
    return given ? { family, given } : { family };
  }
  const words = name.split(' ');
  if (words.length === 1) return { family: name };
  if (words.length > 5) return { literal: name };
  let split = words.length - 1;
  while (split > 1 && PARTICLES.has(words[split - 1]!)) split--;
  return { given: words.slice(0, split).join(' '), family: words.slice(split).join(' ') };
}

/** Authors from the part of an entry before its year or title: `A, B; C, D`, `A B and C D`, `A B with C D`. */
function parseAuthors(raw: string, firstLast = false): CslName[] {
  const cleaned = raw
    .replace(/\bet al\.?/g, '')
    .replace(/\bu\. ?a\./g, '')
    .replace(/\((?:Hrsg|eds?|Hg)\.\)/g, '')
    .replace(/,?\s*\beds?\.\s*$/, '')
    .trim()
    .replace(/(?<!\b\p{Lu})[.,:;]+$/u, '')
    .replace(/[,:;]+$/, '')
    .trim();
  if (!cleaned) return [];
  const parts = cleaned.includes(';')
    ? cleaned.split(';')
    : cleaned.split(firstLast ? /,\s*|\s+(?:and|und|&)\s+/ : /\s+(?:and|und|&|with assistance from|with)\s+/);
  return parts.map(parseName).filter((n): n is CslName => n !== null);
}

/** `text` without a last word that is a bare domain such as `books.google.de` (the site a link pointed to). */
function withoutTrailingDomain(text: string): string {
  const trimmed = text.trimEnd();
  const last = trimmed.slice(trimmed.lastIndexOf(' ') + 1);
  const domain = /[\w.-]+\.(?:de|com|org|net)$/.exec(last);
  return domain && (domain.index === 0 || !/[\w.-]/.test(last[domain.index - 1]!)) ? trimmed.slice(0, trimmed.length - domain[0].length) : text;
}

/** Strips identifiers, URLs and access notes from an entry, leaving the bibliographic description. */
function description(text: string, ids: ReferenceIds): string {
  let d = text
    .replace(/<https?:\/\/[^\s<>]+>/g, '')
    .replace(/\bhttps?:\/\/\S+/g, '')
    .replace(/\b(?:ISBN(?:-1[03])?|OCLC|OL|hdl|doi|DOI|Bibcode|PMID|PMC|ISSN|JSTOR|S2CID|ASIN)[:\s]\s*\S+/g, '');
  d = withoutTrailingDomain(d);
  for (const isbn of ids.isbn) d = d.split(isbn).join('');
  return d.replace(/(?:,\s*)+(?=[.,]|$)/g, '').replace(/\s+/g, ' ').trim().replace(/[,\s]+$/, '');
}

/** Volume, issue and pages from `XXVIII (4): 481–506`, `59: 5–16`, `323 (5913): 510–513`. */
function parseVolume(text: string): Pick<CslItem, 'volume' | 'issue' | 'page'> {
  const m = /(?:^|[.\s])([IVXLCDM]+|\d{1,4})\s*(?:\(([\w–-]+)\))?\s*:\s*(\d+(?:\s*[–-]\s*\d+)?)/.exec(text);
  if (!m) return {};
  const out: Pick<CslItem, 'volume' | 'issue' | 'page'> = { volume: m[1]!, page: m[3]!.replace(/\s/g, '') };
  if (m[2]) out.issue = m[2];
  return out;
}

/** Pages from `p. 89`, `pp. 52–54`, `S. 7, 14, 19`. */
function parsePages(text: string): string | undefined {
  const m = /\b(?:pp?|S)\.\s*((?:\d+|[ivxlcdm]+\b)(?:\s*[–-]\s*\d+)?(?:,\s*\d+(?:\s*[–-]\s*\d+)?)*)/.exec(text);
  return m ? m[1]!.replace(/\s/g, '') : undefined;
}

/** `Place: Publisher` in one of the period-separated sentences; null when none has that shape. */
function parsePublisher(sentences: readonly string[]): { place: string; publisher: string } | null {
  for (const sentence of sentences) {
    const m = /^([A-Z][^:\d]{1,60}):\s*(\S.*)$/.exec(sentence);
    if (m) {
      const publisher = m[2]!.replace(/,\s*(?:\d{4}|S\.|pp?\.).*$/, '').replace(/[.,]$/, '').trim();
      return { place: m[1]!.trim(), publisher };
    }
  }
  return null;
}

/** Entries are parsed up to this many characters. */
const MAX_PARSED = 2000;

/** "Retrieved 2015-05-22", "Retrieved 17 February 2008", "Retrieved April 2, 2003", "abgerufen am 5. Januar 2016". */
const RETRIEVED =
  /\b(?:Retrieved|[Aa]bgerufen am)\s+(\d{4}-\d{2}-\d{2}|\p{L}+\.?\s+\d{1,2},\s+\d{4}|(?:\d{1,2}\.?\s+)?\p{L}+\.?\s+\d{4}|\d{4})/u;

/** Every access note of an entry with its closing full stop, to take out of the description. */
const RETRIEVED_NOTES = new RegExp(`${RETRIEVED.source}\\.?`, 'gu');

/** A short (author–year) citation: "Carboneras 1992, p. 536.", "Madsen, McHugh & de Kloet 1988, pp. 452–3." */
const SHORT_CITE = /^(\p{Lu}[^()"“”\d:;]{1,120}?),?\s+(\d{4})[a-z]?(?:,\s*((?:pp?|S)\.\s*[\divxlcdm][\divxlcdm\s,–-]*|[^.]{1,40}))?\.?$/u;

/** The CSL item of a short citation: authors (family names), year, pages; its title is the short form itself. */
function shortCite(item: CslItem, m: RegExpExecArray, ids: ReferenceIds): CslItem {
  const names = m[1]!.trim();
  const authors = names
    .split(/,\s*|\s+(?:&|and|und)\s+/)
    .map((n) => n.trim())
    .filter(Boolean)
    .map((n): CslName => (ORGANISATION.test(n) || n.split(' ').length > 3 ? { literal: n } : { family: n }));
  if (authors.length) item.author = authors;
  item.title = `${names} ${m[2]}`;
  item.issued = { 'date-parts': [[Number(m[2])]] };
  const page = m[3] ? parsePages(m[3]) : undefined;
  if (page) item.page = page;
  if (ids.url[0]) item.URL = ids.url[0];
  return item;
}

/** Builds a CSL-JSON item for the entry labelled `label`. Never throws; the entry's full text stays in `Reference.text`. */
export function parseCsl(label: string, text: string, ids: ReferenceIds): CslItem {
  const item: CslItem = { id: `ref-${label}`, type: 'document' };
  // Entries far longer than any citation are notes or damage: read only their start (the text itself is kept whole).
  const head = text.length > MAX_PARSED ? text.slice(0, MAX_PARSED) : text;
  const retrieved = RETRIEVED.exec(head);
  let d = description(head, ids).replace(RETRIEVED_NOTES, '');
  d = d.replace(/\bArchived from the original[^.]*\./g, '').trim();

  const short = SHORT_CITE.exec(d);
  if (short) return shortCite(item, short, ids);

  // The year in parentheses after the authors: "Last, First (1989)." or "First Last (1992),"; never inside a
  // quoted title ("… (boundaries at 1 November 2010)").
  const yearParen = /\(((?:[^()]*\s)?(\d{4})[a-z]?)\)[.,]?/.exec(d);
  let authorPart = '';
  let rest = d;
  let firstLast = false;
  if (yearParen && yearParen.index > 0 && yearParen.index < 200 && !/["“”]/.test(d.slice(0, yearParen.index))) {
    authorPart = d.slice(0, yearParen.index);
    rest = d
      .slice(yearParen.index + yearParen[0].length)
      .trim()
      .replace(/^\[[^\]]*\][.,]?\s*/, '');
    item.issued = parseDate(yearParen[1]!) ?? { 'date-parts': [[Number(yearParen[2])]] };
  }
  // A quoted title: the (article, chapter or page) title; what follows it is the container.
  const quoted = /["“]([^"”]+)["”]/.exec(rest);
  let afterTitle = rest;
  if (quoted) {
    if (!authorPart && quoted.index > 0 && !yearParen) authorPart = rest.slice(0, quoted.index);
    item.title = quoted[1]!.replace(/[.]$/, '').trim();
    afterTitle = rest.slice(quoted.index + quoted[0].length).replace(/^\s*\((?:PDF|Press release|Report)\)/i, '');
  } else if (!authorPart) {
    // German style: "Author: Title. Publisher, Year, …"; authors are "First Last", comma-separated, and may
    // carry initials, "u. a." or "(Hrsg.)".
    const colon = /^([^:]{3,80}?):\s+(.*)$/.exec(rest);
    const plain = colon?.[1]!.replace(/\b\p{Lu}\.|\bu\. ?a\.|\((?:Hrsg|Hg|eds?)\.\)/gu, '');
    if (colon && plain !== undefined && !plain.includes('.') && !/^(?:In|Online)$/.test(colon[1]!)) {
      authorPart = colon[1]!;
      rest = colon[2]!;
      firstLast = true;
      if (/\((?:Hrsg|Hg|eds?)\.\)/.test(authorPart)) {
        const editors = parseAuthors(authorPart, true);
        if (editors.length) item.editor = editors;
        authorPart = '';
      }
    }
    afterTitle = rest;
  }
  if (!quoted) {
    // Unquoted title (a book): up to the first comma or full stop.
    // Unquoted title: up to the first comma or full stop; in the "Author: Title. Publisher" style, the full stop.
    const t = (firstLast ? /^(.+?)(?:\.\s+|\.?$)/ : /^(.+?)(?:,\s+|\.\s+|\.?$)/).exec(afterTitle);
    if (t && t[1]) {
      item.title = t[1].trim();
      afterTitle = afterTitle.slice(t[0].length);
    }
  }
  const sentences = afterTitle
    .split(/(?<!\b\p{Lu})\.\s+/u)
    .map((p) => p.trim().replace(/^[.,]\s*/, '').replace(/[.,]$/, ''))
    .filter(Boolean);
  const authors = parseAuthors(authorPart, firstLast);
  if (authors.length) item.author = authors;

  const vol = parseVolume(afterTitle);
  // After a quoted title the first sentence is the container ("Te Ara: The Encyclopedia of New Zealand"), not
  // "Place: Publisher".
  const pub = parsePublisher(quoted ? sentences.slice(1) : sentences);
  if (pub) {
    item['publisher-place'] = pub.place;
    item.publisher = pub.publisher;
  }
  if (quoted) {
    // "In Sutton, Douglas (ed.). The Origins of …": a chapter in an edited book.
    const inMatch = /(?:^|\.\s+)In:?\s+(?:([^.()]*)\((?:eds?|Hrsg|Hg)\.\)\.\s*)?([^.]+)/.exec(afterTitle);
    if (inMatch?.[1]) {
      const editors = parseAuthors(inMatch[1]);
      if (editors.length) item.editor = editors;
    }
    if (inMatch) item.type = 'chapter';
    const container = inMatch ? inMatch[2] : sentences.find((p) => !/^\(?(?:PDF|Report|Press release)\)?$/i.test(p));
    if (container && container !== item.publisher && !/^\d/.test(container) && container.length <= 150) {
      item['container-title'] = container.replace(/\s*\((?:in [A-Za-z]+)\)$/, '').trim();
    }
  }
  if (vol.volume) Object.assign(item, vol);
  const pages = item.page ?? parsePages(afterTitle);
  if (pages) item.page = pages;
  if (!item.issued) {
    const date = parseDate(afterTitle) ?? parseDate(d);
    if (date) item.issued = date;
  }
  if (!item.publisher) {
    const german = /(?:^|\.\s+)([A-Z][\w&.' -]{1,60}?),\s*(?:[A-Z][a-z]+\s+)?\d{4}\b/.exec(afterTitle);
    if (german && german[1] !== item.title && german[1] !== item['container-title']) item.publisher = german[1]!.trim();
  }
  if (retrieved) {
    const acc = parseDate(retrieved[1]!);
    if (acc) item.accessed = acc;
  }
  if (ids.isbn[0]) item.ISBN = ids.isbn[0];
  if (ids.doi[0]) item.DOI = ids.doi[0];
  if (ids.url[0]) item.URL = ids.url[0];
  else if (ids.hdl[0]) item.URL = `https://hdl.handle.net/${ids.hdl[0]}`;

  if (item.type !== 'chapter') {
    if (item.volume || item.issue || ((ids.doi.length || ids.hdl.length) && item['container-title'])) item.type = 'article-journal';
    else if (ids.isbn.length && item['container-title']) item.type = 'chapter';
    else if (ids.isbn.length || item.publisher) item.type = 'book';
    else if (ids.url.length) item.type = 'webpage';
  }
  if (!item.title) item.title = d.slice(0, 200) || text.slice(0, 200);
  return item;
}

/** Parses one entry. Never throws. */
export function parseReference(label: string, text: string): Reference {
  const ids = parseIdentifiers(text);
  return { label, text, ids, csl: parseCsl(label, text, ids) };
}
