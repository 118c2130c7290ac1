// The search vocabulary: stop words, the glossary of equivalent expressions and the
// list of off-topic notions (the data lives in faq/stopwords.txt, faq/glossary.txt
// and faq/offtopic.txt, whose headers document the format), compiled into a
// Lexicon, and the Analyzer that turns a text into the terms the search engine
// compares: word stems, and glossary notions written `~N` where N is the notion's
// number in the compiled lexicon.

import { FaqError } from './errors.js';
import { fold, scanWords, scanWritten, tokenize } from './text.js';

/**
 * What a notion is to the search (see faq/glossary.txt):
 * - topic: what an entry is about ("mot de passe");
 * - generic: an action or a relation ("modifier", "lien"), that needs a topic;
 * - form: the form of the question ("qu'est-ce que", "impossible"), half weight;
 * - context: the setting of the whole FAQ ("examen"), light;
 * - filler: words that say nothing of the need, weightless ("lose" of "will lose that
 *   mailbox", which is not a lost credential); a glossary expression, so that its
 *   first word is taken and the rest stays a unit of its own;
 * - offtopic: a neighbouring notion the FAQ does not answer (faq/offtopic.txt);
 * - elsewhere: an off-topic notion that is another product's or organisation's
 *   account or site (Outlook, Teams, AWS…): the FAQ's actions there (change the
 *   address, merge, sign in) are its own, not the profile's (see score.ts).
 */
export type NotionKind = 'topic' | 'generic' | 'form' | 'context' | 'filler' | 'offtopic' | 'elsewhere';

const KIND_LETTERS: Record<NotionKind, string> = {
  topic: 't',
  generic: 'g',
  form: 'f',
  context: 'c',
  filler: 'r',
  offtopic: 'o',
  elsewhere: 'e',
};
const KIND_OF_LETTER = Object.fromEntries(Object.entries(KIND_LETTERS).map(([k, l]) => [l, k])) as Record<string, NotionKind>;
/** The marks that start a glossary line, and the kind they give its notion (unmarked: a topic). */
const MARKS: Record<string, NotionKind> = {
  '(générique)': 'generic',
  '(faible)': 'form',
  '(contexte)': 'context',
  '(remplissage)': 'filler',
};
/** The same for an off-topic line (unmarked: off-topic). */
const OFFTOPIC_MARKS: Record<string, NotionKind> = { '(ailleurs)': 'elsewhere' };

/**
 * Stands, in an expression, for a gap of up to MAX_GAP words that are not stop words
 * ("link … accounts" matches "link my work and school accounts"), MAX_GAP_TOKENS words
 * in all.
 */
const GAP = '…';
const MAX_GAP = 2;
const MAX_GAP_TOKENS = 8;

export interface Lexicon {
  /** Folded stop words, each between spaces (" a au aux … "). */
  stop: string;
  /** One letter per notion, its kind (t, g, f, c, r, o, e: see NotionKind). */
  kinds: string;
  /** A readable label per notion (its first expression), for debugging and tests. */
  labels: string[];
  /** Every expression, a line each, as its folded words joined by spaces (GAP for a gap)… */
  phrases: string;
  /** …and, a line each, the notions it belongs to, comma-separated. */
  concepts: string;
  /** Where each line of `phrases`, then of `concepts`, starts (and each one's end + 1): a search cuts the few lines it needs. */
  starts: { phrases: number[]; concepts: number[] };
  /**
   * Expressions by the key of their first significant word (see wordKey), longest
   * first: a line "key=p,q,…" each, between newlines. Strings rather than arrays and
   * objects: the bundled index is made at every search (from V8's code cache, where
   * each string of a literal is interned), and some thousands of small strings and an
   * object of hundreds of keys cost more than they save.
   */
  byKey: string;
}

/** Reduces a folded word to its stem (fuzzy.ts has the real one). */
export type Stemmer = (word: string) => string;

/** What the Analyzer knows of a word, worked out once per word: the same object each time (see Analyzer.word). */
export interface Word {
  /** The folded word. */
  readonly word: string;
  readonly stem: string;
  readonly stop: boolean;
  /** The expressions it may start (see Analyzer.phrasesAt), or null. */
  readonly keyed: number[] | null;
}

