/**
 * "Newer revision…" (issue 10): opens a newer revision of the work being read — from a file, from pasted text, or
 * for a Wikipedia work by checking for its latest revision — re-anchors every note on it in the load worker, and
 * says where they would go; nothing changes until the reader confirms. Confirming keeps the revision in the library
 * (`library/followed-revisions.ts`) and opens the page on it with the review (`#review`).
 *
 * The review (`<ap-revision-review>`, in a side panel that leaves the text free to select) lists every note not yet
 * on the revision read: accepting one rewrites its selectors and its revision State through an EditorState
 * transaction (undoable like every change to the notes, saved like them); re-attaching takes the words selected in
 * the text; leaving it marks it kept on its older revision, off this text. A note's outcome is fixed when the review
 * opens; what was decided is read back from the notes themselves, so undo shows in the review at once.
 *
 * Bad input — an empty or binary file, the same bytes as the revision read (or as one already kept), another
 * article, a fetch that fails — is said in the dialog; the revision read and every note stay as they are.
 */
import type { AnchorResult } from './anchoring/anchor-result.ts';
import type { Annotation, TextTarget } from './anchoring/annotation-types.ts';
import { anchorResultOf } from './anchoring/placement.ts';
import { carriedTarget, classifyLandings, countOutcomes, keptTarget, reviewRevision, type ReviewOutcome } from './anchoring/revision-review.ts';
import { revisionOfTarget, type RevisionRef } from './anchoring/revision-state.ts';
import { positionSelectorOf, textTargetOf } from './anchoring/target-selectors.ts';
import { annotationsKey, annotationsOf, type AnnotationAction, type AnnotationEntry } from './editor/annotation-plugin.ts';
import { docTextOf, focusNote, selectedPassage } from './editor/annotation-commands.ts';
import type { ReaderEditor } from './editor/reader-view.ts';
import { followedRecordId, projectRecord, revisionRef } from './library/followed-revisions.ts';
import { sourceBytesProblem } from './library/source-bytes.ts';
import { API_USER_AGENT, parseWikipediaInput, parsoidHtmlUrl } from './library/wikipedia-address.ts';
import { currentRevision, deriveLibraryWork, type LibraryRevision, type LibraryWork } from './library/library-work.ts';
import { sharedPassageShare, MIN_SHARED_PASSAGES } from './library/revision-check.ts';
import { LoadError, openWorkLoader } from './load/work-loader.ts';
import type { WorkLocation } from './load/work-location.ts';
import type { ImportedText } from './model/imported-text.ts';
import { canonicalText } from './anchoring/doc-text.ts';
import { sha256Hex, type WorkMeta } from './model/work.ts';
import type { ApReader } from './panels/ap-reader.ts';
import type { ReviewRow } from './panels/ap-revision-review.ts';
import { Plugin } from 'prosemirror-state';

/** What the page knows of the revision it reads. */
export interface RevisionSession {
  editor: ReaderEditor;
  meta: WorkMeta;
  imported: ImportedText;
  where: WorkLocation;
  /** The library record of the work's revisions (null: none followed yet) and the revision read. */
  followed: { work: LibraryWork; revision: LibraryRevision } | null;
  /** The text's bytes as read, to start following a project work (its r1). */
  textBytes: () => Promise<Uint8Array>;
}

/** A newer revision read and anchored, waiting for the reader's word. */
interface Candidate {
  bytes: Uint8Array;
  sha256: string;
  origin: string;
  format: LibraryWork['format'];
  imported: ImportedText;
  counts: Record<ReviewOutcome, number>;
}

/** The revision the notes of a page on `session` are carried to: the one read. */
function currentRef(session: RevisionSession): RevisionRef {
  return session.followed ? revisionRef(session.followed.revision) : { sha256: session.meta.sha256 };
}

/** The revision a note without a State was made on: the work's first (the project's own text). */
function firstRef(session: RevisionSession): RevisionRef {
  return session.followed ? revisionRef(session.followed.work.revisions[0]!) : { sha256: session.meta.sha256 };
}

