/**
 * Where a change of the evidence report is: all its places on each side (for notes sitting on it), and the one
 * place a reader jumps to. Pure.
 */
import type { EvidenceChange, Place } from './evidence-types.ts';

/** The places of a change in the old text and in the new text. */
export function placesOf(change: EvidenceChange): { old: Place[]; new: Place[] } {
  const old: Place[] = [];
  const now: Place[] = [];
  if ('old' in change && change.old) old.push(change.old.place);
  if ('new' in change && change.new) now.push(change.new.place);
  if ('oldReference' in change) old.push(change.oldReference.place);
  if ('newReference' in change) now.push(change.newReference.place);
  if (change.kind === 'reference-changed') now.push(...change.citations);
  return { old, new: now };
}

/**
 * Where to show the change: its place in the new text; for what exists only in the old text, where it would have
 * stood in the new (`near`, side `near`), else its place in the old.
 */
export function primaryPlace(c: EvidenceChange): { side: 'old' | 'new' | 'near'; place: Place } {
  if ('new' in c && c.new) return { side: 'new', place: c.new.place };
  if ('newReference' in c) return { side: 'new', place: c.newReference.place };
  if ('near' in c && c.near) return { side: 'near', place: c.near };
  if ('old' in c && c.old) return { side: 'old', place: c.old.place };
  return { side: 'old', place: (c as { oldReference: { place: Place } }).oldReference.place };
}

/** A place as the reports print it: `from–to` in the canonical text. */
export const spanWords = (p: Place): string => `${p.from}–${p.to}`;

/** Where a change is, in words for the reports: `old 10–42 → new 12–40` (the reference list's places included). */
export function whereWords(c: EvidenceChange): string {
  const parts: string[] = [];
  if ('old' in c && c.old) parts.push(`old ${spanWords(c.old.place)}`);
  if ('new' in c && c.new) parts.push(`new ${spanWords(c.new.place)}`);
  if ('oldReference' in c) parts.push(`old ${spanWords(c.oldReference.place)}`);
  if ('newReference' in c) parts.push(`new ${spanWords(c.newReference.place)}`);
  return parts.join(' → ');
}
