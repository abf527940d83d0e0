/**
 * Checks every opened source passes before it is imported or kept: not empty, not larger than the reader opens,
 * valid UTF-8 (the bytes are kept as received; a file in another encoding is refused with where the first bad byte
 * is, never shown as replacement characters). Pure.
 */

/** The largest source opened from the page or the CLI: 50 MB. */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

/**
 * Null when `bytes` (from `origin`, named in messages) can be opened; otherwise a sentence saying what is wrong and
 * where.
 */
export function sourceBytesProblem(bytes: Uint8Array, origin: string): string | null {
  if (bytes.length === 0) return `${origin} is empty.`;
  if (bytes.length > MAX_SOURCE_BYTES) {
    return `${origin} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the reader opens sources up to ${MAX_SOURCE_BYTES / 1024 / 1024} MB.`;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return null;
  } catch {
    const at = firstInvalidUtf8(bytes);
    const what = at < bytes.length ? `the byte at offset ${at} (0x${bytes[at]!.toString(16).padStart(2, '0')})` : 'a sequence near its end';
    return `${origin} is not UTF-8 text: ${what} is not valid UTF-8. Save it as UTF-8 and open it again.`;
  }
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return bytes.length;
}
