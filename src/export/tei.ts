/**
 * TEI P5 export: one `<TEI>` document, valid against `tei_all.rng` (TEI P5 4.10.2).
 *
 * - `teiHeader`: the title, a `respStmt` per distinct annotator (`xml:id="resp-N"`), `publicationStmt` with the
 *   export date, and `sourceDesc` naming the source (URL, revision, SHA-256) with its licence in
 *   `<availability><licence target=…>`.
 * - body: paragraphs as `<p>`, block quotations as `<quote>`; the source's sections as `<div>`s opened by their
 *   heading as `<head>` (nested by level), its lists as `<list type="ordered|bulleted">` of `<item>`s (nested lists
 *   inside their item), its links as `<ref target="URL" type="wiki|external">` (http(s) only); each claim a `<seg type="claim" xml:id="claim-…"
 *   subtype="direct|inherited|none" corresp="#ref-N …">` pointing at its sources; each marker a
 *   `<ref target="#ref-N">[N]</ref>`; each placed note's range an `<anchor xml:id="note-N-start"/>` …
 *   `<anchor xml:id="note-N-end"/>` pair (milestones, so ranges may cross claims and blocks).
 * - flags the source puts on a claim (Wikipedia's `[citation needed]`): a `taxonomy` of them in `encodingDesc/classDecl`
 *   and the claim's `seg/@ana` pointing at their categories (nothing when the source flags nothing).
 * - back: the reference list as `<listBibl>` of `<bibl xml:id="ref-N">` with `<idno type="ISBN|OCLC|OL|handle|
 *   DOI|URI">`; the notes as `<note target="#note-N-start" targetEnd="#note-N-end" resp cert type subtype>`
 *   with replies nested as `<note type="reply">` and `<certainty locus="value" target="#claim-…">` for contested
 *   or likely erroneous claims; unanchored notes as `<note type="orphan">` with the passage they were written for.
 *
 * Pure: `(input) => string`; never reads the clock.
 */
import type { Agent, Annotation, Position, SourceLink } from '../anchoring/annotation-types.ts';
import { explainedEvidence } from '../anchoring/evidence-codes.ts';
import { VERIFICATION_LABEL, type VerificationStatus } from '../anchoring/verification.ts';
import type { Claim } from '../model/claim-types.ts';
import { claimSignals } from '../model/claim-signals.ts';
import type { Citation, Signal } from '../model/imported-text.ts';
import { signalPhrase } from '../model/signal-labels.ts';
import type { ReferenceIds } from '../model/reference-types.ts';
import type { ExportInput } from './export-input.ts';
import { agentKey, collectNotes, linkedReferenceLabel, words, type ExportNote, type ExportNotes, type ExportReply } from './export-notes.ts';
import { referenceKeys, type ReferenceKeys } from './reference-keys.ts';
import { blockTree, type ListNode, type TreeNode } from './block-tree.ts';
import { claimSpans, cutRuns, linkRuns, linkSpans, markerSpans, placeNotes, textRegions, type Group, type Piece, type RegionNote, type Span, type TextRegion } from './text-runs.ts';
import { isHttpUrl } from '../model/http-url.ts';
import { element, markup, ncName, safeUri, serializeChildren, type Child, type Markup } from './xml.ts';

const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/** The identifier kinds of a reference, as TEI `idno/@type` values. */
const IDNO_TYPES: readonly [keyof ReferenceIds, string][] = [
  ['isbn', 'ISBN'],
  ['oclc', 'OCLC'],
  ['ol', 'OL'],
  ['hdl', 'handle'],
  ['doi', 'DOI'],
  ['url', 'URI'],
];

/** `teidata.enumerated` (no white space); values that are not are made so. */
function word(value: string): string {
  const w = value.trim().replace(/\s+/g, '-');
  return w === '' ? 'unknown' : w;
}

/** A BCP 47 tag acceptable to `xml:lang`, or null. */
function languageTag(value: string): string | null {
  return /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(value) ? value : null;
}

/** An xsd:date or xsd:dateTime acceptable to `@when`, or null. */
function isoWhen(value: string): string | null {
  return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(value) ? value : null;
}

/** A pointer value for `@target`/`@ref`, or null for an empty one (TEI requires at least one URI token). */
function pointer(value: string | undefined): string | null {
  const uri = value ? safeUri(value.trim()) : '';
  return uri === '' ? null : uri;
}

