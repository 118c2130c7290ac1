// The search index of a FAQ: for every index term (a word stem, or a glossary notion
// `~N`), the entries that contain it and where (question, category, answer); every
// word the search knows, with its stem; and how common the known words are in
// general. Two forms of it: BuiltIndex, made here from a FAQ (at build time for the
// bundled FAQ, at run time for another), and PackedIndex, the bundled one as the
// build embeds it in dist/search.js: a few long strings, looked up in place rather
// than unpacked, so that a search starts without building thousands of objects.

import type { Faq } from '../faq.js';
import { Analyzer, conceptTerm, type Lexicon, type Stemmer } from '../glossary.js';
import { markdownWords } from './snippet.js';

/** Where a term occurs in an entry: the low bits of a posting. */
export const QUESTION = 1;
export const CATEGORY = 2;
export const ANSWER = 4;
const FIELD_BITS = 3;

export const entryOf = (posting: number): number => posting >>> FIELD_BITS;
export const fieldsOf = (posting: number): number => posting & ((1 << FIELD_BITS) - 1);

export interface SearchIndex {
  readonly lexicon: Lexicon;
  /** Entry ids, in FAQ order: entry number n is ids[n]. */
  readonly ids: readonly string[];
  /** How many distinct words each entry's question has: of two equal matches, the shorter question is more to the point. */
  readonly questionLengths: readonly number[];
  /** The stem of a word the search knows (of the FAQ or of the lexicon, not a stop word), or undefined. */
  stem(word: string): string | undefined;
  /**
   * Where a term occurs: one posting per entry that contains it, in entry order,
   * entry number << 3 | where (QUESTION, CATEGORY, ANSWER bits). The question field
   * also holds the table of contents' wording.
   */
  postings(term: string): readonly number[];
  /** How common a known word is in general (frequency class 1–4, see fuzzy.ts), 0 if not or if unknown. */
  frequencyClass(word: string): number;
  /** Every known word, in alphabetical order. */
  words(): string[];
}

const NONE: readonly number[] = [];

/** An index made from a FAQ (see buildIndex), its tables in maps. */
export class BuiltIndex implements SearchIndex {
  constructor(
    readonly lexicon: Lexicon,
    readonly ids: readonly string[],
    readonly questionLengths: readonly number[],
    readonly stems: Map<string, string>,
    readonly table: Map<string, number[]>,
    /** fuzzy.ts's frequencyClass. */
    private readonly classOf: (word: string) => number,
  ) {}

  stem(word: string): string | undefined {
    return this.stems.get(word);
  }

  postings(term: string): readonly number[] {
    return this.table.get(term) ?? NONE;
  }

  frequencyClass(word: string): number {
    return this.stems.has(word) ? this.classOf(word) : 0;
  }

  words(): string[] {
    return [...this.stems.keys()].sort();
  }
}

/** Indexes a FAQ with a lexicon; `stem` and `frequencyClass` are fuzzy.ts's. */
export function buildIndex(faq: Faq, lexicon: Lexicon, stem: Stemmer, frequencyClass: (word: string) => number = () => 0): BuiltIndex {
  const analyzer = new Analyzer(lexicon, stem);
  const table = new Map<string, number[]>();
  const stems = new Map<string, string>();
  const questionLengths: number[] = [];
  /** Records that entry n has the term at `bit`; whether it had not yet. */
  const post = (term: string, n: number, bit: number): boolean => {
    const list = table.get(term);
    if (!list) table.set(term, [(n << FIELD_BITS) | bit]);
    else if (entryOf(list[list.length - 1]!) !== n) list.push((n << FIELD_BITS) | bit);
    else if (list[list.length - 1]! & bit) return false;
    else list[list.length - 1]! |= bit;
    return true;
  };
  /**
   * Posts the index terms of a text (see Analyzer.indexTerms) for entry n at `bit`;
   * returns how many of its word stems the entry had not yet there. (A loop rather
   * than indexTerms' callback: the index posts millions of terms.)
   */
  const postText = (text: string, n: number, bit: number): number => {
    const words = analyzer.words(text);
    let added = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (!w.stop && post(w.stem, n, bit)) added++;
      if (w.keyed) for (const m of analyzer.phrasesAt(words, i)) for (const c of m.concepts) post(conceptTerm(c), n, bit);
    }
    return added;
  };
  const categories = new Map<string, string[]>();
  faq.entries.forEach((e, n) => {
    questionLengths.push(postText(e.toc ? `${e.question}\n${e.toc}` : e.question, n, QUESTION));
    let category = categories.get(e.category);
    if (!category) {
      const terms = new Set<string>();
      analyzer.indexTerms(analyzer.words(e.category), (t) => terms.add(t));
      categories.set(e.category, (category = [...terms]));
    }
    for (const t of category) post(t, n, CATEGORY);
    postText(markdownWords(e.answer), n, ANSWER);
  });
  // The known words: those of the FAQ and of the glossary, with their stems.
  for (const phrase of lexicon.phrases) analyzer.words(phrase);
  for (const w of analyzer.known()) if (!w.stop) stems.set(w.word, w.stem);
  return new BuiltIndex(
    lexicon,
    faq.entries.map((e) => e.id),
    questionLengths,
    stems,
    table,
    frequencyClass,
  );
}

