/**
 * XSS in real Chromium: 100+ payloads (tests/fixtures/reliability/xss-payloads.ts) in note bodies, tags, ids,
 * creator names, positions (holders, views, citations, URLs), source links, unreadable items, in Markdown note bodies
 * (rendered as Markdown: only http/https/mailto links, raw HTML as text), in notes typed into
 * the form, in a corpus text itself and its work.json, and in the HTML and TEI exports of all that. Every payload
 * would set `window.__xss` (or `parent.__xss`) if it ran; an init script records every such assignment. After
 * rendering and clicking through: no assignment, no dialog, and the DOM (shadow roots included) holds no element
 * with an `on*` attribute, no `javascript:`/`vbscript:`/HTML `data:` URL, no frame, object or embed, and no script
 * that mentions `__xss` — while the payloads are shown to the reader as text.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describe as describeTarget } from '../../src/anchoring/anchor.ts';
import { canonicalText } from '../../src/anchoring/doc-text.ts';
import { buildExportInput } from '../../src/export/build-export-input.ts';
import { exportHtml } from '../../src/export/html.ts';
import { exportTei } from '../../src/export/tei.ts';
import { importText } from '../../src/model/import-text.ts';
import { sha256Hex } from '../../src/model/work.ts';
import { KAVBIURO_BYTES, KAVBIURO_IRI, KAVBIURO_TEXT } from '../fixtures/reliability/bad-annotation-files.ts';
import { MARKUP_PAYLOADS, URL_PAYLOADS, XSS_PAYLOADS, payloadId, type XssPayload } from '../fixtures/reliability/xss-payloads.ts';
import { chromiumAvailable, deepText, launchChromium, openReader, PROJECT_ROOT, startReaderServer, selectText } from './support/browser.ts';

const OUT = join(PROJECT_ROOT, 'test-results', 'xss');
const SERVED = '/test-results/xss';
const P = XSS_PAYLOADS;
const at = (i: number): XssPayload => P[((i % P.length) + P.length) % P.length]!;
/** URL payloads that are IRIs (no whitespace), so the parser lets them through to the panels as link sources. */
const IRI_URLS = URL_PAYLOADS.filter((p) => /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/.test(p.value));

/** Records every assignment to `__xss` in every frame (a payload that ran), and keeps the flag readable. */
const TRAP = `(() => {
  const hits = [];
  Object.defineProperty(window, '__xssHits', { value: hits });
  Object.defineProperty(window, '__xss', { get: () => hits[hits.length - 1], set: (v) => { hits.push(v); try { if (window.parent !== window) window.parent.__xssHits?.push(v); } catch {} }, configurable: false });
})();`;

/** Everything in the page that could run a payload, through shadow roots and same-origin frames. */
function inertProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'background', 'poster', 'srcset', 'ping', 'cite', 'codebase']);
    const dangerous = (v: string) => /^(javascript|vbscript):|^data:(text\/html|image\/svg|application\/(xhtml|x-javascript|javascript)|text\/javascript)/.test(v.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase());
    const visit = (root: Document | ShadowRoot | Element) => {
      const all = root.querySelectorAll('*');
      for (const el of Array.from(all)) {
        const tag = el.localName.toLowerCase();
        for (const a of Array.from(el.attributes)) {
          const name = a.name.toLowerCase();
          if (name.startsWith('on')) problems.push(`<${tag} ${a.name}="${a.value.slice(0, 60)}">`);
          if (URL_ATTRS.has(name) && dangerous(a.value)) problems.push(`<${tag} ${a.name}="${a.value.slice(0, 60)}">`);
          if (name === 'style' && /expression\(|javascript:/i.test(a.value)) problems.push(`<${tag} style="${a.value.slice(0, 60)}">`);
        }
        if (['iframe', 'frame', 'frameset', 'object', 'embed', 'base'].includes(tag)) problems.push(`a <${tag}> element`);
        if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? '')) problems.push('a <meta http-equiv=refresh>');
        if (tag === 'script' && /__xss/.test(`${el.textContent} ${el.getAttribute('src') ?? ''} ${el.getAttribute('href') ?? ''}`)) problems.push(`a <script> with a payload: ${el.outerHTML.slice(0, 80)}`);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return problems;
  });
}

