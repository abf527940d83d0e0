/**
 * The notes of an export, as every writer lists them: numbered in reading order, with their replies threaded
 * under them, and the ones that cannot be placed on the text (orphans, replies whose parent is missing, text
 * targets with no anchor) kept apart as "unanchored" — never dropped.
 *
 * Pure: reads an ExportInput, returns plain data.
 */
import type { AnchorResult } from '../anchoring/anchor-result.ts';
import type { Agent, Annotation, SourceLink, TextualBody } from '../anchoring/annotation-types.ts';
import type { ExportInput } from './export-input.ts';

/** A note's words as written: one TextualBody that is not a tag, and whether it is Markdown (`text/markdown`). */
export interface ExportBody {
  value: string;
  markdown: boolean;
}

/** One reply (or reply to a reply) under a note, in store order. */
export interface ExportReply {
  annotation: Annotation;
  /** Its TextualBody values that are not tags, as paragraphs (see `paragraphs`). */
  text: string[];
  /** The same bodies as written (for the writers that render Markdown: HTML, Markdown). */
  bodies: ExportBody[];
  tags: string[];
  links: SourceLink[];
}

/** A note as the writers print it. */
export interface ExportNote {
  /** 1-based: placed notes in reading order first, then unanchored ones in store order. */
  number: number;
  /** An id usable as `xml:id` and HTML id: `note-N`. */
  key: string;
  annotation: Annotation;
  /** Where it sits: canonical `start`/`end` (placed notes only; null for unanchored ones). */
  anchor: AnchorResult | null;
  /** Why an unanchored note is unanchored (null for placed ones). */
  unanchoredReason: string | null;
  /** The passage it was written for: the anchored quote, else the stored TextQuoteSelector `exact`, else ''. */
  quote: string;
  /** The note's TextualBody values that are not tags, as paragraphs (see `paragraphs`). */
  text: string[];
  /** The same bodies as written (for the writers that render Markdown: HTML, Markdown). */
  bodies: ExportBody[];
  tags: string[];
  links: SourceLink[];
  replies: ExportReply[];
}

/** The notes of an export: `placed` in reading order, `unanchored` after them. */
export interface ExportNotes {
  placed: ExportNote[];
  unanchored: ExportNote[];
  /** Every distinct creator (of notes and replies), in order of first appearance. */
  annotators: Agent[];
  /** Annotator key (see `agentKey`) → 1-based index in `annotators`. */
  annotatorIndex: ReadonlyMap<string, number>;
}

/** Identity of an agent for de-duplication: its `id` when it has one, else its type and name. */
export function agentKey(agent: Agent): string {
  return agent.id ? `id:${agent.id}` : `${agent.type}:${agent.name}`;
}

