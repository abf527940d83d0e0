/**
 * `apparatus diff OLD NEW [--annotations A] [--format md|html|json]`: what changed in the evidence between two
 * revisions of a work (revisions/evidence-diff.ts), printed on stdout as Markdown (the default), standalone HTML or
 * JSON (the `EvidenceReport` as it stands). Each file is imported in its format (detected from its content, as
 * `apparatus import` does). With --annotations, the notes of A are anchored on both revisions and the report says
 * which of them sit on changed evidence (revisions/evidence-notes.ts).
 *
 * Exit codes: 0 printed (whatever changed); 1 a file cannot be read, is not a text, or A is not an annotation file
 * or has annotations that cannot be read (each reported on stderr, nothing printed: a report must not silently lack
 * notes); 2 bad usage.
 */
import { canonicalText } from '../anchoring/doc-text.ts';
import { parseAnnotationFile } from '../anchoring/annotation-file.ts';
import { AnnotationFileError, describeRejection } from '../anchoring/selectors.ts';
import { ImportError } from '../model/import-error.ts';
import type { ImportedText } from '../model/imported-text.ts';
import { diffEvidence } from '../revisions/evidence-diff.ts';
import { evidenceHtml } from '../revisions/evidence-html.ts';
import { evidenceMarkdown } from '../revisions/evidence-markdown.ts';
import { notesOnChanges } from '../revisions/evidence-notes.ts';
import { importSource } from '../sources/import-source.ts';
import { parseArgs, UsageError, type CliCommand } from './cli-io.ts';
import { decodeJsonFile } from './export-command.ts';

const FORMATS = ['md', 'html', 'json'] as const;

export const diffCommand: CliCommand = async (args, io) => {
  const { positional, values } = parseArgs(args, [], ['annotations', 'format']);
  if (positional.length !== 2) throw new UsageError('diff takes an OLD and a NEW file');
  const format = values.get('format') ?? 'md';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}"; the formats are ${FORMATS.join(', ')}`);
  const fail = (message: string) => {
    io.stderr(`apparatus diff: ${message}\n`);
    return 1;
  };
  const [oldFile, newFile] = positional as [string, string];
  const texts: ImportedText[] = [];
  for (const file of [oldFile, newFile]) {
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(file);
    } catch (e) {
      return fail(`cannot read ${file}: ${(e as Error).message}`);
    }
    try {
      texts.push(importSource(bytes, { origin: file }).imported);
    } catch (e) {
      if (e instanceof ImportError) return fail(`${file}:${e.line}:${e.column}: ${e.message}`);
      throw e;
    }
  }
  const [before, after] = texts as [ImportedText, ImportedText];
  const report = diffEvidence(before, after, { oldName: oldFile, newName: newFile });

  const annotationFile = values.get('annotations');
  if (annotationFile !== undefined) {
    let parsed;
    try {
      parsed = parseAnnotationFile(decodeJsonFile(await io.readFile(annotationFile), annotationFile), annotationFile);
    } catch (e) {
      if (e instanceof AnnotationFileError || (e as Error).name === 'FileTextError') return fail((e as Error).message);
      if ((e as NodeJS.ErrnoException).code) return fail(`cannot read ${annotationFile}: ${(e as Error).message}`);
      throw e;
    }
    if (parsed.rejected.length > 0) {
      for (const r of parsed.rejected) io.stderr(`apparatus diff: ${describeRejection(r, annotationFile)}\n`);
      return fail(`${parsed.rejected.length} annotation${parsed.rejected.length === 1 ? '' : 's'} rejected; nothing printed (fix the file, or compare without it)`);
    }
    report.notes = notesOnChanges(report, canonicalText(before.blocks, before.references), canonicalText(after.blocks, after.references), parsed.annotations);
  }
  io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'html' ? evidenceHtml(report) : evidenceMarkdown(report));
  return 0;
};
