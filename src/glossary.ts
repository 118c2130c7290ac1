// The search vocabulary: stop words and the glossary of equivalent expressions (the
// data lives in faq/stopwords.txt and faq/glossary.txt, whose headers document the
// format), compiled into a Lexicon, and the analysis that turns a text into the
// terms the search engine compares: word stems, and glossary notions ("concepts")
// written `~N` where N is the notion's line in the compiled glossary.

import { FaqError } from './errors.js';
import { stem, tokenize, type Token } from './text.js';

export interface Lexicon {
  /** Folded stop words. */
  stop: string[];
  /** One weight per notion (1, or 0.5 for a "(faible)" line). */
  weights: number[];
  /** A readable label per notion (its first expression), for debugging. */
  labels: string[];
  /** Every expression: its folded words, their stems, and the notions it belongs to. */
  phrases: { words: string[]; stems: string[]; concepts: number[] }[];
}

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
export function compileLexicon(glossary: string, stopwords: string, source = 'glossary.txt'): Lexicon {
  const stop = [...new Set(stripComments(stopwords).flatMap((l) => tokenize(l).map((t) => t.word)))];
  const lexicon: Lexicon = { stop, weights: [], labels: [], phrases: [] };
  const byKey = new Map<string, Lexicon['phrases'][number]>();
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
      const words = tokenize(expression).map((t) => t.word);
      const key = words.join(' ');
      const known = byKey.get(key);
      if (known) {
        if (!known.concepts.includes(concept)) known.concepts.push(concept);
        continue;
      }
      const phrase = { words, stems: words.map(stem), concepts: [concept] };
      byKey.set(key, phrase);
      lexicon.phrases.push(phrase);
    }
  });
  return lexicon;
}

function stripComments(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.replace(/#.*/, ''));
}

/** Turns texts into terms, with the lexicon's stop words and expressions. */
export class Analyzer {
  private readonly stop: Set<string>;
  private readonly phrasesByKey = new Map<string, { phrase: Lexicon['phrases'][number]; from: number }[]>();

  constructor(readonly lexicon: Lexicon) {
    this.stop = new Set(lexicon.stop);
    for (const phrase of lexicon.phrases) {
      // An expression is looked up by its first word that is not a stop word
      // ("se connecter" by "connecter"), or by its first word when all are.
      const k = Math.max(0, phrase.words.findIndex((w) => !this.stop.has(w)));
      const key = Analyzer.key(phrase.words[k]!, phrase.stems[k]!);
      const list = this.phrasesByKey.get(key) ?? [];
      list.push({ phrase, from: k });
      this.phrasesByKey.set(key, list);
    }
    for (const list of this.phrasesByKey.values()) list.sort((a, b) => b.phrase.words.length - a.phrase.words.length);
  }

  // Long words compare by stem, short ones exactly: "certificats" = "certificat",
  // but "not" ≠ "notes" although both stem to "not".
  private static key(word: string, wordStem: string): string {
    return word.length > 4 ? `s:${wordStem}` : `w:${word}`;
  }

  private static same(word: string, wordStem: string, t: Term): boolean {
    return word === t.word || (word.length > 4 && t.word.length > 4 && wordStem === t.stem);
  }

  isStop(word: string): boolean {
    return this.stop.has(word);
  }

  terms(text: string): Term[] {
    return tokenize(text).map((t) => this.term(t));
  }

  term(token: Token): Term {
    return { ...token, stem: stem(token.word), stop: this.stop.has(token.word) };
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
    for (const { phrase, from } of this.phrasesByKey.get(Analyzer.key(first.word, first.stem)) ?? []) {
      const { words, stems } = phrase;
      const exact = words.every((w) => this.stop.has(w));
      let j = i;
      let k = from;
      while (k < words.length) {
        const t = terms[j];
        if (t && Analyzer.same(words[k]!, stems[k]!, t)) {
          j++;
          k++;
        } else if (!exact && this.stop.has(words[k]!)) k++;
        else if (!exact && t?.stop && j > i) j++;
        else break;
      }
      if (k === words.length) {
        while (j > i + 1 && terms[j - 1]!.stop && !words.includes(terms[j - 1]!.word)) j--;
        found.push({ start: i, end: j, concepts: phrase.concepts });
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
