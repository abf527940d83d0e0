/**
 * Builders of reader documents for tests (DESIGN §3), on the one schema of src/model/schema.ts:
 * `doc(p("The <a>first<b> claim.", marker("1")))`. `<a>`, `<b>` (any `<name>`) in a string are taken out of the
 * text and their positions are in the built node's `tag` (`doc.tag.a`).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { builders, type MarkBuilder, type NodeBuilder } from 'prosemirror-test-builder';
import type { Support } from '../../src/model/claim-types.ts';
import type { CslItem, ReferenceIds } from '../../src/model/reference-types.ts';
import { schema } from '../../src/model/schema.ts';

const all = builders(schema);

/** The builder of node or mark `name` of the schema. @throws Error when the schema has no such type. */
function builder(name: string): NodeBuilder & MarkBuilder {
  const found = all[name];
  if (!found) throw new Error(`the reader schema has no node or mark "${name}"`);
  return found;
}

/** The document: body blocks, then at most one reference list. */
export const doc: NodeBuilder = builder('doc');
/** A paragraph. */
export const p: NodeBuilder = builder('paragraph');
/** A block quotation. */
export const quote: NodeBuilder = builder('blockquote');

/** A footnote marker `[label]` (one position wide). */
export function marker(label: string): PMNode {
  return builder('marker')({ label });
}

/** What a node or mark builder takes as content: text (with `<tag>`s), a node, or marked content. */
export type Child = ReturnType<MarkBuilder>;

/** A claim mark with its id, support and the labels it cites around `content`. */
export function claim(id: string, support: Support, sources: readonly string[], ...content: Child[]): Child {
  return builder('claim')({ id, support, sources: [...sources] }, ...content);
}

/** The reference list under `heading`. */
export function references(heading: string, ...entries: PMNode[]): PMNode {
  return builder('references')({ heading }, ...entries);
}

/** One reference entry: its label, its text, and the identifiers and CSL item the importer read from it. */
export function reference(label: string, text: string, ids: ReferenceIds | null = null, csl: CslItem | null = null): PMNode {
  return builder('reference')({ label, ids, csl }, ...(text ? [text] : []));
}
