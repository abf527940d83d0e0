/**
 * A large work for load tests, made from the shared corpora: their body blocks repeated with the markers
 * renumbered per copy, then one reference list with every copy's entries (so every marker has its entry).
 * The result is in the importer's shape (DESIGN §1); `notes` are W3C annotations quoting passages of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as describeTarget } from '../../../src/anchoring/anchor.ts';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { canonicalText } from '../../../src/anchoring/doc-text.ts';
import { importText } from '../../../src/model/import-text.ts';

/** The shared corpora folder (`$APPARATUS_CORPORA`, default `/work/shared/corpora`). */
export const CORPORA = process.env['APPARATUS_CORPORA'] ?? '/work/shared/corpora';

export interface LargeWork {
  text: string;
  blockCount: number;
  referenceCount: number;
}

/**
 * A text of at least `minBytes` UTF-8 bytes: English corpus articles' blocks repeated, markers `[N]` shifted by
 * the number of entries before each copy, followed by `References` and every entry as `N. text`.
 */
export function largeWorkText(minBytes: number, corpora = CORPORA): LargeWork {
  const sources = readdirSync(corpora)
    .filter((f) => f.endsWith('.txt') && !f.endsWith('-de.txt'))
    .sort()
    .map((f) => importText(readFileSync(join(corpora, f))));
  const body: string[] = [];
  const refs: string[] = [];
  let bytes = 0;
  let offset = 0;
  while (bytes < minBytes) {
    for (const src of sources) {
      const labels = new Map(src.references.map((r, i) => [r.label, String(offset + i + 1)]));
      for (const b of src.blocks) {
        const t = b.text.replace(/\[(\d+)\]/g, (m, n: string) => (labels.has(n) ? `[${labels.get(n)}]` : m));
        body.push(t);
        bytes += Buffer.byteLength(t) + 2;
      }
      src.references.forEach((r, i) => {
        const line = `${offset + i + 1}. ${r.text}`;
        refs.push(line);
        bytes += Buffer.byteLength(line) + 1;
      });
      offset += src.references.length;
    }
  }
  return { text: `${body.join('\n\n')}\n\nReferences\n${refs.join('\n')}\n`, blockCount: body.length, referenceCount: refs.length };
}

/** `count` notes spread evenly over the body of `text`'s canonical text, each quoting 40 characters of one block. */
export function notesOn(text: string, count: number, source: string): Annotation[] {
  const imported = importText(text);
  const canonical = canonicalText(imported.blocks, imported.references);
  const bodyLength = canonicalText(imported.blocks, []).length;
  const notes: Annotation[] = [];
  const step = Math.floor(bodyLength / (count + 1));
  for (let i = 1; i <= count; i++) {
    let start = i * step;
    // Move past a block end so that the quote lies inside one block.
    const newline = canonical.slice(start, start + 40).lastIndexOf('\n');
    if (newline >= 0) start += newline + 1;
    const end = start + 40;
    notes.push({
      '@context': ['http://www.w3.org/ns/anno.jsonld'],
      id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: '2026-01-01T00:00:00Z',
      body: [{ type: 'TextualBody', value: `Note ${i}`, purpose: 'commenting', format: 'text/plain' }],
      target: describeTarget(canonical, start, end, source),
    });
  }
  return notes;
}
