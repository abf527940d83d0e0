import { expect, test } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src/server/accounts.ts';
import { main } from '../../../src/cli/main.ts';

test('passwords are stored as salted scrypt hashes and verified only by the right password', async () => {
  const a = await hashPassword('correct horse');
  const b = await hashPassword('correct horse');
  expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  expect(a).not.toBe(b); // a fresh salt each time
  expect(a).not.toContain('correct');
  expect(await verifyPassword('correct horse', a)).toBe(true);
  expect(await verifyPassword('correct horsE', a)).toBe(false);
  expect(await verifyPassword('correct horse', 'plain-text')).toBe(false);
});

test('the administration commands refuse bad usage before touching any database', async () => {
  const err: string[] = [];
  const io = { stdout: () => {}, stderr: (t: string) => void err.push(t), readFile: async () => new Uint8Array(), readStdin: async () => new Uint8Array(), writeFile: async () => {} };
  expect(await main(['user', 'add', 'eve'], io)).toBe(2);
  expect(err.join('')).toMatch(/--password-stdin/);
  expect(await main(['group', 'add', 'seminar'], io)).toBe(2);
  expect(err.join('')).toMatch(/--owner USER/);
  expect(await main(['serve', '--port', 'x'], io)).toBe(2);
  expect(await main(['push'], io)).toBe(2);
});
