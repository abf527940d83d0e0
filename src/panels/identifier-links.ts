/**
 * Links for a reference's identifiers: ISBN and OL to openlibrary.org, OCLC to worldcat.org, handles to
 * hdl.handle.net, DOIs to doi.org, URLs as they are (http and https only).
 */
import { isHttpUrl } from '../model/http-url.ts';
import type { ReferenceIds } from '../model/reference-types.ts';

export interface IdentifierLink {
  /** short kind shown before the value: ISBN, OCLC, OL, hdl, DOI, URL */
  kind: string;
  value: string;
  href: string;
}

/** The links of `ids`, in the order ISBN, OCLC, OL, hdl, DOI, URL. Values are URI-encoded where needed. */
export function identifierLinks(ids: ReferenceIds): IdentifierLink[] {
  const enc = encodeURIComponent;
  return [
    ...ids.isbn.map((v) => ({ kind: 'ISBN', value: v, href: `https://openlibrary.org/isbn/${enc(v)}` })),
    ...ids.oclc.map((v) => ({ kind: 'OCLC', value: v, href: `https://www.worldcat.org/oclc/${enc(v)}` })),
    ...ids.ol.map((v) => ({ kind: 'OL', value: v, href: `https://openlibrary.org/books/${enc(v)}` })),
    ...ids.hdl.map((v) => ({ kind: 'hdl', value: v, href: `https://hdl.handle.net/${v.split('/').map(enc).join('/')}` })),
    ...ids.doi.map((v) => ({ kind: 'DOI', value: v, href: `https://doi.org/${v.split('/').map(enc).join('/')}` })),
    ...ids.url.filter(isHttpUrl).map((v) => ({ kind: 'URL', value: v, href: v })),
  ];
}
