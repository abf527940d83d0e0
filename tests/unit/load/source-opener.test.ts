import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { inlineSourceOpen, OpenCancelled, OpenFailed } from '../../../src/load/source-open-client.ts';
import type { FromOpenWorker } from '../../../src/load/source-open-messages.ts';
import { openSourceBytes } from '../../../src/load/source-opener.ts';
import { sha256Hex } from '../../../src/model/work.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const structure = readFileSync(join(root, 'tests', 'fixtures', 'sources', 'structure.md'));
/** A fresh ArrayBuffer holding exactly `bytes` (a Node Buffer's own `.buffer` may be a larger shared pool). */
const buffer = (bytes: Uint8Array) => new Uint8Array(bytes).buffer as ArrayBuffer;

describe('openSourceBytes (the source-open worker’s work)', () => {
  test('imports and hashes the bytes, reports progress, sends the summary and the same bytes back', async () => {
    const sent: FromOpenWorker[] = [];
    const original = buffer(structure);
    await openSourceBytes({ type: 'open', bytes: original, origin: 'structure.md' }, (m) => sent.push(m));
    expect(sent.filter((m) => m.type === 'progress').map((m) => (m.type === 'progress' ? m.progress.stage : ''))).toEqual(['checked', 'imported', 'hashed']);
    const done = sent.at(-1)!;
    if (done.type !== 'done') throw new Error(`expected done, got ${done.type}`);
    expect(done.summary.format).toBe('markdown');
    expect(done.summary.sha256).toBe(await sha256Hex(structure));
    expect(done.summary.sections).toBeGreaterThan(0);
    const { direct, inherited, none } = done.summary.coverage;
    expect(direct + inherited + none).toBe(done.summary.claims);
    expect(new Uint8Array(done.bytes)).toEqual(new Uint8Array(structure));
  });

  test('bytes that are not UTF-8 fail with where, and nothing else is sent', async () => {
    const sent: FromOpenWorker[] = [];
    await openSourceBytes({ type: 'open', bytes: buffer(new Uint8Array([0x41, 0xe9, 0x42])), origin: 'latin1.txt' }, (m) => sent.push(m));
    expect(sent).toEqual([{ type: 'failed', message: 'latin1.txt is not UTF-8 text: the byte at offset 1 (0xe9) is not valid UTF-8. Save it as UTF-8 and open it again. Nothing was added to the library.' }]);
  });

  test('a TEI file that is not well-formed fails with the line and column', async () => {
    const sent: FromOpenWorker[] = [];
    await openSourceBytes({ type: 'open', bytes: buffer(new TextEncoder().encode('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>open</body></text></TEI>')), origin: 'bad.xml' }, (m) => sent.push(m));
    expect(sent.map((m) => m.type)).toEqual(['progress', 'failed']);
    expect((sent[1] as { message: string }).message).toMatch(/^bad\.xml cannot be read \(line 1, column \d+\): .+\. Nothing was added to the library\.$/);
  });
});

describe('the client on this thread', () => {
  test('answers as the worker does; the format may be given', async () => {
    const { summary } = await inlineSourceOpen(buffer(structure), 'structure.md', undefined, 'text').outcome;
    expect(summary.format).toBe('text');
    await expect(inlineSourceOpen(buffer(new Uint8Array()), 'empty.txt').outcome).rejects.toThrow(new OpenFailed('empty.txt is empty. Nothing was added to the library.'));
  });

  test('cancel rejects with OpenCancelled and drops the answer', async () => {
    const job = inlineSourceOpen(buffer(structure), 'structure.md');
    job.cancel();
    await expect(job.outcome).rejects.toBeInstanceOf(OpenCancelled);
    await expect(job.outcome).rejects.toThrow('Opening structure.md was cancelled. Nothing was added to the library.');
  });
});
