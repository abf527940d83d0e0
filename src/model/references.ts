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
import { isWhiteSpace } from './white-space.ts';

// Speed: an import reads thousands of entries, each with a few dozen regular expressions. Expressions that need a
// literal (`http`, `Retrieved`, a comma, a colon) run only when it is there; trailing punctuation and white space
// are trimmed by loops; no expression runs on the whole entry twice. The results are those of the plain code.

/** Removes the punctuation that closes a sentence after an identifier or URL (`/[.,;:)\]]+$/`). */
function trimTrailing(value: string): string {
  let end = value.length;
  for (;;) {
    const u = value.charCodeAt(end - 1);
    if (u === 0x2e || u === 0x2c || u === 0x3b || u === 0x3a || u === 0x29 || u === 0x5d) end--;
    else break;
  }
  return end === value.length ? value : value.slice(0, end);
}

/** The shapes of a normalised ISBN-10 and ISBN-13, and what `parseIdentifiers` takes out of one to normalise it. */
const ISBN10_SHAPE = /^\d{9}[\dX]$/;
const ISBN13_SHAPE = /^\d{13}$/;
const ISBN_SEPARATORS = /[\s-]/g;

/** True when `digits` (normalised: no separators, upper-case X) is an ISBN-10 or ISBN-13 with a right check digit. */
function isValidIsbn(digits: string): boolean {
  if (ISBN10_SHAPE.test(digits)) {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += (10 - i) * (digits[i] === 'X' ? 10 : Number(digits[i]));
    return sum % 11 === 0;
  }
  if (ISBN13_SHAPE.test(digits)) {
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
 * Characters that can break out of a field in the files identifiers are written into (BibTeX's `{`, `}`, `\`):
 * never in a URL, DOI or handle taken from an entry. A `%` must begin a percent-escape (`%` and two hex digits);
 * DOIs and handles may not hold `%` or `#` at all (their resolver URLs would need them escaped).
 */
const UNSAFE_IN_URL = /[{}\\]|%(?![0-9A-Fa-f]{2})/;
const UNSAFE_IN_NAME = /[{}\\%#]/;

const ISBN_ID = /\bISBN(?:-1[03])?:?\s*((?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx])\b/g;
const OCLC_ID = /\bOCLC:?\s*(\d{1,12})\b/g;
const OL_ID = /\bOL:?\s*(\d+[MWA])\b/g;
const HDL_ID = /\bhdl:\s*(\d[\w.]*\/\S+)/gi;
/** Whether HDL_ID can match (its literal, case-insensitive as HDL_ID reads it). */
const HAS_HDL = /hdl:/i;
const DOI_ID = /(?:\bdoi:\s*|\bDOI\s+|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/[^\s<>"]+)/gi;
/** Whether DOI_ID can match: each of its alternatives holds `doi`, case-insensitively. */
const HAS_DOI = /doi/i;
const URL_ID = /<(https?:\/\/[^\s<>]+)>|(?<![<\w])(https?:\/\/[^\s<>"]+)/g;

/**
 * The identifiers in `text`. ISBNs are normalised (no hyphens or spaces, upper-case X) and kept only when their
 * check digit is right; DOIs and handles lose closing punctuation; URLs come from `<…>` or bare `http(s)://…`. A
 * candidate holding a character that could break out of a field (`{`, `}`, `\`, a stray `%`; in a DOI or handle
 * also `%` or `#`) is refused: it stays in the entry's text but is not taken as an identifier.
 */
export function parseIdentifiers(text: string): ReferenceIds {
  const ids: ReferenceIds = { isbn: [], oclc: [], ol: [], hdl: [], doi: [], url: [] };
  // Most entries carry one or two kinds of identifier: a substring test spares the others' regular expressions.
  let m: RegExpExecArray | null;
  if (text.includes('ISBN')) {
    ISBN_ID.lastIndex = 0;
    while ((m = ISBN_ID.exec(text))) {
      const digits = m[1]!.replace(ISBN_SEPARATORS, '').toUpperCase();
      if (isValidIsbn(digits)) pushUnique(ids.isbn, digits);
    }
  }
  if (text.includes('OCLC')) {
    OCLC_ID.lastIndex = 0;
    while ((m = OCLC_ID.exec(text))) pushUnique(ids.oclc, m[1]!);
  }
  if (text.includes('OL')) {
    OL_ID.lastIndex = 0;
    while ((m = OL_ID.exec(text))) pushUnique(ids.ol, m[1]!);
  }
  if (HAS_HDL.test(text)) {
    HDL_ID.lastIndex = 0;
    while ((m = HDL_ID.exec(text))) if (!UNSAFE_IN_NAME.test(m[1]!)) pushUnique(ids.hdl, trimTrailing(m[1]!));
  }
  if (HAS_DOI.test(text)) {
    DOI_ID.lastIndex = 0;
    while ((m = DOI_ID.exec(text))) if (!UNSAFE_IN_NAME.test(m[1]!)) pushUnique(ids.doi, trimTrailing(m[1]!));
  }
  if (text.includes('http')) {
    URL_ID.lastIndex = 0;
    while ((m = URL_ID.exec(text))) {
      const url = m[1] ?? trimTrailing(m[2]!);
      if (!UNSAFE_IN_URL.test(url)) pushUnique(ids.url, url);
    }
  }
  return ids;
}

// Regular expressions of the functions below, made once: a literal inside a function is a new object on every call.
const SPACE_RUNS = /\s+/g;
const LEADING_AND = /^(?:and|und|&)\s+/;
const DIGIT = /\d/;
const COMMA_SPACE = /,\s*/;
const ET_AL = /\bet al\.?/g;
const U_A = /\bu\. ?a\./g;
const EDITORS_NOTE_ALL = /\((?:Hrsg|eds?|Hg)\.\)/g;
const TRAILING_EDS = /,?\s*\beds?\.\s*$/;
const TRAILING_PUNCTUATION = /(?<!\b\p{Lu})[.,:;]+$/u;
const TRAILING_SEPARATORS = /[,:;]+$/;
const FIRST_LAST_SEPARATOR = /,\s*|\s+(?:and|und|&)\s+/;
const AUTHOR_SEPARATOR = /\s+(?:and|und|&|with assistance from|with)\s+/;
const TRAILING_DOMAIN = /[\w.-]+\.(?:de|com|org|net)$/;
const DOMAIN_CHAR = /[\w.-]/;
const ANGLE_URLS = /<https?:\/\/[^\s<>]+>/g;
const BARE_URLS = /\bhttps?:\/\/\S+/g;
const IDENTIFIER_NOTES = /\b(?:ISBN(?:-1[03])?|OCLC|OL|hdl|doi|DOI|Bibcode|PMID|PMC|ISSN|JSTOR|S2CID|ASIN)[:\s]\s*\S+/g;
const EMPTY_COMMAS = /(?:,\s*)+(?=[.,]|$)/g;
const VOLUME_ISSUE_PAGES = /(?:^|[.\s])([IVXLCDM]+|\d{1,4})\s*(?:\(([\w–-]+)\))?\s*:\s*(\d+(?:\s*[–-]\s*\d+)?)/;
const ANY_SPACE = /\s/g;
const PAGES = /\b(?:pp?|S)\.\s*((?:\d+|[ivxlcdm]+\b)(?:\s*[–-]\s*\d+)?(?:,\s*\d+(?:\s*[–-]\s*\d+)?)*)/;
const PLACE_PUBLISHER = /^([A-Z][^:\d]{1,60}):\s*(\S.*)$/;
const PUBLISHER_TAIL = /,\s*(?:\d{4}|S\.|pp?\.).*$/;
const TRAILING_STOP_OR_COMMA = /[.,]$/;
const SHORT_CITE_SEPARATOR = /,\s*|\s+(?:&|and|und)\s+/;
const ARCHIVED_NOTE = /\bArchived from the original[^.]*\./g;
const YEAR_IN_PARENTHESES = /\(((?:[^()]*\s)?(\d{4})[a-z]?)\)[.,]?/;
const LEADING_BRACKETS = /^\[[^\]]*\][.,]?\s*/;
const QUOTED_TITLE = /["“]([^"”]+)["”]/;
const TRAILING_STOP = /[.]$/;
const LEADING_FORMAT_NOTE = /^\s*\((?:PDF|Press release|Report)\)/i;
const AUTHORS_COLON = /^([^:]{3,80}?):\s+(.*)$/;
const INITIALS_AND_NOTES = /\b\p{Lu}\.|\bu\. ?a\.|\((?:Hrsg|Hg|eds?)\.\)/gu;
const IN_OR_ONLINE = /^(?:In|Online)$/;
const EDITORS_NOTE = /\((?:Hrsg|Hg|eds?)\.\)/;
const TITLE_TO_STOP = /^(.+?)(?:\.\s+|\.?$)/;
const TITLE_TO_COMMA_OR_STOP = /^(.+?)(?:,\s+|\.\s+|\.?$)/;
const IN_CONTAINER = /(?:^|\.\s+)In:?\s+(?:([^.()]*)\((?:eds?|Hrsg|Hg)\.\)\.\s*)?([^.]+)/;
const FORMAT_NOTE = /^\(?(?:PDF|Report|Press release)\)?$/i;
const LEADING_DIGIT = /^\d/;
const LANGUAGE_NOTE = /\s*\((?:in [A-Za-z]+)\)$/;
const PUBLISHER_YEAR = /(?:^|\.\s+)([A-Z][\w&.' -]{1,60}?),\s*(?:[A-Z][a-z]+\s+)?\d{4}\b/;

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, januar: 1, februar: 2, märz: 3, juni: 6, juli: 7, oktober: 10, dezember: 12,
};

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const DAY_MONTH_YEAR = /\b(\d{1,2})\.?\s+([A-Za-zä]+)\.?\s+(\d{4})\b/;
const MONTH_DAY_YEAR = /\b([A-Za-z]+)\s+(\d{1,2}),\s+(\d{4})\b/;
const MONTH_YEAR = /\b([A-Za-z]+)\s+(\d{4})\b/;
const YEAR = /\b(1[5-9]\d{2}|20\d{2})\b/;

/** A CSL date from `2012-12-23`, `17 February 2008`, `April 2, 2003`, `March 2009` or `1992`; null otherwise. */
export function parseDate(text: string): CslDate | null {
  // ISO dates need a hyphen and "April 2, 2003" a comma: without them, their expressions cannot match.
  const iso = text.includes('-') ? ISO_DATE.exec(text) : null;
  if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12 && Number(iso[3]) >= 1 && Number(iso[3]) <= 31) {
    return { 'date-parts': [[Number(iso[1]), Number(iso[2]), Number(iso[3])]] };
  }
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy && MONTHS[dmy[2]!.toLowerCase()] && Number(dmy[1]) >= 1 && Number(dmy[1]) <= 31) {
    return { 'date-parts': [[Number(dmy[3]), MONTHS[dmy[2]!.toLowerCase()]!, Number(dmy[1])]] };
  }
  const mdy = text.includes(',') ? MONTH_DAY_YEAR.exec(text) : null;
  if (mdy && MONTHS[mdy[1]!.toLowerCase()] && Number(mdy[2]) >= 1 && Number(mdy[2]) <= 31) {
    return { 'date-parts': [[Number(mdy[3]), MONTHS[mdy[1]!.toLowerCase()]!, Number(mdy[2])]] };
  }
  const my = MONTH_YEAR.exec(text);
  if (my && MONTHS[my[1]!.toLowerCase()]) return { 'date-parts': [[Number(my[2]), MONTHS[my[1]!.toLowerCase()]!]] };
  const y = YEAR.exec(text);
  return y ? { 'date-parts': [[Number(y[1])]] } : null;
}

const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'zu', 'ten', 'ter', 'Van', 'Von', 'De', 'al', 'el', 'bin', 'ibn', 'u.', 'a.', 'ed.', 'eds.']);
/** Words that make an author an organisation (kept as a literal name). */
const ORGANISATION = /\b(?:Government|Ministry|Office|Council|Association|University|Department|Museum|Institute|Institution|Press|Agency|Society|Company|Corporation|Foundation|Library|Archives?|Service|Union|Bureau|Commission|Committee|Centre|Center|Organi[sz]ation|Statistics|Parliament|Bank|Trust)\b/;

/** White space other than a single space: what `collapseSpaces` changes. */
const NOT_ONE_SPACE = /[^\S ]| {2}/;

/** `text` with each run of white space as one space (`replace(/\s+/g, ' ')`), untouched when it has no such run. */
function collapseSpaces(text: string): string {
  return NOT_ONE_SPACE.test(text) ? text.replace(SPACE_RUNS, ' ') : text;
}

/** A word that starts like a name: a capital letter, an apostrophe or a parenthesis. */
const NAME_START = /[\p{Lu}'(]/uy;

/**
 * True when one of the words of `name` (split at white space and commas) starts with neither a capital, an
 * apostrophe nor a parenthesis and is not a particle (`van`, `de`, …).
 */
function hasProseWord(name: string): boolean {
  const n = name.length;
  let i = 0;
  while (i < n) {
    const u = name.charCodeAt(i);
    if (u === 0x2c || isWhiteSpace(u)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < n) {
      const v = name.charCodeAt(end);
      if (v === 0x2c || isWhiteSpace(v)) break;
      end++;
    }
    let capital: boolean;
    if (u < 0x80) capital = (u >= 0x41 && u <= 0x5a) || u === 0x27 || u === 0x28;
    else {
      NAME_START.lastIndex = i;
      capital = NAME_START.test(name);
    }
    if (!capital && !PARTICLES.has(name.slice(i, end))) return true;
    i = end;
  }
  return false;
}

/** One author string → a CSL name: `Last, First` or `First Last`; organisations stay literal. */
function parseName(raw: string): CslName | null {
  const name = collapseSpaces(raw.trim()).replace(LEADING_AND, '');
  if (!name || DIGIT.test(name)) return null;
  // A name is capitalised words, initials and particles; a lower-case word means this is prose, not a name.
  if (hasProseWord(name)) return null;
  if (ORGANISATION.test(name)) return { literal: name };
  if (name.includes(',')) {
    const [family, given] = name.split(COMMA_SPACE, 2) as [string, string | undefined];
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
  let cleaned = raw;
  if (cleaned.includes('et al')) cleaned = cleaned.replace(ET_AL, '');
  if (cleaned.includes('u.')) cleaned = cleaned.replace(U_A, '');
  if (cleaned.includes('(')) cleaned = cleaned.replace(EDITORS_NOTE_ALL, '');
  if (cleaned.includes('ed')) cleaned = cleaned.replace(TRAILING_EDS, '');
  cleaned = cleaned.trim();
  let last = cleaned.charCodeAt(cleaned.length - 1);
  if (last === 0x2e || last === 0x2c || last === 0x3a || last === 0x3b) cleaned = cleaned.replace(TRAILING_PUNCTUATION, '');
  last = cleaned.charCodeAt(cleaned.length - 1);
  if (last === 0x2c || last === 0x3a || last === 0x3b) cleaned = cleaned.replace(TRAILING_SEPARATORS, '');
  cleaned = cleaned.trim();
  if (!cleaned) return [];
  const parts = cleaned.includes(';')
    ? cleaned.split(';')
    : cleaned.split(firstLast ? FIRST_LAST_SEPARATOR : AUTHOR_SEPARATOR);
  return parts.map(parseName).filter((n): n is CslName => n !== null);
}

/** `text` without a last word that is a bare domain such as `books.google.de` (the site a link pointed to). */
function withoutTrailingDomain(text: string): string {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith('.de') && !trimmed.endsWith('.com') && !trimmed.endsWith('.org') && !trimmed.endsWith('.net')) return text;
  const last = trimmed.slice(trimmed.lastIndexOf(' ') + 1);
  const domain = TRAILING_DOMAIN.exec(last);
  return domain && (domain.index === 0 || !DOMAIN_CHAR.test(last[domain.index - 1]!)) ? trimmed.slice(0, trimmed.length - domain[0].length) : text;
}

/** Strips identifiers, URLs and access notes from an entry, leaving the bibliographic description. */
function description(text: string, ids: ReferenceIds): string {
  let d = text;
  if (d.includes('http')) d = d.replace(ANGLE_URLS, '').replace(BARE_URLS, '');
  d = d.replace(IDENTIFIER_NOTES, '');
  d = withoutTrailingDomain(d);
  for (const isbn of ids.isbn) d = d.split(isbn).join('');
  if (d.includes(',')) d = d.replace(EMPTY_COMMAS, '');
  d = collapseSpaces(d).trim();
  // Trailing commas and white space (`/[,\s]+$/`).
  let end = d.length;
  while (end > 0 && (d.charCodeAt(end - 1) === 0x2c || isWhiteSpace(d.charCodeAt(end - 1)))) end--;
  return end === d.length ? d : d.slice(0, end);
}

/** Volume, issue and pages from `XXVIII (4): 481–506`, `59: 5–16`, `323 (5913): 510–513`. */
function parseVolume(text: string): Pick<CslItem, 'volume' | 'issue' | 'page'> {
  if (!text.includes(':')) return {};
  const m = VOLUME_ISSUE_PAGES.exec(text);
  if (!m) return {};
  const out: Pick<CslItem, 'volume' | 'issue' | 'page'> = { volume: m[1]!, page: m[3]!.replace(ANY_SPACE, '') };
  if (m[2]) out.issue = m[2];
  return out;
}

/** Pages from `p. 89`, `pp. 52–54`, `S. 7, 14, 19`. */
function parsePages(text: string): string | undefined {
  const m = PAGES.exec(text);
  return m ? m[1]!.replace(ANY_SPACE, '') : undefined;
}

/** `Place: Publisher` in one of the period-separated sentences; null when none has that shape. */
function parsePublisher(sentences: readonly string[]): { place: string; publisher: string } | null {
  for (const sentence of sentences) {
    const m = PLACE_PUBLISHER.exec(sentence);
    if (m) {
      const publisher = m[2]!.replace(PUBLISHER_TAIL, '').replace(TRAILING_STOP_OR_COMMA, '').trim();
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
    .split(SHORT_CITE_SEPARATOR)
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

/** Whether RETRIEVED can match: it needs `Retrieved` or `[Aa]bgerufen am`. */
function mayHaveAccessNote(text: string): boolean {
  return text.includes('Retrieved') || text.includes('bgerufen am');
}

/** True when `text` has a double quotation mark (`"`, `“`, `”`) before `end`. */
function hasQuoteBefore(text: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const u = text.charCodeAt(i);
    if (u === 0x22 || u === 0x201c || u === 0x201d) return true;
  }
  return false;
}

function isWordChar(u: number): boolean {
  return (u >= 0x61 && u <= 0x7a) || (u >= 0x41 && u <= 0x5a) || (u >= 0x30 && u <= 0x39) || u === 0x5f;
}

const UPPER = /^\p{Lu}$/u;

/**
 * True when the full stop at `dot` follows an initial: an upper-case letter with a word boundary before it, as
 * `(?<!\b\p{Lu})` reads it under the `u` flag (word characters are `[A-Za-z0-9_]`; the letter is a code point).
 */
function followsInitial(text: string, dot: number): boolean {
  if (dot === 0) return false;
  let k = dot - 1;
  const u = text.charCodeAt(k);
  if (u < 0x80) {
    if (u < 0x41 || u > 0x5a) return false;
  } else {
    if (u >= 0xdc00 && u <= 0xdfff && k > 0) {
      const high = text.charCodeAt(k - 1);
      if (high >= 0xd800 && high <= 0xdbff) k--;
    }
    if (!UPPER.test(String.fromCodePoint(text.codePointAt(k)!))) return false;
  }
  return isWordChar(text.charCodeAt(k)) !== (k > 0 && isWordChar(text.charCodeAt(k - 1)));
}

/** Adds text[start, end) trimmed, without a leading `.`/`,` (and the white space after it) or a trailing `.`/`,`, unless empty. */
function pushSentence(out: string[], text: string, start: number, end: number): void {
  while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
  while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  if (start < end && (text.charCodeAt(start) === 0x2e || text.charCodeAt(start) === 0x2c)) {
    start++;
    while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
  }
  if (end > start && (text.charCodeAt(end - 1) === 0x2e || text.charCodeAt(end - 1) === 0x2c)) end--;
  if (end > start) out.push(text.slice(start, end));
}

/**
 * The period-separated sentences of `text`: cut at each full stop followed by white space, except after an
 * initial (`J. Smith`); each trimmed, without a leading or trailing `.` or `,`; empty ones dropped.
 */
function sentencesOf(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let from = 0;
  for (let dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
    let next = dot + 1;
    while (next < n && isWhiteSpace(text.charCodeAt(next))) next++;
    if (next === dot + 1 || followsInitial(text, dot)) continue;
    pushSentence(out, text, from, dot);
    from = next;
    dot = next - 1;
  }
  pushSentence(out, text, from, n);
  return out;
}

/** The bibliographic description of an entry: no identifiers, URLs, access notes or "Archived from the original". */
function bibliographicPart(head: string, ids: ReferenceIds): string {
  let d = description(head, ids);
  if (mayHaveAccessNote(d)) d = d.replace(RETRIEVED_NOTES, '');
  if (d.includes('Archived from the original')) d = d.replace(ARCHIVED_NOTE, '');
  return d.trim();
}

/**
 * What the front of an entry says: who wrote or edited it, when, its title, and the text after the title. Every
 * field is always present (undefined when the entry does not give it): one object shape for every entry.
 */
interface EntryFront {
  /** The part naming the authors ('' when the entry names none). */
  authors: string;
  /** The authors are written `First Last` (German style) rather than `Last, First`. */
  firstLast: boolean;
  /** The date in parentheses after the authors. */
  issued: CslDate | undefined;
  /** Editors named instead of authors (`Name (Hrsg.): Title`). */
  editors: CslName[] | undefined;
  /** The title, quoted or not. */
  title: string | undefined;
  /** The title was in quotation marks: an article, chapter or page in the container that follows it. */
  quoted: boolean;
  /** The text after the title: container, volume, publisher, pages, dates. */
  afterTitle: string;
}

/**
 * Reads the front of description `d`. The authors come before a year in parentheses (`Last, First (1989).`,
 * `First Last (1992),`) unless that year is in a quoted title; else before a quoted title; else before a colon in
 * the German style (`Author: Title. Publisher, Year`). The title is quoted, or runs to the first comma or full
 * stop (in the German style, to the full stop).
 */
function readFront(d: string): EntryFront {
  const yearParen = d.includes('(') ? YEAR_IN_PARENTHESES.exec(d) : null;
  const yearAfterAuthors = yearParen !== null && yearParen.index > 0 && yearParen.index < 200 && !hasQuoteBefore(d, yearParen.index);
  const issued = yearAfterAuthors ? (parseDate(yearParen[1]!) ?? { 'date-parts': [[Number(yearParen[2])]] }) : undefined;
  const rest = yearAfterAuthors
    ? d.slice(yearParen.index + yearParen[0].length).trim().replace(LEADING_BRACKETS, '')
    : d;
  const quoted = QUOTED_TITLE.exec(rest);
  if (quoted) {
    // The authors stand before the year; with no year in parentheses at all, before the quoted title; with a year
    // in parentheses elsewhere (inside the title, or too far in), the entry names none.
    const authors = yearAfterAuthors ? d.slice(0, yearParen.index) : yearParen ? '' : rest.slice(0, quoted.index);
    const title = quoted[1]!.replace(TRAILING_STOP, '').trim();
    const afterTitle = rest.slice(quoted.index + quoted[0].length).replace(LEADING_FORMAT_NOTE, '');
    return { authors, firstLast: false, issued, editors: undefined, title, quoted: true, afterTitle };
  }
  const front: EntryFront = yearAfterAuthors
    ? { authors: d.slice(0, yearParen.index), firstLast: false, issued, editors: undefined, title: undefined, quoted: false, afterTitle: rest }
    : germanFront(rest);
  const t = (front.firstLast ? TITLE_TO_STOP : TITLE_TO_COMMA_OR_STOP).exec(front.afterTitle);
  if (t && t[1]) {
    front.title = t[1].trim();
    front.afterTitle = front.afterTitle.slice(t[0].length);
  }
  return front;
}

/**
 * The front of an entry with neither a year after its authors nor a quoted title, before its title is read:
 * `Author: Title. Publisher, Year, …` when the part before the colon reads as names (`First Last`, comma-separated,
 * with initials, `u. a.` or `(Hrsg.)`; names marked `(Hrsg.)` are editors); otherwise no authors.
 */
function germanFront(rest: string): EntryFront {
  const colon = rest.includes(':') ? AUTHORS_COLON.exec(rest) : null;
  if (!colon || colon[1]!.replace(INITIALS_AND_NOTES, '').includes('.') || IN_OR_ONLINE.test(colon[1]!)) {
    return { authors: '', firstLast: false, issued: undefined, editors: undefined, title: undefined, quoted: false, afterTitle: rest };
  }
  const names = colon[1]!;
  const front: EntryFront = { authors: names, firstLast: true, issued: undefined, editors: undefined, title: undefined, quoted: false, afterTitle: colon[2]! };
  if (EDITORS_NOTE.test(names)) {
    const editors = parseAuthors(names, true);
    if (editors.length) front.editors = editors;
    front.authors = '';
  }
  return front;
}

/** The CSL type the fields found suggest, for an entry that is not a chapter. */
function typeOf(item: CslItem, ids: ReferenceIds): CslItem['type'] {
  if (item.volume || item.issue || ((ids.doi.length || ids.hdl.length) && item['container-title'])) return 'article-journal';
  if (ids.isbn.length && item['container-title']) return 'chapter';
  if (ids.isbn.length || item.publisher) return 'book';
  if (ids.url.length) return 'webpage';
  return item.type;
}

/** Builds a CSL-JSON item for the entry labelled `label`. Never throws; the entry's full text stays in `Reference.text`. */
export function parseCsl(label: string, text: string, ids: ReferenceIds): CslItem {
  const item: CslItem = { id: `ref-${label}`, type: 'document' };
  // Entries far longer than any citation are notes or damage: read only their start (the text itself is kept whole).
  const head = text.length > MAX_PARSED ? text.slice(0, MAX_PARSED) : text;
  const retrieved = mayHaveAccessNote(head) ? RETRIEVED.exec(head) : null;
  const d = bibliographicPart(head, ids);

  const short = SHORT_CITE.exec(d);
  if (short) return shortCite(item, short, ids);

  // The item's fields are set in this order (it is the order of its keys when written out).
  const front = readFront(d);
  if (front.issued) item.issued = front.issued;
  if (front.editors) item.editor = front.editors;
  if (front.title !== undefined) item.title = front.title;
  const afterTitle = front.afterTitle;
  const sentences = sentencesOf(afterTitle);
  const authors = parseAuthors(front.authors, front.firstLast);
  if (authors.length) item.author = authors;

  // After a quoted title the first sentence is the container ("Te Ara: The Encyclopedia of New Zealand"), not
  // "Place: Publisher".
  const pub = parsePublisher(front.quoted ? sentences.slice(1) : sentences);
  if (pub) {
    item['publisher-place'] = pub.place;
    item.publisher = pub.publisher;
  }
  if (front.quoted) {
    // "In Sutton, Douglas (ed.). The Origins of …": a chapter in an edited book.
    const inMatch = afterTitle.includes('In') ? IN_CONTAINER.exec(afterTitle) : null;
    if (inMatch?.[1]) {
      const editors = parseAuthors(inMatch[1]);
      if (editors.length) item.editor = editors;
    }
    if (inMatch) item.type = 'chapter';
    const container = inMatch ? inMatch[2] : sentences.find((p) => !FORMAT_NOTE.test(p));
    if (container && container !== item.publisher && !LEADING_DIGIT.test(container) && container.length <= 150) {
      item['container-title'] = (container.endsWith(')') ? container.replace(LANGUAGE_NOTE, '') : container).trim();
    }
  }
  const vol = parseVolume(afterTitle);
  if (vol.volume) Object.assign(item, vol);
  const pages = item.page ?? parsePages(afterTitle);
  if (pages) item.page = pages;
  if (!item.issued) {
    const date = parseDate(afterTitle) ?? parseDate(d);
    if (date) item.issued = date;
  }
  if (!item.publisher) {
    const german = afterTitle.includes(',') ? PUBLISHER_YEAR.exec(afterTitle) : null;
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
  if (item.type !== 'chapter') item.type = typeOf(item, ids);
  if (!item.title) item.title = d.slice(0, 200) || text.slice(0, 200);
  return item;
}

/** Parses one entry. Never throws. */
export function parseReference(label: string, text: string): Reference {
  const ids = parseIdentifiers(text);
  return { label, text, ids, csl: parseCsl(label, text, ids) };
}
