/**
 * Reading an annotation file's JSON text: syntax errors and text that is not UTF-8 are named with their line and
 * column; what parses is checked by the validator (selectors.ts). Kept apart from the validator so that the page,
 * which validates stored notes but reads files only in the load worker or on demand, does not load it.
 *
 * Pure: strings in, plain data out.
 */
import { jsonSyntaxError } from './json-syntax-error.ts';
import { AnnotationFileError, readAnnotationItems, type ParsedAnnotations } from './selectors.ts';

/**
 * Parses the JSON text of an annotation file (a leading byte-order mark is ignored). `where` names the file in
 * messages.
 * @throws AnnotationFileError when the text is not JSON (a UTF-16 file decoded as UTF-8 is named as such), holds a
 *   literal U+FFFD (bytes that were not UTF-8, replaced by the decoder), or is not annotations (see
 *   `parseAnnotations`); never anything else.
 */
export function parseAnnotationFile(json: string, where: string): ParsedAnnotations {
  const text = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    if (looksLikeUtf16(text)) {
      throw new AnnotationFileError(`${where}:1:1: not UTF-8: the file looks like UTF-16 text; save it as UTF-8`, 1, 1);
    }
    const problem = jsonSyntaxError(text) ?? { offset: 0, message: e instanceof Error ? e.message : String(e) };
    const { line, column } = lineColumn(text, problem.offset);
    throw new AnnotationFileError(`${where}:${line}:${column}: not JSON: ${problem.message}`, line, column);
  }
  // A decoder puts U+FFFD where bytes were not UTF-8 (a browser's Response.text() does so silently): loading such
  // a file would save the damage back. Nothing Apparatus writes contains U+FFFD unescaped unless the text did.
  const damaged = text.indexOf('\uFFFD');
  if (damaged >= 0) {
    const { line, column } = lineColumn(text, damaged);
    throw new AnnotationFileError(`${where}:${line}:${column}: not UTF-8: a byte here could not be read as UTF-8 (it became U+FFFD); save the file as UTF-8`, line, column);
  }
  const first = /\S/.exec(text)?.index ?? 0;
  const { line, column } = lineColumn(text, first);
  return readAnnotationItems(value, where, line, column);
}

/** UTF-16 text decoded as UTF-8: a NUL in every other code unit (after a byte-order mark turned into U+FFFD). */
function looksLikeUtf16(text: string): boolean {
  const body = text.startsWith('\uFFFD\uFFFD') ? text.slice(2) : text;
  const n = Math.min(64, body.length - (body.length % 2));
  if (n < 4) return false;
  for (const parity of [0, 1]) {
    let ok = true;
    for (let i = 0; i < n && ok; i++) ok = (body.charCodeAt(i) === 0) === (i % 2 === parity);
    if (ok) return true;
  }
  return false;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
