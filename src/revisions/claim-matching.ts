/**
 * Which claim of one revision is which claim of the other. Claims are compared by their words (`key`: markers,
 * bracketed notes and signals taken out, white space collapsed), never by id or index — an inserted sentence
 * shifts every index after it, and a claim's id changes with its words.
 *
 * 1. The same words: words found once on each side are paired first; a repeated claim is paired with an
 *    occurrence standing between the unambiguous pairs around it, else in order of occurrence (a book repeats
 *    itself: pairing repeats in order alone would send one across the text when another copy was deleted).
 * 2. The pairs that keep the order of both texts (a longest increasing subsequence) are the backbone; every other
 *    same-words pair stands elsewhere than its neighbours: a move — unless, where the old claim stood (between its
 *    backbone neighbours), the new text has an unpaired claim with similar words. Then the claim was edited in
 *    place and the far-away copy of its old words is new text (the trap of an edited passage whose old wording is
 *    planted elsewhere, which the anchoring engine also resists: position and context beat exactness).
 * 3. The rest are paired by similarity, 1 − edit distance ÷ the longer length (the anchoring engine's measure,
 *    edit-distance.ts), at least `REWORD_SIMILARITY` (the engine's `MAX_ERROR_RATE`: more than half the characters
 *    changed is other words). Candidates share a rare word or stand where the old claim stood (a bonus); the most
 *    similar pairs are taken first; a claim at least `SURE_REWORD` similar to the one standing in its place (as
 *    far after the backbone neighbour before it) is paired at once. A claim rewritten beyond that is removed, and
 *    its rewrite added.
 * 4. Pairs with the same words that still break the order of the text are moved.
 *
 * Pure: strings in, indexes out.
 */
import { MAX_ERROR_RATE } from '../anchoring/match-score.ts';
import { similarity } from './reference-matching.ts';
import { longestSubsequence } from '../anchoring/longest-subsequence.ts';

/** Least similarity for two claims to be one claim reworded. */
export const REWORD_SIMILARITY = 1 - MAX_ERROR_RATE;

/** A claim this similar to the one standing in its place is taken as its rewording without looking further. */
const SURE_REWORD = 0.8;
/** Bonus to the similarity of a candidate standing where the old claim stood. */
const IN_PLACE_BONUS = 0.1;
/** A word in more unpaired claims than this says little about which is which. */
const FREQUENT_WORD = 32;
/** Candidates compared per claim (by shared rare words), and unpaired claims in its place. */
const CANDIDATES = 8;
const IN_PLACE_CANDIDATES = 24;

/** The words of a claim as compared: without bracketed groups (`[1]`, `[citation needed]`), white space collapsed. */
export function claimKey(text: string): string {
  // Most claims have neither a bracket nor irregular white space: skip the replacements then (a book has thousands).
  const t = text.includes('[') ? text.replace(/\[[^[\]\n]*\]/g, ' ') : text;
  return /\s\s|[^\S ]|^\s|\s$/.test(t) ? t.replace(/\s+/g, ' ').trim() : t;
}

/**
 * The pairing: `forward[i]` is the new index paired with old claim i (−1: removed), `backward` the reverse
 * (−1: added); `similarity[i]` for a paired old claim (1 for the same words); `moved[i]` true for a same-words
 * pair out of the text's order.
 */
export interface ClaimMatching {
  forward: Int32Array;
  backward: Int32Array;
  similarity: Float64Array;
  moved: Uint8Array;
}

/** The backbone (old and new indexes, both increasing) of the current pairs, and where an old index falls in it. */
class Backbone {
  readonly olds: number[] = [];
  readonly news: number[] = [];

  constructor(forward: Int32Array) {
    const olds: number[] = [];
    const news: number[] = [];
    forward.forEach((j, i) => {
      if (j >= 0) {
        olds.push(i);
        news.push(j);
      }
    });
    const keep = new Set(longestSubsequence(news, true));
    olds.forEach((o, k) => {
      if (keep.has(k)) {
        this.olds.push(o);
        this.news.push(news[k]!);
      }
    });
  }

  /**
   * The new-text interval (exclusive bounds) between the backbone neighbours of old index `i`, and the old index of
   * the neighbour before it (−1 when none).
   */
  gapOf(i: number, newCount: number): [number, number, number] {
    let lo = 0;
    let hi = this.olds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.olds[mid]! < i) lo = mid + 1;
      else hi = mid;
    }
    // lo: first backbone entry with old index ≥ i (i itself when i is on the backbone).
    const before = lo > 0 ? this.news[lo - 1]! : -1;
    const oldBefore = lo > 0 ? this.olds[lo - 1]! : -1;
    let after = newCount;
    for (let k = lo; k < this.olds.length; k++) {
      if (this.olds[k]! > i) {
        after = this.news[k]!;
        break;
      }
    }
    return [before, after, oldBefore];
  }
}

