/**
 * Ids of the reference entries in exports: `ref-N` for entry N (the form annotation source links use,
 * `<work iri>#ref-N`), unique even when the text repeats a label (the second `3` becomes `ref-3-2`).
 */
import type { Reference } from '../model/reference-types.ts';
import { ncName } from './xml.ts';

/** The ids of `references` by position, and the id each label resolves to (its first entry, as markers do). */
export interface ReferenceKeys {
  byIndex: string[];
  byLabel: ReadonlyMap<string, string>;
}

/** Assigns the ids (see the module comment). Labels are made NCName-safe. */
export function referenceKeys(references: readonly Reference[]): ReferenceKeys {
  const byIndex: string[] = [];
  const byLabel = new Map<string, string>();
  const used = new Set<string>();
  for (const r of references) {
    const base = ncName('ref-', r.label);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    byIndex.push(key);
    if (!byLabel.has(r.label)) byLabel.set(r.label, key);
  }
  return { byIndex, byLabel };
}
