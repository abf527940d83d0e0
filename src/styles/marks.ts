/**
 * The look of every mark the editor puts on the text (claims, notes, check signs, flags, links, markers), in one
 * stylesheet used twice: adopted by the page for the text (`adoptMarkStyles`) and by the legend for its samples, so
 * that the legend shows exactly what the text shows.
 *
 * The default is quiet (issue 12 §3): a claim with a source is plain text (shaded when under the caret or pointer),
 * a note is a soft tint without a line, and strong colour is kept for what needs attention — a claim without a
 * source, a note that contests a claim or finds it likely wrong, a failed check.
 */
import { css } from 'lit';

export const markStyles = css`
  /* Claims: a claim with a source (cited, or covered by a later citation) is plain text. */
  .ap-claim { border-radius: 2px; text-underline-offset: 0.3em; text-decoration-skip-ink: auto; }
  .ap-claim:hover { background-color: var(--ap-hover); }
  /* A claim without a source: the one claim style with colour, as Wikipedia's "citation needed" stands out. */
  .ap-claim--none { text-decoration: underline wavy color-mix(in srgb, var(--ap-none-ink) 55%, transparent) 1px; }
  .ap-claim--none::after {
    content: 'no source';
    font: 600 0.6em/1 var(--ap-sans);
    vertical-align: super;
    margin-left: 0.2em;
    color: var(--ap-none-ink);
    letter-spacing: 0.02em;
    white-space: nowrap;
  }
  /* A claim the source itself flags (Wikipedia's [citation needed]). */
  .ap-flag { background-image: linear-gradient(transparent 90%, color-mix(in srgb, var(--ap-none-ink) 40%, transparent) 90%); }

  /* Links of the source: quiet (the provenance panel lists them), never in the way of claims. */
  .ap-link { color: inherit; text-decoration: underline dotted color-mix(in srgb, var(--ap-link) 35%, transparent) 1px; text-underline-offset: 0.3em; }
  a.ap-link:hover { color: var(--ap-link); }

  /* Footnote markers. */
  .ap-marker { font: 600 0.68em/1 var(--ap-sans); vertical-align: super; line-height: 0; white-space: nowrap; }
  .ap-marker a { color: var(--ap-link); text-decoration: none; padding: 0 0.05em; cursor: pointer; }
  .ap-marker a:hover { text-decoration: underline; }

  /* The sign of a checked claim: small and quiet; strong colour only where the check failed. */
  .ap-check-sign { font: 600 0.7em/1 var(--ap-sans); color: var(--ap-muted); margin-left: 0.15em; vertical-align: super; user-select: none; }
  .ap-check-sign--not-supported, .ap-check-sign--needs-source { color: var(--ap-none-ink); }

  /* Notes: one soft tint, whatever their kind; nested notes (overlaps) show darker. */
  .ap-note { display: inline; background-color: var(--ap-note-bg); border-radius: 1px; }
  .ap-note .ap-note { background-color: var(--ap-note-bg-nested); }
  /* Notes that need attention: a claim contested, or likely wrong. */
  .ap-note--verdict-contested { border-bottom: 2px solid color-mix(in srgb, var(--ap-contested-ink) 80%, transparent); }
  .ap-note--verdict-likely-erroneous { border-bottom: 3px double color-mix(in srgb, var(--ap-none-ink) 75%, transparent); }
  /* A note placed by a near match of its quote, not the exact words. */
  .ap-note--fuzzy { border-bottom: 1.5px dashed var(--ap-muted); }
  /* Notes piled deeper than the drawn lanes (annotation-decorations.ts MAX_LANES): one band, darker. */
  .ap-note--more { background-color: var(--ap-note-bg-more); }

  /* The reference entry of the marker clicked (highlight-plugin.ts). */
  .ap-reference.is-focused { background-color: var(--ap-current); }
`;

/** Adopts the mark styles into `doc` (once), so that the text in the page's light DOM is styled by them. */
export function adoptMarkStyles(doc: Document): void {
  const sheet = markStyles.styleSheet;
  if (!sheet || doc.adoptedStyleSheets.includes(sheet)) return;
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
