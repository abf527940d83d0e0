/**
 * Splits a decoded text into body blocks and the trailing reference list (the text shape of DESIGN §1).
 */
import type { Block } from './imported-text.ts';
import { isWhiteSpace } from './white-space.ts';

/** A body block with the 1-based line it starts on. */
export interface RawBlock extends Block {
  line: number;
}

/** A reference-list line `N. text` with its 1-based line. */
export interface RawEntry {
  label: string;
  text: string;
  line: number;
}

/** The body, the reference list and the heading line before it (null when none). */
export interface SplitText {
  blocks: RawBlock[];
  entries: RawEntry[];
  heading: string | null;
  headingLine: number | null;
}

/** A line is blank when it holds only white space (JavaScript `\s`: tabs, no-break spaces and the like). */
const BLANK = /^\s*$/;
/** A reference entry: optional indentation, a number, a period, white space, the text. */
const ENTRY = /^\s*(\d{1,9})\.\s+(\S[^]*)$/;
/** Where ENTRY's label starts in the line `entryText` last matched. */
let labelStart = 0;
/** Where ENTRY's label ends. */
let labelEnd = 0;

/**
 * `ENTRY.exec(line)` without a match object: where its text group starts (its label is `labelStart`..`labelEnd`),
 * or -1 when the line is not an entry. ENTRY cannot backtrack: `\s*` ends where the digits start, the digits where
 * the period stands, `\s+` where the text's first non-white-space character stands.
 */
function entryText(line: string): number {
  const n = line.length;
  let i = 0;
  while (i < n && isWhiteSpace(line.charCodeAt(i))) i++;
  const digits = i;
  while (i < n && i - digits < 10) {
    const u = line.charCodeAt(i);
    if (u < 0x30 || u > 0x39) break;
    i++;
  }
  if (i === digits || i - digits > 9 || i >= n || line.charCodeAt(i) !== 0x2e) return -1;
  const period = i++;
  const space = i;
  while (i < n && isWhiteSpace(line.charCodeAt(i))) i++;
  if (i === space || i >= n) return -1;
  labelStart = digits;
  labelEnd = period;
  return i;
}

/** At most this many indented lines, set off by blank lines, continue the entry above them. */
const MAX_DETACHED_CONTINUATION = 3;
/** A line that starts with white space. */
const INDENTED = /^\s/;
/** Headings that may stand before a reference list, in the languages of the corpora and their neighbours. */
const HEADINGS = new Set(
  [
    'references', 'reference', 'notes', 'footnotes', 'sources', 'citations', 'bibliography', 'works cited',
    'notes and references', 'references and notes', 'endnotes', 'literature',
    'einzelnachweise', 'anmerkungen', 'quellen', 'literatur', 'belege', 'fußnoten',
    'références', 'notes et références', 'sources et références', 'referencias', 'notas', 'note', 'riferimenti',
    'bibliografia', 'bibliografía', 'источники', 'примечания', 'литература',
  ].map((h) => h.normalize('NFC')),
);

/** True when `line` is a heading like `References` or `Notes:` (case-insensitive, optional colon). */
export function isReferenceHeading(line: string): boolean {
  if (line.length > 80) return false;
  return HEADINGS.has(line.trim().replace(/:$/, '').trim().toLowerCase().normalize('NFC'));
}

/** A line break with the spaces and tabs around it. */
const SOFT_WRAP = /[ \t]*\n[ \t]*/g;

/** Joins the lines of one block: each line break with the spaces and tabs around it becomes one space. */
export function joinBlockLines(lines: readonly string[]): string {
  if (lines.length === 1) return lines[0]!.trim();
  return lines.join('\n').replace(SOFT_WRAP, ' ').trim();
}