/** Adds "Newer revision…" to the toolbar, and the review when the page asks for it (`#review`). Never throws. */
export function mountRevisionTools(reader: ApReader, session: RevisionSession): void {
  const recordId = followedRecordId(session.where);
  if (!recordId) return; // a text opened from a link keeps no revisions
  const dialog = document.createElement('dialog');
  dialog.className = 'ap-open-dialog ap-revision-dialog';
  dialog.setAttribute('aria-labelledby', 'ap-revision-title');
  const wikipedia = /^https:\/\/[a-z-]+\.wikipedia\.org\/wiki\//.test(session.meta.source);
  dialog.innerHTML = `
    <h2 id="ap-revision-title"></h2>
    <p>The notes are re-anchored on it in the background and you review where each one goes; nothing changes until you confirm.</p>
    <p><label for="ap-revision-file">A file with the newer text</label></p>
    <form class="ap-revision-paste" method="dialog">
      <label for="ap-revision-text">Or paste the newer text</label>
      <textarea id="ap-revision-text" rows="4" spellcheck="false"></textarea>
      <p class="row"><button type="submit">Use the pasted text</button></p>
    </form>
    ${wikipedia ? '<p><button type="button" class="ap-revision-check">Check Wikipedia for a newer revision</button></p>' : ''}
    <div class="ap-revision-result" role="status" aria-live="polite"></div>
    <p class="actions"><button type="button" class="ap-revision-confirm" hidden>Open this revision and review the notes</button> <button type="button" class="ap-revision-close">Cancel</button></p>`;
  dialog.querySelector('#ap-revision-title')!.textContent = `Open a newer revision of “${session.meta.title}”`;
  const file = Object.assign(document.createElement('input'), { type: 'file', id: 'ap-revision-file', accept: '.txt,.md,.markdown,.html,.htm,.xml,text/plain,text/markdown,text/html,application/xml' });
  dialog.querySelector('label[for="ap-revision-file"]')!.after(file);
  const result = dialog.querySelector<HTMLElement>('.ap-revision-result')!;
  const confirm = dialog.querySelector<HTMLButtonElement>('.ap-revision-confirm')!;
  dialog.querySelector('.ap-revision-close')!.addEventListener('click', () => dialog.close());
  document.body.append(dialog);

  let candidate: Candidate | null = null;
  const say = (kind: 'working' | 'failed' | 'ready', text: string) => {
    result.dataset['outcome'] = kind;
    const p = Object.assign(document.createElement('p'), { textContent: text, className: kind === 'failed' ? 'error' : '' });
    if (kind === 'failed') p.setAttribute('role', 'alert');
    result.replaceChildren(p);
  };
  const run = async (get: () => Promise<{ bytes: Uint8Array; origin: string; article?: string }>) => {
    candidate = null;
    confirm.hidden = true;
    say('working', 'Reading the newer revision and re-anchoring the notes…');
    try {
      candidate = await prepare(session, await get());
      const c = candidate.counts;
      const total = c.unchanged + c.moved + c.reanchored + c.orphan;
      say('ready', `${candidate.origin}: ${candidate.imported.blocks.length} blocks. Of ${total} notes, ${c.unchanged} stay as they are, ${c.moved} moved with their passage, ${c.reanchored} are on changed words and ${c.orphan} are not found. Nothing has changed yet.`);
      confirm.hidden = false;
      confirm.focus();
    } catch (e) {
      say('failed', `${(e as Error).message} The revision you are reading and its notes are unchanged.`);
    }
  };
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f) void run(async () => ({ bytes: new Uint8Array(await f.arrayBuffer()), origin: f.name }));
  });
  dialog.querySelector('form')!.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = dialog.querySelector<HTMLTextAreaElement>('#ap-revision-text')!.value;
    void run(async () => ({ bytes: new TextEncoder().encode(text), origin: 'the pasted text' }));
  });
  dialog.querySelector('.ap-revision-check')?.addEventListener('click', () => void run(() => fetchLatest(session.meta)));
  confirm.addEventListener('click', () => {
    const c = candidate;
    if (!c) return;
    confirm.disabled = true;
    void keepRevision(session, recordId, c)
      .then((id) => {
        const url = new URL(window.location.href);
        url.searchParams.set('revision', id);
        url.hash = 'review';
        window.location.assign(url.href);
      })
      .catch((e: Error) => say('failed', `The revision could not be kept in this browser: ${e.message}`))
      .finally(() => (confirm.disabled = false));
  });

  const button = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Newer revision…', slot: 'tools', className: 'ap-tool' });
  button.setAttribute('aria-haspopup', 'dialog');
  button.addEventListener('click', () => {
    if (!dialog.open) dialog.showModal();
  });
  reader.append(button);

  if (session.followed && session.followed.work.revisions.length > 1) {
    const open = () => void openReview(reader, session);
    const review = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Review notes', slot: 'tools', className: 'ap-tool ap-review-tool' });
    review.addEventListener('click', open);
    reader.append(review);
    if (window.location.hash === '#review') open();
  }
}

