/**
 * Turns raw input into a string the importer can split: UTF-8 only, no binary, nothing empty, nothing absurd.
 * Every refusal is an ImportError that says what is wrong and where (line, column).
 */
import { ImportError, MAX_TEXT_BYTES } from './import-error.ts';
import { isWhiteSpace } from './white-space.ts';

/**
 * Line and column (1-based) of unit `index` in a sequence of code units or bytes read by `at`, counting LF, CRLF
 * and CR as line breaks. Linear in `index`: only called once, on the way to an error.
 */
export function lineColumnAt(at: (i: number) => number | undefined, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    const u = at(i);
    if (u === 0x0a || (u === 0x0d && at(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/** Index of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** True for code units that never occur in a text file: NUL, DEL and the C0 controls other than tab, LF, FF, CR. */
function isBinaryUnit(u: number): boolean {
  return u === 0 || u === 0x7f || (u < 0x20 && u !== 0x09 && u !== 0x0a && u !== 0x0c && u !== 0x0d);
}

/** The control characters of isBinaryUnit, for a fast search of a whole text. */
const CONTROL = /[\0-\x08\x0B\x0E-\x1F\x7F]/;

function binaryAt(at: (i: number) => number | undefined, index: number, unit: number): ImportError {
  const { line, column } = lineColumnAt(at, index);
  const hex = unit.toString(16).toUpperCase().padStart(4, '0');
  return new ImportError('binary', `The file looks binary, not text: it contains the control character U+${hex}`, line, column);
}

/** The error for bytes that are not UTF-8: where the first bad byte is, and what the file probably is. */
export function invalidUtf8(input: Uint8Array): ImportError {
  const bad = Math.max(0, firstInvalidUtf8(input));
  const { line, column } = lineColumnAt((i) => input[i], bad);
  const byte = input[bad]!.toString(16).toUpperCase().padStart(2, '0');
  const before = new TextDecoder('utf-8').decode(input.subarray(Math.max(0, bad - column + 1, bad - 30), bad)).trimStart();
  const near = before ? ` after "${before}"` : '';
  return new ImportError(
    'encoding',
    `The file is not valid UTF-8: byte 0x${byte}${near} is not part of a UTF-8 character. It is probably Latin-1 or Windows-1252; save it as UTF-8 and import it again`,
    line,
    column,
  );
}

/** File signatures (magic bytes) of formats people mistake for texts, with what to call them. */
const SIGNATURES: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or a Word, OpenDocument or EPUB file, which are ZIP archives)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'an empty ZIP archive' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Microsoft Office document' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document' },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Null, or what the bytes are when they are UTF-16 or UTF-32 (by byte-order mark, or by NUL bytes in ASCII text). */
function wideEncoding(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) return 'UTF-32 (little-endian, with a byte-order mark)';
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) return 'UTF-32 (big-endian, with a byte-order mark)';
  if (startsWith(bytes, [0xff, 0xfe])) return 'UTF-16 (little-endian, with a byte-order mark)';
  if (startsWith(bytes, [0xfe, 0xff])) return 'UTF-16 (big-endian, with a byte-order mark)';
  // Without a byte-order mark: ASCII text in UTF-16 has a NUL in every other byte.
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.1) return 'UTF-16 (little-endian)';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.1) return 'UTF-16 (big-endian)';
  return null;
}

