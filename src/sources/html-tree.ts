/**
 * The one HTML tree the HTML adapters read: htmlparser2 10.1.0 with domhandler 5.0.3 (pinned).
 *
 * Why this parser: it is pure JavaScript with no DOM globals, so the same adapter runs in the load worker (where
 * there is no `DOMParser`) and in Node; it is small (≈30 kB with its entity tables) and among the fastest HTML
 * parsers in JavaScript, which matters for 1–3 MB Wikipedia pages (issue 9 §8). It is not a full HTML5 tree
 * builder (parse5 is, at about three times the size and half the speed), but MediaWiki and Parsoid emit
 * well-formed markup, and the implied closings they rely on (`<p>`, `<li>`) are handled.
 *
 * Scripts never run: the tree is data. `script`, `style`, `template`, `noscript` and every `on*` attribute are
 * never kept by the adapters (they read only what `isDropped` lets through, and never copy attributes).
 */
import { type ChildNode, type Document, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';

export type { ChildNode, Document, Element };
export { isTag, isText };

/** Parses `html` into a tree (entities decoded, attribute names lower-cased). Never throws. */
export function parseHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

/** Elements whose content is never text of the source (and never kept or run). */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'link', 'meta', 'head', 'title', 'base']);

/** True when `el` is markup that is never read as text (`script`, `style`, `head`, `meta`…). */
export function isDropped(el: Element): boolean {
  return DROPPED.has(el.name);
}

/** The value of attribute `name` of `el`, or undefined. */
export function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

/** True when `el`'s class list holds `cls`. */
export function hasClass(el: Element, cls: string): boolean {
  const c = el.attribs['class'];
  if (c === undefined) return false;
  const i = c.indexOf(cls);
  if (i < 0) return false;
  return c.split(/\s+/).includes(cls);
}

/** True when `el`'s whitespace-separated attribute `name` (`typeof`, `rel`) holds `word`. */
export function hasWord(el: Element, name: string, word: string): boolean {
  const v = el.attribs[name];
  return v !== undefined && v.includes(word) && v.split(/\s+/).includes(word);
}

/** The element children of `node`. */
export function elementChildren(node: Document | Element): Element[] {
  return node.children.filter(isTag);
}

/** Every element under `root` (document order) for which `test` holds; `prune` stops descent below a match. */
export function findAll(root: Document | Element, test: (el: Element) => boolean, prune = false): Element[] {
  const out: Element[] = [];
  const stack: ChildNode[] = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    const hit = test(node);
    if (hit) out.push(node);
    if (hit && prune) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** The first element under `root` for which `test` holds, or null. */
export function findFirst(root: Document | Element, test: (el: Element) => boolean): Element | null {
  const stack: ChildNode[] = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (test(node)) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return null;
}

/** Every element under `root` by its `id` (the first of duplicates wins). */
export function idIndex(root: Document | Element): Map<string, Element> {
  const ids = new Map<string, Element>();
  for (const el of findAll(root, (e) => e.attribs['id'] !== undefined)) {
    const id = el.attribs['id']!;
    if (!ids.has(id)) ids.set(id, el);
  }
  return ids;
}

/** The text content of `node` (dropped elements left out), not normalised. */
export function textOf(node: ChildNode | Document): string {
  if (isText(node)) return node.data;
  if (!('children' in node)) return '';
  if (isTag(node) && isDropped(node)) return '';
  let s = '';
  for (const c of node.children) s += textOf(c);
  return s;
}

/** The nearest ancestor of `el` (itself excluded) for which `test` holds, or null. */
export function closest(el: Element, test: (e: Element) => boolean): Element | null {
  let p = el.parent;
  while (p && isTag(p)) {
    if (test(p)) return p;
    p = p.parent;
  }
  return null;
}
