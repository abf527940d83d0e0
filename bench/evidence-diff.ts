/**
 * Issue 10 §4: `evidence_diff_ms`, what changed in the evidence between the 1 MB book and its revision
 * (src/revisions/evidence-diff.ts), both imported beforehand (the reader has both imported when it shows the
 * report: the current text in its state, the newer revision in the review). The import of the revision is given
 * beside it, for the whole cost of a diff from bytes.
 */
import { importText } from '../src/model/import-text.ts';
import { diffEvidence } from '../src/revisions/evidence-diff.ts';
import type { EvidenceReport } from '../src/revisions/evidence-types.ts';
import { timeMedian } from './measure.ts';

export interface EvidenceDiffFigures {
  evidence_diff_ms: number;
  runs_ms: number[];
  import_revision_ms: number;
  counts: EvidenceReport['counts'];
  claims: [number, number];
}

/** Times `diffEvidence` on the two texts (median of `runs`). */
export function measureEvidenceDiff(bookFile: string, revisionFile: string, runs: number): EvidenceDiffFigures {
  const before = importText(bookFile, { language: 'en' });
  const imported = timeMedian(() => importText(revisionFile, { language: 'en' }), runs);
  const after = imported.value;
  const timed = timeMedian(() => diffEvidence(before, after, { oldName: 'book', newName: 'revision' }), runs);
  return {
    evidence_diff_ms: timed.ms,
    runs_ms: timed.runs,
    import_revision_ms: imported.ms,
    counts: timed.value.counts,
    claims: [timed.value.claimsBefore, timed.value.claimsAfter],
  };
}
