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
  /**
   * Per entry, the first entry whose answer is the same (itself, nearly always): two
   * entries with one answer (a1 and a5 of the bundled FAQ) do not compete for a query.
   */
  readonly sameAnswer: readonly number[];
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

/** An index made from a FAQ (see buildIndex): its words in a map, its postings in a PostingLog. */
export class BuiltIndex implements SearchIndex {
  /** The postings of the terms asked for, as arrays. */
  private readonly made = new Map<string, readonly number[]>();

  constructor(
    readonly lexicon: Lexicon,
    readonly ids: readonly string[],
    readonly questionLengths: readonly number[],
    readonly sameAnswer: readonly number[],
    readonly stems: Map<string, string>,
    private readonly log: PostingLog,
    /** fuzzy.ts's weightClass. */
    private readonly classOf: (word: string) => number,
  ) {}

  stem(word: string): string | undefined {
    return this.stems.get(word);
  }

  postings(term: string): readonly number[] {
    let list = this.made.get(term);
    if (list === undefined) this.made.set(term, (list = this.log.postings(term) ?? NONE));
    return list;
  }

  /** The index terms, in the order they were first posted. */
  terms(): string[] {
    return [...this.log.terms];
  }

  /** All the postings, as typed arrays (what faq-cache.ts saves). */
  postingArrays(): PostingArrays {
    return this.log.arrays();
  }

  frequencyClass(word: string): number {
    return this.stems.has(word) ? this.classOf(word) : 0;
  }

  words(): string[] {
    return [...this.stems.keys()].sort();
  }
}

/** The postings of an index in two typed arrays: term n's are postings[starts[n], starts[n + 1]). */
export interface PostingArrays {
  terms: string[];
  starts: Int32Array;
  postings: Int32Array;
}

/**
 * The postings of an index, made entry after entry: a log of postings in typed arrays,
 * each linked to its term's previous one, rather than an array per term. (A
 * 10,000-entry FAQ has hundreds of thousands of postings: in arrays that grow one
 * posting at a time, the garbage collector copies them over and over, and its young
 * generation grows to tens of megabytes.) A term's are gathered when first asked for.
 */
class PostingLog {
  /** The terms, in the order they were first posted, and their numbers. */
  readonly terms: string[] = [];
  private readonly numbers = new Map<string, number>();
  /** Per term number, where its last posting is in the log (-1: none). */
  private last: Int32Array = new Int32Array(1024);
  /** The log, [0, size): each posting, and where its term's previous one is (-1: none). */
  private posting: Int32Array;
  private previous: Int32Array;
  private size = 0;

  /** `expected`: about how many postings there will be (the log grows as needed). */
  constructor(expected: number) {
    this.posting = new Int32Array(Math.max(1024, expected));
    this.previous = new Int32Array(this.posting.length);
  }

  /** Records that entry n has the term at `bit` (entries come in order); whether it had not yet. */
  post(term: string, n: number, bit: number): boolean {
    let t = this.numbers.get(term);
    if (t === undefined) {
      t = this.terms.length;
      this.numbers.set(term, t);
      this.terms.push(term);
      if (t === this.last.length) this.last = grown(this.last);
      this.last[t] = -1;
    }
    const at = this.last[t]!;
    if (at >= 0 && entryOf(this.posting[at]!) === n) {
      if (this.posting[at]! & bit) return false;
      this.posting[at]! |= bit;
      return true;
    }
    if (this.size === this.posting.length) [this.posting, this.previous] = [grown(this.posting), grown(this.previous)];
    this.posting[this.size] = (n << FIELD_BITS) | bit;
    this.previous[this.size] = at;
    this.last[t] = this.size++;
    return true;
  }

  /** Every term's postings, in entry order, one term after another (see PostingArrays). */
  arrays(): PostingArrays {
    const starts = new Int32Array(this.terms.length + 1);
    const postings = new Int32Array(this.size);
    let at = 0;
    for (let t = 0; t < this.terms.length; t++) {
      starts[t] = at;
      // Last to first along the links, then turned around.
      for (let p = this.last[t]!; p >= 0; p = this.previous[p]!) postings[at++] = this.posting[p]!;
      postings.subarray(starts[t], at).reverse();
    }
    starts[this.terms.length] = at;
    return { terms: [...this.terms], starts, postings };
  }

  /** A term's postings, in entry order, or undefined when it has none. */
  postings(term: string): number[] | undefined {
    const t = this.numbers.get(term);
    if (t === undefined) return undefined;
    const list: number[] = [];
    for (let at = this.last[t]!; at >= 0; at = this.previous[at]!) list.push(this.posting[at]!);
    return list.reverse();
  }
}

/** A typed array twice as long, with the same start. */
function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(2 * array.length);
  bigger.set(array);
  return bigger;
}

/**
 * What two answers share when they are the same: the whole answer, or what follows a
 * first line that only leads into it (it ends with a colon: "Pour accéder à votre
 * profil…, suivez les étapes ci-dessous :") when two lines or more follow. a1 and a5
 * of the bundled FAQ differ only by such a line. A first line that says something
 * ("Oui, tant qu'elle n'est pas expédiée.") is the answer, whatever follows it.
 */
export function answerKey(answer: string): string {
  const newline = answer.indexOf('\n');
  if (newline < 0 || !answer.slice(0, newline).trimEnd().endsWith(':')) return answer;
  const rest = answer.slice(newline + 1).trim();
  return rest.includes('\n') ? rest : answer;
}

