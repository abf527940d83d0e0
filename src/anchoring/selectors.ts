/**
 * Validation at the door: W3C Web Annotations (with Apparatus's `apparatus:` context, annotation-types.ts) read
 * from JSON, checked field by field, and the selector accessors every other layer uses. Reading the JSON text of
 * a file (syntax errors with line and column) is annotation-file.ts.
 *
 * What is accepted: an `AnnotationCollection` whose `first` page holds its items inline, an `AnnotationPage`, an
 * array of annotations, or a single `Annotation`. Each annotation is checked on its own: a bad one is rejected
 * with errors naming the field (`target.selector[1].start`), kept with its raw JSON, and the valid ones still
 * load. Unknown fields are kept as they are (we never lose data); the only normalisation is that a single body or
 * selector object becomes a one-element array. Nothing here writes anything.
 *
 * Rules (beyond the JSON types of annotation-types.ts):
 * - `id` an absolute IRI (`scheme:…`), unique within the file (a later duplicate is rejected);
 * - `type` "Annotation" (or a list holding it); `motivation` one of the W3C motivations Apparatus uses
 *   (MOTIVATIONS); `created` (required) and `modified` ISO 8601 date-times;
 * - `target` an IRI (a reply) or an object with a `source` and a `selector` (one or a list) holding at least one
 *   `TextQuoteSelector` (`exact` a string; `prefix`/`suffix` strings) or `TextPositionSelector` (`start` ≤ `end`,
 *   non-negative integers); other selector types (RangeSelector, XPathSelector… as Hypothesis writes them) are
 *   kept and ignored; a list of several targets is not supported;
 * - bodies `TextualBody` (`value` a string) or `SpecificResource` source links (`purpose` "linking", `relation` a
 *   CiTO term, `citation` and `locator` strings when present); `verdict`, `certainty` from their enums; `evidence`
 *   strings; `positions` with holder/view/citation.
 *
 * Pure: plain data in and out.
 */
import { VERIFICATION_STATUSES } from './verification.ts';
import {
  CERTAINTIES,
  CITO_RELATIONS,
  MOTIVATIONS,
  VERDICTS,
  type Annotation,
  type TextTarget,
} from './annotation-types.ts';

/** One problem with one field of an annotation; `field` is a path like `target.selector[1].start` ('' = the whole). */
export interface FieldError {
  field: string;
  message: string;
}

/** An annotation that did not load: where it was in the file (`index` among the items), its id if it had a string one, its JSON as read, and why. */
export interface RejectedAnnotation {
  index: number;
  id: string | null;
  raw: unknown;
  errors: FieldError[];
}

/** The annotations of a file that are valid, and the ones that are not (with their raw JSON: nothing is lost). */
export interface ParsedAnnotations {
  annotations: Annotation[];
  rejected: RejectedAnnotation[];
}

/**
 * The file as a whole cannot be read: not JSON (`line`/`column`, 1-based, say where the syntax breaks; column in
 * UTF-16 code units), or JSON that is not annotations at all (then they point at the top-level value).
 */