/** The index as the build embeds it for the bundled FAQ (as JSON, see PackedIndex). */
export interface IndexData {
  lexicon: Lexicon;
  ids: string[];
  questionLengths: number[];
  /** Known words, alphabetical, between spaces. */
  words: string;
  /** The known words that are not their own stem, each `word>stem`, between spaces. */
  stems: string;
  /** A line per term, each `term posting,posting…`, between newlines. */
  postings: string;
  /** Per frequency class (1 first), its known words between spaces. */
  classes: string[];
}

export function indexData(index: BuiltIndex): IndexData {
  const words = index.words();
  const stems = words.filter((w) => index.stems.get(w) !== w).map((w) => `${w}>${index.stems.get(w)}`);
  const postings = [...index.table].map(([t, list]) => `${t} ${list.join(',')}`);
  const classes = [1, 2, 3, 4].map((c) => ` ${words.filter((w) => index.frequencyClass(w) === c).join(' ')} `);
  return {
    lexicon: index.lexicon,
    ids: [...index.ids],
    questionLengths: [...index.questionLengths],
    words: ` ${words.join(' ')} `,
    stems: ` ${stems.join(' ')} `,
    postings: `\n${postings.join('\n')}\n`,
    classes,
  };
}

/**
 * Where `entry` (a word and what follows it) starts a space-separated item of `list`,
 * or -1. (Searched from its first letter, which few items share, not from the space
 * before it, which all have.)
 */
function wordAt(list: string, entry: string): number {
  for (let at = list.indexOf(entry); at >= 0; at = list.indexOf(entry, at + 1)) if (list.charCodeAt(at - 1) === 32) return at;
  return -1;
}

/** The bundled FAQ's index, looked up in the strings of its IndexData. */
export class PackedIndex implements SearchIndex {
  readonly lexicon: Lexicon;
  readonly ids: readonly string[];
  readonly questionLengths: readonly number[];
  private readonly data: IndexData;
  private readonly parsed = new Map<string, readonly number[]>();

  constructor(json: string) {
    this.data = JSON.parse(json) as IndexData;
    ({ lexicon: this.lexicon, ids: this.ids, questionLengths: this.questionLengths } = this.data);
  }

  stem(word: string): string | undefined {
    const { words, stems } = this.data;
    const at = wordAt(stems, `${word}>`);
    if (at >= 0) return stems.slice(at + word.length + 1, stems.indexOf(' ', at));
    return wordAt(words, `${word} `) >= 0 ? word : undefined;
  }

  postings(term: string): readonly number[] {
    let list = this.parsed.get(term);
    if (list === undefined) {
      const { postings } = this.data;
      const at = postings.indexOf(`\n${term} `);
      list =
        at < 0
          ? NONE
          : postings
              .slice(at + term.length + 2, postings.indexOf('\n', at + 1))
              .split(',')
              .map(Number);
      this.parsed.set(term, list);
    }
    return list;
  }

  frequencyClass(word: string): number {
    return this.data.classes.findIndex((words) => wordAt(words, `${word} `) >= 0) + 1;
  }

  words(): string[] {
    return this.data.words.trim().split(' ');
  }
}
