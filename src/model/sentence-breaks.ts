/**
 * Sentence boundaries of a plain string: `Intl.Segmenter` in the work's language, corrected where it cuts after a
 * full stop that does not end a sentence.
 *
 * Engines ship ICU's sentence rules without its abbreviation suppressions, so `Intl.Segmenter` cuts after every
 * "Dr.", "z. B.", "Dwight D." and German ordinal ("am 6. November", "des 18. Jahrhunderts"). A boundary is dropped
 * when the text before it ends with:
 * - a single letter and a full stop (an initial, or a part of `z. B.`, `d. h.`, `u. a.`);
 * - an initialism of letters and full stops (`U.S.`, `e.g.`, `i.e.`, `p.m.`);
 * - a known abbreviation of the language (`Mr.`, `Dr.`, `St.`, `bzw.`, `vgl.`, `Nr.`, `Jan.`);
 * - in languages that write ordinals with a full stop (German, Danish, Norwegian, Finnish, Czech, Hungarian, …), a
 *   number of one to three digits and a full stop.
 * Words that often end a sentence ("etc.", "Inc.", "usw.") are not in the lists, so a boundary after them stays.
 * Texts in Latin script take a fast path with the same results (latin-sentence-breaks.ts).
 */

import { latinSentenceBreaks, latinSentenceBreaksAt } from './latin-sentence-breaks.ts';
import { isWhiteSpace } from './white-space.ts';

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    let locale = 'en';
    try {
      locale = Intl.getCanonicalLocales(language)[0] ?? 'en';
    } catch {
      // Not a BCP 47 tag: segment as English rather than fail the import.
    }
    s = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(language, s);
  }
  return s;
}

/** Abbreviations (without their full stop) after which no sentence ends, in every language. */
const UNIVERSAL = ['Dr', 'Prof', 'St', 'Mr', 'Mrs', 'Ms', 'Jr', 'Sr', 'vs', 'ca', 'cf', 'al', 'pp', 'Bros'];

/** Abbreviations by primary language subtag; a language without a list uses the English one. */
const ABBREVIATIONS: Record<string, readonly string[]> = {
  en: [
    'Mt', 'Ft', 'Gen', 'Col', 'Lt', 'Capt', 'Sgt', 'Maj', 'Adm', 'Gov', 'Sen', 'Rep', 'Rev', 'Hon', 'Pres', 'Jan',
    'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'No', 'Nos', 'Vol', 'vol',
    'approx', 'ed', 'eds', 'Fig', 'fig',
  ],
  // Not "Art", "Gen", "Oberst": German nouns that end sentences.
  de: [
    'bzw', 'vgl', 'Nr', 'Hrsg', 'Jh', 'Jhd', 'Mio', 'Mrd', 'Abb', 'Bd', 'Bde', 'geb', 'gest', 'sog', 'evtl', 'ggf',
    'inkl', 'insb', 'Std', 'Tsd', 'zzgl', 'Kap', 'Bsp', 'Jan', 'Feb', 'Apr', 'Aug', 'Sept', 'Okt', 'Nov', 'Dez',
    'Lt', 'Abs', 'Aufl', 'Ausg', 'Verf', 'allg', 'bes', 'eigtl',
  ],
};

/** Languages that write ordinal numbers with a full stop ("6. November"). */
const ORDINAL_DOT = new Set(['de', 'da', 'nb', 'nn', 'no', 'fi', 'is', 'cs', 'sk', 'sl', 'hr', 'sr', 'bs', 'hu', 'et', 'lv', 'tr', 'pl']);

interface Rules {
  words: ReadonlySet<string>;
  ordinal: boolean;
}

const rulesCache = new Map<string, Rules>();

function rulesFor(language: string): Rules {
  let rules = rulesCache.get(language);
  if (!rules) {
    const primary = language.toLowerCase().split(/[-_]/)[0] ?? 'en';
    rules = {
      words: new Set([...UNIVERSAL, ...(ABBREVIATIONS[primary] ?? ABBREVIATIONS['en']!)]),
      ordinal: ORDINAL_DOT.has(primary),
    };
    rulesCache.set(language, rules);
  }
  return rules;
}

/** One letter, or letters joined by full stops ("U.S", "e.g", "z"): an initial or an initialism. */
const INITIALS = /^\p{L}(?:\.\p{L}){0,4}$/u;
/** A number of one to three digits: an ordinal before its full stop. */
const ORDINAL = /^\d{1,3}$/;

/**
 * True when a sentence boundary right after `before` (trailing white space ignored) is not a real one: the
 * word before the final full stop is an initial, an initialism, an abbreviation of `language`, or (in
 * languages with ordinal dots) a number of one to three digits.
 */
export function isFalseBreak(before: string, language: string): boolean {
  return isFalseBreakIn(before, null, 0, before.length, rulesFor(language));
}

