/**
 * "Open…": opens a source from a file (the control, or dropped on the page: .txt, .md, .html, .xml) or a Wikipedia
 * article (URL of any edition, `fr:Titre`, or an English title; fetched as Parsoid HTML with an `Api-User-Agent`),
 * imports it in a worker (`load/source-open-client.ts`: a large file never freezes the page; progress in the dialog,
 * "Cancel opening" ends it and keeps nothing) to check it can be read and to learn what it says about itself, keeps it in this browser's library
 * (`store/library-store.ts`) and shows the import report, with a link that reads it (`?library=<id>`).
 *
 * Nothing is kept when the source cannot be read (too large, not UTF-8, not importable, a failed fetch): the dialog
 * says what and where, and the library is untouched. Bytes under an id already kept become a new revision.
 */
import { deriveLibraryWork, type LibraryWork } from './library/library-work.ts';
import { API_USER_AGENT, articleUrl, parseWikipediaInput, parsoidHtmlUrl } from './library/wikipedia-address.ts';
import { OpenCancelled, startSourceOpen, type OpenJob } from './load/source-open-client.ts';
import type { OpenedSummary, OpenProgress } from './load/source-open-messages.ts';
import type { ProjectWork } from './panels/ap-library.ts';
import type { ApReader } from './panels/ap-reader.ts';
import type { Kept } from './store/library-store.ts';

/** The file types offered by the control (content decides the format; these are hints). */
const ACCEPT = '.txt,.md,.markdown,.html,.htm,.xml,text/plain,text/markdown,text/html,application/xml,text/xml';

/** The address that reads library work `id`. */
export function libraryWorkHref(id: string): string {
  const url = new URL(window.location.href);
  url.search = `?library=${encodeURIComponent(id)}`;
  url.hash = '';
  return url.href;
}

/** Adds "Open…" to the reader's toolbar and drag-and-drop to the page. Never throws. */
export function mountLibraryTools(reader: ApReader): void {
  const dialog = document.createElement('dialog');
  dialog.className = 'ap-open-dialog';
  dialog.setAttribute('aria-labelledby', 'ap-open-title');
  const file = Object.assign(document.createElement('input'), { type: 'file', accept: ACCEPT, id: 'ap-open-file' });
  dialog.innerHTML = `
    <h2 id="ap-open-title">Open a source</h2>
    <p><label for="ap-open-file">A file (.txt, .md, .html, .xml) — or drop one on the page</label></p>
    <form class="ap-open-wiki" method="dialog">
      <label for="ap-open-wiki">A Wikipedia article: URL, <code>fr:Titre</code> or an English title</label>
      <div class="row"><input id="ap-open-wiki" name="wiki" type="text" autocomplete="off" spellcheck="false" placeholder="https://de.wikipedia.org/wiki/Haushund" />
      <button type="submit">Fetch</button></div>
    </form>
    <div class="ap-open-result" role="status" aria-live="polite"></div>
    <p class="actions"><a class="ap-open-read" hidden>Read it</a> <button type="button" class="ap-open-cancel" hidden>Cancel opening</button> <button type="button" class="ap-open-close">Close</button></p>`;
  dialog.querySelector('label[for="ap-open-file"]')!.after(file);
  const result = dialog.querySelector<HTMLElement>('.ap-open-result')!;
  const read = dialog.querySelector<HTMLAnchorElement>('.ap-open-read')!;
  const wiki = dialog.querySelector<HTMLInputElement>('#ap-open-wiki')!;
  dialog.querySelector('.ap-open-close')!.addEventListener('click', () => dialog.close());
  document.body.append(dialog);

  const button = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Open…', slot: 'tools', className: 'ap-tool' });
  button.setAttribute('aria-haspopup', 'dialog');
  button.addEventListener('click', () => {
    if (!dialog.open) dialog.showModal();
  });
  reader.append(button);
  mountLibraryView(reader);

  const show = (outcome: Outcome) => {
    if (!dialog.open) dialog.showModal();
    result.replaceChildren(...describe(outcome));
    result.dataset['outcome'] = outcome.kind;
    read.hidden = outcome.kind !== 'kept';
    if (outcome.kind === 'kept') read.href = libraryWorkHref(outcome.kept.work.id);
  };
  const cancel = dialog.querySelector<HTMLButtonElement>('.ap-open-cancel')!;
  let running: { job: OpenJob | null; cancelled: boolean } | null = null;
  cancel.addEventListener('click', () => {
    if (!running) return;
    running.cancelled = true;
    running.job?.cancel();
  });
  const run = async (get: () => Promise<Fetched>) => {
    // A new source replaces one still opening: that one is cancelled and keeps nothing.
    if (running) {
      running.cancelled = true;
      running.job?.cancel();
    }
    const mine: { job: OpenJob | null; cancelled: boolean } = { job: null, cancelled: false };
    running = mine;
    result.textContent = 'Opening…';
    delete result.dataset['outcome'];
    read.hidden = true;
    cancel.hidden = false;
    const progress = (p: OpenProgress) => {
      if (running === mine) result.textContent = `Opening… ${OPEN_STAGE[p.stage]} (${Math.round(p.fraction * 100)}%)`;
    };
    const outcome = await openSource(get, mine, progress);
    if (running !== mine) return;
    running = null;
    cancel.hidden = true;
    show(outcome);
  };
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f) void run(async () => ({ bytes: new Uint8Array(await f.arrayBuffer()), origin: f.name }));
  });
  dialog.querySelector('form')!.addEventListener('submit', (e) => {
    e.preventDefault();
    const input = wiki.value;
    void run(() => fetchWikipedia(input));
  });
  // Dropping a file anywhere on the page opens it.
  document.addEventListener('dragover', (e) => {
    if (e.dataTransfer?.types.includes('Files')) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  });
  document.addEventListener('drop', (e) => {
    const f = e.dataTransfer?.files[0];
    if (!f) return;
    e.preventDefault();
    void run(async () => ({ bytes: new Uint8Array(await f.arrayBuffer()), origin: f.name }));
  });
}

