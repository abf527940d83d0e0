/**
 * Which notes sit on changed evidence: each note is anchored on both revisions (anchoring/anchor.ts), and sits on
 * a change when its passage overlaps one of the change's places — on the old text for what the change had there
 * (a removed or reworded claim, the old reference entry), on the new text for what it has now. Notes made on
 * either revision are found; a note orphaned on both sits on nothing and is not listed.
 *
 * Pure: the report, the two canonical texts and the notes in; the report's `notes` out.
 */
import { anchorAll } from '../anchoring/anchor.ts';
import type { Annotation } from '../anchoring/annotation-types.ts';
import { placesOf } from './change-place.ts';
import type { EvidenceReport, NoteOnChange, Place } from './evidence-types.ts';

/** A short label for a note: its first textual body, else its motivation. */
function labelOf(a: Annotation): string {
  const body = a.body?.find((b) => b.type === 'TextualBody');
  const text = body && 'value' in body ? body.value.replace(/\s+/g, ' ').trim() : '';
  if (!text) return a.motivation;
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

const overlaps = (start: number, end: number, p: Place) => start < p.to && p.from < end;

/** The notes of `annotations` sitting on changes of `report` (in the notes' order), each with the changes it touches. */
export function notesOnChanges(report: EvidenceReport, oldText: string, newText: string, annotations: readonly Annotation[]): NoteOnChange[] {
  const onOld = anchorAll(oldText, annotations);
  const onNew = anchorAll(newText, annotations);
  const places = report.changes.map(placesOf);
  const out: NoteOnChange[] = [];
  for (const a of annotations) {
    const o = onOld.get(a.id);
    const n = onNew.get(a.id);
    const changes: number[] = [];
    places.forEach((p, i) => {
      const hit =
        (o && o.status !== 'orphan' && p.old.some((q) => overlaps(o.start, o.end, q))) ||
        (n && n.status !== 'orphan' && p.new.some((q) => overlaps(n.start, n.end, q)));
      if (hit) changes.push(i);
    });
    if (changes.length) out.push({ id: a.id, label: labelOf(a), changes });
  }
  return out;
}
