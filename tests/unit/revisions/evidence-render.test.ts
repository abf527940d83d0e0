/**
 * The evidence report's renderers keep text from the sources as text: markup in a claim is escaped in HTML and
 * Markdown, and only an http(s) URL becomes a link (model/http-url.ts).
 */
import { describe, expect, test } from 'vitest';
import { importText } from '../../../src/model/import-text.ts';
import { diffEvidence } from '../../../src/revisions/evidence-diff.ts';
import { evidenceHtml } from '../../../src/revisions/evidence-html.ts';
import { evidenceMarkdown } from '../../../src/revisions/evidence-markdown.ts';

const before = importText('The castle fell in 1402.[1] It was rebuilt by the masons of the duke over the following decade of peace.\n\n1. Smith, John (2001). A Book. Oxford. https://example.org/book\n');
const after = importText('The castle fell in 1402.[1] It was rebuilt by the masons <img src=x onerror=alert(1)> *soon* of the duke over the following decade of peace.\n\n1. Smith, John (2001). A Book. Oxford.\n');

describe('renderers', () => {
  const report = diffEvidence(before, after, { oldName: '<old>', newName: 'new & improved' });
  const removedUrl = report.changes.find((c) => c.kind === 'reference-changed');

  test('the diff found the reworded claim and the removed URL', () => {
    expect(report.counts['claim-reworded']).toBe(1);
    expect(removedUrl && removedUrl.kind === 'reference-changed' && removedUrl.fields.find((f) => f.field === 'URL')).toEqual({ field: 'URL', before: 'https://example.org/book', after: null });
  });

  test('HTML: markup in a claim and in a name is text; the http URL is a link, a javascript: URL is not', () => {
    if (removedUrl?.kind === 'reference-changed') removedUrl.fields.push({ field: 'note', before: 'javascript:alert(1)', after: null });
    const html = evidenceHtml(report);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('From &lt;old&gt; to new &amp; improved.');
    expect(html).toContain('<a href="https://example.org/book">https://example.org/book</a>');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<del>javascript:alert(1)</del>');
  });

  test('Markdown: markup and emphasis in a claim are escaped', () => {
    const md = evidenceMarkdown(report);
    expect(md).toContain('\\<img src=x onerror=alert(1)\\> \\*soon\\*');
    expect(md).toContain('From \\<old\\> to new \\& improved.');
    expect(md).toContain('URL: <https://example.org/book> → (none)');
  });
});
