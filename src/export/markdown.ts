/**
 * Markdown export in Pandoc's dialect: a YAML metadata block (title, source, licence, export date); the body
 * blocks as paragraphs, `>` block quotations, `#` headings (`##` for a level-2 section) and `-`/`1.` list items
 * (nested lists indented to their item's text), the source's http(s) links as `[text](url)`, with each of the
 * article's own footnote markers `[N]` kept as the article numbers it — a superscript link `^[\[N\]](#ref-N)^` to the entry N of the reference list that
 * follows the text — so the article's footnotes are numbered apart from the scholarly notes; each placed note as a
 * Pandoc footnote `[^note-K]` at the end of its passage (the footnote quotes the passage); then "Unanchored notes"
 * (orphans, never dropped), the references no marker cites, and the source attribution. Evidence codes are
 * printed with their meanings.
 *
 * Every piece of source text is escaped so that Pandoc reads it back verbatim (`pandoc -f markdown`): Markdown
 * punctuation, entities (`&`), and what the `smart` extension would change (quotes, `--`, `...`) are
 * backslash-escaped, as Pandoc's own Markdown writer does. A note written in Markdown keeps its Markdown: it is read
 * (model/markdown-body.ts) and written again, its emphasis, lists, quotations, code and http/https/mailto links as
 * Markdown and every piece of its text escaped — so raw HTML in it stays text and a `javascript:` link stays words.
 *
 * Pure: `(input) => string`; never reads the clock.
 */
import type { Position, SourceLink } from '../anchoring/annotation-types.ts';
import { explainedEvidence } from '../anchoring/evidence-codes.ts';
import { checkLine } from '../anchoring/verification.ts';
import type { Citation } from '../model/imported-text.ts';
import type { ExportInput } from './export-input.ts';
import { collectNotes, linkedReferenceLabel, paragraphs, words, type ExportBody, type ExportNote, type ExportReply } from './export-notes.ts';
import { parseMarkdownBody, type MdBlock, type MdInline } from '../model/markdown-body.ts';
import { blockTree, type ListNode, type TreeNode } from './block-tree.ts';
import { cutRuns, linkRuns, linkSpans, markerSpans, placeNotes, textRegions, type Piece } from './text-runs.ts';
import { isHttpUrl } from '../model/http-url.ts';
import { safeUri } from './xml.ts';

/**
 * Words after which Pandoc's reader (its `smart` extension) turns the following space into a no-break space: the
 * entries of Pandoc's default `abbreviations` data file. Escaping their final period keeps the space a space.
 */
const PANDOC_ABBREVIATIONS = new Set(
  ('aet. aetat. al. Apr. Aug. bk. Bros. c. Capt. cf. ch. chap. chs. Co. col. Corp. cp. d. Dec. Dr. e.g. ed. eds. esp. f. ' +
    'fasc. Feb. ff. fig. fl. fol. fols. Fr. Gen. Gov. Hon. i.e. ill. Inc. incl. Jan. Jr. Jul. Jun. Ltd. M.A. M.D. Mar. Mr. ' +
    'Mrs. Ms. n. n.b. nn. No. Nov. Oct. p. Ph.D. pp. Pres. Prof. pt. q.v. Rep. Rev. s.v. s.vv. saec. sec. Sen. Sep. Sept. ' +
    'Sgt. Sr. St. univ. viz. vol. vs.').split(' '),
);

/**
 * Escapes `text` as inline Pandoc Markdown that reads back as exactly this text (white space aside: runs of
 * spaces and tabs read back as one space). `atBlockStart` also escapes what would open a list, heading, quote,
 * definition or table at the start of a block. `quotes: false` leaves straight quotes bare (for lines meant to be
 * read as they stand, such as the attribution: Pandoc may then curl them).
 */