/**
 * A link target (`@target` of `ref`, `ptr`, `licence`): the URL when it is http(s) (`isHttpUrl`, the rule of the page
 * and the other exports), else null, so that a `javascript:` URL in work.json or a note never becomes a link.
 */
function linkTarget(value: string | undefined): string | null {
  const url = value?.trim() ?? '';
  return isHttpUrl(url) ? pointer(url) : null;
}

interface Context {
  input: ExportInput;
  notes: ExportNotes;
  refs: ReferenceKeys;
  regions: TextRegion[];
  claimKeys: Map<Claim, string>;
  /** claims' canonical spans in document order (claims never overlap), for `claimsUnder` by binary search */
  claimSpans: { start: number; end: number; key: string }[];
  /** heading block index → the `xml:id` of its section's `div` (the source's anchor where it is a free NCName) */
  sectionIds: Map<number, string>;
  /** the source's own flags on each claim (claim-signals.ts) */
  flags: Map<Claim, Signal[]>;
}

function respOf(ctx: Context, agent: Agent | undefined): string | null {
  if (!agent) return null;
  const n = ctx.notes.annotatorIndex.get(agentKey(agent));
  return n ? `#resp-${n}` : null;
}

function agentName(agent: Agent): Markup {
  const tag = agent.type === 'Person' ? 'persName' : agent.type === 'Organization' ? 'orgName' : 'name';
  return element(tag, { ref: pointer(agent.id), type: tag === 'name' ? 'software' : null }, [agent.name]);
}

/** An element whose content is elements only, one per line, indented at `depth` (mixed content stays inline). */
function lines(depth: number, name: string, attributes: Record<string, string | null>, children: readonly Child[]): Markup {
  const pad = '\n' + '  '.repeat(depth + 1);
  const kids = children.filter((c) => c !== null && c !== undefined && c !== false);
  return element(name, attributes, [...kids.map((c) => [markup(pad), c]), markup('\n' + '  '.repeat(depth))]);
}

function header(ctx: Context): Markup {
  const { work, exportedAt } = ctx.input;
  const when = isoWhen(exportedAt);
  const resps = ctx.notes.annotators.map((agent, i) =>
    element('respStmt', { 'xml:id': `resp-${i + 1}` }, [element('resp', {}, ['annotation']), agentName(agent)]),
  );
  const licence = element('licence', { target: linkTarget(work.licence.url) }, [work.licence.name]);
  return lines(1, 'teiHeader', {}, [
    lines(2, 'fileDesc', {}, [
      lines(3, 'titleStmt', {}, [
        element('title', { type: 'main' }, [work.title]),
        element('title', { type: 'sub' }, ['An annotated edition with claim provenance']),
        ...resps,
      ]),
      lines(3, 'publicationStmt', {}, [
        element('publisher', {}, ['Apparatus']),
        element('date', { when, type: 'export' }, [exportedAt]),
        lines(4, 'availability', {}, [licence, element('p', {}, [work.attribution])]),
      ]),
      lines(3, 'sourceDesc', {}, [
        element('bibl', {}, [
          element('title', {}, [work.title]),
          ', ',
          work.attribution,
          '. ',
          element('ref', { target: linkTarget(work.source) }, [work.source]),
          work.revision ? [' ', element('edition', {}, [work.revision])] : null,
          ' ',
          element('idno', { type: 'SHA-256' }, [work.sha256]),
          element('availability', {}, [element('licence', { target: linkTarget(work.licence.url) }, [work.licence.name])]),
        ]),
      ]),
    ]),
    lines(2, 'encodingDesc', {}, [
      element('p', {}, [
        'Each claim of the source is a seg of type "claim" whose subtype says how it is supported (direct: a footnote marker follows it; inherited: a later marker in its paragraph covers it; none: no source) and whose corresp points at its sources in the reference list. ',
        'Notes are W3C Web Annotations converted to TEI: their ranges are marked by anchor pairs, their annotators by respStmt, their certainty by @cert, and contested claims by certainty elements.',
      ]),
      flagTaxonomy(ctx),
    ]),
  ]);
}

/** The `xml:id` of the category of a source flag kind (`flag-citation-needed`). */
function flagId(kind: string): string {
  return ncName('flag-', kind);
}

