/**
 * Reader commands, `(state, dispatch?) => boolean` as in prosemirror-commands: without `dispatch` they only say
 * whether they apply. None changes the text; they move the selection and the focus.
 */
import { TextSelection, type Command } from 'prosemirror-state';
import { focusNote } from './annotation-commands.ts';
import { ClaimIndex, type ClaimRange } from './claim-index.ts';
import { focusKey, type FocusAction } from './focus-plugin.ts';

function selectRange(range: ClaimRange): Command {
  return (state, dispatch) => {
    if (dispatch) {
      dispatch(state.tr.setSelection(TextSelection.create(state.doc, range.from, range.to)).scrollIntoView());
    }
    return true;
  };
}

/** The claim the selection is in: its start for a range selection, the caret otherwise. */
export function currentClaim(state: import('prosemirror-state').EditorState): ClaimRange | null {
  const { selection } = state;
  const index = ClaimIndex.of(state.doc);
  return selection.empty ? index.at(selection.head) : index.at(selection.from);
}

/** Selects the next claim after the one at the selection (or after the caret). False at the last claim. */
export const nextClaim: Command = (state, dispatch) => {
  const index = ClaimIndex.of(state.doc);
  const here = currentClaim(state);
  const next = here ? index.after(here.from) : index.after(state.selection.head);
  return next ? selectRange(next)(state, dispatch) : false;
};

/** Selects the claim before the one at the selection. False at the first claim. */
export const previousClaim: Command = (state, dispatch) => {
  const index = ClaimIndex.of(state.doc);
  const here = currentClaim(state);
  const prev = index.before(here ? here.from : state.selection.head + 1);
  return prev ? selectRange(prev)(state, dispatch) : false;
};

/** Selects claim `id` and scrolls to it. False when the document has no such claim. */
export function selectClaim(id: string): Command {
  return (state, dispatch) => {
    const range = ClaimIndex.of(state.doc).get(id);
    return range ? selectRange(range)(state, dispatch) : false;
  };
}

/**
 * Puts the caret at the start of the section whose first block stands at position `from` (a heading, or the first
 * block for the introduction: `Section.from`, sections.ts) and scrolls to it. False when no textblock starts there.
 */
export function selectSection(from: number): Command {
  return (state, dispatch) => {
    if (from < 0 || from >= state.doc.content.size) return false;
    const node = state.doc.nodeAt(from);
    if (!node || !node.isTextblock || state.doc.resolve(from).depth !== 0) return false;
    if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, from + 1)).scrollIntoView());
    return true;
  };
}

/** Shows reference `label` in the provenance panel (null clears). False when the document has no such entry. */
export function focusReference(label: string | null): Command {
  return (state, dispatch) => {
    if (label !== null) {
      let found = false;
      state.doc.lastChild?.forEach((entry) => {
        if (entry.attrs['label'] === label) found = true;
      });
      if (!found) return false;
    }
    if (dispatch) dispatch(state.tr.setMeta(focusKey, { type: 'focus-reference', label } satisfies FocusAction));
    return true;
  };
}

/**
 * The command a deep link asks for (`#claim=<id>` selects a claim, `#annotation=<id>` focuses a note), or null for
 * any other fragment.
 */
export function deepLinkCommand(hash: string): Command | null {
  const claim = /^#claim=(.+)$/.exec(hash);
  if (claim) return selectClaim(decodeURIComponent(claim[1]!));
  const note = /^#annotation=(.+)$/.exec(hash);
  if (note) return focusNote(decodeURIComponent(note[1]!));
  return null;
}

/** The fragment that opens an item (`#claim=<id>`, `#annotation=<id>`, the id URI-encoded): `deepLinkCommand`'s inverse. */
export function deepLinkFragment(kind: 'claim' | 'annotation', id: string): string {
  return `#${kind}=${encodeURIComponent(id)}`;
}

/** The absolute address of an item on the page at `pageHref`: the page's address with the item's fragment. */
export function deepLinkUrl(pageHref: string, kind: 'claim' | 'annotation', id: string): string {
  const url = new URL(pageHref);
  url.hash = deepLinkFragment(kind, id);
  return url.href;
}
