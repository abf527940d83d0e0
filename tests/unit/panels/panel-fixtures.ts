/**
 * Shared helpers of the panel tests: mount a Lit element with its properties set and wait for it to render; read
 * its shadow DOM as a user meets it (visible text, links); build notes and references as the importer and the
 * annotation plugin would hand them to the panels.
 */
import type { LitElement } from 'lit';
import type { Annotation, Body } from '../../../src/anchoring/annotation-types.ts';
import type { AnnotationEntry } from '../../../src/editor/annotation-plugin.ts';
import type { NotesSnapshot } from '../../../src/editor/snapshot.ts';
import type { CslItem, Reference, ReferenceIds } from '../../../src/model/reference-types.ts';

/**
 * Creates `<tag>`, sets `props` on it and waits for its first render. The element is placed inside the shadow
 * root of a host element, as the panels sit inside `<ap-reader>`'s: an event of the element reaches `document`
 * only if it bubbles and is composed.
 */
export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
): Promise<HTMLElementTagNameMap[K]> {
  const host = document.createElement('div');
  document.body.append(host);
  const el = document.createElement(tag);
  Object.assign(el, props);
  host.attachShadow({ mode: 'open' }).append(el);
  await settle(el);
  return el;
}

/** Waits until `el` (and the Lit elements inside its shadow root, recursively) have finished updating. */
export async function settle(el: Element): Promise<void> {
  const lit = el as Partial<LitElement>;
  if (lit.updateComplete) await lit.updateComplete;
  for (const inner of el.shadowRoot?.querySelectorAll('*') ?? []) {
    if ((inner as Partial<LitElement>).updateComplete) await settle(inner);
  }
}

/** The shadow root of `el` (every panel renders into one). */
export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

/** The one element matching `selector` in `el`'s shadow root. @throws Error when there is none. */
export function $(el: Element, selector: string): HTMLElement {
  const found = shadow(el).querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector} in <${el.localName}>`);
  return found;
}

/** Every element matching `selector` in `el`'s shadow root. */
export function $$(el: Element, selector: string): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>(selector)];
}

/**
 * The text a reader sees in `node`: shadow roots of nested custom elements included, white space runs as one
 * space, trimmed. Styles are skipped.
 */
export function textOf(node: Node): string {
  return rawText(node).replace(/\s+/g, ' ').trim();
}

function rawText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof HTMLElement && node.localName === 'style') return '';
  let out = '';
  const root = node instanceof Element && node.shadowRoot ? node.shadowRoot : node;
  for (const child of root.childNodes) out += rawText(child);
  // Block-level separation so that adjacent paragraphs do not run together.
  return node instanceof HTMLElement && /^(p|li|h\d|div|section|article|blockquote|dt|dd)$/.test(node.localName) ? ` ${out} ` : out;
}

/** Records the events of `type` that reach `document` (from inside the mount's shadow root: bubbling and composed). */
export function listen<E extends Event = CustomEvent>(type: string): E[] {
  const seen: E[] = [];
  const record = (e: Event) => seen.push(e as E);
  document.addEventListener(type, record);
  listeners.push(() => document.removeEventListener(type, record));
  return seen;
}

const listeners: (() => void)[] = [];

/** Removes everything the tests mounted and the listeners `listen` added. */
export function unmountAll(): void {
  document.body.replaceChildren();
  for (const remove of listeners.splice(0)) remove();
}

/** A reference as the importer gives it: `csl` and `ids` filled in from `csl`/`ids` (empty lists by default). */
export function reference(label: string, text: string, csl: Partial<CslItem> = {}, ids: Partial<ReferenceIds> = {}): Reference {
  return {
    label,
    text,
    ids: { isbn: [], oclc: [], ol: [], hdl: [], doi: [], url: [], ...ids },
    csl: { id: `ref-${label}`, type: 'document', ...csl },
  };
}

/** A note on the passage `quote`: a comment by Ada (2026-01-02) unless `fields` say otherwise. */
export function note(id: string, text: string, fields: Partial<Annotation> & { tags?: string[]; quote?: string } = {}): Annotation {
  const { tags = [], quote = 'the quoted words', ...rest } = fields;
  const body: Body[] = [];
  if (text) body.push({ type: 'TextualBody', value: text, format: 'text/plain' });
  for (const t of tags) body.push({ type: 'TextualBody', value: t, purpose: 'tagging' });
  return {
    id,
    type: 'Annotation',
    motivation: 'commenting',
    created: '2026-01-02T10:00:00Z',
    creator: { type: 'Person', name: 'Ada' },
    body,
    target: { source: 'urn:test:work', selector: [{ type: 'TextQuoteSelector', exact: quote }] },
    ...rest,
  };
}

/** A reply to the note `parent`. */
export function reply(id: string, parent: string, text: string, created = '2026-01-03T10:00:00Z'): Annotation {
  return {
    id,
    type: 'Annotation',
    motivation: 'replying',
    created,
    creator: { type: 'Person', name: 'Grace' },
    body: [{ type: 'TextualBody', value: text, format: 'text/plain' }],
    target: parent,
  };
}

/** An entry of the annotation plugin: anchored at `from` unless `status` says otherwise. */
export function entry(annotation: Annotation, from: number | null = 1, status: AnnotationEntry['status'] = 'exact', score = 1): AnnotationEntry {
  return { annotation, range: from === null ? null : { from, to: from + 5 }, status, score };
}

/** A notes snapshot from its parts (counts as the snapshot builder counts them). */
export function notesSnapshot(parts: Partial<NotesSnapshot> = {}): NotesSnapshot {
  const base: NotesSnapshot = {
    notes: [],
    orphans: [],
    replies: new Map(),
    strays: [],
    unreadable: [],
    canUndo: false,
    canRedo: false,
    count: 0,
    corrections: [],
    checks: new Map(),
    ...parts,
  };
  let replies = 0;
  for (const list of base.replies.values()) replies += list.length;
  return { ...base, count: parts.count ?? base.notes.length + base.orphans.length + base.strays.length + replies };
}