/**
 * Reads, checks and re-anchors a newer revision (in the load worker) without changing anything.
 * @throws Error saying what is wrong with it (see the module comment).
 */
async function prepare(session: RevisionSession, got: { bytes: Uint8Array; origin: string; article?: string }): Promise<Candidate> {
  const { bytes, origin } = got;
  const problem = sourceBytesProblem(bytes, origin === 'the pasted text' ? 'The pasted text' : origin);
  if (problem) throw new Error(problem);
  const sha256 = await sha256Hex(bytes);
  if (sha256 === session.meta.sha256) throw new Error(`${origin} is the very revision you are reading (the same bytes): there is nothing newer in it.`);
  const kept = session.followed?.work.revisions.find((r) => r.sha256 === sha256);
  if (kept) throw new Error(`${origin} is revision ${kept.id} of this work, already kept in this browser: open it with &revision=${kept.id}.`);
  const loader = openWorkLoader();
  try {
    let imported: ImportedText;
    let format: LibraryWork['format'];
    try {
      ({ imported, format } = await loader.read({ textUrl: new URL(`revision-${sha256.slice(0, 12)}`, window.location.href).href, bytes, notesUrl: null, meta: { ...session.meta, sha256 } }));
    } catch (e) {
      throw new Error(e instanceof LoadError && e.importError ? `${origin} cannot be read: ${e.importError.message}.` : `${origin} cannot be read: ${(e as Error).message}.`);
    }
    const title = imported.meta?.title?.trim();
    if (title && title.toLowerCase() !== session.meta.title.trim().toLowerCase()) {
      throw new Error(`${origin} is “${title}”, not a revision of “${session.meta.title}”.`);
    }
    const share = sharedPassageShare(canonicalText(session.imported.blocks, session.imported.references), canonicalText(imported.blocks, imported.references));
    if (share < MIN_SHARED_PASSAGES) {
      throw new Error(`${origin} does not look like a revision of “${session.meta.title}”: only ${Math.round(share * 100)} % of its passages are in it.`);
    }
    const notes = [...annotationsOf(session.editor.state).byId.values()].map((e) => e.annotation).filter((a) => textTargetOf(a));
    const placements = await loader.place(notes);
    const landings = notes.map((a, i) => ({ before: positionSelectorOf(textTargetOf(a)!)?.start ?? null, status: placements[i]!.status === 'reply' ? ('orphan' as const) : placements[i]!.status as 'exact' | 'fuzzy' | 'orphan', after: placements[i]!.range?.from ?? 0 }));
    return { bytes, sha256, origin, format, imported, counts: countOutcomes(classifyLandings(landings).map((outcome) => ({ outcome }))) };
  } finally {
    loader.close();
  }
}

