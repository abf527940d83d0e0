/**
 * What every exporter reads: a read-only snapshot of a work, its imported text and its annotations with their
 * anchors. Built by the CLI from files and by the reader from its EditorState; exporters are pure functions of it.
 */
import type { AnchorResult } from '../anchoring/anchor-result.ts';
import type { Annotation } from '../anchoring/annotation-types.ts';
import type { ImportedText } from '../model/imported-text.ts';
import type { WorkMeta } from '../model/work.ts';

export interface ExportInput {
  work: WorkMeta;
  text: ImportedText;
  /** Every annotation, anchored or not, in the order of the store. Replies target their parent's id. */
  annotations: readonly Annotation[];
  /** Anchor of each annotation with a text target, by annotation id (orphans included, status `orphan`). */
  anchors: ReadonlyMap<string, AnchorResult>;
  /** When the export was made (ISO 8601); exporters print it and never read the clock themselves. */
  exportedAt: string;
}
