/**
 * Standalone HTML export: one file that needs no script and makes no network request — readable offline and
 * printable (the stylesheet is inline and has print rules).
 *
 * - The text in the source's structure: sections as `<h2>`–`<h6>`, lists as `<ul>`/`<ol>`, links as `<a href>` (class
 *   `wiki` or `external`), flags the source puts on a claim (Wikipedia's `[citation needed]`) as a superscript
 *   after it. Claims as `<span class="claim claim-direct|inherited|none" id="claim-…">` (unsourced claims with a
 *   "no source" flag), footnote markers as superscript links to the references (which link back), annotated
 *   passages highlighted with `<mark>` and ended by a numbered note badge linking to the note.
 * - Notes as numbered endnotes with motivation, verdict and certainty badges, the passage, text, tags, sources,
 *   positions, evidence and replies; each note links back to its passage. Unanchored notes get their own section.
 * - The timeline: the dates the claims state, in order, linked to their claims (inferred dates say what they count
 *   from), with the notes' corrected dates beside them and at their own dates.
 * - The references with their back links; the source, revision, licence and export date at the bottom.
 *
 * Everything printed is escaped; only http(s) URLs become links. A note written in Markdown is rendered from its
 * tree (model/markdown-body.ts) with the same builder: raw HTML in it stays text, its links are http, https or mailto.
 * Pure: `(input) => string`; never reads the clock.
 */
import type { Position, SourceLink } from '../anchoring/annotation-types.ts';
import { explainedEvidence } from '../anchoring/evidence-codes.ts';
import { checkLine } from '../anchoring/verification.ts';
import type { Claim } from '../model/claim-types.ts';
import type { Citation, Signal } from '../model/imported-text.ts';
import type { ExportInput } from './export-input.ts';
import { collectNotes, linkedReferenceLabel, paragraphs, words, type ExportBody, type ExportNote, type ExportNotes, type ExportReply } from './export-notes.ts';
import { exportTimeline } from './export-timeline.ts';
import { HTML_EXPORT_STYLE } from './html-style.ts';
import { dateInWords } from '../model/timeline.ts';
import { referenceKeys, type ReferenceKeys } from './reference-keys.ts';
import { blockTree, type ListNode, type TreeNode } from './block-tree.ts';
import { claimSpans, cutRuns, linkRuns, linkSpans, markerSpans, placeNotes, textRegions, type Group, type Piece, type RegionNote, type TextRegion } from './text-runs.ts';
import { claimSignals } from '../model/claim-signals.ts';
import { signalPhrase } from '../model/signal-labels.ts';
import { isHttpUrl } from '../model/http-url.ts';
import { parseMarkdownBody, type MdBlock, type MdInline } from '../model/markdown-body.ts';
import { element, markup, ncName, safeUri, serializeChildren, voidElement, type Attributes, type Child, type Markup } from './xml.ts';

/** An HTML element (never self-closed). */
function h(name: string, attributes: Attributes = {}, children: readonly Child[] = []): Markup {
  return element(name, attributes, children, false);
}

/** A link when `url` is http(s), else the text alone (so `javascript:` and the like never become links). */
function link(url: string, text: Child): Child {
  // `bare`: the link text is the URL itself, so print does not repeat it.
  return isHttpUrl(url) ? h('a', { href: safeUri(url), class: text === url ? 'external bare' : 'external' }, [text]) : text;
}

const SUPPORT_TITLE: Record<Claim['support'], string> = {
  direct: 'Cited directly',
  inherited: 'Covered by a later citation in this paragraph',
  none: 'No source cited for this claim',
};

interface Context {
  input: ExportInput;
  notes: ExportNotes;
  refs: ReferenceKeys;
  regions: TextRegion[];
  placed: Map<number, RegionNote[]>;
  claimKeys: Map<Claim, string>;
  /** Citation → its element id; reference label → ids of the markers citing it. */
  citeIds: Map<Citation, string>;
  citedBy: Map<string, string[]>;
  /** The source's own flags on a claim (Wikipedia's `[citation needed]`), claim-signals.ts. */
  flags: Map<Claim, Signal[]>;
  /** Heading block index → its element id (`section-` + the source's anchor, numbered when taken). */
  headingIds: Map<number, string>;
}

