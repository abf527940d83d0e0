/**
 * Anchoring notes on the page itself: the fallback when the load worker could not anchor them (the worker does it
 * normally). Its own module so that the anchoring engine is loaded only when this fallback runs.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { anchorAll } from '../anchoring/anchor.ts';
import type { Annotation } from '../anchoring/annotation-types.ts';
import { docTextOf, entriesFromAnchors } from './annotation-commands.ts';
import type { AnnotationEntry } from './annotation-plugin.ts';

/** Anchors `annotations` on `doc` with the anchoring engine. Orphans are kept. */
export function anchorEntries(doc: PMNode, annotations: readonly Annotation[]): AnnotationEntry[] {
  return entriesFromAnchors(doc, annotations, anchorAll(docTextOf(doc).text, annotations));
}
