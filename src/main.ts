/**
 * Composition root: the only module that wires every layer, and only that — it fetches the work and mounts the
 * reader; what a session does lives in its parts. Where the files are and under which key the notes are kept:
 * `load/work-location.ts`. Reading and anchoring: the load worker (`load/work-loader.ts`). Which notes to start
 * from: `store/starting-notes.ts`. The session itself is the `EditorState` with `readerPlugins`
 * (`editor/create-state.ts`), whose plugin views send snapshots to `<ap-reader>` and save the notes.
 *
 * URL parameters: see `load/work-location.ts`. `#claim=<id>` and `#annotation=<id>` open the page on that item.
 * When ready, `<html data-apparatus-ready="true">`; `window.apparatus` exposes the editor for tests and benchmarks.
 */
import './styles/reader.css';
import { notesCollection } from './anchoring/annotation-collection.ts';
import { loadNotes, pageNoteContext } from './editor/annotation-commands.ts';
import { annotationSetOf } from './editor/autosave-plugin.ts';
import { annotationsOf, type AnnotationEntry } from './editor/annotation-plugin.ts';
import { deepLinkCommand } from './editor/commands.ts';
import { finishLoading } from './editor/read-only.ts';
import type { ReaderEditor } from './editor/reader-view.ts';
import { SnapshotBuilder } from './editor/snapshot.ts';
import { mountExportTools } from './export-tools.ts';
import { followedRecordId, metaOnRevision, pickRevision, revisionNotice, revisionRef } from './library/followed-revisions.ts';
import { currentRevision, deriveLibraryWork, libraryWorkMeta, type LibraryRevision, type LibraryWork } from './library/library-work.ts';
import { mountLibraryTools } from './library-tools.ts';
import { mountInSlices } from './load/mount-in-slices.ts';
import { LoadError, openWorkLoader, yieldToPage } from './load/work-loader.ts';
import { workLocation, type WorkLocation } from './load/work-location.ts';
import type { ImportedText } from './model/imported-text.ts';
import { parseWorkMeta, sha256Hex, type WorkMeta } from './model/work.ts';
import './panels/ap-reader.ts';
import { AuthorChangeEvent } from './panels/events.ts';
import { mountProjectTools } from './project-tools.ts';
import { Autosave, describeSaveStatus, type SaveStatus } from './store/autosave.ts';
import { creatorName, rememberCreatorName } from './store/creator-name.ts';
import { openAnnotationRepository } from './store/open-annotation-repository.ts';
import { startingNotes } from './store/starting-notes.ts';
import { mountSync } from './sync/mount-sync.ts';
import { keepOffOtherRevisions, mountRevisionTools } from './revision-tools.ts';

declare global {
  interface Window {
    apparatus?: { editor: ReaderEditor; meta: WorkMeta; imported: ImportedText; flush: () => Promise<SaveStatus> };
  }
}

