#!/usr/bin/env node
// `npm test`: typecheck, then the unit project, then the browser project (one after the other, so that the
// timing-sensitive browser tests do not share the 2 cores with the unit workers), then one plain closing line
// `N passed, N failed[, N skipped]` computed from vitest's JSON reports (the type check counts as one test).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const extra = process.argv.slice(2);
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env });

console.log('\n== typecheck (tsc --noEmit) ==');
const typecheck = run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
const typecheckOk = typecheck.status === 0;
console.log(typecheckOk ? 'typecheck: ok' : 'typecheck: FAILED');

let passed = typecheckOk ? 1 : 0;
let failed = typecheckOk ? 0 : 1;
let skipped = 0;
let ok = typecheckOk;
mkdirSync('test-results', { recursive: true });
for (const project of ['unit', 'browser']) {
  console.log(`\n== vitest: ${project} ==`);
  const report = `test-results/vitest-${project}.json`;
  const vitest = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra]);
  if (vitest.status !== 0) ok = false;
  if (!existsSync(report)) {
    failed += 1;
    console.log(`vitest (${project}) wrote no report`);
    continue;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests ?? 0;
  failed += json.numFailedTests ?? 0;
  skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  for (const file of json.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) {
      failed += 1;
      console.log(`suite failed to run: ${file.name}\n${file.message ?? ''}`);
    }
  }
}
if (failed > 0) ok = false;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
