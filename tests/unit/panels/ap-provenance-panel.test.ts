// @vitest-environment happy-dom
/** The notes under the caret, a page at a time: a passage under a pile of imported notes can have hundreds. */
import { expect, test } from 'vitest';
import type { AnnotationEntry } from '../../../src/editor/annotation-plugin.ts';
import type { CaretSnapshot } from '../../../src/editor/snapshot.ts';
import { ApProvenancePanel, NOTES_HERE_PAGE } from '../../../src/panels/ap-provenance-panel.ts';

const entry = (i: number): AnnotationEntry => ({
  annotation: {
    id: `urn:uuid:here-${i}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: '2026-01-01T00:00:00Z',
    body: [{ type: 'TextualBody', value: `note ${i}`, format: 'text/plain' }],
    target: { source: 'urn:x', selector: [{ type: 'TextQuoteSelector', exact: 'x' }] },
  } as AnnotationEntry['annotation'],
  range: { from: 1, to: 40 },
  status: 'exact',
  score: 1,
});

const caret = (notes: AnnotationEntry[], focused: AnnotationEntry | null): CaretSnapshot => ({
  claim: null, sources: [], missing: [], reference: null, notes, claimNotes: [], focused, hasSelection: false, links: [], signals: [], section: null,
});

test('300 notes under the caret: a page of cards, "Show more" adds one, the focused note is shown wherever it lies', async () => {
  const notes = Array.from({ length: 300 }, (_, i) => entry(i));
  const el = document.createElement('ap-provenance-panel') as ApProvenancePanel;
  el.caret = caret(notes, null);
  document.body.append(el);
  await el.updateComplete;
  const cards = () => [...el.shadowRoot!.querySelectorAll('ap-note-card')].map((c) => (c as unknown as { entry: AnnotationEntry }).entry.annotation.id);
  expect(cards()).toHaveLength(NOTES_HERE_PAGE);
  expect(el.shadowRoot!.textContent).toContain('Notes here (300)');
  const more = el.shadowRoot!.querySelector<HTMLButtonElement>('button.more')!;
  expect(more.textContent).toBe(`Show more (${300 - NOTES_HERE_PAGE} left)`);
  more.click();
  await el.updateComplete;
  expect(cards()).toHaveLength(2 * NOTES_HERE_PAGE);
  el.caret = caret(notes, notes[250]!);
  await el.updateComplete;
  expect(cards()).toHaveLength(2 * NOTES_HERE_PAGE);
  expect(cards()).toContain('urn:uuid:here-250');
  el.remove();
});
