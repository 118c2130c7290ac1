// The search engine (dist/search.js, loaded by the commands that search). A query goes
// through a pipeline of stages, each a pure function in src/search/:
//   1. clean     (clean.ts)    no control characters, bounded length;
//   2. analyse   (text.ts)     words, folded (case, accents);
//   3. correct   (correct.ts)  unknown words split ("changeemail") or corrected
//                              ("fusioner"); the finder's unfinished last word completed;
//                              an unaccented "ou" read as "où" (where) or "or";
//   4. units     (units.ts)    glossary expressions become notions, other words stems;
//                              each unit weighs what it says (rarity in the FAQ, or in
//                              general for words the FAQ does not use; off-topic notions);
//   5. score     (score.ts)    per entry: score, coverage, coverage by its question;
//   6. cut-off   (score.ts)    the answers, or else a few guesses;
//   7. snippets  (snippet.ts)  the part of each answer that matched.
// The index (indexing.ts) is built at build time for the bundled FAQ, and here for
// another FAQ. fuzzy.ts (the stemmer, the general word frequencies) is loaded by the
// factory's loader, only for FAQs other than the bundled one and for queries with
// words the search does not know.

import type { DataCache } from './faq-cache.js';
import type { Faq } from './faq.js';
import { Analyzer } from './glossary.js';
import { cleanQuery } from './search/clean.js';
import { correctWords, KnownWords, readOu, type WordSense } from './search/correct.js';
import { PackedIndex, type IndexData, type SearchIndex } from './search/indexing.js';
import { cutOff, scoreEntries, type Signals } from './search/score.js';
import { answerWords, markdownToPlain, snippet, type AnswerWords, type Snippet } from './search/snippet.js';
import { queryUnits, weighUnits } from './search/units.js';
import { hasDigit, tokenize } from './text.js';

export type { SearchIndex, Snippet };

export interface SearchResult {
  id: string;
  /** Relevance in [0, 1]: 1 when every meaningful word of the query is in the question (see score.ts). */
  score: number;
  /** Share of the query's weight the entry matches, in [0, 1]. */
  coverage: number;
  snippet: Snippet;
}

export interface SearchOutcome {
  /** The answers, best first: what every command shows. */
  results: SearchResult[];
  /** When there is no answer, up to three entries that came close, best first: hints, never answers. */
  guesses: SearchResult[];
}

export interface SearchOptions {
  /** At most this many results (default 5). */
  limit?: number;
  /** Compute snippets (default true; JSON output has no use for them). */
  snippets?: boolean;
  /** Treat the last word as unfinished (interactive finder): it matches the words it starts. */
  prefix?: boolean;
}

/** fuzzy.ts: what the search needs for words it does not know. */
export type Tools = typeof import('./fuzzy.js');

// Replaced by the build (and the test set-up) with the bundled FAQ's index (indexData()),
// and its answers analysed for snippets (each AnswerWords as JSON text, parsed when quoted).
declare const MCP_FAQ_INDEX: IndexData;
declare const MCP_FAQ_ANSWERS: string[];

let bundledIndex: SearchIndex | undefined;
let tools: Promise<Tools> | undefined;
const loadTools = (): Promise<Tools> => (tools ??= import('./fuzzy.js'));

/**
 * A searcher over the bundled FAQ's prebuilt index, or over another FAQ's (see
 * faq-file.ts indexFaqFile: read from `cache`, or else indexed now with the bundled
 * lexicon and saved there). fuzzy.ts loads here, to index another FAQ, or later, for
 * the first query with words the search does not know.
 */
export async function searcherFor(faq: Faq, bundled: boolean, cache?: DataCache): Promise<Searcher> {
  bundledIndex ??= new PackedIndex(MCP_FAQ_INDEX);
  if (bundled) return new Searcher(bundledIndex, faq, loadTools, MCP_FAQ_ANSWERS);
  const [tools, { indexFaqFile }] = await Promise.all([loadTools(), import('./faq-file.js')]);
  return new Searcher(indexFaqFile(faq, bundledIndex.lexicon, tools, cache), faq, loadTools);
}

const NO_SNIPPET: Snippet = { text: '', marks: [] };

/** A search engine over one indexed FAQ; build it once per process (see searcherFor). */
export class Searcher {
  private readonly analyzer: Analyzer;
  private tools?: Tools;
  private known?: KnownWords;