async function start(): Promise<void> {
  const reader = document.querySelector('ap-reader')!;
  const progress = (fraction: number) => reader.showProgress(fraction);
  progress(0);
  // Fetching, hashing, importing and anchoring run in the load worker: a large work never freezes the page. The
  // worker starts, and the notes database opens, while the metadata is fetched.
  const loader = openWorkLoader();
  const opening = openAnnotationRepository();
  let meta: WorkMeta, imported: ImportedText, hashWarning: string | null, where: WorkLocation, found: Found;
  // "Open…" works even when the work asked for cannot be opened.
  mountLibraryTools(reader);
  try {
    where = workLocation(window.location);
    if (where.kind === 'link') reader.linked = { text: where.text, meta: where.meta ?? '(derived from the text)', annotations: where.annotations };
    found = await findWork(where);
    meta = found.meta;
    document.title = `${meta.title} — Apparatus`;
    document.documentElement.lang = meta.language;
    const textUrl = where.kind === 'library' ? meta.source : where.text;
    const notesUrl = where.kind === 'library' ? null : where.annotations;
    ({ imported, warning: hashWarning } = await loader.read({ textUrl, notesUrl, meta, ...(found.bytes ? { bytes: found.bytes } : {}) }, (p) => progress(p.fraction * 0.4)));
  } catch (e) {
    loader.close();
    document.title = 'Cannot open — Apparatus';
    return reader.showFatal(e instanceof LoadError && e.importError ? `The text cannot be read: ${e.importError.message}` : (e as Error).message);
  }
  performance.mark('apparatus:imported');
  // A text opened from a link keeps its notes under a key of its own, never under a project work's id.
  const storageKey = where.kind === 'project' ? meta.id : where.storageKey;

  // The notes are read and anchored (in the worker) while the page mounts the text.
  const notesReady = (async () => {
    const [file, opened] = await Promise.all([loader.notes(), opening]);
    const starting = await startingNotes({ file, opened, storageKey });
    performance.mark('apparatus:stored');
    const placements = await loader.place(starting.from === 'file' ? 'file' : starting.annotations).catch((e: Error) => {
      console.warn('Anchoring in the load worker failed; anchoring on the page', e);
      return null;
    });
    return { starting, placements, opened };
  })();
  const autosave = new Autosave({
    // Saves begin only after the notes are in, when the repository is open.
    repository: { save: (key, notes) => opening.then(({ repository }) => repository.save(key, notes)) },
    workId: storageKey,
    onStatus: (s) => (reader.saveStatus = describeSaveStatus(s)),
  });
  // The snapshot builder indexes every claim and reference: a task of its own, before the first slice is mounted.
  const builder = new SnapshotBuilder(meta, imported);
  await yieldToPage();
  const editor = await mountInSlices({
    place: document.getElementById('text')!,
    imported,
    setup: { snapshots: { target: reader, builder }, autosave: { autosave, window }, address: window },
    label: `${meta.title} — source text, read-only`,
    onProgress: (f) => progress(0.4 + f * 0.55),
  });
  performance.mark('apparatus:view-mounted');
  const { starting, placements, opened } = await notesReady;
  loader.close();
  // Notes left on another revision of the work (a revision review) stay off this text.
  const entries: AnnotationEntry[] = keepOffOtherRevisions(
    placements
      ? starting.annotations.map((annotation, i) => ({ annotation, ...placements[i]! }))
      : // The worker could not anchor: anchor here (slower, same result) rather than lose the notes.
        (await import('./editor/anchor-entries.ts')).anchorEntries(editor.state.doc, starting.annotations),
    meta.sha256,
  );
  performance.mark('apparatus:notes-anchored');
  // Two tasks: end loading (the caret highlight indexes the claims), then put the notes in (the highlights near the
  // viewport, and the first snapshot goes down).
  editor.view.dispatch(finishLoading(editor.state.tr));
  await yieldToPage();
  const onRevision = found.followed ? revisionNotice(meta.title, found.followed.revision, found.followed.work.revisions) : null;
  const warnings = [...(hashWarning ? [hashWarning] : []), ...(onRevision ? [onRevision] : []), ...starting.warnings];
  editor.run(loadNotes(entries, { unreadable: starting.unreadable, warnings }));
  performance.mark('apparatus:snapshot-sent');

  reader.editor = editor;
  // On a work followed across revisions, new notes record the revision they are made on.
  const readRevision = found.followed && found.followed.work.revisions.length > 1 ? revisionRef(found.followed.revision) : undefined;
  reader.noteContext = pageNoteContext(meta.iri, creatorName(), readRevision);
  reader.addEventListener(AuthorChangeEvent.type, (e) => {
    rememberCreatorName(e.detail.name);
    reader.noteContext = pageNoteContext(meta.iri, e.detail.name, readRevision);
  });
  window.apparatus = { editor, meta, imported, flush: () => autosave.flush() };
  mountExportTools(reader, { editor, meta, imported });
  void import('./evidence-tools.ts').then(({ mountEvidenceTools }) => mountEvidenceTools(reader, { editor, imported, libraryId: where.kind === 'library' ? where.id : null }));
  void mountProjectTools(reader, {
    workId: where.kind === 'project' ? where.id : null,
    save: () => JSON.stringify(notesCollection(meta.id, meta.title, annotationSetOf(annotationsOf(editor.state)), { modified: new Date().toISOString() }), null, 2) + '\n',
    working: { repository: opened.repository, base: starting.base, editor },
  });
  // Newer revisions of the work and the review of its notes (issue 10).
  const textUrl = where.kind === 'library' ? null : where.text;
  mountRevisionTools(reader, {
    editor, meta, imported, where, followed: found.followed ?? null,
    textBytes: async () => found.bytes ?? new Uint8Array(await (await fetch(textUrl!)).arrayBuffer()),
  });
  // Shared notes, when an annotation server answers; without one, nothing changes.
  void mountSync(reader, { editor, workId: where.kind === 'project' ? where.id : null, source: meta.iri });
  const followLink = () => {
    const command = deepLinkCommand(window.location.hash);
    if (command) editor.run(command, { focus: true });
  };
  followLink();
  window.addEventListener('hashchange', followLink);
  await reader.updateComplete;
  performance.mark('apparatus:panels-rendered');
  reader.showLoaded();
  document.documentElement.dataset['apparatusReady'] = 'true';
}

