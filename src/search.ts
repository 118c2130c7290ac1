// The search engine: an index built from the FAQ (at build time for the bundled one),
// and a ranked, thresholded search over it.
//
// A query is cut into units, each of which the user means as one thing:
// - a glossary expression ("mot de passe", "sign in", "mdp") becomes its notion,
//   which matches any equivalent expression in the FAQ;
// - any other word that is not a stop word becomes its stem; a word the FAQ and the
//   glossary do not know is first corrected by Fuse.js against their vocabulary
//   (typos: "fusioner" → "fusionner"), then analysed like the others. (Fuse.js and
//   the stemmer are in fuzzy.ts, loaded only for queries with such words.)
// A unit weighs its rarity in the FAQ (BM25 idf; a word the FAQ never uses weighs
// like its rarest), times its notion's weight. An entry scores, for each unit, by
// where the unit appears: in the question (0.8), the category (0.6), the answer
// (0.4), combined like independent chances, so that the answer still counts when
// the question matches. The score is the weighted mean over units, in [0, 1].
// Entries that do not cover enough of the query's weight are dropped: a query about
// something the FAQ does not talk about ("recette de crêpes") finds nothing, rather
// than a weak match dressed up as an answer.

import { entriesById, type Faq } from './faq.js';
import type * as Fuzzy from './fuzzy.js';
import { Analyzer, conceptTerm, type Lexicon, type Stemmer, type Term } from './glossary.js';
import { stripControls, tokenize } from './text.js';

export interface IndexedDoc {
  id: string;
  /** Unique terms of the question (and its table-of-contents wording), the category, the answer. */
  fields: [string[], string[], string[]];
}

export interface SearchIndex {
  lexicon: Lexicon;
  docs: IndexedDoc[];
  /**
   * Every word of the FAQ and the glossary (the words the search knows) and its stem,
   * or "" when the stem is the word itself; searching then stems only the query's new
   * words.
   */
  stems: Record<string, string>;
  /** Terms that few questions (or categories) contain: they can anchor a result (see MIN_COVERAGE_ANCHORED). */
  distinctive: string[];
}

export interface Snippet {
  text: string;
  /** [start, end) offsets of matched words in text. */
  marks: [number, number][];
}

export interface SearchResult {
  id: string;
  /** Relevance in [0, 1]: 1 when every unit of the query is in the question. */
  score: number;
  /** Share of the query's weight the entry matches, in [0, 1]. */
  coverage: number;
  snippet: Snippet;
}

export interface SearchOutcome {
  /** The answers, best first. */
  results: SearchResult[];
  /** When there is no answer: entries that came close (a hint). */
  guesses: SearchResult[];
}

export interface SearchOptions {
  limit?: number;
  /** Compute snippets (default true; JSON output has no use for them). */
  snippets?: boolean;
  /** Treat the last word as unfinished (interactive finder): it matches words it starts. */
  prefix?: boolean;
}

const FIELD_WEIGHTS = [0.8, 0.6, 0.4] as const;
/** An entry must cover this share of the query's weight to be a result… */
export const MIN_COVERAGE = 0.45;
/**
 * …or this much when its question answers a distinctive part of the query: a unit
 * that only a couple of questions contain ("connexion", "relevé de notes"). Natural
 * queries carry words the FAQ does not use ("page de connexion"); a query about
 * something else has no such anchor ("prix de l'examen": exams are only mentioned in
 * answers).
 */
export const MIN_COVERAGE_ANCHORED = 0.25;
/** …and score at least this. */
export const MIN_SCORE = 0.2;
/** What the engine looks at: longer queries are cut (Fuse's bitap is slow on huge patterns). */
export const MAX_QUERY_CHARS = 256;
const MAX_UNITS = 24;

// Replaced by the build (and the test set-up) with the bundled FAQ's index, as JSON text.
declare const MCP_FAQ_INDEX: string;

let bundledIndex: SearchIndex | undefined;