function pieces<W>(ctx: Context, groups: readonly Group<W, Citation>[], wrap: (w: W, content: Child[]) => Child): Child[] {
  const piece = (p: Piece<Citation>): Child => {
    switch (p.kind) {
      case 'text':
        return p.notes.length === 0
          ? p.text
          : h('mark', { class: p.notes.length > 1 ? 'noted depth-2' : 'noted', title: `Note${p.notes.length > 1 ? 's' : ''} ${p.notes.join(', ')}` }, [p.text]);
      case 'atom': {
        const key = ctx.refs.byLabel.get(p.atom.label);
        return h('sup', { class: key ? 'cite' : 'cite missing', id: ctx.citeIds.get(p.atom) ?? null }, [key ? h('a', { href: `#${key}`, title: `Reference ${p.atom.label}` }, [p.text]) : p.text]);
      }
      case 'note-start':
        return h('span', { id: `passage-${p.number}` });
      case 'note-end':
        return h('sup', { class: 'note-ref' }, [h('a', { href: `#note-${p.number}`, title: `Note ${p.number}` }, [String(p.number)])]);
    }
  };
  return groups.map((g) => {
    const content: Child[] = linkRuns(g.pieces).map((p) => {
      if (p.kind !== 'link') return piece(p);
      // A link of the source: an `<a>` only to an http(s) URL (the one rule, model/http-url.ts), else its text.
      const inner = p.pieces.map(piece);
      if (!isHttpUrl(p.link.href)) return inner;
      return h('a', { href: safeUri(p.link.href), class: p.link.kind === 'wiki' ? 'wiki' : 'external', title: p.link.title ?? null }, inner);
    });
    return g.wrapper === null ? content : wrap(g.wrapper, content);
  });
}

/** The inline content of body block `index`: claims, markers, the source's links and its flags, notes' marks. */
function blockContent(ctx: Context, index: number): Child[] {
  const { text } = ctx.input;
  // Body blocks are the first regions, in order: block `index` is region `index`.
  const groups = cutRuns<Claim, Citation>(text.blocks[index]!.text, claimSpans(text, index), markerSpans(text, index), ctx.placed.get(index) ?? [], linkSpans(text, index));
  return pieces(ctx, groups, (claim, inner) => {
    const sources = claim.sources.length ? ` (reference${claim.sources.length > 1 ? 's' : ''} ${claim.sources.join(', ')})` : '';
    const span = h('span', { class: `claim claim-${claim.support}`, id: ctx.claimKeys.get(claim)!, title: SUPPORT_TITLE[claim.support] + sources }, inner);
    const flags = (ctx.flags.get(claim) ?? []).map((s) =>
      h('sup', { class: 'flag source-flag', title: `The source flags this claim: ${signalPhrase(s.kind)}` }, [`[${signalPhrase(s.kind)}]`]),
    );
    return claim.support === 'none' ? [span, h('sup', { class: 'flag', title: SUPPORT_TITLE.none }, ['[no source]']), ...flags] : [span, ...flags];
  });
}

/**
 * The text's structure (block-tree.ts): paragraphs, block quotations, headings as `h2`–`h6` (with the source's
 * anchor as `id` where it has one), lists as `ul`/`ol` with nested lists inside their `li`.
 */
function treeContent(ctx: Context, nodes: readonly TreeNode[]): Child[] {
  const list = (node: ListNode): Markup =>
    h(node.ordered ? 'ol' : 'ul', {}, node.items.map((item) => [markup('\n'), h('li', {}, [...blockContent(ctx, item.index), ...item.lists.map(list)])]));
  return nodes.map((node) => {
    if (node.kind === 'list') return [markup('\n'), list(node)];
    if (node.kind === 'section') {
      const heading = node.heading === null ? null : ctx.input.text.blocks[node.heading]!;
      return [
        heading ? [markup('\n'), h(`h${node.level}`, { id: ctx.headingIds.get(node.heading!) ?? null }, blockContent(ctx, node.heading!))] : null,
        ...treeContent(ctx, node.children),
      ];
    }
    return [markup('\n'), h(ctx.input.text.blocks[node.index]!.type === 'blockquote' ? 'blockquote' : 'p', {}, blockContent(ctx, node.index))];
  });
}

function textSection(ctx: Context): Markup {
  return h('article', { class: 'text', lang: ctx.input.work.language || null }, [...treeContent(ctx, blockTree(ctx.input.text.blocks)), markup('\n')]);
}

function badges(note: { annotation: ExportNote['annotation'] }): Child[] {
  const a = note.annotation;
  return [
    h('span', { class: 'badge motivation' }, [words(a.motivation)]),
    a.verdict ? h('span', { class: `badge verdict-${ncName('', a.verdict)}` }, [words(a.verdict)]) : null,
    a.certainty ? h('span', { class: 'badge certainty' }, [`certainty: ${a.certainty}`]) : null,
    a.creator ? h('span', { class: 'who' }, [a.creator.name]) : null,
  ];
}

