/**
 * Reads a Hypothesis API export — one annotation, an array of them, or a search result `{ total, rows: […] }` —
 * into W3C annotations of the Apparatus model, ready to be merged (merge-annotations.ts) and anchored (anchor.ts).
 *
 * Mapping, per Hypothesis row:
 * - `id` → `https://hypothes.is/a/<id>` (the annotation's public IRI; the host is taken from `links.html` when that
 *   is `…/a/<id>` on another Hypothesis server);
 * - `created` / `updated` → `created` / `modified` (ISO 8601; `modified` only when it differs);
 * - `user` (`acct:name@authority`) → `creator` `{ type: "Person", id: "acct:…", name: user_info.display_name or name }`;
 * - `text` → a `TextualBody` (`format: "text/markdown"`, as Hypothesis stores Markdown), `tags` → one `TextualBody`
 *   per tag with `purpose: "tagging"`;
 * - `target[0].selector` → its `TextQuoteSelector` (exact, prefix, suffix) and `TextPositionSelector` (start, end).
 *   Hypothesis measures positions on the web page's text, not on our canonical text, so they are only hints: the
 *   anchoring engine checks them against the quote. `RangeSelector`s (XPath into the page's DOM) and other selectors
 *   mean nothing for our text and are left out, with a warning;
 * - `target[].source` → `options.source` when given (the work the notes are imported onto), with the row's own
 *   source (or `uri`) kept as the target's `via` when it differs (target-on-work.ts), else the row's own;
 * - a reply (`references: [root, …, parent]`) → motivation `replying`, target the parent's IRI;
 * - motivation: `replying` for replies, `commenting` when there is text, `tagging` for tags only, and
 *   `commenting` for a bare highlight (no body; W3C allows that) — reported as a warning.
 * Everything else (`group`, `permissions`, `document`, `flagged`, `hidden`, `moderation`, …) is ignored.
 *
 * Never throws for bad input: what cannot become an annotation is listed in `rejected` with where and why (a row
 * that is not an object, lacks an id or creation time, or — like a page note — has no quote or position to anchor
 * to). Every annotation made is then checked by the validator the store uses at its door (`parseAnnotations`,
 * selectors.ts): a row the store would refuse (a `created` of `2024-13-45T…`, a position of `1e300`, an address
 * with a space in it) is rejected here, naming the field, so that one bad row never blocks saving the others.
 * Pure: plain data in, plain data out.
 */
import type { Agent, Annotation, Body, Selector } from './annotation-types.ts';
import { parseAnnotations } from './selectors.ts';
import { targetOnWork, type TargetWithVia } from './target-on-work.ts';

/** A row that could not be imported. `where` is a path in the input (`rows[3]`, `[0]`, `(root)`). */
export interface RejectedRow {
  where: string;
  /** The Hypothesis id when the row has one. */
  id?: string;
  reason: string;
  /** The row as read (absent for a rejection of the whole input), so that it can be kept and shown. */
  raw?: unknown;
}

/** Something about an imported row worth telling the user (a dropped selector, a bare highlight). */
export interface ImportWarning {
  /** The id of the annotation it was imported as. */
  id: string;
  message: string;
}

/** The result of reading a Hypothesis export. */
export interface HypothesisImport {
  annotations: Annotation[];
  rejected: RejectedRow[];
  warnings: ImportWarning[];
}

/** Options: `source` is the IRI the imported targets are put on (the work's IRI). */
export interface HypothesisImportOptions {
  source?: string;
}

const DEFAULT_HOST = 'https://hypothes.is';

type Row = Record<string, unknown>;

const isObject = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * True when `value` looks like a Hypothesis API export (a row, an array of rows, or `{rows}`) rather than W3C
 * JSON-LD: rows have `user`, `uri` and a `target` array, and no W3C `type: "Annotation"`.
 */
