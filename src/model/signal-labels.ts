/**
 * How a claim-level signal of the source (imported-text.ts `Signal`) reads: one phrase per kind, used by the text's
 * flag mark (schema.ts), the provenance panel and the exporters alike. Pure.
 */
import type { Signal } from './imported-text.ts';

const PHRASES: Record<Signal['kind'], string> = {
  'citation-needed': 'citation needed',
  dubious: 'dubious',
  'failed-verification': 'failed verification',
  'better-source-needed': 'better source needed',
  'clarification-needed': 'clarification needed',
  other: 'maintenance tag',
};

/** The phrase of a signal kind ("citation needed"); an unknown kind reads as itself, hyphens as spaces. */
export function signalPhrase(kind: string): string {
  return (PHRASES as Record<string, string>)[kind] ?? kind.replace(/-/g, ' ');
}