/** Inline content of a Markdown note as elements (text escaped by the builder; links already http, https or mailto). */
function inlineHtml(nodes: readonly MdInline[]): Child[] {
  return nodes.map((n) => {
    switch (n.kind) {
      case 'text':
        return n.text;
      case 'break':
        return voidElement('br');
      case 'code':
        return h('code', {}, [n.text]);
      case 'em':
      case 'strong':
      case 'del':
        return h(n.kind, {}, inlineHtml(n.children));
      case 'link':
        return h('a', { href: safeUri(n.href), class: 'external' }, inlineHtml(n.children));
    }
  });
}

/** Blocks of a Markdown note as elements. */
function blockHtml(blocks: readonly MdBlock[]): Child[] {
  return blocks.map((b) => {
    switch (b.kind) {
      case 'paragraph':
        return h('p', {}, inlineHtml(b.children));
      case 'list':
        return h(b.ordered ? 'ol' : 'ul', b.ordered && b.start !== 1 ? { start: b.start } : {}, b.items.map((item) => h('li', {}, blockHtml(item))));
      case 'quote':
        return h('blockquote', {}, blockHtml(b.children));
      case 'code':
        return h('pre', {}, [h('code', {}, [b.text])]);
      case 'rule':
        return voidElement('hr');
    }
  });
}

/** A note's words: plain text as paragraphs; Markdown rendered (model/markdown-body.ts), never as raw HTML. */
function bodyHtml(bodies: readonly ExportBody[]): Child[] {
  return bodies.flatMap((b) => (b.markdown ? blockHtml(parseMarkdownBody(b.value)) : paragraphs(b.value).map((t) => h('p', {}, [t]))));
}

function sourceLinks(ctx: Context, links: readonly SourceLink[]): Child {
  if (links.length === 0) return null;
  return h('p', { class: 'sources' }, [
    'Sources: ',
    ...links.map((l, i) => {
      const label = linkedReferenceLabel(l, ctx.input.work.iri);
      const key = label !== null ? ctx.refs.byLabel.get(label) : undefined;
      const shown = l.citation ?? (label !== null ? `reference ${label}` : l.source);
      return [i > 0 ? '; ' : '', key ? h('a', { href: `#${key}` }, [shown]) : link(l.source, shown), l.locator ? `, ${l.locator}` : '', ` (${words(l.relation)})`];
    }),
  ]);
}

function positionList(positions: readonly Position[] | undefined): Child {
  if (!positions || positions.length === 0) return null;
  return [
    h('p', { class: 'positions-head' }, ['Positions:']),
    h(
      'ul',
      { class: 'positions' },
      positions.map((p) => h('li', {}, [h('strong', {}, [p.holder]), p.perspective ? ` (${p.perspective})` : '', ': ', p.view, ' — ', p.url ? link(p.url, p.citation) : p.citation])),
    ),
  ];
}

function tagList(tags: readonly string[]): Child {
  return tags.length ? h('p', { class: 'tags' }, ['Tags: ', ...tags.map((t) => h('span', { class: 'tag' }, [t]))]) : null;
}

function reply(ctx: Context, r: ExportReply): Markup {
  return h('div', { class: 'reply', 'data-annotation': r.annotation.id }, [h('p', { class: 'note-head' }, ['Reply · ', ...badges(r).slice(1)]), ...bodyHtml(r.bodies), tagList(r.tags), sourceLinks(ctx, r.links)]);
}

function noteItem(ctx: Context, note: ExportNote): Markup {
  const a = note.annotation;
  const placed = note.anchor !== null;
  const num = placed ? h('a', { href: `#passage-${note.number}`, title: 'Back to the passage' }, [`${note.number}`]) : `${note.number}`;
  return h('li', { class: `note${placed ? '' : ' orphan'}`, id: note.key, 'data-annotation': a.id }, [
    h('span', { class: 'num' }, [num]),
    h('div', { class: 'body' }, [
      h('p', { class: 'note-head' }, badges(note)),
      note.unanchoredReason ? h('p', { class: 'reason' }, [note.unanchoredReason]) : null,
      note.quote ? h('p', { class: 'passage' }, [`“${note.quote}”`]) : null,
      ...bodyHtml(note.bodies),
      tagList(note.tags),
      sourceLinks(ctx, note.links),
      positionList(a.positions),
      a.verification ? h('p', { class: 'check' }, [`Check: ${checkLine(a.verification)}`]) : null,
      a.evidence?.length ? h('p', { class: 'evidence' }, [`Evidence: ${explainedEvidence(a.evidence)}`]) : null,
      ...note.replies.map((r) => reply(ctx, r)),
    ]),
  ]);
}

