/**
 * Matcher case table on real passages of a corpus article ("Duck", English Wikipedia, `../shared/corpora/duck.txt`,
 * CC BY-SA): each case annotates a passage of the original, revises the text, and says where the words must be
 * found in the revision (null: nowhere — an orphan).
 */

export interface MatchCase {
  name: string;
  kind: 'unchanged' | 'moved' | 'edited' | 'deleted' | 'repeated' | 'spelling' | 'copied';
  /** The annotated words, verbatim in the original. */
  passage: string;
  /** Which occurrence of `passage` in the original (or in `prepare`'s result) is annotated (0 = first). */
  occurrence?: number;
  /** Turns the corpus text into the text the annotation was made on (default: unchanged). */
  prepare?: (text: string) => string;
  /** The revision. */
  revise: (text: string) => string;
  /** Where the words must be found in the revision (null: orphan), and which occurrence of it. */
  expected: string | null;
  expectedOccurrence?: number;
}

const replaceOnce = (text: string, from: string, to: string): string => {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`case table: ${JSON.stringify(from)} is not in the text`);
  return text.slice(0, at) + to + text.slice(at + from.length);
};

const PARAGRAPH_2 = 'Ducks are sometimes confused with several types of unrelated water birds with similar forms, such as loons or divers, grebes, gallinules and coots.';
const TAXONOMY = 'The number and composition of these subfamilies and tribes is the cause of considerable disagreement among taxonomists.';

export const matchCases: MatchCase[] = [
  {
    name: 'unchanged text',
    kind: 'unchanged',
    passage: 'they do not represent a monophyletic group',
    revise: (t) => t,
    expected: 'they do not represent a monophyletic group',
  },
  {
    name: 'a paragraph inserted before it shifts every offset',
    kind: 'unchanged',
    passage: 'a derivative of the verb *dūcan',
    revise: (t) => `Ducks feature in the folklore of many peoples, and a new opening paragraph says so at some length.\n\n${t}`,
    expected: 'a derivative of the verb *dūcan',
  },
  {
    // The stored prefix no longer ends where the words begin; a span swallowing the new word would have perfect
    // context on both sides, but the words themselves are intact: they stay exact, without the new word.
    name: 'words inserted right before it',
    kind: 'unchanged',
    passage: 'a group that contains the ducks, geese and swans, as well as the screamers, and the magpie goose.',
    revise: (t) => replaceOnce(t, 'Anseriformes, a group that contains', 'Anseriformes, which most authors would agree is a group that contains'),
    expected: 'a group that contains the ducks, geese and swans, as well as the screamers, and the magpie goose.',
  },
  {
    name: 'the paragraph moved to the end of the body',
    kind: 'moved',
    passage: 'several types of unrelated water birds',
    revise: (t) => replaceOnce(replaceOnce(t, `${PARAGRAPH_2}\n\n`, ''), '\n\n1. ', `\n\n${PARAGRAPH_2}\n\n1. `),
    expected: 'several types of unrelated water birds',
  },
  {
    name: 'a few words edited',
    kind: 'edited',
    passage: TAXONOMY,
    revise: (t) => replaceOnce(t, TAXONOMY, 'The number and makeup of these subfamilies and tribes is a cause of much disagreement among taxonomists.'),
    expected: 'The number and makeup of these subfamilies and tribes is a cause of much disagreement among taxonomists.',
  },
  {
    name: 'a letter dropped and a word inserted',
    kind: 'edited',
    passage: 'A male is called a drake and the female is called a duck',
    revise: (t) => replaceOnce(t, 'A male is called a drake and the female is called a duck', 'A male is called a drake and the female is usualy called a duck'),
    expected: 'A male is called a drake and the female is usualy called a duck',
  },
  {
    name: 'the sentence deleted',
    kind: 'deleted',
    passage: TAXONOMY,
    revise: (t) => replaceOnce(t, ` ${TAXONOMY}[5]`, ''),
    expected: null,
  },
  {
    name: 'the paragraph deleted',
    kind: 'deleted',
    passage: 'loons or divers, grebes, gallinules and coots',
    revise: (t) => replaceOnce(t, `${PARAGRAPH_2}\n\n`, ''),
    expected: null,
  },
  {
    // The paragraph stands twice; the passage is inside it, so both copies have the same 32 characters of context
    // on either side: only the position can tell them apart.
    name: 'the second of two identical copies (an insertion shifts both)',
    kind: 'repeated',
    passage: 'several types of unrelated water birds',
    occurrence: 1,
    prepare: (t) => replaceOnce(t, 'A male is called a drake', `${PARAGRAPH_2}\n\nA male is called a drake`),
    revise: (t) => `A new first paragraph.\n\n${t}`,
    expected: 'several types of unrelated water birds',
    expectedOccurrence: 1,
  },
  {
    name: 'the first of two identical copies',
    kind: 'repeated',
    passage: 'several types of unrelated water birds',
    occurrence: 0,
    prepare: (t) => replaceOnce(t, 'A male is called a drake', `${PARAGRAPH_2}\n\nA male is called a drake`),
    revise: (t) => `A new first paragraph.\n\n${t}`,
    expected: 'several types of unrelated water birds',
    expectedOccurrence: 0,
  },
  {
    name: 'British spelling normalised to American throughout',
    kind: 'spelling',
    passage: 'The significant level of hybridisation that occurs among wild ducks',
    revise: (t) => t.replaceAll('hybridisation', 'hybridization').replaceAll('specialise', 'specialize'),
    expected: 'The significant level of hybridization that occurs among wild ducks',
  },
  {
    // The old wording is left verbatim in a later paragraph. Hypothesis's match-quote takes the exact occurrences
    // whenever there is one and never looks at approximate ones, so it would move this note to the copy.
    name: 'edited, with the old wording copied verbatim into another paragraph',
    kind: 'copied',
    passage: 'Some base their decisions on morphological characteristics, others on shared behaviours or genetic studies.',
    revise: (t) =>
      replaceOnce(
        replaceOnce(t, 'Some base their decisions on morphological characteristics, others on shared behaviours or genetic studies.', 'Some base their decisions on morphology, others on shared behaviours or on genetic studies.'),
        'A male is called a drake',
        'An older text said: "Some base their decisions on morphological characteristics, others on shared behaviours or genetic studies." A male is called a drake',
      ),
    expected: 'Some base their decisions on morphology, others on shared behaviours or on genetic studies.',
  },
];