export function escapeMarkdown(text: string, atBlockStart = false, quotes = true): string {
  let out = text
    .replace(quotes ? /[\\`*_{}[\]<>#$|~^@"'&]/g : /[\\`*_{}[\]<>#$|~^@&]/g, (c) => `\\${c}`)
    .replace(/-(?=-)/g, '\\-')
    .replace(/\.(?=\.\.)/g, '\\.')
    .replace(/[\r\n]+/g, ' ')
    .replace(/(?<![\p{L}\p{N}.])((?:\p{L}+\.)+)(?=[ \t])/gu, (word: string) => (PANDOC_ABBREVIATIONS.has(word) ? `${word.slice(0, -1)}\\.` : word));
  if (atBlockStart) {
    out = out.replace(/^(\s*)([-+:%=])/, '$1\\$2').replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3');
  }
  return out;
}

/** A link target for Markdown `(…)`: a safe URI with parentheses encoded. */
function linkTarget(uri: string): string {
  return safeUri(uri).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** `[shown](url)` when `url` is http(s) (`isHttpUrl`), else `shown` alone: a `javascript:` URL never becomes a link. */
function markdownLink(shown: string, url: string): string {
  return isHttpUrl(url) ? `[${shown}](${linkTarget(url)})` : shown;
}

/** Indents continuation lines of a footnote by four spaces. */
function indent(lines: readonly string[]): string {
  return lines.map((l) => (l === '' ? '' : `    ${l}`)).join('\n');
}

function linkText(input: ExportInput, links: readonly SourceLink[]): string | null {
  if (links.length === 0) return null;
  const items = links.map((link) => {
    const label = linkedReferenceLabel(link, input.work.iri);
    const shown = escapeMarkdown(`${link.citation ?? (label !== null ? `reference ${label}` : link.source)}${link.locator ? `, ${link.locator}` : ''}`);
    const linked = label === null && isHttpUrl(link.source) ? `[${shown}](${linkTarget(link.source)})` : shown;
    return `${linked} (${escapeMarkdown(words(link.relation))})`;
  });
  return `Sources: ${items.join('; ')}`;
}

function positionLines(positions: readonly Position[] | undefined): string[] {
  if (!positions || positions.length === 0) return [];
  return [
    'Positions:',
    '',
    ...positions.map((p) => {
      const who = `**${escapeMarkdown(p.holder)}**${p.perspective ? ` (${escapeMarkdown(p.perspective)})` : ''}`;
      const cite = p.url && isHttpUrl(p.url) ? `[${escapeMarkdown(p.citation)}](${linkTarget(p.url)})` : escapeMarkdown(p.citation);
      return `- ${who}: ${escapeMarkdown(p.view)} (${cite})`;
    }),
  ];
}

/** Inline Markdown of a note's tree: text escaped, emphasis, code, links (already http, https or mailto), breaks. */
function inlineMarkdown(nodes: readonly MdInline[], atBlockStart: boolean): string {
  return nodes
    .map((n, i) => {
      switch (n.kind) {
        case 'text':
          return escapeMarkdown(n.text, atBlockStart && i === 0);
        case 'break':
          return '\\\n';
        case 'code': {
          const fence = '`'.repeat(Math.max(0, ...[...n.text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
          const pad = n.text.startsWith('`') || n.text.endsWith('`') ? ' ' : '';
          return `${fence}${pad}${n.text.replace(/[\r\n]+/g, ' ')}${pad}${fence}`;
        }
        case 'em':
          return `*${inlineMarkdown(n.children, false)}*`;
        case 'strong':
          return `**${inlineMarkdown(n.children, false)}**`;
        case 'del':
          return `~~${inlineMarkdown(n.children, false)}~~`;
        case 'link':
          return `[${inlineMarkdown(n.children, false)}](${linkTarget(n.href)})`;
      }
    })
    .join('');
}

/** Lines of Markdown blocks of a note's tree, blank lines between blocks. */
function blockLines(blocks: readonly MdBlock[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (out.length) out.push('');
    switch (b.kind) {
      case 'paragraph':
        out.push(...inlineMarkdown(b.children, true).split('\n'));
        break;
      case 'list':
        b.items.forEach((item, k) => {
          const marker = b.ordered ? `${b.start + k}. ` : '- ';
          const lines = blockLines(item);
          if (k > 0 && out.length) out.push('');
          lines.forEach((l, j) => out.push(j === 0 ? `${marker}${l}` : l === '' ? '' : `${' '.repeat(4)}${l}`));
          if (lines.length === 0) out.push(marker.trimEnd());
        });
        break;
      case 'quote':
        out.push(...blockLines(b.children).map((l) => (l ? `> ${l}` : '>')));
        break;
      case 'code': {
        const fence = '`'.repeat(Math.max(2, ...[...b.text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
        out.push(fence, ...b.text.split('\n'), fence);
        break;
      }
      case 'rule':
        out.push('* * *');
        break;
    }
  }
  return out;
}

/**
 * The paragraphs of a note's words: a Markdown body keeps its Markdown (read into its tree and written again, so
 * raw HTML stays escaped text and only http, https and mailto links are links); plain text is escaped.
 */
function bodyParagraphs(bodies: readonly ExportBody[]): string[][] {
  return bodies.flatMap((b) => {
    if (!b.markdown) return paragraphs(b.value).map((t) => [escapeMarkdown(t)]);
    const lines = blockLines(parseMarkdownBody(b.value));
    const out: string[][] = [[]];
    for (const l of lines) {
      if (l === '') out.push([]);
      else out[out.length - 1]!.push(l);
    }
    return out.filter((p) => p.length);
  });
}

function replyLines(reply: ExportReply): string[] {
  const a = reply.annotation;
  const who = a.creator ? escapeMarkdown(a.creator.name) : 'Anonymous';
  const parts = [
    ...bodyParagraphs(reply.bodies).map((p) => p.map((l) => `> ${l}`)),
    ...(reply.tags.length ? [[`> Tags: ${reply.tags.map((t) => escapeMarkdown(t)).join(', ')}`]] : []),
  ];
  return [`Reply by ${who}:`, '', ...parts.flatMap((p, i) => (i > 0 ? ['>', ...p] : p))];
}

/** The paragraphs of a note (heading line, passage, text, tags, sources, positions, evidence, replies). */
function noteParagraphs(input: ExportInput, note: ExportNote): string[][] {
  const a = note.annotation;
  const head = [
    `**Note ${note.number}**`,
    escapeMarkdown(words(a.motivation)),
    a.verdict ? `verdict: **${escapeMarkdown(words(a.verdict))}**` : null,
    a.certainty ? `certainty: ${a.certainty}` : null,
    a.creator ? escapeMarkdown(a.creator.name) : null,
  ].filter((x): x is string => x !== null);
  const paragraphs: string[][] = [[head.join(' · ')]];
  if (note.unanchoredReason) paragraphs.push([`*${escapeMarkdown(note.unanchoredReason)}*`]);
  if (note.quote) paragraphs.push([`On “${escapeMarkdown(note.quote)}”`]);
  paragraphs.push(...bodyParagraphs(note.bodies));
  if (note.tags.length) paragraphs.push([`Tags: ${note.tags.map((t) => escapeMarkdown(t)).join(', ')}`]);
  const links = linkText(input, note.links);
  if (links) paragraphs.push([links]);
  const positions = positionLines(a.positions);
  if (positions.length) paragraphs.push(positions);
  if (a.verification) paragraphs.push([`Check: ${escapeMarkdown(checkLine(a.verification))}`]);
  if (a.evidence?.length) paragraphs.push([`Evidence: ${escapeMarkdown(explainedEvidence(a.evidence))}`]);
  for (const r of note.replies) paragraphs.push(replyLines(r));
  return paragraphs;
}

/** A footnote definition: first paragraph after `[^key]: `, the rest indented. */
function footnote(key: string, paragraphs: readonly string[][]): string {
  const [first, ...rest] = paragraphs;
  const firstLines = first ?? [''];
  const head = `[^${key}]: ${firstLines[0] ?? ''}${firstLines.length > 1 ? `\n${indent(firstLines.slice(1))}` : ''}`;
  return [head, ...rest.map((p) => indent(p))].join('\n\n');
}

/** The element id of reference `label`'s entry (`ref-N`; other characters of a label become `-`). */
function referenceAnchor(label: string): string {
  return `ref-${label.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * A YAML single-quoted scalar of `value` (only `'` is doubled, so every YAML reader — Pandoc, static-site
 * generators, GitHub's front-matter table — shows it without backslashes). Pandoc reads metadata values as
 * Markdown, so Markdown syntax is escaped, but not quotes: there a straight quote may become a curly one.
 */
function yamlString(value: string): string {
  const text = escapeMarkdown(value, false, false);
  return `'${text.replace(/'/g, "''")}'`;
}

/** Writes the Pandoc Markdown of `input` (see the module comment). Never throws on valid ExportInput. */
export function exportMarkdown(input: ExportInput): string {
  const { work, text } = input;
  const notes = collectNotes(input);
  const regions = textRegions(text);
  const placed = placeNotes(regions, notes.placed.map((n) => ({ number: n.number, start: n.anchor!.start, end: n.anchor!.end })));
  const known = new Set(text.references.map((r) => r.label));
  const cited = new Set<string>();

  const out: string[] = [
    [
      '---',
      `title: ${yamlString(work.title)}`,
      `source: ${yamlString(work.source)}`,
      `licence: ${yamlString(`${work.licence.name} (${work.licence.url})`)}`,
      `attribution: ${yamlString(work.attribution)}`,
      `date: ${yamlString(input.exportedAt)}`,
      '---',
    ].join('\n'),
  ];

  const noteFootnotes: string[] = [];
  const byNumber = new Map(notes.placed.map((n) => [n.number, n]));
  /** The inline Markdown of body block `index`: text, markers as superscript links, links, note marks. */
  const inline = (index: number): string => {
    // Body blocks are the first regions, in order: block `index` is region `index`.
    const groups = cutRuns<never, Citation>(text.blocks[index]!.text, [], markerSpans(text, index), placed.get(index) ?? [], linkSpans(text, index));
    let line = '';
    const piece = (p: Piece<Citation>, start: boolean): string => {
      if (p.kind === 'text') return escapeMarkdown(p.text, start);
      if (p.kind === 'atom') {
        if (!known.has(p.atom.label)) return escapeMarkdown(p.text, start);
        cited.add(p.atom.label);
        return `^[\\[${escapeMarkdown(p.atom.label)}\\]](#${referenceAnchor(p.atom.label)})^`;
      }
      if (p.kind === 'note-end') {
        noteFootnotes.push(footnote(`note-${p.number}`, noteParagraphs(input, byNumber.get(p.number)!)));
        return `[^note-${p.number}]`;
      }
      return '';
    };
    for (const p of linkRuns(groups.flatMap((g) => g.pieces))) {
      if (p.kind !== 'link') line += piece(p, line === '');
      else {
        // A link of the source: `[text](url)` to an http(s) URL, else its text alone.
        const shown = p.pieces.map((q) => piece(q, false)).join('');
        line += isHttpUrl(p.link.href) ? markdownLink(shown, p.link.href) : shown;
      }
    }
    return line;
  };
  /**
   * The body's structure (block-tree.ts): paragraphs; `>` block quotations; headings as `#` × level; lists as `-` or
   * `1.` items, tight (one item a line), a nested list indented to its item's text.
   */
  const tree = (nodes: readonly TreeNode[]): void => {
    for (const node of nodes) {
      if (node.kind === 'block') {
        const line = inline(node.index);
        out.push(text.blocks[node.index]!.type === 'blockquote' ? `> ${line}` : line);
      } else if (node.kind === 'section') {
        if (node.heading !== null) out.push(`${'#'.repeat(node.level)} ${inline(node.heading)}`);
        tree(node.children);
      } else {
        const lines: string[] = [];
        const list = (l: ListNode, indent: string): void => {
          l.items.forEach((item, i) => {
            const marker = l.ordered ? `${i + 1}.` : '-';
            lines.push(`${indent}${marker} ${inline(item.index)}`);
            for (const nested of item.lists) list(nested, `${indent}${' '.repeat(marker.length + 1)}`);
          });
        };
        list(node, '');
        out.push(lines.join('\n'));
      }
    }
  };
  tree(blockTree(text.blocks));

  const listed = text.references.filter((ref, i) => cited.has(ref.label) && text.references.findIndex((x) => x.label === ref.label) === i);
  if (listed.length) {
    out.push(`## ${escapeMarkdown(text.referencesHeading ?? 'References')}`);
    for (const ref of listed) out.push(`[\\[${escapeMarkdown(ref.label)}\\]]{#${referenceAnchor(ref.label)}} ${escapeMarkdown(ref.text)}`);
  }

  // Notes placed on reference entries have no footnote marker in the body: they are listed with the references.
  const onReferences = notes.placed.filter((n) => !noteFootnotes.some((f) => f.startsWith(`[^note-${n.number}]:`)));
  const uncited = text.references.filter((ref, i) => !cited.has(ref.label) || text.references.findIndex((x) => x.label === ref.label) !== i);
  if (uncited.length) {
    out.push(`## Uncited references`);
    out.push(uncited.map((ref) => `- ${escapeMarkdown(`${ref.label}. ${ref.text}`, true)}`).join('\n'));
  }
  if (onReferences.length || notes.unanchored.length) {
    const sections: [string, ExportNote[]][] = [
      ['Notes on the references', onReferences],
      ['Unanchored notes', notes.unanchored],
    ];
    for (const [title, list] of sections) {
      if (!list.length) continue;
      out.push(`## ${title}`);
      for (const note of list) out.push(noteParagraphs(input, note).map((p) => p.join('\n')).join('\n\n'));
    }
  }
  out.push('## Source');
  out.push(
    `${escapeMarkdown(work.attribution, false, false)}, ${markdownLink(escapeMarkdown(work.source), work.source)}, ` +
      `licensed under ${markdownLink(escapeMarkdown(work.licence.name), work.licence.url)}. ` +
      `Exported with Apparatus on ${escapeMarkdown(input.exportedAt)}.`,
  );

  out.push(...noteFootnotes);
  return out.join('\n\n') + '\n';
}
