// Stage 4 of a search (see search.ts): the corrected words of a query become units,
// each a thing the user means once: a glossary expression ("mot de passe", "sign in",
// "mdp") becomes its notion, which matches any equivalent expression in the FAQ; any
// other word but a stop word becomes its stem. Each unit then gets its weight: what
// it says about the user's need.

import { conceptTerm, kindOf, type Analyzer, type NotionKind, type Term } from '../glossary.js';
import { COMPLETION_QUALITY, type QueryWord } from './correct.js';
import { ANSWER, entryOf, fieldsOf, type SearchIndex } from './indexing.js';
import { hasDigit } from '../text.js';

export interface Unit {
  /** Alternative index terms and how well each stands for what the user typed (1 = exactly). */
  alts: Map<string, number>;
  /**
   * Its notion's kind; a plain word is a topic. weighUnits() settles it: an off-topic
   * notion the FAQ talks about is a topic, a topic most questions have is context, a
   * topic next to an off-topic notion is off-topic.
   */
  kind: Exclude<NotionKind, 'elsewhere'>;
  /** An off-topic unit that is another product's or organisation's account or site (see NotionKind). */
  elsewhere?: true;
  /** The words of the query it stands for… */
  words: string[];
  /** …at these positions in the query's words: [from, to). */
  at: [number, number];
  /** What it says about the user's need (see weighUnits). */
  weight: number;
  /** How many ways the query says it ("merge my two profiles": two). */
  said: number;
  /**
   * The words an unfinished or cut last word may stand for ("acco": account,
   * accommodation…), and whether each is a notion the FAQ does not answer.
   */
  completions?: { word: string; offtopic: boolean }[];
}

/** A query says at most this many things: the rest of a long message is left out. */
const MAX_UNITS = 40;

/** The words between a thing and what it belongs to: "de ma", "du", "of my", "on my", "dans mon", "de mon compte" (Xbox)… */
const OF =
  /^(?:de|du|des|d|of|on|sur|in|dans)(?: (?:ma|mon|mes|ta|ton|tes|sa|son|ses|la|le|les|l|votre|vos|notre|nos|my|your|the|his|her|our|their))?(?: (?:compte|comptes|account|accounts))?$/;

/** Which kind a unit of several notions takes: the one that says most. */
const KIND_ORDER: Unit['kind'][] = ['topic', 'generic', 'form', 'context', 'offtopic', 'filler'];

/** The units of a query's words (their weights are set by weighUnits). */
export function queryUnits(words: QueryWord[], analyzer: Analyzer): Unit[] {
  const terms = words.map((w) => analyzer.term(w.word, w.start, w.end));
  completeInPhrase(words, terms, analyzer);
  const units: Unit[] = [];
  const seen = new Map<string, Unit>();
  const add = (
    alts: Map<string, number>,
    kind: Unit['kind'],
    from: number,
    to: number,
    elsewhere = false,
    completions?: Unit['completions'],
  ) => {
    // A unit says something once ("je n'arrive pas" is one failure, not two), and counts
    // how many ways it is said (see REPEAT_BONUS). Units are the same when they stand
    // for the same notions (or, without one, the same stems).
    const keys = [...alts.keys()];
    const concepts = keys.filter((k) => k.startsWith('~'));
    const key = (concepts.length ? concepts : keys).sort().join('|');
    const said = words.slice(from, to).map((w) => w.word);
    const known = seen.get(key);
    if (known) {
      // Said again in other words ("merge … two profiles"), not the same word again.
      if (said.join(' ') !== known.words.join(' ')) known.said++;
      return;
    }
    const unit: Unit = {
      alts,
      kind,
      words: said,
      at: [from, to],
      weight: 0,
      said: 1,
      ...(elsewhere && kind === 'offtopic' ? { elsewhere } : {}),
      ...(completions ? { completions } : {}),
    };
    seen.set(key, unit);
    units.push(unit);
  };
  // The last words of gapped expressions of context or off-topic (see below).
  const taken = new Set<number>();
  for (let i = 0; i < terms.length && units.length < MAX_UNITS;) {
    if (taken.has(i)) {
      i++;
      continue;
    }
    const matches = analyzer.longestAt(terms, i);
    if (matches.length > 0) {
      const end = matches[0]!.end;
      const quality = Math.min(...words.slice(i, end).map((w) => w.quality));
      const alts = new Map<string, number>();
      const kinds = new Set<NotionKind>();
      for (const m of matches) {
        for (const c of m.concepts) {
          alts.set(conceptTerm(c), quality);
          kinds.add(kindOf(analyzer.lexicon, c));
        }
      }
      const elsewhere = kinds.delete('elsewhere');
      if (elsewhere) kinds.add('offtopic');
      if (end - i === 1) alts.set(terms[i]!.stem, quality);
      add(
        alts,
        KIND_ORDER.find((k) => kinds.has(k))!,
        i,
        end,
        elsewhere,
      );
      // The words in the gap of "link … accounts" say things of their own, and so
      // does its last word ("why … certified": "certified" is the programme too),
      // unless the expression is context or off-topic: "send … recruiter" is not
      // about careers, and in "onvue … password" the password is OnVUE's.
      const gapped = matches.some((m) => m.gapped);
      if (gapped && kinds.size === 1 && (kinds.has('context') || kinds.has('offtopic'))) taken.add(end - 1);
      i = gapped ? i + 1 : end;
      continue;
    }
    const t = terms[i]!;
    const { completions, quality } = words[i]!;
    if (completions) {
      const alts = new Map(completions.map((w) => [analyzer.term(w).stem, COMPLETION_QUALITY]));
      alts.set(t.stem, quality);
      const offtopic = (w: string) =>
        analyzer.phrasesAt([analyzer.term(w)], 0).some((m) => m.concepts.some((c) => OFF_KINDS.has(kindOf(analyzer.lexicon, c))));
      add(
        alts,
        'topic',
        i,
        i + 1,
        false,
        completions.map((w) => ({ word: w, offtopic: offtopic(w) })),
      );
    } else if (!t.stop) {
      add(new Map([[t.stem, quality]]), 'topic', i, i + 1);
    }
    i++;
  }
  return units;
}

