/**
 * XML and HTML escaping and a tiny element builder for the TEI and HTML writers.
 *
 * Everything a writer prints goes through `escapeText` / `escapeAttribute` (or the builder, which calls them), so
 * text full of `<`, `&`, quotes or markup stays text. Characters XML 1.0 cannot carry at all (C0 controls other
 * than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) become U+FFFD: they cannot be written even as references.
 *
 * Pure: strings in, strings out.
 */

/** Markup that the builder inserts verbatim: the only way to put unescaped text into a document. */
export interface Markup {
  readonly markup: string;
}

/** A child of an element: text (escaped when printed), markup, or nothing (`null`/`undefined`/`false`, skipped). */
export type Child = string | Markup | null | undefined | false | readonly Child[];

/** Attribute values: `null`/`undefined`/`false` leave the attribute out; `true` prints `name="name"`. */
export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

// Not allowed in XML 1.0 documents: C0 controls except tab, LF, CR; lone surrogates; U+FFFE and U+FFFF.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with every character XML 1.0 cannot carry replaced by U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD');
}

/** Escapes text content for XML and HTML: `&`, `<`, `>` (the last so that `]]>` can never appear). */
export function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value written between double quotes; newlines and tabs become references so they survive. */
export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** Wraps already-escaped markup so that the builder inserts it as is. Only for strings this module built. */
export function markup(text: string): Markup {
  return { markup: text };
}

/** Prints children: strings escaped, markup verbatim, nested lists flattened, empty values skipped. */
export function serializeChildren(children: readonly Child[]): string {
  let out = '';
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (typeof child === 'string') out += escapeText(child);
    else if (Array.isArray(child)) out += serializeChildren(child as readonly Child[]);
    else out += (child as Markup).markup;
  }
  return out;
}

const NAME = /^[A-Za-z_][A-Za-z0-9._:-]*$/;

function attributeList(attributes: Attributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (!NAME.test(name)) throw new Error(`Not an attribute name: ${JSON.stringify(name)}`);
    if (value === null || value === undefined || value === false) continue;
    out += ` ${name}="${escapeAttribute(value === true ? name : String(value))}"`;
  }
  return out;
}

/**
 * An element with escaped attributes and children. With no children it is written empty (`<a/>`) when
 * `selfClose` is true (XML), else as `<a></a>` (HTML elements that are not void).
 * @throws Error when `name` or an attribute name is not a plain XML name (a programming error, never data).
 */
export function element(name: string, attributes: Attributes = {}, children: readonly Child[] = [], selfClose = true): Markup {
  if (!NAME.test(name)) throw new Error(`Not an element name: ${JSON.stringify(name)}`);
  const content = serializeChildren(children);
  const open = `<${name}${attributeList(attributes)}`;
  return markup(content === '' && selfClose ? `${open}/>` : `${open}>${content}</${name}>`);
}

/** An HTML void element (`<meta …>`, `<br>`): no children, no closing tag. */
export function voidElement(name: string, attributes: Attributes = {}): Markup {
  if (!NAME.test(name)) throw new Error(`Not an element name: ${JSON.stringify(name)}`);
  return markup(`<${name}${attributeList(attributes)}>`);
}

/**
 * An NCName usable as `xml:id` (and HTML id) made from `prefix` and an arbitrary `value`: characters outside
 * `[A-Za-z0-9._-]` become `_`. The prefix must start with a letter. Distinct values may collide; callers that
 * need unique ids number them.
 */
export function ncName(prefix: string, value: string): string {
  return `${prefix}${value.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

/**
 * A URI reference safe to print in a `target`/`href`: characters that may not appear in a URI (spaces, quotes,
 * angle brackets, non-ASCII …) are percent-encoded as UTF-8; existing `%XX` escapes are kept.
 */
export function safeUri(value: string): string {
  return xmlSafe(value).replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (c) => encodeURIComponent(c).replace(/'/g, '%27'));
}