/**
 * The metadata of the work `where` names, and its bytes when they are not fetched by the loader (library works,
 * and link texts without `meta`, whose metadata is derived from them).
 * @throws Error saying what is missing: a project work without `corpus/<id>/`, a library work this browser does not
 *   have, a text that cannot be fetched.
 */
/** What `findWork` found: the metadata, the bytes when the loader does not fetch them, the revisions followed. */
interface Found {
  meta: WorkMeta;
  bytes?: Uint8Array;
  followed?: { work: LibraryWork; revision: LibraryRevision };
}

async function findWork(where: WorkLocation): Promise<Found> {
  if (where.kind === 'library') {
    const { openLibraryStore } = await import('./store/library-store.ts');
    const store = await openLibraryStore();
    try {
      const work = await store.get(where.id);
      if (!work) throw new Error(`This browser's library has no work "${where.id}". It may have been removed, or opened in another browser: open its file or URL again with "Open…".`);
      const revision = pickRevision(work, where.revision ?? null);
      const newest = revision === currentRevision(work);
      return { meta: newest ? libraryWorkMeta(work) : metaOnRevision(libraryWorkMeta(work), revision), bytes: revision.bytes, followed: { work, revision } };
    } finally {
      store.close();
    }
  }
  if (where.kind === 'link' && where.meta === null) {
    const res = await fetch(where.text);
    if (!res.ok) throw new Error(`Could not load the link's text ${where.text}: ${res.status} ${res.statusText}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const work = deriveLibraryWork({ bytes, sha256: await sha256Hex(bytes), format: 'text', origin: new URL(where.text).pathname, id: 'linked-text', date: new Date().toISOString() });
    return { meta: { ...libraryWorkMeta(work), iri: where.text }, bytes };
  }
  const res = await fetch(where.meta!);
  if (res.status === 404 && where.kind === 'project') {
    throw new Error(`This project has no work "${where.id}" (corpus/${where.id}/work.json was not found). Check the name in the address, or open a file or a Wikipedia article with "Open…".`);
  }
  if (!res.ok) throw new Error(`Could not load ${where.meta}: ${res.status} ${res.statusText}`);
  const meta = parseWorkMeta(await res.json(), where.meta!);
  return where.kind === 'project' ? onFollowedRevision(where, meta) : { meta };
}

/**
 * A project work on the revision the page asks for (`&revision=`; default the newest) when this browser follows
 * newer revisions of it (`library/followed-revisions.ts`); the project's own text otherwise.
 * @throws Error when `&revision=` names a revision this browser does not have.
 */
async function onFollowedRevision(where: Extract<WorkLocation, { kind: 'project' }>, meta: WorkMeta): Promise<Found> {
  let work: LibraryWork | null = null;
  try {
    const { openLibraryStore } = await import('./store/library-store.ts');
    const store = await openLibraryStore();
    try {
      work = await store.get(followedRecordId(where)!);
    } finally {
      store.close();
    }
  } catch (e) {
    if (where.revision) throw new Error(`Revision ${where.revision} cannot be read from this browser's library: ${(e as Error).message}`);
    console.warn('The revisions followed in this browser cannot be read; reading the project text', e);
  }
  if (!work) {
    if (where.revision && where.revision !== 'r1') throw new Error(`This browser keeps no revision ${where.revision} of “${meta.title}”: only the project's own text (r1).`);
    return { meta };
  }
  const revision = pickRevision(work, where.revision ?? null);
  if (revision.sha256 === meta.sha256) return { meta, followed: { work, revision } };
  return { meta: metaOnRevision(meta, revision), bytes: revision.bytes, followed: { work, revision } };
}

void start();