/**
 * The flags the source puts on claims (Wikipedia's `[citation needed]`), as a taxonomy the claims' `@ana` points
 * into: one category per kind present. None when the source flags nothing (plain text: the header is unchanged).
 */
function flagTaxonomy(ctx: Context): Child {
  const kinds = [...new Set([...ctx.flags.values()].flat().map((s) => s.kind))];
  if (kinds.length === 0) return null;
  return lines(3, 'classDecl', {}, [
    lines(4, 'taxonomy', { 'xml:id': 'source-flags' }, [
      element('desc', {}, ['Flags the source itself puts on a claim; a claim points at them with @ana.']),
      ...kinds.map((k) => element('category', { 'xml:id': flagId(k) }, [element('catDesc', {}, [signalPhrase(k)])])),
    ]),
  ]);
}

function renderGroups<W>(groups: readonly Group<W, Citation | string>[], wrap: (w: W, content: Child[]) => Markup, atom: (a: Citation | string, text: string) => Child): Child[] {
  const piece = (p: Piece<Citation | string>): Child => {
    switch (p.kind) {
      case 'text':
        return p.text;
      case 'atom':
        return atom(p.atom, p.text);
      case 'note-start':
        return element('anchor', { 'xml:id': `note-${p.number}-start` });
      case 'note-end':
        return element('anchor', { 'xml:id': `note-${p.number}-end` });
    }
  };
  return groups.map((g) => {
    const content: Child[] = linkRuns(g.pieces).map((p) => {
      if (p.kind !== 'link') return piece(p);
      // A link of the source: `ref` to its http(s) URL (type wiki or external); another address stays text.
      const target = linkTarget(p.link.href);
      const inner = p.pieces.map(piece);
      return target === null ? inner : element('ref', { target, type: p.link.kind }, inner);
    });
    return g.wrapper === null ? content : wrap(g.wrapper, content);
  });
}

/** The inline content of body block `index`: claims as `seg`, markers as `ref`, links, note anchors. */
function blockContent(ctx: Context, placed: Map<number, RegionNote[]>, index: number): Child[] {
  const { text } = ctx.input;
  // Body blocks are the first regions, in order: block `index` is region `index`.
  const groups = cutRuns<Claim, Citation | string>(text.blocks[index]!.text, claimSpans(text, index), markerSpans(text, index), placed.get(index) ?? [], linkSpans(text, index));
  return renderGroups(
    groups,
    (claim, inner) => {
      const sources = claim.sources.map((l) => ctx.refs.byLabel.get(l)).filter((k): k is string => k !== undefined);
      const flags = [...new Set((ctx.flags.get(claim) ?? []).map((f) => `#${flagId(f.kind)}`))].join(' ');
      return element('seg', { 'xml:id': ctx.claimKeys.get(claim)!, type: 'claim', subtype: claim.support, corresp: sources.map((k) => `#${k}`).join(' ') || null, ana: flags || null }, inner);
    },
    (atom, written) => {
      const label = typeof atom === 'string' ? atom : atom.label;
      const key = ctx.refs.byLabel.get(label);
      return element('ref', { target: key ? `#${key}` : null, type: 'footnote', n: label }, [written]);
    },
  );
}

/**
 * The body's structure (block-tree.ts): paragraphs as `p`, block quotations as `quote`, each section a `div` with
 * its heading as `head` (the source's anchor as the div's `xml:id` where it is free), lists as `list` (`type`
 * ordered or bulleted) of `item`s with nested lists inside their item.
 */
function treeContent(ctx: Context, placed: Map<number, RegionNote[]>, nodes: readonly TreeNode[], depth: number): Child[] {
  const pad = '\n' + '  '.repeat(depth);
  const list = (node: ListNode, d: number): Markup =>
    element('list', { type: node.ordered ? 'ordered' : 'bulleted' }, [
      ...node.items.map((item) => [
        markup('\n' + '  '.repeat(d + 1)),
        element('item', {}, [...blockContent(ctx, placed, item.index), ...item.lists.map((l) => list(l, d + 2))]),
      ]),
      markup('\n' + '  '.repeat(d)),
    ]);
  return nodes.map((node) => {
    if (node.kind === 'list') return [markup(pad), list(node, depth)];
    if (node.kind === 'section') {
      const head = node.heading === null ? null : element('head', {}, blockContent(ctx, placed, node.heading));
      return [
        markup(pad),
        element('div', { 'xml:id': node.heading === null ? null : (ctx.sectionIds.get(node.heading) ?? null) }, [
          head ? [markup(pad + '  '), head] : null,
          ...treeContent(ctx, placed, node.children, depth + 1),
          markup(pad),
        ]),
      ];
    }
    const block = ctx.input.text.blocks[node.index]!;
    return [markup(pad), element(block.type === 'blockquote' ? 'quote' : 'p', {}, blockContent(ctx, placed, node.index))];
  });
}

