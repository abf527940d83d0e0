/**
 * Checks of claims (verification.ts) in the editions: TEI (`<note type="verification">` with its outcome, cited
 * range, the source's passage, `@resp`, and a `<certainty>` on the claim), HTML and Markdown.
 */
import { describe, expect, test } from 'vitest';
import { anchorAll } from '../../../src/anchoring/anchor.ts';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { canonicalText } from '../../../src/anchoring/doc-text.ts';
import { exportHtml } from '../../../src/export/html.ts';
import { exportMarkdown } from '../../../src/export/markdown.ts';
import { exportTei } from '../../../src/export/tei.ts';
import { kavbiuroExportInput, locate, textNote } from '../../fixtures/export/kavbiuro-export-input.ts';
import { jingAll, skipUnless, teiMissing } from './export-validators.ts';

const base = kavbiuroExportInput();
const canon = canonicalText(base.text.blocks, base.text.references);
const claim = base.text.claims.find((c) => c.text.includes('8 April 1920'))!;
const check: Annotation = textNote(base.work, canon, locate(canon, claim.text), {
  id: 'urn:apparatus:kavbiuro:test-check',
  motivation: 'assessing',
  created: '2026-12-05T10:00:00Z',
  creator: { type: 'Person', name: 'R. Checker' },
  body: [{ type: 'SpecificResource', source: `${base.work.iri}#ref-1`, purpose: 'linking', relation: 'disputes', citation: '[1]' }],
  verification: { status: 'not-supported', locator: 'p. 12', passage: 'founded in May 1920 <sic>' },
});
const anchors = new Map(base.anchors);
for (const [id, r] of anchorAll(canon, [check])) anchors.set(id, r);
const input = { ...base, annotations: [...base.annotations, check], anchors };

describe('checks in the editions', () => {
  const tei = exportTei(input);
  test('TEI: a verification note by its checker, with outcome, cited range, the passage and a low certainty on the claim', () => {
    const note = tei.slice(tei.indexOf('type="verification"') - 200, tei.indexOf('</note>', tei.indexOf('type="verification"')));
    expect(note).toContain('<term type="verification">Not supported by the source</term>');
    expect(note).toContain('<seg type="locator">p. 12</seg>');
    expect(note).toContain('<quote>founded in May 1920 &lt;sic&gt;</quote>');
    expect(note).toMatch(/<certainty locus="value" cert="low" resp="#[^"]+" target="#claim-[^"]+">/);
  });

  test.skipIf(!skipUnless(teiMissing() === null, teiMissing() ?? ''))('TEI with a check is valid against tei_all', () => {
    const r = jingAll({ check: tei });
    expect(r.messages).toBe('');
    expect(r.ok).toBe(true);
  });

  test('HTML and Markdown print the check in words', () => {
    expect(exportHtml(input)).toContain('<p class="check">Check: Not supported by the source, p. 12: “founded in May 1920 &lt;sic&gt;”</p>');
    expect(exportMarkdown(input)).toContain('Check: Not supported by the source, p\\. 12: “founded in May 1920 \\<sic\\>”');
  });
});
