/**
 * Cuts the text into the runs every writer prints: each body block and reference entry is a region of the
 * canonical text; a region is cut at claim edges (wrappers), footnote markers (atoms) and note edges, so that a
 * writer can nest elements properly even when a note's range crosses claims, markers or blocks.
 *
 * A note that spans several regions is covered in each of them, opens in the first and closes in the last; a
 * note whose range covers no printed character (empty, inside a separator or a reference's `N. ` prefix) is a
 * point. A note edge inside a marker moves outward to the marker's edge: markers are never split.
 *
 * Pure: plain data in and out.
 */
import { BLOCK_SEPARATOR, referenceLine } from '../anchoring/doc-text.ts';
import type { Claim } from '../model/claim-types.ts';
import type { Citation, ImportedText, Link } from '../model/imported-text.ts';

/** A body block or a reference entry's text, with the canonical offset of its first character. */
export interface TextRegion {
  kind: 'block' | 'reference';
  /** Index in `blocks` or `references`. */
  index: number;
  text: string;
  start: number;
}

/** The regions of an imported text in canonical order (reference entries without their `N. ` prefix). */
export function textRegions(text: ImportedText): TextRegion[] {
  const regions: TextRegion[] = [];
  let offset = 0;
  text.blocks.forEach((b, index) => {
    if (regions.length > 0) offset += BLOCK_SEPARATOR.length;
    regions.push({ kind: 'block', index, text: b.text, start: offset });
    offset += b.text.length;
  });
  text.references.forEach((r, index) => {
    if (regions.length > 0) offset += BLOCK_SEPARATOR.length;
    const line = referenceLine(r.label, r.text);
    regions.push({ kind: 'reference', index, text: r.text, start: offset + line.length - r.text.length });
    offset += line.length;
  });
  return regions;
}

/** A note's part in one region: it covers [from, to) (local offsets); `opens`/`closes` say where its edges are. */
export interface RegionNote {
  number: number;
  from: number;
  to: number;
  opens: boolean;
  closes: boolean;
}

/** Distributes notes (canonical `start`/`end`) over the regions: region position → its note parts. */
export function placeNotes(regions: readonly TextRegion[], notes: readonly { number: number; start: number; end: number }[]): Map<number, RegionNote[]> {
  const placed = new Map<number, RegionNote[]>();
  const add = (r: number, part: RegionNote) => {
    const list = placed.get(r) ?? [];
    list.push(part);
    placed.set(r, list);
  };
  if (regions.length === 0) return placed;
  for (const { number, start, end } of notes) {
    const s = Math.max(0, Math.min(start, end));
    const e = Math.max(start, end);
    const hits: number[] = [];
    regions.forEach((r, i) => {
      if (Math.max(s, r.start) < Math.min(e, r.start + r.text.length)) hits.push(i);
    });
    if (hits.length > 0) {
      hits.forEach((i, k) => {
        const r = regions[i]!;
        add(i, {
          number,
          from: Math.max(s, r.start) - r.start,
          to: Math.min(e, r.start + r.text.length) - r.start,
          opens: k === 0,
          closes: k === hits.length - 1,
        });
      });
      continue;
    }
    let i = regions.findIndex((r) => r.start <= s && s <= r.start + r.text.length);
    let at = 0;
    if (i >= 0) at = s - regions[i]!.start;
    else {
      i = regions.findIndex((r) => r.start > s);
      if (i < 0) {
        i = regions.length - 1;
        at = regions[i]!.text.length;
      }
    }
    add(i, { number, from: at, to: at, opens: true, closes: true });
  }
  return placed;
}

/** A range of a region's text with a payload (`start` ≤ `end`, local offsets). */
export interface Span<T> {
  start: number;
  end: number;
  value: T;
}

/**
 * What a writer prints, in order. `notes` are the numbers of the notes covering the characters; `link` the source's
 * link the text is in, if any (links never cover a marker: an atom has none).
 */
export type Piece<A> =
  | { kind: 'text'; text: string; notes: readonly number[]; link?: Link }
  | { kind: 'atom'; atom: A; text: string; notes: readonly number[] }
  | { kind: 'note-start'; number: number }
  | { kind: 'note-end'; number: number };

/** A wrapper (a claim, an identifier) and what it contains, or a stretch between wrappers (`wrapper` null). */
export interface Group<W, A> {
  wrapper: W | null;
  pieces: Piece<A>[];
}

/**
 * Cuts `text` into groups of pieces. `wrappers`, `atoms` and `links` are each taken as non-overlapping (a later one
 * that overlaps an earlier one is clipped); a wrapper edge inside an atom moves to the atom's end. A link is cut at
 * wrapper and note edges (a writer rejoins the parts with `linkRuns` where it can nest them); text of an atom is
 * never in a link.
 */