/** A word of an analysed text, with its offsets in the text. */
export interface Term extends Word {
  start: number;
  end: number;
}

/** A glossary expression found in a text: terms [start, end) and its notions. */
interface PhraseMatch {
  start: number;
  end: number;
  concepts: number[];
  /** The expression has a gap (…): the words in between are not part of it. */
  gapped: boolean;
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
  /** Has a gap (…). */
  gapped: boolean;
}

/**
 * Parses faq/glossary.txt, faq/stopwords.txt and faq/offtopic.txt; `source` names
 * the glossary in errors (the off-topic list is named offtopic.txt).
 */
export function compileLexicon(glossary: string, stopwords: string, stem: Stemmer, source = 'glossary.txt', offtopic = ''): Lexicon {
  const stop = [...new Set(stripComments(stopwords).flatMap((l) => tokenize(l).map((t) => t.word)))];
  const lexicon: Lexicon = {
    stop: ` ${stop.join(' ')} `,
    kinds: '',
    labels: [],
    phrases: '',
    concepts: '',
    starts: { phrases: [], concepts: [] },
    byKey: '',
  };
  const phraseList: string[] = [];
  const concepts: number[][] = [];
  const seen = new Map<string, number>();
  const addLine = (line: string, lineNo: number, file: string, kind: NotionKind) => {
    const expressions = line.split('|').map((e) => e.trim());
    const phrases = expressions.map((e) =>
      e.split(GAP).map((part) =>
        tokenize(part)
          .map((t) => t.word)
          .join(' '),
      ),
    );
    if (phrases.some((parts) => parts.some((p) => !p))) {
      throw new FaqError('input', `${file}:${lineNo}: expression vide dans « ${line.trim()} »`);
    }
    const concept = lexicon.kinds.length;
    lexicon.kinds += KIND_LETTERS[kind];
    lexicon.labels.push(expressions[0]!);
    for (const words of phrases.map((parts) => parts.join(` ${GAP} `))) {
      const known = seen.get(words);
      if (known !== undefined) {
        if (!concepts[known]!.includes(concept)) concepts[known]!.push(concept);
        continue;
      }
      seen.set(words, phraseList.length);
      phraseList.push(words);
      concepts.push([concept]);
    }
  };
  const addLines = (text: string, file: string, marks: Record<string, NotionKind>, unmarked: NotionKind) =>
    stripComments(text).forEach((line, i) => {
      if (!line.trim()) return;
      const mark = Object.keys(marks).find((m) => line.trimStart().toLowerCase().startsWith(m));
      addLine(mark ? line.trimStart().slice(mark.length) : line, i + 1, file, mark ? marks[mark]! : unmarked);
    });
  addLines(glossary, source, MARKS, 'topic');
  addLines(offtopic, 'offtopic.txt', OFFTOPIC_MARKS, 'offtopic');
  const conceptLines = concepts.map((c) => c.join(','));
  lexicon.phrases = phraseList.join('\n');
  lexicon.concepts = conceptLines.join('\n');
  lexicon.starts = { phrases: lineStarts(phraseList), concepts: lineStarts(conceptLines) };
  const analyzer = new Analyzer(lexicon, stem);
  const byKey = new Map<string, number[]>();
  phraseList.forEach((_, p) => {
    const { words, stems, from } = analyzer.phrase(p);
    const key = wordKey(words[from]!, stems[from]!);
    const list = byKey.get(key);
    if (list) list.push(p);
    else byKey.set(key, [p]);
  });
  const length = (p: number) => phraseList[p]!.split(' ').length;
  const lines = [...byKey].map(([key, list]) => `${key}=${list.sort((a, b) => length(b) - length(a)).join(',')}`);
  lexicon.byKey = `\n${lines.join('\n')}\n`;
  return lexicon;
}

/** Keys looked up in the lexicon's text before it is worth a map of them all. */
const KEYED_SCANS = 64;

/** The kind of notion number `concept`. */
export const kindOf = (lexicon: Lexicon, concept: number): NotionKind => KIND_OF_LETTER[lexicon.kinds[concept]!]!;