function body(ctx: Context, placed: Map<number, RegionNote[]>): Markup {
  return element('body', {}, [...treeContent(ctx, placed, blockTree(ctx.input.text.blocks), 3), markup('\n    ')]);
}

function idnoSpans(text: string, ids: ReferenceIds): { spans: Span<string>[]; missing: [string, string][] } {
  const spans: Span<string>[] = [];
  const missing: [string, string][] = [];
  for (const [field, type] of IDNO_TYPES) {
    for (const value of ids[field]) {
      // Wrap the identifier where the entry writes it; list it after the entry when written differently.
      const at = text.indexOf(value);
      const free = at >= 0 && !spans.some((s) => at < s.end && s.start < at + value.length);
      if (free) spans.push({ start: at, end: at + value.length, value: type });
      else missing.push([type, value]);
    }
  }
  return { spans, missing };
}

function references(ctx: Context, placed: Map<number, RegionNote[]>): Markup | null {
  const { text } = ctx.input;
  if (text.references.length === 0) return null;
  const bibls = ctx.regions.flatMap((region, r) => {
    if (region.kind !== 'reference') return [];
    const ref = text.references[region.index]!;
    const { spans, missing } = idnoSpans(region.text, ref.ids);
    const groups = cutRuns<string, Citation | string>(region.text, spans, [], placed.get(r) ?? []);
    const content = renderGroups(groups, (type, inner) => element('idno', { type }, inner), (_a, t) => t);
    const extra = missing.map(([type, value]) => [' ', element('idno', { type }, [value])]);
    return [markup('\n          '), element('bibl', { 'xml:id': ctx.refs.byIndex[region.index]!, n: ref.label }, [...content, ...extra])];
  });
  return element('div', { type: 'references' }, [
    markup('\n        '),
    element('head', {}, [text.referencesHeading ?? 'References']),
    markup('\n        '),
    element('listBibl', {}, [...bibls, markup('\n        ')]),
    markup('\n      '),
  ]);
}

function linkList(ctx: Context, links: readonly SourceLink[]): Child {
  if (links.length === 0) return null;
  const items = links.map((link, i) => {
    const label = linkedReferenceLabel(link, ctx.input.work.iri);
    const key = label !== null ? ctx.refs.byLabel.get(label) : undefined;
    const target = key ? `#${key}` : linkTarget(link.source);
    const shown = link.citation ?? (label !== null ? `reference ${label}` : link.source);
    return [i > 0 ? '; ' : '', element('ref', { type: word(link.relation), target }, [shown]), link.locator ? [', ', element('seg', { type: 'locator' }, [link.locator])] : null, ` (${words(link.relation)})`];
  });
  return element('p', {}, ['Sources: ', ...items]);
}

function positionList(positions: readonly Position[] | undefined): Child {
  if (!positions || positions.length === 0) return null;
  return element('list', { type: 'positions' }, [
    element('head', {}, ['Positions']),
    ...positions.map((p) =>
      element('item', {}, [
        element('name', {}, [p.holder]),
        p.perspective ? ` (${p.perspective})` : '',
        ': ',
        p.view,
        ' ',
        element('bibl', {}, [p.citation, linkTarget(p.url) ? [' ', element('ptr', { target: linkTarget(p.url) })] : null]),
      ]),
    ),
  ]);
}

function tagLine(tags: readonly string[]): Child {
  if (tags.length === 0) return null;
  return element('p', {}, ['Tags: ', ...tags.map((t, i) => [i > 0 ? ', ' : '', element('term', { type: 'tag' }, [t])])]);
}

