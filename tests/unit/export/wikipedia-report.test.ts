import { describe, expect, test } from 'vitest';
import { anchorAll } from '../../../src/anchoring/anchor.ts';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { canonicalText } from '../../../src/anchoring/doc-text.ts';
import type { ExportInput } from '../../../src/export/export-input.ts';
import { exportWikipediaReport } from '../../../src/export/wikipedia-report.ts';
import { kavbiuroExportInput, locate, textNote } from '../../fixtures/export/kavbiuro-export-input.ts';

/** The fixture with checks on three claims (one per outcome of interest), anchored as the reader anchors them. */
function withChecks(extra: (canon: string, input: ExportInput) => Annotation[]): ExportInput {
  const input = kavbiuroExportInput();
  const canon = canonicalText(input.text.blocks, input.text.references);
  const checks = extra(canon, input);
  const anchors = new Map(input.anchors);
  for (const [id, r] of anchorAll(canon, checks)) anchors.set(id, r);
  return { ...input, annotations: [...input.annotations, ...checks], anchors };
}

const check = (input: ExportInput, canon: string, words: string, id: string, verification: Annotation['verification'], label: string | null, created = '2026-12-05T10:00:00Z'): Annotation => {
  const claim = input.text.claims.find((c) => c.text.includes(words))!;
  return textNote(input.work, canon, locate(canon, claim.text), {
    id,
    motivation: 'assessing',
    created,
    creator: { type: 'Person', name: 'R. Checker' },
    ...(label === null ? {} : { body: [{ type: 'SpecificResource', source: `${input.work.iri}#ref-${label}`, purpose: 'linking', relation: 'disputes', citation: `[${label}]` }] }),
    verification,
  });
};

describe('exportWikipediaReport', () => {
  const input = withChecks((canon, i) => [
    check(i, canon, '8 April 1920', 'urn:c:1', { status: 'verified', locator: 'p. 97' }, '1'),
    check(i, canon, 'independent communist parties', 'urn:c:2', { status: 'not-supported', locator: 'p. 12', passage: 'a | pipe {{and}} braces' }, '1', '2026-11-03T10:00:00Z'),
    check(i, canon, 'considering the necessity', 'urn:c:3', { status: 'page-needed' }, '2'),
    check(i, canon, 'Some Armenian historians', 'urn:c:4', { status: 'needs-source' }, null),
  ]);
  const report = exportWikipediaReport(input);

  test('lists each claim with a problem and the template that fits, dated by the month of the check, with the reason', () => {
    expect(report).toContain('4 of 14 claims checked.');
    expect(report).toMatch(/\* "One immediate concern[^\n]*"\n\*\* <nowiki>\{\{failed verification\|date=November 2026\|reason=Checked against source \[1\], p\. 12: it does not support the claim\./);
    expect(report).toMatch(/\{\{page needed\|date=December 2026\|reason=Source \[2\] is cited without a page/);
    expect(report).toMatch(/\* "Some Armenian historians[^\n]*"\n\*\* <nowiki>\{\{citation needed\|date=December 2026\|reason=No source is cited for this claim\.\}\}<\/nowiki> — R\. Checker, 2026-12-05/);
  });

  test('verified claims are listed apart, without a template', () => {
    const verified = report.slice(report.indexOf('=== Claims verified ==='));
    expect(verified).toContain('Kavbiuro was set up on 8 April 1920');
    expect(verified).toContain('Verified against source [1], p. 97.');
    expect(verified).not.toContain('{{');
  });

  test('text from a check cannot break the wikitext: pipes and braces are escaped', () => {
    expect(report).toContain('a &#124; pipe &#123;&#123;and&#125;&#125; braces');
    const templates = report.match(/\{\{[^]*?\}\}/g) ?? [];
    expect(templates).toHaveLength(3);
  });

  test('with no checks it says so', () => {
    const none = exportWikipediaReport(kavbiuroExportInput());
    expect(none).toContain('0 of 14 claims checked.');
    expect(none).toContain('=== Claims that need attention ===\nNone.');
  });
});
