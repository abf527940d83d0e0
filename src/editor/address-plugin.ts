/**
 * The address bar follows the claim under the caret (issue 12 §2): after a transaction that moves the selection,
 * the page's fragment becomes `#claim=<id>` of the claim at the selection (`currentClaim`), through
 * `history.replaceState` — the address changes, no history entry is added, and no `hashchange` fires (so the deep
 * link handler does not run again). A link copied from the address bar opens the claim being read.
 *
 * It leaves the address alone while the session is loading, when the selection did not move, and while a note
 * opened by its link (`#annotation=<id>`) is the focused note: its address stays until the reader moves on. Where
 * the caret is in no claim (a heading), a `#claim=` fragment is taken off; any other fragment is kept.
 *
 * A plugin view: the EditorState is the one source of truth, the address bar only shows it.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { currentClaim, deepLinkFragment } from './commands.ts';
import { focusedAnnotation } from './focus-plugin.ts';
import { sessionReady } from './snapshot-plugin.ts';

/** What the plugin needs of the page: its address and its history (`window.location`, `window.history`). */
export interface AddressBar {
  location: { hash: string; pathname: string; search: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string): void };
}

export const addressKey = new PluginKey('apparatus-address');

/** The fragment the address should have for `state`, given the current one; null to leave it as it is. */
export function addressFragment(state: EditorState, hash: string): string | null {
  const note = /^#annotation=(.+)$/.exec(hash);
  if (note && focusedAnnotation(state) === safeDecode(note[1]!)) return null;
  const claim = currentClaim(state);
  if (claim) return deepLinkFragment('claim', claim.id);
  return hash.startsWith('#claim=') ? '' : null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The plugin; `bar` is the page (`window`). */
export function addressPlugin(bar: AddressBar): Plugin {
  return new Plugin({
    key: addressKey,
    view: () => ({
      update: (view, prev) => {
        const state = view.state;
        if (state.selection.eq(prev.selection) || !sessionReady(state)) return;
        const hash = bar.location.hash;
        const next = addressFragment(state, hash);
        if (next === null || next === hash) return;
        bar.history.replaceState(bar.history.state, '', next || `${bar.location.pathname}${bar.location.search}`);
      },
    }),
  });
}
