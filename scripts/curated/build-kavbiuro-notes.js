#!/usr/bin/env node
// Writes annotations/kavbiuro.jsonld, the curated scholarly notes on the Kavbiuro text, from the note content below
// (written from ../shared/research/kavbiuro-brief.md, claim by claim) and the canonical text of
// corpus/kavbiuro/text.txt. Selectors are computed, never typed: each note names the exact words it is about and
// the script finds them (they must occur exactly once unless `occurrence` says which), then writes a
// TextQuoteSelector (exact + 32-character prefix/suffix) and a TextPositionSelector (canonical offsets).
//
// Usage: npm run build:cli && node scripts/curated/build-kavbiuro-notes.js
// (it reads the compiled importer in dist-cli/ because Node 20 cannot run the TypeScript sources).
// The output is deterministic: fixed timestamps, notes in text order, stable key order, two-space JSON, final newline.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importText } from '../../dist-cli/model/import-text.js';
import { canonicalText } from '../../dist-cli/anchoring/doc-text.js';
import { ANNOTATION_CONTEXT } from '../../dist-cli/anchoring/annotation-types.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = JSON.parse(readFileSync(resolve(root, 'corpus/kavbiuro/work.json'), 'utf8'));
const imported = importText(readFileSync(resolve(root, 'corpus/kavbiuro/text.txt')));
const text = canonicalText(imported.blocks, imported.references);

const CREATED = '2026-11-24T00:00:00Z';
const CREATOR = { type: 'Organization', name: 'Apparatus editors' };
const CONTEXT_CHARS = 32;

