/**
 * The common last step of every source adapter: from blocks, explicit markers and references to a complete
 * `ImportedText` — claims found by the one claim finder (none in headings, so no claim crosses a section), and the
 * marker/reference problems every format reports the same way.
 */
import { findClaims } from '../model/claims.ts';
import type { Block, Citation, ImportedText, ImportReport, Link, Problem, Signal, SourceMeta } from '../model/imported-text.ts';
import type { Marker } from '../model/marker-runs.ts';
import type { Reference } from '../model/reference-types.ts';

/** What an adapter read. `citations` must be in document order; each marker's text `[label]` stands at its offset. */
export interface SourceParts {
  blocks: Block[];
  citations: Citation[];
  references: Reference[];
  referencesHeading: string | null;
  links: Link[];
  signals: Signal[];
  report: ImportReport;
  meta: SourceMeta;
  /** Problems the adapter found itself (kept before the common ones). */
  problems?: Problem[];
}

/**
 * Completes `parts`. Claims are found per block with the given markers (headings get none); a marker whose label
 * has no reference is `missing-reference`, a reference no marker cites (sub-references aside, which their parent's
 * markers cite; and a parent whose sub-reference is cited) is `uncited-reference`.
 * @throws Error when a citation's `[label]` does not stand at its offset (an adapter bug, never the input's fault).
 */
export function finishImport(parts: SourceParts, language = 'en'): ImportedText {
  const markers: Marker[][] = parts.blocks.map(() => []);
  for (const c of parts.citations) {
    const text = parts.blocks[c.block]?.text;
    const written = `[${c.label}]`;
    if (text === undefined || text.slice(c.offset, c.offset + written.length) !== written) {
      throw new Error(`finishImport: marker ${written} is not at block ${c.block}, offset ${c.offset}`);
    }
    markers[c.block]!.push({ label: c.label, start: c.offset, end: c.offset + written.length });
  }
  const problems: Problem[] = [...(parts.problems ?? [])];
  const known = new Set(parts.references.map((r) => r.label));
  const cited = new Set<string>();
  for (const c of parts.citations) {
    cited.add(c.label);
    if (!known.has(c.label)) {
      problems.push({
        kind: 'missing-reference',
        label: c.label,
        block: c.block,
        offset: c.offset,
        message: `Marker [${c.label}] in block ${c.block + 1} has no entry in the reference list`,
      });
    }
  }
  // A reference is cited through any of its cited sub-references too (Parsoid 2.8 `details`).
  for (const r of parts.references) if (r.parent !== undefined && cited.has(r.label)) cited.add(r.parent);
  for (const r of parts.references) {
    if (!cited.has(r.label) && !(r.parent !== undefined && cited.has(r.parent))) {
      problems.push({ kind: 'uncited-reference', label: r.label, message: `Reference ${r.label} is never cited in the text` });
    }
  }
  const claims = findClaims(parts.blocks, language, markers).filter((claim) => parts.blocks[claim.block]!.type !== 'heading');
  return {
    blocks: parts.blocks,
    references: parts.references,
    referencesHeading: parts.referencesHeading,
    citations: parts.citations,
    claims,
    problems,
    links: parts.links,
    signals: parts.signals,
    report: parts.report,
    meta: parts.meta,
  };
}
