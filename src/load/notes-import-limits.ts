/**
 * The stated limits of one notes import, and the messages refusing a file over them. A file over either limit is
 * refused whole, with a message that says which limit and by how much — never half imported. Pure: the page checks
 * the size before reading the file; the notes-import worker checks both.
 */

/** The largest notes file one import reads: 48 MiB (about 30,000 Hypothesis rows as the API exports them). */
export const MAX_IMPORT_BYTES = 48 * 1024 * 1024;

/** The most notes (Hypothesis rows, or W3C annotations) one import file may hold. */
export const MAX_IMPORT_NOTES = 25_000;

const number = (n: number) => n.toLocaleString('en-US');

/** The message refusing a file of `bytes` bytes, or null when it is within `MAX_IMPORT_BYTES`. */
export function sizeProblem(name: string, bytes: number, limit = MAX_IMPORT_BYTES): string | null {
  if (bytes <= limit) return null;
  const mib = (b: number) => (b / 1024 / 1024).toFixed(1);
  return `${name} is ${number(bytes)} bytes (${mib(bytes)} MiB); the limit for one import is ${number(limit)} bytes (${mib(limit)} MiB). Nothing was imported: split the file into smaller ones.`;
}

/**
 * How many notes the parsed file `value` holds, counted as the importers read it: a Hypothesis search result's
 * `rows`, a collection's first page's `items`, a page's `items`, an array's elements; anything else counts as one.
 */
export function importItemCount(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (typeof value !== 'object' || value === null) return 1;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v['rows'])) return v['rows'].length;
  if (Array.isArray(v['items'])) return v['items'].length;
  const first = v['first'];
  if (typeof first === 'object' && first !== null && Array.isArray((first as Record<string, unknown>)['items'])) {
    return ((first as Record<string, unknown>)['items'] as unknown[]).length;
  }
  return 1;
}

/** The message refusing a file of `count` notes, or null when it is within `MAX_IMPORT_NOTES`. */
export function countProblem(name: string, count: number, limit = MAX_IMPORT_NOTES): string | null {
  if (count <= limit) return null;
  return `${name} holds ${number(count)} notes; the limit for one import is ${number(limit)} notes. Nothing was imported: split the file into files of at most ${number(limit)} notes.`;
}
