/**
 * Composition root: the only module that wires every layer. Loads the work (text, metadata, hash check), builds
 * the document, mounts the editor into `<ap-reader>`'s text slot and sends snapshots down after every update.
 *
 * URL parameters: `?work=<id>` loads `corpus/<id>/text.txt` and `corpus/<id>/work.json` (default `kavbiuro`);
 * `?text=<url>&meta=<url>` load any text and metadata (benchmarks). `#claim=<id>` selects a claim on load.
 * When ready, `<html data-apparatus-ready="true">`; `window.apparatus` exposes the view for tests and benchmarks.
 */
import './styles/reader.css';
import { createReaderState, NAVIGATION_KEYS } from './editor/create-state.ts';
import { highlightPlugin } from './editor/highlight-plugin.ts';
import { mountReaderEditor, type ReaderEditor } from './editor/reader-view.ts';
import { selectClaim } from './editor/commands.ts';
import { SnapshotBuilder } from './editor/snapshot.ts';
import { buildDoc } from './model/build-doc.ts';
import { ImportError } from './model/import-error.ts';
import { importText } from './model/import-text.ts';
import { checkWorkText, parseWorkMeta, type WorkMeta } from './model/work.ts';
import type { ApReader } from './panels/ap-reader.ts';
import './panels/ap-reader.ts';

declare global {
  interface Window {
    apparatus?: { editor: ReaderEditor; meta: WorkMeta };
  }
}

/** Where the work's files are, from the page URL. */
function workUrls(location: Location): { text: string; meta: string } {
  const params = new URLSearchParams(location.search);
  const text = params.get('text');
  const meta = params.get('meta');
  if (text && meta) return { text, meta };
  const id = params.get('work') ?? 'kavbiuro';
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) throw new Error(`"${id}" is not a work name (lower-case letters, digits and hyphens)`);
  return { text: `corpus/${id}/text.txt`, meta: `corpus/${id}/work.json` };
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

async function start(): Promise<void> {
  const reader = document.querySelector('ap-reader')!;
  reader.setAttribute('aria-busy', 'true');
  reader.keys = NAVIGATION_KEYS;
  let urls: { text: string; meta: string };
  try {
    urls = workUrls(window.location);
  } catch (e) {
    showFatal(reader, (e as Error).message);
    return;
  }
  let meta: WorkMeta;
  let bytes: Uint8Array;
  try {
    const [metaRes, textRes] = await Promise.all([fetchOk(urls.meta), fetchOk(urls.text)]);
    meta = parseWorkMeta(await metaRes.json(), urls.meta);
    bytes = new Uint8Array(await textRes.arrayBuffer());
  } catch (e) {
    showFatal(reader, (e as Error).message);
    return;
  }
  const warnings: string[] = [];
  const altered = await checkWorkText(meta, bytes);
  if (altered) warnings.push(altered);
  let imported;
  try {
    imported = importText(bytes, { language: meta.language });
  } catch (e) {
    showFatal(reader, e instanceof ImportError ? `The text cannot be read: ${e.message}` : String(e));
    return;
  }
  document.title = `${meta.title} — Apparatus`;
  document.documentElement.lang = meta.language;
  const snapshots = new SnapshotBuilder(meta, imported, warnings);
  const state = createReaderState(buildDoc(imported), [highlightPlugin()]);
  const place = document.getElementById('text')!;
  const editor = mountReaderEditor(place, state, `${meta.title} — source text, read-only`, (next) => {
    reader.snapshot = snapshots.build(next);
  });
  reader.editor = editor;
  reader.snapshot = snapshots.build(state);
  window.apparatus = { editor, meta };

  const claimFromHash = () => {
    const m = /^#claim=(.+)$/.exec(window.location.hash);
    if (m) editor.run(selectClaim(decodeURIComponent(m[1]!)), { focus: true });
  };
  claimFromHash();
  window.addEventListener('hashchange', claimFromHash);
  await reader.updateComplete;
  reader.removeAttribute('aria-busy');
  document.documentElement.dataset['apparatusReady'] = 'true';
}

void start();
