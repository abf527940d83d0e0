/**
 * COinS (`<span class="Z3988" title="ctx_ver=Z39.88-2004&rft.btitle=…">`, OpenURL key/value pairs that citation
 * templates render beside their text) → a CSL-JSON item: the fallback when a note's template parameters are not
 * in the file (rendered pages). Pure.
 */
import { parseDate } from '../model/references.ts';
import type { CslItem, CslName, ReferenceIds } from '../model/reference-types.ts';
import { isHttpUrl } from '../model/http-url.ts';

/**
 * A percent-encoded COinS value as text. Old pages escaped Windows-1252 bytes (`%99` for ™, `%B7` for ·), which are
 * not UTF-8: those escapes are read as Windows-1252 rather than dropping the field.
 */
function unescapeValue(raw: string): string {
  const plus = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    const bytes = [...plus.matchAll(/%([0-9A-Fa-f]{2})|([^%]+)|%/g)];
    const cp1252 = new TextDecoder('windows-1252');
    return bytes.map((m) => (m[1] ? cp1252.decode(Uint8Array.of(parseInt(m[1], 16))) : (m[2] ?? '%'))).join('');
  }
}

/** A CSL item (id `ref-<label>`) and identifiers from a COinS `title` attribute. */
export function cslFromCoins(label: string, coins: string): { csl: CslItem; ids: ReferenceIds } {
  const kv = new Map<string, string[]>();
  for (const pair of coins.split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    let key: string;
    let value: string;
    key = unescapeValue(pair.slice(0, eq));
    value = unescapeValue(pair.slice(eq + 1)).trim();
    if (!value) continue;
    if (!kv.has(key)) kv.set(key, []);
    kv.get(key)!.push(value);
  }
  const one = (k: string) => kv.get(k)?.[0];
  const genre = one('rft.genre') ?? '';
  const fmt = one('rft_val_fmt') ?? '';
  const type = /journal/.test(fmt) || genre === 'article' ? 'article-journal' : genre === 'bookitem' ? 'chapter' : /book/.test(fmt) ? 'book' : one('rft_id') ? 'webpage' : 'document';
  const csl: CslItem = { id: `ref-${label}`, type };
  const ids: ReferenceIds = { isbn: [], oclc: [], ol: [], hdl: [], doi: [], url: [] };
  const authors: CslName[] = [];
  const last = one('rft.aulast');
  if (last) authors.push(one('rft.aufirst') ? { family: last, given: one('rft.aufirst')! } : { family: last });
  for (const au of kv.get('rft.au') ?? []) {
    const name = au.includes(', ') ? { family: au.split(', ')[0]!, given: au.split(', ').slice(1).join(', ') } : { literal: au };
    if (!authors.some((a) => (a.family ?? a.literal) === (name.family ?? name.literal) || (name.literal && `${a.given} ${a.family}` === name.literal))) authors.push(name);
  }
  if (authors.length) csl.author = authors;
  const title = type === 'chapter' ? one('rft.atitle') : (one('rft.atitle') ?? one('rft.btitle') ?? one('rft.title'));
  if (title) csl.title = title;
  const container = type === 'chapter' ? one('rft.btitle') : one('rft.jtitle');
  if (container) csl['container-title'] = container;
  if (one('rft.volume')) csl.volume = one('rft.volume')!;
  if (one('rft.issue')) csl.issue = one('rft.issue')!;
  const pages = one('rft.pages') ?? (one('rft.spage') ? [one('rft.spage'), one('rft.epage')].filter(Boolean).join('–') : undefined);
  if (pages) csl.page = pages;
  if (one('rft.pub')) csl.publisher = one('rft.pub')!;
  if (one('rft.place')) csl['publisher-place'] = one('rft.place')!;
  const date = one('rft.date');
  const issued = date ? parseDate(date) : null;
  if (issued) csl.issued = issued;
  const isbn = one('rft.isbn')?.replace(/[\s-]/g, '').toUpperCase();
  if (isbn && /^(?:\d{9}[\dX]|\d{13})$/.test(isbn)) ids.isbn.push(isbn);
  const issn = one('rft.issn');
  if (issn && /^\d{4}-?\d{3}[\dXx]$/.test(issn)) csl.ISSN = issn.toUpperCase();
  for (const id of kv.get('rft_id') ?? []) {
    const m = /^info:(doi|oclcnum|hdl)\/(.+)$/.exec(id);
    if (m?.[1] === 'doi' && /^10\.\d{4,9}\/[^\s<>"{}\\%#]+$/.test(m[2]!)) ids.doi.push(m[2]!);
    else if (m?.[1] === 'oclcnum' && /^\d{1,12}$/.test(m[2]!)) ids.oclc.push(m[2]!);
    else if (m?.[1] === 'hdl' && /^\d[\w.]*\/[^\s<>"{}\\%#]+$/.test(m[2]!)) ids.hdl.push(m[2]!);
    else if (isHttpUrl(id) && !/[{}\\]/.test(id)) ids.url.push(id);
  }
  if (ids.isbn[0]) csl.ISBN = ids.isbn[0];
  if (ids.doi[0]) csl.DOI = ids.doi[0];
  if (ids.url[0]) csl.URL = ids.url[0];
  return { csl, ids };
}
