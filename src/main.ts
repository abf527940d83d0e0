/**
 * Composition root: the only module that wires every layer. Loads the work (text, metadata, hash check) and its
 * notes (the project's curated file and the browser's stored working copy), builds the document, mounts the
 * editor into `<ap-reader>`'s text slot, sends snapshots down after every update and saves every change to the
 * notes (IndexedDB within 300 ms, at once on `pagehide`).
 *
 * URL parameters: `?work=<id>` loads `corpus/<id>/text.txt`, `corpus/<id>/work.json` and
 * `annotations/<id>.jsonld` (default `kavbiuro`); `?text=<url>&meta=<url>[&annotations=<url>]` load any text,
 * metadata and notes (benchmarks, tests). `#claim=<id>` and `#annotation=<id>` open the page on that item.
 * When ready, `<html data-apparatus-ready="true">`; `window.apparatus` exposes the editor for tests and benchmarks.
 */
import './styles/reader.css';
import { keymap } from 'prosemirror-keymap';
import type { EditorState } from 'prosemirror-state';
import { notesCollection } from './anchoring/annotation-collection.ts';
import { ANONYMOUS_READER, focusNote, loadNotes, redoNotes, undoNotes, type NoteContext } from './editor/annotation-commands.ts';
import { mountExportTools } from './export-tools.ts';
import { annotationDecorationsPlugin } from './editor/annotation-decorations.ts';
import { annotationsOf, annotationsPlugin, type AnnotationEntry } from './editor/annotation-plugin.ts';
import { selectClaim } from './editor/commands.ts';
import { NAVIGATION_KEYS } from './editor/create-state.ts';
import { highlightPlugin } from './editor/highlight-plugin.ts';
import { finishLoading, isLoading } from './editor/read-only.ts';
import type { ReaderEditor } from './editor/reader-view.ts';
import { SnapshotBuilder, type UnreadableNote } from './editor/snapshot.ts';
import { ImportError } from './model/import-error.ts';
import type { ImportedText } from './model/imported-text.ts';
import { parseWorkMeta, type WorkMeta } from './model/work.ts';
import { mountInSlices } from './load/mount-in-slices.ts';
import { LoadError, openWorkLoader, yieldToPage, type ReadWork } from './load/work-loader.ts';
import type { ApReader } from './panels/ap-reader.ts';
import './panels/ap-reader.ts';
import { AuthorChangeEvent } from './panels/events.ts';
import { Autosave, type SaveStatus } from './store/autosave.ts';
import { openAnnotationRepository } from './store/open-annotation-repository.ts';
import { startingNotes } from './store/starting-notes.ts';
import { mountProjectTools } from './project-tools.ts';

declare global {
  interface Window {
    apparatus?: { editor: ReaderEditor; meta: WorkMeta; imported: ImportedText; flush: () => Promise<SaveStatus> };
  }
}

interface WorkUrls {
  id: string | null;
  text: string;
  meta: string;
  annotations: string | null;
}

