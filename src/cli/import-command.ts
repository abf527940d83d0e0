/**
 * `apparatus import FILE [--json] [--language L] [--format F]`: prints what the importer reads from a source (FILE
 * `-`: standard input), its format detected from the content unless `--format` says (`importSourceLazily`: a format's parser is
 * loaded only for a source in that format).
 * With --json, exactly the contract of DESIGN §1 — for other formats than plain text extended by `format`,
 * `sections` (the heading blocks: index, level, text) and `links`; plain text prints exactly what it always did.
 * Without, a readable summary.
 */
import { ImportError } from '../model/import-error.ts';
import { importSourceLazily } from '../sources/import-source-lazily.ts';
import { isSourceFormat, SOURCE_FORMATS, type SourceFormat } from '../sources/source-format.ts';
import type { ImportedText } from '../model/imported-text.ts';
import { parseArgs, UsageError, type CliCommand } from './cli-io.ts';

/** The `--json` shape: the ImportedText fields of the contract, in the contract's order. */
export function importJson(imported: ImportedText): unknown {
  return {
    blocks: imported.blocks.map(({ type, text }) => ({ type, text })),
    references: imported.references.map(({ label, text, ids, csl }) => ({ label, text, ids, csl })),
    citations: imported.citations.map(({ label, block, offset }) => ({ label, block, offset })),
    claims: imported.claims.map(({ id, block, start, end, text, sources, support }) => ({ id, block, start, end, text, sources, support })),
    problems: imported.problems,
  };
}

/** `importJson` extended for formats other than plain text: the format, the sections and the links. */
export function importJsonOf(format: SourceFormat, imported: ImportedText): unknown {
  if (format === 'text') return importJson(imported);
  const sections = imported.blocks.flatMap((b, block) => (b.type === 'heading' ? [{ block, level: b.level ?? 2, text: b.text }] : []));
  return { format, ...(importJson(imported) as object), sections, links: imported.links ?? [] };
}

/** A readable summary for people. */
export function importSummary(file: string, imported: ImportedText): string {
  const count = (s: string) => imported.claims.filter((c) => c.support === s).length;
  const quotes = imported.blocks.filter((b) => b.type === 'blockquote').length;
  const lines = [
    `${file}`,
    `  ${imported.blocks.length} body blocks (${quotes} block quotation${quotes === 1 ? '' : 's'}), ${imported.citations.length} markers, ${imported.references.length} references`,
    `  ${imported.claims.length} claims: ${count('direct')} direct, ${count('inherited')} inherited, ${count('none')} without a source`,
  ];
  // The structure of formats that have one (plain text has none: its summary is as it always was).
  const sections = imported.blocks.filter((b) => b.type === 'heading').length;
  const items = imported.blocks.filter((b) => b.type === 'list_item').length;
  const links = imported.links?.length ?? 0;
  const flags = imported.signals?.length ?? 0;
  if (sections + items + links + flags > 0) {
    const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
    lines.push(`  ${n(sections, 'section')}, ${n(items, 'list item')}, ${n(links, 'link')}${flags ? `, ${n(flags, 'flag')} the source puts on claims` : ''}`);
  }
  if (imported.problems.length) {
    lines.push(`  ${imported.problems.length} problem${imported.problems.length === 1 ? '' : 's'}:`);
    for (const p of imported.problems) lines.push(`    ${p.kind}: ${p.message}`);
  } else {
    lines.push('  no problems');
  }
  return lines.join('\n') + '\n';
}

export const importCommand: CliCommand = async (args, io) => {
  const { positional, switches, values } = parseArgs(args, ['json'], ['language', 'format']);
  const format = values.get('format');
  if (format !== undefined && !isSourceFormat(format)) throw new UsageError(`--format must be one of ${SOURCE_FORMATS.join(', ')}`);
  const file = positional[0];
  if (!file || positional.length > 1) throw new UsageError('import takes exactly one FILE');
  const name = file === '-' ? 'standard input' : file;
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (e) {
    io.stderr(`apparatus import: cannot read ${name}: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    const language = values.get('language');
    const read = await importSourceLazily(bytes, { origin: name, ...(language ? { language } : {}), ...(format ? { format } : {}) });
    io.stdout(switches.has('json') ? JSON.stringify(importJsonOf(read.format, read.imported)) + '\n' : importSummary(name, read.imported));
    return 0;
  } catch (e) {
    if (e instanceof ImportError) {
      io.stderr(`apparatus import: ${name}:${e.line}:${e.column}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
};
