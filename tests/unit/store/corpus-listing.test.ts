import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { listCorpus } from '../../../src/store/corpus-listing.ts';
import { PROJECT } from './temp-project.ts';

describe('listCorpus', () => {
  const root = mkdtempSync(join(tmpdir(), 'apparatus-corpus-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('lists each readable work and names every folder that is not one, with why', async () => {
    const kav = join(root, 'corpus', 'kavbiuro');
    mkdirSync(kav, { recursive: true });
    writeFileSync(join(kav, 'text.txt'), readFileSync(join(PROJECT, 'corpus', 'kavbiuro', 'text.txt')));
    writeFileSync(join(kav, 'work.json'), readFileSync(join(PROJECT, 'corpus', 'kavbiuro', 'work.json')));
    mkdirSync(join(root, 'corpus', 'no-text'));
    mkdirSync(join(root, 'corpus', 'bad-meta'));
    writeFileSync(join(root, 'corpus', 'bad-meta', 'text.txt'), 'A text.');
    writeFileSync(join(root, 'corpus', 'bad-meta', 'work.json'), '{"id": "bad-meta"}');
    mkdirSync(join(root, 'corpus', '.hidden'));
    const listing = await listCorpus(root);
    expect(listing.works).toEqual([{ id: 'kavbiuro', title: 'Kavbiuro', source: 'https://en.wikipedia.org/wiki/Kavbiuro', language: 'en', revision: expect.stringContaining('older revision') }]);
    expect(listing.unreadable.map((u) => u.id)).toEqual(['bad-meta', 'no-text']);
    expect(listing.unreadable[0]!.reason).toMatch(/corpus\/bad-meta\/work\.json: "licence"/);
    expect(listing.unreadable[1]!.reason).toBe('corpus/no-text/ has no text.txt');
  });

  test('a project without corpus/ lists nothing', async () => {
    expect(await listCorpus(join(root, 'nowhere'))).toEqual({ works: [], unreadable: [] });
  });
});
