// The search vocabulary: stop words and the glossary of equivalent expressions (the
// data lives in faq/stopwords.txt and faq/glossary.txt, whose headers document the
// format), compiled into a Lexicon, and the analysis that turns a text into the
// terms the search engine compares: word stems, and glossary notions ("concepts")
// written `~N` where N is the notion's line in the compiled glossary.

import { FaqError } from './errors.js';
import { tokenize, type Token } from './text.js';

export interface Lexicon {
  /** Folded stop words. */
  stop: string[];
  /** One weight per notion (1, or 0.5 for a "(faible)" line). */
  weights: number[];
  /** A readable label per notion (its first expression), for debugging. */
  labels: string[];
  /** Every expression, as its folded words joined by spaces… */
  phrases: string[];
  /** …and the notions it belongs to, comma-separated. */
  concepts: string[];
  /**
   * Expressions by the key of their first significant word (see wordKey), longest
   * first, comma-separated. (Strings rather than arrays: the bundled index is parsed
   * at every search, and a few hundred small arrays cost more than they save.)
   */
  byKey: Record<string, string>;
}

/** An expression, ready to match. */
interface Phrase {
  words: string[];
  stems: string[];
  concepts: number[];
  /** Index of its first word that is not a stop word (0 when all are). */
  from: number;
  /** Made of stop words only ("what is"): must match exactly. */
  exact: boolean;
}

/** Reduces a folded word to its stem (fuzzy.ts has the real one). */
export type Stemmer = (word: string) => string;

/** A word of an analysed text. */
export interface Term extends Token {
  stem: string;
  stop: boolean;
}

/** A glossary expression found in a text: tokens [start, end) and its notions. */
export interface PhraseMatch {
  start: number;
  end: number;
  concepts: number[];
}

const WEAK = /^\(faible\)\s*/i;

/** Parses faq/glossary.txt and faq/stopwords.txt; `source` names them in errors. */
export function compileLexicon(glossary: string, stopwords: string, stem: Stemmer, source = 'glossary.txt'): Lexicon {
  const stop = [...new Set(stripComments(stopwords).flatMap((l) => tokenize(l).map((t) => t.word)))];
  const lexicon: Lexicon = { stop, weights: [], labels: [], phrases: [], concepts: [], byKey: {} };
  const concepts: number[][] = [];
  const byKey: Record<string, number[]> = {};
  const seen = new Map<string, number>();
  stripComments(glossary).forEach((line, index) => {
    if (!line.trim()) return;
    const weak = WEAK.test(line);
    const expressions = line.replace(WEAK, '').split('|').map((e) => e.trim());
    if (expressions.some((e) => tokenize(e).length === 0)) {
      throw new FaqError('input', `${source}:${index + 1}: expression vide dans « ${line.trim()} »`);
    }
    const concept = lexicon.weights.length;
    lexicon.weights.push(weak ? 0.5 : 1);
    lexicon.labels.push(expressions[0]!);
    for (const expression of expressions) {
      const words = tokenize(expression).map((t) => t.word).join(' ');
      const known = seen.get(words);
      if (known !== undefined) {
        if (!concepts[known]!.includes(concept)) concepts[known]!.push(concept);
        continue;
      }
      seen.set(words, lexicon.phrases.length);
      lexicon.phrases.push(words);
      concepts.push([concept]);
    }
  });
  lexicon.concepts = concepts.map((c) => c.join(','));
  const analyzer = new Analyzer(lexicon, stem);
  lexicon.phrases.forEach((_, p) => {
    const { words, stems, from } = analyzer.phrase(p);
    (byKey[wordKey(words[from]!, stems[from]!)] ??= []).push(p);
  });
  const length = (p: number) => lexicon.phrases[p]!.split(' ').length;
  for (const [key, list] of Object.entries(byKey)) lexicon.byKey[key] = list.sort((a, b) => length(b) - length(a)).join(',');
  return lexicon;
}

// Long words compare by stem, short ones exactly: "certificats" = "certificat",
// but "not" ≠ "notes" although both stem to "not".
const wordKey = (word: string, wordStem: string): string => (word.length > 4 ? `s:${wordStem}` : `w:${word}`);

const sameWord = (word: string, wordStem: string, t: Term): boolean =>
  word === t.word || (word.length > 4 && t.word.length > 4 && wordStem === t.stem);

