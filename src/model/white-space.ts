/**
 * White space as JavaScript's `\s` and `String.prototype.trim` define it (WhiteSpace and LineTerminator), tested on a
 * code unit without a regular expression or a one-character string: the importer's scans call it for most
 * characters of a text.
 */

/**
 * True when code unit `u` is JavaScript white space: exactly the set `/\s/` matches (tab, LF, VT, FF, CR, space,
 * U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF).
 */
export function isWhiteSpace(u: number): boolean {
  if (u < 0x80) return u === 0x20 || (u >= 0x09 && u <= 0x0d);
  if (u < 0x1680) return u === 0xa0;
  return (
    u === 0x1680 ||
    (u >= 0x2000 && u <= 0x200a) ||
    u === 0x2028 ||
    u === 0x2029 ||
    u === 0x202f ||
    u === 0x205f ||
    u === 0x3000 ||
    u === 0xfeff
  );
}
