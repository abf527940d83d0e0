import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { importSummary } from '../../../src/cli/import-command.ts';
import { importSource } from '../../../src/sources/import-source.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dog = join(root, '..', 'shared', 'sources', 'wikipedia-parsoid', 'dog.html');

test('the summary of a plain-text work is as it always was: no structure line', () => {
  const { imported } = importSource(readFileSync(join(root, 'corpus', 'kavbiuro', 'text.txt')));
  expect(importSummary('kavbiuro.txt', imported)).toBe(
    'kavbiuro.txt\n  4 body blocks (1 block quotation), 4 markers, 2 references\n  14 claims: 4 direct, 6 inherited, 4 without a source\n  no problems\n',
  );
});

test('the summary of a structured source counts its sections, list items, links and flags', () => {
  const { imported } = importSource(readFileSync(join(root, 'tests', 'fixtures', 'sources', 'structure.md')));
  const sections = imported.blocks.filter((b) => b.type === 'heading').length;
  const items = imported.blocks.filter((b) => b.type === 'list_item').length;
  expect(importSummary('structure.md', imported)).toContain(`\n  ${sections} sections, ${items} list items, ${imported.links!.length} links\n`);
});

test.skipIf(!existsSync(dog))('the Dog page: its flags are counted too', () => {
  const { imported } = importSource(readFileSync(dog));
  expect(imported.signals!.length).toBeGreaterThan(0);
  expect(importSummary('dog.html', imported)).toMatch(new RegExp(`, ${imported.signals!.length} flags? the source puts on claims\\n`));
});
