import { describe, expect, test } from 'vitest';
import { isHttpUrl } from '../../../src/model/http-url.ts';
import { element, escapeAttribute, escapeText, markup, ncName, safeUri, serializeChildren, voidElement } from '../../../src/export/xml.ts';

describe('escaping', () => {
  test('text: &, <, > escaped; quotes kept', () => {
    expect(escapeText(`a & b < c > d "e" 'f' ]]>`)).toBe(`a &amp; b &lt; c &gt; d "e" 'f' ]]&gt;`);
  });

  test('attributes: quotes, apostrophes and white space that would be normalised are references', () => {
    expect(escapeAttribute(`"><x a='1'>\n\t&`)).toBe('&quot;&gt;&lt;x a=&#39;1&#39;&gt;&#10;&#9;&amp;');
  });

  test('characters XML cannot carry become U+FFFD; surrogate pairs and tabs survive', () => {
    expect(escapeText('a\u0001b\uFFFEc\uD800d😀e\tf')).toBe('a\uFFFDb\uFFFDc\uFFFDd😀e\tf');
  });
});

describe('element builder', () => {
  test('escapes children and attributes, skips empty values, self-closes empty XML elements', () => {
    expect(serializeChildren([element('p', { n: 1, rend: null, ok: true }, ['<b>', element('lb'), markup('<i/>'), null, false, ['x', 'y']])])).toBe(
      '<p n="1" ok="ok">&lt;b&gt;<lb/><i/>xy</p>',
    );
  });

  test('HTML elements are never self-closed; void elements have no end tag', () => {
    expect(element('span', { id: 'a' }, [], false).markup).toBe('<span id="a"></span>');
    expect(voidElement('meta', { charset: 'utf-8' }).markup).toBe('<meta charset="utf-8">');
  });

  test('names that are not plain XML names are a programming error', () => {
    expect(() => element('a b')).toThrow(/element name/);
    expect(() => element('a', { 'x"': '1' })).toThrow(/attribute name/);
  });
});

describe('ids and URIs', () => {
  test('ncName keeps letters, digits, dot, dash, underscore', () => {
    expect(ncName('claim-', 'c1a2-3')).toBe('claim-c1a2-3');
    expect(ncName('n-', 'a b"<c>:d')).toBe('n-a_b__c__d');
  });

  test('safeUri percent-encodes what a URI cannot hold and keeps existing escapes', () => {
    expect(safeUri('https://x.org/a b?q="<é>"&r=%20')).toBe('https://x.org/a%20b?q=%22%3C%C3%A9%3E%22&r=%20');
    expect(safeUri('100%')).toBe('100%25');
  });

  test('only http(s) URLs are links', () => {
    expect(isHttpUrl('https://en.wikipedia.org/wiki/Kavbiuro')).toBe(true);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('data:text/html,x')).toBe(false);
    expect(isHttpUrl('https://x.org/"onmouseover="x')).toBe(false);
  });
});
