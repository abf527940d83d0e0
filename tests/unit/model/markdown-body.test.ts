/**
 * Markdown note bodies (model/markdown-body.ts): what a note may use is read into a tree; raw HTML stays text;
 * only http, https and mailto addresses become links — for every payload of the XSS suite, as note text and as a
 * link's address.
 */
import { describe, expect, test } from 'vitest';
import { isNoteLinkUrl } from '../../../src/model/http-url.ts';
import { inlineText, parseMarkdownBody, type MdBlock, type MdInline } from '../../../src/model/markdown-body.ts';
import { MARKUP_PAYLOADS, URL_PAYLOADS, XSS_PAYLOADS } from '../../fixtures/reliability/xss-payloads.ts';

/** Every link address in a tree. */
function hrefs(blocks: readonly MdBlock[]): string[] {
  const out: string[] = [];
  const inl = (nodes: readonly MdInline[]) => {
    for (const n of nodes) {
      if (n.kind === 'link') out.push(n.href);
      if ('children' in n) inl(n.children);
    }
  };
  const blk = (bs: readonly MdBlock[]) => {
    for (const b of bs) {
      if (b.kind === 'paragraph') inl(b.children);
      else if (b.kind === 'list') b.items.forEach(blk);
      else if (b.kind === 'quote') blk(b.children);
    }
  };
  blk(blocks);
  return out;
}

/** Every text of a tree, joined (what a reader would see). */
function words(blocks: readonly MdBlock[]): string {
  return blocks
    .map((b) => (b.kind === 'paragraph' ? inlineText(b.children) : b.kind === 'list' ? b.items.map(words).join('\n') : b.kind === 'quote' ? words(b.children) : b.kind === 'code' ? b.text : ''))
    .join('\n');
}

describe('parseMarkdownBody', () => {
  test('emphasis, strong, links, bullet and numbered lists (nested), quotations, code', () => {
    const tree = parseMarkdownBody('The *date* is **wrong**; see [Saparov](https://example.org/saparov).\n\n- one\n- two\n  1. nested\n\n3. third\n4. fourth\n\n> quoted\n\n`code` and a break  \nhere');
    expect(tree[0]).toEqual({
      kind: 'paragraph',
      children: [
        { kind: 'text', text: 'The ' }, { kind: 'em', children: [{ kind: 'text', text: 'date' }] }, { kind: 'text', text: ' is ' },
        { kind: 'strong', children: [{ kind: 'text', text: 'wrong' }] }, { kind: 'text', text: '; see ' },
        { kind: 'link', href: 'https://example.org/saparov', children: [{ kind: 'text', text: 'Saparov' }] }, { kind: 'text', text: '.' },
      ],
    });
    expect(tree[1]).toMatchObject({ kind: 'list', ordered: false, items: [[{ kind: 'paragraph' }], [{ kind: 'paragraph' }, { kind: 'list', ordered: true, start: 1 }]] });
    expect(tree[2]).toMatchObject({ kind: 'list', ordered: true, start: 3 });
    expect(tree[3]).toEqual({ kind: 'quote', children: [{ kind: 'paragraph', children: [{ kind: 'text', text: 'quoted' }] }] });
    expect(tree[4]).toEqual({ kind: 'paragraph', children: [{ kind: 'code', text: 'code' }, { kind: 'text', text: ' and a break' }, { kind: 'break' }, { kind: 'text', text: 'here' }] });
  });

  test('bare URLs, autolinks and mailto become links; headings, images and raw HTML stay text', () => {
    const tree = parseMarkdownBody('See https://example.org/a and <mailto:editor@example.org>.\n\n# Not a heading <b>bold</b> ![img](https://example.org/i.png)');
    expect(hrefs(tree)).toEqual(['https://example.org/a', 'mailto:editor@example.org', 'https://example.org/i.png']);
    expect(words(tree)).toContain('# Not a heading <b>bold</b> !img');
    expect(tree.every((b) => b.kind === 'paragraph')).toBe(true);
  });

  test('a link to any other scheme is not a link: its Markdown stays as words', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '/relative', '#claim=x']) {
      const tree = parseMarkdownBody(`[click](${bad}) <${bad}>`);
      expect(hrefs(tree), bad).toEqual([]);
      expect(words(tree)).toContain('[click](');
    }
  });

  test('every XSS payload, as a note and as a link address: no link but http, https or mailto; markup kept as text', () => {
    for (const p of XSS_PAYLOADS) {
      const asText = parseMarkdownBody(p.value);
      for (const href of hrefs(asText)) expect(isNoteLinkUrl(href), `#${p.n} ${p.what}: ${href}`).toBe(true);
      const asLink = parseMarkdownBody(`[x](${p.value}) <${p.value}>`);
      for (const href of hrefs(asLink)) {
        expect(isNoteLinkUrl(href), `#${p.n} ${p.what}: ${href}`).toBe(true);
        expect(href, `#${p.n} ${p.what}`).not.toMatch(/["<>\s]/);
      }
    }
    // The markup payloads show as the characters they are made of (nothing is swallowed as a tag).
    for (const p of MARKUP_PAYLOADS.filter((q) => q.value.startsWith('<script'))) expect(words(parseMarkdownBody(p.value))).toContain('<script');
    expect(URL_PAYLOADS.length).toBeGreaterThan(0);
  });

  test('character references stay as typed', () => {
    expect(parseMarkdownBody('&lt;b&gt; &amp; &#65;')).toEqual([{ kind: 'paragraph', children: [{ kind: 'text', text: '&lt;b&gt; &amp; &#65;' }] }]);
  });

  test('an empty note has no blocks', () => {
    expect(parseMarkdownBody('')).toEqual([]);
    expect(parseMarkdownBody('  \n\n ')).toEqual([]);
  });
});

describe('isNoteLinkUrl', () => {
  test('http, https and mailto only', () => {
    expect(['https://a.org/x', 'http://a.org', 'mailto:a@b.org', 'MAILTO:a@b.org'].every(isNoteLinkUrl)).toBe(true);
    expect(['javascript:x', 'mailto:', 'mailto:a b', 'mailto:"x"@y', 'ftp://a.org', 'data:,x', '//a.org', 'mailto://x'].some(isNoteLinkUrl)).toBe(false);
  });
});
