// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import '../../../src/panels/ap-import-report.ts';
import { omittedInWords, reportSentences } from '../../../src/panels/import-report-words.ts';
import { $, mount, shadow, textOf, unmountAll } from './panel-fixtures.ts';

afterEach(unmountAll);

describe('the import report', () => {
  test('what was left out, counted in words, kinds with no count left out', () => {
    expect(omittedInWords({ table: 2, infobox: 1, navbox: 0, hatnote: 1 })).toBe('2 tables, 1 infobox, 1 hatnote');
    expect(omittedInWords({ 'edit-link': 14, maintenance: 2, widget: 3 })).toBe('14 edit links, 2 maintenance boxes, 3 widgets');
    expect(omittedInWords({})).toBe('');
  });

  test('is shown with the text: "2 tables, 1 infobox not shown", its notes, and flags on no claim', async () => {
    const el = await mount('ap-import-report', {
      report: { format: 'wikipedia-parsoid', omitted: { table: 2, infobox: 1 }, notes: ['3 explanatory notes kept apart from references'] },
      unplaced: [{ kind: 'citation-needed', block: 4, offset: 3, text: '[citation needed]' }],
    });
    const box = $(el, '[role="note"]');
    expect(box.getAttribute('aria-label')).toBe('Import report');
    // The first sentence in view, the others one click away (a disclosure).
    expect(textOf(box.querySelector('summary')!)).toBe('Imported from Wikipedia article (Parsoid HTML): 2 tables, 1 infobox not shown. (2 more)');
    expect([...box.querySelectorAll('li')].map((li) => textOf(li))).toEqual([
      '3 explanatory notes kept apart from references',
      'The source flags a passage outside any claim (citation needed) in block 5.',
    ]);
  });

  test('one sentence reads on one line; a report that says nothing, or none, shows nothing', async () => {
    const one = await mount('ap-import-report', { report: { format: 'markdown', omitted: { table: 1 }, notes: [] } });
    expect(textOf($(one, 'p'))).toBe('Imported from Markdown: 1 table not shown.');
    const empty = await mount('ap-import-report', { report: { format: 'markdown', omitted: { table: 0 }, notes: [] } });
    expect(shadow(empty).querySelector('[role="note"]')).toBeNull();
    const none = await mount('ap-import-report', { report: null });
    expect(shadow(none).querySelector('[role="note"]')).toBeNull();
    expect(reportSentences({ format: 'x', omitted: {}, notes: [] })).toEqual([]);
  });
});
