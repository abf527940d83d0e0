/**
 * The read-only snapshot that goes DOWN to the panels after each update (DESIGN §2).
 *
 * Three parts so that Lit's identity checks do the right amount of work: `document` changes only when the
 * document or its metadata change; `notes` when the annotation set (or what could not be read) changes; `caret`
 * exactly when what is under the caret, the selection's emptiness or the focus changed. A caret move that changes
 * nothing visible returns the previous snapshot object.
 */
import type { EditorState } from 'prosemirror-state';
import type { Claim } from '../model/claim-types.ts';
import { coverageOf, type Coverage } from '../model/coverage.ts';
import { claimSignals } from '../model/claim-signals.ts';
import type { ImportedText, ImportReport, Problem, Signal } from '../model/imported-text.ts';
import type { Reference } from '../model/reference-types.ts';
import type { WorkMeta } from '../model/work.ts';
import type { UnreadableNote } from '../anchoring/unreadable-note.ts';
import { annotationsOf, type AnnotationEntry } from './annotation-plugin.ts';
import type { DateCorrection } from '../model/timeline.ts';
import { ClaimIndex } from './claim-index.ts';
import { linksIn, type LinkedWords } from './claim-links.ts';
import { isLoading } from './read-only.ts';
import { sectionAt, sectionsOf, type Section } from './sections.ts';
import { currentClaim } from './commands.ts';
import { dateCorrectionsOf } from './date-corrections.ts';
import { checksOf } from './check-commands.ts';
import type { ClaimCheck } from '../anchoring/verification.ts';
import { focusedAnnotation, focusedReference } from './focus-plugin.ts';

export interface DocumentSnapshot {
  work: WorkMeta;
  claims: readonly Claim[];
  references: readonly Reference[];
  coverage: Coverage;
  problems: readonly Problem[];
  /** Sentences the reader must show prominently (the text's hash does not match work.json; no durable storage). */
  warnings: readonly string[];
  /** The sections with their coverage (none for a text without headings, and while the text is still loading). */
  sections: readonly Section[];
  /** What the import left out and other things it says (absent for plain text: nothing is left out). */
  report: ImportReport | null;
  /** Signals of the source that fall on no claim (e.g. in a heading): listed with the report, never dropped. */
  unplacedSignals: readonly Signal[];
}

export type { Section } from './sections.ts';
export type { LinkedWords } from './claim-links.ts';

export type { UnreadableNote } from '../anchoring/unreadable-note.ts';

export interface NotesSnapshot {
  /** anchored notes in document order (by start, wider first), then orphans; replies are not here */
  notes: readonly AnnotationEntry[];
  /** notes that could not be anchored */
  orphans: readonly AnnotationEntry[];
  /** replies by the id of the top-level note of their thread (replies to replies included), oldest first */
  replies: ReadonlyMap<string, readonly AnnotationEntry[]>;
  /** replies whose thread leads to no note (a missing parent, or a loop): kept and listed on their own */
  strays: readonly AnnotationEntry[];
  /** records that could not be read */
  unreadable: readonly UnreadableNote[];
  canUndo: boolean;
  canRedo: boolean;
  /** total number of annotations, replies included */
  count: number;
  /** notes giving another date for words of a claim (`correctedDate`), in document order: for the timeline */
  corrections: readonly DateCorrection[];
  /** the checks of claims against their sources (verification.ts), by claim id */
  checks: ReadonlyMap<string, readonly ClaimCheck[]>;
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
  /** the source's links inside the claim (people, places, organisations: `wiki` links), one per address */
  links: readonly LinkedWords[];
  /** what the source itself flags about the claim (Wikipedia's `[citation needed]`) */
  signals: readonly Signal[];
  /** the index of the innermost section the caret is in, or null (no sections) */
  section: number | null;
  /** notes covering the caret, narrowest first */
  notes: readonly AnnotationEntry[];
  /** other notes on the claim under the caret (overlapping it), in document order */
  claimNotes: readonly AnnotationEntry[];
  /** the note chosen in a panel or by a deep link, or null */
  focused: AnnotationEntry | null;
  /** true when the selection is a non-empty range (so "Annotate selection" applies) */
  hasSelection: boolean;
}

