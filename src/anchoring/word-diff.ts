/**
 * A word-level diff of two short passages — a note's old quote and the words it landed on in a newer revision —
 * for the revision review (issue 10), which shows them side by side.
 *
 * Tokens are runs of letters and digits (any script), runs of white space, and single other characters
 * (punctuation, brackets, quotation marks), so "1920," against "1921," differs in "1920" only. The diff is a
 * longest common subsequence of tokens; adjacent parts of the same kind are merged, and white space alone between
 * two changes joins them into one (see `joinChanges`). Concatenating the `same` and
 * `removed` parts gives the old passage back, the `same` and `added` parts the new one: nothing is lost.
 *
 * Passages whose token counts multiply past `MAX_CELLS` (far longer than any quote) are not aligned: the diff is the
 * whole old passage removed and the whole new one added — still exact, only coarse.
 *
 * Pure: strings in, plain data out.
 */

/** One part of a diff: words both passages share, or only the old (`removed`) or only the new (`added`) has. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Above this many cells (old tokens × new tokens) the passages are not aligned (see the module comment). */
export const MAX_CELLS = 4_000_000;

const TOKEN = /[\p{L}\p{N}\p{M}]+|\s+|[^]/gu;

/** `text` cut into tokens (see the module comment); joined, they give `text` back. */
export function wordTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The word-level diff of `before` and `after` (see the module comment). */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = wordTokens(before);
  const b = wordTokens(after);
  // Common head and tail need no table.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  push('same', a.slice(0, head).join(''));
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  if (x.length * y.length > MAX_CELLS) {
    push('removed', x.join(''));
    push('added', y.join(''));
  } else {
    // lcs[i][j]: length of the longest common subsequence of x[i..] and y[j..], in one flat array.
    const w = y.length + 1;
    const lcs = new Uint32Array((x.length + 1) * w);
    for (let i = x.length - 1; i >= 0; i--) {
      for (let j = y.length - 1; j >= 0; j--) {
        lcs[i * w + j] = x[i] === y[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
      if (i < x.length && j < y.length && x[i] === y[j]) {
        push('same', x[i++]!);
        j++;
      } else if (i < x.length && (j === y.length || lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) {
        // On a tie the old words go first: a replacement reads "removed, then added".
        push('removed', x[i++]!);
      } else {
        push('added', y[j++]!);
      }
    }
  }
  push('same', a.slice(a.length - tail).join(''));
  return joinChanges(parts);
}

/**
 * Reads as people do: white space standing alone between two changes belongs to both sides of one change, so
 * "two days later" → "the next day" is one replacement, not three words swapped around shared spaces.
 */
function joinChanges(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let i = 0;
  while (i < parts.length) {
    if (parts[i]!.kind === 'same') {
      out.push(parts[i++]!);
      continue;
    }
    let removed = '';
    let added = '';
    let end = i;
    // The run of changes: changes, and white-space-only same parts with a change on both sides.
    while (end < parts.length) {
      const p = parts[end]!;
      if (p.kind === 'same' && !(/^\s+$/.test(p.text) && end + 1 < parts.length && end > i)) break;
      if (p.kind !== 'added') removed += p.text;
      if (p.kind !== 'removed') added += p.text;
      end++;
    }
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    i = end;
  }
  return out;
}

/** The old passage of a diff (`same` and `removed` parts). */
export function diffBefore(parts: readonly DiffPart[]): string {
  return parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('');
}

/** The new passage of a diff (`same` and `added` parts). */
export function diffAfter(parts: readonly DiffPart[]): string {
  return parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('');
}