/**
 * "Library": a dialog with `<ap-library>`, filled from the store each time it opens; removal and export of notes as
 * the panel asks (notes deleted only when the user ticked it).
 */
function mountLibraryView(reader: ApReader): void {
  const dialog = document.createElement('dialog');
  dialog.className = 'ap-open-dialog ap-library-dialog';
  dialog.setAttribute('aria-labelledby', 'ap-library-title');
  dialog.innerHTML = `<h2 id="ap-library-title">Library</h2><ap-library></ap-library>
    <div class="ap-open-result" role="status" aria-live="polite"></div>
    <p class="actions"><button type="button" class="ap-library-close">Close</button></p>`;
  document.body.append(dialog);
  const panel = dialog.querySelector('ap-library')!;
  const status = dialog.querySelector<HTMLElement>('.ap-open-result')!;
  dialog.querySelector('.ap-library-close')!.addEventListener('click', () => dialog.close());
  const withStore = async <T>(work: (store: import('./store/library-store.ts').LibraryStore) => Promise<T>): Promise<T> => {
    const { openLibraryStore } = await import('./store/library-store.ts');
    const store = await openLibraryStore();
    try {
      return await work(store);
    } finally {
      store.close();
    }
  };
  /** Reads each listed work's text in the source-open worker, one at a time, and shows its coverage and sections. */
  let reading = 0;
  const readFigures = async (jobs: { key: string; bytes: () => Promise<Uint8Array>; origin: string; format?: LibraryWork['format'] }[]) => {
    const run = ++reading;
    for (const job of jobs) {
      // A newer refresh takes over.
      if (run !== reading) return;
      if (panel.figures.has(job.key)) continue;
      try {
        const bytes = await job.bytes();
        const { summary } = await startSourceOpen(bytes.slice().buffer, job.origin, undefined, job.format).outcome;
        panel.figures = new Map(panel.figures).set(job.key, { coverage: summary.coverage, sections: summary.sections, claims: summary.claims });
      } catch (e) {
        status.textContent = `${status.textContent ? `${status.textContent} ` : ''}The text of ${job.origin} could not be read for its coverage: ${(e as Error).message}`;
      }
    }
  };
  const refresh = async () => {
    let works: LibraryWork[] = [];
    const said: string[] = [];
    try {
      const listed = await withStore(async (store) => {
        const listed = await store.list();
        panel.noteCounts = await store.noteCounts(listed.works.map((w) => w.id));
        return listed;
      });
      works = listed.works;
      panel.works = works;
      panel.hrefOf = libraryWorkHref;
      if (listed.unreadable.length) said.push(`${listed.unreadable.length} record(s) of the library could not be read and were left as they are: ${listed.unreadable.map((u) => u.reason).join('; ')}`);
    } catch (e) {
      said.push(`The library cannot be read: ${(e as Error).message}`);
    }
    const project = await projectWorks();
    panel.projectWorks = project.works;
    panel.projectHrefOf = projectWorkHref;
    if (project.problem) said.push(project.problem);
    status.textContent = said.join(' ');
    const { figuresKey } = await import('./panels/ap-library.ts');
    void readFigures([
      ...project.works.map((w) => ({
        key: figuresKey('project', w.id),
        origin: `corpus/${w.id}/text.txt`,
        bytes: async () => {
          const res = await fetch(new URL(`corpus/${encodeURIComponent(w.id)}/text.txt`, window.location.href));
          if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
          return new Uint8Array(await res.arrayBuffer());
        },
        ...(w.format ? { format: w.format } : {}),
      })),
      ...works.map((w) => {
        const current = w.revisions[w.revisions.length - 1]!;
        return { key: figuresKey('library', w.id, current.sha256), origin: w.source, bytes: async () => current.bytes, format: w.format };
      }),
    ]);
  };
  const button = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Library', slot: 'tools', className: 'ap-tool' });
  button.setAttribute('aria-haspopup', 'dialog');
  button.addEventListener('click', () => {
    void import('./panels/ap-library.ts').then(async () => {
      await refresh();
      if (!dialog.open) dialog.showModal();
    });
  });
  reader.append(button);
  dialog.addEventListener('library-remove', (e) => {
    const { id, deleteNotes } = e as unknown as { id: string; deleteNotes: boolean };
    void withStore(async (store) => {
      await store.remove(id);
      if (deleteNotes) await store.removeNotes(id);
    })
      .then(refresh)
      .then(() => (status.textContent = deleteNotes ? `“${id}” and its notes were removed.` : `“${id}” was removed from the library; its notes are kept in this browser.`))
      .catch((err: Error) => (status.textContent = `“${id}” could not be removed: ${err.message}`));
  });
  dialog.addEventListener('library-export-notes', (e) => {
    const { id } = e as unknown as { id: string };
    void exportLibraryNotes(id).catch((err: Error) => (status.textContent = `The notes of “${id}” could not be exported: ${err.message}`));
  });
}

