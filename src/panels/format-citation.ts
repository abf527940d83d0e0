/**
 * A short human citation of a CSL item for panels: "Altstadt (1992)", and the parts of a full citation.
 */
import type { CslItem, CslName } from '../model/reference-types.ts';

function nameOf(n: CslName): string {
  return n.literal ?? [n.family, n.given ? `${n.given}` : ''].filter(Boolean).join(', ');
}

/** "Altstadt (1992)", "Suny (1989)", "Davis and Solomon (2009)", "Moodley et al. (2009)", or the title. */
export function shortCitation(item: CslItem): string {
  const year = item.issued?.['date-parts'][0][0];
  const authors = item.author ?? [];
  const family = (n: CslName) => n.family ?? n.literal ?? '';
  let who = '';
  if (authors.length === 1) who = family(authors[0]!);
  else if (authors.length === 2) who = `${family(authors[0]!)} and ${family(authors[1]!)}`;
  else if (authors.length > 2) who = `${family(authors[0]!)} et al.`;
  if (!who) who = item.title ?? item.id;
  return year ? `${who} (${year})` : who;
}

/** The author line in full ("Altstadt, Audrey L."; names joined by "; "), or '' when none. */
export function authorLine(item: CslItem): string {
  return (item.author ?? []).map(nameOf).join('; ');
}

/** Where it appeared: container, volume(issue), pages; or place: publisher. '' when the entry gives none. */
export function publicationLine(item: CslItem): string {
  const parts: string[] = [];
  if (item['container-title']) {
    let c = item['container-title'];
    if (item.volume) c += ` ${item.volume}`;
    if (item.issue) c += ` (${item.issue})`;
    if (item.page) c += `: ${item.page}`;
    parts.push(c);
  } else if (item.page) {
    parts.push(`p. ${item.page}`);
  }
  const pub = [item['publisher-place'], item.publisher].filter(Boolean).join(': ');
  if (pub) parts.push(pub);
  return parts.join('. ');
}
