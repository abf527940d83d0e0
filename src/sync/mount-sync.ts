/**
 * Shared notes on the page (issue 11 §4): mounted by the composition root after the notes are in. It asks the dev
 * server whether the annotation server answers (`GET /api/annotation-server`), then the annotation server for the
 * session (`GET /api/session`); when no server answers — a network error, a 404, or anything that is not the
 * server's JSON — it does nothing at all and the reader works exactly as without it.
 * Otherwise it adds `<ap-sync-panel>` to the toolbar (sign-in, sharing, status, conflicts) and, once signed in, the
 * sync plugin to the editor's state and a `SyncClient` on the outbox in IndexedDB. New notes are then signed with the
 * account's name (the server sets the creator from the session anyway).
 */
import { pageNoteContext } from '../editor/annotation-commands.ts';
import type { ReaderEditor } from '../editor/reader-view.ts';
import type { ApReader } from '../panels/ap-reader.ts';
import { SyncRequestEvent, type SyncGroup, type SyncView } from '../panels/ap-sync-panel.ts';
import '../panels/ap-sync-panel.ts';
import type { Sharing } from './outbox-record.ts';
import type { SyncClient, SyncStatus } from './sync-client.ts';

/** A session as the server gives it. */
interface Session {
  user: { id: string; name: string };
  groups: SyncGroup[];
}

const SHARING_KEY = 'apparatus:sync-sharing';

function isSession(x: unknown): x is Session {
  const s = x as Session | null;
  return typeof s === 'object' && s !== null && typeof s.user?.id === 'string' && typeof s.user?.name === 'string' && Array.isArray(s.groups);
}

/** The server's answer to `GET /api/session`: a session, 'signed-out' (401 with JSON), or null (no server). */
async function readSession(): Promise<Session | 'signed-out' | null> {
  try {
    // Asked of the dev server first: a proxy with no server behind it would answer 500, reported by the browser.
    const probe = await fetch('/api/annotation-server');
    const reachable = probe.ok && (probe.headers.get('Content-Type') ?? '').includes('json') && ((await probe.json().catch(() => null)) as { reachable?: unknown } | null)?.reachable === true;
    if (!reachable) return null;
    // The browser's default Accept: a dev server without an annotation server behind it answers with its page (200),
    // not a 404 that Chromium would report on the console.
    const res = await fetch('/api/session', { credentials: 'same-origin' });
    const json = (res.headers.get('Content-Type') ?? '').includes('json') ? ((await res.json().catch(() => null)) as unknown) : null;
    if (res.status === 200 && isSession(json)) return json;
    // Signed out: 401 with JSON (docs/annotation-server.md), or 200 with `user: null`.
    if ((res.status === 401 || res.status === 200) && json !== null && typeof json === 'object' && (res.status === 401 || (json as { user?: unknown }).user === null)) return 'signed-out';
    return null;
  } catch {
    return null;
  }
}

/** `private`, `public` or `group:<id>` as the `Sharing` the outbox adds to new notes. */
function sharingOf(choice: string): Sharing {
  if (choice.startsWith('group:')) return { visibility: 'group', group: choice.slice('group:'.length) };
  return { visibility: choice === 'public' ? 'public' : 'private', group: null };
}

/** Mounts shared notes for `workId` (null: a text opened by link, never shared). Never throws. */
export async function mountSync(reader: ApReader, options: { editor: ReaderEditor; workId: string | null; source: string }): Promise<void> {
  const { editor, workId, source } = options;
  if (!workId) return;
  const first = await readSession();
  if (first === null) return;
  const panel = document.createElement('ap-sync-panel');
  panel.slot = 'tools';
  reader.append(panel);

  let session: Session | null = first === 'signed-out' ? null : first;
  let client: SyncClient | null = null;
  let status: SyncStatus = { online: false, connecting: true, waiting: 0, conflicts: [], problems: [], signedOut: false };
  let choice = '';
  const remembered = (): string => {
    try {
      return globalThis.localStorage?.getItem(SHARING_KEY) ?? '';
    } catch {
      return '';
    }
  };
  const show = (error = '') => {
    if (!session) {
      panel.view = { kind: 'signed-out', error };
      return;
    }
    const view: SyncView = {
      kind: 'signed-in',
      user: session.user,
      groups: session.groups,
      sharing: choice,
      ...status,
      conflicts: status.conflicts.map((r) => ({ id: r.id, mine: r.op === 'put' ? r.annotation : null, theirs: r.conflict!.annotation })),
    };
    panel.view = view;
  };

  const signedIn = async (s: Session) => {
    session = s;
    const saved = remembered();
    const valid = saved === 'private' || saved === 'public' || s.groups.some((g) => `group:${g.id}` === saved);
    choice = valid ? saved : s.groups[0] ? `group:${s.groups[0].id}` : 'private';
    reader.noteContext = pageNoteContext(source, s.user.name);
    show();
    if (client) return client.kick();
    // Loaded only when a server answers (the client anchors remote notes with the anchoring engine).
    const [{ SyncClient }, { memoryOutbox, openIndexedDbOutbox }, { syncKey, syncPlugin }] = await Promise.all([
      import('./sync-client.ts'),
      import('./outbox-store.ts'),
      import('./sync-plugin.ts'),
    ]);
    const store = await openIndexedDbOutbox().catch(() => memoryOutbox());
    client = new SyncClient({
      work: workId,
      editor,
      store,
      sharing: () => sharingOf(choice),
      onStatus: (next) => {
        status = next;
        show();
      },
    });
    if (!syncKey.getState(editor.state)) {
      editor.view.updateState(editor.state.reconfigure({ plugins: [...editor.state.plugins, syncPlugin(client)] }));
    }
    const started = client;
    window.addEventListener('online', () => started.network(true));
    window.addEventListener('offline', () => started.network(false));
    await started.start();
  };

  panel.addEventListener(SyncRequestEvent.type, (e) => {
    const r = (e as SyncRequestEvent).detail;
    void (async () => {
      switch (r.type) {
        case 'sign-in': {
          const res = await fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: r.name, password: r.password }), credentials: 'same-origin' }).catch(() => null);
          const json = (await res?.json().catch(() => null)) as unknown;
          if (res?.ok && isSession(json)) await signedIn(json);
          else show(res?.status === 401 ? 'That name and password do not match an account.' : 'The server could not be reached; try again.');
          break;
        }
        case 'sign-out':
          await fetch('/api/session', { method: 'DELETE', credentials: 'same-origin' }).catch(() => null);
          session = null;
          show();
          break;
        case 'sharing':
          choice = r.sharing;
          try {
            globalThis.localStorage?.setItem(SHARING_KEY, choice);
          } catch {
            // remembered for this page only
          }
          show();
          break;
        case 'resolve':
          client?.resolve(r.id, r.keep);
          break;
      }
    })();
  });

  if (session) await signedIn(session);
  else show();
}
