/**
 * JSON of a value with object keys sorted at every depth (undefined members left out): equal strings for equal
 * content whatever the key order. Needed wherever two copies of a note are compared after one went through a store
 * that does not keep key order (PostgreSQL's `jsonb` sorts keys by length, then bytes).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