/** The canonical spans of the claims, in document order. */
function claimCanonicalSpans(regions: readonly TextRegion[], claims: readonly Claim[], keys: ReadonlyMap<Claim, string>): Context['claimSpans'] {
  const blockStart = new Map<number, number>();
  for (const r of regions) if (r.kind === 'block') blockStart.set(r.index, r.start);
  const spans: Context['claimSpans'] = [];
  for (const claim of claims) {
    const at = blockStart.get(claim.block);
    if (at !== undefined) spans.push({ start: at + claim.start, end: at + claim.end, key: keys.get(claim)! });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Keys of the claims overlapping [start, end): binary search for the first claim ending after `start`. */
function claimsUnder(ctx: Context, start: number, end: number): string[] {
  const spans = ctx.claimSpans;
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const keys: string[] = [];
  for (let i = lo; i < spans.length && spans[i]!.start < end; i++) keys.push(spans[i]!.key);
  return keys;
}

function replyNote(ctx: Context, reply: ExportReply): Markup {
  const a = reply.annotation;
  return element('note', { type: 'reply', resp: respOf(ctx, a.creator), cert: a.certainty ?? null, corresp: pointer(a.id) }, [
    ...reply.text.map((t) => element('p', {}, [t])),
    tagLine(reply.tags),
    linkList(ctx, reply.links),
  ]);
}

/** How sure a check makes the claim: a verified claim is certain, a partly supported one less, an unsupported one not. */
const CHECK_CERT: Partial<Record<VerificationStatus, string>> = { verified: 'high', 'partly-supported': 'medium', 'not-supported': 'low' };

/** A check (verification.ts): its outcome, locator and the source's passage, and the certainty it gives the claim. */
function verificationContent(ctx: Context, a: Annotation, note: ExportNote, target: string): Child[] {
  const v = a.verification;
  if (!v) return [];
  const covered = note.anchor ? claimsUnder(ctx, note.anchor.start, note.anchor.end) : [];
  const cert = CHECK_CERT[v.status];
  return [
    element('p', {}, [
      'Check: ',
      element('term', { type: 'verification' }, [VERIFICATION_LABEL[v.status]]),
      v.locator ? [', ', element('seg', { type: 'locator' }, [v.locator])] : null,
      v.passage ? [': ', element('quote', {}, [v.passage])] : null,
    ]),
    cert
      ? element('certainty', { locus: 'value', cert, resp: respOf(ctx, a.creator), target: covered.length > 0 ? covered.map((k) => `#${k}`).join(' ') : target }, [
          element('desc', {}, [`Checked against the cited source: ${VERIFICATION_LABEL[v.status].toLowerCase()}.`]),
        ])
      : null,
  ];
}

function noteContent(ctx: Context, note: ExportNote, target: string): Child[] {
  const a: Annotation = note.annotation;
  const contested = a.verdict === 'contested' || a.verdict === 'likely-erroneous';
  const covered = contested && note.anchor ? claimsUnder(ctx, note.anchor.start, note.anchor.end) : [];
  return [
    a.verdict ? element('p', {}, ['Verdict: ', element('term', { type: 'verdict' }, [words(a.verdict)]), a.certainty ? ` (certainty ${a.certainty})` : '']) : null,
    ...verificationContent(ctx, a, note, target),
    ...note.text.map((t) => element('p', {}, [t])),
    tagLine(note.tags),
    linkList(ctx, note.links),
    positionList(a.positions),
    a.evidence && a.evidence.length > 0 ? element('p', {}, ['Evidence: ', explainedEvidence(a.evidence)]) : null,
    contested
      ? element('certainty', { locus: 'value', cert: 'low', resp: respOf(ctx, a.creator), target: covered.length > 0 ? covered.map((k) => `#${k}`).join(' ') : target }, [
          element('desc', {}, [`The annotator judges this claim ${words(a.verdict!)}${a.certainty ? ` (their certainty: ${a.certainty})` : ''}.`]),
        ])
      : null,
    ...note.replies.map((r) => replyNote(ctx, r)),
  ];
}

function noteElement(ctx: Context, note: ExportNote): Markup {
  const a = note.annotation;
  const placed = note.anchor !== null;
  const attributes = {
    'xml:id': note.key,
    n: note.number,
    type: placed ? (a.verification ? 'verification' : word(a.motivation)) : 'orphan',
    subtype: placed ? (a.verdict ?? null) : word(a.motivation),
    target: placed ? `#${note.key}-start` : null,
    targetEnd: placed ? `#${note.key}-end` : null,
    resp: respOf(ctx, a.creator),
    cert: a.certainty ?? null,
    corresp: pointer(a.id),
  };
  const orphanPart: Child[] = placed
    ? []
    : [
        element('p', {}, [note.unanchoredReason ?? '']),
        note.quote ? element('p', {}, ['Passage: ', element('quote', {}, [note.quote])]) : null,
      ];
  // A certainty with no claim under it points at the note's anchor, or for an unanchored note at the note itself.
  return element('note', attributes, [...orphanPart, ...noteContent(ctx, note, placed ? `#${note.key}-start` : `#${note.key}`)]);
}

function noteDiv(ctx: Context, type: string, head: string, notes: readonly ExportNote[]): Child {
  if (notes.length === 0) return null;
  return [
    markup('\n      '),
    element('div', { type }, [
      markup('\n        '),
      element('head', {}, [head]),
      ...notes.flatMap((n) => [markup('\n        '), noteElement(ctx, n)]),
      markup('\n      '),
    ]),
  ];
}

/**
 * The `xml:id` of each section: the heading's anchor when it is an NCName no other element of the document uses
 * (claims, references, notes and their anchors, annotators), else none — a section needs no id to be read back.
 */
function sectionIdsOf(ctx: Context): void {
  const taken = new Set<string>([...ctx.claimKeys.values(), ...ctx.refs.byIndex]);
  for (const n of [...ctx.notes.placed, ...ctx.notes.unanchored]) taken.add(n.key).add(`${n.key}-start`).add(`${n.key}-end`);
  ctx.notes.annotators.forEach((_a, i) => taken.add(`resp-${i + 1}`));
  ctx.input.text.blocks.forEach((b, i) => {
    const anchor = b.type === 'heading' ? b.anchor : undefined;
    if (anchor === undefined || !/^[\p{L}_][\p{L}\p{N}._-]*$/u.test(anchor) || taken.has(anchor) || /^(note|claim|ref|resp|flag)-/.test(anchor) || anchor === 'source-flags') return;
    taken.add(anchor);
    ctx.sectionIds.set(i, anchor);
  });
}

/** Writes the TEI P5 document of `input` (see the module comment). Never throws on valid ExportInput. */
export function exportTei(input: ExportInput): string {
  const notes = collectNotes(input);
  const claimKeys = new Map<Claim, string>();
  const usedClaimKeys = new Set<string>();
  for (const claim of input.text.claims) {
    const base = ncName('claim-', claim.id);
    let key = base;
    for (let n = 2; usedClaimKeys.has(key); n++) key = `${base}-${n}`;
    usedClaimKeys.add(key);
    claimKeys.set(claim, key);
  }
  const regions = textRegions(input.text);
  const ctx: Context = {
    input,
    notes,
    refs: referenceKeys(input.text.references),
    regions,
    claimKeys,
    claimSpans: claimCanonicalSpans(regions, input.text.claims, claimKeys),
    sectionIds: new Map(),
    flags: new Map(),
  };
  for (const [i, signals] of claimSignals(input.text.claims, input.text.signals ?? []).byClaim) ctx.flags.set(input.text.claims[i]!, signals);
  sectionIdsOf(ctx);
  const placed = placeNotes(
    ctx.regions,
    notes.placed.map((n) => ({ number: n.number, start: n.anchor!.start, end: n.anchor!.end })),
  );
  const back: Child[] = [
    markup('\n      '),
    references(ctx, placed),
    noteDiv(ctx, 'notes', 'Notes', notes.placed),
    noteDiv(ctx, 'unanchored-notes', 'Unanchored notes', notes.unanchored),
    markup('\n    '),
  ];
  const hasBack = input.text.references.length > 0 || notes.placed.length > 0 || notes.unanchored.length > 0;
  const doc = element('TEI', { xmlns: TEI_NS, 'xml:lang': languageTag(input.work.language) }, [
    markup('\n  '),
    header(ctx),
    markup('\n  '),
    element('text', {}, [markup('\n    '), body(ctx, placed), hasBack ? [markup('\n    '), element('back', {}, back)] : null, markup('\n  ')]),
    markup('\n'),
  ]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeChildren([doc])}\n`;
}
