/**
 * A work's metadata (`corpus/<work>/work.json`) and the check that its text is the one the metadata describes.
 */
import { isSourceFormat, SOURCE_FORMATS, type SourceFormat } from '../sources/source-format.ts';

/** The metadata of a work. `sha256` is the hex SHA-256 of `text.txt`'s bytes; `iri` is what W3C targets name. */
export interface WorkMeta {
  id: string;
  title: string;
  language: string;
  source: string;
  iri: string;
  licence: { name: string; url: string };
  attribution: string;
  sha256: string;
  /** Free words on which revision of the source this is, if known. */
  revision?: string;
  /** The format the text is written in (DESIGN §6); absent: detected from the text's content. */
  format?: SourceFormat;
}

/** Thrown when work.json is unreadable or incomplete: `field` names what is wrong. */
export class WorkMetaError extends Error {
  override readonly name = 'WorkMetaError';
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

function requireString(o: Record<string, unknown>, field: string, where: string): string {
  const v = o[field];
  if (typeof v !== 'string' || v.trim() === '') throw new WorkMetaError(field, `${where}: "${field}" must be a non-empty string`);
  return v;
}

/**
 * Reads work.json's parsed JSON. `where` names the file in messages.
 * @throws WorkMetaError naming the field that is missing or malformed.
 */
export function parseWorkMeta(json: unknown, where = 'work.json'): WorkMeta {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new WorkMetaError('(root)', `${where}: expected a JSON object`);
  }
  const o = json as Record<string, unknown>;
  const licence = o['licence'];
  if (typeof licence !== 'object' || licence === null) throw new WorkMetaError('licence', `${where}: "licence" must be an object with name and url`);
  const sha256 = requireString(o, 'sha256', where);
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new WorkMetaError('sha256', `${where}: "sha256" must be 64 lower-case hex digits`);
  const meta: WorkMeta = {
    id: requireString(o, 'id', where),
    title: requireString(o, 'title', where),
    language: requireString(o, 'language', where),
    source: requireString(o, 'source', where),
    iri: requireString(o, 'iri', where),
    licence: {
      name: requireString(licence as Record<string, unknown>, 'name', `${where} licence`),
      url: requireString(licence as Record<string, unknown>, 'url', `${where} licence`),
    },
    attribution: requireString(o, 'attribution', where),
    sha256,
  };
  if (typeof o['revision'] === 'string') meta.revision = o['revision'];
  const format = o['format'];
  if (format !== undefined) {
    if (typeof format !== 'string' || !isSourceFormat(format)) {
      throw new WorkMetaError('format', `${where}: "format" must be one of ${SOURCE_FORMATS.join(', ')} (or left out to detect it)`);
    }
    meta.format = format;
  }
  return meta;
}

/** Hex SHA-256 of `bytes` (Web Crypto: the same in Node and in the browser). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Null when `bytes` hash to `meta.sha256`; otherwise a sentence saying that the text was altered. */
export async function checkWorkText(meta: WorkMeta, bytes: Uint8Array): Promise<string | null> {
  const actual = await sha256Hex(bytes);
  return actual === meta.sha256
    ? null
    : `The text of "${meta.title}" has been altered: its SHA-256 is ${actual}, but work.json records ${meta.sha256}. Notes may not sit on the words they were written for.`;
}