/**
 * The latest revision of the Wikipedia article the work comes from (its Parsoid HTML).
 * @throws Error when it cannot be fetched whole (the connection, the server's answer, a body cut off).
 */
async function fetchLatest(meta: WorkMeta): Promise<{ bytes: Uint8Array; origin: string }> {
  const article = parseWikipediaInput(meta.source);
  const url = parsoidHtmlUrl(article);
  let res: Response;
  try {
    res = await fetch(url, { headers: { 'Api-User-Agent': API_USER_AGENT } });
  } catch (e) {
    throw new Error(`Could not reach ${article.language}.wikipedia.org to check “${meta.title}” (${(e as Error).message}).`);
  }
  if (!res.ok) throw new Error(`${article.language}.wikipedia.org answered ${res.status} ${res.statusText} for “${meta.title}” (${url}).`);
  try {
    return { bytes: new Uint8Array(await res.arrayBuffer()), origin: `the latest revision of ${article.language}:${article.title.replace(/_/g, ' ')}` };
  } catch (e) {
    throw new Error(`The latest revision of “${meta.title}” was cut off while it arrived (${(e as Error).message}); try again.`);
  }
}

/** Keeps `c` as the newest revision of the work (starting the record with the project's text for a project work); its id. */
async function keepRevision(session: RevisionSession, recordId: string, c: Candidate): Promise<string> {
  const { openLibraryStore } = await import('./store/library-store.ts');
  const store = await openLibraryStore();
  try {
    const now = new Date().toISOString();
    if (session.where.kind === 'project' && !(await store.get(recordId))) {
      await store.keep(projectRecord(recordId, session.meta, await session.textBytes(), 'text', now));
    }
    const base = session.followed?.work ?? (await store.get(recordId));
    const incoming = deriveLibraryWork({ bytes: c.bytes, sha256: c.sha256, format: c.format, origin: c.origin, ...(c.imported.meta ? { meta: c.imported.meta } : {}), id: recordId, date: now });
    // The work's metadata stays the work's: only the revision is new.
    const kept = await store.keep(base ? { ...base, opened: now, format: incoming.format, revisions: incoming.revisions } : incoming);
    return currentRevision(kept.work).id;
  } finally {
    store.close();
  }
}

