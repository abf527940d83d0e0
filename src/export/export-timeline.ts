/**
 * The timeline of an export (issue 12 §4): the claims' dates and the notes' corrected dates, as the reader's
 * `<ap-timeline>` shows them, computed from `ExportInput` (canonical offsets) rather than from the editor.
 */
import { BLOCK_SEPARATOR } from '../anchoring/doc-text.ts';
import { quotedText } from '../anchoring/target-selectors.ts';
import { claimDates } from '../model/claim-dates.ts';
import { timelineOf, type DateCorrection, type TimelineEntry } from '../model/timeline.ts';
import type { ExportInput } from './export-input.ts';

/**
 * The date corrections of `input`: each note with a `correctedDate` that is anchored (not an orphan), tied to the
 * claim holding the start of its passage.
 */
export function exportDateCorrections(input: ExportInput): DateCorrection[] {
  const starts: number[] = [];
  let offset = 0;
  for (const b of input.text.blocks) {
    starts.push(offset);
    offset += b.text.length + BLOCK_SEPARATOR.length;
  }
  const spans = input.text.claims.map((c) => ({ id: c.id, from: starts[c.block]! + c.start, to: starts[c.block]! + c.end }));
  const out: DateCorrection[] = [];
  for (const a of input.annotations) {
    const anchor = input.anchors.get(a.id);
    if (!a.correctedDate || !anchor || anchor.status === 'orphan') continue;
    const claim = spans.find((s) => s.from <= anchor.start && anchor.start < s.to) ?? spans.find((s) => s.from >= anchor.start && s.from < anchor.end);
    if (!claim) continue;
    out.push({
      noteId: a.id,
      claimId: claim.id,
      quote: quotedText(a),
      correctedDate: a.correctedDate,
      ...(a.certainty === undefined ? {} : { certainty: a.certainty }),
      ...(a.verdict === undefined ? {} : { verdict: a.verdict }),
    });
  }
  return out;
}

/** The timeline of `input`: its claims' dates in order, with the notes' corrections (see `timelineOf`). */
export function exportTimeline(input: ExportInput): TimelineEntry[] {
  return timelineOf(claimDates(input.text.claims, input.work.language), exportDateCorrections(input));
}
