/**
 * Footnote labels as Wikipedia shows them: Parsoid writes `[lower-alpha 1]` and lets CSS show `[a]`; the label kept
 * is the shown one (`a`, `n 1`, `1`). Pure.
 */

const ROMAN: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];

function alpha(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
}

function roman(n: number): string {
  let s = '';
  let k = n;
  for (const [v, r] of ROMAN) while (k >= v) ((s += r), (k -= v));
  return s;
}

/** The label shown for number `n` (`1`, `1.2`) of footnote group `group` (`` for references). */
export function shownLabel(group: string, n: string): string {
  const whole = /^\d+$/.test(n) ? Number(n) : NaN;
  if (!Number.isNaN(whole)) {
    if (group === 'lower-alpha' || group === 'lower-latin') return alpha(whole);
    if (group === 'upper-alpha' || group === 'upper-latin') return alpha(whole).toUpperCase();
    if (group === 'lower-roman') return roman(whole);
    if (group === 'upper-roman') return roman(whole).toUpperCase();
    if (group === 'lower-greek') return String.fromCharCode(0x3b0 + whole);
  }
  return group ? `${group} ${n}` : n;
}

/** A marker's written text (`[lower-alpha 1]`, `[n 1]`, `[12]`) → the shown label and its group. */
export function labelOfMarkerText(written: string, groupHint = ''): { label: string; group: string } {
  const inner = written.replace(/\s+/g, ' ').trim().replace(/^\[/, '').replace(/\]$/, '').trim();
  const m = /^(.*?)\s*(\d+(?:\.\d+)?)$/.exec(inner);
  if (m) {
    const group = m[1] || groupHint;
    return { label: shownLabel(group, m[2]!), group };
  }
  return { label: inner, group: groupHint || (/^\d/.test(inner) ? '' : 'lower-alpha') };
}