// The brief's source register (§2): the URL it read and a label for people. Only sources the notes cite.
const S = {
  S1: ['https://encyclopedia2.thefreedictionary.com/Caucasian+Bureau+of+the+Central+Committee+of+the+Rcp+Bolshevik', 'Great Soviet Encyclopedia, 3rd ed. (1979), "Caucasian Bureau of the Central Committee of the RCP (Bolshevik)" (English translation)'],
  S2: ['https://wikimili.com/en/Kavbiuro', 'Wikipedia, "Kavbiuro", current revision (mirror)'],
  S3: ['https://insightkarabakh.com/2020/11/08/from-the-minutes-of-the-plenary-meeting-of-the-caucasian-bureau-of-the-c-c-r-c-p-b/', 'Minutes of the Kavbiuro plenum of 5 July 1921, English translation (posted by an Azerbaijan-aligned site, 2020)'],
  S4: ['https://vstrokax.net/istoriya/reshenie-kavbyuro-po-karabahu', 'V. Avetisyan, "Решение Кавбюро по Карабаху – 4.07.1921г.", Вне Строк (2019): Russian text of the 4 July 1921 protocol'],
  S5: ['http://therootsofkarabakh.com/2010/04/07/chapter-14-the-establishment-of-soviet-power-in-transcaucasia-the-circumstances-of-the-karabagh-and-nakhichevan-annexation-to-azerbaijan-1920-1923/18/', '"Chapter 14: The establishment of Soviet power in Transcaucasia…", therootsofkarabakh.com (2010), p. 18 (Armenian-perspective book; author not identified)'],
  S5p16: ['http://therootsofkarabakh.com/2010/04/07/chapter-14-the-establishment-of-soviet-power-in-transcaucasia-the-circumstances-of-the-karabagh-and-nakhichevan-annexation-to-azerbaijan-1920-1923/16/', '"Chapter 14: The establishment of Soviet power in Transcaucasia…", therootsofkarabakh.com (2010), p. 16 (Armenian-perspective book; author not identified)'],
  S6: ['https://karabakh.org/karabakh-history/karabakh-during-the-1920-1988/how-the-caucasian-bureau-of-the-ccrcpb-discussed-the-karabakh-issue-in-1920-1923/5/', 'J. Hasanli, "How the Caucasian Bureau of the C.C. R.C.P.(B.) discussed the Karabakh issue in 1920–1923", The Caucasus & Globalization, part 5'],
  S7: ['http://biweekly.ada.edu.az/vol_4_no_21/Moscow_and_the_delimitation_of_Karabakh_in_the_1920s_PART3B.htm', 'J. Hasanly, "Moscow and the delimitation of Karabakh in the 1920s", Azerbaijan in the World 4 (2011)'],
  S7ii: ['https://karabakh.org/articles/moscow-and-the-delimitation-of-karabakh-in-the-1920s-part-ii', 'J. Hasanly, "Moscow and the delimitation of Karabakh in the 1920s", part II (the December 1920 declaration)'],
  S8: ['https://newcoldwar.org/making-nagorno-karabakh-autonomous-region-1918-1925/', 'A. Saparov, "Why Autonomy? The Making of Nagorno-Karabakh Autonomous Region 1918–1925", Europe-Asia Studies 64(2) (2012), abstract'],
  S9: ['https://www.aniarc.am/2018/12/21/emil-sanamyans-interview-with-arsene-saparov-no-evidence-that-stalin-gave-karabakh-to-azerbaijan/', 'E. Sanamyan, interview with A. Saparov, "No evidence that Stalin \'gave\' Karabakh to Azerbaijan" (2018)'],
  S10: ['https://en.wikipedia.org/wiki/Alexander_Miasnikian', 'Wikipedia, "Alexander Miasnikian"'],
  S11: ['https://ombuds.am/en_us/site/ViewNews/1513', 'Human Rights Defender of Armenia, statement on the 1920–21 documents (February 2021)'],
  S12: ['https://knigochet.com/read_184496_107', 'S. Tarasov, Мифы о Карабахском конфликте, chapter "Как Сталин «сдал» Карабах Азербайджану"'],
  S13: ['https://user.bibliboba.online/books/pervoe-porazhenie-stalina/p/246', 'Первое поражение Сталина (book quoting the 5 July 1921 resolution in Russian; author attribution unverified)'],
  S14: ['https://chayka.org/node/15064', 'Article on the Kavbiuro plenum of July 1921, Чайка'],
  S15: ['https://1905.az/ru/%d1%84%d0%be%d1%80%d0%bc%d1%83%d0%bb%d0%b0-%d0%b0%d1%80%d0%bc%d0%b5%d0%bd%d0%b8%d0%b8-%d0%be-%d0%bd%d0%b0%d0%b3%d0%be%d1%80%d0%bd%d0%be%d0%bc-%d0%ba%d0%b0%d1%80%d0%b0%d0%b1%d0%b0%d1%85', '"Формула Армении о Нагорном Карабахе", 1905.az (Azerbaijani site)'],
  S16: ['https://allinnet.info/history/sovietization-of-armenia/amp', 'Declaration of the Azerbaijani Revkom read by N. Narimanov (30 Nov 1920, published 2 Dec 1920), English translation'],
  S17: ['https://allinnet.info/history/telegram-from-the-peoples-commissar-for-foreign-affairs-of-the-rsfsr-g-chicherin', 'Telegram, G. Chicherin to A. Ohandjanian, 19 July 1920'],
  S18: ['https://aniarc.am/2024/01/15/sultanov-as-governor-general-of-shushi-zangezur-jebrail-and-jevanshir', 'British command communiqué on Sultanov\'s appointment, 15 Jan 1919, from The Karabagh File (1988), p. 10'],
  S19: ['https://www.aniarc.am/2015/09/19/shushi-obeyed-but-the-armenian-villages-continued-to-resist-the-ottomans-and-tatars/', 'ANI Armenian Research Center, "Shushi Obeyed, But The Armenian Villages Continued To Resist…" (2015)'],
  S20: ['https://wikisum.wiki/wiki/Khosrov_bey_Sultanov', 'Wikipedia, "Khosrov bey Sultanov" (mirror)'],
  S21: ['http://en.milligazete.com.tr/104th_anniversary_of_the_caucasian_islamic_armys_liberation_of_baku/14524', 'Milli Gazete, "104th anniversary of the Caucasian Islamic Army\'s liberation of Baku"'],
  S21b: ['https://eres.preslib.az/site/historical/page/en/yxaevrj', 'Presidential Library of Azerbaijan, "Karabakh Governor-Generalship (1919–1920)"'],
  S22: ['https://en.wikipedia.org/wiki/Elizavetpol_Governorate', 'Wikipedia, "Elizavetpol Governorate"'],
  S23: ['https://wikimili.com/en/Nagorno-Karabakh_Autonomous_Oblast', 'Wikipedia, "Nagorno-Karabakh Autonomous Oblast" (mirror)'],
  S23b: ['https://armenian.usc.edu/karabakh-armenians-appeals-to-politburo-and-the-crimean-tatar-precedent/', 'E. Sanamyan, "Karabakh Armenians\' appeals to Politburo and the Crimean Tatar precedent", USC Institute of Armenian Studies'],
  S24: ['https://archontology.org/nations/ussr/ussr_state/narimanov.php', 'archontology.org, "Narimanov, Nariman Kerbalai Nadzhaf-ogly"'],
  S25: ['https://wiki.alquds.edu/?query=Council_of_People%27s_Commissars_of_Azerbaijan', 'Wikipedia, "Council of People\'s Commissars of Azerbaijan" (mirror)'],
  S26: ['https://en.iwiki.icu/wiki/Azerbaijan_Communist_Party', 'Wikipedia, "Azerbaijan Communist Party (1920)" (mirror)'],
  S26b: ['https://wikihandbk.com/wiki/Английская_Википедия:Communist_Party_of_Armenia_(Soviet_Union)', 'Wikipedia, "Communist Party of Armenia (Soviet Union)" (mirror)'],
  S27: ['https://www.readania.com/sergo-ordzhonikidze-komandarm-sovetskoj-promyshlennosti-ilya-ratkovskij-id485111/read/15', 'I. Ratkovsky, Серго Орджоникидзе, p. 15'],
  S27b: ['https://readnow.me/chi/neizvestnyy-kirov-kirilina?p=38', 'A. Kirilina, Неизвестный Киров, p. 38'],
  S27c: ['https://en.wikipedia.org/wiki/Sergei_Kirov', 'Wikipedia, "Sergei Kirov"'],
  S28: ['https://oval.az/bolsheviks-stalin-and-the-karabakh-issue/', '"Bolsheviks, Stalin and the Karabakh Issue", oval.az (Azerbaijani site)'],
  S30: ['https://viewer.joomag.com/contemporary-eurasia-volume-viii-1-contemporaryeurasia81/0316436001563864582/p91', 'N. Sukiasyan, Contemporary Eurasia VIII(1), p. 91'],
  S31: ['http://mountainous-karabakh.org/book_08.html', '"The Sovietization of the Caucasus and Stalin\'s Policy of Divide and Rule", mountainous-karabakh.org'],
  S33: ['https://djvu.online/file/Hpu9E257potDb', 'Catalogue record of A. L. Altstadt, The Azerbaijani Turks (Hoover Institution Press, 1992)'],
  S34: ['https://vdoc.pub/documents/looking-toward-ararat-armenia-in-modern-history-553hdo8jkna0', 'R. G. Suny, Looking Toward Ararat (Indiana UP, 1993), record'],
  S36: ['http://conflicts.rem33.com/images/Azerbaijan/Early_Soviet_Arm_Az.html', 'A. Andersen & G. Egge, "Armeno-Azerbaijani territorial dispute and the formation of the USSR (1920–1936)"'],
  S37: ['https://wikiclassic.com/wiki/Soviet_invasion_of_Azerbaijan', 'Wikipedia, "Red Army invasion of Azerbaijan" (mirror)'],
  S38: ['https://armenian.usc.edu/karabakh-and-caucasus-at-nationalities-conference/', '"Karabakh and Caucasus at nationalities conference", USC Institute of Armenian Studies'],
  KARABAKH_ORG_ALTSTADT: ['https://karabakh.org/conflict/nagorno-karabakh-basis-and-reality-of-soviet-era-part-2', '"Nagorno-Karabakh: basis and reality of Soviet era, part 2", karabakh.org (Azerbaijani site quoting Altstadt)'],
};

