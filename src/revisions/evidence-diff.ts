/**
 * What changed in the evidence between two revisions of a work (issue 10 §4): claims added, removed, reworded and
 * moved (claim-matching.ts); claims that lost or gained a citation, compared by the cited entry's identity and not
 * its label (reference-matching.ts); reference entries whose structured data changed, with the markers citing them;
 * claim-level signals (`[citation needed]`, `[dubious]`, … — the source's own signals, and in plain text the same
 * tags written in brackets) added or removed; the coverage of every section before and after (model/coverage.ts).
 *
 * Every change carries its places in the canonical text of each revision (anchoring/doc-text.ts) so that a reader
 * can jump to it. Pure: two `ImportedText`s in, a plain `EvidenceReport` out.
 */
import { BLOCK_SEPARATOR, referenceLine } from '../anchoring/doc-text.ts';
import type { Claim } from '../model/claim-types.ts';
import { claimSignals } from '../model/claim-signals.ts';
import { coverageOf } from '../model/coverage.ts';
import type { ImportedText, Signal } from '../model/imported-text.ts';
import { claimKey, matchClaims } from './claim-matching.ts';
import {
  CHANGE_KINDS,
  type ChangeKind,
  type ClaimSide,
  type EvidenceChange,
  type EvidenceReport,
  type Place,
  type ReferenceSide,
  type SectionCoverage,
} from './evidence-types.ts';
import { matchReferences, referenceFieldChanges } from './reference-matching.ts';

/** Signal tags written as text in brackets (plain text has no other way to say them), by their phrase. */
const WRITTEN_SIGNALS: Readonly<Record<string, Signal['kind']>> = {
  'citation needed': 'citation-needed',
  dubious: 'dubious',
  'failed verification': 'failed-verification',
  'better source needed': 'better-source-needed',
  'clarification needed': 'clarification-needed',
};
const WRITTEN_SIGNAL = /\[(citation needed|dubious|failed verification|better source needed|clarification needed)\b[^[\]\n]*\]/gi;

const NONE: ReadonlySet<number> = new Set();

/** One revision prepared for comparison: places, sections, signals and cited entries of its claims. */
class Side {
  readonly blockStarts: number[] = [];
  readonly referenceStarts: number[] = [];
  /** Section index of each block. */
  readonly sectionOfBlock: number[] = [];
  readonly sections: { title: string | null; place: Place; claims: Claim[] }[] = [];
  readonly keys: string[];
  readonly signals: string[][];
  readonly referenceIndex = new Map<string, number>();

  constructor(readonly text: ImportedText) {
    let offset = 0;
    text.blocks.forEach((b, i) => {
      if (i > 0) offset += BLOCK_SEPARATOR.length;
      this.blockStarts.push(offset);
      if (b.type === 'heading' || i === 0) {
        const title = b.type === 'heading' ? b.text : null;
        this.sections.push({ title, place: { from: offset, to: offset + b.text.length, block: i }, claims: [] });
      }
      this.sectionOfBlock.push(this.sections.length - 1);
      offset += b.text.length;
    });
    text.references.forEach((r, i) => {
      offset += BLOCK_SEPARATOR.length;
      this.referenceStarts.push(offset);
      offset += referenceLine(r.label, r.text).length;
      if (!this.referenceIndex.has(r.label)) this.referenceIndex.set(r.label, i);
    });
    for (const c of text.claims) this.sections[this.sectionOfBlock[c.block]!]!.claims.push(c);
    this.keys = text.claims.map((c) => claimKey(c.text));
    const placed = claimSignals(text.claims, text.signals ?? []);
    this.signals = text.claims.map((c, i) => {
      const kinds = (placed.byClaim.get(i) ?? []).map((s) => s.kind as string);
      for (const m of c.text.matchAll(WRITTEN_SIGNAL)) kinds.push(WRITTEN_SIGNALS[m[1]!.toLowerCase()]!);
      return kinds;
    });
  }

  /** Where claim `i` starts in the canonical text. */
  placeFrom(i: number): number {
    const c = this.text.claims[i]!;
    return this.blockStarts[c.block]! + c.start;
  }

