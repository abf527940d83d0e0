/**
 * The exporters' input (`ExportInput`) from the reader's state: every annotation with where it is now. Anchored
 * notes report their current range in canonical offsets; orphans keep their stored position and quote.
 */
import type { EditorState } from 'prosemirror-state';
import { CONTEXT_LENGTH } from '../anchoring/describe.ts';
import type { AnchorResult } from '../anchoring/anchor-result.ts';
import { positionSelectorOf, quoteSelectorOf } from '../anchoring/selectors.ts';
import type { ExportInput } from '../export/export-input.ts';
import type { ImportedText } from '../model/imported-text.ts';
import type { WorkMeta } from '../model/work.ts';
import { annotationsOf } from './annotation-plugin.ts';
import { docTextOf } from './annotation-commands.ts';

/** The snapshot the exporters read. `exportedAt` is passed in (writers never read the clock). */
export function exportInputOf(state: EditorState, work: WorkMeta, text: ImportedText, exportedAt: string): ExportInput {
  const canonical = docTextOf(state.doc);
  const annotations = [];
  const anchors = new Map<string, AnchorResult>();
  for (const e of annotationsOf(state).byId.values()) {
    const a = e.annotation;
    annotations.push(a);
    if (typeof a.target === 'string') continue;
    if (e.range) {
      const start = canonical.toOffset(e.range.from);
      const end = canonical.toOffset(e.range.to);
      anchors.set(a.id, {
        id: a.id,
        status: e.status === 'fuzzy' ? 'fuzzy' : 'exact',
        score: e.score,
        start,
        end,
        quote: canonical.text.slice(start, end),
        prefix: canonical.text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
        suffix: canonical.text.slice(end, end + CONTEXT_LENGTH),
      });
    } else {
      const quote = quoteSelectorOf(a.target);
      const position = positionSelectorOf(a.target);
      anchors.set(a.id, {
        id: a.id,
        status: 'orphan',
        score: e.score,
        start: position?.start ?? 0,
        end: position?.end ?? 0,
        quote: quote?.exact ?? '',
        prefix: quote?.prefix ?? '',
        suffix: quote?.suffix ?? '',
      });
    }
  }
  return { work, text, annotations, anchors, exportedAt };
}
