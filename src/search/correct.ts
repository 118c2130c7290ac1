// Stage 3 of a search (see search.ts): the query's words that the search does not
// know are mended before they are looked up. A word run together from known words
// is split ("changeemail" → "change email"); a typo is corrected to the nearest known
// word ("fusioner" → "fusionner"); and in a prefix search (the finder), the last,
// unfinished word stands for the known words it starts. A word that is common in
// English or French is left alone: it is not a typo, just a word the FAQ does not use.
// And an unaccented "ou" is read as "où" (where) or as "or" by the words around it.

import { editDistance, hasDigit, type Token } from '../text.js';

/** A query word, after correction. */
export interface QueryWord extends Token {
  /** How well it stands for what the user typed (1 = as typed). */
  quality: number;
  /** The unfinished last word of a prefix search: the known words it may become. */
  completions?: string[];
}

/** What correction knows of words. */
export interface WordSense {
  isKnown(word: string): boolean;
  isStop(word: string): boolean;
  /** The known words, organised for correction (made on first use: most queries need none). */
  knownWords(): KnownWords;
  /** How common a word is in general: 0 when it is not (see fuzzy.ts frequencyClass). */
  frequencyClass(word: string): number;
  /** The most common word that starts with `prefix` (see fuzzy.ts commonWordStarting). */
  commonWordStarting(prefix: string): string | undefined;
}

/** Quality of a word split out of a run-together one… */
const SPLIT_QUALITY = 0.9;
/** …or completed from its start. */
export const COMPLETION_QUALITY = 0.9;

/**
 * Mends the words of a query. `prefix`: the query is being typed, and its last word,
 * when nothing follows it, is unfinished. Otherwise a last word that is neither known
 * nor a typo may have been cut (titles cut at a length are common): it stands for the
 * known words it starts, or else for the most common word it starts ("meth" → method).
 */
export function correctWords(tokens: Token[], sense: WordSense, prefix: { at: number } | undefined): QueryWord[] {
  const out: QueryWord[] = [];
  const last = tokens.length - 1;
  const completionsOf = (start: string) =>
    sense
      .knownWords()
      .completions(start)
      .filter((w) => w !== start && !sense.isStop(w));
  tokens.forEach((t, i) => {
    const word = { ...t, quality: 1 };
    if (prefix && i === last && t.end === prefix.at && t.word.length >= 2) {
      const completions = completionsOf(t.word);
      if (completions.length > 0) {
        out.push({ ...word, completions, quality: sense.isKnown(t.word) ? 1 : COMPLETION_QUALITY });
        return;
      }
    }
    if (isNew(t.word, sense)) {
      if (t.word.length >= 4 && t.word.length <= 32) {
        const parts = sense.knownWords().split(t.word, (w) => sense.isStop(w));
        if (parts) {
          for (const part of parts) out.push({ ...word, word: part, quality: SPLIT_QUALITY });
          return;
        }
        const near = sense.knownWords().nearest(t.word);
        if (near) {
          out.push({ ...word, word: near.word, quality: 1 - (0.6 * near.distance) / t.word.length });
          return;
        }
        // Last, as a typo of a known word is likelier ("copte" is "compte", not c + opte).
        const elided = elision(t.word, sense);
        if (elided) {
          for (const part of elided) out.push({ ...word, word: part, quality: SPLIT_QUALITY });
          return;
        }
      }
      if (i === last && !prefix) {
        const completions = t.word.length >= 3 ? completionsOf(t.word) : [];
        const common = completions.length > 0 ? undefined : sense.commonWordStarting(t.word);
        if (completions.length > 0 || common) {
          out.push({ ...word, ...(common ? { word: common } : { completions }), quality: COMPLETION_QUALITY });
          return;
        }
      }
    }
    out.push(word);
  });
  return out;
}

/** A word that may be a typo, run-together words or cut: unknown, of letters only, and not a common word. */
function isNew(word: string, sense: WordSense): boolean {
  return word.length >= 2 && !sense.isKnown(word) && !sense.isStop(word) && !hasDigit(word) && sense.frequencyClass(word) === 0;
}

/** The French words elided before a vowel, as their one letter: j', l', d', m', t', s', n', c'. */
const ELIDED = new Set('jldmtsnc');

/**
 * A French pronoun or article elided without its apostrophe, as in text messages
 * ("jtrouve" → j, trouve; "jsuis" → j, suis): one of ELIDED, then a word of four
 * letters or more that the search knows, or a stop word, or a common word.
 */
function elision(word: string, sense: WordSense): string[] | undefined {
  const [first, rest] = [word[0]!, word.slice(1)];
  if (rest.length < 4 || !ELIDED.has(first)) return undefined;
  if (sense.isKnown(rest) || sense.isStop(rest) || sense.frequencyClass(rest) > 0) return [first, rest];
  // The rest mistyped, or unaccented: « jaccede » is j' + « accède ».
  const near = sense.knownWords().nearest(rest);
  return near ? [first, near.word] : undefined;
}

/** A set of 26 letters (and one bit for anything else): words a few edits apart differ in few of them. */
function letters(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) - 97;
    mask |= 1 << (c >= 0 && c < 26 ? c : 26);
  }
  return mask;
}

