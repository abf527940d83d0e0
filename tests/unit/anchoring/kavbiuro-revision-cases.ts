/**
 * Real passages of the Kavbiuro seed and where they must land in `tests/fixtures/anchoring/kavbiuro-revised.txt`,
 * a revision written for these tests: the lead reworded, the second paragraph moved after the block quotation,
 * the Ottoman/British sentence deleted, two sentences reworded, "Karabagh" normalised to "Karabakh" in the body
 * (the cited title keeps its published spelling), and a new last paragraph quoting the OLD wording of the
 * Stalin–Narimanov sentence verbatim.
 */
import type { AnchorStatus } from '../../../src/anchoring/anchor-result.ts';

export interface RevisionCase {
  name: string;
  kind: 'unchanged' | 'moved' | 'edited' | 'deleted' | 'spelling' | 'copied';
  /** The annotated words in the seed's canonical text. */
  quote: string;
  /** Which occurrence of `quote` in the seed is annotated (0 = first). */
  occurrence?: number;
  /** The words the annotation must land on in the revision (null: orphan). */
  expected: string | null;
  /** Which occurrence of `expected` in the revision (0 = first). */
  expectedOccurrence?: number;
  status: AnchorStatus;
}

export const revisionCases: RevisionCase[] = [
  { name: 'a sentence shifted by the changes before it', kind: 'unchanged', quote: 'Under Tsarist rule the area had been administered from Baku.', expected: 'Under Tsarist rule the area had been administered from Baku.', status: 'exact' },
  { name: 'the sentence introducing the quotation', kind: 'unchanged', quote: 'Aleksandr Myasnikyan described the Kavbiuro meeting:', expected: 'Aleksandr Myasnikyan described the Kavbiuro meeting:', status: 'exact' },
  { name: 'a reference title (not normalised)', kind: 'unchanged', quote: 'The Case of Karabagh', expected: 'The Case of Karabagh', status: 'exact' },
  { name: 'first words of the moved paragraph (new prefix)', kind: 'moved', quote: 'Kavbiuro was set up on 8 April 1920', expected: 'Kavbiuro was set up on 8 April 1920', status: 'exact' },
  { name: 'inside the moved paragraph', kind: 'moved', quote: 'under the leadership of the Georgian Grigory Ordzhonikidze (Chairman)', expected: 'under the leadership of the Georgian Grigory Ordzhonikidze (Chairman)', status: 'exact' },
  { name: 'last sentence of the moved paragraph (new suffix)', kind: 'moved', quote: 'One immediate concern was that Kavbiuro did not want to see any independent communist parties being created outside of their control.[1]', expected: 'One immediate concern was that Kavbiuro did not want to see any independent communist parties being created outside of their control.[1]', status: 'exact' },
  { name: 'the lead reworded', kind: 'edited', quote: 'to supervise the subordination of Caucasia to the Russian Communist Party', expected: 'to oversee the subordination of the Caucasus to the Russian Communist Party', status: 'fuzzy' },
  { name: 'one word replaced', kind: 'edited', quote: 'This position was maintained despite protests from the Armenian Communist Party.', expected: 'This position was upheld despite protests from the Armenian Communist Party.', status: 'fuzzy' },
  { name: 'a deleted sentence', kind: 'deleted', quote: 'This was prevented first through the intervention of the Ottoman Empire', expected: null, status: 'orphan' },
  { name: 'the end of the deleted sentence', kind: 'deleted', quote: 'and following its collapse, by the British.', expected: null, status: 'orphan' },
  { name: 'Karabagh → Karabakh in a phrase', kind: 'spelling', quote: 'concerned Karabagh, a predominantly Armenian area', expected: 'concerned Karabakh, a predominantly Armenian area', status: 'fuzzy' },
  { name: 'the bare word, third of five occurrences', kind: 'spelling', quote: 'Karabagh', occurrence: 2, expected: 'Karabakh', expectedOccurrence: 2, status: 'fuzzy' },
  { name: 'Karabagh → Karabakh inside the block quotation', kind: 'spelling', quote: 'if Armenia demanded Karabagh, then we will not give them kerosene', expected: 'if Armenia demanded Karabakh, then we will not give them kerosene', status: 'fuzzy' },
  // The old wording stands verbatim in the new last paragraph. Hypothesis's match-quote collects exact occurrences
  // first and only falls back to approximate search when there are none, so it would attach this note to the
  // quotation in the last paragraph ("exact matches win"), away from the sentence the note discusses.
  { name: 'reworded, with its old wording quoted verbatim elsewhere', kind: 'copied', quote: 'Some Armenian historians have attributed this to the intervention of Stalin and Nariman Narimanov', expected: 'Several Armenian historians attribute this to the intervention of Stalin and Nariman Narimanov', status: 'fuzzy' },
];