function notesSection(ctx: Context, cls: string, title: string, notes: readonly ExportNote[], intro?: string): Child {
  if (notes.length === 0) return null;
  return [
    markup('\n'),
    h('section', { class: `notes ${cls}` }, [h('h2', {}, [title]), intro ? h('p', { class: 'reason' }, [intro]) : null, h('ol', {}, notes.map((n) => [markup('\n'), noteItem(ctx, n)]))]),
  ];
}

/** The timeline: every date the claims state, in order, linked to its claim; notes' corrections beside them. */
function timelineSection(ctx: Context): Child {
  const entries = exportTimeline(ctx.input);
  if (entries.length === 0) return null;
  const claimKey = new Map([...ctx.claimKeys].map(([claim, key]) => [claim.id, key]));
  const noteKey = new Map([...ctx.notes.placed, ...ctx.notes.unanchored].map((n) => [n.annotation.id, n]));
  const noteRef = (id: string): Child => {
    const n = noteKey.get(id);
    return n ? h('a', { href: `#${n.key}` }, [`note ${n.number}`]) : 'a note';
  };
  const items = entries.map((e) => {
    if (e.kind === 'correction') {
      const c = e.correction;
      return [
        markup('\n'),
        h('li', { class: 'correction' }, [
          h('time', { datetime: c.correctedDate }, [dateInWords(c.correctedDate)]),
          ' — ',
          noteRef(c.noteId),
          ` gives this date for “${e.of.text}”`,
          c.certainty ? ` (${c.certainty} certainty)` : '',
          '.',
        ]),
      ];
    }
    const d = e.date;
    const key = claimKey.get(d.claimId);
    return [
      markup('\n'),
      h('li', {}, [
        h('time', { datetime: d.iso }, [dateInWords(d.iso)]),
        ' — ',
        key ? h('a', { href: `#${key}` }, [`“${d.text}”`]) : `“${d.text}”`,
        d.inferred ? h('span', { class: 'reason' }, [` (inferred: counted from ${d.basis})`]) : null,
        ...e.corrections.map((c) => [' · corrected by ', noteRef(c.noteId), ` to ${dateInWords(c.correctedDate)}`, c.certainty ? ` (${c.certainty} certainty)` : '']),
      ]),
    ];
  });
  return [markup('\n'), h('section', { class: 'timeline' }, [h('h2', {}, ['Timeline']), h('ol', {}, items)])];
}

function referencesSection(ctx: Context): Child {
  const { text } = ctx.input;
  if (text.references.length === 0) return null;
  const items = ctx.regions.flatMap((region, r) => {
    if (region.kind !== 'reference') return [];
    const ref = text.references[region.index]!;
    const key = ctx.refs.byIndex[region.index]!;
    const groups = cutRuns<never, Citation>(region.text, [], [], ctx.placed.get(r) ?? []);
    const first = ctx.refs.byLabel.get(ref.label) === key;
    const back = first ? (ctx.citedBy.get(ref.label) ?? []) : [];
    const ids = [...ref.ids.doi.map((d) => `https://doi.org/${d}`), ...ref.ids.hdl.map((d) => `https://hdl.handle.net/${d}`), ...ref.ids.url];
    return [
      markup('\n'),
      h('li', { id: key }, [
        h('span', { class: 'num' }, [`${ref.label}.`]),
        h('span', {}, [
          ...pieces(ctx, groups, () => null),
          ids.map((u) => [' ', h('span', { class: 'id' }, [link(u, u)])]),
          back.length ? h('span', { class: 'backlinks' }, back.map((id, i) => h('a', { href: `#${id}`, title: 'Back to the citation' }, [back.length > 1 ? `↩${i + 1}` : '↩']))) : h('span', { class: 'reason' }, [' (not cited in the text)']),
        ]),
      ]),
    ];
  });
  return [markup('\n'), h('section', { class: 'references' }, [h('h2', {}, [text.referencesHeading ?? 'References']), h('ol', {}, items)])];
}

function footer(ctx: Context): Markup {
  const { work, exportedAt } = ctx.input;
  const people = ctx.notes.annotators.map((a) => a.name);
  return h('footer', {}, [
    h('p', {}, ['Source: ', work.attribution, ' — ', link(work.source, work.source), work.revision ? ` (${work.revision})` : '', '.']),
    h('p', {}, ['Licence: ', link(work.licence.url, work.licence.name), '. The notes are shared under the same licence.']),
    people.length ? h('p', {}, [`Annotators: ${people.join('; ')}.`]) : null,
    h('p', {}, ['Text SHA-256: ', h('span', { class: 'id' }, [work.sha256]), `. Exported with Apparatus on ${exportedAt}.`]),
  ]);
}

