/**
 * The heavy, DOM-free half of loading a work: fetch the text, check its hash and import it in its format (work.json's
 * `format`, else detected from the content; the adapter is loaded only for a format other than plain text, and none
 * of them needs ProseMirror or the DOM); read the notes file
 * (fetched by the page, `fetchNotesFile`); anchor notes; answering with plain messages (`load-messages.ts`). It
 * runs in the load worker, or on the page when workers are unavailable (and in Node tests) — the same code either
 * way.
 */
import { anchorAll } from '../anchoring/anchor.ts';
import type { Annotation } from '../anchoring/annotation-types.ts';
import { DocText } from '../anchoring/doc-text.ts';
import { placementOf, type Placement } from '../anchoring/placement.ts';
import { parseAnnotationFile } from '../anchoring/annotation-file.ts';
import { AnnotationFileError, describeRejection } from '../anchoring/selectors.ts';
import { ImportError } from '../model/import-error.ts';
import type { ImportedText } from '../model/imported-text.ts';
import { checkWorkText } from '../model/work.ts';
import { importSourceLazily } from '../sources/import-source-lazily.ts';
import type { FetchedNotes, FileNotes, FromWorker, PartField, ReadRequest, ToWorker } from './load-messages.ts';

/** How many items of each array go in one message (about 50–200 KB each). */
const PART_SIZE: Record<PartField, number> = { blocks: 200, claims: 2000, citations: 5000, references: 300, problems: 2000, links: 5000, signals: 5000, annotations: 200 };

/** The fetched notes file's annotations and what it holds that could not be read (kept, reported). */
export function readNotesFile(file: FetchedNotes): FileNotes {
  if ('none' in file) return { annotations: [], unreadable: [] };
  if ('failed' in file) return { annotations: [], unreadable: [{ origin: file.url, key: file.url, reason: file.failed, raw: null }] };
  const url = file.url;
  // Not fatal: bytes that are not UTF-8 become U+FFFD, which parseAnnotationFile reports with their line and column.
  const json = new TextDecoder('utf-8').decode(file.bytes);
  try {
    const parsed = parseAnnotationFile(json, url);
    return {
      annotations: parsed.annotations,
      unreadable: parsed.rejected.map((r) => ({ origin: url, key: r.id ?? `item ${r.index}`, reason: describeRejection(r, url), raw: r.raw })),
    };
  } catch (e) {
    if (e instanceof AnnotationFileError) return { annotations: [], unreadable: [{ origin: url, key: url, reason: e.message, raw: json.slice(0, 20_000) }] };
    throw e;
  }
}

/**
 * Where each of `annotations` lands on `docText` (the canonical text of `buildDoc(imported)`): `placementOf` each
 * anchoring result, as `entriesFromAnchors` (editor/annotation-commands.ts) does on the page.
 */
export function placeAnnotations(docText: DocText, annotations: readonly Annotation[]): Placement[] {
  const anchors = anchorAll(docText.text, annotations);
  return annotations.map((annotation) => placementOf(docText, annotation, anchors.get(annotation.id)));
}

/**
 * One load's worker side. `handle` takes the page's messages in order; `post` receives the answers in order.
 * A failure is posted as `failed` (never thrown, never left unanswered).
 */
export class WorkReader {
  private imported: ImportedText | null = null;
  private fileNotes: Annotation[] = [];
  private sent: Annotation[] = [];
  private docText: DocText | null = null;

  constructor(private readonly post: (message: FromWorker) => void) {}

  /** Handles one message from the page. Resolves when its answers are posted. */
  async handle(message: ToWorker): Promise<void> {
    try {
      switch (message.type) {
        case 'read':
          return await this.read(message.request);
        case 'notes': {
          const file = readNotesFile(message.file);
          this.fileNotes = file.annotations;
          this.postParts([['annotations', file.annotations]]);
          this.post({ type: 'notes', unreadable: file.unreadable });
          return;
        }
        case 'anchor-part':
          this.sent.push(...message.items);
          return;
        case 'anchor': {
          const annotations = message.source === 'file' ? this.fileNotes : this.sent;
          this.sent = [];
          this.post({ type: 'placed', placements: annotations.length ? placeAnnotations(this.textOfDoc(), annotations) : [] });
          return;
        }
      }
    } catch (e) {
      this.post({ type: 'failed', failure: failureOf(e) });
    }
  }

  private textOfDoc(): DocText {
    if (!this.imported) throw new Error('notes cannot be anchored before the text is read');
    // Positions of the document the page builds (build-doc.ts), without building it: the worker needs no ProseMirror.
    this.docText ??= DocText.fromImported(this.imported);
    return this.docText;
  }

  private postParts(fields: [PartField, unknown[]][]): void {
    for (const [field, items] of fields) {
      for (let i = 0; i < items.length; i += PART_SIZE[field]) {
        const part = items.slice(i, i + PART_SIZE[field]);
        // Notes are JSON data as read from their file: as JSON text they cost the page less to receive.
        this.post(field === 'annotations' ? { type: 'json-part', field, json: JSON.stringify(part) } : { type: 'part', field, items: part });
      }
    }
  }

  private async read(request: ReadRequest): Promise<void> {
    let bytes: Uint8Array;
    if (request.bytes) bytes = request.bytes;
    else {
      try {
        const res = await fetch(request.textUrl);
        if (!res.ok) throw new Error(`Could not load ${request.textUrl}: ${res.status} ${res.statusText}`);
        bytes = new Uint8Array(await res.arrayBuffer());
      } catch (e) {
        this.post({ type: 'failed', failure: { kind: 'fetch', message: (e as Error).message } });
        return;
      }
    }
    this.post({ type: 'progress', progress: { stage: 'fetched', fraction: 0.1 } });
    const warning = await checkWorkText(request.meta, bytes);
    this.post({ type: 'progress', progress: { stage: 'hashed', fraction: 0.15 } });
    const { format, imported } = await importSourceLazily(bytes, {
      language: request.meta.language,
      origin: request.textUrl,
      ...(request.meta.format ? { format: request.meta.format } : {}),
    });
    this.imported = imported;
    this.post({ type: 'progress', progress: { stage: 'imported', fraction: 0.8 } });
    this.postParts([
      ['blocks', imported.blocks],
      ['claims', imported.claims],
      ['citations', imported.citations],
      ['references', imported.references],
      ['problems', imported.problems],
      ['links', imported.links ?? []],
      ['signals', imported.signals ?? []],
    ]);
    this.post({
      type: 'read',
      referencesHeading: imported.referencesHeading,
      warning,
      format,
      ...(imported.report ? { report: imported.report } : {}),
      ...(imported.meta ? { meta: imported.meta } : {}),
    });
  }
}

/** A thrown value as a `LoadFailure` (ImportErrors keep their code, line and column). */
function failureOf(e: unknown): Extract<FromWorker, { type: 'failed' }>['failure'] {
  if (e instanceof ImportError) {
    return { kind: 'import', code: e.code, line: e.line, column: e.column, message: e.message.replace(/ \(line \d+, column \d+\)$/, '') };
  }
  return { kind: 'other', message: e instanceof Error ? e.message : String(e) };
}
