/**
 * The bytes of an HTML source to a string, with the refusals every HTML adapter shares: too large, not UTF-8.
 */
import { ImportError } from '../model/import-error.ts';

/** Largest HTML source accepted: 32 MiB (the longest Wikipedia articles are under 5 MB as HTML). */
export const MAX_HTML_BYTES = 32 * 1024 * 1024;

/**
 * Decodes `input` as UTF-8 (a leading byte-order mark removed).
 * @throws ImportError `too-large` over MAX_HTML_BYTES; `encoding` for bytes that are not UTF-8 (line and byte
 * column of the first bad byte) or a page declaring another charset; `empty` when there is nothing.
 */
export function decodeHtml(input: string | Uint8Array): string {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_HTML_BYTES) {
    throw new ImportError('too-large', `The HTML file is ${(size / 1048576).toFixed(1)} MiB; the limit is ${MAX_HTML_BYTES / 1048576} MiB`, 1, 1);
  }
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
    } catch {
      throw badByte(input);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(text.slice(0, 4096))?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    throw new ImportError('encoding', `The page declares charset ${declared}; only UTF-8 HTML is read (Wikipedia serves UTF-8)`, 1, 1);
  }
  if (!/\S/.test(text)) throw new ImportError('empty', 'The HTML file is empty', 1, 1);
  return text;
}

/** Where the first invalid UTF-8 sequence of `bytes` starts (bytes.length when there is none). */
function firstInvalid(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > n) return i;
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (bytes[i + 1]! < lo || bytes[i + 1]! > hi) return i;
    for (let k = 2; k < len; k++) if (bytes[i + k]! < 0x80 || bytes[i + k]! > 0xbf) return i;
    i += len;
  }
  return n;
}

/** The error for the first byte of `bytes` that is not valid UTF-8 (line, and column in bytes). */
function badByte(bytes: Uint8Array): ImportError {
  const at = Math.min(firstInvalid(bytes), bytes.length - 1);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  const hex = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return new ImportError('encoding', `Byte 0x${hex} is not UTF-8 (the page is in another encoding, e.g. Windows-1252; save it as UTF-8)`, line, at - lineStart + 1);
}
