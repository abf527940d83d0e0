/**
 * Format detection by content (the file name is only a hint): what a source's first bytes say it is.
 */
import type { SourceFormat } from './source-format.ts';

/** How many leading bytes detection reads. */
const SNIFF_BYTES = 64 * 1024;

/**
 * The format `input` is written in, from its content: XML with a TEI root → `tei`; HTML with Parsoid's marks
 * (`data-mw`, `typeof="mw:…"`) → `wikipedia-parsoid`; a rendered MediaWiki page (`mw-parser-output`,
 * `wgRevisionId`) → `wikipedia-page`; text with Markdown footnotes, ATX or Setext headings, inline links to a URL
 * or YAML front matter → `markdown`; else `text`. A TEI root with a namespace prefix (`<tei:TEI`) is TEI too.
 * Other HTML or XML is reported as the closest format so its adapter can say clearly what is wrong with it.
 * `nameHint` (a file name) decides only between `markdown` and `text` when the content alone does not.
 */
export function detectFormat(input: string | Uint8Array, nameHint = ''): SourceFormat {
  const head = typeof input === 'string' ? input.slice(0, SNIFF_BYTES) : new TextDecoder('utf-8').decode(input.subarray(0, SNIFF_BYTES));
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (/^<\?xml|^<(?:\w+:)?TEI[\s>]|^<teiCorpus[\s>]/i.test(start) || /<(?:\w+:)?TEI[\s>]/.test(head.slice(0, 4096))) {
    if (!/<html[\s>]/i.test(head.slice(0, 4096))) return 'tei';
  }
  if (/^<!doctype html|^<html[\s>]|^<head[\s>]|^<body[\s>]|^<(?:section|div|p)[\s>]/i.test(start)) {
    if (/\bdata-mw=|typeof="mw:|mediawiki\.org\/specs\/html/.test(head)) return 'wikipedia-parsoid';
    return 'wikipedia-page';
  }
  if (/^\[\^[^\]\s]+\]:/m.test(head) || /\^\[[^\]]+\]/.test(head) || /^#{1,6}\s+\S/m.test(head)) return 'markdown';
  // Setext headings (a line underlined by = or -), links written [text](http…), YAML front matter.
  if (/^[^\s=-][^\n]*\r?\n(?:=+|-{2,})[ \t]*\r?$/m.test(head) || /\]\((?:https?:|mailto:)[^)\s]+\)/.test(head)) return 'markdown';
  if (/^---\r?\n(?:[A-Za-z][\w-]*:[^\n]*\r?\n)+(?:---|\.\.\.)\r?$/m.test(start) && start.startsWith('---')) return 'markdown';
  if (/\.(md|markdown)$/i.test(nameHint)) return 'markdown';
  return 'text';
}
