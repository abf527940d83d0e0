/**
 * Cuts body blocks into claims and decides each claim's support (DESIGN §1, "Claims").
 *
 * A block is cut at sentence ends (sentence-breaks.ts, run on the text with markers taken out so that `[1]` never
 * splits a sentence) and after every marker run. A piece that holds nothing but white space, punctuation, markers
 * and bracketed notes (`[n 3]`, `[citation needed]`) joins the claim before it (or after it, at the start of a
 * block): a note belongs to the sentence it annotates. Every letter and digit of a block is in exactly one claim.
 */
import type { Claim, Support } from './claim-types.ts';
import { findMarkers, type Marker } from './marker-runs.ts';
import { sentenceBreaks, sentenceBreaksWithout } from './sentence-breaks.ts';
import { isWhiteSpace } from './white-space.ts';

/** 32-bit FNV-1a of text[start, end), as an unsigned integer. */
function fnv1aHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Character codes of the lower-case hexadecimal digits. */
const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** `prefix` (one code unit) and `h` as 8 lower-case hex digits, built as one string. */
function withHex8(prefix: number, h: number): string {
  return String.fromCharCode(
    prefix,
    HEX[(h >>> 28) & 15]!, HEX[(h >>> 24) & 15]!, HEX[(h >>> 20) & 15]!, HEX[(h >>> 16) & 15]!,
    HEX[(h >>> 12) & 15]!, HEX[(h >>> 8) & 15]!, HEX[(h >>> 4) & 15]!, HEX[h & 15]!,
  );
}

/** 32-bit FNV-1a of a string, as 8 hex digits: short, stable ids. */
export function fnv1a(text: string): string {
  return (fnv1aHash(text, 0, text.length) >>> 0).toString(16).padStart(8, '0');
}

/**
 * The bracketed groups of `text` as [start, end, start, end, …]: a bracketed group on one line is a marker `[3]`
 * or a note such as `[n 3]`, `[sic]`, `[citation needed]` — each match of `/\[[^[\]\n]*\]/g`.
 */
function bracketGroups(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  let open = text.indexOf('[');
  while (open >= 0) {
    let close = open + 1;
    let u = 0;
    while (close < n && (u = text.charCodeAt(close)) !== 0x5d && u !== 0x5b && u !== 0x0a) close++;
    if (close < n && u === 0x5d) {
      out.push(open, close + 1);
      open = text.indexOf('[', close + 1);
    } else {
      open = text.indexOf('[', open + 1);
    }
  }
  return out;
}

/**
 * Sentence boundaries of `text` (offsets in `text`, excluding 0 and text.length). Bracketed groups are taken out
 * before segmenting: a marker never splits a sentence, and a note after a full stop (`grew.[n 8] As`) does not
 * glue two sentences together (the segmenter reads `.[n` as an abbreviation before a lower-case word). A boundary
 * falls after the groups that stand where it is.
 */
function sentenceBoundaries(text: string, language: string): number[] {
  if (!text.includes('[')) return sentenceBreaks(text, language);
  const groups = bracketGroups(text);
  const out = sentenceBreaksWithout(text, groups, language);
  let removed = 0;
  let g = 0;
  for (let k = 0; k < out.length; k++) {
    const s = out[k]!;
    while (g < groups.length && groups[g]! - removed <= s) {
      removed += groups[g + 1]! - groups[g]!;
      g += 2;
    }
    out[k] = s + removed;
  }
  return out;
}

const SUBSTANCE = /[\p{L}\p{N}]/u;