/** The review on this page: built once from the notes not on the revision read, then kept in step with the notes. */
async function openReview(reader: ApReader, session: RevisionSession): Promise<void> {
  await import('./panels/ap-revision-review.ts');
  let panel = document.querySelector<HTMLDialogElement>('dialog.ap-review-dialog');
  if (panel) {
    if (!panel.open) panel.show();
    return;
  }
  const editor = session.editor;
  const current = currentRef(session);
  const first = firstRef(session);
  const docText = docTextOf(editor.state.doc);
  const byId = annotationsOf(editor.state).byId;
  // The notes to review: those on another revision than the one read, not kept there on purpose.
  const notes = [...byId.values()].filter((e) => {
    const target = textTargetOf(e.annotation);
    if (!target) return false;
    const on = revisionOfTarget(target);
    return (on?.sha256 ?? first.sha256) !== current.sha256 && !on?.kept;
  });
  const results = new Map<string, AnchorResult>();
  for (const e of notes) {
    const r = anchorResultOf(docText, e.annotation, e);
    if (r) results.set(e.annotation.id, r);
  }
  const items = reviewRevision(
    notes.map((e) => e.annotation),
    results,
  );
  const reviewed = new Set(items.map((i) => i.id));
  const reattached = new Set<string>();
  const labelOf = (a: Annotation) => {
    const body = a.body?.find((b) => b.type === 'TextualBody' && !b.purpose);
    const text = body && 'value' in body ? body.value : a.motivation;
    return text.length > 140 ? `${text.slice(0, 140)}…` : text;
  };
  const rows = (): ReviewRow[] => {
    const now = annotationsOf(editor.state).byId;
    return items.map((item) => {
      const a = now.get(item.id)?.annotation;
      const target = a && textTargetOf(a);
      const on = target ? revisionOfTarget(target) : null;
      const decision = !a ? 'kept' : on?.kept ? 'kept' : on?.sha256 === current.sha256 ? (reattached.has(item.id) ? 'reattached' : 'accepted') : 'pending';
      const attachedTo = decision === 'reattached' && target ? target.selector.find((x) => x.type === 'TextQuoteSelector')?.exact : undefined;
      const keptOn = decision === 'kept' && on ? session.followed?.work.revisions.find((r) => r.sha256 === on.sha256) : undefined;
      return {
        ...item,
        label: a ? labelOf(a) : '(deleted)',
        decision,
        ...(attachedTo !== undefined ? { attachedTo } : {}),
        ...(keptOn ? { keptHref: revisionHref(keptOn.id, item.id) } : {}),
      };
    });
  };

  panel = document.createElement('dialog');
  panel.className = 'ap-open-dialog ap-review-dialog';
  panel.setAttribute('aria-labelledby', 'ap-review-title');
  panel.innerHTML = `<h2 id="ap-review-title">Review the notes on the newer revision</h2><ap-revision-review></ap-revision-review>
    <div class="ap-revision-result" role="status" aria-live="polite"></div>
    <p class="actions"><button type="button" class="ap-review-close">Close</button></p>`;
  document.body.append(panel);
  const view = panel.querySelector('ap-revision-review')!;
  const status = panel.querySelector<HTMLElement>('.ap-revision-result')!;
  void showEvidence(panel, view, session);
  const revision = session.followed!.revision;
  view.revisionLabel = `revision ${revision.id} (${revision.source})`;
  view.items = rows();
  panel.querySelector('.ap-review-close')!.addEventListener('click', () => panel!.close());

  // Keep the list in step with the notes (a decision, its undo, a save from elsewhere).
  const watch = new Plugin({
    view: () => ({
      update: (v, prev) => {
        if (annotationsOf(v.state) !== annotationsOf(prev)) view.items = rows();
      },
    }),
  });
  editor.view.updateState(editor.state.reconfigure({ plugins: [...editor.state.plugins, watch] }));

  panel.addEventListener('review-decision', (e) => {
    const { action, ids } = e as unknown as { action: 'accept' | 'reattach' | 'keep' | 'show'; ids: readonly string[] };
    status.textContent = '';
    const state = editor.state;
    const entries = annotationsOf(state).byId;
    const put = (list: AnnotationEntry[]) => editor.run((s, dispatch) => {
      dispatch?.(s.tr.setMeta(annotationsKey, { type: 'put', entries: list } satisfies AnnotationAction));
      return true;
    });
    if (action === 'show') {
      editor.run(focusNote(ids[0]!), { focus: true });
      return;
    }
    if (action === 'accept') {
      const list = ids.flatMap((id) => {
        const entry = entries.get(id);
        const item = items.find((i) => i.id === id);
        const target = entry && textTargetOf(entry.annotation);
        if (!entry || !target || !item?.after || !reviewed.has(id)) return [];
        return [{ ...entry, annotation: { ...entry.annotation, target: carriedTarget(target, docText.text, item.after.start, item.after.end, current) }, status: 'exact' as const, score: 1 }];
      });
      put(list);
      status.textContent = `${list.length} ${list.length === 1 ? 'note' : 'notes'} accepted on this revision (Ctrl+Z undoes).`;
      return;
    }
    const id = ids[0]!;
    const entry = entries.get(id);
    const target = entry && textTargetOf(entry.annotation);
    if (!entry || !target) return;
    if (action === 'keep') {
      const on = revisionOfTarget(target);
      const older = on ? { ...first, sha256: on.sha256 } : first;
      put([{ ...entry, annotation: { ...entry.annotation, target: keptTarget(target, older) }, range: null, status: 'orphan' }]);
      status.textContent = 'Left on the older revision: it is listed under “Unanchored” here and shown on its own revision.';
      return;
    }
    const passage = selectedPassage(state);
    if (!passage) {
      status.textContent = 'Select the words in the text to attach this note to, then press “Re-attach to selected words” (or r) again.';
      return;
    }
    reattached.add(id);
    const { from, to } = state.selection;
    put([{ ...entry, annotation: { ...entry.annotation, target: carriedTarget(target as TextTarget, docText.text, passage.start, passage.end, current) }, range: { from, to }, status: 'exact', score: 1 }]);
    status.textContent = `Re-attached to “${passage.exact.length > 60 ? `${passage.exact.slice(0, 60)}…` : passage.exact}”.`;
  });
  panel.show();
  const firstPending = view.ordered.find((r) => r.decision === 'pending');
  if (firstPending) view.focusItem(firstPending.id);
}

