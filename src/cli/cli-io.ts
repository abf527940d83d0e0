/**
 * The CLI's connection to the outside: streams and files, passed in so that commands can be tested in-process.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<Uint8Array>;
  /** All of standard input (for a FILE given as `-`). */
  readStdin: () => Promise<Uint8Array>;
  /** Writes atomically (a new temporary file with a random name, created exclusively, then renamed; removed on failure). */
  writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
}

/** A command: parsed arguments in, exit code out. Errors are printed to stderr by the command itself. */
export type CliCommand = (args: readonly string[], io: CliIo) => Promise<number>;

/** Thrown for bad command-line usage; main prints it with the usage text and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Splits `args` into positional arguments and `--option value` / `--option=value` options (the value is everything
 * after the first `=`); `flags` lists the options that take no value. A lone `-` is positional.
 */
export function parseArgs(args: readonly string[], flags: readonly string[], options: readonly string[]): {
  positional: string[];
  values: Map<string, string>;
  switches: Set<string>;
} {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      // Only the first `=` separates name and value: `--out=a=b` is the file `a=b`.
      const eq = a.indexOf('=');
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      const inline = eq === -1 ? undefined : a.slice(eq + 1);
      if (flags.includes(name)) {
        if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
        switches.add(name);
      } else if (options.includes(name)) {
        const value = inline ?? args[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        values.set(name, value);
      } else {
        throw new UsageError(`unknown option --${name}`);
      }
    } else {
      positional.push(a);
    }
  }
  return { positional, values, switches };
}