export class AnnotationFileError extends Error {
  override readonly name = 'AnnotationFileError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/**
 * Checks already-parsed JSON: an `AnnotationCollection` (its `first` page's `items`, or its own `items` when it
 * has no `first` page), an `AnnotationPage`
 * (`items`), an array of annotations, or one `Annotation`.
 * @throws AnnotationFileError (line 1, column 1) when `value` is none of these — e.g. a collection whose pages
 *   are only linked, not inline.
 */
export function parseAnnotations(value: unknown, where: string): ParsedAnnotations {
  return readAnnotationItems(value, where, 1, 1);
}

/**
 * `parseAnnotations` with the line and column that a "not annotations" error names (annotation-file.ts passes
 * where the file's top-level value starts).
 */
export function readAnnotationItems(value: unknown, where: string, line: number, column: number): ParsedAnnotations {
  const notAnnotations = (why: string) => new AnnotationFileError(`${where}: not W3C annotations: ${why}`, line, column);
  let items: unknown[];
  if (Array.isArray(value)) {
    items = value;
  } else if (isObject(value)) {
    if (hasType(value, 'AnnotationCollection')) {
      const first = value['first'];
      // A collection with no `first` page is empty — unless it holds `items` itself (not the W3C shape, but
      // written by some tools): those are read, never silently dropped.
      if (first === undefined) items = Array.isArray(value['items']) ? value['items'] : [];
      else if (isObject(first) && Array.isArray(first['items'])) items = first['items'];
      else if (typeof first === 'string') throw notAnnotations(`the collection's first page is only linked (${show(first)}); Apparatus reads pages held inline`);
      else throw notAnnotations('the collection\'s "first" is not an AnnotationPage with "items"');
    } else if (hasType(value, 'AnnotationPage')) {
      if (!Array.isArray(value['items'])) throw notAnnotations('the AnnotationPage has no "items" list');
      items = value['items'];
    } else if (hasType(value, 'Annotation')) {
      items = [value];
    } else {
      throw notAnnotations(`the top-level object has type ${show(value['type'])}; expected Annotation, AnnotationPage or AnnotationCollection`);
    }
  } else {
    throw notAnnotations(`the top level is ${kindOf(value)}; expected an annotation, a list of them, a page or a collection`);
  }
  const annotations: Annotation[] = [];
  const rejected: RejectedAnnotation[] = [];
  const firstIndexOf = new Map<string, number>();
  items.forEach((raw, index) => {
    const id = isObject(raw) && typeof raw['id'] === 'string' ? raw['id'] : null;
    const { annotation, errors } = checkAnnotation(raw);
    if (id !== null) {
      const earlier = firstIndexOf.get(id);
      if (earlier !== undefined) errors.push({ field: 'id', message: `duplicate id: item ${earlier} already has it (the first one is kept)` });
      else if (errors.length === 0) firstIndexOf.set(id, index);
    }
    if (annotation && errors.length === 0) annotations.push(annotation);
    else rejected.push({ index, id, raw, errors });
  });
  return { annotations, rejected };
}

/** One line for people: which annotation of which file was rejected and why (values shortened). */
export function describeRejection(r: RejectedAnnotation, where: string): string {
  const who = r.id !== null ? `annotation ${show(r.id)} (item ${r.index})` : `item ${r.index}`;
  return `${where}: ${who} rejected: ${r.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ')}`;
}

export { positionSelectorOf, quoteSelectorOf, textTargetOf } from './target-selectors.ts';

// ---- checking one annotation ----

type Json = Record<string, unknown>;

const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const AGENT_TYPES = ['Person', 'Organization', 'Software'];

function checkAnnotation(raw: unknown): { annotation: Annotation | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const err = (field: string, message: string) => void errors.push({ field, message });
  if (!isObject(raw)) {
    err('', `an annotation must be an object, found ${kindOf(raw)}`);
    return { annotation: null, errors };
  }
  const id = raw['id'];
  if (id === undefined) err('id', 'missing (an annotation needs an IRI id)');
  else if (typeof id !== 'string' || !IRI.test(id)) err('id', `must be an IRI such as urn:uuid:…, found ${show(id)}`);
  if (!hasType(raw, 'Annotation')) err('type', `must be "Annotation", found ${show(raw['type'])}`);
  const motivation = raw['motivation'];
  if (motivation === undefined) err('motivation', `missing; one of ${MOTIVATIONS.join(', ')}`);
  else if (!includes(MOTIVATIONS, motivation)) err('motivation', `${show(motivation)} is not one of ${MOTIVATIONS.join(', ')}`);
  checkDate(raw, 'created', true, err);
  checkDate(raw, 'modified', false, err);
  if (raw['creator'] !== undefined) checkAgent(raw['creator'], 'creator', err);
  let body: unknown[] | undefined;
  if (raw['body'] !== undefined) {
    body = Array.isArray(raw['body']) ? raw['body'] : [raw['body']];
    body.forEach((b, i) => checkBody(b, Array.isArray(raw['body']) ? `body[${i}]` : 'body', err));
  }
  const target = checkTarget(raw['target'], err);
  if (raw['verdict'] !== undefined && !includes(VERDICTS, raw['verdict'])) err('verdict', `${show(raw['verdict'])} is not one of ${VERDICTS.join(', ')}`);
  if (raw['certainty'] !== undefined && !includes(CERTAINTIES, raw['certainty'])) err('certainty', `${show(raw['certainty'])} is not one of ${CERTAINTIES.join(', ')}`);
  if (raw['evidence'] !== undefined) {
    const ev = raw['evidence'];
    if (!Array.isArray(ev)) err('evidence', `must be a list of strings, found ${kindOf(ev)}`);
    else ev.forEach((e, i) => typeof e !== 'string' && err(`evidence[${i}]`, `must be a string, found ${kindOf(e)}`));
  }
  if (raw['positions'] !== undefined) checkPositions(raw['positions'], err);
  if (raw['verification'] !== undefined) checkVerification(raw['verification'], err);
  if (raw['correctedDate'] !== undefined && !isDateOrInterval(raw['correctedDate'])) {
    err('correctedDate', `must be an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD) or an interval of two such dates joined by "/", found ${show(raw['correctedDate'])}`);
  }
  if (errors.length > 0 || target === null) return { annotation: null, errors };
  const annotation = { ...raw, target } as unknown as Annotation;
  if (body) annotation.body = body as Annotation['body'];
  return { annotation, errors };
}

type Err = (field: string, message: string) => void;

function checkVerification(v: unknown, err: Err): void {
  if (!isObject(v)) return err('verification', `must be an object with a status, found ${kindOf(v)}`);
  if (!includes(VERIFICATION_STATUSES, v['status'])) err('verification.status', `${show(v['status'])} is not one of ${VERIFICATION_STATUSES.join(', ')}`);
  for (const key of ['locator', 'passage']) {
    if (v[key] !== undefined && (typeof v[key] !== 'string' || v[key] === '')) err(`verification.${key}`, `must be a non-empty string when present, found ${show(v[key])}`);
  }
}

/** True for `YYYY`, `YYYY-MM`, `YYYY-MM-DD` naming a real day, or `start/end` of two of those with start ≤ end. */
function isDateOrInterval(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const parts = v.split('/');
  if (parts.length > 2) return false;
  const day = (d: string): boolean => {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d);
    if (!m) return false;
    const [year, month, date] = [Number(m[1]), m[2] === undefined ? 1 : Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
    const t = new Date(Date.UTC(year, month - 1, date));
    return month >= 1 && month <= 12 && t.getUTCMonth() === month - 1 && t.getUTCDate() === date;
  };
  return parts.every(day) && (parts.length === 1 || parts[0]! <= parts[1]!);
}

function checkDate(o: Json, key: string, required: boolean, err: Err): void {
  const v = o[key];
  if (v === undefined) {
    if (required) err(key, 'missing (an ISO 8601 date-time such as 2026-01-31T12:00:00Z)');
  } else if (typeof v !== 'string' || !DATE_TIME.test(v) || Number.isNaN(Date.parse(v))) {
    err(key, `must be an ISO 8601 date-time, found ${show(v)}`);
  }
}

function checkAgent(v: unknown, field: string, err: Err): void {
  if (!isObject(v)) return err(field, `must be an object with type and name, found ${kindOf(v)}`);
  if (!includes(AGENT_TYPES, v['type'])) err(`${field}.type`, `must be one of ${AGENT_TYPES.join(', ')}, found ${show(v['type'])}`);
  if (typeof v['name'] !== 'string') err(`${field}.name`, `must be a string, found ${kindOf(v['name'])}`);
  if (v['id'] !== undefined && typeof v['id'] !== 'string') err(`${field}.id`, `must be an IRI string, found ${kindOf(v['id'])}`);
}

function checkBody(b: unknown, field: string, err: Err): void {
  if (!isObject(b)) return err(field, `must be an object (TextualBody or SpecificResource), found ${kindOf(b)}`);
  const type = b['type'];
  if (type === 'TextualBody') {
    if (typeof b['value'] !== 'string') err(`${field}.value`, `must be a string, found ${kindOf(b['value'])}`);
    if (b['format'] !== undefined && b['format'] !== 'text/plain' && b['format'] !== 'text/markdown') {
      err(`${field}.format`, `must be text/plain or text/markdown, found ${show(b['format'])}`);
    }
    if (b['language'] !== undefined && typeof b['language'] !== 'string') err(`${field}.language`, `must be a string, found ${kindOf(b['language'])}`);
    if (b['purpose'] !== undefined && !includes(MOTIVATIONS, b['purpose'])) err(`${field}.purpose`, `${show(b['purpose'])} is not one of ${MOTIVATIONS.join(', ')}`);
  } else if (type === 'SpecificResource') {
    if (typeof b['source'] !== 'string' || !IRI.test(b['source'])) err(`${field}.source`, `must be an IRI, found ${show(b['source'])}`);
    if (b['purpose'] !== 'linking') err(`${field}.purpose`, `a source link's purpose must be "linking", found ${show(b['purpose'])}`);
    if (!includes(CITO_RELATIONS, b['relation'])) err(`${field}.relation`, `${show(b['relation'])} is not one of ${CITO_RELATIONS.join(', ')}`);
    if (b['citation'] !== undefined && typeof b['citation'] !== 'string') err(`${field}.citation`, `must be a string, found ${kindOf(b['citation'])}`);
    if (b['locator'] !== undefined && typeof b['locator'] !== 'string') err(`${field}.locator`, `must be a string, found ${kindOf(b['locator'])}`);
  } else {
    err(`${field}.type`, `must be TextualBody or SpecificResource, found ${show(type)}`);
  }
}

/** The target with its selectors as a list, or null (errors reported) when it is unusable. */
function checkTarget(t: unknown, err: Err): TextTarget | string | null {
  if (t === undefined) return err('target', 'missing'), null;
  if (typeof t === 'string') return IRI.test(t) ? t : (err('target', `a reply's target must be the IRI of an annotation, found ${show(t)}`), null);
  if (Array.isArray(t)) return err('target', `several targets (${t.length}) are not supported; give one`), null;
  if (!isObject(t)) return err('target', `must be an object with source and selector, or an IRI; found ${kindOf(t)}`), null;
  let ok = true;
  const bad = (field: string, message: string) => {
    ok = false;
    err(field, message);
  };
  if (typeof t['source'] !== 'string' || t['source'] === '') bad('target.source', `must be the IRI of the text, found ${show(t['source'])}`);
  const sel = t['selector'];
  if (sel === undefined) {
    bad('target.selector', 'missing: a text target needs a TextQuoteSelector or a TextPositionSelector');
    return null;
  }
  const list = Array.isArray(sel) ? sel : [sel];
  const path = (i: number) => (Array.isArray(sel) ? `target.selector[${i}]` : 'target.selector');
  let usable = 0;
  list.forEach((s, i) => {
    const f = path(i);
    if (!isObject(s)) return bad(f, `must be an object, found ${kindOf(s)}`);
    if (s['type'] === 'TextQuoteSelector') {
      usable++;
      if (typeof s['exact'] !== 'string') bad(`${f}.exact`, `must be a string, found ${kindOf(s['exact'])}`);
      for (const k of ['prefix', 'suffix']) if (s[k] !== undefined && typeof s[k] !== 'string') bad(`${f}.${k}`, `must be a string, found ${kindOf(s[k])}`);
    } else if (s['type'] === 'TextPositionSelector') {
      usable++;
      const start = s['start'];
      const end = s['end'];
      const offset = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
      if (!offset(start)) bad(`${f}.start`, `must be a non-negative integer, found ${show(start)}`);
      if (!offset(end)) bad(`${f}.end`, `must be a non-negative integer, found ${show(end)}`);
      if (offset(start) && offset(end) && (start as number) > (end as number)) bad(`${f}.start`, `start ${String(start)} is after end ${String(end)}`);
    } else if (typeof s['type'] !== 'string') {
      bad(`${f}.type`, `must be a selector type, found ${show(s['type'])}`);
    }
  });
  if (usable === 0) bad('target.selector', 'has neither a TextQuoteSelector nor a TextPositionSelector');
  return ok ? ({ ...t, selector: list } as unknown as TextTarget) : null;
}

function checkPositions(v: unknown, err: Err): void {
  if (!Array.isArray(v)) return err('positions', `must be a list, found ${kindOf(v)}`);
  v.forEach((p, i) => {
    const f = `positions[${i}]`;
    if (!isObject(p)) return err(f, `must be an object with holder, view and citation, found ${kindOf(p)}`);
    for (const k of ['holder', 'view', 'citation']) if (typeof p[k] !== 'string') err(`${f}.${k}`, `must be a string, found ${kindOf(p[k])}`);
    for (const k of ['url', 'perspective']) if (p[k] !== undefined && typeof p[k] !== 'string') err(`${f}.${k}`, `must be a string, found ${kindOf(p[k])}`);
  });
}

// ---- small helpers ----

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasType(o: Json, type: string): boolean {
  const t = o['type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

function includes<T>(list: readonly T[], v: unknown): v is T {
  return (list as readonly unknown[]).includes(v);
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${show(v)}`;
  return `the ${typeof v} ${String(v)}`;
}

/** A value for a message, shortened so that a 10 MB field does not become a 10 MB message. */
function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return Array.isArray(v) ? `a list of ${v.length}` : 'an object';
}
