/**
 * The evidence report as one standalone HTML file (inline style, no script, no network): the same content as the
 * Markdown (evidence-markdown.ts). Everything printed is escaped by the element builder (export/xml.ts); only
 * http(s) URLs become links (model/http-url.ts). Each change is an element `id="change-N"` with `data-side` and
 * `data-from`/`data-to` (change-place.ts `primaryPlace`), so a page can jump to it. Pure.
 */
import { safeUri, element, serializeChildren, voidElement, type Attributes, type Child, type Markup } from '../export/xml.ts';
import { isHttpUrl } from '../model/http-url.ts';
import { primaryPlace, whereWords } from './change-place.ts';
import { changedWords } from './changed-words.ts';
import { CHANGE_KINDS, type ClaimSide, type EvidenceChange, type EvidenceReport } from './evidence-types.ts';
import { changeDetail, coverageWords, fieldValue, KIND_TITLE, sourcedShare, summaryLines } from './evidence-words.ts';

function h(name: string, attributes: Attributes = {}, children: readonly Child[] = []): Markup {
  return element(name, attributes, children, false);
}

const STYLE = `body{font:17px/1.55 Georgia,'Times New Roman',serif;color:#222;background:#fdfcf8;max-width:46rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:.9rem}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
li{margin:.5rem 0}.where{color:#666;font-size:.85rem}.was{color:#8a1c1c}.now{color:#1c5b2a}blockquote{margin:.2rem 0 .2rem 1rem}
del{background:#fbe9e9}ins{background:#e6f4ea;text-decoration:none}`;

const section = (s: ClaimSide) => (s.section === null ? 'Lead' : s.section);


const value = (v: string | null): Child => (v !== null && isHttpUrl(v) ? h('a', { href: safeUri(v) }, [v]) : fieldValue(v));

function body(c: EvidenceChange): Child[] {
  const quote = (cls: string, label: string, text: string) => h('blockquote', { class: cls }, [h('strong', {}, [label]), ' ', text]);
  switch (c.kind) {
    case 'claim-added':
      return [quote('now', 'Now:', c.new.text)];
    case 'claim-removed':
      return [quote('was', 'Was:', c.old.text)];
    case 'claim-reworded': {
      const w = changedWords(c.old.text, c.new.text);
      return [
        h('blockquote', { class: 'was' }, [h('strong', {}, ['Was:']), ' ', w.head, h('del', {}, [w.was]), w.tail]),
        h('blockquote', { class: 'now' }, [h('strong', {}, ['Now:']), ' ', w.head, h('ins', {}, [w.now]), w.tail]),
      ];
    }
    case 'claim-moved':
      return [quote('was', 'Was:', c.old.text), quote('now', 'Now:', c.new.text)];
    case 'citation-lost':
    case 'citation-gained':
    case 'signal-added':
      return [quote('now', 'Claim:', c.new.text)];
    case 'signal-removed':
      return [quote('was', 'Claim:', (c.new ?? c.old).text)];
    case 'reference-changed':
      return [h('ul', {}, c.fields.map((f) => h('li', {}, [h('code', {}, [f.field]), ': ', h('del', {}, [value(f.before)]), ' → ', h('ins', {}, [value(f.after)])])))];
    default:
      return [];
  }
}

function title(c: EvidenceChange): Child[] {
  if (c.kind === 'reference-changed' || c.kind === 'reference-added') return [`[${c.newReference.label}] ${c.newReference.text}`];
  if (c.kind === 'reference-removed') return [`[${c.oldReference.label}] ${c.oldReference.text}`];
  const side = 'new' in c && c.new ? c.new : (c as { old: ClaimSide }).old;
  return [h('em', {}, [section(side)])];
}

/** The report as a standalone HTML document. */
export function evidenceHtml(r: EvidenceReport): string {
  let n = 0;
  const groups: Child[] = [];
  for (const kind of CHANGE_KINDS) {
    const of = r.changes.map((c, i) => [c, i] as const).filter(([c]) => c.kind === kind);
    if (of.length === 0) continue;
    groups.push(
      h('section', { class: `kind ${kind}` }, [
        h('h2', {}, [`${KIND_TITLE[kind]} (${of.length})`]),
        h('ol', {}, of.map(([c, i]) => {
          n++;
          const { side, place } = primaryPlace(c);
          const detail = changeDetail(c);
          return h('li', { id: `change-${i}`, 'data-side': side, 'data-from': place.from, 'data-to': place.to }, [
            title(c),
            ' ',
            h('span', { class: 'where' }, [`${whereWords(c)}${detail ? ` · ${detail}` : ''}`]),
            body(c),
          ]);
        })),
      ]),
    );
  }
  const notes: Child = r.notes
    ? h('section', { class: 'notes' }, [
        h('h2', {}, [`Notes on changed evidence (${r.notes.length})`]),
        r.notes.length === 0
          ? h('p', {}, ['No note sits on a change.'])
          : h('ul', {}, r.notes.map((note) => h('li', {}, [note.label, ' ', h('span', { class: 'where' }, [`(${note.id}) — `]), ...note.changes.map((i, k) => [k ? ', ' : '', h('a', { href: `#change-${i}` }, [KIND_TITLE[r.changes[i]!.kind].toLowerCase()])])]))),
      ])
    : null;
  const doc = h('html', { lang: 'en' }, [
    h('head', {}, [voidElement('meta', { charset: 'utf-8' }), h('title', {}, [`What changed in the evidence: ${r.oldName} → ${r.newName}`]), h('style', {}, [{ markup: STYLE }])]),
    h('body', {}, [
      h('h1', {}, ['What changed in the evidence']),
      h('p', {}, [`From ${r.oldName} to ${r.newName}.`]),
      h('h2', {}, ['Summary']),
      h('ul', {}, summaryLines(r).map((l) => h('li', {}, [l]))),
      h('h2', {}, ['Coverage by section']),
      h('table', {}, [
        h('thead', {}, [h('tr', {}, ['Section', 'Before', 'After', 'Sourced before', 'Sourced after'].map((t) => h('th', { scope: 'col' }, [t])))]),
        h('tbody', {}, r.sections.map((s) => h('tr', {}, [h('th', { scope: 'row' }, [s.title ?? 'Lead']), h('td', {}, [coverageWords(s.before)]), h('td', {}, [coverageWords(s.after)]), h('td', {}, [sourcedShare(s.before)]), h('td', {}, [sourcedShare(s.after)])]))),
      ]),
      n === 0 ? h('p', {}, ['No claim, citation, flag or reference entry changed.']) : null,
      groups,
      notes,
      h('p', { class: 'where' }, ['Places are offsets in the canonical text of each revision.']),
    ]),
  ]);
  return `<!DOCTYPE html>\n${serializeChildren([doc])}\n`;
}
