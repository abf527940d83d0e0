/**
 * Issue 10 §4: what changed in the evidence between two revisions, on real texts: the Kavbiuro article revised
 * here by hand-written edits (each one a behaviour), and Wikipedia's "Dog" (../shared, never copied) edited
 * programmatically — a citation removed, a reference's DOI changed, a `[citation needed]` added.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { canonicalText } from '../../../src/anchoring/doc-text.ts';
import type { ImportedText } from '../../../src/model/imported-text.ts';
import { importText } from '../../../src/model/import-text.ts';
import { diffEvidence } from '../../../src/revisions/evidence-diff.ts';
import type { ClaimSide, EvidenceChange, EvidenceReport } from '../../../src/revisions/evidence-types.ts';
import { importSource } from '../../../src/sources/import-source.ts';
import { sharedFile } from '../sources/wikipedia-sources.ts';
import { kavbiuro, NEW_LEAD, OLD_LEAD, replaceOnce, reviseKavbiuro } from './kavbiuro-revision.ts';


const ofKind = <K extends EvidenceChange['kind']>(r: EvidenceReport, kind: K) =>
  r.changes.filter((c): c is Extract<EvidenceChange, { kind: K }> => c.kind === kind);

/** Every claim place in the report reads, in its revision's canonical text, as the claim's text. */
function expectPlacesRight(r: EvidenceReport, before: ImportedText, after: ImportedText): void {
  const oldText = canonicalText(before.blocks, before.references);
  const newText = canonicalText(after.blocks, after.references);
  const check = (side: ClaimSide | undefined, text: string) => {
    if (side) expect(text.slice(side.place.from, side.place.to)).toBe(side.text);
  };
  for (const c of r.changes) {
    if ('old' in c) check(c.old, oldText);
    if ('new' in c) check(c.new, newText);
    if ('oldReference' in c) expect(oldText.slice(c.oldReference.place.from, c.oldReference.place.to)).toBe(`${c.oldReference.label}. ${c.oldReference.text}`);
    if ('newReference' in c) expect(newText.slice(c.newReference.place.from, c.newReference.place.to)).toBe(`${c.newReference.label}. ${c.newReference.text}`);
  }
}

describe('Kavbiuro revised', () => {
  const before = importText(kavbiuro);
  const after = importText(reviseKavbiuro(kavbiuro));
  const r = diffEvidence(before, after, { oldName: 'r1', newName: 'r2' });

  test('the same text has no change', () => {
    const same = diffEvidence(before, importText(kavbiuro));
    expect(same.changes).toEqual([]);
    expect(same.unchangedClaims).toBe(before.claims.length);
  });

  test('the reworded lead is reworded in place; the planted copy of its old words is added, not a move', () => {
    const reworded = ofKind(r, 'claim-reworded');
    expect(reworded.map((c) => [c.old.text, c.new.text])).toEqual([
      [OLD_LEAD, NEW_LEAD],
      [expect.stringContaining('on 3 July 1920'), expect.stringContaining('on 4 July 1920')],
    ]);
    expect(reworded[0]!.similarity).toBeGreaterThan(0.5);
    expect(reworded[0]!.similarity).toBeLessThan(1);
    expect(ofKind(r, 'claim-added').map((c) => c.new.text)).toEqual([OLD_LEAD]);
  });

  test('the deleted sentence is removed; the moved paragraph is moved, not removed and added', () => {
    expect(ofKind(r, 'claim-removed').map((c) => c.old.text)).toEqual(['Under Tsarist rule the area had been administered from Baku.']);
    // Where it would have stood in the new text: after the claim it followed.
    const near = ofKind(r, 'claim-removed')[0]!.near!;
    expect(canonicalText(after.blocks, after.references).slice(near.from, near.to)).toMatch(/^One decision the Kavbiuro was involved in concerned Karabagh/);
    const moved = ofKind(r, 'claim-moved');
    expect(moved.map((c) => c.new.text.slice(0, 30))).toEqual(['Kavbiuro was set up on 8 April', 'One immediate concern was that']);
    expect(moved[0]!.old.place.block).toBe(1);
    expect(moved[0]!.new.place.block).toBeGreaterThan(1);
  });

  test('claims that lost a citation name the reference; a [citation needed] added is a signal, not a rewording', () => {
    const lost = ofKind(r, 'citation-lost');
    expect(lost.map((c) => [c.new.text.slice(0, 20), c.reference.label])).toEqual([
      ['"the last session of', '2'],
      ['Azerbaijan declared ', '2'],
    ]);
    expect(ofKind(r, 'citation-gained')).toEqual([]);
    const signals = ofKind(r, 'signal-added');
    expect(signals.map((c) => [c.signal, c.new.text.slice(-32)])).toEqual([['citation-needed', 'by the British.[citation needed]']]);
    expect(ofKind(r, 'signal-removed')).toEqual([]);
  });

  test('the reference entry changed: its page and its handle, compared field by field, with the markers citing it', () => {
    const changed = ofKind(r, 'reference-changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.fields).toEqual([
      { field: 'page', before: '481–506', after: '481–507' },
      { field: 'URL', before: 'https://hdl.handle.net/2027/spo.act2080.0028.004:03', after: null },
      { field: 'ids.hdl', before: '2027/spo.act2080.0028.004:03', after: null },
    ]);
    const newText = canonicalText(after.blocks, after.references);
    expect(changed[0]!.citations.map((p) => newText.slice(p.from, p.to))).toEqual(['[2]']);
    expect(ofKind(r, 'reference-added')).toEqual([]);
    expect(ofKind(r, 'reference-removed')).toEqual([]);
  });

  test('every change carries its places in the canonical texts, in the order of the new text', () => {
    expectPlacesRight(r, before, after);
    const at = r.changes.map((c) => ('new' in c && c.new ? c.new.place.from : 'newReference' in c ? c.newReference.place.from : -1)).filter((x) => x >= 0);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(r.counts['claim-moved']).toBe(2);
    expect(r.claimsBefore).toBe(before.claims.length);
    expect(r.coverageBefore).toEqual({ total: 14, direct: 4, inherited: 6, none: 4 });
    // One inherited claim deleted, the planted copy unsourced, the quotation's two claims without their [2].
    expect(r.coverageAfter).toEqual({ total: 14, direct: 3, inherited: 4, none: 7 });
    expect(r.sections).toEqual([{ title: null, before: r.coverageBefore, after: r.coverageAfter, oldPlace: expect.any(Object), newPlace: expect.any(Object) }]);
  });
});

