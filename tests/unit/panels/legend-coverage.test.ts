// @vitest-environment happy-dom
/**
 * The legend explains every mark the editor can put on the text. The classes are not listed by hand: the real
 * reader state (every plugin of a reading session) is mounted on the Kavbiuro text in an EditorView, given notes of
 * every motivation and verdict (exact, near-matched and piled deeper than the drawn lanes), a check of every outcome
 * and a focused reference, plus a paragraph with every mark of the schema; every class in the view that is not a
 * block's own is then held to the legend's entries.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMSerializer, type Node as PMNode } from 'prosemirror-model';
import { afterEach, describe, expect, test } from 'vitest';
import { MOTIVATIONS, VERDICTS, type Annotation, type Verdict } from '../../../src/anchoring/annotation-types.ts';
import { VERIFICATION_STATUSES } from '../../../src/anchoring/verification.ts';
import { putNotes, type NoteContext } from '../../../src/editor/annotation-commands.ts';
import type { AnnotationEntry } from '../../../src/editor/annotation-plugin.ts';
import { MAX_LANES } from '../../../src/editor/annotation-decorations.ts';
import { checkClaim } from '../../../src/editor/check-commands.ts';
import { CURRENT_CLAIM_HIGHLIGHT, CURRENT_UNSOURCED_CLAIM_HIGHLIGHT } from '../../../src/editor/claim-highlight.ts';
import { ClaimIndex } from '../../../src/editor/claim-index.ts';
import { focusReference } from '../../../src/editor/commands.ts';
import { createReaderState } from '../../../src/editor/create-state.ts';
import { mountReaderEditor, type ReaderEditor } from '../../../src/editor/reader-view.ts';
import { buildDoc } from '../../../src/model/build-doc.ts';
import { SUPPORT_LEVELS } from '../../../src/model/claim-types.ts';
import { importText } from '../../../src/model/import-text.ts';
import { schema } from '../../../src/model/schema.ts';
import { explainedClasses, LEGEND_ENTRIES } from '../../../src/panels/legend-entries.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const imported = importText(readFileSync(join(root, 'corpus/kavbiuro/text.txt'), 'utf8'));
const ctx: NoteContext = { source: 'https://example.org/w', creator: { type: 'Person', name: 'T' }, newId: () => `urn:uuid:${Math.random()}`, now: () => '2026-01-01T00:00:00Z' };

let editor: ReaderEditor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

/** A paragraph carrying every mark of the schema, in each form its toDOM can take. */
function everyMarkParagraph(): PMNode {
  const m = schema.marks;
  const runs = [
    ...SUPPORT_LEVELS.map((support) => schema.text(`${support} `, [m['claim']!.create({ id: `c-${support}`, support, sources: [] })])),
    ...['wiki', 'external'].flatMap((kind) => [
      schema.text(`${kind} link `, [m['link']!.create({ href: 'https://example.org/', kind })]),
      schema.text(`${kind} bad link `, [m['link']!.create({ href: 'javascript:alert(1)', kind })]),
    ]),
    schema.text('flagged ', [m['flag']!.create({ signals: 'citation-needed' })]),
  ];
  return schema.nodes['paragraph']!.create(null, runs);
}

/** The classes of each block type's own element (its content left out): the text's structure, not its marks. */
function blockClasses(doc: PMNode): Set<string> {
  const out = new Set<string>();
  const serializer = DOMSerializer.fromSchema(schema);
  doc.descendants((node) => {
    if (!node.isBlock) return true;
    const { dom } = DOMSerializer.renderSpec(document, serializer.nodes[node.type.name] ? node.type.spec.toDOM!(node) : ['div', 0]);
    const walk = (el: Node) => {
      if (el instanceof Element) {
        el.classList.forEach((c) => out.add(c));
        el.childNodes.forEach(walk);
      }
    };
    walk(dom);
    return true;
  });
  return out;
}

function note(id: string, from: number, to: number, motivation: Annotation['motivation'], verdict: Verdict | undefined, status: 'exact' | 'fuzzy'): AnnotationEntry {
  const annotation = { id, type: 'Annotation', motivation, ...(verdict ? { verdict } : {}), target: { source: ctx.source } } as unknown as Annotation;
  return { annotation, range: { from, to }, status, score: 1 };
}

describe('the legend', () => {
  test('explains every class the editor emits on the text', async () => {
    const base = buildDoc(imported);
    const doc = base.type.create(base.attrs, [everyMarkParagraph(), ...base.children]);
    const place = document.createElement('div');
    document.body.append(place);
    editor = mountReaderEditor(place, createReaderState(doc), 'test');
    const size = doc.content.size;
    // A note of every motivation with every verdict (and none), exact and near-matched, each on its own stretch.
    const entries: AnnotationEntry[] = [];
    let at = 2;
    for (const motivation of MOTIVATIONS) {
      for (const verdict of [undefined, ...VERDICTS]) {
        for (const status of ['exact', 'fuzzy'] as const) {
          const from = at % (size - 40);
          entries.push(note(`urn:n:${motivation}-${verdict ?? 'none'}-${status}`, from + 1, from + 4, motivation, verdict, status));
          at += 5;
        }
      }
    }
    // More notes on one passage than there are lanes: the shared band.
    for (let i = 0; i <= MAX_LANES + 1; i++) entries.push(note(`urn:n:pile-${i}`, 30, 60, 'commenting', undefined, 'exact'));
    expect(editor.run(putNotes(entries))).toBe(true);
    // A check of every outcome, each on a claim of its own (needs-source takes no reference).
    const claims = ClaimIndex.of(editor.state.doc).ranges.filter((r) => !r.id.startsWith("c-"));
    VERIFICATION_STATUSES.forEach((status, i) => {
      const claim = claims[i]!;
      const draft = { claimId: claim.id, label: status === 'needs-source' ? null : '1', status, locator: 'p. 1', passage: '' };
      expect(editor!.run(checkClaim(draft, ctx))).toBe(true);
    });
    expect(editor.run(focusReference('1'))).toBe(true);

    const structural = blockClasses(editor.state.doc);
    const emitted = new Set<string>([CURRENT_CLAIM_HIGHLIGHT, CURRENT_UNSOURCED_CLAIM_HIGHLIGHT]);
    editor.view.dom.querySelectorAll('[class]').forEach((el) => el.classList.forEach((c) => {
      if (!structural.has(c) && !c.startsWith('ProseMirror')) emitted.add(c);
    }));
    // The drawing really happened: notes of each kind, the pile, every check sign, the focused reference.
    for (const c of ['ap-note--verdict-contested', 'ap-note--fuzzy', 'ap-note--more', 'ap-flag', 'ap-link--wiki', 'ap-claim--none', 'is-focused', ...VERIFICATION_STATUSES.map((s) => `ap-check-sign--${s}`)]) {
      expect(emitted).toContain(c);
    }
    const explained = explainedClasses();
    expect([...emitted].filter((c) => !explained.has(c)).sort()).toEqual([]);
  });

  test('every entry explains something and has words and a sample', () => {
    for (const e of LEGEND_ENTRIES) {
      expect(e.explains.length, e.label).toBeGreaterThan(0);
      expect(e.label.trim()).not.toBe('');
      expect(e.sample.text.trim()).not.toBe('');
    }
  });
});