function stripComments(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.replace(/#.*/, ''));
}

/** Turns texts into terms, with the lexicon's stop words and expressions. */
export class Analyzer {
  private readonly stop: Set<string>;
  /** Stems computed here, for words that `known` does not have. */
  private readonly stems = new Map<string, string>();
  private readonly parsed: Phrase[] = [];

  /**
   * `stemmer` stems the words `known` does not have (precomputed stems, "" for a word
   * that is its own stem: see SearchIndex.stems); its results are kept.
   */
  constructor(
    readonly lexicon: Lexicon,
    private readonly stemmer: Stemmer,
    private readonly known: Record<string, string> = {},
  ) {
    this.stop = new Set(lexicon.stop);
  }

  isStop(word: string): boolean {
    return this.stop.has(word);
  }

  terms(text: string): Term[] {
    return tokenize(text).map((t) => this.term(t));
  }

  term(token: Token): Term {
    const stop = this.stop.has(token.word);
    // A stop word is its own stem: it only ever matches inside an expression, as itself.
    return { ...token, stem: stop ? token.word : this.stem(token.word), stop };
  }

  private stem(word: string): string {
    if (Object.hasOwn(this.known, word)) return this.known[word] || word;
    let s = this.stems.get(word);
    if (s === undefined) this.stems.set(word, (s = this.stemmer(word)));
    return s;
  }

  /** Whether the word's stem is known without the stemmer. */
  knows(word: string): boolean {
    return Object.hasOwn(this.known, word) || this.stems.has(word);
  }

  /** Expression number p, ready to match (made on first use). */
  phrase(p: number): Phrase {
    let phrase = this.parsed[p];
    if (!phrase) {
      const words = this.lexicon.phrases[p]!.split(' ');
      // An expression is looked up by its first word that is not a stop word
      // ("se connecter" by "connecter"), or by its first word when all are.
      const from = Math.max(0, words.findIndex((w) => !this.stop.has(w)));
      const stems = words.map((w) => (this.stop.has(w) ? w : this.stem(w)));
      const concepts = this.lexicon.concepts[p]!.split(',').map(Number);
      phrase = { words, stems, concepts, from, exact: words.every((w) => this.stop.has(w)) };
      this.parsed[p] = phrase;
    }
    return phrase;
  }

  /**
   * Every glossary expression whose first significant word is terms[i], longest
   * first. Stop words are loose: the expression's own may be missing from the text
   * and the text may have others in between, so "historique d'examens" matches
   * "historique des examens" and "mot passe" matches "mot de passe". An expression
   * made of stop words only ("what is", "qu'est-ce que") must match exactly.
   */
  phrasesAt(terms: Term[], i: number): PhraseMatch[] {
    const first = terms[i]!;
    const found: PhraseMatch[] = [];
    const { byKey } = this.lexicon;
    const key = wordKey(first.word, first.stem);
    if (!Object.hasOwn(byKey, key)) return found;
    for (const p of byKey[key]!.split(',')) {
      const { words, stems, concepts, from, exact } = this.phrase(Number(p));
      let j = i;
      let k = from;
      while (k < words.length) {
        const t = terms[j];
        if (t && sameWord(words[k]!, stems[k]!, t)) {
          j++;
          k++;
        } else if (!exact && this.stop.has(words[k]!)) k++;
        else if (!exact && t?.stop && j > i) j++;
        else break;
      }
      if (k === words.length) {
        while (j > i + 1 && terms[j - 1]!.stop && !words.includes(terms[j - 1]!.word)) j--;
        found.push({ start: i, end: j, concepts });
      }
    }
    return found.sort((a, b) => b.end - a.end);
  }

  /**
   * The index terms of a text: the stem of every word that is not a stop word, and
   * the notion of every glossary expression it contains, overlapping ones included
   * ("annuler le lien" is an unlinking and a link).
   */
  indexTerms(text: string): Set<string> {
    const terms = this.terms(text);
    const out = new Set<string>();
    terms.forEach((t, i) => {
      if (!t.stop) out.add(t.stem);
      for (const m of this.phrasesAt(terms, i)) for (const c of m.concepts) out.add(conceptTerm(c));
    });
    return out;
  }

  /** The longest expressions at terms[i] (several when they have the same extent). */
  longestAt(terms: Term[], i: number): PhraseMatch[] {
    const matches = this.phrasesAt(terms, i);
    return matches.filter((m) => m.end === matches[0]!.end);
  }
}

export const conceptTerm = (concept: number): string => `~${concept}`;
