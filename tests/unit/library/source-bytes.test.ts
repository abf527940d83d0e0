import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, MAX_SOURCE_BYTES, sourceBytesProblem } from '../../../src/library/source-bytes.ts';

describe('checking opened bytes', () => {
  it('accepts UTF-8 text', () => {
    expect(sourceBytesProblem(new TextEncoder().encode('Ünïcödé — ok'), 'a.txt')).toBeNull();
  });
  it('refuses Latin-1 with the offset of the first bad byte', () => {
    const latin1 = new Uint8Array([0x61, 0x62, 0xe9, 0x74, 0xe9]); // "abété" in ISO-8859-1
    expect(firstInvalidUtf8(latin1)).toBe(2);
    expect(sourceBytesProblem(latin1, 'old.txt')).toBe('old.txt is not UTF-8 text: the byte at offset 2 (0xe9) is not valid UTF-8. Save it as UTF-8 and open it again.');
  });
  it('refuses an empty file and one over 50 MB, saying the size', () => {
    expect(sourceBytesProblem(new Uint8Array(), 'e.txt')).toBe('e.txt is empty.');
    expect(sourceBytesProblem(new Uint8Array(MAX_SOURCE_BYTES + 1), 'big.txt')).toMatch(/^big.txt is 50.0 MB; the reader opens sources up to 50 MB\.$/);
  });
});
