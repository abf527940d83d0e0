/**
 * Builds and mounts a work's document a slice of blocks at a time, so that no task of the page runs long: the view
 * is mounted with the first slice, then each further slice is appended by a load transaction (read-only.ts allows
 * only that, and only while loading), yielding to the event loop in between. Slices are sized by time: each aims
 * at `budgetMs` of building and rendering, measured on the slices before it. Blocks far from the viewport are
 * mounted as their plain text and built in full when the reader nears them (editor/lazy-blocks.ts).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { blockNode, blockPartsOf, claimsByBlock, referencesNode } from '../model/build-doc.ts';
import type { ImportedText } from '../model/imported-text.ts';
import { schema } from '../model/schema.ts';
import { createReaderState, type ReaderSetup } from '../editor/create-state.ts';
import { ClaimIndex, type ClaimRange } from '../editor/claim-index.ts';
import { appendBlocks } from '../editor/read-only.ts';
import { mountReaderEditor, type ReaderEditor } from '../editor/reader-view.ts';
import { yieldToPage } from './work-loader.ts';

/** What `mountInSlices` needs. `onProgress` gets the fraction of blocks mounted, in (0, 1]. */
export interface SliceMountOptions {
  place: HTMLElement;
  imported: ImportedText;
  /** the session's plugins (`readerPlugins`); `loading` is set here */
  setup: Omit<ReaderSetup, 'loading'>;
  label: string;
  onProgress?: (fraction: number) => void;
  /** target duration of one slice's work, in ms (default 25) */
  budgetMs?: number;
}

/**
 * Mounts the editor on the whole document of `imported`, slice by slice. The resolved editor's state is still
 * loading (`isLoading`): the caller puts the notes in and ends loading with `finishLoading`. Its document equals
 * `buildDoc(imported)`, and its claim index (`ClaimIndex.of`) is ready.
 */
export async function mountInSlices(options: SliceMountOptions): Promise<ReaderEditor> {
  const { imported } = options;
  const budget = options.budgetMs ?? 25;
  const byBlock = claimsByBlock(imported.claims);
  const partsOf = blockPartsOf(imported);
  const total = imported.blocks.length;
  let next = 0;
  // Characters per slice: text length is what building and rendering cost grows with. Start small, then adapt.
  let chars = 20_000;
  let size = 0;
  const take = (): PMNode[] => {
    const nodes: PMNode[] = [];
    size = 0;
    while (next < total && (nodes.length === 0 || size < chars)) {
      const block = imported.blocks[next]!;
      nodes.push(blockNode(block, byBlock.get(next) ?? [], partsOf(next)));
      size += block.text.length;
      next++;
    }
    return nodes;
  };
  // Halfway between the last size and the one the last slice's speed suggests: steady, yet quick to follow a slowdown.
  const adapt = (ms: number) => {
    if (size > 0 && ms > 0) chars = Math.max(2_000, Math.min(400_000, Math.round(chars * 0.5 + ((size * budget) / ms) * 0.5)));
  };

  // The claim index is gathered slice by slice (body blocks only: reference entries carry no claims), so that no
  // task has to walk the whole book for it when loading ends.
  const claimRanges: ClaimRange[] = [];
  let t = performance.now();
  const first = take();
  for (const r of ClaimIndex.rangesOf(first, 0)) claimRanges.push(r);
  const doc = schema.nodes['doc']!.create(null, first);
  // Blocks far from the viewport are mounted as plain text and built in full as the reader nears them.
  const editor = mountReaderEditor(options.place, createReaderState(doc, { lazyBlocks: {}, ...options.setup, loading: true }), options.label);
  adapt(performance.now() - t);
  options.onProgress?.(next / total);

  while (next < total) {
    await yieldToPage();
    t = performance.now();
    const blocks = take();
    for (const r of ClaimIndex.rangesOf(blocks, editor.view.state.doc.content.size)) claimRanges.push(r);
    editor.view.dispatch(appendBlocks(editor.view.state, blocks));
    performance.measure('apparatus:slice', { start: t, detail: size });
    adapt(performance.now() - t);
    options.onProgress?.(next / total);
  }
  // The reference list goes in the same way: its node with a first slice of entries, then the rest appended to it.
  const refs = imported.references;
  let nextRef = 0;
  while (nextRef < refs.length) {
    await yieldToPage();
    t = performance.now();
    const end = Math.min(refs.length, nextRef + Math.max(50, Math.round(chars / 400)));
    const list = referencesNode(refs.slice(nextRef, end), imported.referencesHeading)!;
    const nodes = nextRef === 0 ? [list] : list.children;
    size = 0;
    for (let i = nextRef; i < end; i++) size += refs[i]!.text.length + 200;
    nextRef = end;
    editor.view.dispatch(appendBlocks(editor.view.state, nodes));
    performance.measure('apparatus:references-slice', { start: t, detail: end });
    adapt(performance.now() - t);
  }
  ClaimIndex.fromRanges(editor.view.state.doc, claimRanges);
  return editor;
}
