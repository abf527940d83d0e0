/**
 * The sources and positions a reader's note carries, made as the curated notes carry them (issue 12 §2):
 *
 * - a source is a W3C `SpecificResource` body (`purpose: "linking"`) with a CiTO `relation`, a `citation` for
 *   people and, when given, a `locator` (page, section, folio, archival reference; Apparatus's `locator` term, the
 *   same one a check uses). Its `source` is the IRI of the work cited:
 *   - a reference of the work: `<work iri>#ref-<label>` (as checks and the curated notes write it);
 *   - a DOI: `https://doi.org/<doi>`; an ISBN: `urn:isbn:<isbn>` (RFC 3187); a URL: itself (http or https);
 *   - a free citation is read by the reference parser (`parseReference`, the one that reads reference lists into
 *     CSL): its DOI, ISBN or URL when it has one, else `urn:apparatus:citation:<hash of its words>` — the same
 *     words give the same IRI.
 * - a position is `{ holder, view, citation, url?, perspective? }`, as in the curated notes.
 *
 * Bad input throws a `SourceInputError` saying what is wrong; nothing is guessed. Pure.
 */
import type { CitoRelation, Position, SourceLink } from './annotation-types.ts';
import { fnv1a } from '../model/claims.ts';
import { isHttpUrl } from '../model/http-url.ts';
import type { Reference } from '../model/reference-types.ts';
import { parseIdentifiers, parseReference } from '../model/references.ts';

/** What the reader typed cannot be a source or a position; `field` names the form field at fault. */
export class SourceInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'SourceInputError';
  }
}

const DOI_ONLY = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/i;
const ISBN_ONLY = /^(?:ISBN(?:-1[03])?:?\s*)?((?:\d[\s-]?){9}[\dXx]|(?:\d[\s-]?){12}\d)$/i;

/** `https://doi.org/…` for a DOI, each path segment URI-encoded (as the panels link DOIs). */
export function doiIri(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

/** A source link with the given parts; an empty locator is left out. */
function link(source: string, relation: CitoRelation, citation: string, locator: string): SourceLink {
  const l: SourceLink = { type: 'SpecificResource', source, purpose: 'linking', relation, citation };
  const loc = locator.trim();
  if (loc) l.locator = loc;
  return l;
}

/** A source link to reference `ref` of the work `workIri`, cited as "Reference [N]: <entry>". */
export function referenceSource(workIri: string, ref: Reference, relation: CitoRelation, locator = ''): SourceLink {
  return link(`${workIri}#ref-${encodeURIComponent(ref.label)}`, relation, `Reference [${ref.label}]: ${ref.text.trim()}`, locator);
}

/**
 * A source link from what the reader typed: a DOI (`10.…/…`, `doi:…`, a doi.org URL), an ISBN (10 or 13 digits,
 * hyphens allowed, `ISBN` before it allowed), an http(s) URL, or a free citation (see the module comment).
 * @throws SourceInputError (`field` "source") when the input is empty, an ISBN with a wrong check digit, a DOI that
 *   cannot be linked, or an address that is not http(s) (`javascript:` and the like are never sources).
 */
export function sourceFromInput(input: string, relation: CitoRelation, locator = ''): SourceLink {
  const text = input.trim().replace(/\s+/g, ' ');
  if (!text) throw new SourceInputError('source', 'Give a DOI, an ISBN, a URL or a citation of the source.');
  const doi = DOI_ONLY.exec(text);
  if (doi) {
    const found = parseIdentifiers(`doi:${doi[1]}`).doi[0];
    if (!found) throw new SourceInputError('source', `"${text}" cannot be linked as a DOI: it holds a character a DOI link may not have.`);
    return link(doiIri(found), relation, `doi:${found}`, locator);
  }
  const isbn = ISBN_ONLY.exec(text);
  if (isbn) {
    const found = parseIdentifiers(`ISBN ${isbn[1]}`).isbn[0];
    if (!found) throw new SourceInputError('source', `"${text}" is not an ISBN: its check digit is wrong.`);
    return link(`urn:isbn:${found}`, relation, `ISBN ${found}`, locator);
  }
  if (isHttpUrl(text)) return link(text, relation, text, locator);
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\S*$/.test(text)) {
    throw new SourceInputError('source', `"${text.slice(0, 60)}" is an address, but only http and https addresses can be sources.`);
  }
  // A citation in words: the reference parser finds its identifiers (and reads it into CSL as it does a
  // reference list's entries); the reader's words are kept as the citation.
  const { ids } = parseReference('note', text);
  const url = ids.url.find(isHttpUrl);
  const source = ids.doi[0] ? doiIri(ids.doi[0]) : ids.isbn[0] ? `urn:isbn:${ids.isbn[0]}` : url ?? `urn:apparatus:citation:${fnv1a(text)}`;
  return link(source, relation, text, locator);
}

/**
 * A position from the form's fields: who holds it, their view and where they say it are needed; a URL, when
 * given, must be http(s); a perspective is optional.
 * @throws SourceInputError naming the field (`holder`, `view`, `citation`, `url`).
 */
export function positionFromFields(fields: { holder: string; view: string; citation: string; url?: string; perspective?: string }): Position {
  const holder = fields.holder.trim();
  const view = fields.view.trim();
  const citation = fields.citation.trim();
  const url = (fields.url ?? '').trim();
  const perspective = (fields.perspective ?? '').trim();
  if (!holder) throw new SourceInputError('holder', 'A position needs who holds it.');
  if (!view) throw new SourceInputError('view', 'A position needs the view held.');
  if (!citation) throw new SourceInputError('citation', 'A position needs where it is stated (a citation).');
  if (url && !isHttpUrl(url)) throw new SourceInputError('url', `"${url.slice(0, 60)}" is not an http or https address.`);
  const p: Position = { holder, view, citation };
  if (url) p.url = url;
  if (perspective) p.perspective = perspective;
  return p;
}

/** A source link as one line for people: "Hasanli 2011, part 4, p. 16". */
export function sourceLine(l: SourceLink): string {
  return `${l.citation ?? l.source}${l.locator ? `, ${l.locator}` : ''}`;
}
