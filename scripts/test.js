#!/usr/bin/env node
// `npm test`: typecheck, then every vitest project (unit + browser), then one plain closing line
// `N passed, N failed[, N skipped]` computed from vitest's JSON report (the type check counts as one test).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

const extra = process.argv.slice(2);
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env });

console.log('\n== typecheck (tsc --noEmit) ==');
const typecheck = run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
const typecheckOk = typecheck.status === 0;
console.log(typecheckOk ? 'typecheck: ok' : 'typecheck: FAILED');

console.log('\n== vitest (unit + browser) ==');
mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const vitest = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra]);

let passed = typecheckOk ? 1 : 0;
let failed = typecheckOk ? 0 : 1;
let skipped = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests ?? 0;
  failed += (json.numFailedTests ?? 0) + (json.numRuntimeErrorTestSuites ?? 0);
  skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  for (const file of json.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) {
      failed += 1;
      console.log(`suite failed to run: ${file.name}\n${file.message ?? ''}`);
    }
  }
} else {
  failed += 1;
  console.log('vitest wrote no report');
}
const ok = typecheckOk && vitest.status === 0 && failed === 0;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
