/**
 * The exporters' input (`ExportInput`) from the reader's state: every annotation with where it is now. Placed
 * notes report their current range in canonical offsets; orphans keep their stored position and quote
 * (`anchorResultOf`, anchoring/placement.ts).
 */
import type { EditorState } from 'prosemirror-state';
import type { AnchorResult } from '../anchoring/anchor-result.ts';
import type { Annotation } from '../anchoring/annotation-types.ts';
import { anchorResultOf } from '../anchoring/placement.ts';
import type { ExportInput } from '../export/export-input.ts';
import type { ImportedText } from '../model/imported-text.ts';
import type { WorkMeta } from '../model/work.ts';
import { annotationsOf } from './annotation-plugin.ts';
import { docTextOf } from './annotation-commands.ts';

/** The snapshot the exporters read. `exportedAt` is passed in (writers never read the clock). */
export function exportInputOf(state: EditorState, work: WorkMeta, text: ImportedText, exportedAt: string): ExportInput {
  const canonical = docTextOf(state.doc);
  const annotations: Annotation[] = [];
  const anchors = new Map<string, AnchorResult>();
  for (const e of annotationsOf(state).byId.values()) {
    annotations.push(e.annotation);
    const result = anchorResultOf(canonical, e.annotation, e);
    if (result) anchors.set(result.id, result);
  }
  return { work, text, annotations, anchors, exportedAt };
}
