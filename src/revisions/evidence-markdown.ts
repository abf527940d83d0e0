/**
 * The evidence report as Markdown (Pandoc-readable): a summary, coverage by section as a table, then the changes
 * grouped by kind, each with its section and its places (canonical offsets of the old and new text), then the
 * notes on changed claims when notes were given. Every text from the sources is escaped (export/markdown.ts
 * `escapeMarkdown`); only http(s) URLs become links (model/http-url.ts). Pure.
 */
import { escapeMarkdown } from '../export/markdown.ts';
import { safeUri } from '../export/xml.ts';
import { isHttpUrl } from '../model/http-url.ts';
import { whereWords } from './change-place.ts';
import { CHANGE_KINDS, type ClaimSide, type EvidenceChange, type EvidenceReport } from './evidence-types.ts';
import { changeDetail, coverageWords, fieldValue, KIND_TITLE, sourcedShare, summaryLines } from './evidence-words.ts';

const e = (t: string) => escapeMarkdown(t);
const section = (s: ClaimSide) => (s.section === null ? 'Lead' : s.section);

/** A value as text, or a link when it is an http(s) URL. */
function valueMd(v: string | null): string {
  if (v !== null && isHttpUrl(v)) return `<${safeUri(v).replace(/>/g, '%3E')}>`;
  return e(fieldValue(v));
}


function item(c: EvidenceChange): string[] {
  const detail = changeDetail(c);
  const head = (side: ClaimSide) => `- *${e(section(side))}* · ${whereWords(c)}${detail ? ` · ${e(detail)}` : ''}`;
  switch (c.kind) {
    case 'claim-added':
      return [head(c.new), `    - Now: “${e(c.new.text)}”`];
    case 'claim-removed':
      return [head(c.old), `    - Was: “${e(c.old.text)}”`];
    case 'claim-reworded':
    case 'claim-moved':
      return [head(c.new), `    - Was: “${e(c.old.text)}”`, `    - Now: “${e(c.new.text)}”`];
    case 'citation-lost':
    case 'citation-gained':
      return [head(c.new), `    - Claim: “${e(c.new.text)}”`];
    case 'signal-added':
      return [head(c.new), `    - Claim: “${e(c.new.text)}”`];
    case 'signal-removed':
      return [head(c.new ?? c.old), `    - Claim: “${e((c.new ?? c.old).text)}”`];
    case 'reference-changed':
      return [
        `- \\[${e(c.newReference.label)}\\] ${e(c.newReference.text)} · ${whereWords(c)} · ${e(detail)}`,
        ...c.fields.map((f) => `    - ${e(f.field)}: ${valueMd(f.before)} → ${valueMd(f.after)}`),
      ];
    case 'reference-added':
      return [`- \\[${e(c.newReference.label)}\\] ${e(c.newReference.text)} · ${whereWords(c)}`];
    case 'reference-removed':
      return [`- \\[${e(c.oldReference.label)}\\] ${e(c.oldReference.text)} · ${whereWords(c)}`];
  }
}

/** The report as Markdown. */
export function evidenceMarkdown(r: EvidenceReport): string {
  const out: string[] = [`# What changed in the evidence`, '', `From ${e(r.oldName)} to ${e(r.newName)}.`, '', '## Summary', ''];
  for (const line of summaryLines(r)) out.push(`- ${e(line)}`);
  out.push('', '## Coverage by section', '', '| Section | Before | After | Sourced before | Sourced after |', '|---|---|---|---|---|');
  for (const s of r.sections) {
    out.push(`| ${e(s.title ?? 'Lead')} | ${e(coverageWords(s.before))} | ${e(coverageWords(s.after))} | ${sourcedShare(s.before)} | ${sourcedShare(s.after)} |`);
  }
  if (r.changes.length === 0) out.push('', 'No claim, citation, flag or reference entry changed.');
  for (const kind of CHANGE_KINDS) {
    const of = r.changes.filter((c) => c.kind === kind);
    if (of.length === 0) continue;
    out.push('', `## ${e(KIND_TITLE[kind])} (${of.length})`, '');
    for (const c of of) out.push(...item(c));
  }
  if (r.notes) {
    out.push('', `## Notes on changed evidence (${r.notes.length})`, '');
    if (r.notes.length === 0) out.push('No note sits on a change.');
    for (const n of r.notes) {
      const kinds = [...new Set(n.changes.map((i) => KIND_TITLE[r.changes[i]!.kind].toLowerCase()))].join('; ');
      out.push(`- ${e(n.label)} (${e(n.id)}): ${e(kinds)}`);
    }
  }
  out.push('', '(Places are offsets in the canonical text of each revision.)', '');
  return out.join('\n');
}
