import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { EVIDENCE_LABEL } from '../../../src/anchoring/evidence-codes.ts';
import { exportHtml } from '../../../src/export/html.ts';
import { hostileExportInput, PAYLOADS } from '../../fixtures/export/hostile-export-input.ts';
import { kavbiuroExportInput } from '../../fixtures/export/kavbiuro-export-input.ts';

/** Parses HTML without running anything or loading anything (DOMParser). */
function parse(html: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** The text of each body block with the note badges and "no source" flags left out. */
function readingText(d: Document): string[] {
  const article = d.querySelector('article.text')!.cloneNode(true) as Element;
  for (const extra of article.querySelectorAll('sup.note-ref, sup.flag')) extra.remove();
  return [...article.children].map((b) => b.textContent!);
}

/** What in a parsed document could run or load something: the tags, `on…` attributes and script URLs it has. */
function liveParts(d: Document): string[] {
  const found: string[] = [];
  for (const el of d.querySelectorAll('script, img, iframe, svg, object, embed, link, base')) found.push(el.tagName.toLowerCase());
  for (const el of d.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      if (attr.startsWith('on')) found.push(`${el.tagName.toLowerCase()}[${attr}]`);
      if ((attr === 'href' || attr === 'src') && /^\s*(javascript|data|vbscript):/i.test(el.getAttribute(attr)!)) found.push(`${el.tagName.toLowerCase()}[${attr}=script]`);
    }
  }
  return found;
}

const input = kavbiuroExportInput();
const html = exportHtml(input);
const doc = parse(html);

describe('standalone HTML', () => {
  test('a complete document: doctype, lang, charset, title', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(doc.title).toBe('Kavbiuro — annotated edition');
  });

  test('no script and no network request: no element loads anything, the CSS is inline with a print stylesheet', () => {
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed, video, audio, source, base')).toHaveLength(0);
    expect(doc.querySelectorAll('[src], [srcset]')).toHaveLength(0);
    const css = [...doc.querySelectorAll('style')].map((s) => s.textContent).join('\n');
    expect(css).toContain('@media print');
    expect(css).not.toMatch(/@import|url\(/);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) expect(attr.startsWith('on')).toBe(false);
    }
  });

  test('every link is internal and resolves, or goes to an http(s) source; ids are unique', () => {
    const ids = [...doc.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const hrefs = [...doc.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);
    expect(hrefs.length).toBeGreaterThan(20);
    for (const href of hrefs) {
      if (href.startsWith('#')) expect(ids, href).toContain(href.slice(1));
      else expect(href).toMatch(/^https?:\/\//);
    }
  });

  test('claims are marked by support; unsourced ones carry a flag', () => {
    for (const support of ['direct', 'inherited', 'none'] as const) {
      const n = input.text.claims.filter((c) => c.support === support).length;
      expect(doc.querySelectorAll(`article .claim-${support}`), support).toHaveLength(n);
    }
    expect(doc.querySelectorAll('article .flag')).toHaveLength(input.text.claims.filter((c) => c.support === 'none').length);
    const first = input.text.claims[0]!;
    expect(doc.getElementById(`claim-${first.id}`)?.textContent).toBe(first.text);
  });

  test('markers are superscript links to the references, which link back to each citation', () => {
    const cites = [...doc.querySelectorAll('article sup.cite a')];
    expect(cites.map((a) => a.getAttribute('href'))).toEqual(input.text.citations.map((c) => `#ref-${c.label}`));
    const back = [...doc.querySelectorAll('#ref-1 .backlinks a')].map((a) => a.getAttribute('href'));
    expect(back).toEqual(['#cite-1', '#cite-2']);
  });

  test('notes are numbered, linked to and from their passages, with verdict and certainty badges', () => {
    for (const n of [1, 2, 3, 4, 5]) {
      expect(doc.querySelector(`a[href="#note-${n}"]`), `badge ${n}`).not.toBeNull();
      expect(doc.querySelector(`#note-${n} .num a`)?.getAttribute('href')).toBe(`#passage-${n}`);
      expect(doc.getElementById(`passage-${n}`)).not.toBeNull();
    }
    const note3 = doc.getElementById('note-3')!;
    expect(note3.querySelector('.verdict-contested')?.textContent).toBe('contested');
    expect(note3.querySelector('.certainty')?.textContent).toBe('certainty: medium');
    expect(note3.querySelectorAll('.positions li')).toHaveLength(2);
    expect(note3.querySelector('.reply')?.textContent).toContain('Hasanli reaches the same conclusion');
    // The highlighted passage of note 3 is exactly its quote.
    const marked = [...doc.querySelectorAll('mark.noted')].filter((m) => m.getAttribute('title') === 'Note 3').map((m) => m.textContent).join('');
    expect(marked).toBe('Some Armenian historians have attributed this to the intervention of Stalin and Nariman Narimanov');
  });

  test("every note's evidence codes are printed with their meanings, never bare", () => {
    const shown = [...doc.querySelectorAll('p.evidence')].map((p) => p.textContent!);
    const expected = input.annotations.filter((a) => a.evidence?.length).map((a) => `Evidence: ${a.evidence!.map((c) => `${c} (${EVIDENCE_LABEL[c]})`).join(', ')}`);
    expect(expected.length).toBeGreaterThan(0);
    expect([...shown].sort()).toEqual([...expected].sort());
    expect(shown.join(' ')).toContain('V-p (verified through a partisan source)');
  });

  test('orphans and replies to missing notes are listed as unanchored notes', () => {
    const section = doc.querySelector('section.unanchored')!;
    expect(section.querySelector('#note-6')?.textContent).toContain('the Transcaucasian committee of 1919');
    expect(section.querySelector('#note-7')?.textContent).toContain('A reply whose parent was deleted');
  });

  test('the source and licence attribution is at the bottom', () => {
    const footer = doc.querySelector('footer')!;
    expect(footer.querySelector('a[href="https://creativecommons.org/licenses/by-sa/4.0/"]')?.textContent).toBe('CC BY-SA 4.0');
    expect(footer.querySelector('a[href="https://en.wikipedia.org/wiki/Kavbiuro"]')).not.toBeNull();
    expect(footer.textContent).toContain('Exported with Apparatus on 2026-01-15T12:00:00Z');
  });

  test('the text reads as the source (note badges and flags aside)', () => {
    expect(readingText(doc)).toEqual(input.text.blocks.map((b) => b.text));
    expect(doc.querySelectorAll('article.text > blockquote')).toHaveLength(1);
  });
});

