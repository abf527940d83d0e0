/**
 * The parts of citation-js (https://citation.js.org, MIT) that the BibTeX export uses. The packages ship no type
 * declarations.
 */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    /** `format('bibtex')` (with @citation-js/plugin-bibtex loaded) gives BibTeX text. */
    format(format: string, options?: Record<string, unknown>): string;
  }
}

declare module '@citation-js/plugin-bibtex';
