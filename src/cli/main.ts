/**
 * The `apparatus` command: dispatches to one subcommand. Exit codes: 0 success, 1 failure (message on stderr),
 * 2 bad usage. stdout only ever carries the command's output, so `--json` stays parseable.
 */
import { readFile } from 'node:fs/promises';
import { UsageError, type CliCommand, type CliIo } from './cli-io.ts';
import { importCommand } from './import-command.ts';
import { writeFileAtomically } from './write-file-atomically.ts';

const USAGE = `Usage:
  apparatus import FILE|- [--json] [--language L] [--format text|wikipedia-parsoid|wikipedia-page|markdown|tei]
      Read a source (- reads standard input; the format is detected from the content unless --format says): blocks,
      references (identifiers and CSL-JSON), citations, claims, problems; for other formats than text also sections and links.
  apparatus add-work FILE|URL [--id ID] [--corpus DIR] [--licence NAME --licence-url URL]
      Make a source (a file, a Wikipedia article URL, another URL) a work of the project: DIR/<id>/text.txt (the bytes
      as received) and work.json (sha256, source, revision, licence, format). Never overwrites another text.
  apparatus anchor TEXT ANNOTATIONS [--json]
      Anchor a W3C annotation file on a (possibly revised) text: exact, fuzzy or orphan for each annotation.
  apparatus diff OLD NEW [--annotations A] [--format md|html|json]
      What changed in the evidence between two revisions of a work: claims added, removed, reworded and moved; claims
      that lost or gained a citation; reference entries changed; [citation needed] added or removed; coverage by
      section. With --annotations, also the notes that sit on changed evidence. Markdown by default.
  apparatus export FILE [--annotations A | --no-annotations] --format jsonld|tei|md|html|csl [--out F]
      Export the annotated text (to F, or stdout). corpus/<work>/text.txt gets annotations/<work>.jsonld by
      default; SOURCE_DATE_EPOCH fixes the export date.
  apparatus serve [--port N] [--data DIR]
      Run the annotation server (W3C Web Annotation Protocol under /api/); PGlite in DIR (default
      .apparatus-data), or PostgreSQL when $DATABASE_URL is set.
  apparatus user add NAME --password-stdin [--data DIR]
  apparatus group add NAME --owner USER [--data DIR]
  apparatus group join GROUP USER --role owner|editor|member|reader [--data DIR]
      Administer accounts and groups on the server's database.
  apparatus push|pull WORK [--server URL] [--user NAME --password-stdin] [--visibility V --group ID]
      Send annotations/<work>.jsonld to a server (never overwriting), or write what the server holds into it.
      Credentials also from $APPARATUS_USER and $APPARATUS_PASSWORD.
`;

const commands: Record<string, () => Promise<CliCommand>> = {
  import: async () => importCommand,
  anchor: async () => (await import('./anchor-command.ts')).anchorCommand,
  export: async () => (await import('./export-command.ts')).exportCommand,
  diff: async () => (await import('./diff-command.ts')).diffCommand,
  'add-work': async () => (await import('./add-work-command.ts')).addWorkCommand,
  serve: async () => (await import('./server-commands.ts')).serveCommand,
  user: async () => (await import('./server-commands.ts')).userCommand,
  group: async () => (await import('./server-commands.ts')).groupCommand,
  push: async () => (await import('./push-pull-command.ts')).pushPullCommand('push'),
  pull: async () => (await import('./push-pull-command.ts')).pushPullCommand('pull'),
};

/** The real files and streams. */
export const nodeIo: CliIo = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  readFile: async (p) => new Uint8Array(await readFile(p)),
  readStdin: async () => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Uint8Array);
    return new Uint8Array(Buffer.concat(chunks));
  },
  writeFile: (p, data) => writeFileAtomically(p, data),
};

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(USAGE);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`apparatus: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`apparatus ${name}: ${e.message}\n${USAGE}`);
      return 2;
    }
    io.stderr(`apparatus ${name}: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