export function cutRuns<W, A>(text: string, wrappers: readonly Span<W>[], atoms: readonly Span<A>[], notes: readonly RegionNote[], links: readonly Span<Link>[] = []): Group<W, A>[] {
  const len = text.length;
  const clip = <T>(spans: readonly Span<T>[]): Span<T>[] => {
    const out: Span<T>[] = [];
    let last = 0;
    for (const s of [...spans].sort((x, y) => x.start - y.start)) {
      const start = Math.max(s.start, last, 0);
      const end = Math.min(Math.max(s.end, start), len);
      if (end > start) {
        out.push({ start, end, value: s.value });
        last = end;
      }
    }
    return out;
  };
  const atomList = clip(atoms);
  const outward = (o: number, toEnd: boolean): number => {
    const a = atomList.find((x) => x.start < o && o < x.end);
    return a ? (toEnd ? a.end : a.start) : o;
  };
  const wrapperList = clip(wrappers.map((w) => ({ ...w, start: outward(w.start, true), end: outward(w.end, true) })));
  const noteList = notes.map((n) => {
    const from = outward(Math.max(0, Math.min(n.from, len)), false);
    const to = outward(Math.max(from, Math.min(n.to, len)), true);
    return { ...n, from, to };
  });

  const linkList = clip(links);
  const cuts = new Set<number>([0, len]);
  for (const s of [...atomList, ...wrapperList, ...linkList]) cuts.add(s.start).add(s.end);
  for (const n of noteList) cuts.add(n.from).add(n.to);
  const boundaries = [...cuts].sort((a, b) => a - b);

  const groups: Group<W, A>[] = [];
  let current: Group<W, A> | null = null;
  let currentWrapper: Span<W> | null = null;
  const open = (wrapper: Span<W> | null): Group<W, A> => {
    const g: Group<W, A> = { wrapper: wrapper ? wrapper.value : null, pieces: [] };
    groups.push(g);
    current = g;
    currentWrapper = wrapper;
    return g;
  };
  const here = (): Group<W, A> => current ?? open(null);

  boundaries.forEach((b, k) => {
    for (const n of noteList) if (n.closes && n.to === b && n.from < n.to) here().pieces.push({ kind: 'note-end', number: n.number });
    if (currentWrapper && currentWrapper.end === b) {
      current = null;
      currentWrapper = null;
    }
    const starting = wrapperList.find((w) => w.start === b);
    if (starting) open(starting);
    for (const n of noteList) if (n.opens && n.from === b && n.from < n.to) here().pieces.push({ kind: 'note-start', number: n.number });
    for (const n of noteList) {
      if (n.from === b && n.to === b) {
        if (n.opens) here().pieces.push({ kind: 'note-start', number: n.number });
        if (n.closes) here().pieces.push({ kind: 'note-end', number: n.number });
      }
    }
    const next = boundaries[k + 1];
    if (next === undefined) return;
    const covering = noteList.filter((n) => n.from <= b && next <= n.to && n.from < n.to).map((n) => n.number);
    const atom = atomList.find((a) => a.start === b);
    const slice = text.slice(b, next);
    const link = atom ? undefined : linkList.find((l) => l.start <= b && next <= l.end)?.value;
    here().pieces.push(atom ? { kind: 'atom', atom: atom.value, text: slice, notes: covering } : { kind: 'text', text: slice, notes: covering, ...(link ? { link } : {}) });
  });
  return groups;
}

/** The claims of body block `block` as wrappers. */
export function claimSpans(text: ImportedText, block: number): Span<Claim>[] {
  return text.claims.filter((c) => c.block === block).map((c) => ({ start: c.start, end: c.end, value: c }));
}

/** The footnote markers of body block `block` as atoms (`[N]`, from the `[` to the `]`). */
export function markerSpans(text: ImportedText, block: number): Span<Citation>[] {
  const blockText = text.blocks[block]?.text ?? '';
  return text.citations
    .filter((c) => c.block === block)
    .map((c) => {
      // The marker is `[label]`; tolerate a citation whose offset does not point at one (print it as text then).
      const written = `[${c.label}]`;
      const end = blockText.startsWith(written, c.offset) ? c.offset + written.length : c.offset;
      return { start: c.offset, end, value: c };
    })
    .filter((s) => s.end > s.start);
}

/** The source's links in body block `block` as spans (text order). */
export function linkSpans(text: ImportedText, block: number): Span<Link>[] {
  return (text.links ?? []).filter((l) => l.block === block).map((l) => ({ start: l.start, end: l.end, value: l }));
}

/** A stretch of pieces inside one link: its text pieces and the note starts (milestones) between them. */
export interface LinkRun<A> {
  kind: 'link';
  link: Link;
  pieces: Piece<A>[];
}

/**
 * Rejoins a group's pieces into link runs: consecutive text pieces of the same link, with the note starts between
 * them (milestones, printable inside a link), become one `LinkRun`; a note end, an atom or text outside the link
 * ends it (a note's badge or footnote mark is itself a link, never nested in another). Other pieces pass as they are.
 */
export function linkRuns<A>(pieces: readonly Piece<A>[]): (Piece<A> | LinkRun<A>)[] {
  const out: (Piece<A> | LinkRun<A>)[] = [];
  let run: LinkRun<A> | null = null;
  let pending: Piece<A>[] = [];
  const flush = () => {
    run = null;
    out.push(...pending);
    pending = [];
  };
  for (const p of pieces) {
    if (p.kind === 'text' && p.link) {
      if (run !== null && (run as LinkRun<A>).link === p.link) {
        (run as LinkRun<A>).pieces.push(...pending, p);
        pending = [];
      } else {
        flush();
        run = { kind: 'link', link: p.link, pieces: [p] };
        out.push(run);
      }
    } else if (p.kind === 'note-start' && run !== null) {
      pending.push(p);
    } else {
      flush();
      out.push(p);
    }
  }
  flush();
  return out;
}
