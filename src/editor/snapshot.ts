/**
 * The read-only snapshot that goes DOWN to the panels after each update (DESIGN §2).
 *
 * Two parts so that Lit's identity checks do the right amount of work: `document` changes only when the document
 * or its metadata change (never on a caret move); `caret` is a new object exactly when what is under the caret
 * (or the focused reference) changed.
 */
import type { EditorState } from 'prosemirror-state';
import type { Claim } from '../model/claim-types.ts';
import { coverageOf, type Coverage } from '../model/coverage.ts';
import type { ImportedText, Problem } from '../model/imported-text.ts';
import type { Reference } from '../model/reference-types.ts';
import type { WorkMeta } from '../model/work.ts';
import { currentClaim } from './commands.ts';
import { focusedReference } from './focus-plugin.ts';

export interface DocumentSnapshot {
  work: WorkMeta;
  claims: readonly Claim[];
  references: readonly Reference[];
  coverage: Coverage;
  problems: readonly Problem[];
  /** Sentences the reader must show prominently (e.g. the text's hash does not match work.json). */
  warnings: readonly string[];
}

export interface CaretSnapshot {
  /** the claim under the caret, or null */
  claim: Claim | null;
  /** the references the claim cites, in the claim's order (entries that do not exist are left out; see `missing`) */
  sources: readonly Reference[];
  /** labels the claim cites that have no entry */
  missing: readonly string[];
  /** the reference whose marker was clicked, or null */
  reference: Reference | null;
}

export interface ReaderSnapshot {
  document: DocumentSnapshot;
  caret: CaretSnapshot;
}

/** Builds snapshots, reusing the previous objects when nothing they hold changed. */
export class SnapshotBuilder {
  private readonly document: DocumentSnapshot;
  private readonly claimsById: Map<string, Claim>;
  private readonly refsByLabel: Map<string, Reference>;
  private last: ReaderSnapshot | null = null;

  constructor(work: WorkMeta, imported: ImportedText, warnings: readonly string[] = []) {
    this.document = {
      work,
      claims: imported.claims,
      references: imported.references,
      coverage: coverageOf(imported.claims),
      problems: imported.problems,
      warnings,
    };
    this.claimsById = new Map(imported.claims.map((c) => [c.id, c]));
    this.refsByLabel = new Map();
    for (const r of imported.references) if (!this.refsByLabel.has(r.label)) this.refsByLabel.set(r.label, r);
  }

  /** The snapshot of `state`; the same object as last time when nothing visible changed. */
  build(state: EditorState): ReaderSnapshot {
    const range = currentClaim(state);
    const claim = range ? (this.claimsById.get(range.id) ?? null) : null;
    const label = focusedReference(state);
    const reference = label === null ? null : (this.refsByLabel.get(label) ?? null);
    const prev = this.last;
    if (prev && prev.caret.claim === claim && prev.caret.reference === reference) return prev;
    const sources: Reference[] = [];
    const missing: string[] = [];
    for (const l of claim?.sources ?? []) {
      const r = this.refsByLabel.get(l);
      if (r) sources.push(r);
      else missing.push(l);
    }
    this.last = { document: this.document, caret: { claim, sources, missing, reference } };
    return this.last;
  }
}
