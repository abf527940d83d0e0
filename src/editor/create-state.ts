/**
 * The reader's EditorState, composed in one place (like prosemirror-example-setup): `readerPlugins` lists every
 * plugin of a reading session, and `createReaderState` makes a state of a document with them.
 *
 * The plugins: the read-only guard, the focus, the caret highlight, the annotations and their highlights, the signs
 * of checked claims, the keys
 * of the key table (reader-keys.ts), and — when the session has somewhere to send them — the plugin view that
 * sends snapshots to the panels, the one that saves the notes and the one that keeps the address on the claim read.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, type Plugin } from 'prosemirror-state';
import { annotationDecorationsPlugin } from './annotation-decorations.ts';
import { addressPlugin, type AddressBar } from './address-plugin.ts';
import { annotationsPlugin } from './annotation-plugin.ts';
import { autosavePlugin, type AutosaveSink } from './autosave-plugin.ts';
import { checkSignsPlugin } from './check-signs.ts';
import { focusPlugin } from './focus-plugin.ts';
import { highlightPlugin } from './highlight-plugin.ts';
import { lazyBlocksPlugin } from './lazy-blocks.ts';
import { readerKeymap } from './reader-keys.ts';
import { readOnlyText } from './read-only.ts';
import type { SnapshotBuilder } from './snapshot.ts';
import { snapshotPlugin, type SnapshotTarget } from './snapshot-plugin.ts';

/** What a reading session is composed of besides its document. Every field is optional (tests leave most out). */
export interface ReaderSetup {
  /** The document is the first slice of the work; the rest is appended with `appendBlocks` until `finishLoading`. */
  loading?: boolean;
  /**
   * Blocks far from the viewport are mounted as plain text and built in full as the reader nears them
   * (lazy-blocks.ts; `margin` in positions). Off unless given (tests of small documents build every block).
   */
  lazyBlocks?: { margin?: number };
  /** Options of the note highlights (`margin`: how far around the viewport notes are drawn). */
  decorations?: { margin?: number };
  /** Send a snapshot to `target` after each update (built by `builder`). */
  snapshots?: { target: SnapshotTarget; builder: SnapshotBuilder };
  /** Save every change of the notes through `autosave`; `window` gets the page-hide and unload listeners. */
  autosave?: { autosave: AutosaveSink; window?: Window };
  /** The page whose address follows the claim under the caret (`#claim=<id>`, address-plugin.ts). */
  address?: AddressBar;
}

/** Every plugin of a reading session, in order. */
export function readerPlugins(setup: ReaderSetup = {}): Plugin[] {
  const { snapshots, autosave } = setup;
  return [
    readOnlyText({ loading: setup.loading ?? false }),
    focusPlugin(),
    readerKeymap(),
    highlightPlugin(),
    annotationsPlugin(),
    annotationDecorationsPlugin(setup.decorations),
    checkSignsPlugin(),
    ...(setup.lazyBlocks ? [lazyBlocksPlugin(setup.lazyBlocks)] : []),
    ...(snapshots ? [snapshotPlugin(snapshots.target, (state) => snapshots.builder.build(state))] : []),
    ...(autosave ? [autosavePlugin(autosave.autosave, autosave.window ? { window: autosave.window } : {})] : []),
    ...(setup.address ? [addressPlugin(setup.address)] : []),
  ];
}

/** A reader state for `doc` with `readerPlugins(setup)`. */
export function createReaderState(doc: PMNode, setup: ReaderSetup = {}): EditorState {
  return EditorState.create({ doc, plugins: readerPlugins(setup) });
}