  /**
   * `faq`: the indexed FAQ, whose answers give the snippets; `load`: loads fuzzy.ts;
   * `answers`: the answers analysed for snippets (or their JSON text), when made beforehand (the bundled
   * FAQ's, at build time); otherwise each is analysed on first use.
   */
  constructor(
    private readonly index: SearchIndex,
    private readonly faq: Faq,
    private readonly load: () => Promise<Tools>,
    private readonly answers: (AnswerWords | string | undefined)[] = [],
  ) {
    this.analyzer = new Analyzer(index.lexicon, (word) => index.stem(word) ?? this.stemUnknown(word));
  }

  /** The answers to a query, best first, or guesses (see SearchOutcome). */
  async search(query: string, options: SearchOptions = {}): Promise<SearchOutcome> {
    const { limit = 5, snippets = true, prefix = false } = options;
    const text = cleanQuery(query);
    const tokens = tokenize(text);
    if (!this.tools && tokens.some((t) => needsTools(t.word, this.index, this.analyzer))) this.tools = await this.load();
    const words = correctWords(readOu(tokens, text), this.sense(), prefix ? { at: text.length } : undefined);
    const units = queryUnits(words, this.analyzer);
    weighUnits(
      units,
      this.index,
      (word) => classToWeigh(word, this.index, this.analyzer, this.tools),
      words.map((w) => w.word),
    );
    const { results, guesses } = cutOff(scoreEntries(units, this.index), units, this.index);
    const terms = new Set(units.flatMap((u) => [...u.alts.keys()]));
    const result = (s: Signals): SearchResult => {
      const r = { id: this.index.ids[s.entry]!, score: round(s.score), coverage: round(s.coverage), snippet: NO_SNIPPET };
      if (!snippets) return r;
      // Made when read: the finder asks for every result, and shows a screenful.
      let made: Snippet | undefined;
      return Object.defineProperty(r, 'snippet', {
        get: () => (made ??= snippet(this.answerWords(s.entry), terms)),
        enumerable: true,
      });
    };
    return { results: results.slice(0, Math.max(0, limit)).map(result), guesses: guesses.map(result) };
  }

  /** Entry number `entry`'s answer, analysed for snippets. */
  private answerWords(entry: number): AnswerWords {
    const known = this.answers[entry];
    if (typeof known === 'string') return (this.answers[entry] = JSON.parse(known) as AnswerWords);
    return (this.answers[entry] = known ?? answerWords(markdownToPlain(this.faq.entries[entry]!.answer), this.analyzer));
  }

  private stemUnknown(word: string): string {
    if (word.length <= 3 || hasDigit(word)) return word;
    if (!this.tools) throw new Error(`fuzzy.js is needed to stem « ${word} » but is not loaded`);
    return this.tools.stem(word);
  }

  private sense(): WordSense {
    return {
      isKnown: (word) => this.index.stem(word) !== undefined,
      knownWords: () => (this.known ??= new KnownWords(this.index.words())),
      isStop: (word) => this.analyzer.isStop(word),
      frequencyClass: (word) => this.tools?.frequencyClass(word) ?? 0,
      commonWordStarting: (prefix) => this.tools?.commonWordStarting(prefix),
    };
  }
}

/** A word that needs fuzzy.ts: to stem it, weigh it, or correct it. */
const needsTools = (word: string, index: SearchIndex, analyzer: Analyzer): boolean =>
  word.length >= 3 && !hasDigit(word) && !analyzer.isStop(word) && index.stem(word) === undefined;

/**
 * How common a query's word is, to weigh it (see weightClass in fuzzy.ts): a word the
 * index knows has the class the index keeps for it (0 for a word it does not know);
 * one that needs fuzzy.ts (loaded by then), the class it gives; any other, none. So a
 * query weighs the same whether an earlier one loaded fuzzy.ts or not (the MCP server
 * answers many).
 */
export const classToWeigh = (word: string, index: SearchIndex, analyzer: Analyzer, tools: Pick<Tools, 'weightClass'> | undefined): number =>
  index.frequencyClass(word) || (needsTools(word, index, analyzer) ? (tools?.weightClass(word) ?? 0) : 0);

const round = (x: number) => Math.round(x * 1000) / 1000;
