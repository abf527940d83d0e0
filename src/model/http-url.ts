/**
 * The one rule for links made from data (a work's source and licence, a note's sources and citations): only an
 * absolute `http:` or `https:` URL becomes a link; anything else (`javascript:`, `data:`, `vbscript:`, a relative
 * path) is shown as text. The page, the panels and every exporter (HTML, Markdown, TEI) ask here.
 *
 * Pure: no DOM.
 */

const HTTP_URL = /^https?:\/\/[^\s\u0000-\u001f\u007f"<>]+$/i;

/**
 * True when `value` is an absolute http(s) URL with no white space, control character, double quote or angle
 * bracket in it (such a URL could not be a link target as written).
 */
export function isHttpUrl(value: string): boolean {
  return HTTP_URL.test(value);
}

const MAILTO_URL = /^mailto:[^\s\u0000-\u001f\u007f"<>:/][^\s\u0000-\u001f\u007f"<>]*$/i;

/**
 * The same rule for links written inside a note (Markdown bodies): an http(s) URL as `isHttpUrl` says, or a
 * `mailto:` address with no white space, control character, double quote or angle bracket. Nothing else.
 */
export function isNoteLinkUrl(value: string): boolean {
  return isHttpUrl(value) || MAILTO_URL.test(value);
}

/** `url` itself when it may become a link (`isHttpUrl`), else null. */
export function safeHref(url: string): string | null {
  return isHttpUrl(url) ? url : null;
}
