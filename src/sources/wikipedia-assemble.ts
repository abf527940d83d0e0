/**
 * What both Wikipedia adapters share after reading their own head: the body's blocks (`collectWikiText`), the
 * reference lists read entry by entry (`readNote`) and labelled as their markers show them, groups and parents, the
 * import report and the pinned-revision metadata, completed by `finishImport`. Pure.
 */
import type { ImportedText, SourceMeta } from '../model/imported-text.ts';
import type { Reference } from '../model/reference-types.ts';
import { finishImport } from './finish-import.ts';
import { type Element, attr, closest, findAll, hasClass, idIndex, isTag } from './html-tree.ts';
import { collectWikiText, type WikiDialect } from './wiki-text-collector.ts';
import { shownLabel } from './wikipedia-labels.ts';
import { type CslSource, readNote } from './wikipedia-notes.ts';

/** One Wikipedia page as its adapter read it. */
export interface WikiPage {
  body: Element;
  format: 'wikipedia-parsoid' | 'wikipedia-page';
  language: string;
  title: string;
  /** `https://en.wikipedia.org` */
  origin: string;
  revision: string | undefined;
  date: string | undefined;
  /** The licence URL the page states, if any. */
  licence: string | undefined;
  dialect: WikiDialect;
  /** The reference-list entry a marker points to. */
  noteOf(marker: Element, ids: Map<string, Element>): Element | null;
  /** Every reference list (`ol`) of the page. */
  lists: Element[];
  /** The footnote number an entry shows (`1.1`), where the HTML says it. */
  footnoteNumber(li: Element): string | undefined;
}

const CC_BY_SA_4 = { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' };
const CC_BY_SA_3 = { name: 'CC BY-SA 3.0', url: 'https://creativecommons.org/licenses/by-sa/3.0/' };

/** The ImportedText of `page`. */
export function assembleWikipedia(page: WikiPage): ImportedText {
  const collected = collectWikiText(page.body, page.dialect);
  const ids = idIndex(page.body);
  // Label and group of each entry, from the first marker pointing to it — markers in left-out parts (an infobox)
  // included, so an entry cited only there keeps the label the page shows.
  const labelOf = new Map<Element, { label: string; group: string }>();
  for (const m of findAll(page.body, (e) => page.dialect.marker(e) !== null, true)) {
    const li = page.noteOf(m, ids);
    const marker = page.dialect.marker(m)!;
    if (li && !labelOf.has(li)) labelOf.set(li, { label: marker.label, group: marker.group ?? '' });
  }
  const references: Reference[] = [];
  const from: Record<CslSource, number> = { template: 0, coins: 0, text: 0 };
  const seen = new Set<string>();
  const entryOf = new Map<Reference, Element>();
  for (const list of page.lists) {
    if (closest(list, (e) => e.name === 'ol' && (hasClass(e, 'mw-references') || hasClass(e, 'references'))) && !hasClass(list, 'mw-subreference-list')) continue;
    const listGroup = attr(list, 'data-mw-group') ?? '';
    let n = 0;
    const readList = (ol: Element, parent: string | undefined): void => {
      for (const li of ol.children) {
        if (!isTag(li) || li.name !== 'li') continue;
        n += parent === undefined ? 1 : 0;
        const known = labelOf.get(li);
        const number = page.footnoteNumber(li) ?? String(n);
        let label = known?.label ?? shownLabel(listGroup, number);
        if (seen.has(label)) label = `${label} (${li.attribs['id'] ?? references.length + 1})`;
        seen.add(label);
        const { reference, from: source } = readNote(li, label);
        from[source]++;
        const group = known?.group || listGroup;
        if (group) reference.group = group;
        if (parent !== undefined) reference.parent = parent;
        if (li.attribs['id']) reference.anchor = li.attribs['id'];
        references.push(reference);
        entryOf.set(reference, li);
        for (const sub of li.children) if (isTag(sub) && sub.name === 'ol') readList(sub, label);
      }
    };
    readList(list, undefined);
  }
  const omitted = collected.omitted.counts;
  const citedInText = new Set(collected.citations.map((c) => c.label));
  const onlyLeftOut = references.filter((r) => labelOf.has(entryOf.get(r)!) && !citedInText.has(r.label) && !references.some((s) => s.parent === r.label && citedInText.has(s.label))).length;
  const notes: string[] = [];
  const grouped = references.filter((r) => r.group).length;
  if (grouped) notes.push(`${grouped} explanatory note${grouped === 1 ? '' : 's'} kept apart from references (groups: ${[...new Set(references.flatMap((r) => (r.group ? [r.group] : [])))].join(', ')})`);
  const subs = references.filter((r) => r.parent !== undefined).length;
  if (subs) notes.push(`${subs} sub-reference${subs === 1 ? '' : 's'} kept with their parent reference`);
  if (onlyLeftOut) notes.push(`${onlyLeftOut} reference${onlyLeftOut === 1 ? ' is' : 's are'} cited only in parts left out (infobox, tables, figures); kept in the reference list`);
  notes.push(`Citations read from templates: ${from.template}, from COinS: ${from.coins}, from the rendered text: ${from.text}`);
  if (collected.signals.length) notes.push(`${collected.signals.length} inline maintenance tag${collected.signals.length === 1 ? '' : 's'} (such as "citation needed") kept as signals on their claims`);

  const meta: SourceMeta = { title: page.title, language: page.language };
  const titlePath = encodeURIComponent(page.title.replace(/ /g, '_'));
  if (page.revision) {
    meta.source = `${page.origin}/w/index.php?title=${titlePath}&oldid=${page.revision}`;
    meta.revision = page.revision;
  } else {
    meta.source = `${page.origin}/wiki/${titlePath}`;
    notes.push('The file does not say which revision it is: the source link is the current article, not a permanent one');
  }
  if (page.date) meta.date = page.date;
  if (page.licence && /by-sa\/3\.0/.test(page.licence)) meta.licence = CC_BY_SA_3;
  else if (page.licence && /by-sa\/4\.0/.test(page.licence)) meta.licence = CC_BY_SA_4;
  else {
    meta.licence = CC_BY_SA_4;
    notes.push('The file states no licence: Wikipedia text is taken as CC BY-SA 4.0, its licence since 2023 (older revisions were published under CC BY-SA 3.0)');
  }
  meta.attribution = `"${page.title}", Wikipedia contributors${page.revision ? `, revision ${page.revision}` : ''}`;
  return finishImport(
    {
      blocks: collected.blocks,
      citations: collected.citations,
      references,
      referencesHeading: referencesHeading(collected.blocks),
      links: collected.links,
      signals: collected.signals,
      report: { format: page.format, omitted, notes },
      meta,
    },
    page.language,
  );
}

/** The heading of the reference list: the last heading named like one (`References`, `Notes`), or null. */
function referencesHeading(blocks: { type: string; text: string }[]): string | null {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.type === 'heading' && /^(?:references|notes|footnotes|citations|sources|notes and references)$/i.test(b.text)) return b.text;
  }
  return null;
}