/** The address that reads project work `id` (`?work=`). */
function projectWorkHref(id: string): string {
  const url = new URL(window.location.href);
  url.search = `?work=${encodeURIComponent(id)}`;
  url.hash = '';
  return url.href;
}

/**
 * The project's works as the dev server lists them (`GET /api/corpus`, store/corpus-listing.ts). A static build has
 * no such endpoint: then none are listed and `problem` says why; folders that are not readable works are named.
 */
async function projectWorks(): Promise<{ works: (ProjectWork & { format?: LibraryWork['format'] })[]; problem: string | null }> {
  try {
    const res = await fetch(new URL('api/corpus', window.location.href), { headers: { accept: 'application/json' } });
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return { works: [], problem: 'The project’s works are listed only when the reader runs on the project (npm start).' };
    const listing = (await res.json()) as { works: (ProjectWork & { format?: LibraryWork['format'] })[]; unreadable: { id: string; reason: string }[] };
    const problem = listing.unreadable.length ? `${listing.unreadable.length} folder(s) of corpus/ are not readable works: ${listing.unreadable.map((u) => u.reason).join('; ')}` : null;
    return { works: listing.works, problem };
  } catch (e) {
    return { works: [], problem: `The project’s works could not be listed: ${(e as Error).message}` };
  }
}

/** Downloads the notes kept for library work `id` as a W3C annotation collection (`<id>-notes.jsonld`). */
async function exportLibraryNotes(id: string): Promise<void> {
  const [{ openIndexedDbRepository }, { notesCollection }, { libraryStorageKey }] = await Promise.all([
    import('./store/indexeddb-repository.ts'),
    import('./anchoring/annotation-collection.ts'),
    import('./library/library-work.ts'),
  ]);
  const repository = await openIndexedDbRepository();
  const { annotations } = await repository.load(libraryStorageKey(id));
  const json = JSON.stringify(notesCollection(id, id, annotations, { modified: new Date().toISOString() }), null, 2) + '\n';
  const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(new Blob([json], { type: 'application/ld+json' })), download: `${id}-notes.jsonld` });
  document.body.append(a);
  a.click();
  a.remove();
}

/** Bytes and where they came from (a file name or URL); `id`/`origin` hints for Wikipedia. */
interface Fetched {
  bytes: Uint8Array;
  origin: string;
}

/** What opening did. */
type Outcome = { kind: 'failed'; message: string } | { kind: 'cancelled'; message: string } | { kind: 'kept'; kept: Kept; summary: OpenedSummary };

/**
 * The Parsoid HTML of the article `input` names.
 * @throws Error saying what went wrong: bad input, the network, or the server's answer (404: no such article).
 */
async function fetchWikipedia(input: string): Promise<Fetched> {
  const article = parseWikipediaInput(input);
  const url = parsoidHtmlUrl(article);
  let res: Response;
  try {
    res = await fetch(url, { headers: { 'Api-User-Agent': API_USER_AGENT } });
  } catch (e) {
    throw new Error(`Could not reach ${article.language}.wikipedia.org to fetch "${article.title}" (${(e as Error).message}). Check the connection and try again.`);
  }
  if (res.status === 404) throw new Error(`${article.language}.wikipedia.org has no article "${article.title.replace(/_/g, ' ')}" (404 at ${url}).`);
  if (!res.ok) throw new Error(`${article.language}.wikipedia.org answered ${res.status} ${res.statusText} for "${article.title}" (${url}).`);
  return { bytes: new Uint8Array(await res.arrayBuffer()), origin: articleUrl(article) };
}

