/**
 * The links of the source inside a span of the document (the claim under the caret): people, places and
 * organisations linked in a Wikipedia article are `wiki` links. Read from the document's `link` marks.
 */
import type { Node as PMNode } from 'prosemirror-model';

/** A link as the provenance panel lists it: the linked words, the address, its kind and the linked title. */
export interface LinkedWords {
  text: string;
  href: string;
  kind: 'wiki' | 'external';
  title: string | null;
}

/**
 * The links of `doc` between positions `from` and `to`, in document order, one per address (the words of its first
 * occurrence; the pieces of one link split by other marks are joined).
 */
export function linksIn(doc: PMNode, from: number, to: number): LinkedWords[] {
  const out: LinkedWords[] = [];
  const byHref = new Map<string, LinkedWords>();
  let last: { entry: LinkedWords; end: number } | null = null;
  doc.nodesBetween(Math.max(0, from), Math.min(doc.content.size, to), (node, pos) => {
    if (!node.isInline) return true;
    const mark = node.marks.find((m) => m.type.name === 'link');
    if (!mark) return false;
    const href = mark.attrs['href'] as string;
    const words = node.isText ? node.text! : '';
    if (last && last.end === pos && last.entry.href === href) {
      if (last.entry === byHref.get(href)) last.entry.text += words;
      last.end = pos + node.nodeSize;
      return false;
    }
    let entry = byHref.get(href);
    if (!entry) {
      entry = { text: words, href, kind: mark.attrs['kind'] === 'wiki' ? 'wiki' : 'external', title: (mark.attrs['title'] as string | null) ?? null };
      byHref.set(href, entry);
      out.push(entry);
      last = { entry, end: pos + node.nodeSize };
    } else last = { entry: { ...entry }, end: pos + node.nodeSize };
    return false;
  });
  return out;
}
