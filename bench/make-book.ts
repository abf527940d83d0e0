/**
 * The benchmark's book: about 1 MB in the importer's text shape (DESIGN §1), made by repeating the blocks of the
 * shared corpora with their footnote markers and reference entries renumbered so that every marker resolves.
 *
 * One corpus (`uniqueCorpus`) is used exactly once, in the middle of the book: its passages occur nowhere else,
 * so the revision can delete, move or rewrite them without the ground truth becoming ambiguous (a deleted
 * passage with a verbatim twin elsewhere could rightly anchor on the twin). The other corpora repeat, which
 * gives the matcher what a real book has plenty of: passages with exact copies far away.
 *
 * Pure: corpus texts in, strings and numbers out.
 */
import { canonicalText, BLOCK_SEPARATOR } from '../src/anchoring/doc-text.ts';
import type { Block } from '../src/model/imported-text.ts';
import { importText } from '../src/model/import-text.ts';
import { findMarkers } from '../src/model/marker-runs.ts';

/** A corpus text as read from `../shared/corpora`. */
export interface BookCorpus {
  name: string;
  text: string;
}

/** A reference entry of the book: label and text as the importer reads them. */
export interface BookReference {
  label: string;
  text: string;
}

/** The generated book. */
export interface Book {
  /** The file: body blocks, a `References` heading, one `N. text` line per entry. */
  file: string;
  /** Its canonical text (`canonicalText(blocks, references)`): what selectors measure. */
  canonical: string;
  blocks: Block[];
  references: BookReference[];
  /** Canonical offset of each body block's first character. */
  blockStarts: number[];
  /** Per body block: true when it comes from the corpus used once. */
  uniqueBlocks: boolean[];
}

/** Options of `makeBook`. */
export interface BookOptions {
  /** Stop repeating once the file holds at least this many UTF-8 bytes. */
  targetBytes: number;
  /** Name of the corpus used exactly once (placed after the first half of the repetitions). */
  uniqueCorpus: string;
}

/**
 * Builds the book. Corpora are repeated in the given order until `targetBytes` is reached.
 * @throws Error when `uniqueCorpus` is not among `corpora`, when no corpus is repeatable, or when a corpus
 *   has a marker without a reference entry (renumbering could not keep it resolvable).
 */
export function makeBook(corpora: readonly BookCorpus[], options: BookOptions): Book {
  const unique = corpora.find((c) => c.name === options.uniqueCorpus);
  if (!unique) throw new Error(`makeBook: unique corpus "${options.uniqueCorpus}" is not among ${corpora.map((c) => c.name).join(', ')}`);
  const repeated = corpora.filter((c) => c !== unique);
  if (repeated.length === 0) throw new Error('makeBook: need at least one corpus besides the unique one');
  const parsed = new Map(corpora.map((c) => [c.name, importText(c.text)]));

  const blocks: Block[] = [];
  const uniqueBlocks: boolean[] = [];
  const references: BookReference[] = [];
  const encoder = new TextEncoder();
  let bytes = 0;
  const addChunk = (corpus: BookCorpus, isUnique: boolean) => {
    const imported = parsed.get(corpus.name)!;
    const labels = new Map<string, string>();
    for (const ref of imported.references) {
      if (labels.has(ref.label)) continue;
      const label = String(references.length + 1);
      labels.set(ref.label, label);
      references.push({ label, text: ref.text });
      bytes += encoder.encode(`${label}. ${ref.text}\n`).length;
    }
    for (const block of imported.blocks) {
      let text = '';
      let at = 0;
      for (const m of findMarkers(block.text)) {
        const label = labels.get(m.label);
        if (label === undefined) throw new Error(`makeBook: marker [${m.label}] in ${corpus.name} has no reference entry`);
        text += `${block.text.slice(at, m.start)}[${label}]`;
        at = m.end;
      }
      text += block.text.slice(at);
      blocks.push({ type: block.type, text });
      uniqueBlocks.push(isUnique);
      bytes += encoder.encode(text).length + 2;
    }
  };
  // Repetitions before and after the unique corpus, so that it sits in the middle of the book.
  const repBytes = repeated.reduce((n, c) => n + encoder.encode(c.text).length, 0);
  const reps = Math.max(1, Math.ceil((options.targetBytes - encoder.encode(unique.text).length) / repBytes));
  const before = Math.floor(reps / 2);
  for (let r = 0; r < before; r++) for (const c of repeated) addChunk(c, false);
  addChunk(unique, true);
  for (let r = before; r < reps || bytes < options.targetBytes; r++) for (const c of repeated) addChunk(c, false);

  const file = renderFile(blocks, references);
  const canonical = canonicalText(blocks, references);
  const blockStarts: number[] = [];
  let offset = 0;
  for (const b of blocks) {
    blockStarts.push(offset);
    offset += b.text.length + BLOCK_SEPARATOR.length;
  }
  return { file, canonical, blocks, references, blockStarts, uniqueBlocks };
}

/** The importer-shaped file of body blocks and reference entries (LF line ends, one entry a line). */
export function renderFile(blocks: readonly Block[], references: readonly BookReference[]): string {
  return `${blocks.map((b) => b.text).join('\n\n')}\n\nReferences\n\n${references.map((r) => `${r.label}. ${r.text}`).join('\n')}\n`;
}
