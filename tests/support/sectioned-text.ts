/**
 * A small sectioned work as a non-plain-text adapter would give it (the Markdown, TEI and Wikipedia adapters are
 * other modules): hand-written `SourceParts` completed by `finishImport` — headings, a list, links (wiki and
 * external, one with an unsafe address), markers with numeric, letter and group labels, a `[citation needed]`
 * signal, and an import report. Used by the model, editor, load and panel tests of sections.
 */
import type { Block, Citation, ImportReport, Link, Signal, SourceMeta } from '../../src/model/imported-text.ts';
import type { ImportedText } from '../../src/model/imported-text.ts';
import { parseReference } from '../../src/model/references.ts';
import { finishImport, type SourceParts } from '../../src/sources/finish-import.ts';

/** Where `needle` starts in `text`. @throws Error when it is not there (a typo in a fixture). */
function at(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`fixture: "${needle}" is not in "${text}"`);
  return i;
}

const blocks: Block[] = [
  { type: 'paragraph', text: 'The Caucasian Bureau was a body of the Russian Communist Party.[1] It sat in Tiflis.[a]' },
  { type: 'heading', text: 'History', level: 2, anchor: 'History' },
  { type: 'paragraph', text: 'Sergo Ordzhonikidze chaired it from 1920.[2][n 1] Stalin attended one session. Kirov was a member.' },
  { type: 'heading', text: 'Members', level: 3 },
  { type: 'list_item', text: 'Sergo Ordzhonikidze, chairman.[2]', level: 1, ordered: false },
  { type: 'list_item', text: 'Sergei Kirov, who later led Leningrad.', level: 2, ordered: true },
  { type: 'heading', text: 'Legacy', level: 2, anchor: 'Legacy' },
  { type: 'blockquote', text: '"The bureau decided the borders."[1]' },
];

/** The citations of `blocks`: each `[label]` of the given labels, in document order. */
function citationsOf(labels: readonly string[]): Citation[] {
  const out: Citation[] = [];
  blocks.forEach((b, block) => {
    const found: Citation[] = [];
    for (const label of labels) {
      const written = `[${label}]`;
      for (let i = b.text.indexOf(written); i >= 0; i = b.text.indexOf(written, i + 1)) found.push({ label, block, offset: i });
    }
    out.push(...found.sort((x, y) => x.offset - y.offset));
  });
  return out;
}

const links: Link[] = [
  { block: 0, start: at(blocks[0]!.text, 'Russian Communist Party'), end: at(blocks[0]!.text, 'Russian Communist Party') + 'Russian Communist Party'.length, href: 'https://en.wikipedia.org/wiki/Russian_Communist_Party', kind: 'wiki', title: 'Russian Communist Party' },
  { block: 0, start: at(blocks[0]!.text, 'Tiflis'), end: at(blocks[0]!.text, 'Tiflis') + 6, href: 'https://en.wikipedia.org/wiki/Tbilisi', kind: 'wiki', title: 'Tbilisi' },
  { block: 2, start: 0, end: 'Sergo Ordzhonikidze'.length, href: 'https://en.wikipedia.org/wiki/Sergo_Ordzhonikidze', kind: 'wiki', title: 'Sergo Ordzhonikidze' },
  { block: 2, start: at(blocks[2]!.text, 'Stalin'), end: at(blocks[2]!.text, 'Stalin') + 6, href: 'javascript:alert(1)', kind: 'external' },
  { block: 5, start: 0, end: 'Sergei Kirov'.length, href: 'https://en.wikipedia.org/wiki/Sergei_Kirov', kind: 'wiki', title: 'Sergei Kirov' },
  { block: 6, start: 0, end: 'Legacy'.length, href: 'https://example.org/legacy', kind: 'external' },
];

const signals: Signal[] = [{ kind: 'citation-needed', block: 2, offset: at(blocks[2]!.text, ' Kirov') , text: '[citation needed]' }];

const report: ImportReport = { format: 'wikipedia-parsoid', omitted: { table: 2, infobox: 1 }, notes: ['1 explanatory note kept apart from references'] };
const meta: SourceMeta = { title: 'Caucasian Bureau', language: 'en', source: 'https://en.wikipedia.org/w/index.php?title=Kavbiuro&oldid=1', revision: '1' };

/** The parts, as an adapter would hand them to `finishImport`. */
export function sectionedParts(): SourceParts {
  return {
    blocks,
    citations: citationsOf(['1', '2', 'a', 'n 1']),
    references: [
      parseReference('1', 'Smith, John (1999). The Caucasus in Revolution. Oxford University Press. p. 12.'),
      parseReference('2', 'Jones, Ann (2004). Sergo. Moscow. p. 40.'),
      { ...parseReference('a', 'Tiflis is the older name of Tbilisi.'), group: 'lower-alpha' },
      { ...parseReference('n 1', 'He was also called Sergo.'), group: 'n' },
    ],
    referencesHeading: 'References',
    links,
    signals,
    report,
    meta,
  };
}

/** The sectioned work, imported. */
export function sectionedText(): ImportedText {
  return finishImport(sectionedParts(), 'en');
}