/** The brief's register has a few IRIs with raw non-ASCII letters; a URI may not, so those letters are escaped. */
function asUri(url) {
  return url.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}

const link = (id, relation) => {
  const entry = S[id];
  if (!entry) throw new Error(`unknown source ${id}`);
  return { type: 'SpecificResource', source: asUri(entry[0]), purpose: 'linking', relation, citation: entry[1] };
};
const ref = (label, relation, citation) => ({ type: 'SpecificResource', source: `${work.iri}#ref-${label}`, purpose: 'linking', relation, citation });
const position = (holder, perspective, view, id) => ({ holder, perspective, view, citation: S[id][1], url: asUri(S[id][0]) });

// The notes, in the order of the text. `exact` is the passage the note is about, as it reads in the canonical text.
const NOTES = [
  {
    slug: 'lead-definition',
    exact: 'Kavbiuro was an organisation set up by the Bolsheviks in April 1920 to supervise the subordination of Caucasia to the Russian Communist Party (Bolshevik).',
    verdict: 'supported-with-caveats', certainty: 'medium', evidence: ['V', 'T'],
    note: 'Right on the facts, interpretive in the wording. A plenum of the RCP(b) Central Committee created the bureau in April 1920 as its plenipotentiary organ for the Caucasus. At first it ran party work in the Soviet-held North Caucasus and only kept in touch with the Transcaucasian organisations; it took them over directly once the Caucasian Regional Committee was wound up. "Supervise the subordination of Caucasia" is an evaluative gloss, and later revisions of the article describe the bureau more neutrally as the regional organ of the RCP(b) in the Caucasus.',
    links: [link('S1', 'citesAsEvidence'), link('S2', 'citesForInformation')],
  },
  {
    slug: 'founding-date',
    exact: 'Kavbiuro was set up on 8 April 1920',
    verdict: 'supported', certainty: 'high', evidence: ['V', 'N'],
    note: 'The Soviet encyclopedia, in its English translation and in the Russian original, dates the Central Committee plenum decision that created the bureau to 8 April 1920. The page of Altstadt cited in footnote [1] was not itself checked. One mirror of the article misprints the year as 1020.',
    links: [link('S1', 'citesAsEvidence'), link('S2', 'citesForInformation')],
  },
  {
    slug: 'ordzhonikidze-chairman',
    exact: 'under the leadership of the Georgian Grigory Ordzhonikidze (Chairman)',
    verdict: 'supported', certainty: 'medium', evidence: ['V-p', 'V', 'G'],
    note: 'Consistent with the record. A June 1920 telegram from Chicherin is reported to have been sent to him as the bureau\'s head, his name opens the list of bureau members in the July 1921 minutes, and in February–March 1920 he already chaired the bureau\'s North Caucasian predecessors. That he was Georgian is common knowledge and was not checked against a page.',
    links: [link('S28', 'citesAsEvidence'), link('S3', 'citesAsEvidence'), link('S4', 'citesAsEvidence'), link('S27', 'citesAsEvidence')],
  },
  {
    slug: 'kirov-vice-chairman',
    exact: 'and the Russian Sergey Kirov (Vice Chairman)',
    verdict: 'supported-with-caveats', certainty: 'low', evidence: ['V', 'T', 'V-p', 'G'],
    note: 'Kirov was Ordzhonikidze\'s deputy in the North Caucasian party bureau of February 1920 and a deputy chairman of the North Caucasus revolutionary committee formed that March; with Ordzhonikidze he steered the Sovietisation of Baku in April–May 1920, and he sat as a member at the bureau\'s plenum of July 1921. For much of 1920, though, he was away from bureau work as Soviet Russia\'s envoy in Tiflis to Menshevik Georgia, and in July 1921 he became First Secretary of the Azerbaijani Communist Party. None of this evidence names him the Kavbiuro\'s vice-chairman, so the sentence remains unconfirmed; that standard Russian reference works give him the post from 8 April 1920 is general knowledge, not checked against a page.',
    links: [link('S27', 'citesAsEvidence'), link('S27b', 'citesAsEvidence'), link('S27c', 'citesForInformation'), link('S25', 'citesForInformation'), link('S3', 'citesAsEvidence')],
  },
  {
    slug: 'independent-parties',
    exact: 'One immediate concern was that Kavbiuro did not want to see any independent communist parties being created outside of their control.',
    verdict: 'supported-with-caveats', certainty: 'medium', evidence: ['T', 'V-p', 'N'],
    note: 'Consistent with what followed. A decision of 30 June 1920 set up separate Armenian, Azerbaijani and Georgian Communist Parties and made them answer explicitly to the Caucasian Bureau; an Armenian communist party formed among refugees in 1918 was merged into the new one, and in July 1921 a bureau document warned against "nationalistically communist" groups inside the Transcaucasian parties. Because the Azerbaijani party existed before the bureau did, the concern was as much about controlling existing national parties as about preventing new ones. The evidence fits the sentence but does not state it, and the Altstadt page behind footnote [1] was not checked, so the sentence itself remains unconfirmed.',
    links: [link('S26', 'citesAsEvidence'), link('S26b', 'citesAsEvidence'), link('S7', 'citesAsEvidence')],
  },
  {
    slug: 'karabagh-armenian-and-disputed',
    exact: 'Karabagh, a predominantly Armenian area disputed by both Armenia and Azerbaijan',
    verdict: 'supported-with-caveats', certainty: 'medium', evidence: ['V', 'T', 'G'],
    note: 'True of the mountainous part, the later autonomous oblast: Saparov describes it as an Armenian-populated area inside a province with a Turkic majority, claimed by both republics after 1917, and the 1926 census counted about 89 per cent Armenians there. The wider Karabakh region, lowlands included, is generally described as mixed, with Muslim majorities in the lowland districts; that is general knowledge not checked against a page, though consistent with Saparov\'s account. The text does not draw the distinction.',
    links: [link('S8', 'citesAsEvidence'), link('S23', 'citesAsEvidence')],
  },
  {
    slug: 'administered-from-baku',
    exact: 'Under Tsarist rule the area had been administered from Baku.',
    verdict: 'likely-erroneous', certainty: 'medium', evidence: ['T', 'V', 'V-p'],
    note: 'True only for part of the Tsarist period. The Shusha district lay in the Shemakha governorate from 1846 (renamed the Baku governorate in 1859) until a decree of December 1867, in force from 1868, moved it into the new Elizavetpol governorate with its seat at Ganja, where Karabakh remained until 1918. For the last half-century of Tsarist rule the area was governed from Elizavetpol, under the Caucasus viceroyalty in Tiflis, not from Baku.',
    links: [link('S22', 'citesAsEvidence'), link('S8', 'citesAsEvidence'), link('S19', 'citesAsEvidence')],
  },
  {
    slug: 'armenians-sought-union',
    exact: 'the Karabagh Armenians wanted to become annexed by Armenia',
    verdict: 'supported-with-caveats', certainty: 'medium', evidence: ['V-p', 'T', 'G'],
    note: 'Right for 1918: the First Assembly of Karabagh Armenians, meeting on 22–24 July 1918, declared the region part of Armenia and chose a local government. The stance did not stay fixed, however. Pressed by the British in 1919, they agreed to Azerbaijani administration as a temporary arrangement, on condition of guarantees (the date usually given for that agreement, August 1919, is unchecked).',
    links: [link('S19', 'citesAsEvidence'), link('S20', 'citesAsEvidence')],
  },
  {
    slug: 'ottoman-intervention',
    exact: 'This was prevented first through the intervention of the Ottoman Empire,',
    verdict: 'supported', certainty: 'medium', evidence: ['V-p'],
    note: 'Through the summer and autumn of 1918 Nuri Pasha\'s "Army of Islam", the Ottoman force in the region, worked to bring Karabakh under Azerbaijani rule; Shusha gave way while Armenian villages held out. The sources for this are partisan on both sides and frame it differently: Armenian accounts describe a campaign against Karabagh\'s Armenians, while Turkish and Azerbaijani official histories present the same campaign as the liberation of Baku and the protection of the new republic.',
    links: [link('S19', 'citesAsEvidence'), link('S21', 'discusses'), link('S21b', 'discusses')],
  },
  {
    slug: 'british-intervention',
    exact: 'and following its collapse, by the British.',
    verdict: 'supported-with-caveats', certainty: 'medium', evidence: ['V-p', 'T'],
    note: 'Right in substance. After the armistice of Mudros (30 October 1918) the Ottoman troops withdrew, leaving Baku on 16 November, and British forces arrived; on 15 January 1919 the British command announced that Khosrov bey Sultanov, appointed by the Azerbaijani government, would govern Shusha, Zangezur, Jebrail and Jevanshir with British cooperation until the Paris Peace Conference decided. Two caveats: the arrangement was declared provisional, and "collapse" is loose, since the Ottoman Empire lost the war and pulled out of the region in 1918 yet survived as a state until 1922.',
    links: [link('S18', 'citesAsEvidence'), link('S21', 'citesAsEvidence'), link('S19', 'citesAsEvidence'), link('S20', 'citesAsEvidence')],
  },
  {
    slug: 'azerbaijan-ssr-founded',
    exact: 'the Azerbaijan Soviet Socialist Republic, established in April 1920',
    verdict: 'supported', certainty: 'medium', evidence: ['T', 'V-p'],
    note: 'Correct. The Azerbaijani Revolutionary Committee was formed on 27 April 1920; the next day a Red Army armoured train reached Baku, the Azerbaijan Democratic Republic gave up power and Soviet rule was proclaimed.',
    links: [link('S25', 'citesAsEvidence'), link('S37', 'citesAsEvidence'), link('S7', 'citesAsEvidence')],
  },
  {
    slug: 'azerbaijani-promise',
    exact: 'promised that Karabagh would become part of Armenia',
    verdict: 'contested', certainty: 'medium', evidence: ['V-p', 'V', 'G'],
    note: 'Disputed, and the text gives no source. The claim rests on the declaration Narimanov read on 30 November or 1 December 1920 (published 2 December), once Armenia had become Soviet. In the version most often quoted, Zangezur and Nakhichevan are handed to Soviet Armenia and the working peasants of Nagorno-Karabakh receive the full right to decide their own status. Armenian sources add a version printed in Yerevan\'s Kommunist on 7 December 1920 that counts all three areas as parts of Soviet Armenia, so two published versions differ. Whether this amounted to a promise of union is what the two sides disagree on. "Originally" also misleads: in mid-1920 the Azerbaijani Bolsheviks and Ordzhonikidze argued that Karabakh and Zangezur were indispensable to Azerbaijan, and Soviet envoys promised the disputed lands to each side at different times, so the December declaration was a change of course.',
    positions: [
      position('Human Rights Defender of Armenia', 'Armenian official advocacy', 'Points to the text printed in Yerevan\'s Kommunist on 7 December 1920, which treats all three districts (Nagorno-Karabakh as well as Zangezur and Nakhichevan) as Soviet Armenian.', 'S11'),
      position('Armenian-perspective account at therootsofkarabakh.com (author not identified)', 'Armenian-side account', 'States that Stalin publicly confirmed the step (the underlying Stalin article, usually dated to Pravda of 4 December 1920, is general knowledge, not checked).', 'S5p16'),
      position('Jamil Hasanli', 'Azerbaijani historian', 'His translation of the widely quoted text has Zangezur and Nakhichevan become part of Soviet Armenia and grants the working peasantry of Nagorno-Karabakh full self-determination; he argues that it went against what the Azerbaijani party\'s Politburo and Orgburo had decided together on 30 November 1920.', 'S7ii'),
    ],
    links: [link('S16', 'citesAsEvidence'), link('S7ii', 'discusses'), link('S11', 'discusses'), link('S28', 'citesAsEvidence'), link('S36', 'citesAsEvidence')],
  },
  {
    slug: 'endorsed-position',
    exact: 'This position was endorsed by Kavbiuro',
    verdict: 'likely-erroneous', certainty: 'medium', evidence: ['V-p', 'T'],
    note: 'Garbled. Twice in mid-1921 the bureau took Armenia\'s side, each time after the Soviet Azerbaijani declaration of 30 November / 1 December 1920: on 3 June 1921, when a secret point of its resolution on Zangezur told the Armenian government to declare Nagorno-Karabakh part of Armenia; and on 4 July 1921, when the plenum voted that Nagorno-Karabakh be included in the Armenian SSR. Neither was a 1920 decision. "This position" is best read as that pro-Armenian line; the decision reversed is the vote of 4 July 1921, reversed on 5 July 1921.',
    links: [link('S12', 'citesAsEvidence'), link('S11', 'citesAsEvidence'), link('S10', 'citesAsEvidence'), link('S5', 'citesAsEvidence'), link('S7', 'citesAsEvidence')],
  },
  {
    slug: 'date-3-july-1920',
    exact: '3 July 1920',
    verdict: 'likely-erroneous', certainty: 'high', evidence: ['V', 'V-p'],
    correctedDate: '1921-07-04/1921-07-05',
    note: 'Wrong year, and very likely the wrong day. The plenum in Tiflis voted on Karabakh on 4 July 1921 (protocol No. 11) and reversed that vote on 5 July 1921 (protocol No. 12). Nothing of the kind could have happened in July 1920: Armenia was then still an independent republic, Moscow treated Karabakh as disputed ground held by Russian troops until a settlement, and the Azerbaijani declaration the sentence refers to came only in December 1920. "3 July" may echo the plenum session of 2–3 July 1921 or the decision of 3 June 1921. The wrong date survives in the current revision of the article and its mirrors, and a later article has "3 July 1921 … two days later"; these repeat the error and do not corroborate it.',
    links: [
      link('S3', 'citesAsEvidence'), link('S4', 'citesAsEvidence'), link('S5', 'citesAsEvidence'), link('S7', 'citesAsEvidence'),
      link('S13', 'citesAsEvidence'), link('S14', 'citesAsEvidence'), link('S17', 'citesAsEvidence'), link('S2', 'citesForInformation'),
      link('S30', 'citesForInformation'),
    ],
  },
  {
    slug: 'reversed-two-days-later',
    exact: 'only to be reversed two days later',
    verdict: 'likely-erroneous', certainty: 'medium', evidence: ['V-p', 'V'],
    correctedDate: '1921-07-05',
    note: 'One day, not two: the vote of 4 July 1921 was overturned at the session of 5 July 1921. A Russian book quoting the resolution describes the bureau, with Stalin taking part, unexpectedly returning that day to a question it had already settled.',
    links: [link('S3', 'citesAsEvidence'), link('S5', 'citesAsEvidence'), link('S13', 'citesAsEvidence')],
  },
  {
    slug: 'doubled-quotation-mark',
    exact: '""',
    motivation: 'editing',
    evidence: [],
    note: 'Editorial remark on the typography, not a judgement on the history: the quotation opens with two double quotation marks, and one is suggested. Whether the doubling is in the Wikipedia revision itself or came in when the text was copied has not been checked; the text is kept as it is.',
    suggestion: '"',
  },
  {
    slug: 'quoted-reasoning',
    exact: 'considering the necessity of national harmony between Muslims and Armenians, the economic linkage between upper and lower Karabagh, and its permanent ties to Azerbaijan.',
    verdict: 'supported-with-caveats', certainty: 'medium', evidence: ['V-p', 'V', 'N'],
    note: 'Faithful, but it stops short of the decision. Independent translations of the resolution of 5 July 1921 give the same three grounds (peace between Muslims and Armenians, the economic bond between Upper and Lower Karabakh, the region\'s lasting link with Azerbaijan), and a Russian book quotes the Russian text. Left out is what was decided: Nagorno-Karabakh would stay inside the Azerbaijan SSR as a broadly autonomous region whose administrative centre was Shusha, and the Azerbaijani party was to fix the borders and the extent of the autonomy. Ordzhonikidze and Nazaretyan moved to reconsider; the resolution was carried by 4 votes for and 3 abstentions. The two translations of the minutes disagree on whether Makharadze was present on 5 July (one omits him, the other lists him), which leaves open who made up that count. Suny\'s article, cited in footnote [2], was not checked; the wording can be judged against the protocol instead.',
    links: [link('S3', 'citesAsEvidence'), link('S5', 'citesAsEvidence'), link('S13', 'citesAsEvidence'), ref('2', 'discusses', 'Footnote [2]: Suny 1989 (not checked)')],
  },
  {
    slug: 'stalin-narimanov-attribution',
    exact: 'Some Armenian historians have attributed this to the intervention of Stalin and Nariman Narimanov',
    verdict: 'contested', certainty: 'medium', evidence: ['V', 'V-p', 'T'],
    note: 'Unsourced, and it joins a documented fact to a disputed inference. Documented: on 4 July 1921 Narimanov voted to keep Karabakh in Azerbaijan, and an Armenian-side account adds that he warned he would carry the matter to the party\'s Central Committee in Moscow, after which the bureau met again the next day. Stalin attended both sessions, listed as a member of the party\'s Central Committee, but the surviving summary minutes do not record him moving, speaking or voting on Karabakh. The question was not in the end sent to Moscow: the regional bureau settled it itself the next day, with Stalin in the room, after Ordzhonikidze and Nazaretyan moved to reconsider. Disputed: what produced the overnight reversal. Both sides agree that Narimanov opposed the 4 July decision; they disagree whether his objection, Stalin\'s presence or structural calculation brought the change, so Narimanov\'s own part in it is disputed too. Above all it is disputed whether Stalin caused it. Armenian-side accounts and some Western popular and biographical accounts say he did; Jamil Hasanli, an Azerbaijani historian, and Arsène Saparov, a Western-trained scholar, each say the record contains no direct evidence of it, for different reasons. Ordzhonikidze was Stalin\'s close ally, and inferences from that closeness are what the two camps dispute. No named Armenian academic historian is tied to the claim in the sources cited here, so "some Armenian historians" is itself unverified.',
    positions: [
      position('Armenian-perspective account at therootsofkarabakh.com (author not identified)', 'Armenian-side account', 'The reversal came overnight, after Narimanov\'s threat to appeal to the Central Committee, without recorded discussion and in Stalin\'s presence; it calls the turn illogical.', 'S5'),
      position('mountainous-karabakh.org', 'Armenian-side popular account', 'Presents Karabakh\'s fate as part of Stalin\'s policy of divide and rule and as a concession to Kemalist Turkey.', 'S31'),
      position('Human Rights Defender of Armenia', 'Armenian official advocacy', 'Stresses that the bureau had already, on 3 June 1921 and reportedly with Narimanov\'s support (it says unanimously; Hasanli reports that Narimanov did not comment at the time), told Armenia to declare Nagorno-Karabakh Armenian.', 'S11'),
      position('Robert Service, as paraphrased in a Wikipedia mirror', 'Western biographer (known here only through a tertiary source)', 'In 1921 Stalin, as commissar for nationalities, put Nakhichevan and Karabakh under Azerbaijan in order to placate Turkey.', 'S23'),
      position('Stanislav Tarasov', 'Russian journalist', 'Argues from the same party archive files that Stalin had a hand in "handing over" Karabakh to Azerbaijan (as his chapter title and Hasanli\'s rebuttal of it indicate).', 'S12'),
      position('Jamil Hasanli', 'Azerbaijani historian', 'Protocols 11 and 12 show Stalin attending both sessions without speaking on Karabakh; blaming him is an Armenian narrative; in May–June 1921 the bureau was itself trying to move Nagorno-Karabakh to Armenia on procedurally dubious grounds; on 5 July an Azerbaijani territory was kept where it was, as Narimanov had fought for.', 'S7'),
      position('Arsène Saparov', 'Western-trained scholar', 'Nothing in the documents he has examined shows directly that Stalin took the decision; the "Stalin gave it away" story reflects a victimhood framing, and Bolshevik policy used Karabakh instrumentally.', 'S9'),
    ],
    links: [
      link('S3', 'citesAsEvidence'), link('S4', 'citesAsEvidence'), link('S5', 'discusses'), link('S31', 'discusses'), link('S11', 'discusses'),
      link('S7', 'discusses'), link('S9', 'discusses'), link('S12', 'discusses'), link('S23', 'citesForInformation'),
    ],
  },
  {
    slug: 'narimanov-title',
    exact: 'chairman of Azrevkom, the Azerbaijani Revolutionary Committee',
    verdict: 'supported-with-caveats', certainty: 'high', evidence: ['V', 'T', 'V-p'],
    note: 'Right for late 1920, out of date for July 1921. Narimanov reached Baku on 16 May 1920 and chaired Azrevkom until 19 May 1921; from May 1921 he chaired Azerbaijan\'s Council of People\'s Commissars. At the July 1921 plenum he sat as head of that council and as a member of the bureau.',
    links: [link('S24', 'citesAsEvidence'), link('S25', 'citesAsEvidence'), link('S3', 'citesAsEvidence')],
  },
  {
    slug: 'maintained-despite-protests',
    exact: 'This position was maintained despite protests from the Armenian Communist Party.',
    verdict: 'supported-with-caveats', certainty: 'medium', evidence: ['V-p', 'T', 'V'],
    note: 'On 16 July 1921 the Central Committee of the Armenian party said it was not content with the ruling of 5 July, and Myasnikyan aired the grievance again in January 1922; the decision stood, and the Nagorno-Karabakh Autonomous Oblast was created inside the Azerbaijan SSR on 7 July 1923. The resistance was not one-sided: on 19 July 1921 the presidium of Azerbaijan\'s highest soviet body declared again that Nagorno-Karabakh was an inseparable part of Soviet Azerbaijan with internal self-government, and putting the autonomy into practice took two years.',
    links: [link('S15', 'citesAsEvidence'), link('S6', 'citesAsEvidence'), link('S23', 'citesAsEvidence'), link('S23b', 'citesAsEvidence')],
  },
  {
    slug: 'myasnikyan-occasion',
    exact: 'Aleksandr Myasnikyan described the Kavbiuro meeting:',
    verdict: 'supported-with-caveats', certainty: 'medium', evidence: ['V-p', 'T', 'N'],
    note: 'Myasnikyan was no outside witness. He chaired Armenia\'s Council of People\'s Commissars and was himself a member of the bureau: he attended the July 1921 plenum and on 4 July voted to attach Nagorno-Karabakh to Armenia. The words quoted next were spoken in January 1922, at the First Congress of the Communist Party of Armenia, half a year after the plenum, in answer to the question why Nagorno-Karabakh had not joined Armenia. Reading "the last session" as the July 1921 plenum is natural but unconfirmed. It is an interested participant\'s polemical retrospect, not a record of the meeting.',
    links: [link('S6', 'citesAsEvidence'), link('S10', 'citesAsEvidence'), link('S3', 'citesAsEvidence'), link('S4', 'citesAsEvidence'), link('S5', 'citesAsEvidence')],
  },
  {
    slug: 'myasnikyan-quotation',
    exact: 'the last session of the Kavbiuro can be characterized as if Aharonian, Topchubashov and Chkhenkeli were sitting there. Azerbaijan declared that if Armenia demanded Karabagh, then we will not give them kerosene.',
    verdict: 'supported-with-caveats', certainty: 'medium', evidence: ['V-p', 'T', 'G', 'N'],
    note: 'Corroborated in substance. Jamil Hasanli cites both sentences from the archives in an English rendering of his own (spelling the names Agaronyan and Topchibashev, and speaking of the "latest plenum") and dates them to the congress of January 1922; the English Wikipedia biography of Myasnikyan reports the kerosene threat. The exact English wording was not compared with Suny\'s article. Aharonian, Topchubashov and Chkhenkeli are generally identified as leading politicians of the pre-Soviet Armenian, Azerbaijani and Georgian republics who represented them abroad in 1919–20 (only Topchubashov\'s role at the Paris Peace Conference was checked against a page); read that way, the jibe is that the Bolshevik plenum bargained like the old national governments. That "kerosene" points to Azerbaijan\'s leverage through Baku\'s oil products is likewise a general-knowledge reading, not checked. A novel about Narimanov reuses the kerosene motif; it is fiction and not evidence.',
    links: [link('S6', 'citesAsEvidence'), link('S10', 'citesAsEvidence'), link('S38', 'citesForInformation'), ref('2', 'discusses', 'Footnote [2]: Suny 1989 (not checked)')],
  },
  {
    slug: 'footnote-1-altstadt',
    exact: '1. Audrey L. Altstadt (1992), The Azerbaijani Turks, Stanford, Calif: Hoover Institution Press, Stanford University, ISBN\u00a00817991816, OCLC\u00a024846708, OL\u00a01560533M, 0817991816.', // no-break spaces as in the source
    verdict: 'not-checked', certainty: 'low', evidence: ['N', 'V', 'V-p', 'T'],
    note: 'Citation not checked. The book exists as cited (Hoover Institution Press, 1992, with a matching ISBN), but no pages are given and the relevant pages could not be consulted, so whether it supports the two sentences marked [1] is unknown. The founding date and Ordzhonikidze\'s chairmanship are confirmed by other sources. Others report views of hers, without saying where in her work they stand: an Azerbaijani site quotes her as holding that the Peace Conference recognised Azerbaijan\'s claim to Karabakh early in 1920, and a Wikipedia mirror reports her view that the borders of the 1923 oblast were drawn to include Armenian villages and exclude Azerbaijani ones. These are second-hand reports, not a reading of the book.',
    links: [
      ref('1', 'discusses', 'Footnote [1]: Altstadt 1992 (not checked)'), link('S33', 'citesForInformation'),
      link('KARABAKH_ORG_ALTSTADT', 'citesForInformation'), link('S23', 'citesForInformation'),
    ],
  },
  {
    slug: 'footnote-2-suny',
    exact: '2. Suny, Ronald Grigor (1989). "Nationalism and Democracy in Gorbachev\'s Soviet Union: The Case of Karabagh". Michigan Quarterly Review. XXVIII (4): 481–506. hdl:2027/spo.act2080.0028.004:03.',
    verdict: 'not-checked', certainty: 'low', evidence: ['N', 'V'],
    note: 'Citation not checked: the article\'s text could not be reached. The two passages it is cited for, the wording of the 5 July 1921 resolution and Myasnikyan\'s remark, are corroborated elsewhere, so the citation is plausible. Whether the wrong date "3 July 1920" comes from Suny or from a Wikipedia editor could not be determined. Suny\'s related book Looking Toward Ararat (1993) exists; its Karabagh chapter was not read.',
    links: [ref('2', 'discusses', 'Footnote [2]: Suny 1989 (not checked)'), link('S34', 'citesForInformation')],
  },
];

