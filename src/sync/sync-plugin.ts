/**
 * The editor's side of syncing: a plugin whose state logs the reader's own changes of the notes, and whose view
 * hands them to the outbox. Own changes are the annotation actions `put`, `remove`, `undo` and `redo`; `load` (the
 * starting set) and `remote` (what the server's feed brought, see annotation-plugin.ts) are not, so nothing that
 * came from the server is ever sent back. The `EditorState` stays the one source of truth: the log is derived from
 * its transactions, and remote notes enter it only through the `remote` action.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { Annotation } from '../anchoring/annotation-types.ts';
import { annotationsKey, annotationsOf, type AnnotationAction } from '../editor/annotation-plugin.ts';

/** One change of a note by the reader: its new version, or null when deleted. */
export interface LocalChange {
  seq: number;
  id: string;
  annotation: Annotation | null;
}

/** The plugin's state: the last `LOG_DEPTH` changes, numbered from 1 (`seq` is the last number given). */
export interface SyncLog {
  seq: number;
  changes: readonly LocalChange[];
}

/** Changes kept in the log (the view takes them at every update, so only a few are ever pending). */
export const LOG_DEPTH = 1000;

export const syncKey = new PluginKey<SyncLog>('apparatus-sync');

const OWN: ReadonlySet<AnnotationAction['type']> = new Set(['put', 'remove', 'undo', 'redo']);

/** The reader's own changes made by `tr` (old state → new state), by id in a stable order. */
export function ownChanges(tr: Transaction, before: EditorState, after: EditorState): { id: string; annotation: Annotation | null }[] {
  const action = tr.getMeta(annotationsKey) as AnnotationAction | undefined;
  if (!action || !OWN.has(action.type)) return [];
  const a = annotationsOf(before).byId;
  const b = annotationsOf(after).byId;
  if (a === b) return [];
  const out: { id: string; annotation: Annotation | null }[] = [];
  for (const [id, e] of b) if (a.get(id)?.annotation !== e.annotation) out.push({ id, annotation: e.annotation });
  for (const id of a.keys()) if (!b.has(id)) out.push({ id, annotation: null });
  return out;
}

/** Where the plugin view sends the reader's changes. */
export interface LocalChangeSink {
  local(changes: readonly LocalChange[]): void;
}

/** The plugin: logs own changes; its view passes every new one to `sink` once. */
export function syncPlugin(sink: LocalChangeSink): Plugin<SyncLog> {
  return new Plugin<SyncLog>({
    key: syncKey,
    state: {
      init: () => ({ seq: 0, changes: [] }),
      apply(tr, log, before, after) {
        const changes = ownChanges(tr, before, after);
        if (!changes.length) return log;
        const numbered = changes.map((c, i) => ({ ...c, seq: log.seq + i + 1 }));
        return { seq: log.seq + numbered.length, changes: [...log.changes, ...numbered].slice(-LOG_DEPTH) };
      },
    },
    view(view) {
      let sent = syncKey.getState(view.state)?.seq ?? 0;
      return {
        update(view) {
          const log = syncKey.getState(view.state)!;
          if (log.seq === sent) return;
          sink.local(log.changes.filter((c) => c.seq > sent));
          sent = log.seq;
        },
      };
    },
  });
}
