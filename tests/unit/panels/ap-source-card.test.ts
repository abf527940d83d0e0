// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import '../../../src/panels/ap-source-card.ts';
import { $, $$, mount, reference, shadow, textOf, unmountAll } from './panel-fixtures.ts';

afterEach(unmountAll);

const dohner = reference(
  '3',
  'Dohner, Janet Vorwald (2001). The Encyclopedia of Historic and Endangered Livestock and Poultry Breeds. Yale University Press. ISBN 978-0300138139.',
  {
    type: 'book',
    author: [{ family: 'Dohner', given: 'Janet Vorwald' }],
    title: 'The Encyclopedia of Historic and Endangered Livestock and Poultry Breeds',
    issued: { 'date-parts': [[2001]] },
    publisher: 'Yale University Press',
  },
  { isbn: ['9780300138139'], doi: ['10.1000/182'], url: ['https://books.example.org/dohner', 'javascript:alert(1)'] },
);

describe('<ap-source-card>', () => {
  test('shows the label, the short citation as a heading, the parsed details and the entry as written', async () => {
    const card = await mount('ap-source-card', { reference: dohner });
    expect(textOf($(card, '.label'))).toBe('Source [3]');
    expect(textOf($(card, 'h4'))).toBe('Dohner (2001)');
    expect(textOf($(card, '.meta'))).toBe(
      'Dohner, Janet Vorwald (2001). The Encyclopedia of Historic and Endangered Livestock and Poultry Breeds. Yale University Press.',
    );
    expect($(card, '.meta em').textContent).toBe('The Encyclopedia of Historic and Endangered Livestock and Poultry Breeds');
    const entry = $(card, '.entry');
    expect(entry.getAttribute('aria-label')).toBe('Entry as written');
    expect(textOf(entry)).toBe(`3. ${dohner.text}`);
  });

  test('identifiers are links that open in a new tab without an opener; a non-http URL is not a link', async () => {
    const card = await mount('ap-source-card', { reference: dohner });
    expect($(card, 'ul').getAttribute('aria-label')).toBe('Identifiers');
    const links = $$(card, 'a');
    expect(links.map((a) => [textOf(a), a.getAttribute('href')])).toEqual([
      ['ISBN9780300138139', 'https://openlibrary.org/isbn/9780300138139'],
      ['DOI10.1000/182', 'https://doi.org/10.1000/182'],
      ['URLhttps://books.example.org/dohner', 'https://books.example.org/dohner'],
    ]);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(shadow(card).innerHTML).not.toContain('javascript:');
  });

  test('the entry text is shown as text, never as markup', async () => {
    const card = await mount('ap-source-card', { reference: reference('1', '<img src=x onerror=alert(1)> "Title".', { title: '<b>bold</b>' }) });
    expect($$(card, 'img')).toHaveLength(0);
    expect($$(card, 'b')).toHaveLength(0);
    expect(textOf($(card, '.entry'))).toBe('1. <img src=x onerror=alert(1)> "Title".');
    expect($(card, 'em').textContent).toBe('<b>bold</b>');
  });

  test('a reference without authors, identifiers or details shows its title alone and no identifier list', async () => {
    const card = await mount('ap-source-card', { reference: reference('7', 'Untitled pamphlet.', { title: 'Untitled pamphlet' }) });
    expect(textOf($(card, '.meta'))).toBe('Untitled pamphlet.');
    expect($$(card, 'ul')).toHaveLength(0);
  });

  test('no reference: nothing is rendered', async () => {
    const card = await mount('ap-source-card');
    expect(textOf(shadow(card))).toBe('');
  });
});
