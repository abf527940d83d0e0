/**
 * The real validators of the export formats, for the tests: Debian's `jing` with `tei_all.rng` (TEI), `pandoc`
 * reading Markdown back (its JSON AST), ajv (draft-07 + formats) with `csl-data.json` (CSL-JSON).
 *
 * Schemas come from `$APPARATUS_SCHEMAS` (default `../shared/schemas` relative to the project root), never copied.
 * When a schema or a program is missing, `skipUnless` registers a skipped test whose title says why, and the
 * tests that need it are skipped (`describe.skipIf`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'vitest';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';

// Both packages are CommonJS with `exports.default`; under nodenext the default import is the module object.
type AjvClass = typeof AjvModule.default;
const Ajv: AjvClass = (AjvModule as unknown as { default?: AjvClass }).default ?? (AjvModule as unknown as AjvClass);
const addFormats: typeof addFormatsModule.default =
  (addFormatsModule as unknown as { default?: typeof addFormatsModule.default }).default ??
  (addFormatsModule as unknown as typeof addFormatsModule.default);

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** `$APPARATUS_SCHEMAS`, default `../shared/schemas` from the project root. */
export function schemasDir(): string {
  return resolve(process.env['APPARATUS_SCHEMAS'] ?? resolve(projectRoot, '..', 'shared', 'schemas'));
}

export const teiSchema = (): string => join(schemasDir(), 'tei', 'tei_all.rng');
export const cslSchema = (): string => join(schemasDir(), 'csl', 'csl-data.json');

/** True when `command` is on the PATH. */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/**
 * Registers a visible skipped test when `ok` is false (its title says why) and returns `ok`, for
 * `describe.skipIf(!skipUnless(…))`.
 */
export function skipUnless(ok: boolean, reason: string): boolean {
  if (!ok) test.skip(`SKIPPED: ${reason}`, () => {});
  return ok;
}

/** What is missing for TEI validation, or null when jing and tei_all.rng are both there. */
export function teiMissing(): string | null {
  if (!existsSync(teiSchema())) return `TEI schema not found at ${teiSchema()} (set APPARATUS_SCHEMAS) — TEI validity not checked`;
  if (!hasCommand('jing')) return 'jing is not installed (apt-get install jing) — TEI validity not checked';
  return null;
}

/** What is missing for CSL validation, or null. */
export function cslMissing(): string | null {
  return existsSync(cslSchema()) ? null : `CSL schema not found at ${cslSchema()} (set APPARATUS_SCHEMAS) — CSL-JSON validity not checked`;
}

/** What is missing for reading Markdown back, or null. */
export function pandocMissing(): string | null {
  return hasCommand('pandoc') ? null : 'pandoc is not installed (apt-get install pandoc) — Markdown not read back';
}

function withTempFile<T>(name: string, content: string, run: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'apparatus-export-'));
  try {
    const path = join(dir, name);
    writeFileSync(path, content);
    return run(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Validates an XML document with jing against tei_all.rng: `ok` and jing's messages (Debian's classpath warnings left out). */
export function jing(xml: string): { ok: boolean; messages: string } {
  return withTempFile('doc.xml', xml, (path) => {
    const r = spawnSync('jing', [teiSchema(), path], { encoding: 'utf8', timeout: 120_000 });
    const messages = `${r.stdout ?? ''}${r.stderr ?? ''}`
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.includes('[warning]'))
      .join('\n');
    return { ok: r.status === 0, messages };
  });
}

/**
 * Validates several documents in one jing run (the schema is loaded once): `ok` per document name and jing's
 * messages, each line naming its document's file (`name.xml`).
 */
