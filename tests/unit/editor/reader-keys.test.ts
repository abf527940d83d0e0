/**
 * The one key table: its help (legend and README) is made from the same entries that bind the keys.
 */
import { readFileSync } from 'node:fs';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { markerAtCaret } from '../../../src/editor/footnote-at-caret.ts';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { describe, expect, test } from 'vitest';
import { keyHelp, keyHelpSentence, keyLabel, keyMatches, READER_KEYS, readerKeymap, readerRequestOf } from '../../../src/editor/reader-keys.ts';
import { putNotes } from '../../../src/editor/annotation-commands.ts';
import { annotationsOf, annotationsPlugin } from '../../../src/editor/annotation-plugin.ts';
import { schema } from '../../../src/model/schema.ts';

const key = (init: Partial<KeyboardEvent>) => ({ key: '', code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...init }) as KeyboardEvent;

describe('the key table', () => {
  test('labels keys as people write them', () => {
    expect(keyLabel('Mod-Alt-m')).toBe('Ctrl+Alt+M');
    expect(keyLabel('Alt-ArrowDown')).toBe('Alt+↓');
    expect(keyLabel('Mod-Shift-z')).toBe('Ctrl+Shift+Z');
    expect(keyLabel(']')).toBe(']');
    expect(keyLabel('Mod--')).toBe('Ctrl+-');
  });

  test('the help lists every binding once, without its hidden aliases', () => {
    const help = keyHelp();
    expect(help).toHaveLength(READER_KEYS.length);
    expect(help.find((h) => h.does.startsWith('redo'))!.keys).toEqual(['Ctrl+Shift+Z']);
  });

  test("README's Keys item is the table's help", () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const item = /- \*\*Keys\.\*\* ([\s\S]*?)(?=\n- \*\*)/.exec(readme)![1]!.replace(/\s+/g, ' ');
    expect(item.startsWith(keyHelpSentence())).toBe(true);
    for (const k of READER_KEYS) for (const hidden of k.hidden ?? []) expect(item).toContain(`\`${keyLabel(hidden)}\``);
  });

  test('editor commands are bound in the keymap, with their hidden aliases', () => {
    const plugin = readerKeymap();
    let state = EditorState.create({ schema, plugins: [annotationsPlugin(), plugin] });
    const note = { annotation: { id: 'urn:x:1' } as Annotation, range: null, status: 'reply' as const, score: 1 };
    putNotes([note])(state, (tr) => (state = state.apply(tr)));
    const press = (init: Partial<KeyboardEvent>) => {
      const view = { state, dispatch: (tr: Transaction) => (state = state.apply(tr)) } as never;
      return plugin.props.handleKeyDown!.call(plugin, view, key(init));
    };
    expect(press({ key: 'z', ctrlKey: true })).toBe(true);
    expect(annotationsOf(state).byId.size).toBe(0);
    expect(press({ key: 'y', ctrlKey: true })).toBe(true);
    expect(annotationsOf(state).byId.size).toBe(1);
    expect(press({ key: 'q', ctrlKey: true })).toBe(false);
  });

  test('the container request matches Ctrl or Cmd + Alt + M, also where Alt+M types another character', () => {
    expect(readerRequestOf(key({ key: 'm', ctrlKey: true, altKey: true }))).toBe('annotate');
    expect(readerRequestOf(key({ key: 'M', ctrlKey: true, altKey: true, shiftKey: true }))).toBe('annotate');
    expect(readerRequestOf(key({ key: 'µ', code: 'KeyM', metaKey: true, altKey: true }))).toBe('annotate');
    expect(readerRequestOf(key({ key: 'm', ctrlKey: true }))).toBe(null);
    expect(readerRequestOf(key({ key: 'm', altKey: true }))).toBe(null);
    expect(keyMatches('Alt-ArrowDown', key({ key: 'ArrowDown', altKey: true }))).toBe(true);
    expect(keyMatches('Alt-ArrowDown', key({ key: 'ArrowDown', altKey: true, shiftKey: true }))).toBe(false);
  });

  test('`?` lists the keys whatever Shift says (layouts differ), but not with Ctrl or Alt; Enter asks for the footnote', () => {
    expect(readerRequestOf(key({ key: '?', shiftKey: true }))).toBe('keys');
    expect(readerRequestOf(key({ key: '?' }))).toBe('keys');
    expect(readerRequestOf(key({ key: '?', ctrlKey: true }))).toBe(null);
    expect(readerRequestOf(key({ key: '/', shiftKey: false }))).toBe(null);
    expect(readerRequestOf(key({ key: 'Enter' }))).toBe('footnote');
    expect(readerRequestOf(key({ key: 'Enter', shiftKey: true }))).toBe(null);
    // A named key still needs its modifiers exact.
    expect(keyMatches('Enter', key({ key: 'Enter', ctrlKey: true }))).toBe(false);
  });
});

describe('the marker at the caret', () => {
  const doc = schema.node('doc', null, [
    schema.node('paragraph', null, [schema.text('Claim.'), schema.node('marker', { label: '2' }), schema.text(' Next.')]),
  ]);
  const at = (pos: number) => markerAtCaret(EditorState.create({ doc, selection: TextSelection.create(doc, pos) }));

  test('is the marker just before the caret, else the one just after it, else none', () => {
    // "Claim." is positions 1–7; the marker 7–8.
    expect(at(8)).toEqual({ label: '2', pos: 7 });
    expect(at(7)).toEqual({ label: '2', pos: 7 });
    expect(at(3)).toBe(null);
    expect(at(10)).toBe(null);
  });
});
