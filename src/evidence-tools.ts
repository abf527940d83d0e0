/**
 * "Compare with previous revision": when the work being read is kept in this browser's library with two or more
 * revisions, a toolbar button compares the revision before the current one with it (revisions/evidence-diff.ts)
 * and shows `<ap-evidence-diff>` in a dialog, with the notes of the work that sit on changed evidence. "Go to" closes the dialog and selects the change in the text; the
 * report downloads as Markdown or HTML. The comparison and its view are loaded on first use.
 *
 * Nothing is changed: the library and the notes are only read. A previous revision that cannot be read says so in
 * the toolbar's status line.
 */
import type { ReaderEditor } from './editor/reader-view.ts';
import { download } from './export-tools.ts';
import type { LibraryRevision, LibraryWork } from './library/library-work.ts';
import type { ImportedText } from './model/imported-text.ts';
import type { ApReader } from './panels/ap-reader.ts';
import type { EvidenceReport } from './revisions/evidence-types.ts';

export interface EvidenceToolsOptions {
  editor: ReaderEditor;
  /** The current revision, as the page imported it. */
  imported: ImportedText;
  /** The library id of the work read, or null for a project work or a link (which have no revisions kept). */
  libraryId: string | null;
}

/** How a revision is named in the report: `r2 (revision 123456), 2026-12-06`. */
export function revisionName(r: LibraryRevision): string {
  return `${r.id}${r.revision ? ` (revision ${r.revision})` : ''}, ${r.date.slice(0, 10)}`;
}

/** Adds the command when the library holds two or more revisions of the work read. Never throws. */
export async function mountEvidenceTools(reader: ApReader, options: EvidenceToolsOptions): Promise<void> {
  if (options.libraryId === null) return;
  let work: LibraryWork | null;
  try {
    const { openLibraryStore } = await import('./store/library-store.ts');
    const store = await openLibraryStore();
    try {
      work = await store.get(options.libraryId);
    } finally {
      store.close();
    }
  } catch (e) {
    console.warn('The library could not be read; no revision comparison', e);
    return;
  }
  // Said on the reader (`data-revisions`) once known, so that a page or a test can tell "no command" from "not yet".
  reader.dataset['revisions'] = String(work?.revisions.length ?? 0);
  if (!work || work.revisions.length < 2) return;
  const previous = work.revisions[work.revisions.length - 2]!;
  const current = work.revisions[work.revisions.length - 1]!;

  const dialog = document.createElement('dialog');
  dialog.className = 'ap-evidence-dialog';
  dialog.setAttribute('aria-label', 'What changed in the evidence');
  const close = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Close', className: 'ap-evidence-close' });
  close.addEventListener('click', () => dialog.close());
  document.body.append(dialog);

  let report: EvidenceReport | null = null;
  const button = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Compare with previous revision', slot: 'tools', className: 'ap-tool' });
  button.setAttribute('aria-haspopup', 'dialog');
  button.addEventListener('click', async () => {
    try {
      if (!report) {
        const [{ importSourceLazily }, { diffEvidence }] = await Promise.all([import('./sources/import-source-lazily.ts'), import('./revisions/evidence-diff.ts'), import('./panels/ap-evidence-diff.ts')]);
        const before = (await importSourceLazily(previous.bytes, { origin: previous.source, format: work.format })).imported;
        report = diffEvidence(before, options.imported, { oldName: revisionName(previous), newName: revisionName(current) });
        // The notes of this work that sit on changed evidence (anchored on both revisions).
        const [{ notesOnChanges }, { canonicalText }, { annotationsOf }, { annotationSetOf }] = await Promise.all([
          import('./revisions/evidence-notes.ts'),
          import('./anchoring/doc-text.ts'),
          import('./editor/annotation-plugin.ts'),
          import('./editor/autosave-plugin.ts'),
        ]);
        const notes = annotationSetOf(annotationsOf(options.editor.view.state));
        if (notes.length) {
          report.notes = notesOnChanges(report, canonicalText(before.blocks, before.references), canonicalText(options.imported.blocks, options.imported.references), notes);
        }
        const view = document.createElement('ap-evidence-diff');
        view.report = report;
        dialog.replaceChildren(close, view);
      }
      if (!dialog.open) dialog.showModal();
    } catch (e) {
      reader.announce(`The previous revision (${previous.id}) cannot be compared: ${(e as Error).message}`);
    }
  });
  reader.append(button);
  reader.dataset['evidenceTools'] = 'ready';

  dialog.addEventListener('ap-evidence-jump', async (e) => {
    const { side, place } = e.detail;
    if (side === 'old') return;
    const { selectCanonical } = await import('./editor/select-canonical.ts');
    dialog.close();
    const shown = options.editor.run(selectCanonical(place.from, place.to), { focus: true });
    reader.announce(shown ? (side === 'near' ? 'Where it stood in this revision.' : 'Change selected in the text.') : 'This change is outside the text.');
  });
  dialog.addEventListener('ap-evidence-export', async (e) => {
    if (!report) return;
    const format = e.detail.format;
    const name = `${options.libraryId}-${previous.id}-${current.id}-evidence.${format}`;
    if (format === 'md') download(name, 'text/markdown;charset=utf-8', (await import('./revisions/evidence-markdown.ts')).evidenceMarkdown(report));
    else download(name, 'text/html;charset=utf-8', (await import('./revisions/evidence-html.ts')).evidenceHtml(report));
    reader.announce(`Exported the evidence report as ${format === 'md' ? 'Markdown' : 'HTML'}.`);
  });
}