export function isHypothesisExport(value: unknown): boolean {
  // A search result is recognisable even when it found nothing.
  if (isObject(value) && Array.isArray(value['rows']) && value['type'] === undefined && value['rows'].length === 0) return true;
  const rows = isObject(value) && Array.isArray(value['rows']) ? value['rows'] : Array.isArray(value) ? value : [value];
  const first = rows.find(isObject);
  return first !== undefined && first['type'] === undefined && typeof first['user'] === 'string' && Array.isArray(first['target']);
}

/** The rows of the export and the path prefix of each, or a rejection of the whole input. */
function rowsOf(value: unknown): { rows: unknown[]; path: (i: number) => string } | RejectedRow {
  if (Array.isArray(value)) return { rows: value, path: (i) => `[${i}]` };
  if (isObject(value)) {
    if ('rows' in value) {
      const rows = value['rows'];
      if (!Array.isArray(rows)) return { where: 'rows', reason: '"rows" is not an array' };
      return { rows, path: (i) => `rows[${i}]` };
    }
    return { rows: [value], path: () => '(root)' };
  }
  return { where: '(root)', reason: `expected a Hypothesis annotation, an array of them or {"rows": […]}, found ${value === null ? 'null' : typeof value}` };
}

/** An ISO 8601 date-time as W3C wants it (RFC 3339 with a zone); Hypothesis's microseconds are kept. */
function dateTime(v: unknown): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s)) return s;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** The public IRI of Hypothesis annotation `id`, on the server that `links.html` names (default hypothes.is). */
function annotationIri(id: string, links: unknown): string {
  const html = isObject(links) ? str(links['html']) : undefined;
  const m = html ? /^(https?:\/\/[^/]+)\/a\/([^/?#]+)$/.exec(html) : null;
  const host = m && m[2] === id ? m[1]! : DEFAULT_HOST;
  return `${host}/a/${encodeURIComponent(id)}`;
}

function creatorOf(row: Row): Agent | undefined {
  const user = str(row['user']);
  if (!user) return undefined;
  const info = row['user_info'];
  const display = isObject(info) ? str(info['display_name']) : undefined;
  const name = display ?? /^acct:([^@]+)@/.exec(user)?.[1] ?? user;
  return { type: 'Person', id: user, name };
}

/** Our selectors from a Hypothesis selector list, and the types left out. */
function selectorsOf(list: unknown): { selectors: Selector[]; dropped: string[] } {
  const selectors: Selector[] = [];
  const dropped: string[] = [];
  if (!Array.isArray(list)) return { selectors, dropped };
  let quote = false;
  let position = false;
  for (const s of list) {
    if (!isObject(s)) continue;
    const type = String(s['type'] ?? '(no type)');
    if (type === 'TextQuoteSelector' && typeof s['exact'] === 'string' && !quote) {
      quote = true;
      const q: Selector = { type: 'TextQuoteSelector', exact: s['exact'] };
      if (typeof s['prefix'] === 'string') q.prefix = s['prefix'];
      if (typeof s['suffix'] === 'string') q.suffix = s['suffix'];
      selectors.push(q);
    } else if (
      type === 'TextPositionSelector' && !position &&
      Number.isInteger(s['start']) && Number.isInteger(s['end']) && (s['start'] as number) >= 0 && (s['start'] as number) <= (s['end'] as number)
    ) {
      position = true;
      selectors.push({ type: 'TextPositionSelector', start: s['start'] as number, end: s['end'] as number });
    } else {
      dropped.push(type);
    }
  }
  // Quote first, as Apparatus writes them.
  selectors.sort((a, b) => (a.type === b.type ? 0 : a.type === 'TextQuoteSelector' ? -1 : 1));
  return { selectors, dropped };
}

/** One row → an annotation, or the reason it cannot be one. */
function convert(row: unknown, where: string, options: HypothesisImportOptions, warnings: ImportWarning[]): Annotation | RejectedRow {
  if (!isObject(row)) return { where, reason: `expected an annotation object, found ${row === null ? 'null' : Array.isArray(row) ? 'an array' : typeof row}` };
  const hid = str(row['id']);
  if (!hid) return { where, reason: 'no "id"' };
  const created = dateTime(row['created']);
  if (!created) return { where, id: hid, reason: `"created" is missing or not a date-time (${JSON.stringify(row['created'] ?? null)})` };
  const id = annotationIri(hid, row['links']);

  const text = typeof row['text'] === 'string' ? row['text'] : '';
  const tags = Array.isArray(row['tags']) ? [...new Set(row['tags'].filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim()))] : [];
  const references = Array.isArray(row['references']) ? row['references'].filter((r): r is string => typeof r === 'string' && r !== '') : [];
  const isReply = references.length > 0;

  const body: Body[] = [];
  if (text.trim() !== '') body.push({ type: 'TextualBody', value: text, format: 'text/markdown', purpose: isReply ? 'replying' : 'commenting' });
  for (const tag of tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });

  let target: TargetWithVia | string;
  if (isReply) {
    target = annotationIri(references[references.length - 1]!, row['links']);
  } else {
    const targets = Array.isArray(row['target']) ? row['target'] : [];
    const first = targets.find(isObject);
    if (!first) return { where, id: hid, reason: 'no "target" object' };
    const { selectors, dropped } = selectorsOf(first['selector']);
    if (selectors.length === 0) {
      return {
        where,
        id: hid,
        reason: dropped.length > 0
          ? `no TextQuoteSelector or TextPositionSelector to anchor on our text (only ${dropped.join(', ')})`
          : 'a page note (no selector): it is not attached to any words of the text',
      };
    }
    if (dropped.length > 0) warnings.push({ id, message: `left out ${dropped.join(', ')}: it locates the words in the web page's markup, not in this text` });
    if (targets.length > 1) warnings.push({ id, message: `only the first of its ${targets.length} targets was imported` });
    const onRow: TargetWithVia = { source: str(first['source']) ?? str(row['uri']) ?? options.source ?? '', selector: selectors };
    target = options.source === undefined ? onRow : targetOnWork(onRow, options.source).target;
  }

  const annotation: Annotation = {
    id,
    type: 'Annotation',
    motivation: isReply ? 'replying' : text.trim() !== '' ? 'commenting' : tags.length > 0 ? 'tagging' : 'commenting',
    created,
    target,
  };
  const modified = dateTime(row['updated']);
  if (modified && modified !== created) annotation.modified = modified;
  const creator = creatorOf(row);
  if (creator) annotation.creator = creator;
  if (body.length > 0) annotation.body = body;
  if (!isReply && body.length === 0) warnings.push({ id, message: 'a highlight without text or tags: imported as a note with no body' });
  if (isReply && body.length === 0) return { where, id: hid, reason: 'a reply without text' };
  return storable(annotation, where, hid);
}

/** `annotation` when the store's validator accepts it, else the rejection naming each field it refuses. */
function storable(annotation: Annotation, where: string, hid: string): Annotation | RejectedRow {
  const { rejected } = parseAnnotations([annotation], where);
  if (rejected.length === 0) return annotation;
  const fields = rejected[0]!.errors.map((e) => `${e.field || '(annotation)'}: ${e.message}`).join('; ');
  return { where, id: hid, reason: `cannot be stored as read: ${fields}` };
}

/** Reads a parsed Hypothesis export (see the module comment). Never throws. */
export function importHypothesis(value: unknown, options: HypothesisImportOptions = {}): HypothesisImport {
  const annotations: Annotation[] = [];
  const rejected: RejectedRow[] = [];
  const warnings: ImportWarning[] = [];
  const rows = rowsOf(value);
  if (!('rows' in rows)) return { annotations, rejected: [rows], warnings };
  rows.rows.forEach((row, i) => {
    // A row's warnings are kept only when the row is imported.
    const own: ImportWarning[] = [];
    const result = convert(row, rows.path(i), options, own);
    if ('type' in result) {
      annotations.push(result);
      warnings.push(...own);
    } else rejected.push({ ...result, raw: row });
  });
  return { annotations, rejected, warnings };
}
