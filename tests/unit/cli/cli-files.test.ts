/**
 * Issue 8 §5.8: the CLI's options and files. `--out=a=b` names the file `a=b`; `--out DIR` fails clearly and leaves
 * nothing behind; the temporary file has an unpredictable name, is created exclusively (a symlink planted there is
 * never followed) and is removed on failure; `import -` reads standard input (checked on the CLI as built by tsc).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseArgs, UsageError } from '../../../src/cli/cli-io.ts';
import { main, nodeIo } from '../../../src/cli/main.ts';
import { temporaryNameFor, writeFileAtomically } from '../../../src/cli/write-file-atomically.ts';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const kavbiuro = join(projectRoot, 'corpus', 'kavbiuro', 'text.txt');
let dir = '';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { ...nodeIo, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'apparatus-cli-files-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('options', () => {
  test('the value is everything after the first =', () => {
    expect(parseArgs(['--out=a=b', '--format', 'x=y'], [], ['out', 'format']).values).toEqual(new Map([['out', 'a=b'], ['format', 'x=y']]));
    expect(parseArgs(['--out='], [], ['out']).values.get('out')).toBe('');
    expect(parseArgs(['-'], [], []).positional).toEqual(['-']);
    expect(() => parseArgs(['--json=no'], ['json'], [])).toThrow(UsageError);
  });

  test('--out=DIR/a=b writes the file a=b and leaves a file named a alone', async () => {
    const out = join(dir, 'eq');
    mkdirSync(out);
    writeFileSync(join(out, 'a'), 'keep me');
    const r = await run('export', kavbiuro, '--no-annotations', '--format', 'csl', `--out=${join(out, 'a=b')}`);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(out, 'a'), 'utf8')).toBe('keep me');
    expect(JSON.parse(readFileSync(join(out, 'a=b'), 'utf8'))).toHaveLength(2);
    expect(readdirSync(out).sort()).toEqual(['a', 'a=b']);
  });
});

describe('--out', () => {
  test('--out DIR fails with a clear message and leaves no temporary file', async () => {
    const out = join(dir, 'as-dir');
    mkdirSync(out);
    const r = await run('export', kavbiuro, '--no-annotations', '--format', 'md', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot write ${out}: ${out} is a directory`);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
  });

  test('the temporary name is random, hidden and beside the target (not the process id)', () => {
    const a = temporaryNameFor(join(dir, 'x.md'));
    const b = temporaryNameFor(join(dir, 'x.md'));
    expect(a).not.toBe(b);
    expect(a.startsWith(join(dir, '.x.md.'))).toBe(true);
    expect(a).not.toContain(`.${process.pid}.`);
  });

  test('a symlink planted at the temporary name is not followed: the write fails, its target and the link are untouched', async () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const target = join(dir, 'planted-out.md');
    const tmp = join(dir, '.planted-out.md.fixed.tmp');
    symlinkSync(victim, tmp);
    await expect(writeFileAtomically(target, 'attacker wins', tmp)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(tmp).isSymbolicLink()).toBe(true);
    expect(existsSync(target)).toBe(false);
    // A dangling link is not followed either (it would create the file it points at).
    const dangling = join(dir, 'would-be-created');
    const tmp2 = join(dir, '.planted-out.md.fixed2.tmp');
    symlinkSync(dangling, tmp2);
    await expect(writeFileAtomically(target, 'x', tmp2)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(existsSync(dangling)).toBe(false);
  });

  test('a successful write replaces the file and leaves only it', async () => {
    const sub = join(dir, 'ok');
    mkdirSync(sub);
    writeFileSync(join(sub, 'f.txt'), 'old');
    await writeFileAtomically(join(sub, 'f.txt'), 'new');
    expect(readFileSync(join(sub, 'f.txt'), 'utf8')).toBe('new');
    expect(readdirSync(sub)).toEqual(['f.txt']);
  });

  test('a failed rename removes the temporary file', async () => {
    // A final name longer than the file system allows: the temporary file is written, the rename fails.
    const sub = join(dir, 'fail');
    mkdirSync(sub);
    const tmp = join(sub, '.t.fixed.tmp');
    await expect(writeFileAtomically(join(sub, 'n'.repeat(300)), 'x', tmp)).rejects.toMatchObject({ code: 'ENAMETOOLONG' });
    expect(readdirSync(sub)).toEqual([]);
  });
});

describe('import - (the CLI as built)', () => {
  let built = '';
  beforeAll(() => {
    built = mkdtempSync(join(tmpdir(), 'apparatus-cli-build-'));
    const tsc = spawnSync(process.execPath, [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json', '--outDir', built], { cwd: projectRoot, encoding: 'utf8' });
    if (tsc.status !== 0) throw new Error(`tsc failed: ${tsc.stdout}${tsc.stderr}`);
  }, 180_000);
  afterAll(() => rmSync(built, { recursive: true, force: true }));

  const cli = (args: string[], input?: Buffer | string) =>
    spawnSync(process.execPath, ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(pathToFileURL(join(built, 'cli', 'main.js')).href)}); process.exitCode = await main(${JSON.stringify(args)});`], {
      cwd: dir,
      encoding: 'utf8',
      ...(input !== undefined ? { input } : {}),
    });

  test('reads standard input: the same JSON as from the file', () => {
    const fromFile = cli(['import', kavbiuro, '--json']);
    expect(fromFile.status, fromFile.stderr).toBe(0);
    const fromStdin = cli(['import', '-', '--json'], readFileSync(kavbiuro));
    expect(fromStdin.status, fromStdin.stderr).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    expect(cli(['import', '-'], readFileSync(kavbiuro)).stdout).toMatch(/^standard input\n/);
  });

  test('an empty standard input is refused with what and where', () => {
    const r = cli(['import', '-'], '');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^apparatus import: standard input:1:1: /);
  });
});
