/**
 * Types of markdown-it-footnote 4.0.0 (an ES module with no types of its own; @types/markdown-it-footnote is
 * written against markdown-it's CommonJS types and does not accept the ES module's `MarkdownIt`).
 */
declare module 'markdown-it-footnote' {
  import type MarkdownIt from 'markdown-it';
  /** Adds Pandoc footnotes (`[^label]`, definitions, inline `^[…]`) to `md`. */
  export default function footnote(md: MarkdownIt): void;
}
