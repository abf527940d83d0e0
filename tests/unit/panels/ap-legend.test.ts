// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import '../../../src/panels/ap-legend.ts';
import { LEGEND_ENTRIES } from '../../../src/panels/legend-entries.ts';
import { $, $$, mount, textOf, unmountAll } from './panel-fixtures.ts';

afterEach(unmountAll);

describe('<ap-legend>', () => {
  test('the legend is a disclosure, closed by default, with one entry per mark grouped by what it marks', async () => {
    const el = await mount('ap-legend');
    expect($(el, 'details').hasAttribute('open')).toBe(false);
    expect(textOf($(el, 'summary'))).toBe('Legend');
    expect($$(el, 'section').map((s) => s.getAttribute('aria-label'))).toEqual(['Claims', 'Notes', 'Checks', 'The source']);
    const rows = $$(el, 'dl > div');
    expect(rows).toHaveLength(LEGEND_ENTRIES.length);
    expect(rows.map((d) => textOf(d.querySelector('dd')!))).toEqual(LEGEND_ENTRIES.map((e) => e.label));
  });

  test('each sample carries the classes the text uses, so the text\'s own stylesheet draws it', async () => {
    const el = await mount('ap-legend');
    const none = $$(el, 'dl > div').find((d) => textOf(d.querySelector('dd')!) === 'No source cited')!;
    expect(none.querySelector('.sample > span')!.className).toBe('ap-claim ap-claim--none');
    const contested = $$(el, 'dl > div').find((d) => d.getAttribute('data-explains') === 'ap-note--verdict-contested')!;
    expect(contested.querySelector('.sample > span')!.classList.contains('ap-note')).toBe(true);
  });
});
