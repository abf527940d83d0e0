/**
 * The sections of a document (DESIGN §6): each `heading` starts one, which runs to the next heading of its level or
 * a higher one (so a section's coverage counts its subsections' claims too); text before the first heading is the
 * introduction. Computed from the document alone, once per document (the text never changes in the reader).
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { Support } from '../model/claim-types.ts';
import type { Coverage } from '../model/coverage.ts';
import { ClaimIndex } from './claim-index.ts';

/** One section. `from` is the position before its heading (or the first block, for the introduction). */
export interface Section {
  /** position in the contents, from 0 */
  index: number;
  /** the heading's text ("Introduction" for the text before the first heading) */
  title: string;
  /** heading level 2–6; the introduction is 2 */
  level: number;
  /** the source's id of the heading, or the one the builder gave it; null for the introduction */
  anchor: string | null;
  /** whether this is the text before the first heading */
  introduction: boolean;
  /** document positions: before the heading, and where the section ends (the next heading of its level or higher) */
  from: number;
  to: number;
  /** the claims of the section, subsections included, by support */
  coverage: Coverage;
  /** the ids of those claims, in document order */
  claims: readonly string[];
}

const cache = new WeakMap<PMNode, readonly Section[]>();
/** The sections of every document without headings: one object, so that snapshots compare equal. */
const NONE: readonly Section[] = Object.freeze([]);

/**
 * The sections of `doc` (none when it has no heading: a text without sections has no contents). `supportOf` gives
 * a claim's support by id (claims the document marks but `supportOf` does not know are not counted).
 */
export function sectionsOf(doc: PMNode, supportOf: (id: string) => Support | undefined): readonly Section[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const heads: Omit<Section, 'to' | 'coverage' | 'claims'>[] = [];
  let bodyEnd = doc.content.size;
  let first = true;
  doc.forEach((node, pos) => {
    if (node.type.name === 'references') {
      bodyEnd = pos;
      return;
    }
    if (node.type.name === 'heading') {
      heads.push({ index: 0, title: node.textContent, level: node.attrs['level'] as number, anchor: (node.attrs['anchor'] as string | null) ?? null, introduction: false, from: pos });
    } else if (first) {
      heads.push({ index: 0, title: 'Introduction', level: 2, anchor: null, introduction: true, from: pos });
    }
    first = false;
  });
  if (!heads.some((h) => !h.introduction)) {
    cache.set(doc, NONE);
    return NONE;
  }
  const ranges = ClaimIndex.of(doc).ranges;
  const sections = heads.map((h, i): Section => {
    let to = bodyEnd;
    for (let j = i + 1; j < heads.length; j++) {
      if (h.introduction || heads[j]!.level <= h.level) {
        to = heads[j]!.from;
        break;
      }
    }
    const coverage: Coverage = { total: 0, direct: 0, inherited: 0, none: 0 };
    const claims: string[] = [];
    // Claim ranges are sorted by start: the section's claims are one run of them.
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid]!.from < h.from) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < ranges.length && ranges[k]!.from < to; k++) {
      const support = supportOf(ranges[k]!.id);
      if (!support) continue;
      coverage.total++;
      coverage[support]++;
      claims.push(ranges[k]!.id);
    }
    return { ...h, index: i, to, coverage, claims };
  });
  cache.set(doc, sections);
  return sections;
}

/** The innermost section at `pos` (the last one starting at or before it), or null (before all, or none). */
export function sectionAt(sections: readonly Section[], pos: number): Section | null {
  let lo = 0;
  let hi = sections.length - 1;
  let found: Section | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid]!.from <= pos) {
      found = sections[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
