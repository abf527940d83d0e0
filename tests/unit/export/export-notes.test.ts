import { describe, expect, test } from 'vitest';
import type { Annotation } from '../../../src/anchoring/annotation-types.ts';
import { collectNotes, linkedReferenceLabel, paragraphs } from '../../../src/export/export-notes.ts';
import { kavbiuroExportInput, reader } from '../../fixtures/export/kavbiuro-export-input.ts';

const input = kavbiuroExportInput();
const notes = collectNotes(input);
const slug = (a: Annotation) => a.id.replace('urn:apparatus:kavbiuro:test-', '');

describe('collectNotes', () => {
  test('placed notes in reading order, numbered from 1; unanchored ones after them', () => {
    expect(notes.placed.map((n) => [n.number, slug(n.annotation)])).toEqual([
      [1, 'crossing'],
      [2, 'date'],
      [3, 'stalin'],
      [4, 'tags'],
      [5, 'altstadt'],
    ]);
    expect(notes.unanchored.map((n) => [n.number, slug(n.annotation)])).toEqual([
      [6, 'orphan'],
      [7, 'lost-reply'],
    ]);
  });

  test('every annotation is either a note or a reply under one: none is dropped', () => {
    const seen = [...notes.placed, ...notes.unanchored].flatMap((n) => [n.annotation.id, ...n.replies.map((r) => r.annotation.id)]);
    expect(seen.sort()).toEqual(input.annotations.map((a) => a.id).sort());
  });

  test('bodies split into text, tags and source links; replies threaded under their note', () => {
    const stalin = notes.placed.find((n) => slug(n.annotation) === 'stalin')!;
    expect(stalin.text).toHaveLength(1);
    expect(stalin.links.map((l) => l.relation)).toEqual(['disputes']);
    expect(stalin.replies.map((r) => r.text)).toEqual([['Hasanli reaches the same conclusion for other reasons.']]);
    expect(notes.placed.find((n) => slug(n.annotation) === 'tags')!.tags).toEqual(['kerosene', 'economic leverage']);
  });

  test('unanchored notes say why and keep their passage', () => {
    const [orphan, lost] = notes.unanchored;
    expect(orphan!.unanchoredReason).toMatch(/not found/);
    expect(orphan!.quote).toBe('the Transcaucasian committee of 1919');
    expect(lost!.unanchoredReason).toContain('urn:apparatus:kavbiuro:test-deleted');
  });

  test('a text note with no anchor at all is unanchored, with its stored quote', () => {
    const anchors = new Map(input.anchors);
    anchors.delete('urn:apparatus:kavbiuro:test-date');
    const { unanchored } = collectNotes({ ...input, anchors });
    const date = unanchored.find((n) => slug(n.annotation) === 'date')!;
    expect(date.unanchoredReason).toMatch(/not been anchored/);
    expect(date.quote).toBe('endorsed by Kavbiuro on 3 July 1920, only to be reversed two days later');
  });

  test('reply cycles do not hang and end up unanchored', () => {
    const a: Annotation = { id: 'urn:a', type: 'Annotation', motivation: 'replying', created: '2026-01-01T00:00:00Z', target: 'urn:b' };
    const b: Annotation = { ...a, id: 'urn:b', target: 'urn:a' };
    const { unanchored } = collectNotes({ ...input, annotations: [a, b], anchors: new Map() });
    expect(unanchored.map((n) => n.annotation.id)).toEqual(['urn:a', 'urn:b']);
  });

  test('annotators: distinct creators in order of first appearance', () => {
    expect(notes.annotators.map((a) => a.name)).toEqual(['Apparatus editors', 'A. Reader']);
    expect(notes.annotatorIndex.get(`Person:${reader.name}`)).toBe(2);
  });
});

test('linkedReferenceLabel: the work\'s own #ref-N links, nothing else', () => {
  const link = (source: string) => ({ type: 'SpecificResource' as const, source, purpose: 'linking' as const, relation: 'supports' as const });
  expect(linkedReferenceLabel(link(`${input.work.iri}#ref-2`), input.work.iri)).toBe('2');
  expect(linkedReferenceLabel(link('#ref-1'), input.work.iri)).toBe('1');
  expect(linkedReferenceLabel(link('https://elsewhere.org/x#ref-1'), input.work.iri)).toBeNull();
  expect(linkedReferenceLabel(link('https://elsewhere.org/x'), input.work.iri)).toBeNull();
});

test('note texts are split into paragraphs at blank lines', () => {
  const a: Annotation = {
    id: 'urn:p',
    type: 'Annotation',
    motivation: 'commenting',
    created: '2026-01-01T00:00:00Z',
    body: [{ type: 'TextualBody', value: 'First line\nstill first.\n\n  Second.\r\n\r\n\n' }],
    target: 'urn:nowhere',
  };
  expect(paragraphs('  \n\n ')).toEqual([]);
  const [note] = collectNotes({ ...input, annotations: [a], anchors: new Map() }).unanchored;
  expect(note!.text).toEqual(['First line\nstill first.', 'Second.']);
});