/** True when `text` between `start` and `end` has a letter or digit outside bracketed groups (BRACKETS). */
function hasSubstance(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const u = text.charCodeAt(i);
    if (u === 0x5b) {
      // Skip a bracketed group: up to the next `]` unless a `[` or a line break comes first.
      let j = i + 1;
      while (j < end && text.charCodeAt(j) !== 0x5d && text.charCodeAt(j) !== 0x5b && text.charCodeAt(j) !== 0x0a) j++;
      if (j < end && text.charCodeAt(j) === 0x5d) {
        i = j;
        continue;
      }
    }
    if (u < 0x80) {
      if ((u >= 0x30 && u <= 0x39) || ((u | 0x20) >= 0x61 && (u | 0x20) <= 0x7a)) return true;
    } else if (SUBSTANCE.test(text[i]!) || (u >= 0xd800 && u <= 0xdbff && SUBSTANCE.test(text.slice(i, i + 2)))) {
      return true;
    }
  }
  return false;
}

/** The claims of one block (ids not yet assigned: `id` is ''). */
export function blockClaims(text: string, block: number, language: string): Claim[] {
  const claims: Claim[] = [];
  pushBlockClaims(claims, new BlockWorkspace(), text, block, language, findMarkers(text));
  return claims;
}

/**
 * The working arrays of one pass over blocks, reused from block to block so that cutting a block into claims
 * allocates nothing but its pieces: the marker runs of the block being cut (adjacent markers grouped, as
 * `markerRunsOf` groups them) as parallel arrays — run k spans text[runStart[k], runEnd[k]) and holds the markers
 * `markers[runFirstMarker[k] .. runEndMarker[k])` — and its cut points.
 */
class BlockWorkspace {
  runCount = 0;
  readonly runStart: number[] = [];
  readonly runEnd: number[] = [];
  readonly runFirstMarker: number[] = [];
  readonly runEndMarker: number[] = [];
  /** The cut points of the block, ascending; the first `cutCount` entries are valid. */
  readonly cuts: number[] = [];
  cutCount = 0;

  /** Reads the runs of `markers` (in order, as `findMarkers` gives them). */
  readRuns(markers: readonly Marker[]): void {
    let count = 0;
    for (let m = 0; m < markers.length; m++) {
      const marker = markers[m]!;
      if (count > 0 && this.runEnd[count - 1] === marker.start) {
        this.runEnd[count - 1] = marker.end;
        this.runEndMarker[count - 1] = m + 1;
      } else {
        this.runStart[count] = marker.start;
        this.runEnd[count] = marker.end;
        this.runFirstMarker[count] = m;
        this.runEndMarker[count] = m + 1;
        count++;
      }
    }
    this.runCount = count;
  }

  /** The labels of run `k` without repeats, in order (as `runLabels` gives them). */
  labelsOfRun(markers: readonly Marker[], k: number): string[] {
    const first = this.runFirstMarker[k]!;
    const last = this.runEndMarker[k]!;
    if (last - first === 1) return [markers[first]!.label];
    const labels: string[] = [];
    for (let m = first; m < last; m++) {
      const label = markers[m]!.label;
      if (!labels.includes(label)) labels.push(label);
    }
    return labels;
  }

  /**
   * Reads the block's cut points, ascending and without repeats: 0, the sentence boundaries `bounds` (ascending,
   * inside the block), the end of every marker run (`readRuns` first) and `length`. Both lists are sorted, so they
   * are merged in one pass.
   */
  readCuts(bounds: readonly number[], length: number): void {
    this.cutCount = 0;
    this.pushCut(0);
    let k = 0;
    for (let i = 0; i < bounds.length; i++) {
      const bound = bounds[i]!;
      while (k < this.runCount && this.runEnd[k]! < bound) this.pushCut(this.runEnd[k++]!);
      this.pushCut(bound);
    }
    while (k < this.runCount) this.pushCut(this.runEnd[k++]!);
    this.pushCut(length);
  }

  /** Adds cut point `at` unless it is the last one already. */
  private pushCut(at: number): void {
    if (this.cutCount > 0 && this.cuts[this.cutCount - 1] === at) return;
    this.cuts[this.cutCount++] = at;
  }
}

/** `start` moved forward over the white space that opens text[start, end). */
function trimmedStart(text: string, start: number, end: number): number {
  while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
  return start;
}

