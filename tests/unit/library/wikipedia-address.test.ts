import { describe, expect, it } from 'vitest';
import { articleUrl, parseWikipediaInput, parsoidHtmlUrl } from '../../../src/library/wikipedia-address.ts';

describe('what a user pastes to open a Wikipedia article', () => {
  it('reads URLs of any language edition, mobile or not, and index.php?title=', () => {
    expect(parseWikipediaInput('https://de.wikipedia.org/wiki/Haushund')).toEqual({ language: 'de', title: 'Haushund' });
    expect(parseWikipediaInput('https://fr.m.wikipedia.org/wiki/%C3%89glise_Saint-%C3%89tienne_de_Caen#Histoire')).toEqual({ language: 'fr', title: 'Église_Saint-Étienne_de_Caen' });
    expect(parseWikipediaInput('https://en.wikipedia.org/w/index.php?title=Dog&oldid=1')).toEqual({ language: 'en', title: 'Dog' });
  });
  it('reads "fr:Titre" and a plain title (English)', () => {
    expect(parseWikipediaInput('fr:Chien')).toEqual({ language: 'fr', title: 'Chien' });
    expect(parseWikipediaInput('  New Zealand ')).toEqual({ language: 'en', title: 'New_Zealand' });
    expect(parseWikipediaInput('Star Trek: Voyager')).toEqual({ language: 'en', title: 'Star_Trek:_Voyager' });
  });
  it('says what is wrong with other input', () => {
    expect(() => parseWikipediaInput('')).toThrow(/Type a Wikipedia URL/);
    expect(() => parseWikipediaInput('https://example.org/wiki/Dog')).toThrow(/"example.org" is not a Wikipedia site/);
    expect(() => parseWikipediaInput('https://en.wikipedia.org/')).toThrow(/not the address of an article/);
    expect(() => parseWikipediaInput('a [b]')).toThrow(/not an article title/);
  });
  it('builds the Parsoid HTML address and the article address', () => {
    const a = { language: 'de', title: 'Straße' };
    expect(parsoidHtmlUrl(a)).toBe('https://de.wikipedia.org/w/rest.php/v1/page/Stra%C3%9Fe/html');
    expect(articleUrl(a)).toBe('https://de.wikipedia.org/wiki/Stra%C3%9Fe');
  });
});