/** A searcher over the bundled FAQ's prebuilt index, or over another FAQ indexed now with the bundled glossary. */
export async function searcherFor(faq: Faq, bundled: boolean): Promise<Searcher> {
  bundledIndex ??= JSON.parse(MCP_FAQ_INDEX) as SearchIndex;
  if (bundled) return new Searcher(bundledIndex, faq);
  const fuzzy = await import('./fuzzy.js');
  return new Searcher(buildIndex(faq, bundledIndex.lexicon, fuzzy.stem), faq, fuzzy);
}

export function buildIndex(faq: Faq, lexicon: Lexicon, stem: Stemmer): SearchIndex {
  const analyzer = new Analyzer(lexicon, stem);
  const stems: Record<string, string> = {};
  const learn = (text: string) => {
    for (const t of analyzer.terms(text)) stems[t.word] = t.stem === t.word ? '' : t.stem;
  };
  const docs: IndexedDoc[] = faq.entries.map((e) => {
    const sources = [[e.question, e.toc ?? ''].join('\n'), e.category, markdownToPlain(e.answer)];
    sources.forEach(learn);
    return { id: e.id, fields: sources.map((s) => [...analyzer.indexTerms(s)]) as IndexedDoc['fields'] };
  });
  lexicon.phrases.forEach(learn);
  const inQuestions = new Map<string, number>();
  for (const { fields: [q, c] } of docs) for (const t of new Set([...q, ...c])) inQuestions.set(t, (inQuestions.get(t) ?? 0) + 1);
  const few = Math.max(2, Math.round(docs.length * 0.15));
  const distinctive = [...inQuestions].filter(([, n]) => n <= few).map(([t]) => t);
  return { lexicon, docs, stems, distinctive };
}