export interface ReaderSnapshot {
  document: DocumentSnapshot;
  notes: NotesSnapshot;
  caret: CaretSnapshot;
}

const NO_SECTIONS: readonly Section[] = [];
const NO_LINKS: readonly LinkedWords[] = [];
const NO_SIGNALS: readonly Signal[] = [];

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The top-level note a reply belongs to: follow the chain of `target`s up to an annotation that is not a reply.
 * Null when the chain ends at an id that is not there, or loops (then the reply is a stray, listed on its own).
 */
export function threadRoot(byId: ReadonlyMap<string, AnnotationEntry>, reply: AnnotationEntry): string | null {
  const seen = new Set<string>([reply.annotation.id]);
  let target = reply.annotation.target;
  while (typeof target === 'string') {
    if (seen.has(target)) return null;
    seen.add(target);
    const parent = byId.get(target);
    if (!parent) return null;
    if (typeof parent.annotation.target !== 'string') return target;
    target = parent.annotation.target;
  }
  return null;
}

/** The notes snapshot of an annotations state. */
/**
 * The notes part of a snapshot. `claims` (the document's claim index) ties date corrections and checks to their
 * claims; without it there are none.
 */
export function notesSnapshot(
  byId: ReadonlyMap<string, AnnotationEntry>,
  unreadable: readonly UnreadableNote[],
  canUndo: boolean,
  canRedo: boolean,
  claims?: ClaimIndex,
): NotesSnapshot {
  const anchored: AnnotationEntry[] = [];
  const orphans: AnnotationEntry[] = [];
  const strays: AnnotationEntry[] = [];
  const replies = new Map<string, AnnotationEntry[]>();
  for (const e of byId.values()) {
    if (typeof e.annotation.target === 'string') {
      const root = threadRoot(byId, e);
      if (root === null) {
        strays.push(e);
        continue;
      }
      const list = replies.get(root) ?? [];
      list.push(e);
      replies.set(root, list);
    } else if (e.range) anchored.push(e);
    else orphans.push(e);
  }
  anchored.sort((a, b) => a.range!.from - b.range!.from || b.range!.to - a.range!.to);
  const byCreated = (a: AnnotationEntry, b: AnnotationEntry) => a.annotation.created.localeCompare(b.annotation.created);
  for (const list of replies.values()) list.sort(byCreated);
  strays.sort(byCreated);
  const corrections = claims ? dateCorrectionsOf(anchored, claims) : [];
  const checks = claims ? checksOf(anchored, claims) : new Map<string, ClaimCheck[]>();
  return { notes: anchored, orphans, replies, strays, unreadable, canUndo, canRedo, count: byId.size, corrections, checks };
}

/** Whether two carets show the same thing (the fields that decide it; `sources` and `missing` follow `claim`). */
function sameCaret(a: CaretSnapshot, b: Omit<CaretSnapshot, 'sources' | 'missing' | 'links' | 'signals'>): boolean {
  return (
    a.claim === b.claim &&
    a.section === b.section &&
    a.reference === b.reference &&
    a.focused === b.focused &&
    a.hasSelection === b.hasSelection &&
    sameList(a.notes, b.notes) &&
    sameList(a.claimNotes, b.claimNotes)
  );
}

/**
 * Derives the reader's snapshot from the editor state, for one work. Everything it shows comes from the state (the
 * annotations plugin holds the notes, what could not be read and the warnings); `work` and `imported` are the
 * session's fixed inputs. Each part is memoized by the identity of the state fields it is made from, so that an
 * update that changes nothing visible gives back the previous snapshot object (Lit compares by identity).
 */
export class SnapshotBuilder {
  private readonly work: WorkMeta;
  private readonly imported: ImportedText;
  private readonly coverage: Coverage;
  private readonly claimsById: Map<string, Claim>;
  private readonly refsByLabel: Map<string, Reference>;
  private readonly signalsById: Map<string, Signal[]>;
  private readonly unplacedSignals: readonly Signal[];
  private document: DocumentSnapshot | null = null;
  private notes: NotesSnapshot | null = null;
  private notesFrom: { byId: unknown; unreadable: unknown; undo: unknown; redo: unknown } | null = null;
  private last: ReaderSnapshot | null = null;