describe('HTML escaping', () => {
  const hostile = hostileExportInput();
  const out = exportHtml(hostile);
  const parsed = parse(out);

  test('no payload becomes a live element or attribute', () => {
    expect(liveParts(parsed)).toEqual([]);
    expect(parsed.querySelectorAll('b')).toHaveLength(0);
  });

  test('the check can fail: the same payloads printed raw are found', () => {
    const raw = parse(`<p>${PAYLOADS.script}${PAYLOADS.img}<a href="javascript:alert(1)">x</a><span title=""${PAYLOADS.attributeBreak.slice(1)}</span></p>`);
    expect(liveParts(raw)).toEqual(expect.arrayContaining(['script', 'img', 'img[onerror]', 'a[href=script]', 'svg[onload]']));
  });

  test('the payloads are shown as text, in the body, the notes, tags, names, positions and title', () => {
    expect(readingText(parsed)).toEqual(hostile.text.blocks.map((b) => b.text));
    const text = parsed.body.textContent!;
    expect(text).toContain(`Body ${PAYLOADS.script} ${PAYLOADS.img}`);
    expect(parsed.querySelector('.tag')?.textContent).toBe(PAYLOADS.attributeBreak);
    expect(text).toContain(`Mallory ${PAYLOADS.script} & "Eve"`);
    expect(text).toContain(`Holder ${PAYLOADS.script}`);
    expect(text).toContain(`Orphan ${PAYLOADS.script}`);
    expect(parsed.title).toBe(`Hostile ${PAYLOADS.script} & "quotes" — annotated edition`);
    expect(parsed.querySelector('[data-annotation]')?.getAttribute('data-annotation')).toBe(hostile.annotations[0]!.id);
  });
});