  claim(i: number): ClaimSide {
    const c = this.text.claims[i]!;
    const from = this.placeFrom(i);
    return {
      id: c.id,
      text: c.text,
      place: { from, to: from + (c.end - c.start), block: c.block },
      section: this.sections[this.sectionOfBlock[c.block]!]!.title,
    };
  }

  reference(i: number): ReferenceSide {
    const r = this.text.references[i]!;
    const from = this.referenceStarts[i]!;
    return { label: r.label, text: r.text, place: { from, to: from + referenceLine(r.label, r.text).length, block: null } };
  }

  /** Indexes of the entries claim `i` cites. */
  citedBy(i: number): ReadonlySet<number> {
    if (this.text.claims[i]!.sources.length === 0) return NONE;
    const out = new Set<number>();
    for (const label of this.text.claims[i]!.sources) {
      const r = this.referenceIndex.get(label);
      if (r !== undefined) out.add(r);
    }
    return out;
  }

  /** Places of the markers citing entry `label`. */
  markersOf(label: string): Place[] {
    return this.text.citations
      .filter((c) => c.label === label)
      .map((c) => {
        const from = this.blockStarts[c.block]! + c.offset;
        return { from, to: from + label.length + 2, block: c.block };
      });
  }
}

/** Each kind in `a` not matched by one in `b` (multisets). */
function without(a: readonly string[], b: readonly string[]): string[] {
  const rest = [...b];
  return a.filter((k) => {
    const at = rest.indexOf(k);
    if (at === -1) return true;
    rest.splice(at, 1);
    return false;
  });
}

/** Names the two revisions in the report (file names, revision ids). */
export interface DiffNames {
  oldName?: string;
  newName?: string;
}

/** Compares two revisions of a work. See the module comment. */
export function diffEvidence(before: ImportedText, after: ImportedText, names: DiffNames = {}): EvidenceReport {
  const o = new Side(before);
  const n = new Side(after);
  const claims = matchClaims(o.keys, n.keys);
  const refs = matchReferences(before.references, after.references);

  // Changes with a sort key: where they are in the new text (old-only ones just after the claim before them).
  const keyed: { at: number; change: EvidenceChange }[] = [];
  const add = (at: number, change: EvidenceChange) => keyed.push({ at, change });

  let lastNewEnd = 0;
  let lastNew: Place | null = null;
  let lastNewIndex = -1;
  const nearNow = () => (lastNewIndex >= 0 ? n.claim(lastNewIndex).place : lastNew);
  for (let i = 0; i < before.claims.length; i++) {
    const j = claims.forward[i]!;
    if (j === -1) {
      const old = o.claim(i);
      const near = nearNow();
      add(lastNewEnd + 0.5, { kind: 'claim-removed', old, near });
      for (const signal of o.signals[i]!) add(lastNewEnd + 0.5, { kind: 'signal-removed', old, near, signal });
      continue;
    }
    // Sides are made only for pairs that changed (a book has thousands of claims, most of them unchanged).
    const cited = n.citedBy(j);
    const wasCited = o.citedBy(i);
    const lost = [...wasCited].filter((r) => refs.forward[r] === -1 || !cited.has(refs.forward[r]!));
    const gained = [...cited].filter((r) => refs.backward[r] === -1 || !wasCited.has(refs.backward[r]!));
    const added = n.signals[j]!.length ? without(n.signals[j]!, o.signals[i]!) : [];
    const removed = o.signals[i]!.length ? without(o.signals[i]!, n.signals[j]!) : [];
    const same = claims.similarity[i] === 1 && !claims.moved[i];
    const at = n.placeFrom(j);
    lastNewEnd = at + (after.claims[j]!.end - after.claims[j]!.start);
    if (same && !lost.length && !gained.length && !added.length && !removed.length) {
      lastNew = null;
      lastNewIndex = j;
      continue;
    }
    const old = o.claim(i);
    const now = n.claim(j);
    lastNew = now.place;
    lastNewIndex = -1;
    if (claims.similarity[i]! < 1) add(at, { kind: 'claim-reworded', old, new: now, similarity: Math.round(claims.similarity[i]! * 1000) / 1000 });
    else if (claims.moved[i]) add(at, { kind: 'claim-moved', old, new: now });
    for (const r of lost) add(at, { kind: 'citation-lost', old, new: now, reference: o.reference(r) });
    for (const r of gained) add(at, { kind: 'citation-gained', old, new: now, reference: n.reference(r) });
    for (const signal of added) add(at, { kind: 'signal-added', old, new: now, signal });
    for (const signal of removed) add(at, { kind: 'signal-removed', old, new: now, signal });
  }
  for (let j = 0; j < after.claims.length; j++) {
    if (claims.backward[j] !== -1) continue;
    const now = n.claim(j);
    add(now.place.from, { kind: 'claim-added', new: now });
    for (const signal of n.signals[j]!) add(now.place.from, { kind: 'signal-added', new: now, signal });
  }

  let lastNewReference = n.blockStarts.length ? n.blockStarts[n.blockStarts.length - 1]! : 0;
  let lastReferencePlace: Place | null = null;
  for (let i = 0; i < before.references.length; i++) {
    const j = refs.forward[i]!;
    if (j === -1) {
      add(lastNewReference + 0.5, { kind: 'reference-removed', oldReference: o.reference(i), near: lastReferencePlace });
      continue;
    }
    const newReference = n.reference(j);
    lastNewReference = newReference.place.from;
    lastReferencePlace = newReference.place;
    const fields = referenceFieldChanges(before.references[i]!, after.references[j]!);
    if (fields.length) {
      add(newReference.place.from, { kind: 'reference-changed', oldReference: o.reference(i), newReference, fields, citations: n.markersOf(newReference.label) });
    }
  }
  for (let j = 0; j < after.references.length; j++) {
    if (refs.backward[j] === -1) {
      const newReference = n.reference(j);
      add(newReference.place.from, { kind: 'reference-added', newReference });
    }
  }

  // Stable: changes at one place keep the order they were found in.
  keyed.sort((a, b) => a.at - b.at);
  const changes = keyed.map((k) => k.change);
  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const c of changes) counts[c.kind]++;
  let unchanged = 0;
  for (let i = 0; i < before.claims.length; i++) if (claims.forward[i]! >= 0 && claims.similarity[i] === 1) unchanged++;

  return {
    oldName: names.oldName ?? 'old',
    newName: names.newName ?? 'new',
    changes,
    counts,
    unchangedClaims: unchanged,
    claimsBefore: before.claims.length,
    claimsAfter: after.claims.length,
    coverageBefore: coverageOf(before.claims),
    coverageAfter: coverageOf(after.claims),
    sections: sectionCoverage(o, n),
  };
}