/**
 * The unfinished last word of a prefix search becomes the completion that ends a
 * glossary expression begun before it, if one does ("mot de pa" → "mot de passe").
 */
function completeInPhrase(words: QueryWord[], terms: Term[], analyzer: Analyzer): void {
  const last = words.length - 1;
  const completions = words[last]?.completions;
  if (!completions) return;
  for (const completion of completions) {
    const tried = [...terms.slice(0, last), analyzer.term(completion, words[last]!.start, words[last]!.end)];
    for (let i = Math.max(0, last - 4); i < last; i++) {
      if (analyzer.phrasesAt(tried, i).some((m) => m.end === last + 1)) {
        terms[last] = tried[last]!;
        words[last] = { ...words[last]!, word: completion, quality: COMPLETION_QUALITY, completions: undefined };
        return;
      }
    }
  }
}

/** What a unit weighs relative to the rarest term of the FAQ, by its kind… */
const CONTEXT_WEIGHT = 0.2;
const OFFTOPIC_WEIGHT = 1.25;
/** …or relative to what its terms weigh. */
const FORM_FACTOR = 0.5;
const GENERIC_FACTOR = 0.5;
/** What a word the FAQ does not use weighs, relative to its rarest term, by frequency class (0: rare). */
const RARITY = [1, 0.05, 0.1, 0.15, 0.25];
/** A topic said in another way too weighs this much more (once). */
const REPEAT_BONUS = 0.5;
/** A topic weighing less than this share of the rarest term says nothing (see saysSomething). */
const MIN_TOPIC_SHARE = 0.1;

/**
 * A topic that says something: weighs at least MIN_TOPIC_SHARE of the rarest word's
 * weight. Below, it is a word common in general that the FAQ does not use ("page",
 * "ms", "days"): filler, which an answer need not have.
 */
export const saysSomething = (unit: Unit, n: number): boolean => unit.kind === 'topic' && unit.weight >= MIN_TOPIC_SHARE * idf(1, n);