// Long words compare by stem, short ones exactly: "certificats" = "certificat",
// but "not" ≠ "notes" although both stem to "not".
const wordKey = (word: string, wordStem: string): string => (word.length > 4 ? `s:${wordStem}` : `w:${word}`);

const sameWord = (word: string, wordStem: string, t: Word): boolean =>
  word === t.word || (word.length > 4 && t.word.length > 4 && wordStem === t.stem);

function stripComments(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.replace(/#.*/, ''));
}

/** Turns texts into terms, with the lexicon's stop words and expressions. */
export class Analyzer {
  private readonly stop: Set<string>;
  /** The words seen so far: a text's words are looked up once each, not once per step. */
  private readonly seen = new Map<string, Word>();
  /** The same, by the words as written (see words()). */
  private readonly written = new Map<string, Word>();
  /** Stems of the expressions' words. */
  private readonly stems = new Map<string, string>();
  /** Expressions ready to match, by number: a dense array (filled in any order, it is looked up millions of times). */
  private parsed: (Phrase | undefined)[] = [];
  /** Keyed expression lists by key, once more than KEYED_SCANS words were looked up (a search needs a few). */
  private keyed?: Map<string, string>;
  private keyLookups = 0;

  /** `stemmer` stems the words; its results are kept. */
  constructor(
    readonly lexicon: Lexicon,
    private readonly stemmer: Stemmer,
  ) {
    this.stop = new Set(lexicon.stop.trim().split(' '));
  }

  /** The expressions whose first significant word has this key, longest first, or null. */
  private expressionsOf(key: string): number[] | null {
    const { byKey } = this.lexicon;
    let list: string | undefined;
    if (!this.keyed && ++this.keyLookups > KEYED_SCANS) {
      this.keyed = new Map(
        byKey
          .slice(1, -1)
          .split('\n')
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
    }
    if (this.keyed) list = this.keyed.get(key);
    else {
      const at = byKey.indexOf(`\n${key}=`);
      if (at >= 0) list = byKey.slice(at + key.length + 2, byKey.indexOf('\n', at + 1));
    }
    return list === undefined ? null : list.split(',').map(Number);
  }

  isStop(word: string): boolean {
    return this.stop.has(word);
  }

  /** The terms of a text. */
  terms(text: string): Term[] {
    const terms: Term[] = [];
    scanWords(text, (word, start, end) => terms.push(this.term(word, start, end)));
    return terms;
  }

  /**
   * The words of a text, without their offsets: the same object for each occurrence
   * of a word (a large FAQ has millions of words, but some thousands of distinct ones).
   */
  words(text: string): Word[] {
    const words: Word[] = [];
    scanWritten(text, (written, folded) => {
      let word = this.written.get(written);
      if (!word) this.written.set(written, (word = this.word(folded ? written : fold(written))));
      words.push(word);
    });
    return words;
  }

  /** A word as a term (a stop word is its own stem: it only ever matches inside an expression, as itself). */
  term(word: string, start = 0, end = word.length): Term {
    const { stem, stop, keyed } = this.word(word);
    return { word, start, end, stem, stop, keyed };
  }

  /** What the analyzer knows of a folded word, worked out on first sight. */
  word(word: string): Word {
    let info = this.seen.get(word);
    if (!info) {
      const stop = this.stop.has(word);
      const stem = stop ? word : this.stem(word);
      const key = wordKey(word, stem);
      const keyed = this.expressionsOf(key);
      this.seen.set(word, (info = { word, stem, stop, keyed }));
    }
    return info;
  }

  /** Every word analysed so far, in the order first seen. */
  known(): IterableIterator<Word> {
    return this.seen.values();
  }

  private stem(word: string): string {
    let s = this.stems.get(word);
    if (s === undefined) this.stems.set(word, (s = this.stemmer(word)));
    return s;
  }

  /** Expression number p, ready to match (made on first use). */
  phrase(p: number): Phrase {
    let phrase = this.parsed[p];
    if (!phrase) {
      const { phrases, concepts, starts } = this.lexicon;
      if (this.parsed.length === 0) this.parsed = new Array<Phrase | undefined>(starts.phrases.length - 1).fill(undefined);
      const words = phrases.slice(starts.phrases[p], starts.phrases[p + 1]! - 1).split(' ');
      // An expression is looked up by its first word that is not a stop word
      // ("se connecter" by "connecter"), or by its first word when all are.
      const from = Math.max(
        0,
        words.findIndex((w) => !this.stop.has(w) && w !== GAP),
      );
      const stems = words.map((w) => (this.stop.has(w) || w === GAP ? w : this.stem(w)));
      const notions = concepts
        .slice(starts.concepts[p], starts.concepts[p + 1]! - 1)
        .split(',')
        .map(Number);
      phrase = { words, stems, concepts: notions, from, exact: words.every((w) => this.stop.has(w)), gapped: words.includes(GAP) };
      this.parsed[p] = phrase;
    }
    return phrase;
  }

  /**
   * Every glossary expression whose first significant word is terms[i], longest
   * first. Stop words are loose: the expression's own may be missing from the text
   * and the text may have others in between, so "historique d'examens" matches
   * "historique des examens" and "mot passe" matches "mot de passe". An expression
   * made of stop words only ("what is", "qu'est-ce que") must match exactly. A gap
   * (…) lets a few words of any kind pass (see GAP).
   */
  phrasesAt(terms: readonly Word[], i: number): PhraseMatch[] {
    const list = terms[i]!.keyed;
    if (!list) return NO_MATCH;
    const found: PhraseMatch[] = [];
    for (const p of list) {
      const phrase = this.phrase(p);
      const end = this.matchFrom(phrase, terms, i, i, phrase.from);
      if (end >= 0) found.push({ start: i, end, concepts: phrase.concepts, gapped: phrase.gapped });
    }
    return found.length > 1 ? found.sort((a, b) => b.end - a.end) : found;
  }

  /** Where phrase words [k…] matched from terms[j] end (an index in terms), or -1. */
  private matchFrom(phrase: Phrase, terms: readonly Word[], i: number, j: number, k: number): number {
    const { words, stems, exact } = phrase;
    while (k < words.length) {
      if (words[k] === GAP) {
        for (let skip = 0, skipped = 0; skip <= MAX_GAP_TOKENS && skipped <= MAX_GAP && j + skip < terms.length; skip++) {
          const end = this.matchFrom(phrase, terms, i, j + skip, k + 1);
          if (end >= 0) return end;
          if (!terms[j + skip]!.stop) skipped++;
        }
        return -1;
      }
      const t = terms[j];
      if (t && sameWord(words[k]!, stems[k]!, t)) {
        j++;
        k++;
      } else if (!exact && this.stop.has(words[k]!)) k++;
      else if (!exact && t?.stop && j > i) j++;
      else return -1;
    }
    // Stop words the text has at the end of the match are not part of it.
    while (j > i + 1 && terms[j - 1]!.stop && !words.includes(terms[j - 1]!.word)) j--;
    return j;
  }

  /**
   * Calls `each` with the index terms of a text's terms (some more than once): the
   * stem of every word that is not a stop word, and the notion of every glossary
   * expression it contains, overlapping ones included ("annuler le lien" is an
   * unlinking and a link).
   */
  indexTerms(terms: readonly Word[], each: (term: string) => void): void {
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      if (!t.stop) each(t.stem);
      if (t.keyed) for (const m of this.phrasesAt(terms, i)) for (const c of m.concepts) each(conceptTerm(c));
    }
  }

  /** The longest expressions at terms[i] (several when they have the same extent). */
  longestAt(terms: readonly Word[], i: number): PhraseMatch[] {
    const matches = this.phrasesAt(terms, i);
    return matches.filter((m) => m.end === matches[0]!.end);
  }
}

export const conceptTerm = (concept: number): string => `~${concept}`;

const NO_MATCH: PhraseMatch[] = [];

/** Where each of these lines starts once joined by newlines, then where one more would. */
function lineStarts(lines: string[]): number[] {
  const starts = [0];
  for (const line of lines) starts.push(starts.at(-1)! + line.length + 1);
  return starts;
}