  constructor(work: WorkMeta, imported: ImportedText) {
    this.work = work;
    this.imported = imported;
    this.coverage = coverageOf(imported.claims);
    this.claimsById = new Map(imported.claims.map((c) => [c.id, c]));
    this.refsByLabel = new Map();
    for (const r of imported.references) if (!this.refsByLabel.has(r.label)) this.refsByLabel.set(r.label, r);
    const signals = claimSignals(imported.claims, imported.signals ?? []);
    this.signalsById = new Map([...signals.byClaim].map(([i, list]) => [imported.claims[i]!.id, list]));
    this.unplacedSignals = signals.unplaced;
  }

  /** The sections of the state's document; none while it is still loading (its end is not there yet). */
  private sectionsOf(state: EditorState): readonly Section[] {
    return isLoading(state) ? NO_SECTIONS : sectionsOf(state.doc, (id) => this.claimsById.get(id)?.support);
  }

  private documentOf(warnings: readonly string[], sections: readonly Section[]): DocumentSnapshot {
    if (this.document?.warnings !== warnings || this.document.sections !== sections) {
      const { claims, references, problems } = this.imported;
      this.document = {
        work: this.work,
        claims,
        references,
        coverage: this.coverage,
        problems,
        warnings,
        sections,
        report: this.imported.report ?? null,
        unplacedSignals: this.unplacedSignals,
      };
    }
    return this.document;
  }

  private notesOf(state: EditorState): NotesSnapshot {
    const a = annotationsOf(state);
    const prev = this.notesFrom;
    if (!this.notes || !prev || prev.byId !== a.byId || prev.unreadable !== a.unreadable || prev.undo !== a.undo || prev.redo !== a.redo) {
      this.notes = notesSnapshot(a.byId, a.unreadable, a.undo.length > 0, a.redo.length > 0, ClaimIndex.of(state.doc));
      this.notesFrom = { byId: a.byId, unreadable: a.unreadable, undo: a.undo, redo: a.redo };
    }
    return this.notes;
  }

  /** The snapshot of `state`; the same object as last time when nothing visible changed. */
  build(state: EditorState): ReaderSnapshot {
    const sections = this.sectionsOf(state);
    const document = this.documentOf(annotationsOf(state).warnings, sections);
    const notes = this.notesOf(state);
    const range = currentClaim(state);
    const claim = range ? (this.claimsById.get(range.id) ?? null) : null;
    const label = focusedReference(state);
    const reference = label === null ? null : (this.refsByLabel.get(label) ?? null);
    const focusedId = focusedAnnotation(state);
    const focused = focusedId === null ? null : (annotationsOf(state).byId.get(focusedId) ?? null);
    const { selection } = state;
    const pos = selection.empty ? selection.head : selection.from;
    const here: AnnotationEntry[] = [];
    const onClaim: AnnotationEntry[] = [];
    for (const e of notes.notes) {
      const r = e.range!;
      if (r.from <= pos && pos <= r.to && (selection.empty || r.to > pos)) here.push(e);
      else if (range && r.from < range.to && r.to > range.from) onClaim.push(e);
    }
    here.sort((a, b) => a.range!.to - a.range!.from - (b.range!.to - b.range!.from));
    const section = sections.length ? (sectionAt(sections, pos)?.index ?? null) : null;
    const seen = { claim, reference, focused, hasSelection: !selection.empty, notes: here, claimNotes: onClaim, section };
    const prev = this.last;
    const sameCaretAsBefore = prev !== null && sameCaret(prev.caret, seen);
    if (prev && sameCaretAsBefore && prev.notes === notes && prev.document === document) return prev;
    let caret = prev?.caret;
    if (!caret || !sameCaretAsBefore) {
      const sources: Reference[] = [];
      const missing: string[] = [];
      for (const l of claim?.sources ?? []) {
        const r = this.refsByLabel.get(l);
        if (r) sources.push(r);
        else missing.push(l);
      }
      const links = range ? linksIn(state.doc, range.from, range.to) : NO_LINKS;
      const signals = claim ? (this.signalsById.get(claim.id) ?? NO_SIGNALS) : NO_SIGNALS;
      caret = { ...seen, sources, missing, links, signals };
    }
    this.last = { document, notes, caret };
    return this.last;
  }
}
