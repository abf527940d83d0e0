/**
 * The words that differ between a claim and its rewording, for showing them marked: the common run of whole
 * words at the start and at the end is kept, what lies between is the change on each side. Pure.
 */

/** `head` and `tail` are the words both share; `was`/`now` what stands between them on each side (may be ''). */
export interface ChangedWords {
  head: string;
  was: string;
  now: string;
  tail: string;
}

const WORDS = /\S+\s*/g;

/** Splits `before` and `after` into their common first and last words and the changed middle of each. */
export function changedWords(before: string, after: string): ChangedWords {
  const a = before.match(WORDS) ?? [];
  const b = after.match(WORDS) ?? [];
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const lead = before.length - before.trimStart().length;
  return {
    head: before.slice(0, lead) + a.slice(0, head).join(''),
    was: a.slice(head, a.length - tail).join(''),
    now: b.slice(head, b.length - tail).join(''),
    tail: a.slice(a.length - tail).join(''),
  };
}
