/**
 * Reference-list entries from the four corpora and the seed (CC BY-SA, Wikipedia contributors), with what
 * `parseReference` must read from each: identifiers and the CSL fields the entry gives.
 */
import type { CslItem, ReferenceIds } from '../../../src/model/reference-types.ts';

export interface ReferenceCase {
  source: string;
  text: string;
  ids?: Partial<ReferenceIds>;
  csl: Partial<CslItem>;
  /** CSL fields the entry does not give, so the item must not have them. */
  absent?: (keyof CslItem)[];
}

const y = (...parts: number[]) => ({ 'date-parts': [parts] as unknown as [[number, ...number[]]] });

export const referenceCases: ReferenceCase[] = [
  {
    source: 'duck 1: web page in a dictionary, issued year and ISO access date',
    text: '"Duckling". The American Heritage Dictionary of the English Language, Fourth Edition. Houghton Mifflin Company. 2006. Retrieved 2015-05-22. <http://dictionary.reference.com/browse/duckling>',
    ids: { url: ['http://dictionary.reference.com/browse/duckling'] },
    csl: { type: 'webpage', title: 'Duckling', 'container-title': 'The American Heritage Dictionary of the English Language, Fourth Edition', issued: y(2006), accessed: y(2015, 5, 22), URL: 'http://dictionary.reference.com/browse/duckling' },
  },
  {
    source: 'duck 3: book, ISBN-13 without hyphens after "ISBN"',
    text: 'Dohner, Janet Vorwald (2001). The Encyclopedia of Historic and Endangered Livestock and Poultry Breeds. Yale University Press. ISBN 978-0300138139. <https://books.google.com/books?id=WJCTL_mC5w4C&q=male+duck+is+called+a+drake+and+the+female+is+called+a+duck&pg=PA457>',
    ids: { isbn: ['9780300138139'] },
    csl: { type: 'book', author: [{ family: 'Dohner', given: 'Janet Vorwald' }], title: 'The Encyclopedia of Historic and Endangered Livestock and Poultry Breeds', issued: y(2001), ISBN: '9780300138139' },
  },
  {
    source: 'duck 4: two authors separated by a semicolon',
    text: 'Visca, Curt; Visca, Kelley (2003). How to Draw Cartoon Birds. The Rosen Publishing Group. ISBN 9780823961566. <https://books.google.com/books?id=VqSquCLNrZcC>',
    csl: { type: 'book', author: [{ family: 'Visca', given: 'Curt' }, { family: 'Visca', given: 'Kelley' }], title: 'How to Draw Cartoon Birds', issued: y(2003) },
  },
  {
    source: 'duck 7: short citation with three authors',
    text: 'Madsen, McHugh & de Kloet 1988, p. 452.',
    csl: { author: [{ family: 'Madsen' }, { family: 'McHugh' }, { family: 'de Kloet' }], title: 'Madsen, McHugh & de Kloet 1988', issued: y(1988), page: '452' },
  },
  {
    source: 'duck 16: short citation of an organisation, roman page',
    text: "American Ornithologists' Union 1998, p. xix.",
    csl: { author: [{ literal: "American Ornithologists' Union" }], issued: y(1998), page: 'xix' },
  },
  {
    source: 'duck 26: chapter-like journal entry with DOI and ISBN',
    text: 'Rohwer, Frank C.; Anderson, Michael G. (1988). "Female-Biased Philopatry, Monogamy, and the Timing of Pair Formation in Migratory Waterfowl". Current Ornithology. pp. 187–221. doi:10.1007/978-1-4615-6787-5_4. ISBN 978-1-4615-6789-9.',
    ids: { doi: ['10.1007/978-1-4615-6787-5_4'], isbn: ['9781461567899'] },
    csl: { type: 'article-journal', author: [{ family: 'Rohwer', given: 'Frank C.' }, { family: 'Anderson', given: 'Michael G.' }], 'container-title': 'Current Ornithology', page: '187–221', issued: y(1988), DOI: '10.1007/978-1-4615-6787-5_4' },
  },
  {
    source: 'duck 27: journal article with DOI and handle',
    text: 'Smith, Cyndi M.; Cooke, Fred; Robertson, Gregory J.; Goudie, R. Ian; Boyd, W. Sean (2000). "Long-Term Pair Bonds in Harlequin Ducks". The Condor. 102 (1): 201–205. doi:10.1093/condor/102.1.201. hdl:10315/13797.',
    ids: { doi: ['10.1093/condor/102.1.201'], hdl: ['10315/13797'] },
    csl: { type: 'article-journal', title: 'Long-Term Pair Bonds in Harlequin Ducks', 'container-title': 'The Condor', volume: '102', issue: '1', page: '201–205', issued: y(2000) },
  },
  {
    source: 'mozilla 3: a container with a colon is not "Place: Publisher"',
    text: '"Freeing the Source: The Story of Mozilla". Open Sources: Voices from the Open Source Revolution. Retrieved 2016-05-01. <http://www.oreilly.com/openbook/opensources/book/netrev.html>',
    csl: { type: 'webpage', title: 'Freeing the Source: The Story of Mozilla', 'container-title': 'Open Sources: Voices from the Open Source Revolution', accessed: y(2016, 5, 1) },
    absent: ['publisher', 'publisher-place', 'issued'],
  },
  {
    source: 'mozilla 5: an initial as given name keeps its full stop',
    text: 'Payment, S. (2007). Marc Andreessen and Jim Clark: The Founders of Netscape. Rosen Publishing Group. ISBN 9781404207196. <https://books.google.co.uk/books?id=zyIvOn7sKCsC>',
    csl: { type: 'book', author: [{ family: 'Payment', given: 'S.' }], title: 'Marc Andreessen and Jim Clark: The Founders of Netscape', issued: y(2007) },
  },
  {
    source: 'mozilla 12: month-day-year date in the parentheses; "Last, First; First Last"',
    text: 'Eich, Brendan; David Hyatt (April 2, 2003). "mozilla development roadmap". Mozilla. Retrieved 2009-08-02. <http://www-archive.mozilla.org/roadmap/roadmap-02-Apr-2003.html>',
    csl: { type: 'webpage', author: [{ family: 'Eich', given: 'Brendan' }, { given: 'David', family: 'Hyatt' }], title: 'mozilla development roadmap', 'container-title': 'Mozilla', issued: y(2003, 4, 2), accessed: y(2009, 8, 2) },
  },
  {
    source: 'mozilla 35: an initial inside the container does not end it',
    text: "Lee, Stephanie M. (8 April 2014). \"OKCupid CEO once donated to anti-gay politician\". Stephanie M. Lee's blog on sfgate.com. sfgate.com. Retrieved 2014-07-01. <http://blog.sfgate.com/techchron/2014/04/08/okcupid-ceo-once-donated-to-anti-gay-politician/>",
    csl: { author: [{ family: 'Lee', given: 'Stephanie M.' }], 'container-title': "Stephanie M. Lee's blog on sfgate.com", issued: y(2014, 4, 8), accessed: y(2014, 7, 1) },
  },
  {
    source: 'mozilla 36: issued date after the container, access date apart',
    text: '"The Hypocrisy Of Sam Yagan & OkCupid". uncrunched.com blog. uncrunched.com. 6 April 2014. Retrieved 2014-07-01. <http://uncrunched.com/2014/04/06/the-hypocrisy-of-sam-yagan-okcupid/>',
    csl: { type: 'webpage', title: 'The Hypocrisy Of Sam Yagan & OkCupid', 'container-title': 'uncrunched.com blog', issued: y(2014, 4, 6), accessed: y(2014, 7, 1) },
  },
  {
    source: 'mozilla 1: a note, not a citation: no invented author',
    text: 'For exceptions, see "Values" section below',
    csl: { title: 'Values' },
    absent: ['author'],
  },
  {
    source: 'new-zealand 28: chapter in an edited book, place and publisher',
    text: 'Clark, Ross (1994). "Moriori and Māori: The Linguistic Evidence". In Sutton, Douglas (ed.). The Origins of the First New Zealanders. Auckland: Auckland University Press. pp. 123–135.',
    csl: { type: 'chapter', author: [{ family: 'Clark', given: 'Ross' }], editor: [{ family: 'Sutton', given: 'Douglas' }], title: 'Moriori and Māori: The Linguistic Evidence', 'container-title': 'The Origins of the First New Zealanders', 'publisher-place': 'Auckland', publisher: 'Auckland University Press', page: '123–135', issued: y(1994) },
  },
  {
    source: 'new-zealand 37: ISBN-13 with hyphens; a year range in the title is not the date',
    text: 'Lange, Raeburn (1999). May the people live: a history of Māori health development 1900–1920. Auckland University Press. p. 18. ISBN 978-1-86940-214-3.',
    ids: { isbn: ['9781869402143'] },
    csl: { type: 'book', title: 'May the people live: a history of Māori health development 1900–1920', issued: y(1999), page: '18', ISBN: '9781869402143' },
  },
  {
    source: 'new-zealand 64: encyclopedia with a colon in its name is the container',
    text: 'Barker, Fiona (June 2012). "Debate about the foreshore and seabed". Te Ara: The Encyclopedia of New Zealand. Retrieved 26 April 2017. <http://www.teara.govt.nz/en/video/34605/debate-about-the-foreshore-and-seabed>',
    csl: { type: 'webpage', 'container-title': 'Te Ara: The Encyclopedia of New Zealand', issued: y(2012, 6), accessed: y(2017, 4, 26) },
    absent: ['publisher', 'publisher-place'],
  },
  {
    source: 'new-zealand 91: a bracketed note after the date is not the title',
    text: 'McLintock, Alexander, ed. (April 2009) [originally published in 1966]. External Relations. An Encyclopaedia of New Zealand. Retrieved 7 January 2011. <http://www.teara.govt.nz/en/1966/history-constitutional/10>',
    csl: { title: 'External Relations', issued: y(2009, 4), accessed: y(2011, 1, 7) },
  },
  {
    source: 'new-zealand 127: a parenthesised date inside the quoted title is not the year',
    text: '"Subnational population estimates at 30 June 2010 (boundaries at 1 November 2010)". Statistics New Zealand. 26 October 2010. Archived from the original on 10 June 2011. Retrieved 2 April 2011. <https://web.archive.org/web/20110610051916/http://www.stats.govt.nz/x.ashx>',
    csl: { type: 'webpage', title: 'Subnational population estimates at 30 June 2010 (boundaries at 1 November 2010)', 'container-title': 'Statistics New Zealand', issued: y(2010, 10, 26), accessed: y(2011, 4, 2) },
    absent: ['author'],
  },
  {
    source: 'new-zealand 154: Bibcode ignored, DOI kept, five authors',
    text: 'Wright, Dawn; Bloomer, Sherman; MacLeod, Christopher; Taylor, Brian; Goodliffe, Andrew (2000). "Bathymetry of the Tonga Trench and Forearc: A Map Series". Marine Geophysical Researches. 21 (5): 489–512. Bibcode:2000MarGR..21..489W. doi:10.1023/A:1026514914220.',
    ids: { doi: ['10.1023/A:1026514914220'], url: [], isbn: [] },
    csl: { type: 'article-journal', 'container-title': 'Marine Geophysical Researches', volume: '21', issue: '5', page: '489–512', issued: y(2000), DOI: '10.1023/A:1026514914220' },
  },
  {
    source: 'new-zealand 145: ISBN-10 with hyphens, "Place: Publisher"',
    text: "Offshore Options: Managing Environmental Effects in New Zealand's Exclusive Economic Zone (PDF). Wellington: Ministry for the Environment. 2005. ISBN 0-478-25916-6. Retrieved 23 June 2017. <http://www.mfe.govt.nz/sites/default/files/offshore-options-jun05.pdf>",
    ids: { isbn: ['0478259166'] },
    csl: { type: 'book', 'publisher-place': 'Wellington', publisher: 'Ministry for the Environment', issued: y(2005), accessed: y(2017, 6, 23) },
  },
  {
    source: 'new-zealand 262: an organisation as author stays literal',
    text: 'Socidad Peruana de Medicina Intensiva (SOPEMI) (2000). Trends in international migration: continuous reporting system on migration. Organisation for Economic Co-operation and Development. pp. 276–278.',
    csl: { author: [{ literal: 'Socidad Peruana de Medicina Intensiva (SOPEMI)' }], title: 'Trends in international migration: continuous reporting system on migration', page: '276–278', issued: y(2000) },
  },
  {
    source: 'bazooka-de 1: German style with an initial in the author and a colon in the title',
    text: 'A. Bowdoin Van Riper: Rockets and Missiles: The Life Story of a Technology. JHU Press, 2007, ISBN 978-0-8018-8792-5, S. 7, 14, 19 books.google.de <https://books.google.de/books?id=k8CxJeFzCdQC&pg=PA7>',
    ids: { isbn: ['9780801887925'], url: ['https://books.google.de/books?id=k8CxJeFzCdQC&pg=PA7'] },
    csl: { type: 'book', author: [{ given: 'A. Bowdoin', family: 'Van Riper' }], title: 'Rockets and Missiles: The Life Story of a Technology', publisher: 'JHU Press', issued: y(2007), page: '7,14,19' },
  },
  {
    source: 'bazooka-de 6: German short form with "u. a."',
    text: 'Green u. a.: The Ordnance Department. 1955, S. 354.',
    csl: { author: [{ family: 'Green' }], title: 'The Ordnance Department', issued: y(1955), page: '354' },
  },
  {
    source: 'bazooka-de 51: "(Hrsg.)" makes an editor',
    text: 'Chris Bishop (Hrsg.): Titel The Encyclopedia of Weapons of World War II. Verlag Sterling Publishing Company, 2002, ISBN 978-1-58663-762-0, S. 240 books.google.de <https://books.google.de/books?id=MuGsf0psjvcC&pg=PA204>',
    csl: { type: 'book', editor: [{ given: 'Chris', family: 'Bishop' }], issued: y(2002), page: '240', ISBN: '9781586637620' },
    absent: ['author'],
  },
  {
    source: 'bazooka-de 106: comma-separated "First Last" authors; the year after the publisher, not in the title',
    text: 'Norman Polmar, Thomas B. Allen: World War II: the Encyclopedia of the War Years, 1941–1945. Random House, 1996, ISBN 978-0-486-47962-0, S. 146 books.google.de <https://books.google.de/books?id=30gRAGjXrIIC&pg=PA146>',
    csl: { type: 'book', author: [{ given: 'Norman', family: 'Polmar' }, { given: 'Thomas B.', family: 'Allen' }], title: 'World War II: the Encyclopedia of the War Years, 1941–1945', publisher: 'Random House', issued: y(1996), page: '146' },
  },
  {
    source: 'bazooka-de 111: German dates, "abgerufen am"',
    text: 'Hauke Friederichs: Eine moderne Bazooka ist eine Bedrohung. Zeit online, 29. Dezember 2012, abgerufen am 5. Januar 2016. <http://www.zeit.de/wirtschaft/2012-12/waffenhandel-bazooka-goetz-neuneck>',
    csl: { type: 'webpage', author: [{ given: 'Hauke', family: 'Friederichs' }], title: 'Eine moderne Bazooka ist eine Bedrohung', issued: y(2012, 12, 29), accessed: y(2016, 1, 5) },
  },
  {
    source: 'bazooka-de 36: a museum is an organisation',
    text: "National Army Museum: M20 Mk II 3,5 Zoll rocket launcher, 'Super Bazooka', 1953. nam.ac.uk <http://www.nam.ac.uk/online-collection/detail.php?acc=1982-07-85-1>",
    csl: { author: [{ literal: 'National Army Museum' }], issued: y(1953) },
  },
  {
    source: 'kavbiuro 1: "First Last (Year), Title, Place: Publisher", ISBN-10, OCLC, Open Library',
    text: 'Audrey L. Altstadt (1992), The Azerbaijani Turks, Stanford, Calif: Hoover Institution Press, Stanford University, ISBN 0817991816, OCLC 24846708, OL 1560533M, 0817991816.',
    ids: { isbn: ['0817991816'], oclc: ['24846708'], ol: ['1560533M'] },
    csl: { type: 'book', author: [{ family: 'Altstadt', given: 'Audrey L.' }], title: 'The Azerbaijani Turks', 'publisher-place': 'Stanford, Calif', publisher: 'Hoover Institution Press, Stanford University', issued: y(1992) },
  },
];