describe('Wikipedia "Dog" edited: a citation removed, a DOI changed, a [citation needed] added', () => {
  const bytes = sharedFile('sources/wikipedia-parsoid/dog.html');
  if (!bytes) return;
  const html = bytes.toString('utf8');
  const before = importSource(html, { format: 'wikipedia-parsoid' }).imported;
  // The first claim without support whose last words stand once, as they are, in the HTML: [citation needed] there.
  const target = before.claims.find((c) => c.support === 'none' && c.text.endsWith('.') && html.split(c.text.slice(-40)).length === 2)!;
  const tag = /<link rel="mw:PageProp\/Category" href=".\/Category:All_articles_with_unsourced_statements"[^]*?Template-Fact[^]*?<\/sup>/.exec(html)![0];
  let edited = replaceOnce(html, /<sup about="#mwt29" class="mw-ref" id="cite_ref-fan2016_7-0"[^]*?<\/sup>/, '');
  edited = edited.replaceAll('10.1038/nature04338', '10.1038/nature04339').replaceAll('10.1038%2Fnature04338', '10.1038%2Fnature04339');
  edited = replaceOnce(edited, target.text.slice(-40), target.text.slice(-40) + tag.replace(/ id="mw[^"]*"/g, ''));
  const after = importSource(edited, { format: 'wikipedia-parsoid' }).imported;
  const r = diffEvidence(before, after);

  test('the claim that lost the citation, the reference whose DOI changed, the claim now flagged — and nothing else', () => {
    const lost = ofKind(r, 'citation-lost');
    expect(lost).toHaveLength(1);
    expect(lost[0]!.new.text).toContain('most widely abundant terrestrial carnivore');
    expect(lost[0]!.reference.text).toMatch(/^Fan, Zhenxin/);

    const changed = ofKind(r, 'reference-changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.fields).toContainEqual({ field: 'DOI', before: '10.1038/nature04338', after: '10.1038/nature04339' });
    expect(changed[0]!.oldReference.label).toBe(changed[0]!.newReference.label);
    expect(changed[0]!.citations.length).toBeGreaterThan(0);

    const flagged = ofKind(r, 'signal-added');
    expect(flagged.map((c) => [c.signal, c.new.id])).toEqual([['citation-needed', target.id]]);

    const others = r.changes.filter((c) => !['citation-lost', 'reference-changed', 'signal-added'].includes(c.kind));
    expect(others).toEqual([]);
    expectPlacesRight(r, before, after);
  });

  test('every section is matched, and its coverage is unchanged (the claim that lost [7] keeps [6] and [8])', () => {
    expect(r.sections.every((s) => s.before && s.after)).toBe(true);
    expect(r.sections.length).toBe(before.blocks.filter((b) => b.type === 'heading').length + 1);
    const differing = r.sections.filter((s) => JSON.stringify(s.before) !== JSON.stringify(s.after));
    // [citation needed] changes no support.
    expect(differing).toEqual([]);
  });
});

describe('sections', () => {
  const before = importSource('# Work\n\nThe lead says one thing.[^1]\n\n## History\n\nIt began in 1920.[^1] It ended in 1922.[^2]\n\n## Legacy\n\nIt is remembered.\n\n[^1]: Smith, John (2001). A Book. Oxford.\n[^2]: Jones, Mary (1999). Another Book. London.\n', { format: 'markdown' }).imported;
  const after = importSource('# Work\n\nThe lead says one thing.[^1]\n\n## History\n\nIt began in 1920. It ended in 1922.[^2]\n\n## Reception\n\nCritics praised it.[^1]\n\n[^1]: Smith, John (2001). A Book. Oxford.\n[^2]: Jones, Mary (1999). Another Book. London.\n', { format: 'markdown' }).imported;
  const r = diffEvidence(before, after);

  test('coverage per section before and after, a section only in one revision having none on the other side', () => {
    expect(r.sections.map((s) => [s.title, s.before && `${s.before.direct}/${s.before.total}`, s.after && `${s.after.direct}/${s.after.total}`])).toEqual([
      [null, '1/1', '1/1'],
      ['History', '2/2', '1/2'],
      ['Reception', null, '1/1'],
      ['Legacy', '0/1', null],
    ]);
    const canonical = canonicalText(after.blocks, after.references);
    const reception = r.sections[2]!.newPlace!;
    expect(canonical.slice(reception.from, reception.to)).toBe('Reception');
    expect(r.sections[3]!.oldPlace!.block).toBe(before.blocks.findIndex((b) => b.text === 'Legacy'));
  });

  test('the claim that lost its marker lost that source and now inherits the next one; added and removed claims name their sections', () => {
    expect(ofKind(r, 'citation-lost').map((c) => [c.new.text, c.reference.text])).toEqual([['It began in 1920.', 'Smith, John (2001). A Book. Oxford.']]);
    expect(ofKind(r, 'citation-gained').map((c) => [c.new.text, c.reference.text])).toEqual([['It began in 1920.', 'Jones, Mary (1999). Another Book. London.']]);
    expect(ofKind(r, 'claim-added').map((c) => [c.new.text, c.new.section])).toEqual([['Critics praised it.[1]', 'Reception']]);
    expect(ofKind(r, 'claim-removed').map((c) => [c.old.text, c.old.section])).toEqual([['It is remembered.', 'Legacy']]);
  });
});

describe('the revised Kavbiuro fixture (tests/fixtures/revisions, shared with the revision review)', () => {
  const revisedPath = fileURLToPath(new URL('../../fixtures/revisions/kavbiuro-revised.txt', import.meta.url));
  const before = importText(kavbiuro);
  const after = importText(readFileSync(revisedPath));
  const r = diffEvidence(before, after);
  const summary = r.changes.map((c) => [c.kind, 'old' in c && c.old ? c.old.text.slice(0, 24) : null, 'new' in c && c.new ? c.new.text.slice(0, 24) : null]);

  test('each edit the fixture lists is found, in the order of the new text, and nothing else', () => {
    expect(summary).toEqual([
      ['claim-reworded', 'Kavbiuro was an organisa', 'Kavbiuro was an organisa'],
      // Plain text has no headings: the heading-like line is a claim of its own.
      ['claim-added', null, 'The Karabagh question'],
      ['claim-removed', 'This was prevented first', null],
      ['claim-reworded', 'This position was endors', 'This position was endors'],
      // Reworded in place, not paired with the exact copy of its old words planted in the last paragraph.
      ['claim-reworded', 'Some Armenian historians', 'Several Armenian histori'],
      ['claim-moved', 'Kavbiuro was set up on 8', 'Kavbiuro was set up on 8'],
      ['claim-moved', 'One immediate concern wa', 'One immediate concern wa'],
      ['claim-added', null, 'A version of this articl'],
      ['claim-added', null, 'The sentence was reworde'],
    ]);
    expectPlacesRight(r, before, after);
  });
});
