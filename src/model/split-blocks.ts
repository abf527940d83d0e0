/**
 * Splits a decoded text into body blocks and the trailing reference list (the text shape of DESIGN §1).
 */
import type { Block } from './imported-text.ts';

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
const ENTRY = /^\s*(\d{1,9})\.\s+(\S.*)$/;
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
  return HEADINGS.has(line.trim().replace(/:$/, '').trim().toLowerCase().normalize('NFC'));
}

/** Joins the lines of one block: each line break with the spaces and tabs around it becomes one space. */
export function joinBlockLines(lines: readonly string[]): string {
  return lines.join('\n').replace(/[ \t]*\n[ \t]*/g, ' ').trim();
}

/** A block opens and closes with a double quotation mark (markers may follow the closing one). */
export function isQuotationBlock(text: string): boolean {
  const open = /^["\u201C\u201E\u00AB]/;
  const close = /["\u201D\u201C\u00BB](?:\[\d+\])*$/;
  return text.length >= 2 && open.test(text) && close.test(text);
}

/**
 * Splits `text` (already decoded) into blocks separated by blank lines, and takes the trailing run of `N. text`
 * lines (blank lines may separate them), optionally after a heading line, as the reference list.
 * Nothing is dropped: a line that is neither blank, nor an entry, nor the heading is body text.
 */
export function splitBlocks(text: string): SplitText {
  const lines = text.split(/\r\n|\n|\r/);
  // The reference list: walk back from the end over blank lines and entry lines.
  let cut = lines.length;
  let firstEntry = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (BLANK.test(line)) continue;
    if (ENTRY.test(line)) {
      firstEntry = i;
      cut = i;
      continue;
    }
    break;
  }
  const entries: RawEntry[] = [];
  let heading: string | null = null;
  let headingLine: number | null = null;
  if (firstEntry >= 0) {
    for (let i = firstEntry; i < lines.length; i++) {
      const m = ENTRY.exec(lines[i]!);
      if (m) entries.push({ label: m[1]!, text: m[2]!.trim(), line: i + 1 });
    }
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
