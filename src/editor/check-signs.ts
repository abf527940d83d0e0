/**
 * A small, quiet sign at the end of each checked claim in the text (issue 12 §1): the outcome of its latest check
 * (✓ verified, ◐ partly supported, ✗ not supported, ⊘ source not accessible, ¶ page needed, ? needs a source), with
 * the outcome in words for screen readers and as a tooltip. Derived from the annotations plugin's state alone;
 * recomputed only when the notes change.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { CHECK_SIGN, VERIFICATION_LABEL, type VerificationStatus } from '../anchoring/verification.ts';
import { annotationsOf } from './annotation-plugin.ts';
import { checksOn } from './check-commands.ts';
import { ClaimIndex } from './claim-index.ts';

/** The sign of `status` as the text shows it (its outcome in words as its name and tooltip). */
export function checkSignElement(doc: Document, status: VerificationStatus): HTMLElement {
  const sign = doc.createElement('span');
  sign.className = `ap-check-sign ap-check-sign--${status}`;
  sign.textContent = CHECK_SIGN[status];
  sign.title = `Checked: ${VERIFICATION_LABEL[status]}`;
  sign.setAttribute('aria-label', `checked: ${VERIFICATION_LABEL[status]}`);
  sign.setAttribute('role', 'img');
  return sign;
}

interface SignsState {
  byId: unknown;
  set: DecorationSet;
}

const key = new PluginKey<SignsState>('apparatus-check-signs');

function signsOf(state: EditorState): DecorationSet {
  const index = ClaimIndex.of(state.doc);
  const decorations: Decoration[] = [];
  for (const [claimId, checks] of checksOn(state)) {
    const range = index.get(claimId);
    const last = checks.at(-1);
    if (!range || !last) continue;
    const status = last.status;
    decorations.push(
      Decoration.widget(
        range.to,
        (view) => checkSignElement(view.dom.ownerDocument, status),
        { side: 1, key: `check-${claimId}-${status}`, ignoreSelection: true },
      ),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

/** The plugin of the check signs. */
export function checkSignsPlugin(): Plugin<SignsState> {
  return new Plugin<SignsState>({
    key,
    state: {
      init: (_, state) => ({ byId: annotationsOf(state).byId, set: signsOf(state) }),
      apply: (tr, prev, _old, state) => {
        const byId = annotationsOf(state).byId;
        if (byId === prev.byId && !tr.docChanged) return prev;
        return { byId, set: signsOf(state) };
      },
    },
    props: { decorations: (state) => key.getState(state)?.set ?? DecorationSet.empty },
  });
}