/** Indexes a FAQ with a lexicon; `stem` and `classOf` are fuzzy.ts's stem and weightClass. */
export function buildIndex(faq: Faq, lexicon: Lexicon, stem: Stemmer, classOf: (word: string) => number = () => 0): BuiltIndex {
  const analyzer = new Analyzer(lexicon, stem);
  // About as many postings per entry as this FAQ's questions and answers have words.
  const log = new PostingLog(48 * faq.entries.length);
  const stems = new Map<string, string>();
  const questionLengths: number[] = [];
  const post = (term: string, n: number, bit: number): boolean => log.post(term, n, bit);
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
  const firstWith = new Map<string, number>();
  const sameAnswer: number[] = [];
  faq.entries.forEach((e, n) => {
    questionLengths.push(postText(e.toc ? `${e.question}\n${e.toc}` : e.question, n, QUESTION));
    let category = categories.get(e.category);
    if (!category) {
      const terms = new Set<string>();
      analyzer.indexTerms(analyzer.words(e.category), (t) => terms.add(t));
      categories.set(e.category, (category = [...terms]));
    }
    for (const t of category) post(t, n, CATEGORY);
    const answer = e.answer;
    const key = answerKey(answer);
    if (!firstWith.has(key)) firstWith.set(key, n);
    sameAnswer.push(firstWith.get(key)!);
    postText(markdownWords(answer), n, ANSWER);
  });
  // The known words: those of the FAQ and of the glossary, with their stems.
  for (const phrase of lexicon.phrases.split('\n')) analyzer.words(phrase);
  for (const w of analyzer.known()) if (!w.stop) stems.set(w.word, w.stem);
  return new BuiltIndex(
    lexicon,
    faq.entries.map((e) => e.id),
    questionLengths,
    sameAnswer,
    stems,
    log,
    classOf,
  );
}

/** The index as the build embeds it for the bundled FAQ (as JSON, see PackedIndex). */
export interface IndexData {
  lexicon: Lexicon;
  ids: string[];
  questionLengths: number[];
  sameAnswer: number[];
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
  const postings = index.terms().map((t) => `${t} ${index.postings(t).join(',')}`);
  const classes = [1, 2, 3, 4].map((c) => ` ${words.filter((w) => index.frequencyClass(w) === c).join(' ')} `);
  return { ...wordData(index), postings: `\n${postings.join('\n')}\n`, classes };
}

/**
 * IndexData without its postings (an ArrayIndex has them in typed arrays) and its
 * frequency classes (fuzzy.ts's frequencyClass scans its lists: a few words' classes
 * are quicker to find when asked for than thousands' beforehand).
 */
export function wordData(index: BuiltIndex): IndexData {
  const words = index.words();
  const stems = words.filter((w) => index.stems.get(w) !== w).map((w) => `${w}>${index.stems.get(w)}`);
  return {
    lexicon: index.lexicon,
    ids: [...index.ids],
    questionLengths: [...index.questionLengths],
    sameAnswer: [...index.sameAnswer],
    words: ` ${words.join(' ')} `,
    stems: ` ${stems.join(' ')} `,
    postings: '',
    classes: [],
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
  readonly sameAnswer: readonly number[];
  private readonly data: IndexData;
  private readonly parsed = new Map<string, readonly number[]>();

  constructor(json: string | IndexData) {
    this.data = typeof json === 'string' ? (JSON.parse(json) as IndexData) : json;
    ({ lexicon: this.lexicon, ids: this.ids, questionLengths: this.questionLengths, sameAnswer: this.sameAnswer } = this.data);
  }

  stem(word: string): string | undefined {
    const { words, stems } = this.data;
    const at = wordAt(stems, `${word}>`);
    if (at >= 0) return stems.slice(at + word.length + 1, stems.indexOf(' ', at));
    return wordAt(words, `${word} `) >= 0 ? word : undefined;
  }

  postings(term: string): readonly number[] {
    let list = this.parsed.get(term);
    if (list === undefined) this.parsed.set(term, (list = this.find(term)));
    return list;
  }

  /** A term's postings, read from the data. */
  protected find(term: string): readonly number[] {
    const { postings } = this.data;
    const at = postings.indexOf(`\n${term} `);
    if (at < 0) return NONE;
    return postings
      .slice(at + term.length + 2, postings.indexOf('\n', at + 1))
      .split(',')
      .map(Number);
  }

  frequencyClass(word: string): number {
    return this.data.classes.findIndex((words) => wordAt(words, `${word} `) >= 0) + 1;
  }

  words(): string[] {
    return this.data.words.trim().split(' ');
  }
}

/**
 * A FAQ's index as faq-cache.ts keeps it: its words as in a PackedIndex (see
 * wordData), its postings in typed arrays (see PostingArrays), read in place; the
 * frequency classes of its words asked for, as a BuiltIndex does.
 */
export class ArrayIndex extends PackedIndex {
  private numbers?: Map<string, number>;

  constructor(
    data: IndexData,
    private readonly arrays: PostingArrays,
    /** fuzzy.ts's weightClass. */
    private readonly classOf: (word: string) => number,
  ) {
    super(data);
  }

  override frequencyClass(word: string): number {
    return this.stem(word) === undefined ? 0 : this.classOf(word);
  }

  protected override find(term: string): readonly number[] {
    this.numbers ??= new Map(this.arrays.terms.map((t, n) => [t, n]));
    const n = this.numbers.get(term);
    const { starts, postings } = this.arrays;
    return n === undefined ? NONE : Array.from(postings.subarray(starts[n], starts[n + 1]));
  }
}