/** The canonical offset of `exact`: it must occur once, or `occurrence` (0-based) says which. */
function locate(exact, occurrence) {
  const found = [];
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) found.push(i);
  if (found.length === 0) throw new Error(`not in the text: ${JSON.stringify(exact)}`);
  if (occurrence === undefined && found.length > 1) throw new Error(`occurs ${found.length} times, say which: ${JSON.stringify(exact)}`);
  const at = found[occurrence ?? 0];
  if (at === undefined) throw new Error(`no occurrence ${occurrence} of ${JSON.stringify(exact)}`);
  return at;
}

function annotation(n) {
  const start = locate(n.exact, n.occurrence);
  const end = start + n.exact.length;
  const body = [{ type: 'TextualBody', value: n.note, format: 'text/plain', language: 'en' }];
  if (n.suggestion !== undefined) body.push({ type: 'TextualBody', value: n.suggestion, format: 'text/plain', purpose: 'editing' });
  body.push(...(n.links ?? []));
  const a = {
    id: `urn:apparatus:${work.id}:${n.slug}`,
    type: 'Annotation',
    motivation: n.motivation ?? 'assessing',
    created: CREATED,
    creator: CREATOR,
    body,
    target: {
      source: work.iri,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: n.exact,
          prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
          suffix: text.slice(end, end + CONTEXT_CHARS),
        },
        { type: 'TextPositionSelector', start, end },
      ],
    },
    verdict: n.verdict,
    certainty: n.certainty,
    ...(n.correctedDate === undefined ? {} : { correctedDate: n.correctedDate }),
    evidence: n.evidence,
  };
  if (n.positions) a.positions = n.positions;
  return { start, end, a };
}

const slugs = new Set();
for (const n of NOTES) {
  if (slugs.has(n.slug)) throw new Error(`duplicate slug ${n.slug}`);
  slugs.add(n.slug);
}
const items = NOTES.map(annotation)
  .sort((x, y) => x.start - y.start || x.end - y.end || x.a.id.localeCompare(y.a.id))
  .map((x) => x.a);

const collectionId = `urn:apparatus:${work.id}:notes`;
const collection = {
  '@context': ANNOTATION_CONTEXT,
  id: collectionId,
  type: 'AnnotationCollection',
  label: `Curated scholarly notes on "${work.title}"`,
  total: items.length,
  creator: CREATOR,
  created: CREATED,
  first: { id: `${collectionId}:page-1`, type: 'AnnotationPage', startIndex: 0, items },
};

const out = resolve(root, 'annotations', `${work.id}.jsonld`);
writeFileSync(out, `${JSON.stringify(collection, null, 2)}\n`);
console.log(`wrote ${items.length} notes to ${out}`);
