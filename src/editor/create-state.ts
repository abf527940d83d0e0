/**
 * The reader's EditorState, composed in one place (like prosemirror-example-setup): the document, the read-only
 * guard, the focus plugin, and the navigation keys.
 *
 * Keys (documented in the page and README): `]` or Alt+↓ next claim; `[` or Alt+↑ previous claim. Arrow keys,
 * Home/End, Shift+arrows and Ctrl/Cmd+A move and extend the selection as in any text.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { keymap } from 'prosemirror-keymap';
import { EditorState, type Plugin } from 'prosemirror-state';
import { nextClaim, previousClaim } from './commands.ts';
import { focusPlugin } from './focus-plugin.ts';
import { readOnlyText } from './read-only.ts';

/** The navigation keys, for the page's help and the README. */
export const NAVIGATION_KEYS: readonly { keys: string[]; does: string }[] = [
  { keys: [']', 'Alt+↓'], does: 'next claim' },
  { keys: ['[', 'Alt+↑'], does: 'previous claim' },
];

/**
 * A reader state for `doc`. `plugins` come after the built-in ones (e.g. annotations). With `loading`, `doc` is
 * the first slice of the work and the rest may be appended with `appendBlocks` until `finishLoading` (read-only.ts).
 */
export function createReaderState(doc: PMNode, plugins: readonly Plugin[] = [], options: { loading?: boolean } = {}): EditorState {
  return EditorState.create({
    doc,
    plugins: [
      readOnlyText({ loading: options.loading ?? false }),
      focusPlugin(),
      keymap({ ']': nextClaim, '[': previousClaim, 'Alt-ArrowDown': nextClaim, 'Alt-ArrowUp': previousClaim }),
      ...plugins,
    ],
  });
}