const words = (key: string) => new Set(key.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Matches the claims of two revisions, given their keys (`claimKey`). See the module comment. */
export function matchClaims(before: readonly string[], after: readonly string[]): ClaimMatching {
  const forward = new Int32Array(before.length).fill(-1);
  const backward = new Int32Array(after.length).fill(-1);
  const sim = new Float64Array(before.length);
  const pair = (i: number, j: number, s: number) => {
    forward[i] = j;
    backward[j] = i;
    sim[i] = s;
  };

  // 1. The same words: first the words found once on each side (unambiguous), then each repeated one with an
  // occurrence between the unambiguous neighbours of its place, else in order of occurrence.
  const byKey = new Map<string, number[]>();
  for (let j = 0; j < after.length; j++) {
    const list = byKey.get(after[j]!);
    if (list) list.push(j);
    else byKey.set(after[j]!, [j]);
  }
  const oldCount = new Map<string, number>();
  for (const k of before) oldCount.set(k, (oldCount.get(k) ?? 0) + 1);
  for (let i = 0; i < before.length; i++) {
    const list = byKey.get(before[i]!);
    if (list && list.length === 1 && oldCount.get(before[i]!) === 1) pair(i, list[0]!, 1);
  }
  const unique = new Backbone(forward);
  const cursor = new Map<string, number>();
  for (let i = 0; i < before.length; i++) {
    if (forward[i] !== -1) continue;
    const list = byKey.get(before[i]!);
    if (!list) continue;
    const [lo, hi] = unique.gapOf(i, after.length);
    // The occurrences are in text order: the first after `lo` by binary search, then on while inside the gap.
    let a = 0;
    let b = list.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (list[mid]! <= lo) a = mid + 1;
      else b = mid;
    }
    let j = -1;
    for (let k = a; k < list.length && list[k]! < hi; k++) {
      if (backward[list[k]!] === -1) {
        j = list[k]!;
        break;
      }
    }
    if (j === -1) {
      // In order of occurrence: the first still unpaired (a cursor per key, so repeats cost no rescans).
      let c = cursor.get(before[i]!) ?? 0;
      while (c < list.length && backward[list[c]!] !== -1) c++;
      cursor.set(before[i]!, c);
      if (c < list.length) j = list[c]!;
    }
    if (j !== -1) pair(i, j, 1);
  }

  // 2. Same-words pairs off the backbone whose old place now holds their edited words.
  let backbone = new Backbone(forward);
  const onBackbone = new Set(backbone.olds);
  for (let i = 0; i < before.length; i++) {
    const j = forward[i]!;
    if (j < 0 || onBackbone.has(i)) continue;
    const [lo, hi] = backbone.gapOf(i, after.length);
    let best = -1;
    let bestSim = REWORD_SIMILARITY;
    for (let k = lo + 1; k < hi && k - lo <= IN_PLACE_CANDIDATES; k++) {
      if (backward[k] !== -1) continue;
      const s = similarity(before[i]!, after[k]!);
      if (s >= bestSim) {
        best = k;
        bestSim = s;
      }
    }
    if (best >= 0) {
      backward[j] = -1;
      pair(i, best, bestSim);
    }
  }

  // 3. The rest by similarity. First the common case, a light edit: the claim standing as far after the backbone
  // neighbour before it is its rewording.
  backbone = new Backbone(forward);
  const gaps = new Map<number, [number, number, number]>();
  for (let i = 0; i < before.length; i++) {
    if (forward[i] !== -1) continue;
    const gap = backbone.gapOf(i, after.length);
    const same = gap[0] + (i - gap[2]);
    if (same < gap[1] && backward[same] === -1) {
      const s = similarity(before[i]!, after[same]!);
      if (s >= SURE_REWORD) {
        pair(i, same, s);
        continue;
      }
    }
    gaps.set(i, gap);
  }
  if (gaps.size === 0) return finish();
  // Then candidates sharing rare words, or standing where the old claim stood.
  const byWord = new Map<string, number[]>();
  for (let j = 0; j < after.length; j++) {
    if (backward[j] !== -1) continue;
    for (const w of words(after[j]!)) {
      const list = byWord.get(w);
      if (list) list.push(j);
      else byWord.set(w, [j]);
    }
  }
  const candidates: { i: number; j: number; s: number; score: number }[] = [];
  for (const [i, [lo, hi]] of gaps) {
    const votes = new Map<number, number>();
    for (const w of words(before[i]!)) {
      const list = byWord.get(w);
      if (!list || list.length > FREQUENT_WORD) continue;
      for (const j of list) votes.set(j, (votes.get(j) ?? 0) + 1);
    }
    const tried = new Set([...votes].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATES).map(([j]) => j));
    for (let j = lo + 1; j < hi && j - lo <= IN_PLACE_CANDIDATES; j++) if (backward[j] === -1) tried.add(j);
    for (const j of tried) {
      const s = similarity(before[i]!, after[j]!);
      if (s < REWORD_SIMILARITY) continue;
      candidates.push({ i, j, s, score: s + (lo < j && j < hi ? IN_PLACE_BONUS : 0) });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.i - b.i);
  for (const { i, j, s } of candidates) if (forward[i] === -1 && backward[j] === -1) pair(i, j, s);

  return finish();

  // 4. Same-words pairs still out of order.
  function finish(): ClaimMatching {
    const inOrder = new Set(new Backbone(forward).olds);
    const moved = new Uint8Array(before.length);
    for (let i = 0; i < before.length; i++) if (forward[i]! >= 0 && sim[i] === 1 && !inOrder.has(i)) moved[i] = 1;
    return { forward, backward, similarity: sim, moved };
  }
}
