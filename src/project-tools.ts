/**
 * "Save to project": offered only when the dev server says it can write the project's notes file
 * (`GET /api/capabilities` → `{ saveToProject: true }`). The button posts the notes, with the version of the project
 * file they started from (`ProjectBase`), to `/api/annotations/<work>`; the server merges three-way with the file as
 * it is now (store/save-project-notes.ts), writes it atomically and says what it did.
 *
 * After a save the reader is brought level with the file: what the merge took from the file (a colleague's note,
 * a conflict copy, a change or a deletion made there) is applied to the notes on the page (undoable, like an
 * import), and the file's new version becomes the working copy's base — recorded atomically with the notes — so
 * that the next load or save merges from it.
 */
import type { Annotation } from './anchoring/annotation-types.ts';
import { deleteNotes, putNotes } from './editor/annotation-commands.ts';
import { annotationsOf } from './editor/annotation-plugin.ts';
import type { ReaderEditor } from './editor/reader-view.ts';
import type { ApReader } from './panels/ap-reader.ts';
import type { AnnotationRepository, ProjectBase } from './store/annotation-repository.ts';

export interface ProjectToolsOptions {
  /** the work's id when it came from the project's corpus (null for texts loaded by URL: nothing to save to) */
  workId: string | null;
  /** the notes collection to write, as JSON */
  save: () => string;
  /**
   * The working copy: where its base is recorded and the version of the project file it started from
   * (`startingNotes(…).base`; null: unknown, then the server removes nothing), and the editor whose notes it
   * holds. Without it, saves carry no base and the page is not brought level with the file.
   */
  working?: { repository: AnnotationRepository; base: ProjectBase | null; editor: ReaderEditor };
}

/** The server's answer to a merging save (see project-save-plugin.ts). */
interface SaveAnswer {
  ok?: boolean;
  path?: string;
  count?: number;
  sha256?: string;
  upToDate?: boolean;
  message?: string;
  error?: string;
  /** The notes of the file now, when the merge took anything from the file (`upToDate` false). */
  annotations?: Annotation[];
}

/** Adds the button to the reader's toolbar when the server offers saving. Never throws. */
export async function mountProjectTools(reader: ApReader, options: ProjectToolsOptions): Promise<void> {
  if (!options.workId) return;
  const workId = options.workId;
  let offered = false;
  try {
    const res = await fetch('/api/capabilities');
    offered = res.ok && ((await res.json()) as { saveToProject?: boolean }).saveToProject === true;
  } catch {
    offered = false;
  }
  if (!offered) return;
  let base = options.working?.base ?? null;
  const button = document.createElement('button');
  button.type = 'button';
  button.slot = 'tools';
  button.className = 'ap-tool';
  button.textContent = 'Save to project';
  button.title = `Write annotations/${workId}.jsonld in the project folder, keeping what changed there meanwhile`;
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const notes = options.save();
      const sent = (JSON.parse(notes) as { first?: { items?: Annotation[] } }).first?.items ?? [];
      const res = await fetch(`/api/annotations/${workId}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/ld+json' },
        body: `{"base":${JSON.stringify(base ? { sha256: base.sha256, items: base.annotations } : null)},"notes":${notes}}`,
      });
      const answer = (await res.json().catch(() => ({}))) as SaveAnswer;
      if (!res.ok || !answer.ok) {
        reader.announce(`Save to project failed: ${answer.error ?? `${res.status} ${res.statusText}`}`);
        return;
      }
      const fileNotes = answer.upToDate ? sent : (answer.annotations ?? null);
      const editor = options.working?.editor ?? null;
      const level = fileNotes && editor ? await bringLevel(editor, sent, fileNotes) : false;
      // The outcome is a message of its own: the autosave status beside it keeps saying how the browser copy is.
      reader.announce(`${answer.message ?? `Saved ${answer.count ?? ''} notes to ${answer.path ?? 'the project'}`}${answer.upToDate || level ? '' : ' — reload to see the notes from the file here'}`);
      if (fileNotes && (answer.upToDate || level) && answer.sha256) {
        base = { sha256: answer.sha256, annotations: fileNotes };
        if (options.working && editor) {
          const current = [...annotationsOf(editor.view.state).byId.values()].map((e) => e.annotation);
          await options.working.repository.save(workId, current, base).catch((e: Error) => reader.announce(`Saved to the project, but not in this browser: ${e.message}`));
        }
      }
    } catch (e) {
      reader.announce(`Save to project failed: ${(e as Error).message}`);
    } finally {
      button.disabled = false;
    }
  });
  reader.append(button);
}

/**
 * Applies to the notes on the page what the file now holds differently from what was `sent`: notes new or changed
 * there are put (anchored here), notes sent but no longer there are deleted; notes written on the page since the
 * save began are left alone. Undoable as one change each. True once applied.
 */
async function bringLevel(editor: ReaderEditor, sent: readonly Annotation[], fileNotes: readonly Annotation[]): Promise<boolean> {
  const { sameAnnotation } = await import('./anchoring/merge-annotations.ts');
  const sentById = new Map(sent.map((a) => [a.id, a]));
  const fileIds = new Set(fileNotes.map((a) => a.id));
  const toPut = fileNotes.filter((a) => {
    const mine = sentById.get(a.id);
    return !mine || !sameAnnotation(mine, a);
  });
  const toDelete = sent.filter((a) => !fileIds.has(a.id)).map((a) => a.id);
  if (toPut.length) {
    const { anchorEntries } = await import('./editor/anchor-entries.ts');
    editor.run(putNotes(anchorEntries(editor.view.state.doc, toPut)));
  }
  if (toDelete.length) editor.run(deleteNotes(toDelete));
  return true;
}
