/**
 * Where an annotation landed on a text: the contract of `apparatus anchor --json` (DESIGN §1).
 */
import { quoteAt } from './describe.ts';

/** `exact`: the quote is at the position hint or found verbatim with matching context; `fuzzy`: found by the
 *  approximate matcher above the threshold; `orphan`: not found well enough (kept, never attached to wrong words). */
export type AnchorStatus = 'exact' | 'fuzzy' | 'orphan';

/**
 * One annotation's anchor. `start`/`end` are canonical offsets in UTF-16 code units (for an orphan: the stored
 * position selector, which counts code points, converted as if measured on this text; or 0). `apparatus anchor
 * --json` prints them in code points (cli/anchor-command.ts).
 * `quote` is the text now at [start, end) (for an orphan: the stored quote); `prefix`/`suffix` the 32 characters
 * around it in the canonical text. `score` is 1 for exact, in (threshold, 1) for fuzzy, the best score for orphans.
 */
export interface AnchorResult {
  id: string;
  status: AnchorStatus;
  score: number;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

/** The result for words found at text[start, end): the quote and its context as they are in `text` now. */
export function foundAt(text: string, id: string, status: 'exact' | 'fuzzy', score: number, start: number, end: number): AnchorResult {
  const { exact, prefix, suffix } = quoteAt(text, start, end);
  return { id, status, score, start, end, quote: exact, prefix, suffix };
}
