/**
 * "Save to project": offered only when the dev server says it can write the project's notes file
 * (`GET /api/capabilities` → `{ saveToProject: true }`). The button posts the notes collection to
 * `/api/annotations/<work>`; the server validates it and writes `annotations/<work>.jsonld` atomically.
 */
import type { ApReader } from './panels/ap-reader.ts';

export interface ProjectToolsOptions {
  /** the work's id when it came from the project's corpus (null for texts loaded by URL: nothing to save to) */
  workId: string | null;
  /** the notes collection to write, as JSON */
  save: () => string;
}

/** Adds the button to the reader's toolbar when the server offers saving. Never throws. */
export async function mountProjectTools(reader: ApReader, options: ProjectToolsOptions): Promise<void> {
  if (!options.workId) return;
  let offered = false;
  try {
    const res = await fetch('/api/capabilities');
    offered = res.ok && ((await res.json()) as { saveToProject?: boolean }).saveToProject === true;
  } catch {
    offered = false;
  }
  if (!offered) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.slot = 'tools';
  button.className = 'ap-tool';
  button.textContent = 'Save to project';
  button.title = `Write annotations/${options.workId}.jsonld in the project folder`;
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const res = await fetch(`/api/annotations/${options.workId}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/ld+json' },
        body: options.save(),
      });
      const answer = (await res.json().catch(() => ({}))) as { ok?: boolean; path?: string; count?: number; error?: string };
      // The outcome is a message of its own: the autosave status beside it keeps saying how the browser copy is.
      reader.announce(
        res.ok && answer.ok
          ? `Saved ${answer.count ?? ''} notes to ${answer.path ?? 'the project'}`
          : `Save to project failed: ${answer.error ?? `${res.status} ${res.statusText}`}`,
      );
    } catch (e) {
      reader.announce(`Save to project failed: ${(e as Error).message}`);
    } finally {
      button.disabled = false;
    }
  });
  reader.append(button);
}
