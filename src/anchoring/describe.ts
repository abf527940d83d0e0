/**
 * From a range of the canonical text to a stored target: the way back from anchoring (anchor.ts). Kept apart from
 * the matcher so that making a note on the page does not load the anchoring engine.
 *
 * Pure: strings and numbers.
 */
import type { TextTarget } from './annotation-types.ts';

/** Characters of context stored on each side of a quote (DESIGN §1). */
export const CONTEXT_LENGTH = 32;

/**
 * The words text[start, end) with up to `CONTEXT_LENGTH` characters of context on each side (fewer at the text's
 * edges): what a `TextQuoteSelector` and an `AnchorResult` hold. The one place context is cut from a text.
 */
export function quoteAt(text: string, start: number, end: number): { exact: string; prefix: string; suffix: string } {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}

/**
 * The target of text[start, end): a `TextQuoteSelector` (exact, 32 characters of prefix and suffix, fewer at the
 * text's edges) and a `TextPositionSelector`, on `source`.
 * @throws RangeError when start/end are not integers with 0 ≤ start ≤ end ≤ text.length.
 */
export function describe(text: string, start: number, end: number, source: string): TextTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    throw new RangeError(`describe: [${start}, ${end}) is not a range of a ${text.length}-character text`);
  }
  return {
    source,
    selector: [
      { type: 'TextQuoteSelector', ...quoteAt(text, start, end) },
      { type: 'TextPositionSelector', start, end },
    ],
  };
}
