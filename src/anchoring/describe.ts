/**
 * From a range of the canonical text to a stored target: the way back from anchoring (anchor.ts). Kept apart from
 * the matcher so that making a note on the page does not load the anchoring engine.
 *
 * Positions are taken in UTF-16 code units (as JavaScript and the editor count) and written in Unicode code points,
 * as the W3C model requires of a `TextPositionSelector` (code-points.ts); on a text without characters outside the
 * Basic Multilingual Plane the two are the same numbers.
 *
 * Pure: strings and numbers.
 */
import type { TextTarget } from './annotation-types.ts';
import { CodePointOffsets } from './code-points.ts';

/** Characters of context stored on each side of a quote (DESIGN §1). */
export const CONTEXT_LENGTH = 32;

/**
 * The words text[start, end) (UTF-16 offsets) with up to `CONTEXT_LENGTH` code units of context on each side (fewer
 * at the text's edges, and never half a surrogate pair): what a `TextQuoteSelector` and an `AnchorResult` hold. The
 * one place context is cut from a text.
 */
export function quoteAt(text: string, start: number, end: number): { exact: string; prefix: string; suffix: string } {
  return { exact: text.slice(start, end), prefix: prefixBefore(text, start), suffix: suffixAfter(text, end) };
}

/**
 * The target of text[start, end) (UTF-16 offsets): a `TextQuoteSelector` (exact, 32 UTF-16 code units of prefix and
 * suffix, fewer at the text's edges) and a `TextPositionSelector` in code points, on `source`. An edge between the
 * two halves of a surrogate pair widens the range to the whole character (a caret there moves before it).
 * @throws RangeError when start/end are not integers with 0 ≤ start ≤ end ≤ text.length.
 */
export function describe(text: string, start: number, end: number, source: string): TextTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    throw new RangeError(`describe: [${start}, ${end}) is not a range of a ${text.length}-character text`);
  }
  // A range edge between the two halves of a surrogate pair widens to the whole character: a W3C position (in code
  // points) cannot say "half a character", and the quote must be the text the position selects.
  // (A caret there moves before the character.)
  const caret = start === end;
  if (splitsPair(text, start)) start--;
  if (caret) end = start;
  else if (splitsPair(text, end)) end++;
  return {
    source,
    selector: [
      { type: 'TextQuoteSelector', ...quoteAt(text, start, end) },
      { type: 'TextPositionSelector', ...positionInCodePoints(text, start, end) },
    ],
  };
}

/**
 * The stored prefix of a range starting at `start`: the `CONTEXT_LENGTH` UTF-16 code units before it, less the
 * second half of a surrogate pair it would cut (a context never holds half a character).
 */
export function prefixBefore(text: string, start: number): string {
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (from < start && splitsPair(text, from)) from++;
  return text.slice(from, start);
}

/** The stored suffix of a range ending at `end`: as `prefixBefore`, after it. */
export function suffixAfter(text: string, end: number): string {
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (to > end && splitsPair(text, to)) to--;
  return text.slice(end, to);
}

/** True when `at` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1));
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The W3C position of text[start, end) (UTF-16 offsets): the same range counted in Unicode code points. */
export function positionInCodePoints(text: string, start: number, end: number): { start: number; end: number } {
  const offsets = CodePointOffsets.of(text);
  return offsets.identity ? { start, end } : { start: offsets.toPoints(start), end: offsets.toPoints(end) };
}

/**
 * A stored W3C position (code points) as a range of `text` in UTF-16 offsets — the inverse of `positionInCodePoints`.
 * Positions past the end keep their distance from it (an orphan's stored position of a longer text).
 */
export function positionInUnits(text: string, position: { start: number; end: number }): { start: number; end: number } {
  const offsets = CodePointOffsets.of(text);
  return offsets.identity ? { start: position.start, end: position.end } : { start: offsets.toUnits(position.start), end: offsets.toUnits(position.end) };
}
