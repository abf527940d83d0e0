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

/** The error for the first byte of `bytes` that is not valid UTF-8. */
function badByte(bytes: Uint8Array): ImportError {
  let lo = 0;
  let hi = bytes.length;
  // The longest valid prefix, by bisection (a decoder that fails on a prefix fails on every longer one, up to a
  // character cut at the end, which the non-fatal stream mode tolerates).
  const decoder = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (decoder(mid)) lo = mid;
    else hi = mid - 1;
  }
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < lo; i++) if (bytes[i] === 0x0a) ((line += 1), (lineStart = i + 1));
  const at = Math.min(lo, bytes.length - 1);
  const hex = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return new ImportError('encoding', `Byte 0x${hex} is not UTF-8 (the page is in another encoding, e.g. Windows-1252; save it as UTF-8)`, line, at - lineStart + 1);
}