export function jingAll(docs: Readonly<Record<string, string>>): { ok: boolean; failed: string[]; messages: string } {
  const dir = mkdtempSync(join(tmpdir(), 'apparatus-export-'));
  try {
    const files = Object.entries(docs).map(([name, xml]) => {
      const path = join(dir, `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.xml`);
      writeFileSync(path, xml);
      return path;
    });
    const r = spawnSync('jing', [teiSchema(), ...files], { encoding: 'utf8', timeout: 300_000 });
    const messages = `${r.stdout ?? ''}${r.stderr ?? ''}`
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.includes('[warning]'))
      .map((l) => l.replace(`${dir}/`, ''))
      .join('\n');
    const failed = files.map((f) => f.slice(dir.length + 1)).filter((f) => messages.includes(f));
    return { ok: r.status === 0, failed, messages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type PandocNode = { t: string; c?: unknown };

/** Pandoc's JSON AST of a Markdown document (`pandoc -f markdown -t json`). @throws when pandoc fails. */
export function pandocAst(markdown: string): { blocks: PandocNode[]; meta: Record<string, unknown> } {
  const r = spawnSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: markdown, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`pandoc failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { blocks: PandocNode[]; meta: Record<string, unknown> };
}

/** A BibTeX text read back by pandoc (`pandoc -f bibtex -t csljson`): its entries as CSL items. @throws when pandoc fails. */
export function pandocBibtex(bibtex: string): { id: string; type: string; title?: string; author?: { family?: string; literal?: string }[]; issued?: { 'date-parts'?: number[][] }; ISBN?: string; note?: string }[] {
  const r = spawnSync('pandoc', ['-f', 'bibtex', '-t', 'csljson'], { input: bibtex, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`pandoc failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Counts the `Note` elements anywhere in an AST value. */
export function countNotes(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countNotes(v), 0);
  if (value && typeof value === 'object') {
    const node = value as PandocNode;
    return (node.t === 'Note' ? 1 : 0) + countNotes(node.c);
  }
  return 0;
}

/** The plain text of inlines, footnotes left out, quotes written back as straight quotes, spaces as one space. */
export function inlineText(inlines: unknown): string {
  if (!Array.isArray(inlines)) return '';
  return inlines
    .map((node: PandocNode) => {
      switch (node.t) {
        case 'Str':
          return node.c as string;
        case 'Space':
        case 'SoftBreak':
        case 'LineBreak':
          return ' ';
        case 'Note':
          return '';
        case 'Quoted': {
          const [kind, inner] = node.c as [{ t: string }, unknown];
          const q = kind.t === 'DoubleQuote' ? '"' : "'";
          return q + inlineText(inner) + q;
        }
        case 'Code':
        case 'RawInline':
          return (node.c as [unknown, string])[1];
        case 'Link':
        case 'Image':
          return inlineText((node.c as unknown[])[1]);
        case 'Span':
          return inlineText((node.c as unknown[])[1]);
        case 'Cite':
          return inlineText((node.c as unknown[])[1]);
        default:
          return inlineText(node.c);
      }
    })
    .join('');
}

/** The text of each top-level paragraph and block quotation before the first heading (the body of an export). */
export function bodyTexts(ast: { blocks: PandocNode[] }): { type: 'paragraph' | 'blockquote' | 'other'; text: string }[] {
  const out: { type: 'paragraph' | 'blockquote' | 'other'; text: string }[] = [];
  for (const block of ast.blocks) {
    if (block.t === 'Header') break;
    if (block.t === 'Para') out.push({ type: 'paragraph', text: inlineText(block.c) });
    else if (block.t === 'BlockQuote') out.push({ type: 'blockquote', text: (block.c as PandocNode[]).map((b) => inlineText(b.c)).join(' ') });
    else out.push({ type: 'other', text: JSON.stringify(block) });
  }
  return out;
}

let cslValidator: ((data: unknown) => boolean) & { errors?: unknown } | null = null;

/** Validates CSL-JSON data against csl-data.json (draft-07, with formats): `ok` and ajv's errors. */
export function validateCsl(data: unknown): { ok: boolean; errors: unknown } {
  if (!cslValidator) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    cslValidator = ajv.compile(JSON.parse(readFileSync(cslSchema(), 'utf8')) as object);
  }
  const ok = cslValidator(data) as boolean;
  return { ok, errors: cslValidator.errors ?? null };
}