/** Assignments to `__xss` in any frame of the page. */
async function hits(page: Page): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const f of page.frames()) out.push(...(await f.evaluate(() => [...((window as unknown as { __xssHits?: unknown[] }).__xssHits ?? [])]).catch(() => [])));
  return out;
}

/** The payloads that ran, with what they were, for a readable failure. */
const ran = (values: unknown[]) => values.map((v) => `#${String(v)} ${P.find((p) => p.n === v)?.what ?? '?'}`);

async function expectInert(page: Page, dialogs: string[]): Promise<void> {
  // Give error/load/toggle/focus handlers time to fire if anything was ever parsed as markup.
  await page.waitForTimeout(400);
  expect(ran(await hits(page)), 'payloads that ran').toEqual([]);
  expect(dialogs, 'dialogs opened').toEqual([]);
  expect(await inertProblems(page), 'live markup in the DOM').toEqual([]);
}


/** A passage of `text` for note `i`: whole words, spread over the text. */
function passage(text: string, i: number): [number, number] {
  let start = (i * 211) % Math.max(1, text.length - 80);
  while (start > 0 && /\S/.test(text[start - 1]!)) start--;
  let end = start + 12 + (i % 25);
  while (end < text.length && /\S/.test(text[end]!)) end++;
  return [start, Math.min(end, text.length)];
}

/** Notes on `text` carrying every payload in every field, replies with payloads, and unreadable items with payloads. */
function hostileNotes(text: string, source: string): unknown[] {
  const notes: unknown[] = P.map((p, i) => {
    const [start, end] = passage(text, i);
    const link = IRI_URLS[i % IRI_URLS.length]!;
    return {
      id: payloadId(p),
      type: 'Annotation',
      motivation: i % 3 === 0 ? 'assessing' : 'commenting',
      created: '2026-02-01T10:00:00Z',
      creator: { type: 'Person', name: at(i + 1).value },
      body: [
        { type: 'TextualBody', value: p.value, format: i % 2 ? 'text/markdown' : 'text/plain' },
        { type: 'TextualBody', value: at(i + 2).value, purpose: 'tagging' },
        { type: 'SpecificResource', source: link.value, purpose: 'linking', relation: 'disputes', citation: at(i + 3).value },
      ],
      target: describeTarget(text, start, end, source),
      ...(i % 3 === 0 ? { verdict: 'contested', certainty: 'low' } : {}),
      evidence: [at(i + 4).value],
      positions: [{ holder: at(i + 5).value, view: at(i + 6).value, citation: at(i + 7).value, url: URL_PAYLOADS[i % URL_PAYLOADS.length]!.value, perspective: at(i + 8).value }],
    };
  });
  const replies = P.filter((_, i) => i % 5 === 0).map((p, k) => ({
    id: `urn:xss:reply:${k}`,
    type: 'Annotation',
    motivation: 'replying',
    created: '2026-02-02T10:00:00Z',
    creator: { type: 'Person', name: at(p.n + 10).value },
    body: [{ type: 'TextualBody', value: at(p.n + 20).value, purpose: 'replying' }],
    target: payloadId(p),
  }));
  const unreadable = MARKUP_PAYLOADS.slice(0, 8).map((p) => ({ id: `urn:bad:${p.n}:${p.value.replace(/\s+/g, '/')}`, type: 'Annotation', motivation: p.value, target: p.value }));
  return [...notes, ...replies, ...unreadable];
}

const collection = (items: unknown[]) => JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', id: 'urn:xss:collection', label: 'XSS', first: { type: 'AnnotationPage', items } }, null, 1);

/** A corpus text made of payloads (control characters other than tab/LF are not text and would be refused). */
function hostileText(): string {
  const usable = MARKUP_PAYLOADS.map((p) => p.value.replace(/[\u0000-\u0008\u000b-\u001f]/g, '').replace(/\n/g, ' '));
  const paragraphs: string[] = [];
  for (let i = 0; i < usable.length; i += 6) paragraphs.push(`Paragraph ${i / 6 + 1}: ${usable.slice(i, i + 6).join(' and ')}.[${(i / 6) % 3 + 1}]`);
  return `${paragraphs.join('\n\n')}\n\nReferences\n\n1. ${usable[0]} (2001). https://example.org/a\n2. ${usable[9]} ${usable[10]}.\n3. ${usable[20]}.\n`;
}

