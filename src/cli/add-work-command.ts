/**
 * `apparatus add-work FILE|URL [--id ID] [--corpus DIR] [--licence NAME --licence-url URL]`: makes a source a work
 * of the project, `DIR/<id>/` (default `corpus/`): `text.txt` holding the bytes as received (whatever the format;
 * the content says which) and `work.json` with the SHA-256, source, revision, licence, format and
 * `revisions: [{ id, sha256, source, revision, date }]` (DESIGN §6). A Wikipedia article URL (any edition) is
 * fetched as Parsoid HTML, other URLs as they are, always with an `Api-User-Agent`.
 *
 * The source is imported first (format detected by content): what cannot be read is refused with where, and
 * nothing is written. An existing `<id>/work.json` is never overwritten: the same bytes are reported and left, other
 * bytes are refused (choose another `--id`). A source that names no licence needs `--licence` and `--licence-url`:
 * none is invented. Files are written atomically, the text first, so a work.json never names a missing text.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deriveLibraryWork, LIBRARY_ID } from '../library/library-work.ts';
import { sourceBytesProblem } from '../library/source-bytes.ts';
import { API_USER_AGENT, parseWikipediaInput, parsoidHtmlUrl } from '../library/wikipedia-address.ts';
import { ImportError } from '../model/import-error.ts';
import { sha256Hex } from '../model/work.ts';
import { importSourceLazily } from '../sources/import-source-lazily.ts';
import { parseArgs, UsageError, type CliCommand } from './cli-io.ts';

/** What a URL argument fetches: Wikipedia articles as Parsoid HTML, anything else as given. */
export function fetchAddress(url: string): string {
  if (/^https?:\/\/[a-z0-9-]+\.(?:m\.)?wikipedia\.org\/wiki\//i.test(url)) return parsoidHtmlUrl(parseWikipediaInput(url));
  return url;
}

export const addWorkCommand: CliCommand = async (args, io) => {
  const { positional, values } = parseArgs(args, [], ['id', 'corpus', 'licence', 'licence-url']);
  const from = positional[0];
  if (!from || positional.length > 1) throw new UsageError('add-work takes exactly one FILE or URL');
  const fail = (message: string) => {
    io.stderr(`apparatus add-work: ${message}\n`);
    return 1;
  };
  const id = values.get('id');
  if (id !== undefined && !LIBRARY_ID.test(id)) throw new UsageError(`--id "${id}" is not a work name (lower-case letters, digits and hyphens)`);
  if (values.has('licence') !== values.has('licence-url')) throw new UsageError('--licence and --licence-url go together');

  let bytes: Uint8Array;
  if (/^https?:\/\//i.test(from)) {
    const address = fetchAddress(from);
    let res: Response;
    try {
      res = await fetch(address, { headers: { 'Api-User-Agent': API_USER_AGENT } });
    } catch (e) {
      return fail(`cannot fetch ${address}: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`);
    }
    if (!res.ok) return fail(`${address} answered ${res.status} ${res.statusText}${res.status === 404 ? ' (no such page)' : ''}; nothing was written`);
    bytes = new Uint8Array(await res.arrayBuffer());
  } else {
    try {
      bytes = await io.readFile(from);
    } catch (e) {
      return fail(`cannot read ${from}: ${(e as Error).message}`);
    }
  }
  const problem = sourceBytesProblem(bytes, from);
  if (problem) return fail(`${problem} Nothing was written.`);
  let format, imported;
  try {
    ({ format, imported } = await importSourceLazily(bytes, { origin: from }));
  } catch (e) {
    if (e instanceof ImportError) return fail(`${from}:${e.line}:${e.column}: ${e.message.replace(/ \(line \d+, column \d+\)$/, '')}; nothing was written`);
    throw e;
  }
  const sha256 = await sha256Hex(bytes);
  const work = deriveLibraryWork({ bytes, sha256, format, origin: from, ...(imported.meta ? { meta: imported.meta } : {}), ...(id ? { id } : {}), date: new Date().toISOString() });
  const licence = values.has('licence') ? { name: values.get('licence')!, url: values.get('licence-url')! } : work.licence;
  if (!licence.url) return fail(`${from} does not say under which licence it is published: give --licence NAME --licence-url URL. Nothing was written.`);

  const dir = join(values.get('corpus') ?? 'corpus', work.id);
  const metaPath = join(dir, 'work.json');
  const existing = await readFile(metaPath, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
  if (existing !== null) {
    let recorded: unknown;
    try {
      recorded = (JSON.parse(existing) as { sha256?: unknown }).sha256;
    } catch {
      recorded = undefined;
    }
    if (recorded === sha256) {
      io.stdout(`${dir} already holds this text (sha256 ${sha256}); nothing was written\n`);
      return 0;
    }
    return fail(`${metaPath} already describes another text (sha256 ${String(recorded)}, this one is ${sha256}); it was left as it is. Choose another --id.`);
  }
  const revision = work.revisions[0]!;
  // What the source names as its permanent address, else the file or URL it was added from.
  const source = work.source;
  const meta = {
    id: work.id,
    title: work.title,
    language: work.language,
    source,
    iri: /^https?:\/\//.test(source) ? source : `urn:apparatus:work:${work.id}`,
    licence,
    attribution: work.attribution || work.title,
    sha256,
    ...(revision.revision ? { revision: revision.revision } : {}),
    format,
    revisions: [{ id: 'r1', sha256, source, revision: revision.revision, date: revision.date }],
  };
  await io.writeFile(join(dir, 'text.txt'), bytes);
  await io.writeFile(metaPath, JSON.stringify(meta, null, 2) + '\n');
  io.stdout(`${dir}: "${work.title}" (${format}), sha256 ${sha256}\n`);
  return 0;
};
