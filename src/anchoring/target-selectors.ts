/**
 * Reading an annotation's target: its text target and the selectors on it. Kept apart from the validator
 * (selectors.ts, which re-exports these) so that panels and commands can read a note's quote without loading it.
 *
 * Pure: plain data in and out.
 */
import type { Annotation, TextPositionSelector, TextQuoteSelector, TextTarget } from './annotation-types.ts';

/** The text target of an annotation, or null for a reply (its target is the IRI of another annotation). */
export function textTargetOf(a: Annotation): TextTarget | null {
  return typeof a.target === 'object' && a.target !== null ? a.target : null;
}

/** The target's first `TextQuoteSelector`, or null when it has none. */
export function quoteSelectorOf(t: TextTarget): TextQuoteSelector | null {
  return (t.selector.find((s) => s.type === 'TextQuoteSelector') as TextQuoteSelector | undefined) ?? null;
}

/** The target's first `TextPositionSelector`, or null when it has none. */
export function positionSelectorOf(t: TextTarget): TextPositionSelector | null {
  return (t.selector.find((s) => s.type === 'TextPositionSelector') as TextPositionSelector | undefined) ?? null;
}

/** The words an annotation quotes (its `TextQuoteSelector`'s `exact`), or '' for a reply or a target without one. */
export function quotedText(a: Annotation): string {
  const target = textTargetOf(a);
  return (target && quoteSelectorOf(target)?.exact) ?? '';
}
