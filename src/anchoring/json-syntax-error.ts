/**
 * Where a JSON text first breaks the JSON grammar (RFC 8259), for error messages with line and column: Node's
 * `JSON.parse` does not say where. Iterative (an explicit stack), so any nesting depth is fine.
 *
 * Pure: strings and numbers.
 */

/** The first syntax error: its UTF-16 offset and what was expected there. */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** The first syntax error of `json`, or null when it is valid JSON. */
export function jsonSyntaxError(json: string): JsonSyntaxError | null {
  const n = json.length;
  const stack: number[] = []; // 0x7b '{' or 0x5b '['
  type State = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'after';
  let state: State = 'value';
  let i = 0;
  const fail = (message: string): JsonSyntaxError => ({ offset: i, message: i >= n ? `unexpected end of input (${message})` : `unexpected ${describeChar(json, i)} (${message})` });
  for (;;) {
    while (i < n && WS.has(json.charCodeAt(i))) i++;
    if (state === 'after' && stack.length === 0) return i === n ? null : fail('expected the end of the input');
    if (i >= n) return fail(state === 'after' ? 'expected , or a closing bracket' : state === 'colon' ? 'expected :' : 'expected a value');
    const c = json.charCodeAt(i);
    // Right after an opening bracket, the closing one is allowed; otherwise a value or key must follow.
    if (state === 'valueOrClose' || state === 'keyOrClose') {
      if (c === (state === 'valueOrClose' ? 0x5d : 0x7d)) {
        stack.pop();
        i++;
        state = 'after';
        continue;
      }
      state = state === 'valueOrClose' ? 'value' : 'key';
    }
    switch (state) {
      case 'value': {
        if (c === 0x7b || c === 0x5b) {
          stack.push(c);
          i++;
          state = c === 0x7b ? 'keyOrClose' : 'valueOrClose';
        } else if (c === 0x22) {
          const end = stringEnd(json, i);
          if (end < 0) return { offset: -end - 1, message: stringProblem(json, -end - 1) };
          i = end;
          state = 'after';
        } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
          const end = numberEnd(json, i);
          if (end < 0) {
            i = -end - 1;
            return fail('malformed number');
          }
          i = end;
          state = 'after';
        } else {
          const word = ['true', 'false', 'null'].find((w) => json.startsWith(w, i));
          if (!word) return fail('expected a value');
          i += word.length;
          state = 'after';
        }
        break;
      }
      case 'key': {
        if (c !== 0x22) return fail('expected a property name in double quotes');
        const end = stringEnd(json, i);
        if (end < 0) return { offset: -end - 1, message: stringProblem(json, -end - 1) };
        i = end;
        state = 'colon';
        break;
      }
      case 'colon':
        if (c !== 0x3a) return fail('expected :');
        i++;
        state = 'value';
        break;
      case 'after': {
        const top = stack[stack.length - 1]!;
        if (c === 0x2c) {
          i++;
          state = top === 0x7b ? 'key' : 'value';
        } else if (c === (top === 0x7b ? 0x7d : 0x5d)) {
          stack.pop();
          i++;
        } else {
          return fail(top === 0x7b ? 'expected , or }' : 'expected , or ]');
        }
        break;
      }
    }
  }
}

/** The offset after the string starting at `i` (a `"`), or −(offset of the problem) − 1. */
function stringEnd(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return -j - 1;
    if (c === 0x5c) {
      const e = s.charCodeAt(j + 1);
      if (e === 0x75) {
        if (!/^[0-9a-fA-F]{4}$/.test(s.slice(j + 2, j + 6))) return -j - 1;
        j += 5;
      } else if ('"\\/bfnrt'.includes(s.charAt(j + 1)) && j + 1 < s.length) {
        j++;
      } else return -j - 1;
    }
  }
  return -s.length - 1;
}

function stringProblem(s: string, at: number): string {
  if (at >= s.length) return 'unexpected end of input (unterminated string)';
  return s.charCodeAt(at) === 0x5c ? 'invalid escape in string' : `unexpected ${describeChar(s, at)} in string (control characters must be escaped)`;
}

/** The offset after the number starting at `i`, or −(offset of the problem) − 1. */
function numberEnd(s: string, i: number): number {
  const m = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  m.lastIndex = i;
  const r = m.exec(s);
  if (!r || r[0] === '-' || r[0].length === 0) return -i - 1;
  const end = i + r[0].length;
  const next = s.charAt(end);
  // "01", "1.", "1e" stop early on a character that cannot follow a number.
  if (/[0-9.eE+-]/.test(next)) return -end - 1;
  return end;
}

function describeChar(s: string, i: number): string {
  const c = s.charAt(i);
  return c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? `character U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : `"${c}"`;
}
