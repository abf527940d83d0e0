#!/usr/bin/env node
// `npm start`: the reader (Vite) and, beside it, the annotation server (`apparatus serve`, PGlite in
// .apparatus-data/ unless $DATABASE_URL is set). Vite proxies /api/ to the server. If the server cannot start,
// the reader keeps running exactly as without it (its notes stay in the browser); stopping this script stops both.
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const children = [];
const start = (name, cmd, argv) => {
  const child = spawn(cmd, argv, { stdio: 'inherit', env: process.env });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (name === 'vite') shutdown(code ?? 0);
    else if (code) console.error(`apparatus serve stopped (${signal ?? code}); the reader runs without shared notes`);
  });
  return child;
};
let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
start('server', process.execPath, ['bin/apparatus.js', 'serve']);
start('vite', process.execPath, ['node_modules/vite/bin/vite.js', '--open=false', ...args]);
