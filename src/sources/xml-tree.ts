/**
 * A small namespace-aware XML element tree, built with saxes 6.0.0 (pinned). Why saxes: a pure-JS, streaming,
 * conformant XML 1.0 + namespaces parser with no DOM and no Node dependency (it runs in the load worker, where there
 * is no `DOMParser`, and in Node alike), that reports the line and column of every well-formedness error and never
 * fetches external entities or DTDs. The tree keeps only what the source adapters read: elements (local name,
 * namespace, attributes by qualified name, where they start) and text; comments and processing instructions go.
 *
 * Pure: no DOM globals.
 */
import { SaxesParser } from 'saxes';
import { invalidUtf8, lineColumnAt } from '../model/decode-text.ts';
import { ImportError, MAX_TEXT_BYTES } from '../model/import-error.ts';

/** An element: `name` local, `ns` its namespace URI ('' for none), `qname` as written, `line`/`column` (1-based) of its `<`. */
export interface XmlElement {
  name: string;
  qname: string;
  ns: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  line: number;
  column: number;
}

export type XmlNode = XmlElement | string;

/**
 * The text of an XML source: bytes must be UTF-8 (the encoding XML assumes without a declaration; a declaration
 * naming another encoding is refused), a leading byte-order mark removed.
 * @throws ImportError `empty`, `too-large` or `encoding` (line and byte column of the first bad byte).
 */
export function decodeXml(input: string | Uint8Array): string {
  if (input.length > MAX_TEXT_BYTES) {
    throw new ImportError('too-large', `The file is ${input.length.toLocaleString('en')} bytes; the limit is ${MAX_TEXT_BYTES.toLocaleString('en')} bytes (10 MiB)`, 1, 1);
  }
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      throw invalidUtf8(input);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!/\S/.test(text)) throw new ImportError('empty', text.length === 0 ? 'The file is empty' : 'The file holds only white space', 1, 1);
  const declared = /^<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    throw new ImportError('encoding', `The XML declaration names the encoding "${declared}"; only UTF-8 is read (save the file as UTF-8 and import it again)`, 1, 1);
  }
  return text;
}

/**
 * Parses `text` into its root element.
 * @throws ImportError `malformed` with saxes's reason and the line and column where the document stops being
 *   well-formed (a missing end tag, an undefined entity, text after the root…).
 */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: ImportError | null = null;
  parser.on('error', (err) => {
    if (failure) return;
    // saxes writes "line:column: reason"; the position is the parser's (1-based line, 0-based column).
    const reason = err.message.replace(/^\d+:\d+: /, '');
    failure = new ImportError('malformed', `The XML is not well-formed: ${reason}`, parser.line, parser.column + 1);
  });
  // Where the current start tag's `<` is: saxes is one character past the element's name when it reports the tag's start.
  let tagLine = 1;
  let tagColumn = 1;
  parser.on('opentagstart', (tag) => {
    tagLine = parser.line;
    tagColumn = parser.column - tag.name.length - 1;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [name, a] of Object.entries(tag.attributes)) attrs[name] = typeof a === 'string' ? a : a.value;
    const el: XmlElement = { name: tag.local ?? tag.name, qname: tag.name, ns: tag.uri ?? '', attrs, children: [], line: tagLine, column: tagColumn };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root ??= el;
    if (!tag.isSelfClosing) stack.push(el);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on('text', (t) => stack[stack.length - 1]?.children.push(t));
  parser.on('cdata', (t) => stack[stack.length - 1]?.children.push(t));
  try {
    parser.write(text).close();
  } catch (err) {
    if (!failure) {
      const { line, column } = lineColumnAt((i) => text.charCodeAt(i), text.length);
      failure = new ImportError('malformed', `The XML is not well-formed: ${(err as Error).message}`, line, column);
    }
  }
  if (failure) throw failure;
  if (!root) throw new ImportError('malformed', 'The XML has no root element', 1, 1);
  return root;
}

/** The element children of `el` named `name` (any namespace the caller has already checked). */
export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

/** The first descendant of `el` (depth first) named `name`, or undefined. */
export function descendant(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) return c;
    const d = descendant(c, name);
    if (d) return d;
  }
  return undefined;
}

/** Every descendant of `el` named `name`, in document order. */
export function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/**
 * All the text of `el`, white space collapsed and trimmed. Elements named in `separate` (lines, paragraphs, list
 * items: things a reader sees apart) are kept apart by a space.
 */
export function textOf(el: XmlElement, separate: ReadonlySet<string> = new Set()): string {
  const parts: string[] = [];
  const walk = (n: XmlNode) => {
    if (typeof n === 'string') parts.push(n);
    else {
      const apart = separate.has(n.name);
      if (apart) parts.push(' ');
      n.children.forEach(walk);
      if (apart) parts.push(' ');
    }
  };
  walk(el);
  return parts.join('').replace(/[ \t\r\n]+/g, ' ').trim();
}