/** The address of this page's work on revision `revision`, opened on note `id`. */
export function revisionHref(revision: string, id: string): string {
  const url = new URL(window.location.href);
  url.searchParams.set('revision', revision);
  url.hash = `annotation=${encodeURIComponent(id)}`;
  return url.href;
}

/**
 * The placements of notes kept on another revision than `readSha256`: off this text (orphans). Every other
 * placement as it is.
 */
export function keepOffOtherRevisions<T extends { annotation: Annotation; range: unknown; status: string }>(entries: T[], readSha256: string): T[] {
  return entries.map((e) => {
    const target = textTargetOf(e.annotation);
    const on = target ? revisionOfTarget(target) : null;
    return on?.kept && on.sha256 !== readSha256 ? { ...e, range: null, status: 'orphan' } : e;
  });
}

/**
 * What changed in the evidence between the revision before the one read and the one read (issue 10 §4), in the
 * review's `evidence` slot; "Go to" selects the change in the text. Loaded on first use; a previous revision that
 * cannot be read or compared says so in the slot instead. Nothing is changed.
 */
async function showEvidence(panel: HTMLDialogElement, view: HTMLElement, session: RevisionSession): Promise<void> {
  const followed = session.followed;
  if (!followed) return;
  const at = followed.work.revisions.findIndex((r) => r.sha256 === followed.revision.sha256);
  const previous = at > 0 ? followed.work.revisions[at - 1]! : null;
  if (!previous) return;
  const slot = (el: HTMLElement) => {
    el.slot = 'evidence';
    view.append(el);
  };
  try {
    const [{ importSourceLazily }, { diffEvidence }, { revisionName }] = await Promise.all([
      import('./sources/import-source-lazily.ts'),
      import('./revisions/evidence-diff.ts'),
      import('./evidence-tools.ts'),
      import('./panels/ap-evidence-diff.ts'),
    ]);
    const before = (await importSourceLazily(previous.bytes, { origin: previous.source, format: followed.work.format })).imported;
    const report = diffEvidence(before, session.imported, { oldName: revisionName(previous), newName: revisionName(followed.revision) });
    const diff = document.createElement('ap-evidence-diff');
    diff.report = report;
    slot(diff);
    panel.addEventListener('ap-evidence-export', async (e) => {
      const format = e.detail.format;
      const name = `${session.meta.id}-${previous.id}-${followed.revision.id}-evidence.${format}`;
      const { download } = await import('./export-tools.ts');
      if (format === 'md') download(name, 'text/markdown;charset=utf-8', (await import('./revisions/evidence-markdown.ts')).evidenceMarkdown(report));
      else download(name, 'text/html;charset=utf-8', (await import('./revisions/evidence-html.ts')).evidenceHtml(report));
    });
  } catch (e) {
    slot(Object.assign(document.createElement('p'), { className: 'error', textContent: `The revision before this one (${previous.id}) cannot be compared with it: ${(e as Error).message}` }));
    return;
  }
  panel.addEventListener('ap-evidence-jump', async (e) => {
    const { side, place } = e.detail;
    if (side === 'old') return;
    const { selectCanonical } = await import('./editor/select-canonical.ts');
    session.editor.run(selectCanonical(place.from, place.to), { focus: true });
  });
}
