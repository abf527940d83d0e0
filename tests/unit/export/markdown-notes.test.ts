/**
 * Notes written in Markdown and notes that cite, in the editions: the HTML edition renders a Markdown note
 * (emphasis, lists, links) from its tree with raw HTML kept as text and only http/https/mailto links; the Markdown
 * edition keeps the Markdown (Pandoc reads back the emphasis, the list and the link, and no raw HTML); sources carry
 * their locator in HTML, Markdown and TEI (which stays valid TEI).
 */
import { describe, expect, test } from 'vitest';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { canonicalText } from '../../../src/anchoring/doc-text.ts';
import type { ExportInput } from '../../../src/export/export-input.ts';
import { exportHtml } from '../../../src/export/html.ts';
import { exportMarkdown } from '../../../src/export/markdown.ts';
import { exportTei } from '../../../src/export/tei.ts';
import { exactAnchor, kavbiuroExportInput, locate, reader, textNote } from '../../fixtures/export/kavbiuro-export-input.ts';
import { XSS_PAYLOADS } from '../../fixtures/reliability/xss-payloads.ts';
import { jing, pandocAst, pandocMissing, skipUnless, teiMissing } from './export-validators.ts';

const BODY = 'The vote is *disputed*; see **Saparov**:\n\n- the [interview](https://example.org/saparov)\n- the minutes\n\n<script>window.__xss=1</script> [bad](javascript:alert(1))';

/** The Kavbiuro input with one reader's note in Markdown that cites, and a Markdown reply to it. */
function input(body = BODY): ExportInput {
  const base = kavbiuroExportInput();
  const canon = canonicalText(base.text.blocks, base.text.references);
  const range = locate(canon, 'Azerbaijan declared that if Armenia demanded Karabagh');
  const note: Annotation = textNote(base.work, canon, range, {
    id: 'urn:uuid:md-note',
    motivation: 'commenting',
    creator: reader,
    body: [
      { type: 'TextualBody', value: body, format: 'text/markdown', purpose: 'commenting' },
      { type: 'SpecificResource', source: `${base.work.iri}#ref-2`, purpose: 'linking', relation: 'qualifies', citation: 'Reference [2]: Suny 1989', locator: 'p. 217' },
      { type: 'SpecificResource', source: 'https://doi.org/10.1080/02634937.2011.607965', purpose: 'linking', relation: 'disputes', citation: 'doi:10.1080/02634937.2011.607965', locator: 'fond 64, op. 1, d. 19' },
    ],
  });
  const reply: Annotation = {
    id: 'urn:uuid:md-reply', type: 'Annotation', motivation: 'replying', created: '2026-01-12T10:00:00Z', creator: reader,
    body: [{ type: 'TextualBody', value: 'Agreed, *mostly*.', format: 'text/markdown', purpose: 'replying' }], target: 'urn:uuid:md-note',
  };
  const anchors = new Map(base.anchors);
  anchors.set(note.id, exactAnchor(note.id, canon, range));
  return { ...base, annotations: [...base.annotations, note, reply], anchors };
}

/** The HTML of the note `id` in an HTML edition. */
function noteHtml(html: string, id: string): string {
  const at = html.indexOf(`data-annotation="${id}"`);
  expect(at).toBeGreaterThan(0);
  const next = html.indexOf('<li class="note', at);
  return html.slice(at, next < 0 ? undefined : next);
}

describe('HTML edition', () => {
  test('renders a Markdown note: emphasis, list, http link; raw HTML as text, a javascript: link as words', () => {
    const html = noteHtml(exportHtml(input()), 'urn:uuid:md-note');
    expect(html).toContain('<em>disputed</em>');
    expect(html).toContain('<strong>Saparov</strong>');
    expect(html).toMatch(/<ul><li><p>the <a href="https:\/\/example\.org\/saparov" class="external">interview<\/a><\/p><\/li><li><p>the minutes<\/p><\/li><\/ul>/);
    expect(html).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt; [bad](javascript:alert(1))');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<em>mostly</em>');
  });

  test('sources print their locator', () => {
    const html = noteHtml(exportHtml(input()), 'urn:uuid:md-note');
    expect(html).toContain('Reference [2]: Suny 1989</a>, p. 217 (qualifies)');
    expect(html).toContain('doi:10.1080/02634937.2011.607965</a>, fond 64, op. 1, d. 19 (disputes)');
  });

  test('every XSS payload as a Markdown note: no element or attribute that could run, no javascript: link', () => {
    for (const p of XSS_PAYLOADS) {
      const html = noteHtml(exportHtml(input(`${p.value}\n\n[x](${p.value})`)), 'urn:uuid:md-note');
      expect(html, `#${p.n} ${p.what}`).not.toMatch(/<(script|img|svg|iframe|object|embed|style|math|a\s+href="(?!https?:|mailto:|#))/i);
      expect(html, `#${p.n} ${p.what}`).not.toMatch(/<[^>]*\son[a-z]+=/i);
    }
  });
});

describe('Markdown edition', () => {
  test('keeps the Markdown of a note, escaping its raw HTML and its javascript: link', () => {
    const md = exportMarkdown(input());
    expect(md).toContain('The vote is *disputed*; see **Saparov**:');
    expect(md).toContain('- the [interview](https://example.org/saparov)');
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('Sources: Reference \\[2\\]: Suny 1989, p\\. 217 (qualifies)');
  });

  test.skipIf(!skipUnless(pandocMissing() === null, pandocMissing() ?? ''))('Pandoc reads back the emphasis, the list and the link; no raw HTML, no javascript: link', () => {
    const json = JSON.stringify(pandocAst(exportMarkdown(input())));
    expect(json).toContain('"t":"Emph"');
    expect(json).toContain('"t":"BulletList"');
    expect(json).toContain('https://example.org/saparov');
    expect(json).not.toContain('"t":"RawInline"');
    expect(json).not.toContain('"t":"RawBlock"');
    expect(json).not.toMatch(/"javascript:alert\(1\)",""/);
  });
});

describe('TEI edition', () => {
  test.skipIf(!skipUnless(teiMissing() === null, teiMissing() ?? ''))('a source locator is a <seg type="locator">, and the TEI stays valid', () => {
    const tei = exportTei(input());
    expect(tei).toContain('<seg type="locator">p. 217</seg>');
    const r = jing(tei);
    expect(r.messages).toBe('');
    expect(r.ok).toBe(true);
  });
});