/** Code unit k of `text`, or with `at` of the text whose k-th unit is text[at[k]]. */
function unitAt(text: string, at: Int32Array | null, k: number): number {
  return text.charCodeAt(at === null ? k : at[k]!);
}

/**
 * `isFalseBreak(t.slice(from, end), …)` without making the slice, where t is `text` or, with `at`, the text whose
 * k-th unit is text[at[k]].
 */
function isFalseBreakIn(text: string, at: Int32Array | null, from: number, end: number, rules: Rules): boolean {
  while (end > from && isWhiteSpace(unitAt(text, at, end - 1))) end--;
  if (end === from || unitAt(text, at, end - 1) !== 0x2e) return false;
  let start = end - 1;
  while (start > from) {
    const u = unitAt(text, at, start - 1);
    if (isWhiteSpace(u) || u === 0x28 || u === 0x5b) break;
    start--;
  }
  const length = end - 1 - start;
  if (length === 0 || length > 24) return false;
  let word: string;
  if (at === null) word = text.slice(start, end - 1);
  else if (at[end - 2]! - at[start]! === length - 1) word = text.slice(at[start]!, at[end - 2]! + 1);
  else {
    // The word straddles a part left out: gather its units.
    word = '';
    for (let k = start; k < end - 1; k++) word += text[at[k]!];
  }
  return rules.words.has(word) || INITIALS.test(word) || (rules.ordinal && ORDINAL.test(word));
}

/** Texts longer than this are segmented in windows: V8's segmenter slows down more than linearly on long strings. */
const WINDOW = 4096;
/** Boundaries this close to a window's cut end are re-read in the next window (ICU looks a few characters ahead). */
const MARGIN = 256;

/** Intl.Segmenter's boundaries of `text`, ascending, without 0; windowed so that a 10 MB block stays linear. */
function segmenterBreaks(text: string, segmenter: Intl.Segmenter): number[] {
  const out: number[] = [];
  let from = 0;
  for (;;) {
    const to = Math.min(text.length, from + WINDOW);
    const last = to === text.length;
    const limit = last ? to : to - MARGIN;
    let next = from;
    for (const seg of segmenter.segment(text.slice(from, to))) {
      const at = from + seg.index;
      if (seg.index === 0) continue;
      if (at > limit) break;
      out.push(at);
      next = at;
    }
    if (last) return out;
    // No boundary in the window (an absurdly long sentence): go on from the margin, mid-sentence.
    from = next > from ? next : limit;
  }
}

/**
 * Sentence boundaries of `text` in `language` (BCP 47; an invalid tag is read as English): the offsets where a
 * sentence after the first one starts, ascending, never 0 and never `text.length`.
 */
export function sentenceBreaks(text: string, language: string): number[] {
  const breaks = latinSentenceBreaks(text) ?? segmenterBreaks(text, segmenterFor(language));
  return withoutFalseBreaks(breaks, text, null, language);
}

/** `breaks` without the false ones, judged on the 40 units before each (of `text`, or read through `at`). */
function withoutFalseBreaks(breaks: number[], text: string, at: Int32Array | null, language: string): number[] {
  const rules = rulesFor(language);
  let kept = 0;
  for (const b of breaks) if (!isFalseBreakIn(text, at, Math.max(0, b - 40), b, rules)) breaks[kept++] = b;
  breaks.length = kept;
  return breaks;
}

/** Reused for the positions of texts up to this length. */
const POSITIONS_LIMIT = 1 << 16;
let positions = new Int32Array(4096);

/**
 * `sentenceBreaks` of `text` with the ranges `cuts` left out ([start, end, start, end, …], ascending and
 * disjoint), as offsets in that shorter text. Latin-script text is read in place, through the positions of the
 * units that are kept, instead of making the shorter string.
 */
export function sentenceBreaksWithout(text: string, cuts: readonly number[], language: string): number[] {
  let n = text.length;
  for (let g = 0; g < cuts.length; g += 2) n -= cuts[g + 1]! - cuts[g]!;
  let at = positions;
  if (n > at.length) at = n > POSITIONS_LIMIT ? new Int32Array(n) : (positions = new Int32Array(POSITIONS_LIMIT));
  let k = 0;
  let from = 0;
  for (let g = 0; g <= cuts.length; g += 2) {
    const to = g < cuts.length ? cuts[g]! : text.length;
    for (let i = from; i < to; i++) at[k++] = i;
    if (g < cuts.length) from = cuts[g + 1]!;
  }
  const breaks = latinSentenceBreaksAt(text, at, n);
  if (breaks) return withoutFalseBreaks(breaks, text, at, language);
  let shorter = '';
  from = 0;
  for (let g = 0; g < cuts.length; g += 2) {
    shorter += text.slice(from, cuts[g]);
    from = cuts[g + 1]!;
  }
  return sentenceBreaks(shorter + text.slice(from), language);
}
