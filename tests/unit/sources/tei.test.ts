/**
 * The TEI P5 adapter on the two real TEI documents of ../shared/sources/tei (read from there, never copied; skipped
 * with a visible reason when absent) and on bad input. Expected counts come from the files themselves, counted
 * with regular expressions on the raw bytes — independently of the XML parser the adapter uses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, test } from 'vitest';
import { ImportError } from '../../../src/model/import-error.ts';
import { importSource } from '../../../src/sources/import-source.ts';
import { importTei, importTeiDocument } from '../../../src/sources/tei.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const teiDir = join(resolve(root, process.env['APPARATUS_SHARED'] ?? '../shared'), 'sources', 'tei');
const present = existsSync(join(teiDir, 'sermon-27003.xml')) && existsSync(join(teiDir, 'stylesheets-test.xml'));
if (!present) test.skip(`SKIPPED: ${teiDir} is absent (set APPARATUS_SHARED) — the real TEI documents are not read`, () => {});

const TEI = 'http://www.tei-c.org/ns/1.0';

/** The ImportError `f` throws. */
function refusal(f: () => unknown): ImportError {
  try {
    f();
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error('no ImportError thrown');
}

/** Occurrences of `pattern` in `text`. */
const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;
/** The part of `text` between `<body>` and `</body>`. */
const bodyOf = (text: string) => text.slice(text.indexOf('<body>'), text.indexOf('</body>'));

describe.skipIf(!present)('the Karl Barth sermon (tei-publisher-app data/sermons/27003.xml)', () => {
  const raw = present ? readFileSync(join(teiDir, 'sermon-27003.xml'), 'utf8') : '';
  const bytes = present ? readFileSync(join(teiDir, 'sermon-27003.xml')) : new Uint8Array();

  it('is detected as TEI and read from its bytes', () => {
    const { format, imported } = importSource(bytes);
    expect(format).toBe('tei');
    expect(imported.report?.format).toBe('tei');
  });

  it('makes one reference per <note>, each cited where it stands, with its xml:id as anchor', () => {
    const imported = importTei(bytes);
    const noteIds = [...raw.matchAll(/<note xml:id="([^"]+)"/g)].map((m) => m[1]);
    expect(noteIds).toHaveLength(count(raw, /<note\b/g));
    const fromNotes = imported.references.filter((r) => r.anchor !== undefined && noteIds.includes(r.anchor));
    expect(fromNotes.map((r) => r.anchor)).toEqual(noteIds);
    expect(fromNotes.map((r) => r.label)).toEqual(noteIds.map((_, i) => String(i + 1)));
    // Each note's marker stands in the text where the note was, once.
    expect(imported.citations.map((c) => c.label)).toEqual(noteIds.map((_, i) => String(i + 1)));
    for (const c of imported.citations) expect(imported.blocks[c.block]!.text.slice(c.offset, c.offset + c.label.length + 2)).toBe(`[${c.label}]`);
    // "studieren<note xml:id="n04">= denken darüber nach.</note>:"
    const n04 = fromNotes.find((r) => r.anchor === 'n04')!;
    expect(n04.text).toBe('= denken darüber nach.');
    const at = imported.citations.find((c) => c.label === n04.label)!;
    expect(imported.blocks[at.block]!.text.slice(at.offset - 9, at.offset + 5)).toBe('studieren[4]: ');
  });

  it('keeps the text of a note that holds elements (persName, bibl), white space collapsed', () => {
    const n01 = importTei(bytes).references.find((r) => r.anchor === 'n01')!;
    expect(n01.text).toBe(
      'Wie schon am 5.1.1913 und am 4.1.1914, so wiederholte Barth seine Neujahrspredigt auch am 3.1.1915 in Laupen (Kanton Bern) und entlastete damit seinen Bruder Peter (1888–1940), der dort Pfarrer war.',
    );
  });

  it('reads its listBibl entry as a reference nothing cites, and says so', () => {
    const imported = importTei(bytes);
    const listBibl = raw.slice(raw.indexOf('<listBibl'), raw.indexOf('</listBibl>'));
    const entries = count(listBibl, /<bibl\b/g);
    expect(entries).toBe(1);
    const bibls = imported.references.filter((r) => r.anchor === undefined || !r.anchor.startsWith('n0'));
    expect(bibls).toHaveLength(entries);
    expect(bibls[0]!.text).toBe('Nr. 174: «Gott ist gegenwärtig» von G. Tersteegen (= GERS [1952] 201; EG 165)');
    expect(imported.problems).toEqual([{ kind: 'uncited-reference', label: bibls[0]!.label, message: `Reference ${bibls[0]!.label} is never cited in the text` }]);
  });

  it('reads every <p> of the body as a paragraph, and each <head> as a heading by its division depth', () => {
    const imported = importTei(bytes);
    const paragraphs = imported.blocks.filter((b) => b.type === 'paragraph');
    // <p>, plus the prose-like <dateline> and <salute>s
    expect(paragraphs).toHaveLength(count(bodyOf(raw), /<p>/g) + count(raw, /<dateline>/g) + count(raw, /<salute>/g));
    const headings = imported.blocks.filter((b) => b.type === 'heading');
    expect(headings).toHaveLength(count(bodyOf(raw), /<head>/g));
    // Both heads are in a div inside the sermon's div: depth 2, level 3.
    expect(headings.map((h) => [h.text, h.level])).toEqual([
      ['254', 3],
      ['Lied:', 3],
    ]);
    // The epigraph's <cit> is a block quotation.
    expect(imported.blocks.filter((b) => b.type === 'blockquote').map((b) => b.text)).toContain(
      'Ich bin das A und das O, der Anfang und das Ende, spricht Gott der Herr, der da ist und der da war und der da kommt, der Allmächtige.',
    );
    // pb break="no" joins the word it splits: "al<pb … break="no"/>les".
    expect(imported.blocks.some((b) => b.text.includes('an alles Peinliche'))).toBe(true);
    expect(imported.claims.length).toBeGreaterThan(paragraphs.length);
    expect(imported.claims.every((c) => imported.blocks[c.block]!.type !== 'heading')).toBe(true);
  });

  it('takes its metadata from the teiHeader', () => {
    const meta = importTei(bytes).meta!;
    expect(meta.licence).toEqual({ name: 'Creative Commons BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' });
    expect(meta.source).toBe('https://kbga.karl-barth.ch/texts/27003');
    // <language ident="ger"> (ISO 639-2) in its canonical BCP 47 form
    expect(meta.language).toBe('de');
    expect(meta.title).toBe('Predigten 1915');
  });
});

describe.skipIf(!present)('the TEI Stylesheets test document (TEIC/Stylesheets Test/test.xml)', () => {
  const raw = present ? readFileSync(join(teiDir, 'stylesheets-test.xml'), 'utf8') : '';
  const body = bodyOf(raw);
  const outsideTables = body.replace(/<table\b[\s\S]*?<\/table>/g, '');

  it('makes a reference of every note of the body outside the tables it leaves out', () => {
    const imported = importTei(raw);
    const notes = count(outsideTables, /<note\b/g);
    expect(count(raw, /<note\b/g)).toBe(7);
    expect(notes).toBe(6);
    expect(imported.references).toHaveLength(notes);
    // One note stands in a <head>: headings carry no markers, so it is kept unmarked, reported and said.
    const inHeads = count(outsideTables.replace(/<head>(?:(?!<\/head>)[\s\S])*<note\b/g, '\u0000'), /\u0000/g);
    expect(inHeads).toBe(1);
    expect(imported.citations).toHaveLength(notes - inHeads);
    const unmarked = imported.references.find((r) => r.text === 'Zu Textauszeichnungen und Siglen siehe die Legende.')!;
    expect(imported.problems).toEqual([{ kind: 'uncited-reference', label: unmarked.label, message: `Reference ${unmarked.label} is never cited in the text` }]);
    expect(imported.report!.notes).toEqual([`The note in a heading (line 281) is kept as reference ${unmarked.label} without a marker: headings carry none`]);
    expect(imported.blocks.find((b) => b.text.startsWith('1 Zur Entstehung'))).toMatchObject({ type: 'heading', text: '1 Zur Entstehung der Philosophischen Untersuchungen' });
    // The note holding a verse (<lg><l>…</l></lg>) keeps its lines apart.
    expect(imported.references[0]!.text).toMatch(
      /^We start with a quotation: This is the way the world ends This is the way the world ends This is the way the world ends Not with a bang but a whimper\. which/,
    );
    // place="end" notes are references like footnotes.
    expect(imported.references.map((r) => r.text)).toEqual(expect.arrayContaining(['Not Vulture', 'Not Blandings']));
  });

  it('counts what it leaves out: front matter, tables, deletions, pointers that cite nothing, non-TEI examples', () => {
    const { omitted } = importTei(raw).report!;
    expect(omitted['front']).toBe(count(raw, /<front>/g));
    expect(omitted['table']).toBe(count(body, /<table\b/g));
    expect(omitted['del']).toBe(count(outsideTables, /<del\b/g));
    expect(omitted['egXML (not TEI)']).toBe(count(body, /<egXML\b/g));
    expect(omitted['msDesc']).toBe(1);
  });

  it('reads heads of divisions as headings, lists as list items with their nesting, quotations as block quotes', () => {
    const imported = importTei(raw);
    const headings = imported.blocks.filter((b) => b.type === 'heading');
    expect(headings).toHaveLength(count(outsideTables, /<div\b[^>]*>\s*<head\b/g));
    expect(headings.every((h) => h.level! >= 2 && h.level! <= 6)).toBe(true);
    expect(headings.find((h) => h.text === "Extended prose: MARLEY'S GHOST")).toMatchObject({ level: 2, anchor: 'S1' });
    const items = imported.blocks.filter((b) => b.type === 'list_item');
    expect(items.filter((b) => b.level === 3).map((b) => b.text)).toEqual(['one-hay', 'one-bee']);
    expect(imported.blocks.find((b) => b.anchor === 'thisParagraph')).toMatchObject({ type: 'blockquote' });
  });

  it('makes http(s) refs links over their text, and chooses corr over sic', () => {
    const imported = importTei(raw);
    const link = imported.links!.find((l) => l.href === 'http://www.bbc.co.uk')!;
    expect(imported.blocks[link.block]!.text.slice(link.start, link.end)).toBe('external link');
    expect(imported.links!.every((l) => /^https?:/.test(l.href))).toBe(true);
    expect(imported.meta).toEqual({ title: 'A Christmas Carol' });
  });
});

describe('TEI from strings', () => {
  const doc = (body: string, back = '') =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="${TEI}" xml:lang="en"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></teiHeader><text><body>${body}</body>${back}</text></TEI>`;

  it('cites a listBibl entry from ref @target, with CSL from its fields', () => {
    const imported = importTei(
      doc(
        '<div xml:id="d1"><head>Origins</head><p xml:id="p1">The bureau was founded in 1920 <ref target="#smith">(Smith 1990)</ref>.</p></div>',
        '<back><div><head>Works cited</head><listBibl><biblStruct xml:id="smith"><analytic><author><surname>Smith</surname><forename>Jane</forename></author><title level="a">The bureau</title></analytic><monogr><title level="j">Slavic Review</title><imprint><biblScope unit="volume">12</biblScope><biblScope unit="page">3–9</biblScope><date when="1990"/></imprint></monogr><idno type="DOI">10.1000/xyz</idno></biblStruct></listBibl></div></back>',
      ),
    );
    expect(imported.blocks).toEqual([
      { type: 'heading', text: 'Origins', level: 2, anchor: 'd1' },
      { type: 'paragraph', text: 'The bureau was founded in 1920 (Smith 1990)[1].', anchor: 'p1' },
    ]);
    expect(imported.citations).toEqual([{ label: '1', block: 1, offset: 43 }]);
    expect(imported.references[0]).toMatchObject({
      label: '1',
      anchor: 'smith',
      csl: { type: 'article-journal', title: 'The bureau', 'container-title': 'Slavic Review', author: [{ family: 'Smith', given: 'Jane' }], volume: '12', page: '3–9', issued: { 'date-parts': [[1990]] }, DOI: '10.1000/xyz' },
    });
    expect(imported.referencesHeading).toBe('Works cited');
    expect(imported.claims[0]!.sources).toEqual(['1']);
  });

  it('numbers notes in document order before entries without @n, and reads lg, quote and nested lists', () => {
    const imported = importTei(
      doc(
        '<p>One.<note place="foot">First note.</note> Two <ptr target="#b"/>.</p><lg><l>Line one,</l><l>line two.</l></lg><quote>Quoted words.</quote><list type="ordered"><item>A<list><item>A.1</item></list></item></list><p>Three.<note>Second note.</note></p><listBibl><bibl xml:id="b">Doe, John (2001). A book. London: Press.</bibl></listBibl>',
      ),
    );
    expect(imported.references.map((r) => [r.label, r.text])).toEqual([
      ['1', 'First note.'],
      ['2', 'Second note.'],
      ['3', 'Doe, John (2001). A book. London: Press.'],
    ]);
    expect(imported.blocks.map((b) => [b.type, b.text, b.level, b.ordered])).toEqual([
      ['paragraph', 'One.[1] Two [3].', undefined, undefined],
      ['paragraph', 'Line one, line two.', undefined, undefined],
      ['blockquote', 'Quoted words.', undefined, undefined],
      ['list_item', 'A', 1, true],
      ['list_item', 'A.1', 2, false],
      ['paragraph', 'Three.[2]', undefined, undefined],
    ]);
    expect(imported.problems).toEqual([]);
  });

  it('refuses XML that is not well-formed, saying what and where', () => {
    const err = refusal(() => importTei(`<TEI xmlns="${TEI}">\n<text><body>\n<p>Unclosed</body></text></TEI>`));
    expect(err.code).toBe('malformed');
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/^The XML is not well-formed: unexpected close tag\. \(line 3, column \d+\)$/);
  });

  it('refuses a TEI root in another namespace, or none, naming the root and the namespace', () => {
    const other = refusal(() => importTei('<TEI xmlns="http://example.org/not-tei"><text><body><p>x</p></body></text></TEI>'));
    expect(other.code).toBe('unsupported');
    expect(other.message).toBe(`The root element <TEI> is in the namespace http://example.org/not-tei, not the TEI P5 namespace ${TEI} (line 1, column 1)`);
    const none = refusal(() => importTei('<?xml version="1.0"?>\n<TEI><text><body><p>x</p></body></text></TEI>'));
    expect(none.code).toBe('unsupported');
    expect(none.message).toBe(`The root element <TEI> is in no namespace, not the TEI P5 namespace ${TEI} (line 2, column 1)`);
    const corpus = refusal(() => importTei(`<teiCorpus xmlns="${TEI}"><TEI><text><body><p>x</p></body></text></TEI></teiCorpus>`));
    expect(corpus.message).toBe('This is a TEI corpus (<teiCorpus>), which holds several documents: import one <TEI> document at a time (line 1, column 1)');
    const html = refusal(() => importTei('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'));
    expect(html.message).toMatch(/^The root element is <html> in the namespace http:\/\/www\.w3\.org\/1999\/xhtml; a TEI P5 document has the root <TEI>/);
  });

  it('refuses bytes that are not UTF-8, an encoding it does not read, and empty input', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode(`<TEI xmlns="${TEI}"><text><body>\n<p>caf`), 0xe9, ...new TextEncoder().encode('</p></body></text></TEI>')]);
    const enc = refusal(() => importTei(latin1));
    expect(enc.code).toBe('encoding');
    expect(enc.message).toMatch(/^The file is not valid UTF-8: byte 0xE9 after "<p>caf" is not part of a UTF-8 character\..* \(line 2, column 7\)$/);
    const declared = refusal(() => importTei(`<?xml version="1.0" encoding="ISO-8859-1"?><TEI xmlns="${TEI}"/>`));
    expect(declared.code).toBe('encoding');
    expect(declared.message).toMatch(/names the encoding "ISO-8859-1"; only UTF-8 is read/);
    expect(refusal(() => importTei(new Uint8Array())).message).toBe('The file is empty (line 1, column 1)');
    expect(refusal(() => importTei('  \n ')).code).toBe('empty');
  });

  it('refuses a TEI document without a body, or whose body has no text', () => {
    const noText = refusal(() => importTei(`<TEI xmlns="${TEI}"><teiHeader/></TEI>`));
    expect([noText.code, noText.message]).toEqual(['no-body', 'The TEI document has no <text> (line 1, column 1)']);
    const empty = refusal(() => importTei(doc('<div><head>Only a head</head></div>')));
    expect(empty.code).toBe('no-body');
  });

  it('returns nothing apart when there are no back-matter annotation notes', () => {
    expect(importTeiDocument(doc('<p>Plain.</p>')).notes).toEqual([]);
  });
});