/** A note text's paragraphs: split at blank lines, each trimmed, empty ones left out. */
export function paragraphs(value: string): string[] {
  return value
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** The parts of an annotation's bodies: note text (as paragraphs, and as written), tags, source links. */
export function bodyParts(annotation: Annotation): { text: string[]; bodies: ExportBody[]; tags: string[]; links: SourceLink[] } {
  const text: string[] = [];
  const bodies: ExportBody[] = [];
  const tags: string[] = [];
  const links: SourceLink[] = [];
  for (const body of annotation.body ?? []) {
    if (body.type === 'TextualBody') {
      const t = body as TextualBody;
      if (t.purpose === 'tagging') tags.push(t.value);
      else {
        text.push(...paragraphs(t.value));
        if (t.value.trim()) bodies.push({ value: t.value, markdown: t.format === 'text/markdown' });
      }
    } else if (body.type === 'SpecificResource') {
      links.push(body);
    }
  }
  return { text, bodies, tags, links };
}

function storedQuote(annotation: Annotation): string {
  if (typeof annotation.target === 'string') return '';
  const quote = annotation.target.selector.find((s) => s.type === 'TextQuoteSelector');
  return quote && quote.type === 'TextQuoteSelector' ? quote.exact : '';
}

/** Collects the notes of `input` (see the module comment). Never throws on odd data: odd notes are unanchored. */
export function collectNotes(input: ExportInput): ExportNotes {
  const byId = new Map<string, Annotation>();
  for (const a of input.annotations) if (!byId.has(a.id)) byId.set(a.id, a);

  // The thread root of a reply: follow string targets up to an annotation with a text target (cycle-safe).
  const rootOf = (a: Annotation): Annotation | null => {
    const seen = new Set<string>();
    let current = a;
    while (typeof current.target === 'string') {
      if (seen.has(current.id)) return null;
      seen.add(current.id);
      const parent = byId.get(current.target);
      if (!parent) return null;
      current = parent;
    }
    return current === a ? null : current;
  };

  const roots: Annotation[] = [];
  const repliesOf = new Map<Annotation, ExportReply[]>();
  const orphanReplies: Annotation[] = [];
  for (const a of input.annotations) {
    if (typeof a.target !== 'string') {
      roots.push(a);
      continue;
    }
    const root = rootOf(a);
    if (root) {
      const list = repliesOf.get(root) ?? [];
      list.push({ annotation: a, ...bodyParts(a) });
      repliesOf.set(root, list);
    } else {
      orphanReplies.push(a);
    }
  }

  const placedRaw: { a: Annotation; anchor: AnchorResult; order: number }[] = [];
  const unanchoredRaw: { a: Annotation; reason: string; quote: string }[] = [];
  roots.forEach((a, order) => {
    const anchor = input.anchors.get(a.id);
    if (anchor && anchor.status !== 'orphan') placedRaw.push({ a, anchor, order });
    else if (anchor) unanchoredRaw.push({ a, reason: 'Its passage was not found in this text (orphan).', quote: anchor.quote || storedQuote(a) });
    else unanchoredRaw.push({ a, reason: 'It has not been anchored on this text.', quote: storedQuote(a) });
  });
  for (const a of orphanReplies) {
    const target = typeof a.target === 'string' ? a.target : '';
    unanchoredRaw.push({ a, reason: `It replies to ${target}, which is not among the notes.`, quote: '' });
  }
  placedRaw.sort((x, y) => x.anchor.start - y.anchor.start || x.anchor.end - y.anchor.end || x.order - y.order);

  let number = 0;
  const make = (a: Annotation, anchor: AnchorResult | null, reason: string | null, quote: string): ExportNote => {
    number++;
    return {
      number,
      key: `note-${number}`,
      annotation: a,
      anchor,
      unanchoredReason: reason,
      quote,
      ...bodyParts(a),
      replies: repliesOf.get(a) ?? [],
    };
  };
  const placed = placedRaw.map(({ a, anchor }) => make(a, anchor, null, anchor.quote));
  const unanchored = unanchoredRaw.map(({ a, reason, quote }) => make(a, null, reason, quote));

  const annotators: Agent[] = [];
  const annotatorIndex = new Map<string, number>();
  for (const a of input.annotations) {
    if (!a.creator) continue;
    const key = agentKey(a.creator);
    if (!annotatorIndex.has(key)) {
      annotators.push(a.creator);
      annotatorIndex.set(key, annotators.length);
    }
  }
  return { placed, unanchored, annotators, annotatorIndex };
}

/** Readable words for a verdict or a motivation (`supported-with-caveats` → `supported with caveats`). */
export function words(value: string): string {
  return value.replace(/-/g, ' ');
}

/**
 * The reference label a source link points at when its `source` is `<work iri>#ref-N` (or just `#ref-N`), else
 * null (an external work).
 */
export function linkedReferenceLabel(link: SourceLink, workIri: string): string | null {
  const m = /^(.*)#ref-([^#]+)$/.exec(link.source);
  if (!m) return null;
  return m[1] === '' || m[1] === workIri ? m[2]! : null;
}
