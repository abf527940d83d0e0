// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMSerializer } from 'prosemirror-model';
import { describe, expect, test } from 'vitest';
import { staticPage } from '../../../bench/static-page.ts';
import { buildDoc } from '../../../src/model/build-doc.ts';
import { importText } from '../../../src/model/import-text.ts';
import { schema } from '../../../src/model/schema.ts';
import { largeWorkText } from '../load/large-work-fixture.ts';

// happy-dom replaces the global URL, so the path is built from the module's file path.
const kavbiuro = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../corpus/kavbiuro/text.txt'), 'utf8');

/** The text container of a static page, parsed. */
function textOf(html: string): HTMLElement {
  // Without the stylesheet link (happy-dom does not load stylesheets).
  const doc = new DOMParser().parseFromString(html.replace(/<link [^>]*>/, ''), 'text/html');
  return doc.querySelector('#text > .ap-text') as HTMLElement;
}

describe('the static page of the benchmark', () => {
  test.each([
    ['Kavbiuro', kavbiuro],
    ['a 60 kB work from the corpora (overlapping claims, many markers)', largeWorkText(60_000).text],
  ])('%s: the same markup as ProseMirror’s DOMSerializer makes of the document', (_name, text) => {
    const doc = buildDoc(importText(text));
    const page = staticPage(doc, '/assets/reader.css', 'Test');
    const expected = document.createElement('div');
    expected.append(DOMSerializer.fromSchema(schema).serializeFragment(doc.content));
    expect(textOf(page.html).innerHTML).toBe(expected.innerHTML);
    expect(page.elements['span']).toBe(expected.querySelectorAll('span').length);
    expect(page.elements['p']).toBe(doc.childCount - (doc.lastChild?.type.name === 'references' ? 1 : 0) - expected.querySelectorAll(':scope > blockquote').length);
  });

  test('links the stylesheet it is given and marks itself ready after layout', () => {
    const page = staticPage(buildDoc(importText(kavbiuro)), '/assets/x"y.css', 'A <title>');
    expect(page.html).toContain('<link rel="stylesheet" href="/assets/x&quot;y.css">');
    expect(page.html).toContain('<title>A &lt;title&gt; (static)</title>');
    expect(page.html).toMatch(/getBoundingClientRect\(\);document\.documentElement\.dataset\.apparatusReady="true"/);
  });
});
