/**
 * Turns raw input into a string the importer can split: UTF-8 only, no binary, nothing empty, nothing absurd.
 */
import { ImportError, MAX_TEXT_BYTES } from './import-error.ts';

/**
 * Line and column (1-based) of unit `index` in a sequence of code units or bytes read by `at`, counting LF, CRLF
 * and CR as line breaks.
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

/**
 * Decodes `input` to a string (a leading byte-order mark removed). Strings are checked like decoded bytes.
 * @throws ImportError `too-large` over MAX_TEXT_BYTES; `encoding` for invalid UTF-8 (line and column of the bad
 *   byte) or a lone surrogate; `binary` for NUL or control characters; `empty` when there is no text at all.
 */
export function decodeText(input: string | Uint8Array): string {
  let text: string;
  if (typeof input === 'string') {
    if (input.length > MAX_TEXT_BYTES) {
      throw new ImportError('too-large', `The text is ${input.length} characters long; the limit is ${MAX_TEXT_BYTES}`, 1, 1);
    }
    if (!input.isWellFormed()) {
      const at = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(input)?.index ?? 0;
      const { line, column } = lineColumnAt((i) => input.charCodeAt(i), at);
      throw new ImportError('encoding', 'The text contains a lone surrogate (not valid Unicode)', line, column);
    }
    text = input;
  } else {
    if (input.length > MAX_TEXT_BYTES) {
      const mib = (n: number) => (n / 1048576).toFixed(1);
      throw new ImportError('too-large', `The file is ${mib(input.length)} MiB; the limit is ${mib(MAX_TEXT_BYTES)} MiB`, 1, 1);
    }
    const bad = firstInvalidUtf8(input);
    if (bad >= 0) {
      const { line, column } = lineColumnAt((i) => input[i], bad);
      const byte = input[bad]!.toString(16).toUpperCase().padStart(2, '0');
      throw new ImportError('encoding', `The file is not valid UTF-8: byte 0x${byte} is not part of a valid character`, line, column);
    }
    text = new TextDecoder('utf-8').decode(input);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (isBinaryUnit(u)) {
      const { line, column } = lineColumnAt((k) => text.charCodeAt(k), i);
      const hex = u.toString(16).toUpperCase().padStart(4, '0');
      throw new ImportError('binary', `The file looks binary, not text: it contains the control character U+${hex}`, line, column);
    }
  }
  if (text.trim() === '') {
    throw new ImportError('empty', text.length === 0 ? 'The file is empty' : 'The file holds only white space', 1, 1);
  }
  return text;
}
