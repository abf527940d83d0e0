/**
 * Is a text a revision of the work being read, or another text? (issue 10, "a newer revision that is a different
 * article"). A revision rewords, adds, deletes and moves passages, but keeps most of them: the share of the work's
 * passages — runs of five words, compared case-insensitively — that the candidate still holds is high for a revision
 * (the hand-made Kavbiuro revision keeps 0.7 of them; a 1 % edit keeps about 0.95) and near 0 for another article.
 *
 * Pure: strings in, a number out.
 */

/** Below this share of shared passages the candidate is not taken as a revision (see the module comment). */
export const MIN_SHARED_PASSAGES = 0.3;

/** Words of five in a row (the passages compared). */
const RUN = 5;

function passages(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (let i = 0; i + RUN <= words.length; i++) out.push(words.slice(i, i + RUN).join(' '));
  return out;
}

/**
 * The share (0–1) of `work`'s five-word passages that `candidate` also has. A work too short to have one passage
 * shares all of it when the candidate holds its words in order, else nothing.
 */
export function sharedPassageShare(work: string, candidate: string): number {
  const mine = passages(work);
  if (mine.length === 0) {
    const words = (work.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
    return words && (candidate.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ').includes(words) ? 1 : 0;
  }
  const theirs = new Set(passages(candidate));
  let shared = 0;
  for (const p of mine) if (theirs.has(p)) shared++;
  return shared / mine.length;
}
