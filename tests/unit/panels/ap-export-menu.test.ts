// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import type { ApExportMenu } from '../../../src/panels/ap-export-menu.ts';
import '../../../src/panels/ap-export-menu.ts';
import { ExportRequestEvent, ImportRequestEvent } from '../../../src/panels/events.ts';
import { $, $$, listen, mount, settle, shadow, textOf, unmountAll } from './panel-fixtures.ts';

afterEach(unmountAll);

const formats = [
  { name: 'jsonld', label: 'W3C Web Annotation', extension: 'jsonld' },
  { name: 'tei', label: 'TEI', extension: 'xml' },
  { name: 'markdown', label: 'Markdown', extension: 'md' },
];

const exportButton = (menu: Element) => $(menu, '#export-button');
const focused = (menu: Element) => shadow(menu).activeElement as HTMLElement | null;
const items = (menu: Element) => $$(menu, '[role=menuitem]');

async function key(menu: ApExportMenu, target: HTMLElement, k: string): Promise<KeyboardEvent> {
  const event = new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  await settle(menu);
  return event;
}

describe('<ap-export-menu>', () => {
  test('the Export button is a closed menu button until clicked; then every format is a menu item', async () => {
    const menu = await mount('ap-export-menu', { formats });
    const button = exportButton(menu);
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect($$(menu, '[role=menu]')).toHaveLength(0);
    button.click();
    await settle(menu);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const list = $(menu, '[role=menu]');
    expect(list.id).toBe(button.getAttribute('aria-controls'));
    expect(list.getAttribute('aria-label')).toBe('Export formats');
    expect(items(menu).map((i) => [i.dataset['format'], textOf(i)])).toEqual([
      ['jsonld', 'W3C Web Annotation.jsonld'],
      ['tei', 'TEI.xml'],
      ['markdown', 'Markdown.md'],
    ]);
    expect(focused(menu)).toBe(items(menu)[0]);
    button.click();
    await settle(menu);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  test('choosing a format sends ap-export with its name, closes the menu and returns focus to the button', async () => {
    const menu = await mount('ap-export-menu', { formats });
    const seen = listen<ExportRequestEvent>(ExportRequestEvent.type);
    exportButton(menu).click();
    await settle(menu);
    items(menu)[1]!.click();
    await settle(menu);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(ExportRequestEvent);
    expect(seen[0]!.detail).toEqual({ format: 'tei' });
    expect(seen[0]!.bubbles && seen[0]!.composed).toBe(true);
    expect($$(menu, '[role=menu]')).toHaveLength(0);
    expect(focused(menu)).toBe(exportButton(menu));
  });

  test('keyboard: ↓ on the button opens at the first item, ↑ at the last; ↓/↑ move and wrap; Home/End jump', async () => {
    const menu = await mount('ap-export-menu', { formats });
    const down = await key(menu, exportButton(menu), 'ArrowDown');
    expect(down.defaultPrevented).toBe(true);
    expect(focused(menu)).toBe(items(menu)[0]);
    await key(menu, items(menu)[0]!, 'ArrowDown');
    expect(focused(menu)).toBe(items(menu)[1]);
    await key(menu, items(menu)[1]!, 'ArrowDown');
    await key(menu, items(menu)[2]!, 'ArrowDown');
    expect(focused(menu)).toBe(items(menu)[0]);
    await key(menu, items(menu)[0]!, 'ArrowUp');
    expect(focused(menu)).toBe(items(menu)[2]);
    await key(menu, items(menu)[2]!, 'Home');
    expect(focused(menu)).toBe(items(menu)[0]);
    await key(menu, items(menu)[0]!, 'End');
    expect(focused(menu)).toBe(items(menu)[2]);

    await key(menu, items(menu)[2]!, 'Escape');
    expect($$(menu, '[role=menu]')).toHaveLength(0);
    await key(menu, exportButton(menu), 'ArrowUp');
    expect(focused(menu)).toBe(items(menu)[2]);
  });

  test('Escape closes the menu and returns focus; Tab closes it and lets focus move on', async () => {
    const menu = await mount('ap-export-menu', { formats });
    exportButton(menu).click();
    await settle(menu);
    const escape = await key(menu, items(menu)[0]!, 'Escape');
    expect(escape.defaultPrevented).toBe(true);
    expect($$(menu, '[role=menu]')).toHaveLength(0);
    expect(exportButton(menu).getAttribute('aria-expanded')).toBe('false');
    expect(focused(menu)).toBe(exportButton(menu));

    exportButton(menu).click();
    await settle(menu);
    const tab = await key(menu, items(menu)[0]!, 'Tab');
    expect(tab.defaultPrevented).toBe(false);
    expect($$(menu, '[role=menu]')).toHaveLength(0);
  });

  test('"Import notes…" opens a file chooser for JSON; the chosen file is sent as ap-import and the chooser reset', async () => {
    const menu = await mount('ap-export-menu', { formats });
    const input = $(menu, 'input[type=file]') as HTMLInputElement;
    expect(input.getAttribute('aria-label')).toBe('Annotation file to import');
    expect(input.accept.split(',')).toContain('.jsonld');
    let opened = 0;
    input.addEventListener('click', () => opened++);
    $$(menu, 'button').find((b) => textOf(b) === 'Import notes…')!.click();
    expect(opened).toBe(1);

    const seen = listen<ImportRequestEvent>(ImportRequestEvent.type);
    const file = new File(['{}'], 'notes.jsonld', { type: 'application/ld+json' });
    Object.defineProperty(input, 'files', { configurable: true, value: [file] });
    // A browser shows the chosen file's name as the value; the menu must clear it so that choosing the same file
    // again (after fixing it) is a change again.
    let value = 'C:\\fakepath\\notes.jsonld';
    Object.defineProperty(input, 'value', { configurable: true, get: () => value, set: (v: string) => (value = v) });
    input.dispatchEvent(new Event('change'));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(ImportRequestEvent);
    expect(seen[0]!.detail.file).toBe(file);
    expect(seen[0]!.bubbles && seen[0]!.composed).toBe(true);
    expect(input.value).toBe('');

    // Nothing chosen (the dialog was cancelled): no event.
    Object.defineProperty(input, 'files', { configurable: true, value: [] });
    input.dispatchEvent(new Event('change'));
    expect(seen).toHaveLength(1);
  });
});
