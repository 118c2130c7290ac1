// The search index of a FAQ: for every index term (a word stem, or a glossary notion
// `~N`), the entries that contain it and where (question, category, answer); and
// every word the search knows, with its stem. The bundled FAQ's index is built at
// build time and embedded in dist/search.js as compact text (see serializeIndex);
// another FAQ's is built when it is searched.

import type { Faq } from '../faq.js';
import { Analyzer, type Lexicon, type Stemmer } from '../glossary.js';
import { markdownToPlain } from './snippet.js';

/** Where a term occurs in an entry: the low bits of a posting. */
export const QUESTION = 1;
export const CATEGORY = 2;
export const ANSWER = 4;
const FIELD_BITS = 3;

export interface SearchIndex {
  lexicon: Lexicon;
  /** Entry ids, in FAQ order: entry number n is ids[n]. */
  ids: string[];
  /** Every word of the FAQ and of the lexicon but stop words (the words the search knows) → its stem. */
  stems: Map<string, string>;
  /**
   * Index term → its postings, one per entry that contains it, in entry order:
   * entry number << 3 | where (QUESTION, CATEGORY, ANSWER bits). The question field
   * also holds the table of contents' wording.
   */
  postings: Map<string, number[]>;
  /** How many distinct words (stems) each entry's question has: of two equal matches, the shorter question is more to the point. */
  questionLengths: number[];
  /**
   * How common the known words are in general (frequency classes 1–4, see fuzzy.ts
   * frequencyClass): what a query word weighs when no question has it. Words of no
   * class are not listed.
   */
  classes: Map<string, number>;
}

export const entryOf = (posting: number): number => posting >>> FIELD_BITS;
export const fieldsOf = (posting: number): number => posting & ((1 << FIELD_BITS) - 1);

/** Indexes a FAQ with a lexicon; `stem` and `frequencyClass` are fuzzy.ts's. */
export function buildIndex(faq: Faq, lexicon: Lexicon, stem: Stemmer, frequencyClass: (word: string) => number = () => 0): SearchIndex {
  const analyzer = new Analyzer(lexicon, stem);
  const postings = new Map<string, number[]>();
  const categoryTerms = new Map<string, Set<string>>();
  const stems = new Map<string, string>();
  const questionLengths: number[] = [];
  const learn = (text: string) => {
    for (const t of analyzer.terms(text)) if (!t.stop) stems.set(t.word, t.stem);
  };
  faq.entries.forEach((e, n) => {
    const question = e.toc ? `${e.question}\n${e.toc}` : e.question;
    const answer = markdownToPlain(e.answer);
    learn(question);
    learn(answer);
    let category = categoryTerms.get(e.category);
    if (!category) {
      learn(e.category);
      categoryTerms.set(e.category, (category = analyzer.indexTerms(e.category)));
    }
    const where = new Map<string, number>();
    const add = (terms: Set<string>, bit: number) => {
      for (const t of terms) where.set(t, (where.get(t) ?? 0) | bit);
    };
    const questionTerms = analyzer.indexTerms(question);
    questionLengths.push([...questionTerms].filter((t) => !t.startsWith('~')).length);
    add(questionTerms, QUESTION);
    add(category, CATEGORY);
    add(analyzer.indexTerms(answer), ANSWER);
    for (const [term, bits] of where) {
      const list = postings.get(term);
      if (list) list.push((n << FIELD_BITS) | bits);
      else postings.set(term, [(n << FIELD_BITS) | bits]);
    }
  });
  lexicon.phrases.forEach(learn);
  const classes = new Map<string, number>();
  for (const word of stems.keys()) {
    const c = frequencyClass(word);
    if (c > 0) classes.set(word, c);
  }
  return { lexicon, ids: faq.entries.map((e) => e.id), stems, postings, questionLengths, classes };
}

/**
 * The index as the build embeds it for the bundled FAQ (as JSON): its maps as a few
 * long strings, which parse much faster than thousands of small arrays and objects.
 */
export interface IndexData {
  lexicon: Lexicon;
  ids: string[];
  /** Space-separated words, each `word>stem`, or `word` when it is its own stem. */
  words: string;
  /** A line per term: the term, a space, its postings comma-separated. */
  postings: string;
  /** Comma-separated. */
  questionLengths: string;
  /** Space-separated words, each followed by its class digit. */
  classes: string;
}

export function indexData(index: SearchIndex): IndexData {
  const words = [...index.stems].map(([w, s]) => (s === w ? w : `${w}>${s}`));
  const postings = [...index.postings].map(([t, list]) => `${t} ${list.join(',')}`);
  const classes = [...index.classes].map(([w, c]) => `${w}${c}`);
  return {
    lexicon: index.lexicon,
    ids: index.ids,
    words: words.join(' '),
    postings: postings.join('\n'),
    questionLengths: index.questionLengths.join(','),
    classes: classes.join(' '),
  };
}

/** The index of JSON text made from indexData(). */
export function parseIndex(json: string): SearchIndex {
  const data = JSON.parse(json) as IndexData;
  const stems = new Map<string, string>();
  for (const w of data.words.split(' ')) {
    const at = w.indexOf('>');
    if (at < 0) stems.set(w, w);
    else stems.set(w.slice(0, at), w.slice(at + 1));
  }
  const postings = new Map<string, number[]>();
  for (const line of data.postings.split('\n')) {
    const at = line.indexOf(' ');
    postings.set(line.slice(0, at), line.slice(at + 1).split(',').map(Number));
  }
  const classes = new Map<string, number>();
  if (data.classes) for (const w of data.classes.split(' ')) classes.set(w.slice(0, -1), Number(w.slice(-1)));
  return { lexicon: data.lexicon, ids: data.ids, stems, postings, questionLengths: data.questionLengths.split(',').map(Number), classes };
}