/** Where the work's files are, from the page URL. */
function workUrls(location: Location): WorkUrls {
  const params = new URLSearchParams(location.search);
  const text = params.get('text');
  const meta = params.get('meta');
  if (text && meta) return { id: null, text, meta, annotations: params.get('annotations') };
  const id = params.get('work') ?? 'kavbiuro';
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) throw new Error(`"${id}" is not a work name (lower-case letters, digits and hyphens)`);
  return { id, text: `corpus/${id}/text.txt`, meta: `corpus/${id}/work.json`, annotations: `annotations/${id}.jsonld` };
}

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not load ${url}: ${res.status} ${res.statusText}`);
  return res;
}

function showFatal(reader: ApReader, message: string): void {
  const slot = document.getElementById('text')!;
  slot.replaceChildren();
  const box = document.createElement('div');
  box.className = 'ap-text';
  box.setAttribute('role', 'alert');
  box.textContent = message;
  slot.append(box);
  reader.removeAttribute('aria-busy');
}

function describeStatus(s: SaveStatus): string {
  switch (s.state) {
    case 'idle':
      return '';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'All notes saved in this browser';
    case 'error':
      return `Save failed: ${s.message}`;
  }
}

const CREATOR_KEY = 'apparatus:creator-name';

function creatorName(): string {
  try {
    return globalThis.localStorage?.getItem(CREATOR_KEY)?.trim() || ANONYMOUS_READER;
  } catch {
    return ANONYMOUS_READER;
  }
}

/** Remembers the name new notes are signed with ('' forgets it). Private windows may refuse: notes are still signed. */
function rememberCreatorName(name: string): void {
  try {
    if (name) globalThis.localStorage?.setItem(CREATOR_KEY, name);
    else globalThis.localStorage?.removeItem(CREATOR_KEY);
  } catch {
    // Nothing to do: the name lasts for this page.
  }
}

/** An absolute URL for `url` relative to the page (the load worker resolves URLs against its own script). */
function absolute(url: string): string {
  return new URL(url, window.location.href).href;
}

async function start(): Promise<void> {
  const reader = document.querySelector('ap-reader')!;
  reader.setAttribute('aria-busy', 'true');
  reader.keys = NAVIGATION_KEYS;
  let shown = -1;
  const progress = (fraction: number) => {
    const percent = Math.floor(Math.min(1, fraction) * 100);
    if (percent !== shown) reader.announce(`Loading… ${(shown = percent)}%`);
  };
  progress(0);
  let urls: WorkUrls;
  try {
    urls = workUrls(window.location);
  } catch (e) {
    showFatal(reader, (e as Error).message);
    return;
  }
  // Fetching, hashing, importing and anchoring run in the load worker: a large work never freezes the page. The
  // worker starts while the metadata is fetched.
  const loader = openWorkLoader();
  let meta: WorkMeta;
  try {
    meta = parseWorkMeta(await (await fetchOk(urls.meta)).json(), urls.meta);
  } catch (e) {
    loader.close();
    showFatal(reader, (e as Error).message);
    return;
  }
  document.title = `${meta.title} — Apparatus`;
  document.documentElement.lang = meta.language;
  const opening = openAnnotationRepository();
  let read: ReadWork;
  try {
    read = await loader.read(
      { textUrl: absolute(urls.text), notesUrl: urls.annotations ? absolute(urls.annotations) : null, meta },
      (p) => progress(p.fraction * 0.4),
    );
  } catch (e) {
    loader.close();
    const importError = e instanceof LoadError ? e.importError : e instanceof ImportError ? e : null;
    showFatal(reader, importError ? `The text cannot be read: ${importError.message}` : (e as Error).message);
    return;
  }
  performance.mark('apparatus:imported');
  const { imported } = read;
  const warnings: string[] = [];
  if (read.warning) warnings.push(read.warning);

  // The notes are read and anchored (in the worker) while the page mounts the text.
  const unreadable: UnreadableNote[] = [];
  const notesReady = (async () => {
    const fileNotes = await loader.notes();
    const opened = await opening;
    if (opened.warning) warnings.push(opened.warning);
    // The project's file, or this browser's working copy with the file's changes since merged in (starting-notes.ts).
    const start = await startingNotes(meta.id, fileNotes, opened.repository);
    warnings.push(...start.messages);
    const annotations = start.annotations;
    unreadable.push(...start.unreadable);
    performance.mark('apparatus:stored');
    const placements = await loader.place(start.fromFile ? 'file' : annotations).catch((e: Error) => {
      console.warn('Anchoring in the load worker failed; anchoring on the page', e);
      return null;
    });
    return { opened, annotations, placements, base: start.base };
  })();

  // Both set once the text is mounted and the notes are read: the snapshot builder in a task of its own (it indexes
  // every claim and reference), the autosave on the repository the notes came from.
  let loaded: { snapshots: SnapshotBuilder; autosave: Autosave } | null = null;
  let savedVersion = -1;
  const onState = (next: EditorState) => {
    // While the text is still arriving the panels wait: a snapshot of a partial document would be thrown away.
    if (!loaded || isLoading(next)) return;
    reader.snapshot = loaded.snapshots.build(next);
    const notes = annotationsOf(next);
    if (notes.version !== savedVersion) {
      if (savedVersion !== -1) loaded.autosave.schedule([...notes.byId.values()].map((e) => e.annotation));
      savedVersion = notes.version;
    }
  };
  const place = document.getElementById('text')!;
  const plugins = [highlightPlugin(), annotationsPlugin(), annotationDecorationsPlugin(), keymap({ 'Mod-z': undoNotes, 'Mod-Shift-z': redoNotes, 'Mod-y': redoNotes })];
  const editor = await mountInSlices({
    place,
    imported,
    plugins,
    label: `${meta.title} — source text, read-only`,
    onState,
    onProgress: (f) => progress(0.4 + f * 0.55),
  });
  performance.mark('apparatus:view-mounted');
  const { opened, annotations, placements, base } = await notesReady;
  loader.close();
  let entries: AnnotationEntry[];
  if (placements) entries = annotations.map((annotation, i) => ({ annotation, ...placements[i]! }));
  else {
    // The worker could not anchor: anchor here (slower, same result) rather than lose the notes.
    const { anchorEntries } = await import('./editor/anchor-entries.ts');
    entries = anchorEntries(editor.view.state.doc, annotations);
  }
  performance.mark('apparatus:notes-anchored');
  // Three tasks, each a fraction of one: end loading (the caret highlight indexes the claims), index the snapshot's
  // claims and references, then put the notes in (the highlights near the viewport, and the first snapshot goes down).
  editor.view.dispatch(finishLoading(editor.view.state.tr));
  await yieldToPage();
  const builder = new SnapshotBuilder(meta, imported, warnings);
  builder.setUnreadable(unreadable);
  await yieldToPage();
  const autosave = new Autosave({
    repository: opened.repository,
    workId: meta.id,
    onStatus: (s) => (reader.saveStatus = describeStatus(s)),
  });
  loaded = { snapshots: builder, autosave };
  loadNotes(entries)(editor.view.state, (tr) => editor.view.dispatch(tr));
  performance.mark('apparatus:snapshot-sent');

  const noteContext: NoteContext = {
    source: meta.iri,
    creator: { type: 'Person', name: creatorName() },
    newId: () => `urn:uuid:${crypto.randomUUID()}`,
    now: () => new Date().toISOString(),
  };
  reader.editor = editor;
  reader.noteContext = noteContext;
  reader.addEventListener(AuthorChangeEvent.type, (e) => rememberCreatorName(e.detail.name));

  const flush = () => autosave.flush();
  window.addEventListener('pagehide', () => void flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flush();
  });
  window.apparatus = { editor, meta, imported, flush };

  const currentNotes = () => [...annotationsOf(editor.view.state).byId.values()].map((e) => e.annotation);
  mountExportTools(reader, {
    editor,
    meta,
    imported,
    addUnreadable: (more) => {
      unreadable.push(...more);
      loaded?.snapshots.setUnreadable([...unreadable]);
      onState(editor.view.state);
    },
  });
  void mountProjectTools(reader, {
    workId: urls.id,
    save: () => JSON.stringify(notesCollection(meta.id, meta.title, currentNotes(), { modified: new Date().toISOString() }), null, 2) + '\n',
    working: { repository: opened.repository, base, editor },
  });

  const fromHash = () => {
    const claim = /^#claim=(.+)$/.exec(window.location.hash);
    if (claim) editor.run(selectClaim(decodeURIComponent(claim[1]!)), { focus: true });
    const note = /^#annotation=(.+)$/.exec(window.location.hash);
    if (note) editor.run(focusNote(decodeURIComponent(note[1]!)), { focus: true });
  };
  fromHash();
  window.addEventListener('hashchange', fromHash);
  await reader.updateComplete;
  performance.mark('apparatus:panels-rendered');
  reader.announce('');
  reader.removeAttribute('aria-busy');
  document.documentElement.dataset['apparatusReady'] = 'true';
}

void start();