/** UTF-8 length of a well-formed string, counting up to just past `limit`. */
function utf8Length(text: string, limit: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= limit; i++) {
    const u = text.charCodeAt(i);
    if (u < 0x80) n += 1;
    else if (u < 0x800) n += 2;
    else if (u >= 0xd800 && u <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function tooLarge(size: number, unit: string): ImportError {
  const mib = (x: number) => (x / 1048576).toFixed(2);
  return new ImportError(
    'too-large',
    `The text is ${size.toLocaleString('en')} ${unit} (${mib(size)} MiB); the limit is ${MAX_TEXT_BYTES.toLocaleString('en')} bytes (${mib(MAX_TEXT_BYTES)} MiB)`,
    1,
    1,
  );
}

/** Refuses documents in other formats that decode as text: JSON, HTML, XML. */
function refuseOtherFormats(text: string): void {
  const lead = /^\s*/.exec(text)![0].length;
  const where = lineColumnAt((i) => text.charCodeAt(i), lead);
  const head = text.slice(lead, lead + 200);
  if (head.startsWith('%PDF-')) throw new ImportError('not-text', 'This is a PDF document, not a plain text: import its text saved as UTF-8', where.line, where.column);
  if (head.startsWith('{\\rtf')) throw new ImportError('not-text', 'This is an RTF document, not a plain text: save it as plain text (UTF-8)', where.line, where.column);
  if (/^<!doctype html|^<html[\s>]/i.test(head)) {
    throw new ImportError('not-text', 'This is an HTML page, not a plain text: save the page as plain text (UTF-8) and import that', where.line, where.column);
  }
  if (/^<\?xml[\s?]/.test(head)) {
    throw new ImportError('not-text', 'This is an XML document, not a plain text: export its text as UTF-8 plain text and import that', where.line, where.column);
  }
  if (/^[{[]/.test(head) && /[}\]]\s*$/.test(text)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return;
    }
    const structured = (v: unknown) => typeof v === 'object' && v !== null;
    if (structured(value) && (!Array.isArray(value) || value.some(structured))) {
      throw new ImportError('not-text', 'This is a JSON document, not a plain text: import the text itself (UTF-8, blocks separated by blank lines)', where.line, where.column);
    }
  }
}

/** The refusals of `decodeText` that need only the bytes, in its order: size, emptiness, file signatures, UTF-16/32, early control bytes. */
function checkBytes(input: Uint8Array): void {
  if (input.length > MAX_TEXT_BYTES) throw tooLarge(input.length, 'bytes');
  if (input.length === 0) throw new ImportError('empty', 'The file is empty', 1, 1);
  const signature = SIGNATURES.find((s) => startsWith(input, s.bytes));
  if (signature) {
    throw new ImportError('not-text', `This is ${signature.what}, not a plain text: import its text saved as UTF-8`, 1, 1);
  }
  const wide = wideEncoding(input);
  if (wide) {
    throw new ImportError('encoding', `The file looks like ${wide}, not UTF-8: save it as UTF-8 and import it again`, 1, 1);
  }
  // Control bytes early on mean binary data, whatever its high bytes look like; a Latin-1 text has none.
  const control = input.subarray(0, 8192).findIndex(isBinaryUnit);
  if (control >= 0) throw binaryAt((i) => input[i], control, input[control]!);
}

/**
 * Decodes `input` to a string (a leading byte-order mark removed). Strings are checked like decoded bytes.
 * @throws ImportError
 *   - `too-large` over MAX_TEXT_BYTES (bytes, or the UTF-8 length of a string);
 *   - `not-text` for files of another format: PDF, images, ZIP/Office/EPUB, gzip, RTF, HTML, XML, JSON;
 *   - `encoding` for UTF-16/UTF-32 ("save as UTF-8"), for invalid UTF-8 (line and byte column of the bad byte;
 *     most often Latin-1 or Windows-1252) and for a lone surrogate in a string;
 *   - `binary` for NUL or other control characters;
 *   - `empty` when there is nothing but white space.
 */
export function decodeText(input: string | Uint8Array): string {
  let text: string;
  if (typeof input === 'string') {
    if (input.length > MAX_TEXT_BYTES) throw tooLarge(input.length, 'UTF-16 code units');
    if (!input.isWellFormed()) {
      const at = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(input)?.index ?? 0;
      const { line, column } = lineColumnAt((i) => input.charCodeAt(i), at);
      const hex = input.charCodeAt(at).toString(16).toUpperCase();
      throw new ImportError('encoding', `The text contains a lone surrogate U+${hex} (half of a character; not valid Unicode)`, line, column);
    }
    // A UTF-16 code unit takes at most three bytes in UTF-8: short strings need no count.
    if (input.length * 3 > MAX_TEXT_BYTES) {
      const size = utf8Length(input, MAX_TEXT_BYTES);
      if (size > MAX_TEXT_BYTES) throw tooLarge(size, 'bytes in UTF-8');
    }
    text = input;
  } else {
    checkBytes(input);
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
    } catch {
      throw invalidUtf8(input);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const control = CONTROL.exec(text);
  if (control) throw binaryAt((k) => text.charCodeAt(k), control.index, text.charCodeAt(control.index));
  if (!/\S/.test(text)) {
    throw new ImportError('empty', text.length === 0 ? 'The file is empty' : 'The file holds only white space', 1, 1);
  }
  refuseOtherFormats(text);
  return text;
}

/** Line breaks of a decoded text: CRLF, LF or CR. */
const LINE_BREAK = /\r\n|\n|\r/;

/**
 * The lines of the decoded input: exactly `decodeText(input).split(/\r\n|\n|\r/)`, with the same refusals.
 * @throws ImportError as `decodeText`.
 */
export function decodeLines(input: string | Uint8Array): string[] {
  if (typeof input === 'string') return decodeText(input).split(LINE_BREAK);
  checkBytes(input);
  return linesOfBytes(input) ?? decodeText(input).split(LINE_BREAK);
}

/**
 * The lines of well-formed UTF-8 `bytes`, each decoded on its own, or null whenever `decodeText` could refuse the
 * text or read it differently: bytes that are not UTF-8, control characters, nothing but white space, or a first
 * character that may open another format (`%`, `{`, `<`, `[`). The caller then takes the whole-text path, which
 * says what is wrong and where. Why: a string of the whole text (over 128 KiB) goes to V8's large-object space,
 * which costs several milliseconds per megabyte on every import; lines are small, and a line of ASCII becomes a
 * one-byte string. UTF-8 never has a CR or LF byte inside a character, so decoding between them is decoding the
 * whole and splitting it; a control character is a byte below 0x20 (or 0x7F) in valid UTF-8.
 */
function linesOfBytes(bytes: Uint8Array): string[] | null {
  const n = bytes.length;
  const lines: string[] = [];
  // Keep a byte-order mark inside the text as U+FEFF, as the whole-text decoder does; the one at the start goes.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let start = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    for (let i = start; i < n; i++) {
      const b = bytes[i]!;
      if (b >= 0x20) {
        if (b === 0x7f) return null;
        continue;
      }
      if (b === 0x0a || b === 0x0d) {
        // Blank lines (every other line of a text in blocks) need no view and no decoder call.
        lines.push(i === start ? '' : decoder.decode(bytes.subarray(start, i)));
        if (b === 0x0d && bytes[i + 1] === 0x0a) i++;
        start = i + 1;
      } else if (b !== 0x09 && b !== 0x0c) {
        return null;
      }
    }
    lines.push(decoder.decode(bytes.subarray(start, n)));
  } catch {
    return null;
  }
  // The first character that is not white space: none means an empty text; `%`, `{`, `<` or `[` may open a PDF,
  // RTF, HTML, XML or JSON document (refuseOtherFormats).
  for (const line of lines) {
    for (let k = 0; k < line.length; k++) {
      const u = line.charCodeAt(k);
      if (isWhiteSpace(u)) continue;
      return u === 0x25 || u === 0x7b || u === 0x3c || u === 0x5b ? null : lines;
    }
  }
  return null;
}