/** What the progress line says of each stage. */
const OPEN_STAGE: Record<OpenProgress['stage'], string> = { checked: 'read, importing', imported: 'imported, hashing', hashed: 'hashed' };

/**
 * Gets the bytes, checks and imports them in the worker (`job` is set on `state` so it can be cancelled), and keeps
 * the work. Never throws: failures and cancellation are outcomes; a cancelled open keeps nothing.
 */
async function openSource(get: () => Promise<Fetched>, state: { job: OpenJob | null; cancelled: boolean }, onProgress: (p: OpenProgress) => void): Promise<Outcome> {
  let fetched: Fetched;
  try {
    fetched = await get();
  } catch (e) {
    return { kind: 'failed', message: (e as Error).message };
  }
  const { origin } = fetched;
  if (state.cancelled) return { kind: 'cancelled', message: `Opening ${origin} was cancelled. Nothing was added to the library.` };
  let summary: OpenedSummary, bytes: Uint8Array;
  try {
    const buffer = fetched.bytes.byteOffset === 0 && fetched.bytes.byteLength === fetched.bytes.buffer.byteLength ? (fetched.bytes.buffer as ArrayBuffer) : fetched.bytes.slice().buffer;
    state.job = startSourceOpen(buffer, origin, onProgress);
    ({ summary, bytes } = await state.job.outcome);
  } catch (e) {
    return e instanceof OpenCancelled ? { kind: 'cancelled', message: e.message } : { kind: 'failed', message: (e as Error).message };
  }
  if (state.cancelled) return { kind: 'cancelled', message: `Opening ${origin} was cancelled. Nothing was added to the library.` };
  let work: LibraryWork;
  try {
    work = deriveLibraryWork({ bytes, sha256: summary.sha256, format: summary.format, origin, ...(summary.meta ? { meta: summary.meta } : {}), date: new Date().toISOString() });
    const { openLibraryStore } = await import('./store/library-store.ts');
    const store = await openLibraryStore();
    try {
      return { kind: 'kept', kept: await store.keep(work), summary };
    } finally {
      store.close();
    }
  } catch (e) {
    return { kind: 'failed', message: `${origin} was read but could not be kept in the library: ${(e as Error).message}` };
  }
}

/** The outcome as paragraphs and a list: what was kept, as which revision, and the import report. */
function describe(outcome: Outcome): Node[] {
  const p = (text: string, className = '') => Object.assign(document.createElement('p'), { textContent: text, className });
  if (outcome.kind === 'cancelled') return [p(outcome.message)];
  if (outcome.kind === 'failed') {
    const error = p(outcome.message, 'error');
    error.setAttribute('role', 'alert');
    return [error];
  }
  const { kept, summary } = outcome;
  const { format } = summary;
  const work = kept.work;
  const latest = work.revisions[work.revisions.length - 1]!;
  const nodes: Node[] = [];
  nodes.push(p(`“${work.title}” (${format}) is in your library${latest.revision ? `, revision ${latest.revision}` : ''}.`));
  if (kept.kind === 'same') nodes.push(p('The library already had these exact bytes; nothing was changed.'));
  if (kept.kind === 'new' && kept.beside?.length) {
    nodes.push(p(`The library holds another work under “${kept.beside.join('”, “')}”: this one is a different work (another source or title), kept beside it as “${work.id}”.`, 'warning'));
  }
  if (kept.kind === 'new-revision') {
    nodes.push(p(`The library had other bytes under “${work.id}”: they are kept as revision ${kept.previous.id}, and these are revision ${latest.id}. Your notes stay.`, 'warning'));
  }
  nodes.push(p(`${summary.blocks} blocks, ${summary.claims} claims, ${summary.references} references.`));
  const omitted = Object.entries(summary.report?.omitted ?? {}).filter(([, n]) => n > 0);
  const items = [
    ...omitted.map(([kind, n]) => `${n} ${n === 1 ? kind : /(x|s|ch)$/.test(kind) ? `${kind}es` : `${kind}s`} not shown`),
    ...(summary.report?.notes ?? []),
    ...summary.problems,
  ];
  if (items.length) {
    nodes.push(p('Import report:'));
    const list = document.createElement('ul');
    list.className = 'ap-open-report';
    for (const item of items.slice(0, 50)) list.append(Object.assign(document.createElement('li'), { textContent: item }));
    if (items.length > 50) list.append(Object.assign(document.createElement('li'), { textContent: `… and ${items.length - 50} more` }));
    nodes.push(list);
  } else nodes.push(p('Import report: nothing was left out, no problems.'));
  if (work.licence.url === '') nodes.push(p(`Licence: ${work.licence.name}.`));
  return nodes;
}
