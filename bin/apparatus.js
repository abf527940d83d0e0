#!/usr/bin/env node
// The `apparatus` command. The TypeScript is compiled to dist-cli/ by `npm install` (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = fileURLToPath(new URL('../dist-cli/cli/main.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('apparatus: the CLI is not built; run `npm install` (or `npm run build:cli`) first\n');
  process.exit(1);
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