/** Writes the standalone HTML document of `input` (see the module comment). Never throws on valid ExportInput. */
export function exportHtml(input: ExportInput): string {
  const notes = collectNotes(input);
  const regions = textRegions(input.text);
  const claimKeys = new Map<Claim, string>();
  const used = new Set<string>();
  for (const claim of input.text.claims) {
    let key = ncName('claim-', claim.id);
    for (let n = 2; used.has(key); n++) key = `${ncName('claim-', claim.id)}-${n}`;
    used.add(key);
    claimKeys.set(claim, key);
  }
  const citeIds = new Map<Citation, string>();
  const citedBy = new Map<string, string[]>();
  input.text.citations.forEach((c, i) => {
    const id = `cite-${i + 1}`;
    citeIds.set(c, id);
    citedBy.set(c.label, [...(citedBy.get(c.label) ?? []), id]);
  });
  const placed = placeNotes(regions, notes.placed.map((n) => ({ number: n.number, start: n.anchor!.start, end: n.anchor!.end })));
  const flags = new Map<Claim, Signal[]>();
  for (const [i, signals] of claimSignals(input.text.claims, input.text.signals ?? []).byClaim) flags.set(input.text.claims[i]!, signals);
  const ctx: Context = { input, notes, refs: referenceKeys(input.text.references), regions, placed, claimKeys, citeIds, citedBy, flags, headingIds: new Map() };
  input.text.blocks.forEach((b, i) => {
    if (b.type !== 'heading' || !b.anchor) return;
    let id = ncName('section-', b.anchor);
    for (let n = 2; used.has(id); n++) id = `${ncName('section-', b.anchor)}-${n}`;
    used.add(id);
    ctx.headingIds.set(i, id);
  });
  const { work, text } = input;
  const count = (s: Claim['support']) => text.claims.filter((c) => c.support === s).length;
  const dateOnly = /^\d{4}-\d{2}-\d{2}/.exec(input.exportedAt)?.[0] ?? input.exportedAt;

  const head = h('head', {}, [
    markup('\n'),
    voidElement('meta', { charset: 'utf-8' }),
    voidElement('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    voidElement('meta', { name: 'generator', content: 'Apparatus' }),
    voidElement('meta', { name: 'dcterms.date', content: input.exportedAt }),
    voidElement('meta', { name: 'dcterms.license', content: work.licence.url }),
    markup('\n'),
    h('title', {}, [`${work.title} — annotated edition`]),
    markup('\n'),
    h('style', {}, [markup(HTML_EXPORT_STYLE)]),
    markup('\n'),
  ]);
  const legend = h('p', { class: 'legend' }, [
    `${text.claims.length} claims: `,
    h('span', { class: 'claim claim-direct' }, [`${count('direct')} cited directly`]),
    ', ',
    h('span', { class: 'claim claim-inherited' }, [`${count('inherited')} covered by a later citation`]),
    ', ',
    h('span', { class: 'claim claim-none' }, [`${count('none')} without a source`]),
    ' ',
    h('sup', { class: 'flag' }, ['[no source]']),
    `. ${notes.placed.length + notes.unanchored.length} notes: highlighted passages end in a numbered badge linking to the note`,
    notes.unanchored.length ? `; ${notes.unanchored.length} could not be placed on this text and are listed at the end` : '',
    '.',
  ]);
  const bodyContent: Child[] = [
    markup('\n'),
    h('header', {}, [h('h1', {}, [work.title]), h('p', { class: 'subtitle' }, [`Annotated edition · ${work.attribution} · exported ${dateOnly}`]), legend]),
    markup('\n'),
    h('main', {}, [
      textSection(ctx),
      notesSection(ctx, 'placed', 'Notes', notes.placed),
      timelineSection(ctx),
      referencesSection(ctx),
      notesSection(ctx, 'unanchored', 'Unanchored notes', notes.unanchored, 'These notes were written for passages that could not be found in this text. They are kept, never dropped.'),
      markup('\n'),
    ]),
    markup('\n'),
    footer(ctx),
    markup('\n'),
  ];
  const lang = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(work.language) ? work.language : 'und';
  return `<!DOCTYPE html>\n${serializeChildren([h('html', { lang }, [head, markup('\n'), h('body', {}, bodyContent), markup('\n')])])}\n`;
}
