/**
 * `apparatus anchor TEXT ANNOTATIONS [--json]`: anchors a W3C annotation file on a (possibly revised) text.
 *
 * TEXT is imported (importText) and measured as the canonical text (canonicalText); ANNOTATIONS is read with
 * parseAnnotationFile. Each annotation with a text target is anchored (replies, whose target is another
 * annotation, are skipped). With --json stdout is exactly
 * `{"results":[{"id","status","score","start","end","quote","prefix","suffix"}]}` (DESIGN §1), in file order, with
 * `start`/`end` in Unicode code points of the canonical text (as W3C positions are counted); without it, a table
 * for people.
 *
 * Exit codes: 0 when the file could be read — even if some annotations were rejected or orphaned (those are
 * reported: rejected ones on stderr, orphans in the results); 1 when TEXT or ANNOTATIONS cannot be read at all
 * (not a text, not JSON, not annotations) or when every annotation in the file was rejected (nothing could be
 * read); 2 for bad usage.
 */
import { anchor } from '../anchoring/anchor.ts';
import type { AnchorResult } from '../anchoring/anchor-result.ts';
import { CodePointOffsets } from '../anchoring/code-points.ts';
import { canonicalText } from '../anchoring/doc-text.ts';
import { parseAnnotationFile } from '../anchoring/annotation-file.ts';
import { AnnotationFileError, describeRejection, textTargetOf } from '../anchoring/selectors.ts';
import { ImportError } from '../model/import-error.ts';
import { importText } from '../model/import-text.ts';
import { parseArgs, UsageError, type CliCommand } from './cli-io.ts';

/**
 * The `--json` shape of one result: exactly the contract's fields, in its order. `start`/`end` are counted in
 * Unicode code points of the canonical `text`, as a W3C `TextPositionSelector` is (the engine's results count
 * UTF-16 code units; the two agree on a text without characters outside the Basic Multilingual Plane).
 */
export function anchorJson(results: readonly AnchorResult[], text: string): unknown {
  return { results: results.map((r) => ({ ...inCodePoints(r, text), quote: r.quote, prefix: r.prefix, suffix: r.suffix })) };
}

/** The result's leading fields with its range in code points. */
function inCodePoints({ id, status, score, start, end }: AnchorResult, text: string) {
  const offsets = CodePointOffsets.of(text);
  return { id, status, score, start: offsets.toPoints(start), end: offsets.toPoints(end) };
}

/** A readable table for people: status, score, canonical range (in code points, as `--json`), id and the start of the quote. */
export function anchorTable(results: readonly AnchorResult[], text: string): string {
  const short = (s: string, n: number) => {
    const one = s.replace(/\s+/g, ' ');
    return one.length > n ? `${one.slice(0, n - 1)}…` : one;
  };
  const rows = results.map((r) => {
    const { start, end } = inCodePoints(r, text);
    return [r.status, r.score.toFixed(3), `${start}–${end}`, r.id, short(r.quote, 60)];
  });
  const head = ['status', 'score', 'range', 'id', 'quote'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const count = (s: string) => results.filter((r) => r.status === s).length;
  return [
    line(head),
    ...rows.map(line),
    `${results.length} anchored: ${count('exact')} exact, ${count('fuzzy')} fuzzy, ${count('orphan')} orphan`,
  ].join('\n') + '\n';
}

/** The command (see the module comment for output and exit codes). */
export const anchorCommand: CliCommand = async (args, io) => {
  const { positional, switches } = parseArgs(args, ['json'], []);
  if (positional.length !== 2) throw new UsageError('anchor takes a TEXT and an ANNOTATIONS file');
  const [textFile, annotationFile] = positional as [string, string];
  const read = async (file: string): Promise<Uint8Array | null> => {
    try {
      return await io.readFile(file);
    } catch (e) {
      io.stderr(`apparatus anchor: cannot read ${file}: ${(e as Error).message}\n`);
      return null;
    }
  };
  const textBytes = await read(textFile);
  const annotationBytes = textBytes && (await read(annotationFile));
  if (!textBytes || !annotationBytes) return 1;

  let text: string;
  try {
    const imported = importText(textBytes);
    text = canonicalText(imported.blocks, imported.references);
  } catch (e) {
    if (e instanceof ImportError) {
      io.stderr(`apparatus anchor: ${textFile}:${e.line}:${e.column}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }

  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(annotationBytes);
  } catch {
    io.stderr(`apparatus anchor: ${annotationFile}: not UTF-8 text\n`);
    return 1;
  }
  let parsed;
  try {
    parsed = parseAnnotationFile(json, annotationFile);
  } catch (e) {
    if (e instanceof AnnotationFileError) {
      io.stderr(`apparatus anchor: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  for (const r of parsed.rejected) io.stderr(`apparatus anchor: ${describeRejection(r, annotationFile)}\n`);
  if (parsed.annotations.length === 0 && parsed.rejected.length > 0) {
    io.stderr(`apparatus anchor: ${annotationFile}: none of its ${parsed.rejected.length} annotations could be read\n`);
    return 1;
  }

  const results: AnchorResult[] = [];
  for (const a of parsed.annotations) {
    const target = textTargetOf(a);
    if (target) results.push(anchor(text, target, a.id));
  }
  io.stdout(switches.has('json') ? JSON.stringify(anchorJson(results, text)) + '\n' : anchorTable(results, text));
  return 0;
};
