import { describe, expect, test } from 'vitest';
import { EVIDENCE_LABEL } from '../../../src/anchoring/evidence-codes.ts';
import { exportTei } from '../../../src/export/tei.ts';
import { hostileExportInput } from '../../fixtures/export/hostile-export-input.ts';
import { kavbiuroExportInput } from '../../fixtures/export/kavbiuro-export-input.ts';
import { jing, jingAll, skipUnless, teiMissing } from './export-validators.ts';

const kavbiuro = exportTei(kavbiuroExportInput());
const hostile = exportTei(hostileExportInput());

const canValidate = skipUnless(teiMissing() === null, teiMissing() ?? '');

describe.skipIf(!canValidate)('TEI validity (jing, tei_all.rng)', () => {
  test('the Kavbiuro export is valid TEI P5', () => {
    const r = jing(kavbiuro);
    expect(r.messages).toBe('');
    expect(r.ok).toBe(true);
  });

  test('the validator can fail: a <certainty> without @locus and a duplicate xml:id are rejected', () => {
    const broken = kavbiuro.replace('<certainty locus="value"', '<certainty').replace('xml:id="note-2"', 'xml:id="note-1"');
    expect(broken).not.toBe(kavbiuro);
    const r = jing(broken);
    expect(r.ok).toBe(false);
    expect(r.messages).toMatch(/locus/);
    const both = jingAll({ good: kavbiuro, broken });
    expect(both.ok).toBe(false);
    expect(both.failed).toEqual(['broken.xml']);
  });

  test('a text and notes full of markup, entities, quotes and XSS payloads still give valid TEI', () => {
    const r = jing(hostile);
    expect(r.messages).toBe('');
    expect(r.ok).toBe(true);
  });

  test('an export without notes or references is valid too', () => {
    const input = kavbiuroExportInput();
    const bare = exportTei({ ...input, annotations: [], anchors: new Map(), text: { ...input.text, references: [], citations: [] } });
    expect(bare).not.toContain('<back>');
    expect(jing(bare).ok).toBe(true);
  });
});

