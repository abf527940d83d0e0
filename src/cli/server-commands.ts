/**
 * The server's commands: `serve`, and administration (`user add`, `group add`, `group join`) run directly on the
 * database the server uses (`--data DIR` for PGlite, or `$DATABASE_URL`). With PGlite, administration needs the
 * server stopped (one process per data folder).
 */
import { UsageError, parseArgs, type CliCommand, type CliIo } from './cli-io.ts';
import { AccountError, addGroup, addUser, joinGroup } from '../server/accounts.ts';
import { openDatabase } from '../server/db.ts';
import { migrate } from '../server/migrate.ts';
import { DEFAULT_DATA_DIR, DEFAULT_PORT, startServer } from '../server/serve.ts';

export const serveCommand: CliCommand = async (args, io) => {
  const { positional, values } = parseArgs(args, [], ['port', 'data', 'host']);
  if (positional.length) throw new UsageError(`serve takes no arguments, found ${positional.join(' ')}`);
  const port = values.has('port') ? Number(values.get('port')) : Number(process.env['APPARATUS_SERVER_PORT'] ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, found ${values.get('port')}`);
  const databaseUrl = process.env['DATABASE_URL'] || undefined;
  const server = await startServer({ port, host: values.get('host') ?? '127.0.0.1', dataDir: values.get('data') ?? DEFAULT_DATA_DIR, databaseUrl });
  io.stderr(`apparatus serve: annotations at ${server.url}/api/ (${server.db.engine}${databaseUrl ? '' : ` in ${values.get('data') ?? DEFAULT_DATA_DIR}`})\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
};

async function withDatabase(values: Map<string, string>, io: CliIo, work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<string>): Promise<number> {
  const db = await openDatabase({ databaseUrl: process.env['DATABASE_URL'] || undefined, dataDir: values.get('data') ?? DEFAULT_DATA_DIR });
  try {
    await migrate(db);
    io.stdout(`${await work(db)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof AccountError) {
      io.stderr(`apparatus: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await db.close();
  }
}

/** `user add NAME --password-stdin` */
export const userCommand: CliCommand = async (args, io) => {
  const { positional, values, switches } = parseArgs(args, ['password-stdin'], ['data']);
  const [verb, name] = positional;
  if (verb !== 'add' || !name || positional.length !== 2) throw new UsageError('expected: user add NAME --password-stdin');
  if (!switches.has('password-stdin')) throw new UsageError('give the password on standard input with --password-stdin');
  const password = new TextDecoder().decode(await io.readStdin()).replace(/\r?\n$/, '');
  return withDatabase(values, io, async (db) => `added user ${(await addUser(db, name, password)).name}`);
};

/** `group add NAME --owner USER` and `group join GROUP USER --role ROLE` */
export const groupCommand: CliCommand = async (args, io) => {
  const { positional, values } = parseArgs(args, [], ['owner', 'role', 'data']);
  const [verb, ...rest] = positional;
  if (verb === 'add' && rest.length === 1) {
    const owner = values.get('owner');
    if (!owner) throw new UsageError('group add NAME needs --owner USER');
    return withDatabase(values, io, async (db) => {
      const g = await addGroup(db, rest[0]!, owner);
      return `added group ${g.name} (${g.id}), owner ${owner}`;
    });
  }
  if (verb === 'join' && rest.length === 2) {
    const role = values.get('role') ?? 'member';
    return withDatabase(values, io, async (db) => {
      await joinGroup(db, rest[0]!, rest[1]!, role);
      return `${rest[1]} is ${role} of ${rest[0]}`;
    });
  }
  throw new UsageError('expected: group add NAME --owner USER, or group join GROUP USER --role owner|editor|member|reader');
};
