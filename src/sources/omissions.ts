/**
 * The counter of what an HTML import leaves out (issue 9: "2 tables, 1 infobox not shown"), never silently.
 */
export class Omissions {
  readonly counts: Record<string, number> = {};
  /** Counts one `kind` left out. */
  add(kind: string): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
  }
}

/** Elements left out whatever their attributes. */
const SPECIAL = new Set(['script', 'noscript', 'style', 'template', 'iframe', 'object', 'embed', 'table', 'figure', 'figure-inline']);

/**
 * What kind of left-out content `el`'s tag and classes say it is (`infobox`, `navbox`, `table`, `figure`,
 * `hatnote`, `maintenance`, `edit-link`, `script`, `reference-list`, `contents`, `hidden`), or null when it is read.
 */
export function omittedKind(name: string, cls: string, role: string | undefined, style: string | undefined, typeOf: string | undefined): string | null {
  // Most elements of an article (links, italics, plain paragraphs) have no class, role, style or typeof.
  if (!cls && role === undefined && style === undefined && typeOf === undefined && !SPECIAL.has(name)) return null;
  if (name === 'script' || name === 'noscript') return 'script';
  if (name === 'style') return 'style';
  if (name === 'template' || name === 'iframe' || name === 'object' || name === 'embed') return 'embedded';
  const c = ` ${cls} `;
  if (/ mw-editsection /.test(c)) return 'edit-link';
  if (/ infobox|vcard /.test(c)) return 'infobox';
  if (/ navbox| vertical-navbox| sidebar /.test(c) || role === 'navigation') return 'navbox';
  if (/ hatnote | dablink /.test(c)) return 'hatnote';
  if (/ (?:ambox|mbox-small|tmbox|ombox|cmbox|fmbox|metadata|box-[\w-]+) /.test(c)) return 'maintenance';
  if (typeOf?.includes('mw:Extension/references') || / (?:reflist|references|mw-references-wrap|refbegin) /.test(c)) return 'reference-list';
  if (/ toc | toclimit-\d /.test(c) || / toc /.test(c)) return 'contents';
  if (name === 'table') return 'table';
  if (name === 'figure' || name === 'figure-inline' || / (?:thumb|gallery|mw-halign-\w+|tright|tleft|floatright|floatleft) /.test(c) || typeOf?.includes('mw:File') || typeOf?.includes('mw:Image')) return 'figure';
  if (style && /display\s*:\s*none/i.test(style)) return 'hidden';
  if (/ (?:noprint|mw-empty-elt|catlinks|printfooter|mw-cite-backlink|shortdescription|mw-jump-link) /.test(c)) return 'hidden';
  if (role === 'note') return 'hatnote';
  return null;
}