/**
 * Sections of both revisions matched by heading text (the n-th section of a title with the n-th): in the new
 * order, each old-only section just before the first new section matched to a later old one.
 */
function sectionCoverage(o: Side, n: Side): SectionCoverage[] {
  const keyOf = (sections: Side['sections']) => {
    const seen = new Map<string, number>();
    return sections.map((s) => {
      const title = s.title === null ? '\u0000lead' : s.title.replace(/\s+/g, ' ').trim().toLowerCase();
      const k = (seen.get(title) ?? 0) + 1;
      seen.set(title, k);
      return `${title}\u0000${k}`;
    });
  };
  const oldKeys = keyOf(o.sections);
  const oldIndex = new Map(oldKeys.map((k, i) => [k, i]));
  const used = new Set<number>();
  const out: SectionCoverage[] = [];
  let nextOld = 0;
  const flushOld = (upTo: number) => {
    for (; nextOld < upTo; nextOld++) {
      if (used.has(nextOld)) continue;
      const s = o.sections[nextOld]!;
      out.push({ title: s.title, before: coverageOf(s.claims), after: null, oldPlace: s.place, newPlace: null });
    }
  };
  keyOf(n.sections).forEach((k, j) => {
    const s = n.sections[j]!;
    const i = oldIndex.get(k);
    if (i === undefined) {
      out.push({ title: s.title, before: null, after: coverageOf(s.claims), oldPlace: null, newPlace: s.place });
      return;
    }
    used.add(i);
    flushOld(i);
    const old = o.sections[i]!;
    out.push({ title: s.title, before: coverageOf(old.claims), after: coverageOf(s.claims), oldPlace: old.place, newPlace: s.place });
  });
  flushOld(o.sections.length);
  return out;
}