/** `end` moved back over the white space that ends text[start, end). */
function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * The claims' extents as [start, end, start, end, …]: each stretch between two consecutive cut points (`readCuts`), trimmed of
 * white space. A stretch without substance (nothing but punctuation, markers and bracketed notes) joins the
 * piece before it, or the next piece at the start of the block; a block with no substance at all is one piece.
 */
function piecesOf(text: string, work: BlockWorkspace): number[] {
  const cuts = work.cuts;
  const pieces: number[] = [];
  // The start of the stretches without substance that open the block, waiting for the first piece.
  let pendingStart = -1;
  for (let c = 1; c < work.cutCount; c++) {
    const start = trimmedStart(text, cuts[c - 1]!, cuts[c]!);
    const end = trimmedEnd(text, start, cuts[c]!);
    if (start === end) continue;
    if (hasSubstance(text, start, end)) {
      pieces.push(pendingStart >= 0 ? pendingStart : start, end);
      pendingStart = -1;
    } else if (pieces.length > 0) {
      pieces[pieces.length - 1] = end;
    } else if (pendingStart < 0) {
      pendingStart = start;
    }
  }
  if (pendingStart >= 0 && pieces.length === 0) {
    const start = trimmedStart(text, pendingStart, text.length);
    const end = trimmedEnd(text, start, text.length);
    if (start < end) pieces.push(start, end);
  }
  return pieces;
}

/**
 * Adds the claims of one block to `out` (ids not yet assigned). `markers` are the block's markers (findMarkers).
 * A claim is supported directly by the last marker run inside it when nothing of substance follows that run
 * within the claim; otherwise it inherits the support of the next run after it in the block; otherwise it has none.
 */
function pushBlockClaims(out: Claim[], work: BlockWorkspace, text: string, block: number, language: string, markers: readonly Marker[]): void {
  work.readRuns(markers);
  work.readCuts(sentenceBoundaries(text, language), text.length);
  const pieces = piecesOf(text, work);
  // Pieces and runs are both in order: one sweep finds, for each piece, the last run inside it and the next after it.
  const runs = work.runCount;
  let next = 0;
  for (let p = 0; p < pieces.length; p += 2) {
    const start = pieces[p]!;
    const end = pieces[p + 1]!;
    while (next < runs && work.runEnd[next]! <= end) next++;
    const last = next - 1;
    let support: Support = 'none';
    let sources: string[] = [];
    if (last >= 0 && work.runStart[last]! >= start && !hasSubstance(text, work.runEnd[last]!, end)) {
      support = 'direct';
      sources = work.labelsOfRun(markers, last);
    } else if (next < runs) {
      support = 'inherited';
      sources = work.labelsOfRun(markers, next);
    }
    out.push({ id: '', block, start, end, text: text.slice(start, end), sources, support });
  }
}

/**
 * The claims of all blocks, in document order, with stable ids: `c` + FNV-1a of the claim's text, and `-2`, `-3`
 * … for later claims with the same text. The same text always yields the same ids. `markers`, when given, are the
 * markers of each block as `findMarkers` finds them (the importer has them already).
 */
export function findClaims(
  blocks: readonly { text: string }[],
  language = 'en',
  markers?: readonly (readonly Marker[])[],
): Claim[] {
  const claims: Claim[] = [];
  // Keyed by the hash itself: the base id is a function of it alone.
  const seen = new Map<number, number>();
  const work = new BlockWorkspace();
  for (let b = 0; b < blocks.length; b++) {
    const text = blocks[b]!.text;
    const first = claims.length;
    pushBlockClaims(claims, work, text, b, language, markers?.[b] ?? findMarkers(text));
    for (let c = first; c < claims.length; c++) {
      const claim = claims[c]!;
      // claim.text is text[start, end): hashing it there reads the block's own string.
      const h = fnv1aHash(text, claim.start, claim.end);
      const n = (seen.get(h) ?? 0) + 1;
      seen.set(h, n);
      const base = withHex8(0x63, h);
      claim.id = n === 1 ? base : `${base}-${n}`;
    }
  }
  return claims;
}
