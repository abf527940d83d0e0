/**
 * Checks every import must pass, whatever the text: used by the corpora, text-shape and property tests.
 * Each returns a list of violations (empty when the import is sound) so property tests can report them.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { canonicalText, DocText } from '../../../src/anchoring/doc-text.ts';
import { buildDoc } from '../../../src/model/build-doc.ts';
import type { ImportedText } from '../../../src/model/imported-text.ts';

/** `text` without white space (JavaScript `\s`). */
export function nonSpace(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Nothing of the input is lost: its non-space characters (a leading BOM aside) are, in order, those of the body
 * blocks, then the heading, then the reference entries as `N. text`.
 */
export function lostCharacters(input: string, imported: ImportedText): string[] {
  const expected = nonSpace(input.replace(/^\uFEFF/, ''));
  const got =
    nonSpace(imported.blocks.map((b) => b.text).join('')) +
    nonSpace(imported.referencesHeading ?? '') +
    nonSpace(imported.references.map((r) => `${r.label}.${r.text}`).join(''));
  if (got === expected) return [];
  let i = 0;
  while (i < got.length && got[i] === expected[i]) i++;
  return [`characters differ at ${i}: expected …${JSON.stringify(expected.slice(i, i + 40))}, got …${JSON.stringify(got.slice(i, i + 40))}`];
}

/** Citations resolve or are reported at their exact block and offset; entries are cited or reported. */
export function citationViolations(imported: ImportedText): string[] {
  const out: string[] = [];
  const labels = new Set(imported.references.map((r) => r.label));
  for (const c of imported.citations) {
    const text = imported.blocks[c.block]?.text ?? '';
    if (text.slice(c.offset, c.offset + c.label.length + 2) !== `[${c.label}]`) out.push(`citation ${c.label} not at its offset`);
    if (labels.has(c.label)) continue;
    const reported = imported.problems.some(
      (p) => p.kind === 'missing-reference' && p.label === c.label && p.block === c.block && p.offset === c.offset,
    );
    if (!reported) out.push(`marker [${c.label}] in block ${c.block} at ${c.offset}: no entry and no problem`);
  }
  const cited = new Set(imported.citations.map((c) => c.label));
  for (const r of imported.references) {
    if (!cited.has(r.label) && !imported.problems.some((p) => p.kind === 'uncited-reference' && p.label === r.label)) {
      out.push(`reference ${r.label}: never cited and no problem`);
    }
  }
  return out;
}

const SUBSTANCE = /[\p{L}\p{N}]/u;

/** Claims are slices of their block, in order, never overlapping, and cover every letter and digit. */
export function claimViolations(imported: ImportedText): string[] {
  const out: string[] = [];
  const byBlock = new Map<number, ImportedText['claims']>();
  for (const c of imported.claims) {
    const text = imported.blocks[c.block]?.text;
    if (text === undefined) {
      out.push(`claim ${c.id} in missing block ${c.block}`);
      continue;
    }
    if (!(c.start >= 0 && c.start < c.end && c.end <= text.length)) out.push(`claim ${c.id} out of its block`);
    if (text.slice(c.start, c.end) !== c.text) out.push(`claim ${c.id} text is not its block slice`);
    if (c.support === 'none' && c.sources.length > 0) out.push(`claim ${c.id} unsupported with sources`);
    if (c.support !== 'none' && c.sources.length === 0) out.push(`claim ${c.id} supported without sources`);
    const list = byBlock.get(c.block) ?? [];
    list.push(c);
    byBlock.set(c.block, list);
  }
  imported.blocks.forEach((block, b) => {
    const claims = byBlock.get(b) ?? [];
    let covered = 0;
    for (const c of claims) {
      if (c.start < covered) out.push(`claim ${c.id} overlaps the claim before it`);
      const gap = block.text.slice(covered, c.start);
      if (SUBSTANCE.test(gap)) out.push(`block ${b}: ${JSON.stringify(gap.slice(0, 40))} is in no claim`);
      covered = Math.max(covered, c.end);
    }
    const rest = block.text.slice(covered);
    if (SUBSTANCE.test(rest)) out.push(`block ${b}: ${JSON.stringify(rest.slice(0, 40))} is in no claim`);
  });
  const ids = new Set(imported.claims.map((c) => c.id));
  if (ids.size !== imported.claims.length) out.push('claim ids are not unique');
  return out;
}

/** The text each claim mark covers in `doc`, by claim id (markers read as `[N]`). */
export function claimMarkTexts(doc: PMNode): Map<string, string> {
  const texts = new Map<string, string>();
  doc.descendants((node) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      if (mark.type.name !== 'claim') continue;
      const id = mark.attrs['id'] as string;
      const piece = node.isText ? node.text! : `[${node.attrs['label'] as string}]`;
      texts.set(id, (texts.get(id) ?? '') + piece);
    }
    return false;
  });
  return texts;
}

/** The ProseMirror document agrees with the import: canonical text, marker atoms, claim marks. */
export function docViolations(imported: ImportedText): string[] {
  const out: string[] = [];
  const doc = buildDoc(imported);
  doc.check();
  if (DocText.fromDoc(doc).text !== canonicalText(imported.blocks, imported.references)) {
    out.push('DocText.fromDoc(doc).text differs from canonicalText(blocks, references)');
  }
  const markers: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'marker') markers.push(node.attrs['label'] as string);
    return true;
  });
  if (markers.join(' ') !== imported.citations.map((c) => c.label).join(' ')) out.push('marker atoms differ from citations');
  const marks = claimMarkTexts(doc);
  if (marks.size !== imported.claims.length) out.push(`${marks.size} claim marks for ${imported.claims.length} claims`);
  for (const c of imported.claims) {
    if (marks.get(c.id) !== c.text) out.push(`claim mark ${c.id} covers ${JSON.stringify(marks.get(c.id)?.slice(0, 40))}`);
  }
  return out;
}

/** All of the above. */
export function allViolations(input: string, imported: ImportedText, withDoc = true): string[] {
  return [
    ...lostCharacters(input, imported),
    ...citationViolations(imported),
    ...claimViolations(imported),
    ...(withDoc ? docViolations(imported) : []),
  ];
}