/** BM25 idf: how much a term that `df` of `n` entries contain tells them apart. */
const idf = (df: number, n: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/**
 * Sets each unit's weight. A unit that the FAQ's questions (or categories) contain
 * weighs its idf, counting an entry that has it only in its answer as half an entry.
 * Any other unit weighs by how rare its words are in general (`classOf`: frequency
 * class, see fuzzy.ts), so that "stuck" or "page" say little and "kubernetes" a lot
 * (at most its idf, when answers have it); a number, a word of one or two letters
 * ("2024", "az" of "AZ-900") or one too long to be a word, next to nothing; a glossary notion, not that little. An off-topic
 * notion weighs more than any term of the FAQ, unless the FAQ talks about it: then
 * it is a topic like any other; a topic right next to it is a part of it. A notion of form or a generic one weighs half; the
 * FAQ's context, little: the notions marked so, and the topics most questions have.
 */
export function weighUnits(units: Unit[], index: SearchIndex, classOf: (word: string) => number, queryWords: string[]): void {
  const n = index.ids.length;
  const rarest = idf(1, n);
  const seen = units.map((unit) => presence(unit, index));
  units.forEach((unit, i) => {
    const { inQuestions, inAnswersOnly } = seen[i]!;
    if (unit.kind === 'offtopic' && inQuestions + inAnswersOnly > 0) {
      unit.kind = 'topic';
      delete unit.elsewhere;
    }
    // A topic that most questions share ("certification", "profil") is the FAQ's context.
    if (unit.kind === 'topic' && inQuestions > n / 2) unit.kind = 'context';
  });
  units.forEach((unit, i) => {
    const { inQuestions, inAnswersOnly } = seen[i]!;
    const df = inQuestions + inAnswersOnly / 2;
    const notion = [...unit.alts.keys()].some((t) => t.startsWith('~'));
    // How rare it is in general matters only for what no question has (and costs a lookup).
    // A cut word ("acco") is no rarer than the commonest word it may stand for (account):
    // weighed as a word no one writes, it outweighed the words before it, and the answer
    // they found was no longer sure. Unless that commonest word is off-topic: then it keeps
    // its veto, as the unknown word it is. Not under 4 letters: "cli", "fac", "bot" are as
    // often words of their own, that the FAQ does not know (the same veto).
    const wordRarity = () => {
      const own = rarity(unit.words, classOf);
      if (!unit.completions || unit.words[0]!.length < CUT_WORD_LETTERS) return own;
      const [commonest] = unit.completions.map((c) => ({ ...c, rarity: rarity([c.word], classOf) })).sort((a, b) => a.rarity - b.rarity);
      return commonest!.offtopic ? own : Math.min(own, commonest!.rarity);
    };
    const general = () => rarest * Math.max(wordRarity(), notion ? NOTION_RARITY : 0);
    const base = inQuestions > 0 ? idf(df, n) : df > 0 ? Math.min(idf(df, n), general()) : general();
    unit.weight =
      unit.kind === 'filler'
        ? 0
        : unit.kind === 'offtopic'
          ? OFFTOPIC_WEIGHT * rarest
          : unit.kind === 'context'
            ? Math.min(base, CONTEXT_WEIGHT * rarest)
            : unit.kind === 'form'
              ? FORM_FACTOR * base
              : unit.kind === 'generic'
                ? GENERIC_FACTOR * base
                : base;
    // A topic said again in other words weighs a little more, at most once more.
    if (unit.kind === 'topic') unit.weight *= 1 + REPEAT_BONUS * Math.min(unit.said - 1, 1);
  });
  // A topic right next to an off-topic notion is a part of it: "Xbox password",
  // "mot de passe Xbox", "le mot de passe de ma box wifi" are about Xbox or the box,
  // not about the FAQ's password. Next to: side by side, or the thing then "of" the
  // notion ("de ma", "of my", "on my", "dans mon"); not "my name for the scheduled exam". Filler beside
  // it ("through Pearson") stays filler.
  const nextTo = (thing: Unit, off: Unit) =>
    thing.at[0] === off.at[1] ||
    thing.at[1] === off.at[0] ||
    (thing.at[1] < off.at[0] && OF.test(queryWords.slice(thing.at[1], off.at[0]).join(' ')));
  const offtopic = units.filter((u) => u.kind === 'offtopic');
  for (const u of units) {
    if ((saysSomething(u, n) || u.kind === 'generic') && offtopic.some((off) => nextTo(u, off))) {
      u.kind = 'offtopic';
      u.weight = OFFTOPIC_WEIGHT * rarest;
    }
  }
}

/** How many entries have the unit in their question (or category), and how many in their answer only. */
function presence(unit: Unit, index: SearchIndex): { inQuestions: number; inAnswersOnly: number } {
  const where = new Map<number, number>();
  for (const term of unit.alts.keys()) {
    for (const p of index.postings(term)) where.set(entryOf(p), (where.get(entryOf(p)) ?? 0) | fieldsOf(p));
  }
  let inQuestions = 0;
  for (const bits of where.values()) if (bits !== ANSWER) inQuestions++;
  return { inQuestions, inAnswersOnly: where.size - inQuestions };
}

const RARITY_OF_NUMBERS = 0.02;
/** Longer "words" are noise (a word is cut out of a URL or a path, not this). */
const MAX_WORD = 32;
/** A glossary notion is never as common as a common word: the glossary says it means something here. */
const NOTION_RARITY = 0.3;

/** From this many letters, a cut last word weighs no more than the commonest word it may stand for (see weighUnits). */
const CUT_WORD_LETTERS = 4;

/** Notions the FAQ does not answer (see queryUnits: a cut word that may be one of them). */
const OFF_KINDS = new Set<NotionKind>(['offtopic', 'elsewhere']);

/** How rare the rarest of the words is in general (1: not among the common words). */
function rarity(words: string[], classOf: (word: string) => number): number {
  return Math.max(
    RARITY_OF_NUMBERS,
    ...words.map((w) => (w.length < 3 || w.length > MAX_WORD || hasDigit(w) ? RARITY_OF_NUMBERS : RARITY[classOf(w)]!)),
  );
}
