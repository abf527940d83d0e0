/**
 * Builds an ExportInput from the contents of files (the CLI's path; the reader builds its own from state):
 * the text's bytes, its work.json if there is one, an annotation file if there is one. The text is imported in its
 * format (work.json's `format`, else detected from the content: `importSourceLazily`), so a Wikipedia page, Markdown
 * or TEI source keeps its sections, lists and links in the export; without work.json the metadata the source gives
 * (title, permanent URL, revision, licence, language) is used. Pure apart from hashing (Web Crypto) and loading a
 * format's adapter; reads no files and no clock — the caller passes `exportedAt`.
 */
import { anchorAll } from '../anchoring/anchor.ts';
import { canonicalText } from '../anchoring/doc-text.ts';
import { parseAnnotationFile } from '../anchoring/annotation-file.ts';
import { describeRejection } from '../anchoring/selectors.ts';
import type { SourceMeta } from '../model/imported-text.ts';
import { importSourceLazily } from '../sources/import-source-lazily.ts';
import { parseWorkMeta, sha256Hex, WorkMetaError, type WorkMeta } from '../model/work.ts';
import type { ExportInput } from './export-input.ts';

/** What the caller read. Names are used in messages and, without work.json, to name the work. */
export interface ExportSources {
  text: Uint8Array;
  /** The text file's path or name (`corpus/kavbiuro/text.txt`). */
  textName: string;
  /** work.json's contents, or null when there is none. */
  workJson: string | null;
  workJsonName?: string;
  /** The annotation file's contents (JSON-LD), or null for an export without notes. */
  annotationsJson: string | null;
  annotationsName?: string;
  /** ISO 8601. */
  exportedAt: string;
}

/** The input, with warnings (e.g. the text differs from work.json's hash) and rejected annotations (one line each). */
export interface BuiltExportInput {
  input: ExportInput;
  warnings: string[];
  rejected: string[];
}

/**
 * The id a work gets from its file name when it has no work.json: the folder name for `…/<work>/text.txt`, else
 * the file name without its extension; characters other than letters, digits, `-` and `_` become `-`.
 */
export function workIdFromName(name: string): string {
  const parts = name.split(/[\\/]/).filter((p) => p !== '');
  const file = parts.at(-1) ?? 'work';
  const base = file === 'text.txt' && parts.length > 1 ? parts.at(-2)! : file.replace(/\.[^.]*$/, '');
  return base.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'work';
}

/**
 * Metadata for a text that has no work.json: what the source says about itself (`meta`: title, permanent URL,
 * revision, licence, language), the rest named after its file; licence unknown when the source names none; hash
 * computed.
 */
export function derivedWorkMeta(textName: string, sha256: string, meta: SourceMeta = {}): WorkMeta {
  const id = workIdFromName(textName);
  const work: WorkMeta = {
    id,
    title: meta.title ?? id,
    language: meta.language ?? 'en',
    source: meta.source ?? textName,
    iri: `urn:apparatus:work:${id}`,
    licence: meta.licence ?? { name: 'Licence not recorded (no work.json)', url: '' },
    attribution: meta.attribution ?? `The text in ${textName}`,
    sha256,
  };
  if (meta.revision !== undefined) work.revision = meta.revision;
  return work;
}

/**
 * Builds the input. Annotations that fail validation are reported in `rejected` and left out of the input (the
 * caller decides whether to go on); everything else valid is kept.
 * @throws ImportError when the text is not a text; WorkMetaError when work.json is malformed (including not
 *   JSON); AnnotationFileError when the annotation file is not JSON or not annotations.
 */
export async function buildExportInput(sources: ExportSources): Promise<BuiltExportInput> {
  const warnings: string[] = [];
  const sha256 = await sha256Hex(sources.text);
  let work: WorkMeta | null = null;
  if (sources.workJson !== null) {
    const where = sources.workJsonName ?? 'work.json';
    let json: unknown;
    try {
      json = JSON.parse(sources.workJson);
    } catch (e) {
      throw new WorkMetaError('(root)', `${where}: not JSON: ${(e as Error).message}`);
    }
    work = parseWorkMeta(json, where);
    if (work.sha256 !== sha256) {
      warnings.push(`${sources.textName} does not match ${where}: its SHA-256 is ${sha256}, work.json records ${work.sha256}; notes are anchored on the text as it is now.`);
      work = { ...work, sha256 };
    }
  }
  const { imported: text } = await importSourceLazily(sources.text, {
    origin: sources.textName,
    ...(work?.format ? { format: work.format } : {}),
    ...(work ? { language: work.language } : {}),
  });
  if (work === null) work = derivedWorkMeta(sources.textName, sha256, text.meta);
  let annotations: ExportInput['annotations'] = [];
  const rejected: string[] = [];
  if (sources.annotationsJson !== null) {
    const where = sources.annotationsName ?? 'annotations';
    const parsed = parseAnnotationFile(sources.annotationsJson, where);
    annotations = parsed.annotations;
    for (const r of parsed.rejected) rejected.push(describeRejection(r, where));
  }
  const anchors = anchorAll(canonicalText(text.blocks, text.references), annotations);
  return { input: { work, text, annotations, anchors, exportedAt: sources.exportedAt }, warnings, rejected };
}