describe('TEI structure', () => {
  test('header: title, one respStmt per annotator, publication date, source URL and licence', () => {
    expect(kavbiuro).toContain('<title type="main">Kavbiuro</title>');
    expect(kavbiuro.match(/<respStmt /g)).toHaveLength(2);
    expect(kavbiuro).toContain('<persName ref="https://apparatus.invalid/people/editor">Apparatus editors</persName>');
    expect(kavbiuro).toContain('<date when="2026-01-15T12:00:00Z" type="export">');
    expect(kavbiuro).toMatch(/<sourceDesc>\s*<bibl>.*<ref target="https:\/\/en.wikipedia.org\/wiki\/Kavbiuro">.*<licence target="https:\/\/creativecommons.org\/licenses\/by-sa\/4.0\/">CC BY-SA 4.0<\/licence>/s);
  });

  test('body: paragraphs as <p>, the block quotation as <quote>, claims as seg pointing at their sources, markers as ref', () => {
    const input = kavbiuroExportInput();
    const body = kavbiuro.slice(kavbiuro.indexOf('<body>'), kavbiuro.indexOf('</body>'));
    expect(body.match(/<p>/g)).toHaveLength(3);
    expect(body.match(/<quote>/g)).toHaveLength(1);
    expect(body.match(/<seg /g)).toHaveLength(input.text.claims.length);
    const direct = input.text.claims.find((c) => c.support === 'direct')!;
    expect(body).toContain(`<seg xml:id="claim-${direct.id}" type="claim" subtype="direct" corresp="#ref-${direct.sources[0]}">`);
    expect(body.match(/<ref target="#ref-\d" type="footnote" n="\d">\[\d\]<\/ref>/g)).toHaveLength(input.text.citations.length);
    // The text reads as the source: strip the tags and the canonical body comes back.
    const plain = body.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();
    expect(plain.split(/\s*\n\s*/)).toEqual(input.text.blocks.map((b) => b.text));
  });

  test("every note's evidence codes are printed with their meanings, never bare", () => {
    const input = kavbiuroExportInput();
    const shown = [...kavbiuro.matchAll(/<p>Evidence: ([^<]*)<\/p>/g)].map((m) => m[1]);
    const expected = input.annotations.filter((a) => a.evidence?.length).map((a) => a.evidence!.map((c) => `${c} (${EVIDENCE_LABEL[c]})`).join(', '));
    expect(expected.length).toBeGreaterThan(0);
    expect([...shown].sort()).toEqual([...expected].sort());
  });

  test('reference list: listBibl of bibl xml:id with typed idno', () => {
    expect(kavbiuro).toContain('<bibl xml:id="ref-1" n="1">');
    expect(kavbiuro).toContain('<idno type="ISBN">0817991816</idno>');
    expect(kavbiuro).toContain('<idno type="OCLC">24846708</idno>');
    expect(kavbiuro).toContain('<idno type="OL">1560533M</idno>');
    expect(kavbiuro).toContain('<idno type="handle">2027/spo.act2080.0028.004:03</idno>');
  });

  test('notes: @target/@targetEnd on anchor pairs, @resp, @cert; certainty with @locus and @target on the contested claim', () => {
    expect(kavbiuro).toMatch(/<note xml:id="note-3" n="3" type="assessing" subtype="contested" target="#note-3-start" targetEnd="#note-3-end" resp="#resp-1" cert="medium"/);
    expect(kavbiuro).toContain('<anchor xml:id="note-3-start"/>Some Armenian historians');
    const stalinClaim = kavbiuroExportInput().text.claims.find((c) => c.text.startsWith('Some Armenian historians'))!;
    expect(kavbiuro).toContain(`<certainty locus="value" cert="low" resp="#resp-1" target="#claim-${stalinClaim.id}">`);
    // The reply is nested in its note.
    expect(kavbiuro).toMatch(/<note xml:id="note-3"[^]*<note type="reply" resp="#resp-2"[^>]*><p>Hasanli/);
  });

  test('a note crossing a marker and a block edge opens in one paragraph and closes in the next', () => {
    const body = kavbiuro.slice(kavbiuro.indexOf('<body>'), kavbiuro.indexOf('</body>'));
    const paragraphs = body.split('\n').filter((l) => l.trim().startsWith('<p>'));
    expect(paragraphs[1]).toContain('<anchor xml:id="note-1-start"/>');
    expect(paragraphs[2]).toContain('<anchor xml:id="note-1-end"/>');
  });

  test('orphans and replies to missing notes are kept as <note type="orphan"> with their passage', () => {
    expect(kavbiuro).toContain('<div type="unanchored-notes">');
    expect(kavbiuro).toMatch(/<note xml:id="note-6" n="6" type="orphan" subtype="commenting"[^>]*>.*<quote>the Transcaucasian committee of 1919<\/quote>/);
    expect(kavbiuro).toMatch(/<note xml:id="note-7" n="7" type="orphan" subtype="replying"[^>]*>.*A reply whose parent was deleted/);
  });

  test('every annotation appears (by its IRI)', () => {
    for (const a of kavbiuroExportInput().annotations) expect(kavbiuro).toContain(`corresp="${a.id}"`);
  });
});

describe('TEI escaping', () => {
  test('no payload becomes markup; every payload is still there as text', () => {
    for (const tag of ['<script', '<img', '<iframe', '<svg', '<b>', '<!--']) expect(hostile).not.toContain(tag);
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile).toContain('&amp;amp; &amp;lt;b&amp;gt; &amp;#x41;');
    expect(hostile.match(/]]>/g)).toBeNull();
  });

  test('IRIs that are not URIs are percent-encoded in pointing attributes', () => {
    expect(hostile).toContain('corresp="urn:x:%22%3E%3Cscript%3Ealert(&#39;id&#39;)%3C/script%3E"');
    expect(hostile).toContain('corresp="urn:x:reply%3Cimg%20src=x%20onerror=alert(1)%3E"');
  });
});