/** Markdown to the text a reader sees: link texts stay, URLs, images and markup go. */
export function markdownToPlain(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?)/gm, '')
    .replace(/^\s{0,3}[-*+]\s+/gm, '• ')
    .replace(/\*\*|__|[*`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Unit {
  /** Alternative terms and how well each stands for what the user typed (1 = exactly). */
  alts: Map<string, number>;
  weight: number;
  /** Not a weak notion ("qu'est-ce que", "impossible"): it can anchor a result. */
  strong: boolean;
  /** The words of the query it stands for. */
  words: string[];
}

/** A search engine over one index; build it once per process. */
export class Searcher {
  private readonly analyzer: Analyzer;
  private readonly fields: Set<string>[][];
  private readonly distinctive: Set<string>;
  private corrector?: Fuzzy.Corrector;

  /**
   * `faq`: the indexed FAQ, whose answers give the snippets. `fuzzy`: fuzzy.ts, when
   * the caller has it; otherwise search() loads it for the queries that need it.
   */
  constructor(
    private readonly index: SearchIndex,
    private readonly faq: Faq,
    private fuzzy?: typeof Fuzzy,
  ) {
    this.analyzer = new Analyzer(index.lexicon, (word) => this.needFuzzy().stem(word), index.stems);
    this.fields = index.docs.map((d) => d.fields.map((f) => new Set(f)));
    this.distinctive = new Set(index.distinctive);
  }

  /** Ranked results for a query (loads fuzzy.ts first when the query has words the index does not know). */
  async search(query: string, options: SearchOptions = {}): Promise<SearchOutcome> {
    const q = clean(query);
    if (!this.fuzzy && tokenize(q).some((t) => !this.analyzer.isStop(t.word) && !this.analyzer.knows(t.word))) {
      this.fuzzy = await import('./fuzzy.js');
    }
    return { results: this.rank(q, options), guesses: [] };
  }

  /** search(), for a caller that gave fuzzy.ts or knows the query's words are known. */
  searchNow(query: string, options: SearchOptions = {}): SearchResult[] {
    return this.rank(clean(query), options);
  }

  /** Ranks the entries for a query already cleaned (see clean()). */
  private rank(query: string, options: SearchOptions): SearchResult[] {
    const limit = options.limit ?? 5;
    const units = this.units(query, options.prefix === true);
    if (units.length === 0 || limit <= 0) return [];
    const total = units.reduce((s, u) => s + u.weight, 0);
    const results: SearchResult[] = [];
    this.index.docs.forEach((doc, d) => {
      const [question, category] = this.fields[d]!;
      let score = 0;
      let covered = 0;
      let anchored = false;
      for (const unit of units) {
        let best = 0;
        let bestQuality = 0;
        for (const [term, quality] of unit.alts) {
          let miss = 1;
          this.fields[d]!.forEach((f, k) => {
            if (f.has(term)) miss *= 1 - FIELD_WEIGHTS[k]!;
          });
          const m = quality * (1 - miss);
          if (m > best) [best, bestQuality] = [m, quality];
          if (unit.strong && quality >= 0.8 && this.distinctive.has(term) && (question!.has(term) || category!.has(term))) anchored = true;
        }
        score += unit.weight * best;
        covered += unit.weight * bestQuality;
      }
      const coverage = covered / total;
      const s = score / total;
      if (coverage >= (anchored ? MIN_COVERAGE_ANCHORED : MIN_COVERAGE) && s >= MIN_SCORE) {
        results.push({ id: doc.id, score: round(s), coverage: round(coverage), snippet: { text: '', marks: [] } });
      }
    });
    results.sort((a, b) => b.score - a.score || b.coverage - a.coverage);
    const top = results.slice(0, limit);
    if (options.snippets !== false) {
      const terms = new Set(units.flatMap((u) => [...u.alts.keys()]));
      const entries = entriesById(this.faq);
      for (const r of top) r.snippet = this.snippet(markdownToPlain(entries.get(r.id)!.answer), terms);
    }
    return top;
  }

  /** The query's units: what it asks, once each, with their weight (public for tests). */
  units(query: string, prefix = false): Unit[] {
    const terms = this.analyzer.terms(query);
    const quality = terms.map(() => 1);
    const prefixes = new Map<number, string[]>();
    terms.forEach((t, i) => {
      if (t.stop || this.isKnown(t)) return;
      if (prefix && i === terms.length - 1 && t.end === query.trimEnd().length) {
        const completions = this.vocab().filter((w) => w.startsWith(t.word) && w !== t.word);
        if (completions.length > 0 && t.word.length >= 2) {
          prefixes.set(i, completions);
          return;
        }
      }
      const fix = this.correct(t.word);
      if (fix) {
        terms[i] = this.analyzer.term({ ...t, word: fix.word });
        quality[i] = fix.quality;
      }
    });

    const units: Unit[] = [];
    // A unit says something once: "je n'arrive pas" is one failure, not two. Units are
    // the same when they stand for the same notions (or, without one, the same stems).
    const sameness = (alts: Map<string, number>) => {
      const keys = [...alts.keys()];
      const concepts = keys.filter((k) => k.startsWith('~'));
      return (concepts.length ? concepts : keys).sort().join('|');
    };
    const add = (alts: Map<string, number>, weight: number, words: string[]) => {
      const key = sameness(alts);
      if (units.some((u) => sameness(u.alts) === key)) return;
      units.push({ alts, weight: weight * this.idf([...alts.keys()]), strong: weight >= 1, words });
    };
    for (let i = 0; i < terms.length && units.length < MAX_UNITS; ) {
      const matches = this.analyzer.longestAt(terms, i);
      if (matches.length > 0) {
        const end = matches[0]!.end;
        const q = Math.min(...quality.slice(i, end));
        const alts = new Map<string, number>();
        let weight = 0;
        for (const m of matches) {
          for (const c of m.concepts) {
            alts.set(conceptTerm(c), q);
            weight = Math.max(weight, this.index.lexicon.weights[c]!);
          }
        }
        if (end - i === 1) alts.set(terms[i]!.stem, q);
        add(alts, weight, terms.slice(i, end).map((t) => t.word));
        i = end;
        continue;
      }
      const t = terms[i]!;
      const completions = prefixes.get(i);
      if (completions) {
        add(new Map(completions.map((w) => [this.analyzer.term({ ...t, word: w }).stem, 0.9])), 1, [t.word]);
      } else if (!t.stop) {
        add(new Map([[t.stem, quality[i]!]]), 1, [t.word]);
      }
      i++;
    }
    return units;
  }

  private isKnown(t: Term): boolean {
    return (
      Object.hasOwn(this.index.stems, t.word) ||
      t.word.length < 4 ||
      /\d/.test(t.word) ||
      this.fields.some((doc) => doc.some((f) => f.has(t.stem)))
    );
  }

  private words?: string[];

  /** The words the search knows, but stop words and short ones: what typos are corrected to. */
  private vocab(): string[] {
    this.words ??= Object.keys(this.index.stems).filter((w) => w.length > 2 && !this.analyzer.isStop(w));
    return this.words;
  }

  /** BM25 idf of the entries that contain any of the terms. */
  private idf(terms: string[]): number {
    const n = this.index.docs.length;
    const df = this.index.docs.filter((_, d) => terms.some((t) => this.fields[d]!.some((f) => f.has(t)))).length;
    // A term the FAQ never uses weighs like its rarest: enough to keep a query about
    // something else from matching on its one common word, not so much that one
    // unexpected word in a natural question sinks it.
    const d = Math.max(df, 1);
    return Math.log(1 + (n - d + 0.5) / (d + 0.5));
  }

  /** The nearest known word (fuzzy.ts). */
  private correct(word: string): { word: string; quality: number } | undefined {
    this.corrector ??= new (this.needFuzzy().Corrector)(this.vocab());
    return this.corrector.correct(word);
  }

  private needFuzzy(): typeof Fuzzy {
    if (!this.fuzzy) throw new Error('fuzzy.js is needed but not loaded: use search(), or give it to the Searcher');
    return this.fuzzy;
  }

  private snippet(text: string, terms: Set<string>, size = 160): Snippet {
    const words = this.analyzer.terms(text);
    const hit = words.map((t) => !t.stop && terms.has(t.stem));
    words.forEach((_, i) => {
      for (const m of this.analyzer.phrasesAt(words, i)) {
        if (m.concepts.some((c) => terms.has(conceptTerm(c)))) for (let k = m.start; k < m.end; k++) hit[k] = true;
      }
    });
    // The window of `size` characters starting at a matched word that holds the most
    // matches; it starts at its sentence when that begins shortly before.
    let from = 0;
    let most = 0;
    words.forEach((w, i) => {
      if (!hit[i]) return;
      let hits = 0;
      for (let k = i; k < words.length && words[k]!.end - w.start <= size; k++) if (hit[k]) hits++;
      if (hits > most) [from, most] = [w.start, hits];
    });
    const sentence = Math.max(...['. ', '? ', '! ', ': '].map((p) => text.lastIndexOf(p, from)));
    if (from <= 40) from = 0;
    else if (sentence >= 0 && from - sentence <= 40) from = sentence + 2;
    let to = Math.min(text.length, from + size);
    if (to < text.length) to = Math.max(text.lastIndexOf(' ', to), from + 1);
    const lead = from > 0 ? '… ' : '';
    const marks: [number, number][] = words
      .filter((t, i) => hit[i] && t.start >= from && t.end <= to)
      .map((t) => [t.start - from + lead.length, t.end - from + lead.length]);
    return { text: lead + text.slice(from, to).trimEnd() + (to < text.length ? ' …' : ''), marks };
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** What the engine looks at: no escape sequences or control characters, MAX_QUERY_CHARS at most. */
const clean = (query: string) => stripControls(query.slice(0, 4 * MAX_QUERY_CHARS), ' ').slice(0, MAX_QUERY_CHARS);