function bitCount(n: number): number {
  let count = 0;
  for (let m = n; m; m &= m - 1) count++;
  return count;
}

/** The words the search knows, organised to find words near a typo, and words a prefix starts. */
export class KnownWords {
  /** `sorted`: the words, in alphabetical order. */
  constructor(private readonly sorted: string[]) {}

  has(word: string): boolean {
    return this.sorted[this.firstAtLeast(word)] === word;
  }

  /** Known words that start with `prefix`, in alphabetical order. */
  completions(prefix: string): string[] {
    const out: string[] = [];
    for (let i = this.firstAtLeast(prefix); i < this.sorted.length && this.sorted[i]!.startsWith(prefix); i++) out.push(this.sorted[i]!);
    return out;
  }

  /** The index of the first word ≥ `word` (binary search). */
  private firstAtLeast(word: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The nearest known word: one edit away (two from nine letters on), an edit being a
   * letter missing, added, replaced, or two swapped. In a word of four letters, only
   * a missing letter is corrected ("pase" → "passe"): a replaced one too often makes
   * another real word ("sert" → "cert"). Words that start with the same letter are
   * tried first (typos rarely touch the first letter), the others only when none is
   * near; of equally near words, the first in alphabetical order wins.
   */
  nearest(word: string): { word: string; distance: number } | undefined {
    const from = this.firstAtLeast(word[0]!);
    let to = from;
    while (to < this.sorted.length && this.sorted[to]![0] === word[0]) to++;
    return this.nearestIn(word, from, to) ?? this.nearestIn(word, 0, this.sorted.length);
  }

  private nearestIn(word: string, from: number, to: number): { word: string; distance: number } | undefined {
    const maxEdits = word.length >= 9 ? 2 : 1;
    const shortest = word.length === 4 ? 5 : word.length - maxEdits;
    const mask = letters(word);
    let best: { word: string; distance: number } | undefined;
    for (let i = from; i < to; i++) {
      const candidate = this.sorted[i]!;
      if (candidate.length < shortest || candidate.length > word.length + maxEdits) continue;
      // Each edit changes at most two letters of the set: a cheap test before the real one.
      if (bitCount(letters(candidate) ^ mask) > 2 * maxEdits) continue;
      const distance = editDistance(word, candidate, maxEdits);
      if (distance <= maxEdits && (!best || distance < best.distance)) best = { word: candidate, distance };
    }
    return best;
  }

  /**
   * A word run together from two or three known words ("changeemail" → change,
   * email; "mdpperdu" → mdp, perdu), or undefined. Parts have three letters or more,
   * but for a stop word in the middle ("motdepasse"); one of them at most is a stop word.
   * Of several splits, the one whose shortest part is longest wins, then the one with
   * fewer parts.
   */
  split(word: string, isStop: (word: string) => boolean): string[] | undefined {
    const known = (part: string) => part.length >= 3 && (this.has(part) || isStop(part));
    const inner = (part: string) => known(part) || (part.length === 2 && isStop(part));
    const shortest = (parts: string[]) => Math.min(...parts.map((p) => p.length));
    let best: string[] | undefined;
    const consider = (parts: string[]) => {
      // Real words, but for one stop word at most ("mot de passe"): « certif ca tes » is a typo of « certificates », not three words.
      if (parts.filter(isStop).length > 1 || parts.every(isStop)) return;
      if (!best || shortest(parts) > shortest(best) || (shortest(parts) === shortest(best) && parts.length < best.length)) best = parts;
    };
    for (let i = 3; i <= word.length - 3; i++) {
      const head = word.slice(0, i);
      if (!known(head)) continue;
      const rest = word.slice(i);
      if (known(rest)) consider([head, rest]);
      for (let j = 2; j <= rest.length - 3; j++) {
        if (inner(rest.slice(0, j)) && known(rest.slice(j))) consider([head, rest.slice(0, j), rest.slice(j)]);
      }
    }
    return best;
  }
}

// After these words an unaccented "ou" asks where ("c'est ou", "par ou", "je sais pas ou")…
const WHERE_AFTER = new Set('est sont c par d sais sait savoir dire idee cherche cherches vois trouve demande'.split(' '));
// …and before these ("ou est", "ou je", "ou trouver").
const WHERE_BEFORE = new Set(
  'est sont je j on se il elle ils elles ca trouver trouve trouves retrouver voir vois voit puis peut peux peuvent aller va telecharger'.split(
    ' ',
  ),
);

/**
 * French typed without accents writes "où" (where) as "ou" (or). An unaccented "ou"
 * is "où" first, last, or next to the words above; anywhere else it is "or", a stop
 * word, and not the form "où" of the glossary ("AZ-900 ou AZ-104", "vide ou corrompu").
 */
export function readOu(tokens: Token[], text: string): Token[] {
  return tokens.map((t, i) => {
    if (t.word !== 'ou' || i === 0 || i === tokens.length - 1 || text.slice(t.start, t.end).toLowerCase() !== 'ou') return t;
    const where = WHERE_AFTER.has(tokens[i - 1]!.word) || WHERE_BEFORE.has(tokens[i + 1]!.word);
    return where ? t : { ...t, word: 'or' };
  });
}
