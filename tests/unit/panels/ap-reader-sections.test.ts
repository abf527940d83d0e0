// @vitest-environment happy-dom
/**
 * `<ap-reader>` with a sectioned work: the contents tab comes first and is open until the reader chooses another
 * tab; choosing a section puts the caret at its heading; the import report is shown with the text. A work without
 * headings (Kavbiuro) has no contents tab and opens on the notes, as before.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { loadNotes } from '../../../src/editor/annotation-commands.ts';
import { createReaderState } from '../../../src/editor/create-state.ts';
import { mountReaderEditor, type ReaderEditor } from '../../../src/editor/reader-view.ts';
import { SnapshotBuilder } from '../../../src/editor/snapshot.ts';
import { buildDoc } from '../../../src/model/build-doc.ts';
import { importText } from '../../../src/model/import-text.ts';
import type { ImportedText } from '../../../src/model/imported-text.ts';
import type { WorkMeta } from '../../../src/model/work.ts';
import '../../../src/panels/ap-reader.ts';
import { SectionSelectEvent } from '../../../src/panels/events.ts';
import { sectionedText } from '../../support/sectioned-text.ts';
import { settle, textOf } from './panel-fixtures.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const meta = JSON.parse(readFileSync(join(root, 'corpus/kavbiuro/work.json'), 'utf8')) as WorkMeta;

let editor: ReaderEditor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
  document.body.replaceChildren();
});

async function reader(imported: ImportedText) {
  const el = document.createElement('ap-reader');
  const place = document.createElement('div');
  place.slot = 'text';
  el.append(place);
  document.body.append(el);
  editor = mountReaderEditor(place, createReaderState(buildDoc(imported), { snapshots: { target: el, builder: new SnapshotBuilder(meta, imported) } }), 'test');
  editor.run(loadNotes([]));
  el.editor = editor;
  await settle(el);
  return el;
}

const tabs = (el: Element) => [...el.shadowRoot!.querySelectorAll('[role="tab"]')].map((t) => [t.id, t.getAttribute('aria-selected')]);

describe('<ap-reader> with sections', () => {
  test('the contents tab comes first and is open; another tab, once chosen, stays', async () => {
    const el = await reader(sectionedText());
    expect(tabs(el)).toEqual([
      ['tab-contents', 'true'],
      ['tab-notes', 'false'],
      ['tab-claims', 'false'],
      ['tab-timeline', 'false'],
    ]);
    expect((el.shadowRoot!.querySelector('#panel-contents') as HTMLElement).hidden).toBe(false);
    (el.shadowRoot!.querySelector('#tab-claims') as HTMLElement).click();
    await settle(el);
    editor!.run(loadNotes([]));
    await settle(el);
    expect(tabs(el)[2]).toEqual(['tab-claims', 'true']);
  });

  test('choosing a section puts the caret at the start of its heading', async () => {
    const el = await reader(sectionedText());
    const contents = el.shadowRoot!.querySelector('ap-contents')!;
    const members = el.snapshot!.document.sections.find((s) => s.title === 'Members')!;
    contents.dispatchEvent(new SectionSelectEvent(members.from));
    await settle(el);
    const { selection } = editor!.state;
    expect(selection.head).toBe(members.from + 1);
    expect(el.snapshot!.caret.section).toBe(members.index);
    expect(contents.shadowRoot!.querySelector('[aria-current="location"]')?.textContent).toContain('Members');
  });

  test('the import report is shown with the text', async () => {
    const el = await reader(sectionedText());
    const report = el.shadowRoot!.querySelector('ap-import-report')!;
    expect(textOf(report)).toBe('Imported from Wikipedia article (Parsoid HTML): 2 tables, 1 infobox not shown. (1 more) 1 explanatory note kept apart from references');
  });

  test('a text without headings (Kavbiuro) has no contents tab and no report, and opens on the notes', async () => {
    const el = await reader(importText(readFileSync(join(root, 'corpus/kavbiuro/text.txt'), 'utf8')));
    expect(tabs(el)).toEqual([
      ['tab-notes', 'true'],
      ['tab-claims', 'false'],
      ['tab-timeline', 'false'],
    ]);
    expect(el.shadowRoot!.querySelector('ap-contents')).toBeNull();
    expect(el.shadowRoot!.querySelector('ap-import-report')).toBeNull();
  });
});
