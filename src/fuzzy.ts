// What the search needs only for words its index does not know, in a file of its own
// (dist/fuzzy.js) that searches with known words never load: the Snowball French
// stemmer, and how common a word is in general English and French
// (faq/frequent-words.txt). searcherFor() in search.ts loads it; the build uses it
// to index the bundled FAQ.

import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { hasDigit } from './text.js';

/**
 * Reduces a folded word to its stem with the Snowball French stemmer, which also
 * brings many English words close to their French cousins (certificate →
 * certificat, profiles → profil). Both the index and the queries go through it.
 */
export function stem(word: string): string {
  if (word.length <= 3 || hasDigit(word)) return word;
  // The stemmer expects accents, which folding removed: "associée" is folded to
  // "associee", which it would stem apart from "associé" (folded "associe").
  return frenchStemmer(word.length > 5 ? word.replace(/ee(s?)$/, 'e$1') : word);
}

// Replaced by the build (and the test set-up) with faq/frequent-words.txt: one string
// per frequency class, most common class first, each " word word … ", most common
// word first.
declare const MCP_FAQ_WORDS: string[];

/**
 * How common a folded word is in general English or French: 1 (among the 500 most
 * common words of either) to 4 (the 10,000 most common), 0 when it is not that
 * common. A word that is not listed itself is looked up by its base forms
 * ("registering" as "register", "accidentally" as "accidental" and "accident").
 */
export function frequencyClass(word: string): number {
  const forms = [word, ...baseForms(word)];
  const c = MCP_FAQ_WORDS.findIndex((words) => forms.some((w) => words.includes(` ${w} `)));
  return c + 1;
}

// English and French inflections: ending → what the base form ends with instead.
const ENDINGS: [string, string[]][] = [
  ['ies', ['y']],
  ['ied', ['y']],
  ['ily', ['y']],
  ['ally', ['al', '']],
  ['ly', ['']],
  ['ing', ['', 'e']],
  ['ed', ['', 'e']],
  ['es', ['', 'e']],
  ['s', ['']],
  ['ment', ['', 'e']],
];

/** The forms a word may be an inflection of (longest ending first), none shorter than three letters. */
function baseForms(word: string): string[] {
  const forms: string[] = [];
  for (const [ending, bases] of ENDINGS) {
    if (!word.endsWith(ending)) continue;
    const root = word.slice(0, -ending.length);
    for (const base of bases) if (root.length + base.length >= 3) forms.push(root + base);
  }
  return forms;
}

let classes: Map<string, number> | undefined;

/**
 * How common a word is, to weigh it (see units.ts): its frequency class, or else that
 * of the common word it is a typo of. The same for every word, known or not: the
 * bundled index keeps its known words' (see bundle.ts), so that a query weighs the same
 * whether this module is loaded yet or not.
 */
export const weightClass = (word: string): number => frequencyClass(word) || typoClass(word);

/**
 * How common the common word a word is a typo of is ("diffrent", "actualy"): the
 * class of the most common word one edit away (a letter missing, extra, wrong, or
 * two swapped), 0 when none is. For weighing words only (see weightClass) — never
 * for correcting them: "certifcate" must still become the FAQ's "certificat".
 */
function typoClass(word: string): number {
  if (word.length < 5 || !/^[a-z]+$/.test(word)) return 0;
  if (!classes) {
    classes = new Map();
    MCP_FAQ_WORDS.forEach((words, i) => {
      for (const w of words.trim().split(' ')) if (!classes!.has(w)) classes!.set(w, i + 1);
    });
  }
  let best = 0;
  const consider = (candidate: string) => {
    const c = classes!.get(candidate);
    if (c !== undefined && (best === 0 || c < best)) best = c;
  };
  for (let i = 0; i <= word.length; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (i < word.length) consider(head + tail.slice(1)); // a letter too many
    if (i < word.length - 1) consider(head + tail[1]! + tail[0]! + tail.slice(2)); // two swapped
    for (let code = 97; code <= 122; code++) {
      const letter = String.fromCharCode(code);
      consider(head + letter + tail); // a letter missing
      if (i < word.length) consider(head + letter + tail.slice(1)); // a wrong letter
    }
  }
  return best;
}

/** The most common word that starts with `prefix`, if a common word does. */
export function commonWordStarting(prefix: string): string | undefined {
  for (const words of MCP_FAQ_WORDS) {
    const at = words.indexOf(` ${prefix}`);
    if (at >= 0) return words.slice(at + 1, words.indexOf(' ', at + 1));
  }
  return undefined;
}