/** Opening double quotation marks: straight, English “, German „ and », French «. */
const OPEN_QUOTE = /^["\u201C\u201E\u201F\u00AB\u00BB\u275D\u301D\uFF02]/;
/** Closing double quotation marks (English ”, German “ and «, French »), optionally followed by marker runs. */
const CLOSE_QUOTE = /["\u201D\u201C\u00BB\u00AB\u275E\u301E\u301F\uFF02](?:\[\d{1,9}\])*$/;

/**
 * A block quotation (DESIGN §1): the block opens with a double quotation mark and closes with one, markers
 * (`[3]`, `[3][4]`) allowed after the closing mark. Straight and typographic marks of English, German and French
 * count. A lone quotation mark is not a quotation.
 */
export function isQuotationBlock(text: string): boolean {
  return text.length >= 2 && OPEN_QUOTE.test(text) && CLOSE_QUOTE.test(text.slice(1));
}

/**
 * Splits `text` (already decoded) into blocks separated by blank lines, and takes the trailing run of `N. text`
 * lines (blank lines may separate them), optionally after a heading line, as the reference list. A line that is
 * not of the form `N. text` continues the entry above it, as a soft wrap, when it follows that entry directly (no
 * blank line between) or is one of at most three indented lines after it. A line of the form `N. text` directly
 * under a body line (no blank line between) is a soft wrap of that paragraph, not an entry. Nothing is dropped: a line that is neither blank, nor in the list, nor the heading is body text.
 */
export function splitBlocks(text: string): SplitText {
  return splitLines(text.split(/\r\n|\n|\r/));
}

/** `splitBlocks` of a text already cut into lines (at CRLF, LF and CR). */
export function splitLines(lines: readonly string[]): SplitText {
  // The reference list: walk back from the end over blank lines, entry lines and the lines that continue an entry.
  // Non-entry lines met since the last entry line are `pending`: they continue an entry only if one stands above
  // them, directly or, when they are all indented, across blank lines. Otherwise the list starts below them.
  let cut = lines.length;
  let firstEntry = -1;
  let pending = 0;
  let pendingIndented = true;
  let pendingAcrossBlank = false;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (BLANK.test(line)) {
      if (pending > 0 && !pendingIndented) break;
      if (pending > 0) pendingAcrossBlank = true;
      continue;
    }
    if (ENTRY.test(line)) {
      firstEntry = i;
      cut = i;
      pending = 0;
      pendingIndented = true;
      pendingAcrossBlank = false;
      continue;
    }
    pending++;
    pendingIndented &&= INDENTED.test(line);
    // Indented paragraphs of body text are not an entry's continuation: across blank lines, only a few lines are.
    if (pendingAcrossBlank && pending > MAX_DETACHED_CONTINUATION) break;
  }
  // An "entry" glued to the body line above it is a soft-wrapped line of that paragraph that happens to start with
  // a number and a full stop ("…ratified in⏎1921. It held"): the list starts at the next entry after a blank line.
  if (firstEntry > 0 && !BLANK.test(lines[firstEntry - 1]!) && !isReferenceHeading(lines[firstEntry - 1]!)) {
    let next = -1;
    for (let k = firstEntry + 1; k < lines.length; k++) {
      if (ENTRY.test(lines[k]!) && BLANK.test(lines[k - 1]!)) {
        next = k;
        break;
      }
    }
    firstEntry = next;
    cut = next >= 0 ? next : lines.length;
  }
  const entries: RawEntry[] = [];
  let heading: string | null = null;
  let headingLine: number | null = null;
  if (firstEntry >= 0) {
    let continuation: string[] = [];
    const close = () => {
      const last = entries[entries.length - 1];
      if (last && continuation.length > 0) last.text = joinBlockLines([last.text, ...continuation]);
      continuation = [];
    };
    for (let i = firstEntry; i < lines.length; i++) {
      const line = lines[i]!;
      const at = entryText(line);
      if (at >= 0) {
        close();
        entries.push({ label: line.slice(labelStart, labelEnd), text: line.slice(at).trim(), line: i + 1 });
      } else if (!BLANK.test(line)) {
        continuation.push(line);
      }
    }
    close();
    // A heading line directly above (one non-blank line standing alone as a block).
    let h = firstEntry - 1;
    while (h >= 0 && BLANK.test(lines[h]!)) h--;
    if (h >= 0 && isReferenceHeading(lines[h]!) && (h === 0 || BLANK.test(lines[h - 1]!))) {
      heading = lines[h]!.trim();
      headingLine = h + 1;
      cut = h;
    }
  }
  const blocks: RawBlock[] = [];
  let current: string[] = [];
  let startLine = 0;
  const flush = () => {
    if (current.length === 0) return;
    const joined = joinBlockLines(current);
    blocks.push({ type: isQuotationBlock(joined) ? 'blockquote' : 'paragraph', text: joined, line: startLine });
    current = [];
  };
  for (let i = 0; i < cut; i++) {
    const line = lines[i]!;
    if (BLANK.test(line)) {
      flush();
    } else {
      if (current.length === 0) startLine = i + 1;
      current.push(line);
    }
  }
  flush();
  return { blocks, entries, heading, headingLine };
}
