/**
 * The notes that give another date for words of a claim (`correctedDate`), tied to the claim they lie on — what the
 * timeline shows beside the text's dates.
 */
import { quotedText } from '../anchoring/target-selectors.ts';
import type { DateCorrection } from '../model/timeline.ts';
import type { AnnotationEntry } from './annotation-plugin.ts';
import type { ClaimIndex } from './claim-index.ts';

/**
 * The date corrections of `notes` (anchored notes, in document order): each note with a `correctedDate`, on the
 * claim where its passage begins (the claim holding its start, else the first claim it overlaps). Notes that are
 * orphans, replies or on no claim give none.
 */
export function dateCorrectionsOf(notes: readonly AnnotationEntry[], index: ClaimIndex): DateCorrection[] {
  const out: DateCorrection[] = [];
  for (const { annotation, range } of notes) {
    if (!annotation.correctedDate || !range) continue;
    const claim = index.at(range.from) ?? index.after(range.from - 1);
    if (!claim || claim.from >= range.to) continue;
    out.push({
      noteId: annotation.id,
      claimId: claim.id,
      quote: quotedText(annotation),
      correctedDate: annotation.correctedDate,
      ...(annotation.certainty === undefined ? {} : { certainty: annotation.certainty }),
      ...(annotation.verdict === undefined ? {} : { verdict: annotation.verdict }),
    });
  }
  return out;
}
