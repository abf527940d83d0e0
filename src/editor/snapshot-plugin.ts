/**
 * The plugin view that sends the snapshot DOWN to the panels (DESIGN §2): after each update of the view it derives
 * the snapshot from the state (`SnapshotBuilder`) and sets it on the target (the `<ap-reader>`) — only when it is a
 * new object, and never while the work is loading or before its notes are in (a snapshot of a partial session would
 * be thrown away at once).
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { annotationsOf } from './annotation-plugin.ts';
import { isLoading } from './read-only.ts';
import type { ReaderSnapshot } from './snapshot.ts';

/** Where snapshots go: an object with a `snapshot` property (the `<ap-reader>` element). */
export interface SnapshotTarget {
  snapshot: ReaderSnapshot | null;
}

/** The snapshot plugin's key (it has no state of its own). */
export const snapshotKey = new PluginKey('apparatus-snapshot');

/** True when `state` is a whole session: the document is loaded and the notes are in. */
export function sessionReady(state: EditorState): boolean {
  return !isLoading(state) && annotationsOf(state).loaded;
}

/**
 * The plugin: `build` derives a snapshot from a state (the same object when nothing visible changed), `target`
 * receives each new one. The first is sent as soon as the state is ready.
 */
export function snapshotPlugin(target: SnapshotTarget, build: (state: EditorState) => ReaderSnapshot): Plugin {
  const send = (state: EditorState) => {
    if (!sessionReady(state)) return;
    const snapshot = build(state);
    if (snapshot !== target.snapshot) target.snapshot = snapshot;
  };
  return new Plugin({
    key: snapshotKey,
    view: (view) => {
      send(view.state);
      return {
        update: (view, prevState) => {
          if (view.state !== prevState) send(view.state);
        },
      };
    },
  });
}
