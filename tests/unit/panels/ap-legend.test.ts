// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import '../../../src/panels/ap-legend.ts';
import { $, $$, mount, textOf, unmountAll } from './panel-fixtures.ts';

afterEach(unmountAll);

describe('<ap-legend>', () => {
  test('the legend pairs each claim style with its support level', async () => {
    const el = await mount('ap-legend');
    expect($(el, 'dl').getAttribute('aria-label')).toBe('Legend');
    expect($$(el, 'dl > div').map((d) => [d.querySelector('.sample')!.className, textOf(d.querySelector('dd')!)])).toEqual([
      ['sample direct', 'Cited'],
      ['sample inherited', 'Covered by a later citation'],
      ['sample none', 'No source'],
    ]);
  });

  test('the keyboard help lists each binding with its keys as <kbd>, alternatives joined by "or"', async () => {
    const el = await mount('ap-legend', {
      keys: [
        { keys: ['Ctrl+Alt+N'], does: 'annotate the selection' },
        { keys: ['Ctrl+Z', 'Cmd+Z'], does: 'undo' },
      ],
    });
    expect($(el, 'ul.keys').getAttribute('aria-label')).toBe('Keyboard');
    const items = $$(el, 'ul.keys li');
    expect(items.map(textOf)).toEqual(['Ctrl+Alt+N annotate the selection', 'Ctrl+Z or Cmd+Z undo']);
    expect([...items[1]!.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['Ctrl+Z', 'Cmd+Z']);
  });

  test('no bindings given: an empty help list', async () => {
    const el = await mount('ap-legend');
    expect($$(el, 'ul.keys li')).toHaveLength(0);
  });
});