const WORK_META = (sha256: string, over: Record<string, unknown> = {}) => ({
  id: 'xss-corpus',
  title: `XSS corpus ${P[0]!.value}`,
  language: 'en',
  source: 'https://example.org/xss-corpus',
  iri: 'urn:apparatus:work:xss-corpus',
  licence: { name: `CC0 ${at(3).value}`, url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  attribution: `Written by ${at(5).value}`,
  sha256,
  ...over,
});

describe.skipIf(!chromiumAvailable())('XSS: no payload runs, in the reader or in the exports (Chromium)', () => {
  let server: Awaited<ReturnType<typeof startReaderServer>>;
  let browser: Browser;
  const corpus = { text: '', bytes: new Uint8Array(), sha256: '', canonical: '' };
  const kavbiuroNotes = () => hostileNotes(KAVBIURO_TEXT, KAVBIURO_IRI);
  const corpusNotes = () => hostileNotes(corpus.canonical, 'urn:apparatus:work:xss-corpus').slice(0, 40);

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    corpus.text = hostileText();
    corpus.bytes = new TextEncoder().encode(corpus.text);
    corpus.sha256 = await sha256Hex(corpus.bytes);
    const imported = importText(corpus.bytes);
    corpus.canonical = canonicalText(imported.blocks, imported.references);
    writeFileSync(join(OUT, 'notes.jsonld'), collection(kavbiuroNotes()));
    writeFileSync(join(OUT, 'text.txt'), corpus.bytes);
    writeFileSync(join(OUT, 'work.json'), JSON.stringify(WORK_META(corpus.sha256), null, 2));
    writeFileSync(join(OUT, 'work-bad-urls.json'), JSON.stringify(WORK_META(corpus.sha256, { id: 'xss-corpus-urls', source: `javascript:window.__xss=${P.length + 1}`, licence: { name: 'Licence', url: `javascript:window.__xss=${P.length + 2}` } }), null, 2));
    writeFileSync(join(OUT, 'corpus-notes.jsonld'), collection(corpusNotes()));
    server = await startReaderServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function fresh(): Promise<{ context: BrowserContext; dialogs: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(TRAP);
    const dialogs: string[] = [];
    context.on('page', (p) => p.on('dialog', (d) => void (dialogs.push(`${d.type()}: ${d.message()}`), d.dismiss())));
    return { context, dialogs };
  }

  /** Opens the notes tab, shows every note, and clicks through `n` of them (quote buttons and highlights). */
  async function clickThrough(page: Page, n: number): Promise<void> {
    await page.getByRole('tab', { name: /^Notes/ }).click();
    const more = page.locator('ap-note-list').getByRole('button', { name: /Show more/ });
    while (await more.count()) await more.click();
    const quotes = page.locator('ap-note-list ap-note-card .quote button');
    const total = await quotes.count();
    for (let k = 0; k < Math.min(n, total); k++) await quotes.nth(Math.floor((k * total) / n)).click();
    const highlights = page.locator('.ap-text [data-annotation]');
    const h = await highlights.count();
    for (let k = 0; k < Math.min(n, h); k++) await highlights.nth(Math.floor((k * h) / n)).click({ force: true });
    const stored = page.locator('ap-note-list details summary');
    if (await stored.count()) await stored.first().click();
  }

  test('the detectors work: a payload that is allowed to run is caught by the trap and by the DOM check', async () => {
    const { context, dialogs } = await fresh();
    const page = await context.newPage();
    await page.setContent(`<p>${at(9).value}</p><a href="javascript:void 0">x</a><iframe srcdoc="<script>parent.__xss=${at(51).n}</script>"></iframe>`, { waitUntil: 'load' });
    await page.waitForTimeout(400);
    expect((await hits(page)).sort()).toEqual([at(9).n, at(51).n].sort());
    const problems = await inertProblems(page);
    expect(problems.some((p) => p.includes('onerror'))).toBe(true);
    expect(problems.some((p) => p.includes('javascript:'))).toBe(true);
    expect(problems).toContain('a <iframe> element');
    expect(dialogs).toEqual([]);
    await context.close();
  });

  test('(a) notes with payloads in every field: shown as text, nothing runs', async () => {
    const { context, dialogs } = await fresh();
    const { page, errors } = await openReader(context, `${server.url}?text=/corpus/kavbiuro/text.txt&meta=/corpus/kavbiuro/work.json&annotations=${SERVED}/notes.jsonld`);
    const notes = kavbiuroNotes();
    const readable = notes.length - 8;
    await expect.poll(() => page.getByRole('tab', { name: /^Notes/ }).textContent()).toContain(`(${readable})`);
    await clickThrough(page, 12);
    const list = await deepText(page.locator('ap-note-list'));
    // The payloads are there, as the words the reader wrote (not dropped, not rendered).
    for (const p of [P[0]!, at(9), at(51), at(80)]) expect(list).toContain(p.value.slice(0, 30));
    expect(list).toContain('Could not be read (8)');
    // Every other note's body is Markdown (`text/markdown`): those are rendered as Markdown, and run nothing either.
    await expect.poll(() => page.locator('ap-note-list ap-note-card .text.md').count()).toBeGreaterThan(0);
    await expectInert(page, dialogs);
    // A deep link whose id is a payload focuses it and runs nothing.
    for (const p of [at(0), at(88)]) {
      await page.goto(`${server.url}?text=/corpus/kavbiuro/text.txt&meta=/corpus/kavbiuro/work.json&annotations=${SERVED}/notes.jsonld#annotation=${encodeURIComponent(payloadId(p))}`);
      await page.waitForSelector('html[data-apparatus-ready="true"]');
      await expectInert(page, dialogs);
    }
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });

  test('(b) payloads typed into the note form (text, tags, creator name) stay inert after a reload', async () => {
    const { context, dialogs } = await fresh();
    const { page } = await openReader(context, server.url);
    await page.evaluate((name) => localStorage.setItem('apparatus:creator-name', name), at(13).value);
    await page.reload();
    await page.waitForSelector('html[data-apparatus-ready="true"]');
    const typed = [at(0), at(23), at(52)];
    const passages = ['Grigory Ordzhonikidze', 'Sergey Kirov', 'predominantly Armenian area'];
    for (const [k, p] of typed.entries()) {
      await selectText(page, passages[k]!);
      await page.keyboard.press('Control+Alt+M');
      const form = page.locator('ap-note-form');
      await expect.poll(() => form.count()).toBe(1);
      await form.getByRole('textbox', { name: 'Note', exact: true }).fill(p.value);
      await form.getByRole('textbox', { name: 'Tags' }).fill(`${at(p.n + 1).value}; ${at(p.n + 2).value}`);
      await form.getByRole('button', { name: 'Save note' }).click();
      await expect.poll(() => form.count()).toBe(0);
    }
    await expectInert(page, dialogs);
    await page.evaluate(() => window.apparatus!.flush());
    await page.reload();
    await page.waitForSelector('html[data-apparatus-ready="true"]');
    await clickThrough(page, 6);
    // Notes written in the form are Markdown: rendered as such, the payloads still words.
    await expect.poll(() => page.locator('ap-note-list ap-note-card .text.md').count()).toBeGreaterThanOrEqual(typed.length);
    const list = await deepText(page.locator('ap-note-list'));
    for (const p of typed) expect(list).toContain(p.value.slice(0, 30));
    expect(list).toContain(at(13).value.slice(0, 20));
    await expectInert(page, dialogs);
    await context.close();
  });

  test('(c) a corpus text made of payloads, with notes quoting them, renders inert', async () => {
    const { context, dialogs } = await fresh();
    const { page, errors } = await openReader(context, `${server.url}?text=${SERVED}/text.txt&meta=${SERVED}/work.json&annotations=${SERVED}/corpus-notes.jsonld`);
    const text = await page.locator('.ap-text').innerText();
    expect(text).toContain(MARKUP_PAYLOADS[0]!.value);
    expect(text).toContain(MARKUP_PAYLOADS[40]!.value.replace(/\n/g, ' ').slice(0, 20));
    expect(await page.title()).toContain(P[0]!.value);
    // Claims and references with payloads in the provenance panel.
    for (const k of [0, 7]) await page.locator('.ap-text p').nth(k).click();
    await page.locator('.ap-text sup, .ap-text .ap-marker').first().click({ force: true });
    await clickThrough(page, 8);
    await page.getByRole('tab', { name: /^Claims/ }).click();
    await expectInert(page, dialogs);
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });

  test('(c) work.json URLs (source, licence) that are javascript: never become links', async () => {
    const { context, dialogs } = await fresh();
    const { page } = await openReader(context, `${server.url}?text=${SERVED}/text.txt&meta=${SERVED}/work-bad-urls.json`);
    await expectInert(page, dialogs);
    await context.close();
  });

  async function exportsOf(text: Uint8Array, textName: string, workJson: string, notes: unknown[]): Promise<{ html: string; tei: string }> {
    const built = await buildExportInput({ text, textName, workJson, annotationsJson: collection(notes), exportedAt: '2026-03-01T00:00:00Z' });
    return { html: exportHtml(built.input), tei: exportTei(built.input) };
  }

  test('(d) the HTML and TEI exports of those notes and that text run no script', async () => {
    const kavbiuroWork = readFileSync(join(PROJECT_ROOT, 'corpus', 'kavbiuro', 'work.json'), 'utf8');
    const sets = [
      { name: 'kavbiuro', ...(await exportsOf(KAVBIURO_BYTES, 'corpus/kavbiuro/text.txt', kavbiuroWork, kavbiuroNotes())) },
      { name: 'corpus', ...(await exportsOf(corpus.bytes, 'text.txt', JSON.stringify(WORK_META(corpus.sha256)), corpusNotes())) },
      { name: 'corpus-urls', ...(await exportsOf(corpus.bytes, 'text.txt', JSON.stringify(WORK_META(corpus.sha256, { source: 'javascript:window.__xss=1', licence: { name: 'L', url: 'javascript:window.__xss=2' } })), corpusNotes())) },
    ];
    const { context, dialogs } = await fresh();
    const page = await context.newPage();
    for (const s of sets) {
      // HTML: as a page of its own (a file:// origin and the dev server's origin alike).
      writeFileSync(join(OUT, `${s.name}.export.html`), s.html);
      await page.goto(`${server.url}${SERVED.slice(1)}/${s.name}.export.html`);
      await expectInert(page, dialogs);
      await page.setContent(s.html, { waitUntil: 'load' });
      await expectInert(page, dialogs);
      const shown = await page.locator('body').innerText();
      expect(shown).toContain(MARKUP_PAYLOADS[1]!.value.slice(0, 25));

      // TEI: well-formed XML, no XHTML/SVG/MathML element, no event attribute, no DTD or processing instruction
      // beyond the XML declaration; and opened as a document in Chromium it runs nothing.
      writeFileSync(join(OUT, `${s.name}.export.tei.xml`), s.tei);
      const check = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        const error = doc.querySelector('parsererror')?.textContent ?? null;
        const foreign = Array.from(doc.getElementsByTagName('*')).filter((e) => e.namespaceURI !== 'http://www.tei-c.org/ns/1.0').map((e) => `${e.namespaceURI} ${e.localName}`);
        const events = Array.from(doc.getElementsByTagName('*')).flatMap((e) => Array.from(e.attributes).filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${e.localName}@${a.name}`));
        const walker = doc.createTreeWalker(doc, NodeFilter.SHOW_PROCESSING_INSTRUCTION);
        const pis: string[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) pis.push((n as ProcessingInstruction).target);
        return { error, foreign, events, doctype: doc.doctype?.name ?? null, pis, root: doc.documentElement.localName };
      }, s.tei);
      expect({ ...check, pis: check.pis.filter((t) => t !== 'xml-model') }).toEqual({ error: null, foreign: [], events: [], doctype: null, pis: [], root: 'TEI' });
      expect(s.tei).toContain('&lt;script');
      expect(s.tei).not.toMatch(/<(script|img|svg|iframe|h:script|!DOCTYPE|!ENTITY|\?xml-stylesheet)\b/i);
      await page.goto(`${server.url}${SERVED.slice(1)}/${s.name}.export.tei.xml`);
      await expectInert(page, dialogs);
    }
    await context.close();
  });
});
