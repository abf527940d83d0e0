/**
 * Types of a claim: a sentence- and marker-bounded span of a body block, with the sources that support it.
 */

/**
 * How a claim is supported:
 * - `direct`: a marker run follows it immediately;
 * - `inherited`: no marker right after it, but a later marker run in the same block covers it (Wikipedia's
 *   convention that a citation can cover the sentences before it);
 * - `none`: nothing in its block after it cites a source.
 */
export type Support = 'direct' | 'inherited' | 'none';

/** The support levels, in the order the UI and exports list them. */
export const SUPPORT_LEVELS: readonly Support[] = ['direct', 'inherited', 'none'];

/**
 * A claim. `block` indexes the body blocks; `start`/`end` are UTF-16 offsets in that block's text (markers
 * included, so a direct claim's range ends after its marker run). `sources` are reference labels.
 * `id` is stable across reloads of the same text (derived from the claim's text and its occurrence).
 */
export interface Claim {
  id: string;
  block: number;
  start: number;
  end: number;
  text: string;
  sources: string[];
  support: Support;
}
