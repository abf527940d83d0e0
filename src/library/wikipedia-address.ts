/**
 * What a user pastes to open a Wikipedia article — a URL of any language edition, `fr:Titre`, or a plain title
 * (English) — as the edition and title, and the Parsoid HTML address to fetch (`/w/rest.php/v1/page/{title}/html`).
 * Pure.
 */

/** An article of one language edition. `title` uses underscores for spaces, as Wikipedia's URLs do. */
export interface WikipediaArticle {
  language: string;
  title: string;
}

/** The `Api-User-Agent` sent with every request to Wikimedia (their API etiquette asks for one). */
export const API_USER_AGENT = 'Apparatus/0.1 (close-reading reader; https://github.com/apparatus-reader)';

const EDITION = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;

/**
 * The article `input` names.
 * @throws Error saying what is wrong: an empty input, a URL that is not a Wikipedia article's, or a title with
 *   characters titles cannot have.
 */
export function parseWikipediaInput(input: string): WikipediaArticle {
  const text = input.trim();
  if (!text) throw new Error('Type a Wikipedia URL (https://de.wikipedia.org/wiki/…), "fr:Titre" or an English title.');
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new Error(`"${text}" is not a URL.`);
    }
    const host = /^([a-z0-9-]+)\.(?:m\.)?wikipedia\.org$/i.exec(url.hostname);
    if (!host) throw new Error(`"${url.hostname}" is not a Wikipedia site (expected xx.wikipedia.org).`);
    const language = host[1]!.toLowerCase();
    let title: string | null = null;
    if (url.pathname.startsWith('/wiki/')) title = url.pathname.slice('/wiki/'.length);
    else if (url.searchParams.get('title')) title = url.searchParams.get('title');
    if (!title) throw new Error(`${text} is not the address of an article (expected …/wiki/Title).`);
    return { language, title: checkTitle(safeDecode(title)) };
  }
  const prefixed = /^([a-z]{2,3}(?:-[a-z0-9]{2,8})*):(.+)$/.exec(text);
  if (prefixed && EDITION.test(prefixed[1]!)) return { language: prefixed[1]!, title: checkTitle(prefixed[2]!) };
  return { language: 'en', title: checkTitle(text) };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function checkTitle(title: string): string {
  const t = title.trim().replace(/ /g, '_');
  if (!t || /[#<>[\]|{}]/.test(t)) throw new Error(`"${title}" is not an article title (titles cannot contain # < > [ ] | { }).`);
  return t;
}

/** The Parsoid HTML of the article's current revision. */
export function parsoidHtmlUrl(article: WikipediaArticle): string {
  return `https://${article.language}.wikipedia.org/w/rest.php/v1/page/${encodeURIComponent(article.title)}/html`;
}

/** The article's address for people. */
export function articleUrl(article: WikipediaArticle): string {
  return `https://${article.language}.wikipedia.org/wiki/${encodeURIComponent(article.title)}`;
}
