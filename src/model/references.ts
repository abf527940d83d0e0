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
  for (const m of text.matchAll(/\bISBN(?:-1[03])?:?\s*((?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx])\b/g)) {
    const digits = m[1]!.replace(/[\s-]/g, '').toUpperCase();
    if (isValidIsbn(digits)) pushUnique(ids.isbn, digits);
  }
  for (const m of text.matchAll(/\bOCLC:?\s*(\d{1,12})\b/g)) pushUnique(ids.oclc, m[1]!);
  for (const m of text.matchAll(/\bOL:?\s*(\d+[MWA])\b/g)) pushUnique(ids.ol, m[1]!);
  for (const m of text.matchAll(/\bhdl:\s*(\d[\w.]*\/\S+)/gi)) pushUnique(ids.hdl, trimTrailing(m[1]!));
  for (const m of text.matchAll(/(?:\bdoi:\s*|\bDOI\s+|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/[^\s<>"]+)/gi)) {
    pushUnique(ids.doi, trimTrailing(m[1]!));
  }
  for (const m of text.matchAll(/<(https?:\/\/[^\s<>]+)>|(?<![<\w])(https?:\/\/[^\s<>"]+)/g)) {
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
  if (iso) return { 'date-parts': [[Number(iso[1]), Number(iso[2]), Number(iso[3])]] };
  const dmy = /\b(\d{1,2})\.?\s+([A-Za-zä]+)\.?\s+(\d{4})\b/.exec(text);
  if (dmy && MONTHS[dmy[2]!.toLowerCase()]) {
    return { 'date-parts': [[Number(dmy[3]), MONTHS[dmy[2]!.toLowerCase()]!, Number(dmy[1])]] };
  }
  const mdy = /\b([A-Za-z]+)\s+(\d{1,2}),\s+(\d{4})\b/.exec(text);
  if (mdy && MONTHS[mdy[1]!.toLowerCase()]) {
    return { 'date-parts': [[Number(mdy[3]), MONTHS[mdy[1]!.toLowerCase()]!, Number(mdy[2])]] };
  }
  const my = /\b([A-Za-z]+)\s+(\d{4})\b/.exec(text);
  if (my && MONTHS[my[1]!.toLowerCase()]) return { 'date-parts': [[Number(my[2]), MONTHS[my[1]!.toLowerCase()]!]] };
  const y = /\b(1[5-9]\d{2}|20\d{2})\b/.exec(text);
  return y ? { 'date-parts': [[Number(y[1])]] } : null;
}

/** One author string → a CSL name: `Last, First` or `First Last`; organisations stay literal. */
function parseName(raw: string): CslName | null {
  const name = raw.trim().replace(/\s+/g, ' ').replace(/^(?:and|und|&)\s+/, '');
  if (!name || /\d/.test(name)) return null;
  if (name.includes(',')) {
    const [family, given] = name.split(/,\s*/, 2) as [string, string | undefined];
    return given ? { family, given } : { family };
  }
  const words = name.split(' ');
  if (words.length === 1) return { family: name };
  if (words.length > 5 || /\b(Government|Ministry|Office|Council|Association|University|Department)\b/.test(name)) {
    return { literal: name };
  }
  const particles = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'Van', 'Von', 'De']);
  let split = words.length - 1;
  while (split > 1 && particles.has(words[split - 1]!)) split--;
  return { given: words.slice(0, split).join(' '), family: words.slice(split).join(' ') };
}

/** Authors from the part of an entry before its year or title: `A, B; C, D`, `A B and C D`, `A B with C D`. */
function parseAuthors(raw: string): CslName[] {
  const cleaned = raw.replace(/\bet al\.?/g, '').replace(/\bu\. ?a\./g, '').trim().replace(/[.,:;]+$/, '');
  if (!cleaned) return [];
  const parts = cleaned.includes(';')
    ? cleaned.split(';')
    : cleaned.split(/\s+(?:and|und|&|with assistance from|with)\s+/);
  return parts.map(parseName).filter((n): n is CslName => n !== null);
}

/** Strips identifiers, URLs and access notes from an entry, leaving the bibliographic description. */
function description(text: string, ids: ReferenceIds): string {
  let d = text
    .replace(/<https?:\/\/[^\s<>]+>/g, '')
    .replace(/\bhttps?:\/\/\S+/g, '')
    .replace(/\b(?:ISBN(?:-1[03])?|OCLC|OL|hdl|doi|DOI|Bibcode|PMID|PMC|ISSN|JSTOR|S2CID|ASIN)[:\s]\s*\S+/g, '')
    .replace(/\b[\w.-]+\.(?:de|com|org|net)\s*$/g, '');
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
  const m = /\b(?:pp?|S)\.\s*(\d+(?:\s*[–-]\s*\d+)?(?:,\s*\d+(?:\s*[–-]\s*\d+)?)*)/.exec(text);
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

/** Builds a CSL-JSON item for the entry labelled `label`. Never throws; the entry's full text stays in `Reference.text`. */
export function parseCsl(label: string, text: string, ids: ReferenceIds): CslItem {
  const item: CslItem = { id: `ref-${label}`, type: 'document' };
  const retrieved = /\b(?:Retrieved|Abgerufen am|abgerufen am)\s+([^.<]+?\d{4}(?:-\d{2}-\d{2})?)/.exec(text);
  let d = description(text, ids).replace(/\b(?:Retrieved|Abgerufen am|abgerufen am)\s+[^.<]+?\d{4}(?:-\d{2}-\d{2})?\.?/g, '');
  d = d.replace(/\bArchived from the original[^.]*\./g, '').trim();

  // The year in parentheses after the authors: "Last, First (1989)." or "First Last (1992),".
  const yearParen = /\(((?:[^()]*\s)?(\d{4})[a-z]?)\)[.,]?/.exec(d);
  let authorPart = '';
  let rest = d;
  if (yearParen && yearParen.index > 0 && yearParen.index < 200) {
    authorPart = d.slice(0, yearParen.index);
    rest = d.slice(yearParen.index + yearParen[0].length).trim();
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
    // German style: "Author: Title. Publisher, Year, …"
    const colon = /^([^:.]{3,80}):\s+(.*)$/.exec(rest);
    if (colon && !/^(?:In|Online)$/.test(colon[1]!)) {
      authorPart = colon[1]!;
      rest = colon[2]!;
    }
    afterTitle = rest;
  }
  if (!quoted) {
    // Unquoted title (a book): up to the first comma or full stop.
    const t = /^(.+?)(?:,\s+|\.\s+|\.?$)/.exec(afterTitle);
    if (t && t[1]) {
      item.title = t[1].trim();
      afterTitle = afterTitle.slice(t[0].length);
    }
  }
  const sentences = afterTitle
    .split(/\.\s+/)
    .map((p) => p.trim().replace(/^[.,]\s*/, '').replace(/[.,]$/, ''))
    .filter(Boolean);
  const authors = parseAuthors(authorPart);
  if (authors.length) item.author = authors;

  const vol = parseVolume(afterTitle);
  const pub = parsePublisher(sentences);
  if (pub) {
    item['publisher-place'] = pub.place;
    item.publisher = pub.publisher;
  }
  if (quoted) {
    const inMatch = /\bIn[:\s]+(?:[^.()]*\(eds?\.\)\.\s*)?([^.]+)/.exec(afterTitle);
    const container = inMatch ? inMatch[1] : sentences.find((p) => !/^\(?(?:PDF|Report|Press release)\)?$/i.test(p));
    if (container && container !== item.publisher && !/^\d/.test(container) && !container.includes(':')) {
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

  if (item.volume || item.issue || ((ids.doi.length || ids.hdl.length) && item['container-title'])) item.type = 'article-journal';
  else if (ids.isbn.length && item['container-title']) item.type = 'chapter';
  else if (ids.isbn.length || item.publisher) item.type = 'book';
  else if (ids.url.length) item.type = 'webpage';
  if (!item.title) item.title = d.slice(0, 200) || text.slice(0, 200);
  return item;
}

/** Parses one entry. Never throws. */
export function parseReference(label: string, text: string): Reference {
  const ids = parseIdentifiers(text);
  return { label, text, ids, csl: parseCsl(label, text, ids) };
}
