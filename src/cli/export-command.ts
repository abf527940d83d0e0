/**
 * `apparatus export FILE [--annotations A | --no-annotations] --format jsonld|tei|md|html|csl [--out F]`
 *
 * Imports FILE (its metadata from a `work.json` beside it when there is one, else named after the file with its
 * SHA-256 computed), reads and anchors the annotation file A, and writes the export to F (atomically) or to
 * stdout. Without --annotations, a text at `corpus/<work>/text.txt` gets the curated notes of
 * `annotations/<work>.jsonld` (next to `corpus/`) when that file exists — said on stderr; `--no-annotations`
 * exports the text alone. The export date is now, or `SOURCE_DATE_EPOCH` (seconds) for reproducible output.
 *
 * Exit codes: 0 written; 1 a file cannot be read or is invalid, or annotations were rejected (each reported on
 * stderr, nothing written: an export must not silently lack notes); 2 bad usage (unknown format, missing FILE).
 */
import { dirname, join } from 'node:path';
import { AnnotationFileError } from '../anchoring/selectors.ts';
import { buildExportInput } from '../export/build-export-input.ts';
import { EXPORT_FORMAT_NAMES, exportFormat } from '../export/formats.ts';
import { ImportError } from '../model/import-error.ts';
import { WorkMetaError } from '../model/work.ts';
import { parseArgs, UsageError, type CliCommand, type CliIo } from './cli-io.ts';

/** A JSON file that is not UTF-8 text: the message says which file and where. */
class FileTextError extends Error {
  override readonly name = 'FileTextError';
}

/**
 * Decodes a JSON file's bytes as UTF-8, strictly: nothing is silently replaced.
 * @throws FileTextError naming the file, and the line and column of the first bad byte (UTF-16 is named as such).
 */
export function decodeJsonFile(bytes: Uint8Array, path: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.includes(0)) {
    throw new FileTextError(`${path} looks like UTF-16 (or binary) text; save it as UTF-8`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const at = lossy.indexOf('\uFFFD');
    const before = lossy.slice(0, Math.max(0, at));
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    throw new FileTextError(`${path}:${line}:${column}: not UTF-8 text (save the file as UTF-8)`);
  }
}

/** Reads an optional file: its text, or null when it does not exist. @throws on any other read error. */
async function readOptional(io: CliIo, path: string): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  return decodeJsonFile(bytes, path);
}

/** The curated annotation file of a text at `…/corpus/<work>/text.txt`, or null for any other path. */
export function defaultAnnotationsPath(file: string): string | null {
  const m = /^(.*?)(?:^|[\\/])corpus[\\/]([^\\/]+)[\\/]text\.txt$/.exec(file);
  if (!m) return null;
  return join(m[1] ?? '', 'annotations', `${m[2]}.jsonld`);
}

/** The export date: `SOURCE_DATE_EPOCH` when set to whole seconds, else now. @throws UsageError when it is malformed. */
export function exportDate(env: Readonly<Record<string, string | undefined>>, now: () => Date = () => new Date()): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '') return now().toISOString();
  if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}"`);
  return new Date(Number(epoch) * 1000).toISOString().replace('.000Z', 'Z');
}

export const exportCommand: CliCommand = async (args, io) => {
  const { positional, values, switches } = parseArgs(args, ['no-annotations'], ['annotations', 'format', 'out']);
  const file = positional[0];
  if (!file || positional.length > 1) throw new UsageError('export takes exactly one FILE');
  const formatName = values.get('format');
  if (!formatName) throw new UsageError(`--format is required (${EXPORT_FORMAT_NAMES.join(', ')})`);
  const format = exportFormat(formatName);
  if (!format) throw new UsageError(`unknown format "${formatName}"; the formats are ${EXPORT_FORMAT_NAMES.join(', ')}`);
  if (switches.has('no-annotations') && values.has('annotations')) throw new UsageError('--annotations and --no-annotations exclude each other');
  const exportedAt = exportDate(process.env);
  const fail = (message: string) => {
    io.stderr(`apparatus export: ${message}\n`);
    return 1;
  };

  let text: Uint8Array;
  try {
    text = await io.readFile(file);
  } catch (e) {
    return fail(`cannot read ${file}: ${(e as Error).message}`);
  }
  const workJsonName = join(dirname(file), 'work.json');
  let annotationsName = values.get('annotations') ?? null;
  let workJson: string | null;
  let annotationsJson: string | null = null;
  try {
    workJson = await readOptional(io, workJsonName);
    if (annotationsName !== null) {
      annotationsJson = decodeJsonFile(await io.readFile(annotationsName), annotationsName);
    } else if (!switches.has('no-annotations')) {
      const fallback = defaultAnnotationsPath(file);
      annotationsJson = fallback ? await readOptional(io, fallback) : null;
      if (annotationsJson !== null) {
        annotationsName = fallback;
        io.stderr(`apparatus export: with the notes of ${fallback} (--no-annotations to leave them out)\n`);
      }
    }
  } catch (e) {
    if (e instanceof FileTextError) return fail(e.message);
    return fail(`cannot read ${(e as NodeJS.ErrnoException).path ?? annotationsName ?? workJsonName}: ${(e as Error).message}`);
  }

  let built;
  try {
    built = await buildExportInput({
      text,
      textName: file,
      workJson,
      workJsonName,
      annotationsJson,
      ...(annotationsName !== null ? { annotationsName } : {}),
      exportedAt,
    });
  } catch (e) {
    if (e instanceof ImportError) return fail(`${file}:${e.line}:${e.column}: ${e.message}`);
    if (e instanceof WorkMetaError || e instanceof AnnotationFileError) return fail(e.message);
    throw e;
  }
  for (const w of built.warnings) io.stderr(`apparatus export: warning: ${w}\n`);
  if (built.rejected.length > 0) {
    for (const r of built.rejected) io.stderr(`apparatus export: ${r}\n`);
    return fail(`${built.rejected.length} annotation${built.rejected.length === 1 ? '' : 's'} rejected; nothing written (fix the file, or export without it)`);
  }
  const output = (await format.load())(built.input);
  const out = values.get('out');
  if (out === undefined || out === '-') {
    io.stdout(output);
    return 0;
  }
  try {
    await io.writeFile(out, output);
  } catch (e) {
    return fail(`cannot write ${out}: ${(e as Error).message}`);
  }
  return 0;
};
