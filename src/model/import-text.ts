/**
 * The importer: a source text in the shape of DESIGN §1 → blocks, references, citations, claims and problems.
 * Pure: strings in, plain data out. `buildDoc` (build-doc.ts) turns the result into a ProseMirror document.
 */
import { findClaims } from './claims.ts';
import { decodeLines } from './decode-text.ts';
import { ImportError } from './import-error.ts';
import type { Citation, ImportedText, Problem } from './imported-text.ts';
import { findMarkers } from './marker-runs.ts';
import { parseReference } from './references.ts';
import { splitLines } from './split-blocks.ts';

/** Options of `importText`. `language` (BCP 47) drives sentence segmentation; default `en`. */
export interface ImportOptions {
  language?: string;
}

/**
 * Imports a text. Bytes must be UTF-8; strings are taken as decoded.
 * @throws ImportError when the input is not a text (binary, another format such as PDF or JSON, UTF-16, invalid
 *   UTF-8, empty, over 10 MiB; see decode-text.ts) or has no body (only a reference list). Every other
 *   irregularity is a `Problem` in the result; nothing is dropped.
 */
export function importText(input: string | Uint8Array, options: ImportOptions = {}): ImportedText {
  const split = splitLines(decodeLines(input));
  if (split.blocks.length === 0) {
    const line = split.headingLine ?? split.entries[0]?.line ?? 1;
    throw new ImportError('no-body', 'The text has a reference list but no body text before it', line, 1);
  }
  const problems: Problem[] = [];
  const references = [];
  const known = new Set<string>();
  let previous: number | null = null;
  // Indexed loops: this function runs once per import, mostly before it is optimised, where `for…of` allocates.
  for (let e = 0; e < split.entries.length; e++) {
    const entry = split.entries[e]!;
    if (known.has(entry.label)) {
      problems.push({
        kind: 'duplicate-reference',
        label: entry.label,
        line: entry.line,
        message: `Reference ${entry.label} on line ${entry.line} repeats a label used before; markers link to the first`,
      });
    } else {
      known.add(entry.label);
    }
    const n = Number(entry.label);
    if (previous !== null && n !== previous + 1) {
      problems.push({
        kind: 'reference-order',
        label: entry.label,
        line: entry.line,
        message: `Reference ${entry.label} on line ${entry.line} follows ${previous}`,
      });
    }
    previous = n;
    references.push(parseReference(entry.label, entry.text));
  }
  const citations: Citation[] = [];
  const cited = new Set<string>();
  const markers = split.blocks.map((block) => findMarkers(block.text));
  for (let index = 0; index < split.blocks.length; index++) {
    const block = split.blocks[index]!;
    const blockMarkers = markers[index]!;
    for (let m = 0; m < blockMarkers.length; m++) {
      const marker = blockMarkers[m]!;
      citations.push({ label: marker.label, block: index, offset: marker.start });
      cited.add(marker.label);
      if (!known.has(marker.label)) {
        problems.push({
          kind: 'missing-reference',
          label: marker.label,
          block: index,
          offset: marker.start,
          message: `Marker [${marker.label}] in block ${index + 1} (line ${block.line}) has no entry in the reference list`,
        });
      }
    }
  }
  for (const label of known) {
    if (!cited.has(label)) {
      problems.push({ kind: 'uncited-reference', label, message: `Reference ${label} is never cited in the text` });
    }
  }
  const blocks = split.blocks.map(({ type, text: t }) => ({ type, text: t }));
  return {
    blocks,
    references,
    referencesHeading: split.heading,
    citations,
    claims: findClaims(blocks, options.language ?? 'en', markers),
    problems,
  };
}
