/**
 * The stylesheet of the standalone HTML export: inline (no network), a serif reading column, claims marked by
 * support, notes with verdict and certainty badges, and a print stylesheet (black on white, URLs printed after
 * links, notes kept whole on a page).
 */
export const HTML_EXPORT_STYLE = `
:root { --ink: #1d1b18; --muted: #6b645a; --rule: #d9d2c5; --paper: #fffdf8; --accent: #7a3b12;
  --direct: transparent; --inherited: #b5ab97; --none: #c4574f; --mark: #fbefc8; }
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); }
body { margin: 0 auto; max-width: 46rem; padding: 2.5rem 1.5rem 4rem;
  font: 1.0625rem/1.65 "Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, "DejaVu Serif", serif; }
h1 { font-size: 2.1rem; font-weight: normal; margin: 0 0 .25rem; letter-spacing: .01em; }
h2 { font-size: 1.05rem; font-variant: small-caps; letter-spacing: .06em; font-weight: 600; color: var(--accent);
  border-bottom: 1px solid var(--rule); padding-bottom: .2rem; margin: 2.5rem 0 1rem; }
.subtitle { color: var(--muted); font-style: italic; margin: 0 0 1.25rem; }
.legend { font-size: .82rem; color: var(--muted); border: 1px solid var(--rule); border-radius: 4px; padding: .5rem .75rem;
  margin: 0 0 2rem; line-height: 1.5; }
.legend span.claim { padding: 0 .15em; }
.text p { margin: 0 0 1.1rem; hyphens: auto; }
.text blockquote { margin: 0 0 1.1rem 1.75rem; padding-left: 1rem; border-left: 3px solid var(--rule); font-size: .98rem; }
a { color: var(--accent); }
/* Long URLs, handles and hashes wrap instead of widening the page on a phone. */
body { overflow-wrap: break-word; }
.id, a.external, footer { overflow-wrap: anywhere; }
.claim-inherited { text-decoration: underline dotted var(--inherited); text-underline-offset: .22em; }
.claim-none { text-decoration: underline dashed var(--none); text-decoration-thickness: 1px; text-underline-offset: .25em; }
.flag { font-size: .68em; font-style: italic; color: var(--none); white-space: nowrap; }
sup { line-height: 0; font-size: .72em; }
sup.cite a { text-decoration: none; font-family: system-ui, sans-serif; }
mark.noted { background: var(--mark); color: inherit; padding: .05em 0; }
mark.noted.depth-2 { background: #f6dc93; }
sup.note-ref a { display: inline-block; min-width: 1.3em; padding: 0 .25em; border-radius: .7em; text-align: center;
  background: var(--accent); color: #fff; text-decoration: none; font: 600 .95em/1.35 system-ui, sans-serif; }
.notes ol, .references ol { padding-left: 0; list-style: none; margin: 0; }
.note { display: grid; grid-template-columns: 2.2rem 1fr; gap: 0 .5rem; margin: 0 0 1.4rem; font-size: .95rem; }
.note > .num { font: 600 .9rem/1.7 system-ui, sans-serif; color: var(--accent); text-align: right; }
.note > .num a { text-decoration: none; }
.note > .body > * { margin: 0 0 .45rem; }
.note-head { font: .8rem/1.6 system-ui, sans-serif; color: var(--muted); }
.badge { display: inline-block; border-radius: 3px; padding: 0 .45em; margin-right: .3em; font-weight: 600;
  border: 1px solid currentColor; text-transform: lowercase; }
.verdict-supported { color: #1f6b35; } .verdict-supported-with-caveats { color: #5a6b1f; }
.verdict-contested { color: #9a5b00; background: #fff4dc; } .verdict-likely-erroneous { color: #b3261e; background: #fde9e7; }
.verdict-unsourced { color: #6b3fa0; } .verdict-not-checked { color: #5f5f5f; }
.certainty { color: var(--muted); font-weight: normal; }
.motivation { color: var(--muted); font-weight: normal; border-style: dashed; }
.passage { margin: 0 0 .45rem; padding: .1rem .6rem; border-left: 2px solid var(--mark); color: var(--muted); font-style: italic; }
.positions { padding-left: 1.1rem; margin: .2rem 0 .45rem; }
.positions li { margin-bottom: .2rem; }
.reply { border-left: 2px solid var(--rule); padding-left: .7rem; margin-left: .2rem; }
.reply .note-head { margin-bottom: .1rem; }
.tag { display: inline-block; background: #efe9dc; border-radius: 2px; padding: 0 .35em; font-size: .85em; margin-right: .25em; }
.reason { font-style: italic; color: var(--muted); }
.timeline ol { list-style: none; padding-left: 0; margin: 0; border-left: 2px solid var(--line, #ddd7cc); }
.timeline li { padding: 0 0 .5rem .9rem; font-size: .95rem; }
.timeline time { font-family: system-ui, sans-serif; font-weight: 600; font-size: .88rem; }
.timeline li.correction time { color: #9b2c1f; }
.references li { display: grid; grid-template-columns: 2.2rem 1fr; gap: 0 .5rem; margin-bottom: .6rem; font-size: .93rem; }
.references .num { text-align: right; color: var(--muted); font-family: system-ui, sans-serif; font-size: .85rem; line-height: 1.8; }
.backlinks a { text-decoration: none; font-family: system-ui, sans-serif; font-size: .8em; margin-left: .3em; }
.id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em; }
footer { margin-top: 3rem; padding-top: .75rem; border-top: 1px solid var(--rule); font-size: .82rem; color: var(--muted); }
footer p { margin: .3rem 0; }
:target { outline: 2px solid var(--accent); outline-offset: 2px; }
@media print {
  @page { margin: 2cm 2.2cm; }
  html, body { background: #fff; color: #000; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .legend { border-color: #999; }
  a { color: #000; }
  mark.noted { background: #eee; }
  sup.note-ref a { background: none; color: #000; border: 1px solid #000; }
  .note, .references li, blockquote { break-inside: avoid; }
  h2 { color: #000; break-after: avoid; }
  a.external:not(.bare)::after { content: " <" attr(href) ">"; font-size: .8em; word-break: break-all; }
  .backlinks { display: none; }
  :target { outline: none; }
}
`;
